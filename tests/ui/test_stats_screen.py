"""The stats screen (t on home): games, scores, accuracy and most-missed questions per pack."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from game_rows import game_row
from ui_helpers import UI_FIXTURES, Notices, footer_key, make_app, settle, studio_pack, wait_for

from quiz.history.sqlite import SqliteHistory
from quiz.packs.loader import load_pack
from quiz.ui.screens.help import HelpScreen
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.stats import EMPTY, LOADING, UNREADABLE, StatsScreen


@pytest.fixture
def recorder(tmp_path: Path):
    made = SqliteHistory.open(tmp_path)
    yield made
    made.close()


def save_game(recorder: SqliteHistory, pack_id: str, answers: list[tuple[str, bool, str, str]],
              finish: bool = True, options: dict | None = None) -> None:  # fmt: skip
    """A game of (question id, right?, category, difficulty) answers, 100 points a right one."""
    store = recorder.store
    game = store.start_game(game_row(pack_id, options, packs=tuple(pack_id.split("+"))))
    for question_id, right, category, difficulty in answers:
        store.record_answer(game, pack_id, question_id, "x", right, 100 * right, 3.0,
                            category, difficulty)  # fmt: skip
    if finish:
        right = sum(a[1] for a in answers)
        store.finish_game(game, 100 * right, right, len(answers))


def shown_keys(app) -> set[str]:
    """The keys the footer shows as usable."""
    return {key for key, active in app.active_bindings.items() if active.binding.show}


def shown(screen) -> str:
    """The screen's text, the accuracy bars included (drawn to their width)."""
    return "\n".join(str(widget.render()) for widget in screen.query("Static, AccuracyBars"))


async def open_stats(pilot, how: str = "key") -> StatsScreen:
    await settle(pilot)
    if how == "key":
        await pilot.press("t")
    else:
        await pilot.click(footer_key(pilot.app.screen, "stats"))
    await settle(pilot)
    assert isinstance(pilot.app.screen, StatsScreen)
    await pilot.app.workers.wait_for_complete()  # the report is read on a thread
    await settle(pilot)
    return pilot.app.screen


