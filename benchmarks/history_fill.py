"""A real history database of any size, built in SQL at schema v3 and migrated by the store.

fill(folder, answers) writes games of 10 answers to the built-in pack's questions: one
game in 20 a mix with a second pack, one in 10 a review game, one in 15 left early, and
a Leitner box for every question answered (v5 replays the answers into review cards
instead), so stats, best scores and review all have
work to do. Rows are made by recursive CTEs in one transaction (1M answers: seconds).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

PER_GAME = 10
PACK = "severance-s2"
OTHER = "other-pack"


def _questions() -> list[tuple[str, str | None, str]]:
    from quiz.packs.discovery import builtin_pack_files
    from quiz.packs.loader import load_pack

    return [(q.id, q.category, q.difficulty.value)
            for path in builtin_pack_files() for q in load_pack(path).questions]  # fmt: skip


def fill_v3(database: Path, answers: int) -> None:
    """Write a schema v3 history of ANSWERS answers at DATABASE (a new file)."""
    from quiz.store.migrations import MIGRATIONS

    conn = sqlite3.connect(database, isolation_level=None)
    # A new file built in one go: no journal, and pages kept in memory until the end.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    conn.execute("BEGIN")
    for migration in MIGRATIONS[:3]:
        migration(conn)
    conn.execute("CREATE TEMP TABLE q (n INTEGER PRIMARY KEY, id, category, difficulty)")
    conn.executemany("INSERT INTO q VALUES (?, ?, ?, ?)",
                     [(n, *row) for n, row in enumerate(_questions())])  # fmt: skip
    (questions,) = conn.execute("SELECT count(*) FROM q").fetchone()
    games = max(1, answers // PER_GAME)
    conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
        " INSERT INTO games (id, pack_id, settings, started_at, ended_at, score, mode,"
        " question_count, timed, right_answers, total_questions)"
        f" SELECT i, CASE WHEN i % 20 = 0 THEN '{OTHER}+{PACK}' ELSE '{PACK}' END, '{{}}',"
        " '2026-01-01T00:00:00+00:00', CASE WHEN i % 15 = 0 THEN NULL"
        " ELSE '2026-01-01T00:05:00+00:00' END, CASE WHEN i % 15 = 0 THEN NULL"
        " ELSE abs(random()) % 2000 END, CASE WHEN i % 10 = 0 THEN 'review' ELSE 'play' END,"
        " CASE WHEN i % 3 = 0 THEN NULL ELSE 10 END, i % 2, 5, 10 FROM n",
        (games,),
    )
    # The answers' indexes are built after their rows: a sort, not a million random inserts.
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'answers'"
    ).fetchall()
    for name, _ in indexes:
        conn.execute(f"DROP INDEX {name}")
    conn.execute(f"INSERT INTO game_packs SELECT id, '{PACK}' FROM games")
    conn.execute(f"INSERT INTO game_packs SELECT id, '{OTHER}' FROM games WHERE id % 20 = 0")
    conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)"
        " INSERT INTO answers (game_id, pack_id, question_id, given, correct, points, seconds,"
        " answered_at, category, difficulty)"
        f" SELECT 1 + i / {PER_GAME}, CASE WHEN i % 40 = 39 THEN '{OTHER}' ELSE '{PACK}' END,"
        " q.id, CASE WHEN i % 7 = 0 THEN '' ELSE 'x' END, abs(random()) % 5 < 3, 100, 3.5,"
        " '2026-01-01T00:01:00+00:00', q.category, q.difficulty"
        " FROM n JOIN q ON q.n = (i * 7 + i / ?) % ?",
        (answers, PER_GAME, questions),
    )
    for _, sql in indexes:
        conn.execute(sql)
    conn.execute(
        "INSERT INTO review_boxes SELECT pack_id, question_id, 1 + count(*) % 5, max(game_id),"
        " '2026-01-01T00:01:00+00:00' FROM answers GROUP BY pack_id, question_id"
    )
    conn.execute("PRAGMA user_version = 3")
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


def fill(folder: Path, answers: int) -> float:
    """A history of ANSWERS answers in FOLDER, migrated to the latest schema by the store;
    returns the seconds the migration took."""
    from quiz.store import Store

    folder.mkdir(parents=True, exist_ok=True)
    fill_v3(folder / "quiz.db", answers)
    started = time.perf_counter()
    store, _ = Store.open(folder)
    seconds = time.perf_counter() - started
    store.close()
    return seconds
