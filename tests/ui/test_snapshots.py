"""SVG snapshots of every screen at 40x12, 80x24 and 160x48, and of results reflowing
after a resize (home with several packs, stats and problems: test_snapshots_history).

Deterministic: the studio fixture pack, fixed seeds, a fake clock, no cursor blink.
Regenerate with `pytest tests/ui/test_snapshots.py --snapshot-update`, then look at them.
"""

from __future__ import annotations

import pytest
from ui_helpers import FakeClock, answer, make_app, play_to_results, settle

from quiz.game.selection import GameOptions

SIZES = [(40, 12), (80, 24), (160, 48)]
sizes = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
CHOICE = GameOptions(count=None, categories=("cinematography",), timer=30, seed=7)
TYPED = GameOptions(count=None, categories=("production",), difficulties=("medium",), seed=3)


def game_app(options: GameOptions, clock: FakeClock | None = None):
    return make_app(clock=clock, start=options)


def test_home(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=settle)


@sizes
def test_setup(snap_compare, size: tuple[int, int]) -> None:
    async def open_setup(pilot) -> None:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=open_setup)


def timed_question(clock: FakeClock):
    async def run_before(pilot) -> None:
        await settle(pilot)
        clock.advance(12)
        pilot.app.screen.tick()
        await pilot.pause()

    return run_before


@sizes
def test_choice_question(snap_compare, size: tuple[int, int]) -> None:
    clock = FakeClock()
    app = game_app(CHOICE, clock)
    assert snap_compare(app, terminal_size=size, run_before=timed_question(clock))


def test_typed_question(snap_compare) -> None:
    async def to_number_question(pilot) -> None:
        await settle(pilot)
        while pilot.app.screen.session.current.question.type.value != "number":
            await answer(pilot)
            await pilot.press("n")
            await pilot.pause()
        await pilot.press(*"4", "0")
        await pilot.pause()

    assert snap_compare(game_app(TYPED), terminal_size=(80, 24), run_before=to_number_question)


@sizes
def test_reveal_with_excerpt(snap_compare, size: tuple[int, int]) -> None:
    clock = FakeClock()

    async def answer_wrong(pilot) -> None:
        await settle(pilot)
        clock.advance(6)
        await answer(pilot, right=False)

    app = game_app(CHOICE, clock)
    assert snap_compare(app, terminal_size=size, run_before=answer_wrong)


def results_of_a_game(clock: FakeClock, then=None, wrong_at: int = 3):
    async def play_through(pilot) -> None:
        await play_to_results(pilot, clock, wrong_at=wrong_at)
        if then is not None:
            await then(pilot)
            await settle(pilot)

    return play_through


@sizes
def test_results(snap_compare, size: tuple[int, int]) -> None:
    clock = FakeClock()
    app = game_app(GameOptions(count=None, seed=5), clock)
    assert snap_compare(app, terminal_size=size, run_before=results_of_a_game(clock))


def test_results_reflow_from_200_to_100_columns(snap_compare) -> None:
    clock = FakeClock()

    async def shrink(pilot) -> None:
        await pilot.resize_terminal(100, 30)

    app = game_app(GameOptions(count=None, seed=5), clock)
    assert snap_compare(app, terminal_size=(200, 60), run_before=results_of_a_game(clock, shrink))


@sizes
def test_source_dialog(snap_compare, size: tuple[int, int]) -> None:
    clock = FakeClock()

    async def open_source(pilot) -> None:
        await pilot.press("enter")  # the first question, answered wrong, cites a linked source

    app = game_app(GameOptions(count=None, seed=5), clock)
    run_before = results_of_a_game(clock, open_source, wrong_at=1)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@sizes
def test_leave_dialog(snap_compare, size: tuple[int, int]) -> None:
    async def ask_to_leave(pilot) -> None:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)

    app = game_app(CHOICE)
    assert snap_compare(app, terminal_size=size, run_before=ask_to_leave)


@sizes
def test_help(snap_compare, size: tuple[int, int]) -> None:
    async def open_help(pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=open_help)
