"""SVG snapshots of the screens that show the history: home with best scores and unplayable
packs, the problems dialog, the stats screen (each at 40x12, 80x24 and 160x48), and
results with a new best. In-memory history, fixed seeds.

Regenerate with `pytest tests/ui/test_snapshots_history.py --snapshot-update`, then look.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from game_rows import game_row
from ui_helpers import UI_FIXTURES, FakeClock, make_app, play_to_results, settle, studio_pack

from quiz.game.selection import GameOptions
from quiz.history.sqlite import SqliteHistory
from quiz.packs.catalog import discover
from quiz.packs.loader import load_pack
from quiz.store import Store

FIXTURES = UI_FIXTURES.parent
SIZES = [(40, 12), (80, 24), (160, 48)]
sizes = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")


def history(best: int = 1250) -> SqliteHistory:
    """An in-memory history: two finished studio games (the best of 10 scoring BEST), one
    left early, and one of mini."""
    recorder = SqliteHistory(Store.in_memory(now=lambda: datetime(2026, 1, 2, tzinfo=UTC)))
    store = recorder.store
    games = [
        ("studio", {"count": 10}, [("camera", True, "cinematography", "easy"),
                                   ("real-snow", False, "effects", "hard"),
                                   ("composer", True, "music", "medium")], best),
        ("studio", {"count": 5, "timer": 15}, [("real-snow", False, "effects", "hard"),
                                               ("set-city", True, "production", "medium")], 700),
        ("studio", {"count": 10}, [("real-snow", False, "effects", "hard")], None),
        ("mini", {"count": 10}, [("lens", True, "cinematography", "easy")], 75),
    ]  # fmt: skip
    for pack_id, options, answers, score in games:
        game = store.start_game(game_row(pack_id, options))
        for question_id, right, category, difficulty in answers:
            store.record_answer(game, pack_id, question_id, "x", right, 100 * right, 4.0,
                                category, difficulty)  # fmt: skip
        if score is not None:
            right = sum(answer[1] for answer in answers)
            store.finish_game(game, score, right, len(answers))
    return recorder


def catalog(folder: Path):
    """Built-in: studio and mini; data dir: a broken pack and a second mini that wins."""
    builtin = folder / "builtin"
    builtin.mkdir()
    shutil.copy(UI_FIXTURES / "studio.yaml", builtin / "a-studio.yaml")
    shutil.copy(FIXTURES / "good" / "mini.yaml", builtin / "b-mini.yaml")
    packs = folder / "data" / "packs"
    packs.mkdir(parents=True)
    shutil.copy(FIXTURES / "bad" / "missing-answer.yaml", packs / "broken.yaml")
    shutil.copy(FIXTURES / "good" / "mini.yaml", packs / "mini.yaml")
    return discover(folder / "data", builtin=builtin, env={})


@sizes
def test_home_with_best_scores_and_unplayable_packs(
    snap_compare, tmp_path: Path, size: tuple[int, int]
) -> None:
    found = catalog(tmp_path)
    app = make_app(history=history(), entries=found.entries)
    assert snap_compare(app, terminal_size=size, run_before=settle)


@sizes
def test_problems_dialog(snap_compare, size: tuple[int, int]) -> None:
    async def open_problems(pilot) -> None:
        await settle(pilot)
        await pilot.press("down", "down", "enter")  # broken.yaml
        await settle(pilot)

    # A fixed folder name: the dialog shows the pack file's path.
    folder = Path(tempfile.gettempdir()) / "quiz-snapshot-problems"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    app = make_app(history=history(), entries=catalog(folder).entries)
    assert snap_compare(app, terminal_size=size, run_before=open_problems)


@sizes
def test_stats(snap_compare, size: tuple[int, int]) -> None:
    async def open_stats(pilot) -> None:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.app.workers.wait_for_complete()
        await settle(pilot)

    app = make_app([studio_pack(), load_pack(FIXTURES / "good" / "mini.yaml")], history=history())
    assert snap_compare(app, terminal_size=size, run_before=open_stats)


def learning_history() -> SqliteHistory:
    """Eight studio games a few days apart, scores climbing, then a look at stats a week on."""
    days = [datetime(2026, 1, 1, 9, tzinfo=UTC)]
    recorder = SqliteHistory(Store.in_memory(now=lambda: days[-1]))
    store = recorder.store
    questions = [("camera", "cinematography", "easy"), ("real-snow", "effects", "hard"),
                 ("composer", "music", "medium"), ("set-city", "production", "medium")]  # fmt: skip
    for number, score in enumerate((300, 450, 250, 600, 550, 800, 700, 950)):
        days.append(days[0] + timedelta(days=2 * number))
        game = store.start_game(game_row("studio", {"count": 4}))
        for index, (question_id, category, difficulty) in enumerate(questions):
            right = (number + index) % 3 != 0 or question_id == "camera"
            store.record_answer(game, "studio", question_id, "x", right, 100 * right, 4.0,
                                category, difficulty)  # fmt: skip
        store.finish_game(game, score, 3, 4)
    days.append(days[-1] + timedelta(days=7))
    return recorder


def test_stats_charts_at_100x30(snap_compare) -> None:
    async def open_stats(pilot) -> None:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.app.workers.wait_for_complete()
        await settle(pilot)

    app = make_app([studio_pack()], history=learning_history())
    assert snap_compare(app, terminal_size=(100, 30), run_before=open_stats)


def test_results_with_a_new_best(snap_compare) -> None:
    clock = FakeClock()

    async def play_through(pilot) -> None:
        await play_to_results(pilot, clock, wrong_at=None)

    recorder = history()
    # An earlier game of the same kind (all 5 studio questions, untimed) to beat.
    earlier = recorder.store.start_game(game_row("studio", {"count": 5}))
    recorder.store.record_answer(earlier, "studio", "camera", "x", True, 75, 4.0)
    recorder.store.finish_game(earlier, 500, 1, 5)
    app = make_app(history=recorder, start=GameOptions(count=10, seed=5), clock=clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=play_through)
