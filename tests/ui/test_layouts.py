"""Every screen fits from 40x12 to 200x60, and again after a resize: results reflow,
home keeps three packs in view, help goes to one column, setup wraps its choices, and
dialogs keep their borders."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from screen_text import screen_lines, screen_text
from test_snapshots_history import catalog
from textual.geometry import Region
from textual.widgets import DataTable, RadioButton, RadioSet, Static
from ui_helpers import FakeClock, make_app, play_to_results, settle

from quiz.game.selection import GameOptions
from quiz.packs.discovery import builtin_pack_files
from quiz.packs.loader import load_pack
from quiz.ui.screens.confirm import ConfirmScreen
from quiz.ui.screens.help import HelpScreen
from quiz.ui.screens.problems import ProblemsScreen
from quiz.ui.screens.results import COLUMNS, PADDING, QUESTION, ResultsScreen, column_widths
from quiz.ui.screens.source import SourceScreen

SIZES = [(40, 12), (50, 16), (80, 24), (100, 30), (160, 48), (200, 60)]
size_ids = [f"{w}x{h}" for w, h in SIZES]


async def to_results(pilot, clock: FakeClock) -> ResultsScreen:
    await play_to_results(pilot, clock, wrong_at=3)
    assert isinstance(pilot.app.screen, ResultsScreen)
    return pilot.app.screen


def header(app) -> list[str]:
    return [str(column.label) for column in app.screen.query_one(DataTable).columns.values()]


async def test_results_reflow_after_a_resize() -> None:
    clock = FakeClock()
    app = make_app(clock=clock, start=GameOptions(count=None, seed=5))
    async with app.run_test(size=(200, 60)) as pilot:
        results = await to_results(pilot, clock)
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert header(app) == list(COLUMNS)  # all columns fit at 100
        table = results.query_one(DataTable)
        assert table.max_scroll_x == 0  # every column in view, nothing to scroll sideways
        shown = screen_text(app)
        for record in results.summary.records:
            assert record.asked.question.prompt in shown  # no prompt cut short at 100
        await pilot.resize_terminal(40, 9)  # the rows scroll: a scrollbar takes room too
        await settle(pilot)
        assert {"Question", "Answer", "Points"} <= set(header(app))
        assert table.max_scroll_y > 0
        assert table.max_scroll_x == 0  # every column in view, nothing to scroll sideways
        await pilot.resize_terminal(160, 48)
        await settle(pilot)
        assert header(app) == list(COLUMNS)


@pytest.mark.parametrize("width", range(40, 201))
def test_results_columns_fit_every_width(width: int) -> None:
    widths = column_widths(width)
    used = sum(w + PADDING for w in widths.values())
    assert used <= width - 4  # the table's margins and a vertical scrollbar
    assert widths[QUESTION] >= 8
    if width >= 80:
        assert len(widths) == len(COLUMNS)


def four_pack_app():
    found = catalog(Path(tempfile.mkdtemp()))
    return make_app(entries=found.entries)


FIRST_THREE = ("Studio Tour", "Mini pack", "broken.yaml")


@pytest.mark.parametrize("size", SIZES, ids=size_ids)
async def test_home_shows_at_least_three_packs(size: tuple[int, int]) -> None:
    app = four_pack_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert all(title in shown for title in FIRST_THREE)


async def test_home_shows_three_packs_after_shrinking() -> None:
    app = four_pack_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(40, 12)
        await settle(pilot)
        assert all(title in screen_text(app) for title in FIRST_THREE)
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert "Five questions about a made-up film shoot." in screen_text(app)  # roomy again


def inside(widget, region: Region) -> bool:
    return region.contains_region(widget.region)


@pytest.mark.parametrize("size", SIZES, ids=size_ids)
async def test_help_keys_never_run_into_their_meanings(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        for key in help_screen.query(".key").results(Static):
            assert key.region.width > len(str(key.content))  # a space before the meaning
        columns = list(help_screen.query(".column"))
        side_by_side = columns[0].region.x != columns[1].region.x
        assert side_by_side is (size[0] >= 80)
        assert inside(help_screen.query_one("#dialog"), app.screen.region)


@pytest.mark.parametrize("size", [(40, 12), (50, 24), (80, 24), (160, 48)], ids=str)
async def test_setup_shows_every_choice(size: tuple[int, int]) -> None:
    pack = load_pack(builtin_pack_files()[0])
    app = make_app([pack])
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        if size == (50, 24):  # as the player first sees it
            shown = screen_text(app)
            for label in ("▐●▌ 20", f"▐●▌ All {len(pack.questions)}", "▐●▌ 30 s"):
                assert label in shown
        for choices in app.screen.query(RadioSet):
            choices.scroll_visible(animate=False)
            await settle(pilot)
            for button in choices.query(RadioButton):
                assert inside(button, choices.content_region), str(button.label)


async def open_dialog(pilot, which: str, clock: FakeClock) -> None:
    if which == "leave":
        await pilot.press("escape")
    elif which == "problems":
        await pilot.press("down", "down", "enter")
    elif which == "source":
        await to_results(pilot, clock)
        await pilot.press("enter")
    elif which == "help":
        await pilot.press("question_mark")
    await settle(pilot)


DIALOGS = {"leave": ConfirmScreen, "problems": ProblemsScreen, "source": SourceScreen,
           "help": HelpScreen}  # fmt: skip


@pytest.mark.parametrize("which", list(DIALOGS))
@pytest.mark.parametrize("size", [(40, 12), (80, 24), (160, 48)], ids=str)
async def test_dialogs_keep_their_borders(which: str, size: tuple[int, int]) -> None:
    clock = FakeClock()
    if which == "problems":
        app = four_pack_app()
    elif which == "help":
        app = make_app()
    else:
        app = make_app(clock=clock, start=GameOptions(count=None, seed=5))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await open_dialog(pilot, which, clock)
        dialog = app.screen
        assert isinstance(dialog, DIALOGS[which])
        box = dialog.query_one("#dialog")
        assert inside(box, dialog.region)  # all four sides of the border on screen
        buttons = list(dialog.query("Button"))
        assert buttons and all(inside(button, box.content_region) for button in buttons)
        lines = screen_lines(app)
        top, bottom = lines[box.region.y], lines[box.region.bottom - 1]
        left, right = box.region.x, box.region.right - 1
        assert (top[left], top[right], bottom[left], bottom[right]) == ("╭", "╮", "╰", "╯")


async def test_stats_values_wrap_in_their_own_column() -> None:
    from test_snapshots_history import history

    from quiz.ui.screens.stats import LABEL_WIDTH

    app = make_app(history=history())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        [block] = [
            b for b in app.screen.query(".pack").results(Static) if "Studio" in str(b.content)
        ]
        games = "Games          3 played, 1 unfinished · best 1,250 · average 975"
        assert games in str(block.content).splitlines()  # one line when there is room
        await pilot.resize_terminal(40, 12)
        await settle(pilot)
        lines = str(block.content).splitlines()
        for part in ("best 1,250", "average 975"):  # each under the value, not the label
            assert " " * LABEL_WIDTH + part in lines
        # a part wider than the value's column wraps inside that column: no line is
        # left for the screen to wrap under the label
        too_wide = [line for line in lines if len(line) > block.content_region.width]
        assert too_wide == [], block.content_region.width
        [tail] = [line for line in lines if "over 90%)" in line]
        assert tail.startswith(" " * LABEL_WIDTH), lines
