"""The reveal shows how the points were made; help explains scoring."""

from __future__ import annotations

from test_question import texts
from ui_helpers import FakeClock, answer, make_app, settle

from quiz.game.selection import GameOptions
from quiz.game.session import Phase
from quiz.packs.model import QuestionType
from quiz.ui.screens.help import HelpScreen
from quiz.ui.screens.question import QuestionScreen


async def next_question(pilot) -> None:
    await pilot.press("enter")
    await pilot.pause()


async def test_each_reveal_shows_the_breakdown_and_a_skip_says_it_ends_the_streak() -> None:
    app = make_app(start=GameOptions(count=None, seed=7))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        lines = []
        for _ in range(3):
            await answer(pilot, right=True)
            lines.append(texts(screen, ".points")[0])
            await next_question(pilot)
        difficulty = [a.question.difficulty.value for a in screen.session.asked[:3]]
        points = [r.points for r in screen.session.records]
        assert lines[0] == f"+{points[0]} = {points[0]} {difficulty[0]}"
        assert lines[2].startswith(f"+{points[2]} = ") and difficulty[2] in lines[2]
        assert lines[2].endswith("+ 40 streak (3 in a row)")
        options = (QuestionType.CHOICE, QuestionType.TRUE_FALSE)
        assert screen.session.current.question.type in options  # "s" skips it
        await pilot.press("s")
        await pilot.pause()
        assert screen.session.phase is Phase.REVEALED
        assert texts(screen, ".points") == ["A skip ends your streak of 3 in a row"]


async def test_a_timed_reveal_shows_the_speed_factor() -> None:
    clock = FakeClock()
    app = make_app(clock=clock, start=GameOptions(count=1, seed=7, timer=20))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        clock.advance(4)
        await answer(pilot, right=True)
        record = app.screen.session.last
        level = record.asked.question.difficulty.value
        base = record.breakdown.base
        assert texts(app.screen, ".points") == [f"+{record.points} = {base} {level} × 1.3 speed"]


async def test_help_has_a_scoring_section() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(s.render()) for s in app.screen.query(".column Static"))
        assert "Scoring" in shown and "75 easy, 100 medium, 150 hard" in shown
        assert "× 1.5 at once to × 0.5 at the limit" in shown


async def test_a_narrow_reveal_breaks_the_breakdown_between_its_parts() -> None:
    app = make_app(start=GameOptions(count=None, seed=7))
    async with app.run_test(size=(40, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        for _ in range(2):
            await answer(pilot, right=True)
            await next_question(pilot)
        await answer(pilot, right=True)
        lines = texts(screen, ".points")[0].splitlines()
        assert len(lines) == 2 and lines[1] == "+ 40 streak (3 in a row)"  # never "a row)"
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert "\n" not in texts(screen, ".points")[0]  # one line again when it fits
