"""The history schema, one migration per version; PRAGMA user_version says which is applied."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from quiz.store.rules import game_kind, next_box


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
    settings, and indexes. Kinds, tallies and boxes are rebuilt from the v1 rows."""
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
        conn.execute(
            "UPDATE games SET kind = ? WHERE id = ?", (game_kind(_json(settings)), game_id)
        )
    conn.execute(
        "UPDATE games SET right_answers = (SELECT coalesce(sum(correct), 0) FROM answers a"
        " WHERE a.game_id = games.id), total_questions = (SELECT COUNT(*) FROM answers a"
        " WHERE a.game_id = games.id) WHERE ended_at IS NOT NULL"
    )
    boxes: dict[tuple[str, str], tuple[int, int, str]] = {}
    rows = conn.execute(
        "SELECT pack_id, question_id, correct, game_id, answered_at FROM answers ORDER BY id"
    )
    for pack_id, question_id, correct, game_id, when in rows:
        box = boxes.get((pack_id, question_id), (None,))[0]
        boxes[(pack_id, question_id)] = (next_box(box, bool(correct)), game_id, when)
    conn.executemany(
        "INSERT INTO review_boxes VALUES (?, ?, ?, ?, ?)",
        [(pack, question, *row) for (pack, question), row in boxes.items()],
    )


def _json(text: str) -> dict[str, object]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_to_v1, _to_v2)
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
    changing anything.
    """
    if user_version(conn) == LATEST:
        return LATEST  # nothing to write, so no need to wait for a write lock
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = user_version(conn)
        if found > LATEST:
            raise NewerSchema(found)
        for version in range(found, LATEST):
            MIGRATIONS[version](conn)
        if found < LATEST:
            conn.execute(f"PRAGMA user_version = {LATEST}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found
