"""Home and setup screens: the pack list, keys and buttons, and the options a setup makes."""

from __future__ import annotations

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import Button, Input, RadioSet, SelectionList, Static
from ui_helpers import Notices, make_app, settle, studio_pack, wait_for

from quiz.game.selection import GameOptions
from quiz.packs.loader import load_pack
from quiz.ui.screens.help import HelpScreen
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.setup import SetupScreen
from quiz.ui.widgets.pack_list import PackList


def two_packs():
    from pathlib import Path

    mini = load_pack(Path(__file__).parent.parent / "fixtures" / "good" / "mini.yaml")
    return [studio_pack(), mini]


async def test_home_lists_each_pack_with_title_description_and_count() -> None:
    packs = two_packs()
    app = make_app(packs)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        entries = [str(option.prompt) for option in app.screen.query_one(PackList).options]
        assert entries == [
            f"{p.title}\n{p.description}\n{len(p.questions)} questions" for p in packs
        ]


async def test_enter_plays_the_highlighted_pack_with_the_defaults() -> None:
    packs = two_packs()
    app = make_app(packs)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert {a.pack.id for a in screen.session.asked} == {"mini"}
        assert screen.session.options.count == GameOptions().count
        assert screen.session.options.timer is None


async def test_one_click_chooses_a_pack_and_a_double_click_plays_it() -> None:
    app = make_app(two_packs())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        packs = app.screen.query_one(PackList)
        await pilot.click(PackList, offset=(5, 5))  # the second pack's title line
        await pilot.pause()
        assert packs.highlighted == 1 and isinstance(app.screen, HomeScreen)
        await pilot.double_click(PackList, offset=(5, 5))
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.session.current.pack.id == "mini"


@pytest.mark.parametrize("how", ["key", "click"])
async def test_setup_opens_for_the_chosen_pack(how: str) -> None:
    app = make_app(two_packs())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        if how == "key":
            await pilot.press("down", "s")
        else:
            await pilot.click(PackList, offset=(5, 5))
            await pilot.click("#setup")
        await settle(pilot)
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.pack.id == "mini"


@pytest.mark.parametrize("how", ["key", "click"])
async def test_help_shows_every_key_and_closes(how: str) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        if how == "key":
            await pilot.press("question_mark")
        else:
            await pilot.click("#help")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(s.content) for s in app.screen.query(".column Static"))
        for key in ("ctrl+q", "ctrl+p", "1..N", "t / f", "ctrl+s", "Enter Space n", "m", "Esc"):
            assert key in shown
        if how == "key":
            await pilot.press("escape")
        else:
            await pilot.click("#close")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.parametrize("how", ["key", "click"])
async def test_q_or_the_quit_button_quits(how: str) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        if how == "key":
            await pilot.press("q")
        else:
            await pilot.click("#quit")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_q_quits_mid_game() -> None:
    app = make_app(start=GameOptions(seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_home_with_no_packs_says_how_to_start() -> None:
    app = make_app([])
    app.packs = ()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "quiz play" in str(app.screen.query_one("#packs-empty").content)
        await pilot.press("enter", "s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def open_setup(pilot) -> SetupScreen:
    await settle(pilot)
    await pilot.press("s")
    await settle(pilot)
    assert isinstance(pilot.app.screen, SetupScreen)
    return pilot.app.screen


async def test_setup_by_keys_builds_the_options_and_starts() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_setup(pilot)
        # Questions: 5 (left of the default 10).
        await pilot.press("left", "enter")
        # Timer: 15 s.
        await pilot.press("tab", "right", "enter")
        # Seed.
        await pilot.press("tab", *"42")
        # Categories: tick the second (effects); difficulties: tick hard.
        await pilot.press("tab", "down", "space", "tab", "down", "down", "space")
        await pilot.pause()
        options = setup.options()
        assert options == GameOptions(
            count=5, categories=("effects",), difficulties=("hard",), timer=15.0, seed=42
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        game = app.screen
        assert isinstance(game, QuestionScreen)
        assert game.session.options == options
        assert [a.question.id for a in game.session.asked] == ["real-snow"]


async def test_setup_by_mouse_starts_with_all_questions_and_a_timer() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_setup(pilot)
        counts = setup.query_one("#count", RadioSet)
        await pilot.click(list(counts.query("RadioButton"))[3])
        timers = setup.query_one("#timer", RadioSet)
        await pilot.click(list(timers.query("RadioButton"))[2])
        await pilot.pause()
        await pilot.click("#start")
        await settle(pilot)
        game = app.screen
        assert isinstance(game, QuestionScreen)
        assert game.session.options.count is None and game.session.options.timer == 30.0
        assert game.session.total == 5


def prompts(setup: SetupScreen, selector: str) -> list[str]:
    listing = setup.query_one(selector, SelectionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_setup_counts_respect_the_other_filter_live() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        setup = await open_setup(pilot)
        assert prompts(setup, "#difficulties") == ["easy (1)", "medium (3)", "hard (1)"]
        setup.query_one("#difficulties", SelectionList).select("medium")
        await pilot.pause()
        assert prompts(setup, "#categories") == [
            "cinematography (0)", "effects (0)", "music (1)", "production (2)",
        ]  # fmt: skip
        assert "All 3" in str(setup.query("#count RadioButton").last().label)
        setup.query_one("#categories", SelectionList).select("production")
        await pilot.pause()
        assert prompts(setup, "#difficulties") == ["easy (0)", "medium (2)", "hard (0)"]
        assert str(setup.query_one("#matching", Static).content) == "2 questions match"


async def test_setup_that_matches_nothing_disables_start_and_says_why() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        setup = await open_setup(pilot)
        setup.query_one("#categories", SelectionList).select("music")
        setup.query_one("#difficulties", SelectionList).select("hard")
        await pilot.pause()
        assert setup.query_one("#start", Button).disabled
        why = str(setup.query_one("#matching", Static).content)
        assert why == "No music question is hard: tick another category or difficulty."
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is setup
        setup.query_one("#difficulties", SelectionList).deselect("hard")
        await pilot.pause()
        assert not setup.query_one("#start", Button).disabled


@pytest.mark.parametrize("how", ["key", "click"])
async def test_setup_back_goes_home(how: str) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_setup(pilot)
        setup.query_one("#seed", Input).focus()
        if how == "key":
            await pilot.press("escape")
        else:
            await pilot.click("#back")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_the_theme_can_be_changed_from_the_command_palette() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme != "nord"
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        palette = app.screen
        await pilot.press(*"theme")
        await wait_for(pilot, lambda: palette.query_one(CommandList).option_count > 0)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is not palette)
        themes = app.screen
        await pilot.press(*"nord")
        await wait_for(pilot, lambda: themes.query_one(CommandList).option_count == 1)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.theme == "nord"


@pytest.mark.parametrize("digits", [5000, 19])
async def test_a_seed_too_long_to_be_one_stays_on_setup_and_says_so(digits: int) -> None:
    app = make_app()
    notices = Notices()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        setup = await open_setup(pilot)
        setup.query_one("#seed", Input).value = "9" * digits  # as if typed or pasted
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is setup
        assert any("seed" in message.lower() for message in notices.messages)
        setup.query_one("#seed", Input).value = "9" * 18  # the longest seed plays
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.session.options.seed == int("9" * 18)
