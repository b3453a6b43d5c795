"""Games, answers, best scores and settings: saved as they happen and read back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from game_rows import bests, game_row

from quiz.packs.model import Difficulty
from quiz.store import LAST_SETUP, THEME, NewGame, Store, StoreError


def test_each_answer_is_visible_to_another_copy_before_the_game_ends(store: Store, tmp_path):
    game = store.start_game(NewGame("mini", count=4, settings={"seed": 7}))
    store.record_answer(game, "mini", "lens", "10", True, 75, 3.5, "cinematography", "easy")
    other, _ = Store.open(tmp_path / "data")
    with other:
        [pack] = other.stats()
        assert (pack.games, pack.unfinished) == (1, 1)
        assert pack.overall.right == pack.overall.total == 1
    store.record_answer(game, "mini", "real-shot", "", False, 0, 9.0, "production", "hard")
    with sqlite3.connect(tmp_path / "data" / "quiz.db") as raw:
        rows = raw.execute(
            "SELECT game_id, pack_id, question_id, given, correct, points, seconds, category,"
            " difficulty FROM answers ORDER BY id"
        ).fetchall()
    assert rows == [
        (game, "mini", "lens", "10", 1, 75, 3.5, "cinematography", "easy"),
        (game, "mini", "real-shot", "", 0, 0, 9.0, "production", "hard"),
    ]


def test_start_game_keeps_settings_and_times(store: Store, tmp_path, clock):
    first = store.start_game(
        NewGame("mini", count=5, timed=True, settings={"categories": ["cast"]})
    )
    second = store.start_game(NewGame("mini"))
    assert second > first
    store.finish_game(first, 300, 3, 5)
    with sqlite3.connect(tmp_path / "data" / "quiz.db") as raw:
        rows = raw.execute(
            "SELECT settings, mode, question_count, timed, started_at, ended_at, score,"
            " right_answers, total_questions FROM games ORDER BY id"
        ).fetchall()
        packs = raw.execute("SELECT game_id, pack_id FROM game_packs ORDER BY game_id").fetchall()
    settings, mode, count, timed, started, ended, score, right, total = rows[0]
    assert json.loads(settings) == {"categories": ["cast"]}
    assert (mode, count, timed, score, right, total) == ("play", 5, 1, 300, 3, 5)
    assert started == "2026-11-21T04:30:00+00:00" and ended > started
    assert rows[1][1:4] == ("play", None, 0) and rows[1][5] is None  # all questions, unfinished
    assert packs == [(first, "mini"), (second, "mini")]


def test_best_scores_per_pack_and_kind(store: Store):
    untimed = {"count": 10}
    timed = {"count": 10, "timer": 20}
    results = []
    for pack, options, score in [
        ("a", untimed, 500),
        ("a", untimed, 700),
        ("a", untimed, 600),
        ("a", timed, 400),
        ("b", untimed, 900),
    ]:
        game = store.start_game(game_row(pack, options))
        results.append(store.finish_game(game, score, score // 100, 10))
    store.start_game(game_row("a", untimed))  # unfinished: no score
    assert bests(store) == {
        "a": {"10q-untimed": 700, "10q-timed": 400},
        "b": {"10q-untimed": 900},
    }
    assert bests(store, "b") == {"b": {"10q-untimed": 900}}
    assert [(r.previous_best, r.new_best) for r in results] == [
        (None, True),
        (500, True),
        (700, False),
        (None, True),  # a timed game competes only with timed ones
        (None, True),  # another pack
    ]
    assert store.games_played() == 6 and store.games_played("a") == 5


def test_new_best_rules(store: Store):
    def finish(score: int, **kind: object):
        return store.finish_game(store.start_game(NewGame("a", **kind)), score, 0, 10)

    assert not finish(0, count=10).new_best  # no points is never a best
    first = finish(500, count=10)
    assert first.new_best and first.previous_best == 0
    tie = finish(500, count=10)
    assert (tie.new_best, tie.previous_best) == (False, 500)  # a tie is not new
    assert finish(501, count=10).new_best
    assert finish(50, count=5).new_best  # another count: another kind
    assert finish(50, count=10, mode="review").new_best is True  # the store compares within a mode
    assert bests(store) == {"a": {"10q-untimed": 501, "5q-untimed": 50}}  # review never counts


def test_a_game_of_several_packs_is_kept_under_its_own_id(store: Store):
    mixed = store.start_game(NewGame("a+b", packs=("a", "b"), count=4))
    store.finish_game(mixed, 300, 3, 4)
    store.finish_game(store.start_game(NewGame("a", count=4)), 100, 1, 4)
    assert bests(store) == {"a": {"4q-untimed": 100}, "a+b": {"4q-untimed": 300}}
    by_pack = {stats.pack_id: stats for stats in store.stats()}
    assert by_pack["a+b"].packs == ("a", "b")
    assert by_pack["a"].packs == ("a",)
    assert by_pack["a"].games == 2  # its own game and the mixed one
    assert by_pack["a+b"].games == 1


def test_difficulty_enum_is_stored_as_its_name(store: Store):
    game = store.start_game(NewGame("mini"))
    store.record_answer(game, "mini", "q", "x", True, 150, 1.0, None, Difficulty.HARD)
    [pack] = store.stats()
    assert [(a.label, a.right) for a in pack.by_difficulty] == [("hard", 1)]
    assert [a.label for a in pack.by_category] == ["uncategorised"]


def test_unknown_game_is_a_store_error(store: Store):
    with pytest.raises(StoreError, match="no game 42"):
        store.finish_game(42, 0, 0, 0)
    # An answer to a game that was never started breaks a foreign key; after our words
    # comes SQLite's own, which are not ours to assert.
    with pytest.raises(StoreError, match=r"^the history database .+ failed: "):
        store.record_answer(42, "mini", "q", "x", True, 100, 1.0)
    assert store.games_played() == 0  # the failed write left nothing behind
    assert store.start_game(NewGame("mini")) == 1  # and no transaction is left open


def test_settings_are_remembered_between_runs(tmp_path: Path):
    first, _ = Store.open(tmp_path)
    with first:
        assert first.get_setting(THEME) is None
        assert first.get_setting(THEME, "textual-dark") == "textual-dark"
        first.set_setting(THEME, "nord")
        first.set_setting(LAST_SETUP, {"count": 10, "timer": None, "packs": ["mini"]})
        first.set_setting(THEME, "gruvbox")
    again, _ = Store.open(tmp_path)
    with again:
        assert again.get_setting(THEME) == "gruvbox"
        assert again.get_setting(LAST_SETUP) == {"count": 10, "timer": None, "packs": ["mini"]}


def test_in_memory_store_plays_without_saving(tmp_path: Path, play):
    store = Store.in_memory()
    assert not store.saving and store.path is None
    play(store, "mini", [("a", True), ("b", False)])
    store.set_setting(THEME, "nord")
    assert bests(store) == {"mini": {"10q-untimed": 100}}
    assert store.get_setting(THEME) == "nord"
    assert store.card("mini", "b") is not None  # review state is kept in memory too
    store.close()
    assert list(tmp_path.iterdir()) == []


def test_open_uses_the_data_dir_env_var(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "from-env"))
    store, notices = Store.open()
    with store:
        assert store.saving and notices == []
        assert store.path == tmp_path / "from-env" / "quiz.db"
    assert store.path.is_file()
