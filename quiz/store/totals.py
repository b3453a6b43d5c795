"""History totals kept by triggers (schema v4), so stats, scores and review read a few rows.

Why triggers and not code: every write to the history, ours or another program's (an
older row fixed by hand, a test that tampers), moves the totals in the same transaction,
and the rules for what counts are written once, here, in the SQL the old queries used.
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

from quiz.store.scores import FINISHED, KIND, PLAY, RANKED

CATEGORY = "coalesce(CASE WHEN typeof(a.category) = 'text' THEN a.category END, 'uncategorised')"
DIFFICULTY = "coalesce(CASE WHEN typeof(a.difficulty) = 'text' THEN a.difficulty END, 'unknown')"
COUNT_KEY = "CASE WHEN g.question_count IS NULL THEN 'all' ELSE g.question_count END"

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


def _game_row(row: str) -> str:
    columns = ("id", "pack_id", "mode", "question_count", "timed", "ended_at", "score")
    return "SELECT " + ", ".join(f"{row}.{c} AS {c}" for c in columns)


def _answer_row(row: str) -> str:
    columns = ("game_id", "pack_id", "question_id", "correct", "category", "difficulty")
    return "SELECT " + ", ".join(f"{row}.{c} AS {c}" for c in columns)


def _own(source: str, sign: str) -> list[str]:
    """Add (sign 1) or take away (-1) the games of SOURCE, as kept under their ids."""
    return [
        "INSERT INTO scope_totals (scope, games, games_open, ranked, ranked_sum)"
        f" SELECT g.pack_id, {sign} * count(*), {sign} * sum(g.ended_at IS NULL),"
        f" {sign} * sum({RANKED}), {sign} * total(CASE WHEN {RANKED} THEN g.score END)"
        f" FROM ({source}) g WHERE g.pack_id IS NOT NULL GROUP BY 1"
        " ON CONFLICT DO UPDATE SET games = games + excluded.games,"
        " games_open = games_open + excluded.games_open, ranked = ranked + excluded.ranked,"
        " ranked_sum = ranked_sum + excluded.ranked_sum",
        "INSERT INTO kind_totals (scope, count_key, timed, games, finished, score_sum)"
        f" SELECT g.pack_id, {COUNT_KEY}, g.timed, {sign} * count(*), {sign} * sum({FINISHED}),"
        f" {sign} * total(CASE WHEN {FINISHED} THEN g.score END) FROM ({source}) g"
        f" WHERE g.pack_id IS NOT NULL AND g.mode = '{PLAY}' AND {KIND} GROUP BY 1, 2, 3"
        " ON CONFLICT DO UPDATE SET games = games + excluded.games,"
        " finished = finished + excluded.finished, score_sum = score_sum + excluded.score_sum",
    ]


def _members(game: str, add: bool) -> list[str]:
    """Add or take away the pack_games and scope_packs rows of GAME (new or old)."""
    packs = (
        f"SELECT {game}.pack_id AS p UNION SELECT pack_id FROM game_packs WHERE game_id = {game}.id"
    )
    if add:
        return [
            "INSERT OR IGNORE INTO pack_games (pack_id, game_id, open)"
            f" SELECT p, {game}.id, {game}.ended_at IS NULL FROM ({packs}) WHERE p IS NOT NULL",
            "INSERT INTO scope_packs (scope, pack_id, games)"
            f" SELECT {game}.pack_id, pack_id, 1 FROM game_packs WHERE game_id = {game}.id"
            f" AND {game}.pack_id IS NOT NULL ON CONFLICT DO UPDATE SET games = games + 1",
        ]
    return [
        f"DELETE FROM pack_games WHERE game_id = {game}.id AND pack_id IN ({packs})",
        f"UPDATE scope_packs SET games = games - 1 WHERE scope = {game}.pack_id"
        f" AND pack_id IN (SELECT pack_id FROM game_packs WHERE game_id = {game}.id)",
    ]


def _answers(source: str, scope: str, by: str, sign: str, join: str = "") -> list[str]:
    """Add or take away the answers of SOURCE under SCOPE (their pack, or their game's id)."""
    where = f"FROM ({source}) a {join} WHERE typeof({scope}) = 'text'"
    return [
        "INSERT INTO label_totals (by, scope, category, difficulty, hits, tries)"
        f" SELECT '{by}', {scope}, {CATEGORY}, {DIFFICULTY}, {sign} * sum(a.correct = 1),"
        f" {sign} * count(*) {where} GROUP BY 2, 3, 4"
        " ON CONFLICT DO UPDATE SET hits = hits + excluded.hits, tries = tries + excluded.tries",
        "INSERT INTO question_totals (by, scope, pack_id, question_id, hits, misses, tries)"
        f" SELECT '{by}', {scope}, a.pack_id, a.question_id, {sign} * sum(a.correct = 1),"
        f" {sign} * sum(a.correct = 0), {sign} * count(*) {where}"
        " AND typeof(a.pack_id) = 'text' AND typeof(a.question_id) = 'text' GROUP BY 2, 3, 4"
        " ON CONFLICT DO UPDATE SET hits = hits + excluded.hits,"
        " misses = misses + excluded.misses, tries = tries + excluded.tries",
    ]


def _answer(row: str, sign: str) -> list[str]:
    source = _answer_row(row)
    return [
        *_answers(source, "a.pack_id", "pack", sign),
        *_answers(source, "g.pack_id", "game", sign, "JOIN games g ON g.id = a.game_id"),
    ]


def _games_answers(game: str, sign: str) -> list[str]:
    """The answers given in GAME (new or old), counted under the id it is kept under."""
    source = f"SELECT * FROM answers WHERE game_id = {game}.id"
    return _answers(source, f"{game}.pack_id", "game", sign)


_MOVED = "old.id IS NOT new.id OR old.pack_id IS NOT new.pack_id"

TRIGGERS: dict[str, tuple[str, list[str]]] = {
    "pack_games_added": ("AFTER INSERT ON pack_games", [
        "UPDATE pack_games SET seq = seq + 1 WHERE pack_id = new.pack_id AND game_id > new.game_id",
        "UPDATE pack_games SET seq = 1 + coalesce((SELECT seq FROM pack_games"
        " WHERE pack_id = new.pack_id AND game_id < new.game_id ORDER BY game_id DESC LIMIT 1), 0)"
        " WHERE pack_id = new.pack_id AND game_id = new.game_id",
        "INSERT INTO scope_totals (scope, members, members_open) VALUES (new.pack_id, 1, new.open)"
        " ON CONFLICT DO UPDATE SET members = members + 1,"
        " members_open = members_open + excluded.members_open",
    ]),
    "pack_games_removed": ("AFTER DELETE ON pack_games", [
        "UPDATE pack_games SET seq = seq - 1 WHERE pack_id = old.pack_id AND game_id > old.game_id",
        "UPDATE scope_totals SET members = members - 1, members_open = members_open - old.open"
        " WHERE scope = old.pack_id",
    ]),
    "pack_games_opened": ("AFTER UPDATE OF open ON pack_games", [
        "UPDATE scope_totals SET members_open = members_open + new.open - old.open"
        " WHERE scope = new.pack_id",
    ]),
    "games_added": ("AFTER INSERT ON games", [
        *_own(_game_row("new"), "1"), *_members("new", True), *_games_answers("new", "1"),
    ]),
    "games_removed": ("AFTER DELETE ON games", [
        *_own(_game_row("old"), "-1"), *_members("old", False), *_games_answers("old", "-1"),
    ]),
    "games_changed": ("AFTER UPDATE ON games", [
        *_own(_game_row("old"), "-1"), *_own(_game_row("new"), "1"),
    ]),
    "games_moved": (f"AFTER UPDATE ON games WHEN {_MOVED}", [
        *_members("old", False), *_members("new", True),
        *_games_answers("old", "-1"), *_games_answers("new", "1"),
    ]),
    "games_ended": (
        f"AFTER UPDATE OF ended_at ON games WHEN NOT ({_MOVED})"
        " AND (old.ended_at IS NULL) IS NOT (new.ended_at IS NULL)", [
        "UPDATE pack_games SET open = new.ended_at IS NULL WHERE game_id = new.id AND pack_id IN"
        " (SELECT new.pack_id UNION SELECT pack_id FROM game_packs WHERE game_id = new.id)",
    ]),
    "game_packs_added": ("AFTER INSERT ON game_packs", [
        "INSERT OR IGNORE INTO pack_games (pack_id, game_id, open) SELECT new.pack_id, g.id,"
        " g.ended_at IS NULL FROM games g WHERE g.id = new.game_id AND new.pack_id IS NOT NULL",
        "INSERT INTO scope_packs (scope, pack_id, games) SELECT g.pack_id, new.pack_id, 1"
        " FROM games g WHERE g.id = new.game_id AND new.pack_id IS NOT NULL"
        " ON CONFLICT DO UPDATE SET games = games + 1",
    ]),
    "game_packs_removed": ("AFTER DELETE ON game_packs", [
        "DELETE FROM pack_games WHERE pack_id = old.pack_id AND game_id = old.game_id AND NOT"
        " EXISTS (SELECT 1 FROM games WHERE id = old.game_id AND pack_id = old.pack_id)",
        "UPDATE scope_packs SET games = games - 1 WHERE pack_id = old.pack_id"
        " AND scope = (SELECT pack_id FROM games WHERE id = old.game_id)",
    ]),
    "answers_added": ("AFTER INSERT ON answers", _answer("new", "1")),
    "answers_removed": ("AFTER DELETE ON answers", _answer("old", "-1")),
    "answers_changed": ("AFTER UPDATE ON answers", [*_answer("old", "-1"), *_answer("new", "1")]),
}  # fmt: skip


def _trigger_sql(name: str) -> str:
    when, body = TRIGGERS[name]
    return f"CREATE TRIGGER {name} {when} BEGIN " + "; ".join(body) + "; END"


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
        " (SELECT pack_id, id, ended_at FROM games WHERE pack_id IS NOT NULL UNION"
        " SELECT p.pack_id, g.id, g.ended_at FROM game_packs p JOIN games g ON g.id = p.game_id"
        " WHERE p.pack_id IS NOT NULL)"
    )
    conn.execute(
        "INSERT INTO scope_totals (scope, members, members_open)"
        " SELECT pack_id, count(*), sum(open) FROM pack_games GROUP BY pack_id"
    )
    conn.execute(
        "INSERT INTO scope_packs (scope, pack_id, games) SELECT g.pack_id, p.pack_id, count(*)"
        " FROM game_packs p JOIN games g ON g.id = p.game_id"
        " WHERE g.pack_id IS NOT NULL AND p.pack_id IS NOT NULL GROUP BY 1, 2"
    )
    for statement in _own("SELECT * FROM games", "1"):
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
        " FROM answers a LEFT JOIN games g ON g.id = a.game_id WHERE true"
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
        conn.execute(_trigger_sql(name))


def intact(conn: sqlite3.Connection) -> bool:
    """True when the file's triggers are exactly ours (else the totals can't be trusted)."""
    found = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    return found == {name: _trigger_sql(name) for name in TRIGGERS}


def rebuild(conn: sqlite3.Connection) -> None:
    """Drop whatever triggers the file has, and fill the totals again from the rows
    (inside the caller's write transaction)."""
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{name.replace(chr(34), chr(34) * 2)}"')
    for table in TOTALS:
        conn.execute(f"DELETE FROM {table}")
    _fill(conn)
