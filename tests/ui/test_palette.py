"""The command palette plays, sets up, reviews, shows stats and help, and plays each pack."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from ui_helpers import make_app, settle, studio_pack, wait_for

from quiz.game.selection import GameOptions
from quiz.history.sqlite import SqliteHistory
from quiz.packs.loader import load_pack
from quiz.store import Store
from quiz.ui.palette import QuizCommands
from quiz.ui.screens.help import HelpScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.setup import SetupScreen
from quiz.ui.screens.stats import StatsScreen

MINI = Path(__file__).parent.parent / "fixtures" / "good" / "mini.yaml"


def listed(palette: CommandPalette) -> list[str]:
    commands = palette.query_one(CommandList)
    return [commands.get_option_at_index(i).hit.text for i in range(commands.option_count)]


async def choose(pilot, query: str, wanted: str) -> None:
    """Open the palette, type QUERY, and run the command listed as WANTED."""
    app = pilot.app
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
    palette = app.screen
    await pilot.press(*query)
    await wait_for(pilot, lambda: wanted in listed(palette))
    palette.query_one(CommandList).highlighted = listed(palette).index(wanted)
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.screen is not palette)
    await settle(pilot)


def app_with_history():
    return make_app([studio_pack(), load_pack(MINI)], history=SqliteHistory(Store.in_memory()))


async def test_a_pack_is_played_by_its_name() -> None:
    app = app_with_history()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await choose(pilot, "mini", "Play Mini pack")
        assert isinstance(app.screen, QuestionScreen)
        assert {a.pack.id for a in app.screen.session.asked} == {"mini"}


@pytest.mark.parametrize(
    ("query", "wanted", "screen"),
    [
        ("play", "Play", QuestionScreen),
        ("set up", "Set up a game", SetupScreen),
        ("stats", "Stats", StatsScreen),
        ("help", "Help", HelpScreen),
    ],
)
async def test_each_command_opens_its_screen(query: str, wanted: str, screen: type) -> None:
    app = app_with_history()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await choose(pilot, query, wanted)
        assert isinstance(app.screen, screen)


async def test_review_says_when_nothing_is_due() -> None:
    app = app_with_history()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await choose(pilot, "review", "Review")
        assert app.screen is app.home_screen  # nothing answered yet: a notice, no game


async def offered(app) -> list[str]:
    provider = QuizCommands(app.screen)
    return [hit.text async for hit in provider.discover()]


async def test_home_offers_every_command_and_each_pack() -> None:
    app = app_with_history()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert await offered(app) == [
            "Help", "Play", "Set up a game", "Review", "Stats",
            "Play Studio Tour", "Play Mini pack",
        ]  # fmt: skip


async def test_during_a_game_the_palette_offers_help_and_no_new_game() -> None:
    app = make_app(start=GameOptions(count=2, seed=1))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert await offered(app) == ["Help"]


async def test_a_pack_title_is_listed_as_written_never_as_markup() -> None:
    from dataclasses import replace

    evil = replace(load_pack(MINI), title="[@click=app.quit]Mini[/")
    app = make_app([evil])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await choose(pilot, "mini", "Play [@click=app.quit]Mini[/")
        assert isinstance(app.screen, QuestionScreen) and app.is_running
