"""The totals kept by triggers (schema v4) change no number: stats, best scores and review
equal a plain count over the rows, after play, after rows are edited by hand, after a
v3 file is migrated, and after a file loses its triggers."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import history_reference as reference
import pytest

from quiz.store import Store, cards, totals
from quiz.store.scores import best_like

SEEDS = range(12)


def assert_matches(store: Store, replayed: bool = False) -> None:
    """Stats and best scores equal a plain count over the rows; with REPLAYED, the review
    cards equal every answer replayed (true after play and migration, not after edits)."""
    with store._read() as conn:
        rows = reference.read_rows(conn)
        for game in rows.games:
            assert best_like(conn, game) == reference.best_like(rows, game)
        kept = cards.pack_cards(conn, reference.PACKS)
    plain = reference.without_review
    assert plain(store.stats()) == reference.stats(rows)
    assert plain(store.stats(missed=2)) == reference.stats(rows, missed=2)
    for scope in {*reference.PACKS, "a+b", "zzz"}:
        assert plain(store.stats(scope)) == [s for s in reference.stats(rows) if s.pack_id == scope]
    assert store.best_scores() == reference.best_scores(rows)
    if replayed:
        expected = reference.cards(rows)
        assert {key: (c.due, c.stability) for key, c in kept.items()} == {
            key: (c.due, c.stability) for key, c in expected.items()
        }


@pytest.mark.parametrize("seed", SEEDS)
def test_totals_match_the_rows_after_random_play(seed: int):
    store = Store.in_memory()
    reference.random_history(store, random.Random(seed))
    assert_matches(store, replayed=True)


def tamper(path: Path, rng: random.Random, edits: int = 12) -> None:
    """Edit rows the way another program could: flip answers, change scores and ids,
    unfinish games, drop and add game_packs rows, delete rows, put a game back under
    an id older than the newest, and turn games into practice rounds and back."""
    conn = sqlite3.connect(path, isolation_level=None)  # foreign keys off, as by default
    conn.execute("BEGIN")
    for _ in range(edits):
        games = [row[0] for row in conn.execute("SELECT id FROM games")]
        answers = [row[0] for row in conn.execute("SELECT id FROM answers")]
        game = rng.choice(games)
        edit = rng.randrange(10)
        if edit == 0 and answers:
            conn.execute("UPDATE answers SET correct = 1 - correct, category = ?"
                         " WHERE id = ?", (rng.choice(reference.CATEGORIES), rng.choice(answers)))  # fmt: skip
        elif edit == 1:
            conn.execute("UPDATE games SET score = ?, ended_at = coalesce(ended_at, 'x')"
                         " WHERE id = ?", (rng.randrange(1000), game))  # fmt: skip
        elif edit == 2:
            conn.execute("UPDATE games SET pack_id = ? WHERE id = ?", (rng.choice("abc"), game))
        elif edit == 3:
            conn.execute("UPDATE games SET ended_at = NULL, score = NULL WHERE id = ?", (game,))
        elif edit == 4:
            conn.execute("DELETE FROM game_packs WHERE game_id = ?", (game,))
        elif edit == 5:
            conn.execute(
                "INSERT OR IGNORE INTO game_packs VALUES (?, ?)", (game, rng.choice("abc"))
            )
        elif edit == 6 and answers:
            conn.execute("DELETE FROM answers WHERE id = ?", (rng.choice(answers),))
        elif edit == 7:
            conn.execute("DELETE FROM games WHERE id = ?", (game,))
            conn.execute(
                "INSERT INTO games (id, pack_id, started_at, mode, question_count, timed)"
                " VALUES (?, ?, 't', 'play', 3, 0)",
                (game, rng.choice("abc")),
            )  # the same id again, older than the newest game
        elif edit == 8:
            conn.execute("UPDATE games SET id = ? WHERE id = ?", (max(games) + 1, game))
        else:  # a game made practice, or practice made a game
            conn.execute(
                "UPDATE games SET mode = CASE mode WHEN 'retry' THEN 'play' ELSE 'retry' END"
                " WHERE id = ?",
                (game,),
            )
    conn.execute("COMMIT")
    conn.close()


@pytest.mark.parametrize("seed", SEEDS)
def test_totals_follow_rows_edited_by_hand(tmp_path: Path, seed: int):
    rng = random.Random(seed)
    store, _ = Store.open(tmp_path)
    with store:
        reference.random_history(store, rng)
    tamper(tmp_path / "quiz.db", rng)
    store, notices = Store.open(tmp_path)
    with store:
        assert notices == []
        assert_matches(store)
        reference.random_history(store, rng, games=5)  # and playing on keeps them
        assert_matches(store)


def as_version_3(path: Path) -> None:
    """Take a v5 file back to v3: no totals, no triggers, no v4 indexes."""
    reference.as_version_4(path)
    conn = sqlite3.connect(path, isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    for table in totals.TOTALS:
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DROP INDEX finished_scores")
    conn.execute("DROP INDEX ranked_scores")
    conn.execute("PRAGMA user_version = 3")
    conn.close()


@pytest.mark.parametrize("seed", SEEDS[:4])
def test_a_v3_history_migrates_to_totals_that_match_its_rows(tmp_path: Path, seed: int):
    rng = random.Random(seed)
    store, _ = Store.open(tmp_path)
    with store:
        reference.random_history(store, rng)
    as_version_3(tmp_path / "quiz.db")
    tamper(tmp_path / "quiz.db", rng, edits=4)  # whatever a v3 file holds
    store, notices = Store.open(tmp_path)
    with store:
        assert notices == []
        assert_matches(store, replayed=True)
        reference.random_history(store, rng, games=5)
        assert_matches(store, replayed=True)


@pytest.mark.parametrize("change", ["DROP TRIGGER answers_added", "CREATE TRIGGER extra"
                                    " AFTER INSERT ON answers BEGIN DELETE FROM label_totals; END"])  # fmt: skip
def test_a_history_whose_triggers_are_not_ours_has_its_totals_rebuilt(tmp_path: Path, change):
    rng = random.Random(7)
    store, _ = Store.open(tmp_path)
    with store:
        reference.random_history(store, rng)
    conn = sqlite3.connect(tmp_path / "quiz.db", isolation_level=None)
    conn.execute(change)
    conn.execute("INSERT INTO answers (game_id, pack_id, question_id, given, correct, points,"
                 " seconds, answered_at) VALUES (1, 'a', 'q1', 'x', 0, 0, 1, 't')")  # fmt: skip
    conn.close()
    store, notices = Store.open(tmp_path)
    with store:
        assert notices == []
        assert_matches(store)
    conn = sqlite3.connect(tmp_path / "quiz.db")
    assert totals.intact(conn)
    conn.close()
