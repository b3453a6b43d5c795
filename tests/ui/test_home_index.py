"""Home and setup paint from the pack index's summaries; a pack is loaded only when played,
and one that became invalid since it was listed is a notice, not a crash."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from textual.widgets import RadioSet, SelectionList
from ui_helpers import UI_FIXTURES, Notices, make_app, settle

from quiz.history.sqlite import SqliteHistory
from quiz.packs.catalog import discover
from quiz.packs.index import index_file
from quiz.packs.loader import load_pack
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.setup import SetupScreen
from quiz.ui.widgets.pack_list import PackList

BROKEN = "format: 1\nid: studio\ntitle: Studio\nquestions:\n  - id: q\n    prompt: P\n"


class CountingLoader:
    """Loads packs as the app would, keeping the names of the files it loaded."""

    def __init__(self) -> None:
        self.loaded: list[str] = []

    def __call__(self, path: Path):
        self.loaded.append(path.name)
        return load_pack(path)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder holding the studio pack, indexed once already."""
    folder = tmp_path / "data"
    (folder / "packs").mkdir(parents=True)
    shutil.copy(UI_FIXTURES / "studio.yaml", folder / "packs" / "studio.yaml")
    found(folder)
    return folder


def found(data: Path):
    return discover(data, builtin=data.parent / "no-builtin", env={}, index=index_file(data))


def app_over(data: Path, loader: CountingLoader, **kwargs):
    return make_app(entries=found(data).entries, loader=loader, **kwargs)


async def test_home_and_setup_show_packs_without_loading_them(data: Path) -> None:
    loader = CountingLoader()
    app = app_over(data, loader)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        [row] = [str(option.prompt) for option in app.screen.query_one(PackList).options]
        assert row.startswith("Studio Tour") and row.endswith("5 questions")
        await pilot.press("s")
        await settle(pilot)
        setup = app.screen
        assert isinstance(setup, SetupScreen)
        labels = [str(b.label) for b in setup.query_one("#count", RadioSet).query("RadioButton")]
        assert labels[-1] == "All 5"
        categories = setup.query_one("#categories", SelectionList)
        shown = [str(option.prompt) for option in categories.options]
        pack = load_pack(UI_FIXTURES / "studio.yaml")
        counts = Counter(q.category for q in pack.questions if q.category)
        assert shown == [f"{name} ({count})" for name, count in sorted(counts.items())]
        assert loader.loaded == []
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert loader.loaded == ["studio.yaml"]


async def test_enter_loads_only_the_pack_played(data: Path) -> None:
    shutil.copy(UI_FIXTURES.parent / "good" / "mini.yaml", data / "packs" / "mini.yaml")
    loader = CountingLoader()
    app = app_over(data, loader)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.session.current.pack.id == "studio"
        assert loader.loaded == ["studio.yaml"]


@pytest.mark.parametrize("how", ["enter", "setup", "review"])
async def test_a_pack_broken_since_it_was_listed_is_a_notice_when_played(
    data: Path, how: str
) -> None:
    history = SqliteHistory.open(data)
    app = app_over(data, CountingLoader(), history=history)
    notices = Notices()
    try:
        async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
            await settle(pilot)
            if how == "setup":
                await pilot.press("s")
                await settle(pilot)
            (data / "packs" / "studio.yaml").write_text(BROKEN)
            await pilot.press({"enter": "enter", "setup": "ctrl+s", "review": "r"}[how])
            await settle(pilot)
            assert isinstance(app.screen, SetupScreen if how == "setup" else HomeScreen)
            [notice] = [n for n in notices.shown if n.severity == "error"]
            assert "studio.yaml" in notice.message and "quiz check" in notice.message
    finally:
        history.close()


class Rules(dict):
    """Style rules as a widget's styles give them (only what measuring text reads)."""


@pytest.mark.parametrize(
    "title",
    [
        "Studio",
        "A title long enough to wrap at the narrow widths tried",
        "Two\nlines",
        "映画の制作" * 5,
    ],
)
@pytest.mark.parametrize("width", [8, 20, 40, 200])
def test_a_row_is_measured_as_its_wrapped_content(title: str, width: int) -> None:
    from quiz.packs.summary import PackSummary
    from quiz.ui.widgets.pack_list import PackRow, pack_lines

    summary = PackSummary("p", title, "A description of the pack.", 12)
    row = PackRow(pack_lines(summary))
    assert row.get_height(Rules(), width) == row.content.get_height(Rules(), width)


async def test_setup_loads_the_pack_once_when_a_filter_is_first_ticked(data: Path) -> None:
    loader = CountingLoader()
    app = app_over(data, loader)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        setup = app.screen
        assert isinstance(setup, SetupScreen) and loader.loaded == []
        setup.query_one("#difficulties", SelectionList).select("hard")
        await pilot.pause()
        setup.query_one("#categories", SelectionList).select("music")
        await pilot.pause()
        assert loader.loaded == ["studio.yaml"]
        assert setup.query_one("#start").disabled  # no music question is hard
