"""Home with a history and a catalog: best scores on the rows, unplayable packs, remembered
setup and theme, and the store's notices."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from game_rows import game_row
from textual.widgets import Input, RadioSet, SelectionList
from ui_helpers import UI_FIXTURES, Notices, answer, make_app, settle, studio_pack

from quiz.game.selection import GameOptions
from quiz.history.sqlite import SqliteHistory
from quiz.packs.catalog import discover
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.problems import ProblemsScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.setup import SetupScreen
from quiz.ui.widgets.pack_list import PackList

FIXTURES = UI_FIXTURES.parent


@pytest.fixture
def recorder(tmp_path: Path):
    made = SqliteHistory.open(tmp_path / "data")
    yield made
    made.close()


def rows(app) -> list[str]:
    return [str(option.prompt) for option in app.screen.query_one(PackList).options]


def finished_game(recorder: SqliteHistory, pack_id: str, score: int, options: dict) -> None:
    game = recorder.store.start_game(game_row(pack_id, options))
    recorder.store.finish_game(game, score, 1, 1)


def catalog_with_problems(tmp_path: Path):
    """Built-in: studio and mini; data dir: a broken pack and a second 'mini' that wins."""
    builtin = tmp_path / "builtin"
    builtin.mkdir()
    shutil.copy(UI_FIXTURES / "studio.yaml", builtin / "a-studio.yaml")
    shutil.copy(FIXTURES / "good" / "mini.yaml", builtin / "b-mini.yaml")
    packs = tmp_path / "data" / "packs"
    packs.mkdir(parents=True)
    shutil.copy(FIXTURES / "bad" / "missing-answer.yaml", packs / "broken.yaml")
    shutil.copy(FIXTURES / "good" / "mini.yaml", packs / "mini.yaml")
    return discover(tmp_path / "data", builtin=builtin, env={})


async def test_rows_show_the_best_scores_of_each_kind(recorder: SqliteHistory) -> None:
    finished_game(recorder, "studio", 1250, {"count": 10})
    finished_game(recorder, "studio", 900, {"count": 10})
    finished_game(recorder, "studio", 700, {"count": 5, "timer": 15})
    finished_game(recorder, "studio", 2000, {"count": 5, "mode": "review"})  # never a best
    app = make_app(history=recorder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert rows(app)[0].splitlines()[-1] == "5 questions · best 1,250 (10q) · 700 (5q, timed)"


async def test_a_new_best_shows_on_home_after_the_game(recorder: SqliteHistory) -> None:
    app = make_app(history=recorder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert rows(app)[0].endswith("5 questions")
        await pilot.press("enter")
        await settle(pilot)
        while isinstance(app.screen, QuestionScreen):
            await answer(pilot, right=True)
            await pilot.press("n")
            await settle(pilot)
        score = app.screen.session.score
        await pilot.press("h")
        await settle(pilot)
        assert rows(app)[0].endswith(f"5 questions · best {score:,} (5q)")  # the 5 it played


async def test_invalid_and_hidden_packs_are_listed_and_show_why(tmp_path: Path) -> None:
    catalog = catalog_with_problems(tmp_path)
    app = make_app(entries=catalog.entries)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        listed = rows(app)
        assert len(listed) == 4
        assert listed[1].startswith("Mini pack\nhidden: ") and "same id 'mini'" in listed[1]
        assert listed[2].startswith("broken.yaml\ninvalid: ") and "(line " in listed[2]
        assert listed[3].startswith("Mini pack\nOne question of each type.")
        await pilot.press("down", "down")
        await pilot.pause()
        await pilot.press("s")  # no setup for a pack that can't be played
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ProblemsScreen)
        text = str(dialog.query_one("#problems").render())
        assert "broken.yaml:" in text and "error:" in text and "quiz check" in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("up", "enter")  # the hidden mini
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        assert "has the same id 'mini'" in str(app.screen.query_one("#problems").render())
        await pilot.click("#close")
        await settle(pilot)
        await pilot.press("down", "down", "enter")  # the mini that wins plays
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.session.current.pack.id == "mini"


async def test_the_setup_screen_starts_from_the_last_choices(recorder: SqliteHistory) -> None:
    recorder.remember_setup(
        {"count": 5, "timer": 30.0, "categories": ["music", "nope"], "difficulties": ["hard"]}
    )
    app = make_app(history=recorder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        setup = app.screen
        assert isinstance(setup, SetupScreen)
        assert setup.options() == GameOptions(
            count=5, categories=("music",), difficulties=("hard",), timer=30.0
        )
        # Change it and start: the new choices are remembered (but not the seed).
        setup.query_one("#categories", SelectionList).deselect_all()
        setup.query_one("#difficulties", SelectionList).deselect_all()
        radio = list(setup.query_one("#count", RadioSet).query("RadioButton"))[3]
        radio.value = True
        setup.query_one("#seed", Input).value = "7"
        list(setup.query_one("#review", RadioSet).query("RadioButton"))[2].value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
    assert recorder.last_setup() == {
        "count": None, "timer": 30.0, "categories": [], "difficulties": [], "pack": "studio",
        "review_questions": 20,
    }  # fmt: skip
    assert recorder.review_questions() == 20  # r and `quiz review` ask up to 20 now


async def test_setup_keys_move_on_from_the_remembered_choices(recorder: SqliteHistory) -> None:
    recorder.remember_setup({"count": 20, "timer": 30.0})
    app = make_app(history=recorder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        setup = app.screen
        assert isinstance(setup, SetupScreen)
        # Down from 20 is All; up from 30 s is 15 s.
        await pilot.press("down", "enter", "tab", "up", "enter")
        await pilot.pause()
        assert (setup.options().count, setup.options().timer) == (None, 15.0)


async def test_a_store_shows_review_and_stats_keys(recorder: SqliteHistory) -> None:
    app = make_app(history=recorder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = {key for key, b in app.active_bindings.items() if b.binding.show and b.enabled}
        assert {"r", "t", "s", "q"} <= shown


async def test_the_theme_is_restored_and_remembered(recorder: SqliteHistory) -> None:
    recorder.remember_theme("nord")
    app = make_app(history=recorder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
        app.theme = "gruvbox"
        await pilot.pause()
    assert recorder.theme() == "gruvbox"


async def test_an_unknown_saved_theme_is_ignored(recorder: SqliteHistory) -> None:
    recorder.remember_theme("no-such-theme")
    app = make_app(history=recorder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"


async def test_the_stores_notices_are_shown_once_as_plain_text(recorder: SqliteHistory) -> None:
    store = recorder.store
    notices_given = ["history at [bold]x[/] was unreadable; moved it aside"]
    recorder = SqliteHistory(store, notices_given)
    app = make_app([studio_pack()], history=recorder)
    notices = Notices()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await settle(pilot)
        messages = notices.messages
        assert messages == ["history at [bold]x[/] was unreadable; moved it aside"]
        assert recorder.take_notices() == []  # shown once
