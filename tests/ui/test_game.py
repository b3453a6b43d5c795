"""Whole games: keys only and mouse only to the results, then play again, retry and home."""

from __future__ import annotations

from textual.widgets import DataTable, Static
from ui_helpers import FakeClock, Notices, answer, make_app, settle, studio_pack

from quiz.game.history import NoHistory
from quiz.game.selection import GameOptions, select
from quiz.game.session import Phase
from quiz.packs.model import QuestionType
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.results import ResultsScreen
from quiz.ui.screens.source import SourceScreen
from quiz.ui.widgets.choices import Choices


async def play_with_keys(pilot, right=lambda number: True) -> QuestionScreen:
    """Answer every question by keys; question n is answered right if right(n)."""
    screen = pilot.app.screen
    assert isinstance(screen, QuestionScreen)
    while screen.session.phase is not Phase.FINISHED:
        await answer(pilot, right(screen.session.number))
        await pilot.press("enter")
        await pilot.pause()
    await settle(pilot)
    return screen


async def test_a_whole_game_with_keys_only_reaches_the_results(clock: FakeClock) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # play the highlighted pack with the defaults
        await settle(pilot)
        game = await play_with_keys(pilot, right=lambda n: n != 2)
        results = app.screen
        assert isinstance(results, ResultsScreen)
        summary = game.session.summary()
        assert (summary.right, summary.total) == (4, 5)
        stats = str(results.query_one("#stats", Static).content)
        assert f"Score {summary.score}" in stats and "Right 4/5" in stats
        assert "Accuracy 80%" in stats and f"Best streak {summary.best_streak}" in stats
        table = results.query_one(DataTable)
        assert table.row_count == 5
        second = [str(cell) for cell in table.get_row_at(1)]
        record = summary.records[1]
        assert second[2:] == [
            record.asked.question.prompt,
            record.given or "(skipped)",
            record.asked.question.answer_text,
            "0",
        ]


async def click_answer(pilot, screen: QuestionScreen) -> None:
    """Answer by mouse: click the right option, or Skip on a typed question."""
    asked = screen.session.current
    if asked.question.type in (QuestionType.CHOICE, QuestionType.TRUE_FALSE):
        right = "True" if asked.question.answer is True else "False"
        text = right if asked.question.type is QuestionType.TRUE_FALSE else asked.question.answer
        await pilot.click(Choices, offset=(6, asked.options.index(text)))
    else:
        await pilot.click("#skip")
    await pilot.pause()


async def test_a_whole_game_with_the_mouse_only(clock: FakeClock) -> None:
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.click("#play")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        while screen.session.phase is not Phase.FINISHED:
            await click_answer(pilot, screen)
            assert screen.session.phase is Phase.REVEALED
            await pilot.click("#next")
            await pilot.pause()
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        summary = screen.session.summary()
        assert summary.right == 3 and summary.total == 5  # two typed questions skipped
        await pilot.click("#home")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def finish_a_game(pilot, right=lambda n: n % 2 == 1) -> ResultsScreen:
    await settle(pilot)
    await play_with_keys(pilot, right)
    assert isinstance(pilot.app.screen, ResultsScreen)
    return pilot.app.screen


async def test_selecting_a_row_shows_that_questions_source() -> None:
    app = make_app(start=GameOptions(count=None, seed=5))
    async with app.run_test(size=(80, 24)) as pilot:
        results = await finish_a_game(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SourceScreen)
        record = results.summary.records[1]
        assert dialog.record is record
        prompt = str(dialog.query_one("#prompt", Static).content)
        assert prompt == record.asked.question.prompt
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is results


async def test_clicking_a_row_twice_opens_its_source() -> None:
    app = make_app(start=GameOptions(count=None, seed=5))
    async with app.run_test(size=(80, 24)) as pilot:
        results = await finish_a_game(pilot)
        # Header is row 0 of the table; the third answer is on row 3.
        await pilot.click(DataTable, offset=(10, 3))
        await pilot.click(DataTable, offset=(10, 3))
        await settle(pilot)
        assert isinstance(app.screen, SourceScreen)
        assert app.screen.record is results.summary.records[2]
        await pilot.click("#close")
        await settle(pilot)
        assert app.screen is results


async def test_retry_missed_replays_only_the_missed_unscored() -> None:
    app = make_app(start=GameOptions(count=None, seed=5))
    async with app.run_test(size=(80, 24)) as pilot:
        results = await finish_a_game(pilot, right=lambda n: n in (1, 3))
        missed = [r.asked for r in results.summary.records if not r.correct]
        await pilot.press("m")
        await settle(pilot)
        retry = app.screen
        assert isinstance(retry, QuestionScreen)
        assert not retry.session.scored
        assert list(retry.session.asked) == missed
        assert "Practice round" in str(retry.query_one("#scoreboard", Static).content)
        await play_with_keys(pilot)
        practice = app.screen
        assert isinstance(practice, ResultsScreen)
        assert practice.summary.score == 0 and practice.summary.right == len(missed)
        assert "Practice results" in str(practice.query_one("#title", Static).content)
        assert practice.query_one("#retry").disabled
        assert not practice.query_one("#retry").display  # no "Retry 0 missed"


async def test_play_again_starts_a_new_game_with_the_same_options() -> None:
    options = GameOptions(count=3, seed=5)
    app = make_app(start=options)
    async with app.run_test(size=(80, 24)) as pilot:
        first = app.screen.session if isinstance(app.screen, QuestionScreen) else None
        await finish_a_game(pilot)
        await pilot.click("#play_again")
        await settle(pilot)
        again = app.screen
        assert isinstance(again, QuestionScreen)
        assert again.session is not first and again.session.records == []
        assert again.session.options == options
        await pilot.press("p")  # p means nothing mid-question
        assert again.session.phase is Phase.ASKING


async def test_h_goes_home_from_the_results() -> None:
    app = make_app(start=GameOptions(count=1, seed=5))
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_a_game(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen_stack == [app.home_screen]  # the finished game is gone, not below


class RecordingHistory(NoHistory):
    """A history that only records what it was told."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def start(self, session) -> None:
        self.calls.append("start")

    def answer(self, session, record) -> None:
        self.calls.append("answer")

    def end(self, session, summary):
        self.calls.append(f"end {summary.total}")
        return None


async def test_the_history_hears_start_each_answer_and_end() -> None:
    history = RecordingHistory()
    app = make_app(start=GameOptions(count=2, seed=5), history=history)
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_a_game(pilot)
        assert history.calls == ["start", "answer", "answer", "end 2"]


class BrokenHistory(NoHistory):
    def answer(self, session, record) -> None:
        raise OSError("disk full")


async def test_a_failing_history_does_not_stop_the_game() -> None:
    app = make_app(start=GameOptions(count=2, seed=5), history=BrokenHistory())
    notices = Notices()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await finish_a_game(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert any("disk full" in message for message in notices.messages)


async def test_a_game_dealt_before_the_app_starts_is_the_game_played() -> None:
    studio = studio_pack()
    dealt = select([studio], GameOptions(count=3, seed=11))
    app = make_app([studio], start=GameOptions(count=3), dealt=dealt)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        session = app.screen.session
        assert session.asked == dealt.asked and session.seed == 11
