"""The history means what it says: a game quit before any answer is no game, a retry
round is practice, and the stats screen says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_stats_screen import open_stats, shown
from ui_helpers import answer, make_app, settle

from quiz.game.selection import GameOptions
from quiz.history.sqlite import SqliteHistory


@pytest.fixture
def recorder(tmp_path: Path):
    made = SqliteHistory.open(tmp_path)
    yield made
    made.close()


async def test_a_game_quit_before_any_answer_is_not_a_game_played(recorder) -> None:
    app = make_app(history=recorder, start=GameOptions(count=2, seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert recorder.stats() == []
    assert recorder.store.games_played() == 0


async def test_a_game_left_after_one_answer_is_kept_unfinished(recorder) -> None:
    app = make_app(history=recorder, start=GameOptions(count=2, seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer(pilot, right=True)
        await pilot.press("escape", "y")
        await settle(pilot)
    [stats] = recorder.stats()
    assert (stats.games, stats.unfinished, stats.overall.total) == (1, 1, 1)


async def test_the_stats_screen_shows_practice_apart(recorder) -> None:
    app = make_app(history=recorder, start=GameOptions(count=2, seed=1))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for _ in range(2):
            await answer(pilot, right=False)
            await pilot.press("enter")
            await settle(pilot)
        await pilot.press("m")  # retry the two missed: practice
        await settle(pilot)
        for _ in range(2):
            await answer(pilot, right=True)
            await pilot.press("enter")
            await settle(pilot)
        await pilot.press("h")
        screen = await open_stats(pilot)
        text = shown(screen)
    assert "1 played" in text and "Practice" in text and "1 round, not in games or accuracy" in text
    assert "0% (0/2)" in text  # accuracy is the game's, not the practice's
