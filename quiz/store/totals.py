"""History totals kept by triggers (schema v4), so stats, scores and review read a few rows.

Why triggers and not code: every write to the history, ours or another program's (an
older row fixed by hand, a test that tampers), moves the totals in the same transaction,
and the rules for what counts are written once, in SQL (quiz.store.triggers).
The totals are a cache of the rows: if a file's triggers are not exactly ours, the
totals are rebuilt from the rows (see `intact` and `rebuild`).

- pack_games: the games each pack took part in (kept under its id, or listing it in
  game_packs), with `seq` the game's place among them, so "games of this pack since game
  N" is two index lookups.
- scope_totals: per id, those games (`members`, `members_open`) and the games kept under
  it (`games`, `games_open`, and the finished normal play with a whole-number score:
  `ranked`, `ranked_sum`).
- scope_packs: the packs listed by the games kept under an id (a mix's packs).
- kind_totals: normal play of a known kind (count, timed) per id kept under.
- label_totals and question_totals: answers per category and difficulty, and per question,
  by the answer's own pack (`by` 'pack') and by the id its game is kept under ('game').
Best scores are read from the partial indexes on games, not kept.
"""

from __future__ import annotations

import sqlite3

from quiz.store.scores import FINISHED, RANKED
from quiz.store.triggers import CATEGORY, DIFFICULTY, TRIGGERS, counted, own, trigger_sql

TABLES = (
    "CREATE TABLE pack_games (pack_id TEXT NOT NULL, game_id INTEGER NOT NULL,"
    " seq INTEGER NOT NULL DEFAULT 0, open INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (pack_id, game_id)) WITHOUT ROWID",
    "CREATE TABLE scope_totals (scope TEXT NOT NULL PRIMARY KEY,"
    " members INTEGER NOT NULL DEFAULT 0, members_open INTEGER NOT NULL DEFAULT 0,"
    " games INTEGER NOT NULL DEFAULT 0, games_open INTEGER NOT NULL DEFAULT 0,"
    " ranked INTEGER NOT NULL DEFAULT 0, ranked_sum REAL NOT NULL DEFAULT 0) WITHOUT ROWID",
    "CREATE TABLE scope_packs (scope TEXT NOT NULL, pack_id TEXT NOT NULL,"
    " games INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (scope, pack_id)) WITHOUT ROWID",
    "CREATE TABLE kind_totals (scope TEXT NOT NULL, count_key NOT NULL, timed INTEGER NOT NULL,"
    " games INTEGER NOT NULL DEFAULT 0, finished INTEGER NOT NULL DEFAULT 0,"
    " score_sum REAL NOT NULL DEFAULT 0, PRIMARY KEY (scope, count_key, timed)) WITHOUT ROWID",
    "CREATE TABLE label_totals (by TEXT NOT NULL, scope TEXT NOT NULL, category TEXT NOT NULL,"
    " difficulty TEXT NOT NULL, hits INTEGER NOT NULL DEFAULT 0,"
    " tries INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (by, scope, category, difficulty))"
    " WITHOUT ROWID",
    "CREATE TABLE question_totals (by TEXT NOT NULL, scope TEXT NOT NULL, pack_id TEXT NOT NULL,"
    " question_id TEXT NOT NULL, hits INTEGER NOT NULL DEFAULT 0,"
    " misses INTEGER NOT NULL DEFAULT 0, tries INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (by, scope, pack_id, question_id)) WITHOUT ROWID",
    "CREATE INDEX question_totals_by_misses ON question_totals"
    " (by, scope, misses DESC, tries, pack_id, question_id) WHERE misses > 0",
    f"CREATE INDEX finished_scores ON games (pack_id, mode, question_count, timed, score)"
    f" WHERE {FINISHED}",
    f"CREATE INDEX ranked_scores ON games (pack_id, score) WHERE {RANKED}",
)
TOTALS = ("pack_games", "scope_totals", "scope_packs", "kind_totals", "label_totals",
          "question_totals")  # fmt: skip


