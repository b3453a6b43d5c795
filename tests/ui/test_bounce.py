"""Input that bounces is not an answer: keys in the grace period after a question appears."""

from __future__ import annotations

import pytest
from textual.widgets import Input
from ui_helpers import FakeClock, keys_for, make_app, settle

from quiz.game.selection import GameOptions
from quiz.game.session import GRACE_SECONDS, Phase
from quiz.packs.model import QuestionType
from quiz.ui.screens.question import QuestionScreen

PAST_GRACE = GRACE_SECONDS + 0.05
GAME = GameOptions(count=None, seed=5)  # all five studio questions, every type


async def start(pilot, clock: FakeClock) -> QuestionScreen:
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, QuestionScreen)
    clock.advance(PAST_GRACE)
    return screen


async def reveal_first(pilot, clock: FakeClock) -> QuestionScreen:
    """Answer the first question (after its grace period), and wait out the reveal's."""
    screen = await start(pilot, clock)
    await pilot.press(*keys_for(screen.session.current))
    await pilot.pause()
    assert screen.session.phase is Phase.REVEALED
    clock.advance(PAST_GRACE)
    return screen


async def test_enter_pressed_twice_on_a_reveal_does_not_touch_the_next_question() -> None:
    clock = FakeClock()
    app = make_app(start=GAME, clock=clock, grace=GRACE_SECONDS)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reveal_first(pilot, clock)
        for _ in range(len(screen.session.asked) - 1):
            await pilot.press("enter", "enter")
            await pilot.pause()
            assert screen.session.phase is Phase.ASKING, screen.session.current.question.id
            assert len(screen.session.records) == screen.session.index
            assert pilot.app.screen is screen  # no skip question either
            clock.advance(PAST_GRACE)  # after the grace period a key answers
            await pilot.press(*keys_for(screen.session.current, right=False))
            await pilot.pause()
            assert screen.session.phase is Phase.REVEALED
            assert not screen.session.last.skipped
            clock.advance(PAST_GRACE)


@pytest.mark.parametrize(
    "kind", [QuestionType.CHOICE, QuestionType.TRUE_FALSE, QuestionType.TEXT, QuestionType.NUMBER]
)
async def test_keys_inside_the_grace_period_are_dropped_and_later_ones_count(
    kind: QuestionType,
) -> None:
    clock = FakeClock()
    app = make_app(start=GAME, clock=clock, grace=GRACE_SECONDS)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reveal_first(pilot, clock)
        await pilot.press("n")
        await pilot.pause()
        while screen.session.current.question.type is not kind:
            clock.advance(PAST_GRACE)
            await pilot.press(*keys_for(screen.session.current))
            await pilot.pause()
            clock.advance(PAST_GRACE)
            await pilot.press("n")
            await pilot.pause()
        clock.advance(GRACE_SECONDS / 2)  # the question has just appeared: a bounce
        await pilot.press(*keys_for(screen.session.current))
        await pilot.pause()
        assert screen.session.phase is Phase.ASKING
        assert len(screen.session.records) == screen.session.index
        clock.advance(GRACE_SECONDS)  # past the grace period, the same keys answer
        if kind in (QuestionType.TEXT, QuestionType.NUMBER):
            screen.query_one("#answer", Input).value = ""  # what the bounce typed stays
        await pilot.press(*keys_for(screen.session.current))
        await pilot.pause()
        assert screen.session.phase is Phase.REVEALED and screen.session.last.correct


async def test_a_reveal_ignores_the_key_that_answered_bouncing() -> None:
    clock = FakeClock()
    app = make_app(start=GAME, clock=clock, grace=GRACE_SECONDS)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, clock)
        await pilot.press(*keys_for(screen.session.current), "enter", "n")
        await pilot.pause()
        assert screen.session.phase is Phase.REVEALED and screen.session.index == 0
        clock.advance(PAST_GRACE)
        await pilot.press("n")
        await pilot.pause()
        assert screen.session.index == 1 and screen.session.phase is Phase.ASKING


async def test_the_app_keeps_the_grace_period_unless_told_otherwise() -> None:
    from ui_helpers import studio_pack

    from quiz.ui.app import create_app

    app = create_app([studio_pack()], clock=FakeClock(), start=GAME)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, QuestionScreen)
        await pilot.press(*keys_for(screen.session.current))
        await pilot.pause()
        assert screen.session.phase is Phase.ASKING
