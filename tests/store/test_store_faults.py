"""Faults: corrupt files moved aside (never deleted), locks reported, unwritable folders."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from game_rows import bests

from quiz.store import NewGame, Store, StoreError, db

GARBAGE = b"this is not a database, just some bytes \x00\xff" * 200


def test_a_corrupt_file_is_moved_aside_and_a_fresh_one_started(tmp_path: Path, clock):
    (tmp_path / "quiz.db").write_bytes(GARBAGE)
    store, notices = Store.open(tmp_path, now=clock)
    moved = tmp_path / "quiz-unreadable-20261121-043000.db"
    assert moved.read_bytes() == GARBAGE
    # The reason in the brackets is SQLite's own words: only the rest is ours to assert.
    [notice] = notices
    assert notice.startswith(f"history at {tmp_path / 'quiz.db'} was unreadable (")
    assert notice.endswith(f"); moved it to {moved} and started fresh")
    assert "\n" not in notice
    with store:
        assert store.saving
        game = store.start_game(NewGame("mini"))
        store.record_answer(game, "mini", "lens", "10", True, 75, 1.0)
        assert store.stats()[0].games == 1


def test_each_corrupt_file_gets_its_own_name(tmp_path: Path, clock):
    for _ in range(2):
        (tmp_path / "quiz.db").write_bytes(GARBAGE)
        Store.open(tmp_path, now=lambda: clock.current)[0].close()  # same second both times
    names = sorted(p.name for p in tmp_path.glob("quiz-unreadable-*"))
    assert names == ["quiz-unreadable-20261121-042959-2.db", "quiz-unreadable-20261121-042959.db"]


def test_a_damaged_history_is_moved_aside(tmp_path: Path, play):
    store, _ = Store.open(tmp_path)
    play(store, "p", [(f"q{n}", n % 3 == 0) for n in range(2000)])
    store.close()
    path = tmp_path / "quiz.db"
    damaged = path.read_bytes()[: path.stat().st_size // 2]
    path.write_bytes(damaged)
    store, notices = Store.open(tmp_path)
    with store:
        assert store.stats() == []
    assert len(notices) == 1 and "was unreadable" in notices[0] and "\n" not in notices[0]
    [moved] = tmp_path.glob("quiz-unreadable-*.db")
    assert moved.read_bytes() == damaged


def test_some_other_programs_database_is_not_taken_over(tmp_path: Path):
    with sqlite3.connect(tmp_path / "quiz.db") as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    _, notices = Store.open(tmp_path)
    assert "not a quiz history file" in notices[0]
    [moved] = tmp_path.glob("quiz-unreadable-*.db")
    with sqlite3.connect(moved) as conn:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("recipes",)]
    conn.close()


@pytest.mark.parametrize(
    "change",
    [
        "CREATE TABLE recipes (name TEXT)",  # a table of someone else's
        "DROP TABLE settings",  # a table missing
        "ALTER TABLE answers DROP COLUMN difficulty",  # a column missing
        "ALTER TABLE games ADD COLUMN colour TEXT",  # a column of someone else's
    ],
)
def test_a_history_whose_tables_are_not_ours_is_moved_aside(
    tmp_path: Path, play, change: str
) -> None:
    store, _ = Store.open(tmp_path)
    play(store, "p", [("q1", True)])
    store.close()
    with sqlite3.connect(tmp_path / "quiz.db") as conn:
        # Our triggers name the columns; another program would drop them first.
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"):
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute(change)
    conn.close()
    store, notices = Store.open(tmp_path)
    with store:
        assert store.stats() == []  # a fresh history
        play(store, "p", [("q1", True)])  # that saves answers
        assert [stats.overall.total for stats in store.stats()] == [1]
    assert len(notices) == 1 and "moved it to" in notices[0] and "\n" not in notices[0]
    [moved] = tmp_path.glob("quiz-unreadable-*.db")
    with sqlite3.connect(moved) as conn:  # kept as it was, never deleted
        assert conn.execute("SELECT count(*) FROM answers").fetchone() == (1,)
    conn.close()


def test_a_write_locked_by_another_copy_waits_then_reports(store: Store, tmp_path: Path):
    other = sqlite3.connect(tmp_path / "data" / "quiz.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another copy in the middle of a write
    waiting, _ = Store.open(tmp_path / "data", timeout=0.05)
    with waiting:
        with pytest.raises(StoreError) as caught:
            waiting.start_game(NewGame("mini"))
        message = str(caught.value)
        assert "locked by another program" in message and "0.05 s" in message
        assert str(tmp_path / "data" / "quiz.db") in message
        assert waiting.best_scores() == []  # reading still works meanwhile
        other.execute("COMMIT")
        assert waiting.start_game(NewGame("mini")) == 1  # and writing works once it is free
    other.close()


def test_an_old_file_locked_during_migration_is_reported(tmp_path: Path):
    path = tmp_path / "quiz.db"
    with sqlite3.connect(path) as conn:  # a v1 file, still in rollback-journal mode
        conn.execute("CREATE TABLE games (id INTEGER PRIMARY KEY)")
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    with pytest.raises(StoreError, match="locked by another program"):
        Store.open(tmp_path, timeout=0.05)
    other.execute("ROLLBACK")
    other.close()
    assert list(tmp_path.glob("quiz-unreadable-*")) == []


def test_a_folder_that_cannot_be_created_plays_on_without_saving(tmp_path: Path, play):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store, notices = Store.open(blocker / "data")
    assert not store.saving
    assert len(notices) == 1
    assert notices[0].startswith(f"can't write to the data folder {blocker / 'data'} (")
    assert notices[0].endswith("; playing on without saving")
    with store:
        play(store, "mini", [("lens", True)])
        assert bests(store) == {"mini": {"10q-untimed": 100}}
    assert blocker.read_text() == "not a folder"


def test_a_data_dir_that_is_a_file_is_left_alone(tmp_path: Path):
    target = tmp_path / "data"
    target.write_text("keep me")
    store, notices = Store.open(target)
    store.close()
    assert not store.saving
    assert notices == [
        f"can't write to the data folder {target} (it is a file, not a folder);"
        " playing on without saving"
    ]
    assert target.read_text() == "keep me"


def test_an_unreadable_file_that_cannot_be_moved_plays_on(tmp_path: Path, monkeypatch):
    (tmp_path / "quiz.db").write_bytes(GARBAGE)

    def refuse(self: Path, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "rename", refuse)
    store, notices = Store.open(tmp_path)
    store.close()
    assert not store.saving
    assert "can't be moved" in notices[0] and "playing on without saving" in notices[0]
    assert (tmp_path / "quiz.db").read_bytes() == GARBAGE


def test_a_folder_where_the_database_should_be_is_moved_aside(tmp_path: Path, clock):
    (tmp_path / "quiz.db").mkdir()
    (tmp_path / "quiz.db" / "keep.txt").write_text("mine")
    store, notices = Store.open(tmp_path, now=clock)
    with store:
        assert store.saving
        store.record_answer(store.start_game(NewGame("mini")), "mini", "lens", "10", True, 75, 1.0)
    [moved] = tmp_path.glob("quiz-unreadable-*.db")
    assert (moved / "keep.txt").read_text() == "mine"
    assert len(notices) == 1 and "was unreadable" in notices[0]


def damage_table(path: Path, table: str) -> None:
    """Write garbage over the first page of TABLE."""
    with sqlite3.connect(path) as conn:
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
        (size,) = conn.execute("PRAGMA page_size").fetchone()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(path, "r+b") as file:
        file.seek((root - 1) * size + 8)
        file.write(b"\xff" * 64)


@pytest.mark.parametrize("long_history", [False, True])
def test_damaged_totals_are_found_at_open_however_long_the_history(
    tmp_path: Path, play, monkeypatch, long_history: bool
) -> None:
    if long_history:  # only the tables that don't grow with the history are checked then
        monkeypatch.setattr(db, "FULL_CHECK_PAGES", 0)
    store, _ = Store.open(tmp_path)
    play(store, "p", [(f"q{n}", n % 3 == 0) for n in range(300)])
    store.close()
    damage_table(tmp_path / "quiz.db", "question_totals")
    store, notices = Store.open(tmp_path)
    with store:
        assert store.stats() == []
    assert len(notices) == 1 and "was unreadable" in notices[0]