def create(conn: sqlite3.Connection) -> None:
    """Version 4: the totals tables, filled from the rows, and the triggers that keep them."""
    for statement in TABLES:
        conn.execute(statement)
    _fill(conn)


def _fill(conn: sqlite3.Connection) -> None:
    """Fill the (empty) totals from the rows, then create the triggers."""
    conn.execute(
        "INSERT INTO pack_games (pack_id, game_id, seq, open) SELECT pack_id, id,"
        " row_number() OVER (PARTITION BY pack_id ORDER BY id), ended_at IS NULL FROM"
        f" (SELECT pack_id, id, ended_at FROM games g WHERE pack_id IS NOT NULL AND {counted('g')}"
        " UNION SELECT p.pack_id, g.id, g.ended_at FROM game_packs p JOIN games g"
        f" ON g.id = p.game_id WHERE p.pack_id IS NOT NULL AND {counted('g')})"
    )
    conn.execute(
        "INSERT INTO scope_totals (scope, members, members_open)"
        " SELECT pack_id, count(*), sum(open) FROM pack_games GROUP BY pack_id"
    )
    conn.execute(
        "INSERT INTO scope_packs (scope, pack_id, games) SELECT g.pack_id, p.pack_id, count(*)"
        " FROM game_packs p JOIN games g ON g.id = p.game_id"
        f" WHERE g.pack_id IS NOT NULL AND p.pack_id IS NOT NULL AND {counted('g')} GROUP BY 1, 2"
    )
    for statement in own("SELECT * FROM games", "1"):
        conn.execute(statement)
    # One pass over the answers, then the four totals from that. The pass adds each answer
    # into a small keyed table rather than GROUP BY, which would sort them all (3x slower).
    conn.execute(
        "CREATE TEMP TABLE answer_groups (game_scope, pack_id, question_id, category,"
        " difficulty, hits, misses, tries,"
        " PRIMARY KEY (game_scope, pack_id, question_id, category, difficulty))"
    )
    conn.execute(
        "INSERT INTO answer_groups SELECT g.pack_id, a.pack_id, a.question_id,"
        f" {CATEGORY}, {DIFFICULTY}, a.correct = 1, a.correct = 0, 1"
        f" FROM answers a LEFT JOIN games g ON g.id = a.game_id WHERE {counted('g')}"
        " ON CONFLICT DO UPDATE SET hits = hits + excluded.hits,"
        " misses = misses + excluded.misses, tries = tries + 1"
    )
    for by, scope in (("pack", "pack_id"), ("game", "game_scope")):
        conn.execute(
            "INSERT INTO label_totals (by, scope, category, difficulty, hits, tries)"
            f" SELECT '{by}', {scope}, category, difficulty, sum(hits), sum(tries)"
            f" FROM answer_groups WHERE typeof({scope}) = 'text' GROUP BY 2, 3, 4"
        )
        conn.execute(
            "INSERT INTO question_totals (by, scope, pack_id, question_id, hits, misses, tries)"
            f" SELECT '{by}', {scope}, pack_id, question_id, sum(hits), sum(misses), sum(tries)"
            f" FROM answer_groups WHERE typeof({scope}) = 'text' AND typeof(pack_id) = 'text'"
            " AND typeof(question_id) = 'text' GROUP BY 2, 3, 4"
        )
    conn.execute("DROP TABLE temp.answer_groups")
    for name in TRIGGERS:
        conn.execute(trigger_sql(name))


def intact(conn: sqlite3.Connection) -> bool:
    """True when the file's triggers are exactly ours (else the totals can't be trusted)."""
    found = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    return found == {name: trigger_sql(name) for name in TRIGGERS}


def rebuild(conn: sqlite3.Connection) -> None:
    """Drop whatever triggers the file has, and fill the totals again from the rows
    (inside the caller's write transaction)."""
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{name.replace(chr(34), chr(34) * 2)}"')
    for table in TOTALS:
        conn.execute(f"DELETE FROM {table}")
    _fill(conn)