async def test_an_empty_history_gives_a_friendly_line(recorder: SqliteHistory) -> None:
    app = make_app(history=recorder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stats(pilot)
        assert EMPTY in shown(screen)
        assert "Pick a pack" in EMPTY


@pytest.mark.parametrize("how", ["key", "click"])
async def test_stats_show_games_scores_accuracy_and_most_missed(
    recorder: SqliteHistory, how: str
) -> None:
    save_game(recorder, "studio", [("camera", True, "cinematography", "easy"),
                                   ("real-snow", False, "effects", "hard")])  # fmt: skip
    save_game(recorder, "studio", [("camera", True, "cinematography", "easy"),
                                   ("real-snow", False, "effects", "hard"),
                                   ("composer", True, "music", "medium")])  # fmt: skip
    save_game(recorder, "studio", [("real-snow", True, "effects", "hard")], finish=False)
    app = make_app(history=recorder)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_stats(pilot, how)
        text = shown(screen)
        assert "Studio Tour (studio)" in text
        assert "Games          3 played, 1 unfinished · best 200 · average 150" in text
        assert "Accuracy       67% (4/6)" in text
        assert "Accuracy by category" in text
        assert "cinematography ████████████████████ 100% (2/2)" in text
        assert "effects        ███████░░░░░░░░░░░░░  33% (1/3)" in text
        assert "Score over time  last 2 games, oldest first" in text
        assert "high 200\nlow 100 · latest 200" in text
        assert "By difficulty  easy 100% (2/2) · medium 100% (1/1) · hard 33% (1/3)" in text
        # real-snow was never answered right: just revealed (recall 100%), not mastered
        assert "Review         3 seen · 0 due now · 2 mastered (recall over 90%)" in text
        assert (
            "Most missed    ✗ 2 of 3 · recall 100% (answer just shown)  "
            "Was the snow in the finale real?"
        ) in text
        assert "Which camera" not in text  # never missed
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_packs_no_longer_found_are_listed_by_id(recorder: SqliteHistory) -> None:
    save_game(recorder, "gone", [("q1", False, "x", "easy")])
    save_game(recorder, "mini+studio", [("camera", True, "c", "easy")])
    app = make_app(history=recorder)
    async with app.run_test(size=(80, 40)) as pilot:
        screen = await open_stats(pilot)
        blocks = [str(static.render()).splitlines()[0] for static in screen.query(".pack")]
        assert blocks == ["gone", "mini + Studio Tour (mini+studio)"]  # a pack not found: its id
        assert "✗ 1 of 1 · recall 100% (answer just shown)  q1" in shown(screen)


async def test_pack_text_in_stats_is_never_markup(recorder: SqliteHistory) -> None:
    hostile = load_pack(UI_FIXTURES / "hostile.yaml")
    save_game(recorder, "hostile", [("pick", False, "[bold]cat", "medium")])
    app = make_app([hostile, studio_pack()], history=recorder)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_stats(pilot)
        text = shown(screen)
        assert hostile.title in text
        assert "[bold]cat      ░░░░░░░░░░░░░░░░░░░░   0% (0/1)" in text
        assert "Which is [bold]right[/bold]? [/" in text
        assert app.is_running


@pytest.mark.parametrize("how", ["h", "click"])
async def test_h_or_the_home_button_goes_back(recorder: SqliteHistory, how: str) -> None:
    app = make_app(history=recorder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stats(pilot)
        if how == "h":
            await pilot.press("h")
        else:
            await pilot.click("#back")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_without_a_history_there_is_no_stats_key() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        keys = shown_keys(app)
        assert {"s", "q"} <= keys and not {"t", "r"} & keys


class SlowHistory(SqliteHistory):
    """A history whose stats wait until the test lets them go (or fail, when told to)."""

    def __init__(self, store, fail: bool = False) -> None:
        super().__init__(store)
        self.go = threading.Event()
        self.fail = fail

    def stats(self, pack_id=None, questions=None):
        self.go.wait(10)
        if self.fail:
            raise OSError("disk on fire")
        return super().stats(pack_id, questions)


@pytest.fixture
def slow(recorder: SqliteHistory):
    history = SlowHistory(recorder.store)
    yield history
    history.go.set()


async def test_keys_work_while_the_report_is_read(slow: SlowHistory) -> None:
    save_game(slow, "studio", [("camera", True, "cinematography", "easy")])
    app = make_app(history=slow)
    async with app.run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StatsScreen) and LOADING in shown(screen)
        await pilot.press("question_mark")  # help opens and closes while the report waits
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        slow.go.set()
        await wait_for(pilot, lambda: "Studio Tour (studio)" in shown(screen))
        assert LOADING not in shown(screen)


async def test_escape_while_the_report_is_read_goes_home(slow: SlowHistory) -> None:
    app = make_app(history=slow)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        slow.go.set()
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and app.is_running


async def test_a_history_that_cannot_be_read_is_one_notice(recorder: SqliteHistory) -> None:
    failing = SlowHistory(recorder.store, fail=True)
    failing.go.set()
    app = make_app(history=failing)
    notices = Notices()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        screen = await open_stats(pilot)
        assert UNREADABLE in shown(screen)
        [notice] = notices.messages
        assert notice.startswith("Could not read the history: ") and "disk on fire" in notice
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_review_counts_only_questions_the_pack_still_has(recorder: SqliteHistory) -> None:
    save_game(recorder, "studio", [("camera", True, "cinematography", "easy"),
                                   ("cut-from-the-pack", True, "effects", "hard")])  # fmt: skip
    app = make_app(history=recorder)
    async with app.run_test(size=(100, 30)) as pilot:
        text = shown(await open_stats(pilot))
        assert "Review         1 seen · 0 due now · 1 mastered (recall over 90%)" in text
