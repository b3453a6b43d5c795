"""Review (r on home, and `quiz review`): the missed questions come back, most overdue first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Button
from ui_helpers import Notices, answer, make_app, settle, studio_pack

from quiz.game.kinds import GameKind, Mode
from quiz.game.review import plan_review
from quiz.game.selection import GameOptions
from quiz.history.sqlite import SqliteHistory
from quiz.store import NewGame, Store
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.results import ResultsScreen


class Days:
    """The history's wall clock, moved by whole days."""

    def __init__(self) -> None:
        self.now = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def to(self, day: float) -> None:
        self.now = datetime(2026, 5, 4, 8, 0, tzinfo=UTC) + timedelta(days=day)


@pytest.fixture
def days() -> Days:
    return Days()


@pytest.fixture
def recorder(tmp_path: Path, days: Days):
    store, _ = Store.open(tmp_path, now=days)
    made = SqliteHistory(store)
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
            "Nothing to review yet in Studio Tour: play a game first, and its questions come"
            " back here when they are due."
        )


async def test_missed_questions_come_back_in_a_review_that_is_never_a_best(
    recorder: SqliteHistory, days: Days
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
        await pilot.press("r")  # nothing due the same day
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        days.to(1)  # a missed question comes back the next day
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen) and app.screen.session.scored
        board = app.screen.query_one("#scoreboard")
        first = app.screen.session.current.question.id
        assert str(board.render()).startswith("↻ Review · Question 1 of 3")
        await answer(pilot, True)
        assert str(board.render()).startswith("↻ Review · Question 1 of 3")  # the reveal too
        await pilot.press("n")
        await settle(pilot)
        reviewed = [first, *await play_out(pilot, lambda n: True)]
        assert reviewed == sorted(missed)  # due at the same moment: by id
        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert str(results.query_one("#title").render()) == "↻ Review results (never a best)"
        assert "\n" not in str(results.query_one("#stats").render())  # no best line
        assert not results.query_one("#play_again", Button).display  # not shown, not offered
        await pilot.press("p")  # nothing to play again
        await settle(pilot)
        assert app.screen is results
        await pilot.press("h")
        await settle(pilot)
        days.to(2)  # the questions right on day 0 are due now; those reviewed, later
        await pilot.press("r")
        await settle(pilot)
        assert [a.question.id for a in app.screen.session.asked] == sorted(asked[1::2])
    [stats] = recorder.stats()
    assert [(k.count, k.timed, k.finished) for k in stats.kinds] == [(5, False, 1)]  # 5 in studio
    assert stats.games - stats.unfinished >= 2  # the review was played, just never ranked
    assert set(recorder.best_scores()["studio"]) == {GameKind(Mode.PLAY, 5)}


async def test_a_review_plan_given_to_the_app_starts_at_once(recorder, days: Days) -> None:
    studio = studio_pack()
    game = recorder.store.start_game(NewGame("studio", count=10))
    for question_id in ("composer", "camera"):
        recorder.store.record_answer(game, "studio", question_id, "", False, 0, 1.0)
    days.to(1)
    plan = plan_review(recorder, [studio])
    app = make_app([studio], history=recorder, review=plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        # Equally overdue: by question id.
        assert [a.question.id for a in app.screen.session.asked] == ["camera", "composer"]
        assert app.screen.session.mode is Mode.REVIEW
        await play_out(pilot, lambda n: True)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_a_review_game_keeps_its_own_options(recorder, days: Days) -> None:
    studio = studio_pack()
    game = recorder.store.start_game(NewGame("studio", count=10))
    recorder.store.record_answer(game, "studio", "camera", "", False, 0, 1.0)
    days.to(1)
    plan = plan_review(recorder, [studio], seed=3)
    app = make_app([studio], history=recorder, review=plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        session = app.screen.session
        assert session.options == GameOptions(count=1, seed=3)
        assert session.asked == plan.selection.asked
