"""Schema versions: v1 files built by hand are migrated; newer files are refused untouched."""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import history_reference as reference
import pytest
from game_rows import bests

from quiz.cli import main
from quiz.store import NewGame, Store, StoreError, cards, migrations
from quiz.store.migrations import LATEST

# The v1 schema exactly as the first release wrote it. Kept here, not imported, so a
# change to the migration code can't quietly change what "a v1 file" means.
V1_SCHEMA = """
CREATE TABLE games (id INTEGER PRIMARY KEY, pack_id TEXT NOT NULL,
  settings TEXT NOT NULL DEFAULT '{}', started_at TEXT NOT NULL, ended_at TEXT, score INTEGER);
CREATE TABLE answers (id INTEGER PRIMARY KEY, game_id INTEGER NOT NULL REFERENCES games(id),
  pack_id TEXT NOT NULL, question_id TEXT NOT NULL, given TEXT NOT NULL,
  correct INTEGER NOT NULL, points INTEGER NOT NULL, seconds REAL NOT NULL,
  answered_at TEXT NOT NULL);
PRAGMA user_version = 1;
"""


def build_v1(path: Path) -> None:
    """A v1 history: a finished timed game, an unfinished one, and a game with bad settings."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as conn:
        conn.executescript(V1_SCHEMA)
        conn.executemany(
            "INSERT INTO games VALUES (?, ?, ?, ?, ?, ?)",
            [
                (1, "mini", json.dumps({"count": 10, "timer": 20}), "2025-01-01T10:00:00",
                 "2025-01-01T10:05:00", 250),
                (2, "mini", json.dumps({"count": 10, "timer": 20}), "2025-01-02T10:00:00",
                 None, None),
                (3, "mini", "not json", "2025-01-03T10:00:00", "2025-01-03T10:01:00", 0),
            ],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO answers (game_id, pack_id, question_id, given, correct, points,"
            " seconds, answered_at) VALUES (?, 'mini', ?, ?, ?, ?, 4.0, '2025-01-01T10:01:00')",
            [(1, "lens", "10", 1, 150), (1, "real-shot", "True", 0, 0), (1, "months", "5", 1, 100),
             (2, "lens", "12", 0, 0), (2, "real-shot", "False", 1, 75)],
        )  # fmt: skip
    conn.close()


def test_a_v2_history_keeps_kinds_as_columns_and_the_packs_of_each_game(tmp_path: Path):
    path = tmp_path / "quiz.db"
    build_v1(path)
    with sqlite3.connect(path, isolation_level=None) as conn:
        conn.executemany(
            "INSERT INTO games VALUES (?, ?, ?, '2025-01-04T10:00:00', '2025-01-04T10:01:00', ?)",
            [(4, "mini+studio", json.dumps({"count": 4}), 300),
             (5, "mini", json.dumps({"count": 3, "mode": "review"}), 900),
             (6, "mini", json.dumps({"count": "ten", "timer": "x"}), 50)],
        )  # fmt: skip
        migrations.MIGRATIONS[1](conn)  # the v2 schema, as v2's quiz wrote it
        conn.execute("PRAGMA user_version = 2")
    conn.close()
    store, notices = Store.open(tmp_path)
    with store:
        assert notices == []
        assert bests(store) == {
            "mini": {"10q-timed": 250, "allq-untimed": 0, "allq-timed": 50},
            "mini+studio": {"4q-untimed": 300},
        }  # the review game's 900 is no best; a count that is no number means all
        by_pack = {stats.pack_id: stats for stats in store.stats()}
        assert by_pack["mini+studio"].packs == ("mini", "studio")
        assert by_pack["mini"].games == 6  # its own five and the mixed one
        assert set(by_pack) == {"mini", "mini+studio"}


def test_odd_v2_rows_migrate_without_breaking_the_history(tmp_path: Path):
    path = tmp_path / "quiz.db"
    build_v1(path)
    with sqlite3.connect(path, isolation_level=None) as conn:
        conn.executemany(
            "INSERT INTO games VALUES (?, ?, ?, '2025-01-04T10:00:00', '2025-01-04T10:01:00', ?)",
            [(4, "mini", json.dumps({"count": 10**30}), 300),  # no SQLite integer holds it
             (5, "mini", "[" * 100_000 + "]" * 100_000, 200),  # nested past any parser
             (6, "+", "{}", 100),  # "+" alone, or at an end: no empty pack ids
             (7, "a++b", "{}", 100)],
        )  # fmt: skip
        migrations.MIGRATIONS[1](conn)
        conn.execute("PRAGMA user_version = 2")
    conn.close()
    store, notices = Store.open(tmp_path)
    with store:
        assert notices == []
        assert bests(store)["mini"]["allq-untimed"] == 300  # a count past belief is all
        packs = {stats.pack_id: stats.packs for stats in store.stats()}
        assert packs["a++b"] == ("a", "b") and packs["+"] == ("+",)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM game_packs WHERE pack_id = ''").fetchone() == (0,)
    conn.close()


def columns(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return {t: conn.execute(f"PRAGMA table_info({t})").fetchall() for t in sorted(tables)}


def test_a_v1_history_is_migrated_with_everything_kept(tmp_path: Path):
    build_v1(tmp_path / "quiz.db")
    store, notices = Store.open(tmp_path)
    with store:
        assert notices == []
        assert bests(store) == {"mini": {"10q-timed": 250, "allq-untimed": 0}}
        [stats] = store.stats()
        assert (stats.games, stats.unfinished) == (3, 1)
        assert (stats.overall.right, stats.overall.total) == (3, 5)
        assert [a.label for a in stats.by_difficulty] == ["unknown"]
        # Review cards are built by replaying the v1 answers in order, at their times.
        answered = datetime(2025, 1, 1, 10, 1, tzinfo=UTC)
        lens, shot, months = (store.card("mini", q) for q in ("lens", "real-shot", "months"))
        assert lens and shot and months
        assert lens[0] <= answered + timedelta(days=1)  # right, then wrong: back in a day
        assert months[0] >= answered + timedelta(days=7) > shot[0]  # fast in a timed game: Easy
        due = [d.question_id for d in store.due("mini")]
        assert due == ["lens", "real-shot", "months"]  # long past: most overdue first
        # New answers carry category and difficulty.
        game = store.start_game(NewGame("mini", count=4))
        store.record_answer(game, "mini", "director", "Gagne", True, 100, 2.0, "cast", "medium")
    with sqlite3.connect(tmp_path / "quiz.db") as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute(
            "SELECT right_answers, total_questions FROM games ORDER BY id"
        ).fetchall() == [(2, 3), (None, None), (0, 0), (None, None)]
    conn.close()


def test_migrated_schema_matches_a_fresh_one(tmp_path: Path):
    build_v1(tmp_path / "old" / "quiz.db")
    for folder in ("old", "new"):
        Store.open(tmp_path / folder)[0].close()
    old = sqlite3.connect(tmp_path / "old" / "quiz.db")
    new = sqlite3.connect(tmp_path / "new" / "quiz.db")
    assert columns(old) == columns(new)
    index_sql = "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"
    assert old.execute(index_sql).fetchall() == new.execute(index_sql).fetchall()
    old.close()
    new.close()


def test_a_newer_schema_is_refused_and_left_untouched(tmp_path: Path):
    Store.open(tmp_path)[0].close()
    with sqlite3.connect(tmp_path / "quiz.db") as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = (tmp_path / "quiz.db").read_bytes()
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path)
    message = str(caught.value)
    assert "newer quiz" in message and "schema 99" in message and str(tmp_path) in message
    assert "\n" not in message
    assert (tmp_path / "quiz.db").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quiz.db"]


def test_a_failed_migration_changes_nothing(tmp_path: Path, monkeypatch):
    build_v1(tmp_path / "quiz.db")

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE games ADD COLUMN half_done TEXT")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "MIGRATIONS", (migrations.MIGRATIONS[0], broken))
    conn = sqlite3.connect(tmp_path / "quiz.db", isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrations.migrate(conn)
    assert not conn.in_transaction
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "half_done" not in [row[1] for row in conn.execute("PRAGMA table_info(games)")]
    conn.close()


def test_a_migration_sqlite_rolled_back_itself_raises_its_own_error(tmp_path: Path, monkeypatch):
    build_v1(tmp_path / "quiz.db")
    full = sqlite3.OperationalError("the disk is full")

    def rolled_back(conn: sqlite3.Connection) -> None:
        conn.execute("ROLLBACK")  # as SQLite does by itself when the disk fills mid-write
        raise full

    monkeypatch.setattr(migrations, "MIGRATIONS", (migrations.MIGRATIONS[0], rolled_back))
    conn = sqlite3.connect(tmp_path / "quiz.db", isolation_level=None)
    with pytest.raises(sqlite3.OperationalError) as raised:
        migrations.migrate(conn)
    conn.close()
    assert raised.value is full


def test_a_v4_history_keeps_every_answer_and_gives_every_seen_question_a_card(tmp_path: Path):
    rng = random.Random(3)
    store, _ = Store.open(tmp_path)
    with store:
        reference.random_history(store, rng, games=40)
    path = tmp_path / "quiz.db"
    reference.as_version_4(path)
    with sqlite3.connect(path) as conn:
        answers = conn.execute("SELECT * FROM answers ORDER BY id").fetchall()
        seen = set(conn.execute(
            "SELECT a.pack_id, a.question_id FROM answers a JOIN games g ON g.id = a.game_id"
            " WHERE g.mode IN ('play', 'review')"
        ))  # fmt: skip
    conn.close()
    store, notices = Store.open(tmp_path)
    with store:
        assert notices == []
        with store._read() as conn:
            assert conn.execute("SELECT * FROM answers ORDER BY id").fetchall() == answers
            assert set(cards.pack_cards(conn, reference.PACKS)) == seen
            assert "review_boxes" not in migrations.tables(conn)
    assert seen  # the history had scored answers to replay


@pytest.mark.parametrize(
    ("column", "value"),
    [("answered_at", "yesterday"), ("answered_at", 12), ("answered_at", b"\xff"),
     ("answered_at", "9999-12-31T23:59:59"), ("answered_at", "0001-01-01"),
     ("answered_at", "2024-01-01T00:00:00+01:00"), ("answered_at", "2024-06-01T12:00:00.5-05:00"),
     ("correct", "abc"), ("correct", 2.5), ("seconds", "fast"), ("seconds", 1e309),
     ("pack_id", b"\xff"), ("question_id", 7), ("game_id", "x")],
)  # fmt: skip
def test_a_v4_history_with_hostile_answers_migrates(tmp_path: Path, column, value):
    store, _ = Store.open(tmp_path)
    with store:
        for timer in (20, "x", 1e308):
            game = store.start_game(NewGame("mini", count=2, timed=True, settings={"timer": timer}))
            store.record_answer(game, "mini", "lens", "x", True, 100, 1.0)
            store.record_answer(game, "mini", "months", "x", False, 0, 1.0)
    path = tmp_path / "quiz.db"
    reference.as_version_4(path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"UPDATE answers SET {column} = ? WHERE question_id = 'lens'", (value,))
        conn.execute("UPDATE games SET settings = '[[[[' WHERE id = 3")
    conn.close()
    assert main(["stats", "--data-dir", str(tmp_path)]) == 0
    store, notices = Store.open(tmp_path)
    with store:
        assert notices == []
        assert store.card("mini", "months") is not None
        if column not in ("pack_id", "question_id", "game_id"):
            assert store.card("mini", "lens") is not None
        store.due("mini")
        store.next_due("mini")
