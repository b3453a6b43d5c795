"""The history schema, one migration per version; PRAGMA user_version says which is applied."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Mapping

from quiz.store import totals
from quiz.store.replay import to_v5


def _to_v1(conn: sqlite3.Connection) -> None:
    """Version 1: games and the answers given in them."""
    conn.execute(
        "CREATE TABLE games (id INTEGER PRIMARY KEY, pack_id TEXT NOT NULL,"
        " settings TEXT NOT NULL DEFAULT '{}', started_at TEXT NOT NULL, ended_at TEXT,"
        " score INTEGER)"
    )
    conn.execute(
        "CREATE TABLE answers (id INTEGER PRIMARY KEY,"
        " game_id INTEGER NOT NULL REFERENCES games(id), pack_id TEXT NOT NULL,"
        " question_id TEXT NOT NULL, given TEXT NOT NULL, correct INTEGER NOT NULL,"
        " points INTEGER NOT NULL, seconds REAL NOT NULL, answered_at TEXT NOT NULL)"
    )


def _to_v2(conn: sqlite3.Connection) -> None:
    """Version 2: game kinds and tallies, answer category and difficulty, Leitner boxes,
    settings, and indexes. Kinds and tallies are rebuilt from the v1 rows."""
    for statement in (
        "ALTER TABLE games ADD COLUMN kind TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE games ADD COLUMN right_answers INTEGER",
        "ALTER TABLE games ADD COLUMN total_questions INTEGER",
        "ALTER TABLE answers ADD COLUMN category TEXT",
        "ALTER TABLE answers ADD COLUMN difficulty TEXT",
        "CREATE TABLE review_boxes (pack_id TEXT NOT NULL, question_id TEXT NOT NULL,"
        " box INTEGER NOT NULL CHECK (box BETWEEN 1 AND 5), last_game_id INTEGER NOT NULL,"
        " updated_at TEXT NOT NULL, PRIMARY KEY (pack_id, question_id))",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE INDEX games_by_pack ON games (pack_id, kind, score)",
        "CREATE INDEX answers_by_game ON answers (game_id)",
        "CREATE INDEX answers_by_question ON answers (pack_id, question_id)",
    ):
        conn.execute(statement)
    for game_id, settings in conn.execute("SELECT id, settings FROM games").fetchall():
        conn.execute("UPDATE games SET kind = ? WHERE id = ?", (_v2_kind(_json(settings)), game_id))
    conn.execute(
        "UPDATE games SET right_answers = (SELECT coalesce(sum(correct), 0) FROM answers a"
        " WHERE a.game_id = games.id), total_questions = (SELECT COUNT(*) FROM answers a"
        " WHERE a.game_id = games.id) WHERE ended_at IS NOT NULL"
    )
    # The boxes were filled from the v1 answers here; version 5 drops them for cards.


MIGRATION_CACHE = -131072  # KiB of page cache while migrating (SQLite's default is 2,000)
MAX_COUNT = 2**31 - 1  # more questions than any game could ask: a count past it is no count


def _v2_kind(settings: Mapping[str, object]) -> str:
    """The kind as version 2 named it: "10q-untimed", "allq-timed", or the mode."""
    mode = settings.get("mode")
    if mode not in (None, "", "play"):
        return str(mode)
    return f"{settings.get('count') or 'all'}q-{'timed' if settings.get('timer') else 'untimed'}"


def _to_v3(conn: sqlite3.Connection) -> None:
    """Version 3: a game's kind as columns (mode, question count, timed) and the packs of
    each game as rows, so that nothing reads a kind or a mix back out of a string. The
    v2 `kind` column is no longer written."""
    for statement in (
        "ALTER TABLE games ADD COLUMN mode TEXT NOT NULL DEFAULT 'play'",
        "ALTER TABLE games ADD COLUMN question_count INTEGER",
        "ALTER TABLE games ADD COLUMN timed INTEGER NOT NULL DEFAULT 0",
        "CREATE TABLE game_packs (game_id INTEGER NOT NULL REFERENCES games(id),"
        " pack_id TEXT NOT NULL, PRIMARY KEY (game_id, pack_id)) WITHOUT ROWID",
        "DROP INDEX IF EXISTS games_by_pack",
        "CREATE INDEX games_by_kind ON games (pack_id, mode, question_count, timed, score)",
        "CREATE INDEX game_packs_by_pack ON game_packs (pack_id, game_id)",
    ):
        conn.execute(statement)
    kinds, members = [], []
    for game_id, pack_id, settings in conn.execute("SELECT id, pack_id, settings FROM games"):
        chosen = _json(settings)
        mode = chosen.get("mode")
        count = chosen.get("count")
        kinds.append((
            "play" if mode in (None, "", "play") else str(mode),
            count if type(count) is int and 0 < count <= MAX_COUNT else None,
            int(bool(chosen.get("timer"))),
            game_id,
        ))  # fmt: skip
        # Until now a game of several packs was kept under their ids joined by "+".
        packs = [pack for pack in str(pack_id).split("+") if pack] or [str(pack_id)]
        members += [(game_id, pack) for pack in packs]
    conn.executemany("UPDATE games SET mode = ?, question_count = ?, timed = ? WHERE id = ?", kinds)
    conn.executemany("INSERT OR IGNORE INTO game_packs VALUES (?, ?)", members)


def _json(text: str) -> dict[str, object]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError, RecursionError):  # whatever the row holds
        return {}
    return value if isinstance(value, dict) else {}


def _to_v4(conn: sqlite3.Connection) -> None:
    """Version 4: totals kept by triggers, and indexes of finished scores (quiz.store.totals),
    so reading stats, best scores and review costs the same however long the history."""
    totals.create(conn)


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _to_v1, _to_v2, _to_v3, _to_v4, to_v5,
)  # fmt: skip
LATEST = len(MIGRATIONS)


class NewerSchema(Exception):
    """The file was written by a newer quiz; `version` is the schema version it holds."""

    def __init__(self, version: int) -> None:
        super().__init__(f"schema version {version}")
        self.version = version


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version written in the database file (0 for a new file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to LATEST in one write transaction; returns the version found.

    The version is read again inside the transaction, so two copies opening an old file at
    the same moment migrate it once. Raises NewerSchema for a version above LATEST, before
    changing anything. A file at LATEST whose triggers are not ours has its totals rebuilt.
    """
    if user_version(conn) == LATEST and totals.intact(conn):
        return LATEST  # nothing to write, so no need to wait for a write lock
    # Migrating a long history sorts all its answers: give SQLite room to do it in memory.
    (cache,) = conn.execute("PRAGMA cache_size").fetchone()
    conn.execute(f"PRAGMA cache_size = {MIGRATION_CACHE}")
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = user_version(conn)
        if found > LATEST:
            raise NewerSchema(found)
        for version in range(found, LATEST):
            MIGRATIONS[version](conn)
        if found == LATEST and not totals.intact(conn):
            totals.rebuild(conn)
        if found < LATEST:
            conn.execute(f"PRAGMA user_version = {LATEST}")
        conn.execute("COMMIT")
    except BaseException:
        # SQLite may have rolled back already (a full disk does): a second ROLLBACK
        # would fail and hide the error that matters.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
    return found


def tables(conn: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    """Each table of the database with its columns, in order (SQLite's own tables aside)."""
    names = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'"
        " ORDER BY name"
    ).fetchall()
    return {
        name: tuple(
            row[0] for row in conn.execute("SELECT name FROM pragma_table_info(?)", (name,))
        )
        for (name,) in names
    }


@functools.cache
def expected_tables(version: int) -> dict[str, tuple[str, ...]]:
    """The tables and columns our migrations give a history at VERSION."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for migration in MIGRATIONS[:version]:
            migration(conn)
        return tables(conn)
    finally:
        conn.close()
