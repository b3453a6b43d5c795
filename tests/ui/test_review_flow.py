"""Review (r on home, and `quiz review`): the missed questions come back, most overdue first."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button
from ui_helpers import Notices, answer, make_app, settle, studio_pack

from quiz.game.kinds import GameKind, Mode
from quiz.game.review import plan_review
from quiz.game.selection import GameOptions
from quiz.history.sqlite import SqliteHistory
from quiz.store import NewGame
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.results import ResultsScreen


@pytest.fixture
def recorder(tmp_path: Path):
    made = SqliteHistory.open(tmp_path)
    yield made
    made.close()


async def play_out(pilot, right) -> list[str]:
    """Answer every question (right(n) says which), to the results; the ids asked."""
    asked = []
    while isinstance(pilot.app.screen, QuestionScreen):
        session = pilot.app.screen.session
        asked.append(session.current.question.id)
        await answer(pilot, right(session.number))
        await pilot.press("n")
        await settle(pilot)
    return asked


async def test_r_with_nothing_played_says_so_and_stays_home(recorder: SqliteHistory) -> None:
    app = make_app(history=recorder)
    notices = Notices()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        [notice] = notices.messages
        assert notice == (
            "Nothing to review yet in Studio Tour: play a game first and missed questions"
            " come back here."
        )


async def test_missed_questions_come_back_in_a_review_that_is_never_a_best(
    recorder: SqliteHistory,
) -> None:
    app = make_app(history=recorder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        asked = await play_out(pilot, lambda n: n % 2 == 0)  # miss the 1st, 3rd, 5th
        missed = asked[0::2]
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen) and app.screen.session.scored
        reviewed = await play_out(pilot, lambda n: True)
        assert reviewed == sorted(missed)  # all in box 1 since the same game: by id
        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert str(results.query_one("#title").render()) == "Review results"
        assert "\n" not in str(results.query_one("#stats").render())  # no best line
        assert results.query_one("#play_again", Button).disabled
        await pilot.press("p")  # nothing to play again
        await settle(pilot)
        assert app.screen is results
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("r")  # box 2 (right once) comes back every other game: now
        await settle(pilot)
        assert [a.question.id for a in app.screen.session.asked] == sorted(asked[1::2])
    [stats] = recorder.stats()
    assert [(k.count, k.timed, k.finished) for k in stats.kinds] == [(5, False, 1)]  # 5 in studio
    assert stats.games - stats.unfinished >= 2  # the review was played, just never ranked
    assert set(recorder.best_scores()["studio"]) == {GameKind(Mode.PLAY, 5)}


async def test_a_review_plan_given_to_the_app_starts_at_once(recorder: SqliteHistory) -> None:
    studio = studio_pack()
    game = recorder.store.start_game(NewGame("studio", count=10))
    for question_id in ("composer", "camera"):
        recorder.store.record_answer(game, "studio", question_id, "", False, 0, 1.0)
    plan = plan_review(recorder, [studio])
    app = make_app([studio], history=recorder, review=plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        # Equally overdue, same box, same game: by question id.
        assert [a.question.id for a in app.screen.session.asked] == ["camera", "composer"]
        assert app.screen.session.mode is Mode.REVIEW
        await play_out(pilot, lambda n: True)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_a_review_game_keeps_its_own_options(recorder: SqliteHistory) -> None:
    studio = studio_pack()
    game = recorder.store.start_game(NewGame("studio", count=10))
    recorder.store.record_answer(game, "studio", "camera", "", False, 0, 1.0)
    plan = plan_review(recorder, [studio], seed=3)
    app = make_app([studio], history=recorder, review=plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        session = app.screen.session
        assert session.options == GameOptions(count=1, seed=3)
        assert session.asked == plan.selection.asked
