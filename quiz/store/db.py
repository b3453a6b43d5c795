"""Opening the history file: WAL, busy timeout, corrupt files moved aside, read-only fallback."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from quiz.store.folder import move_aside, unreachable, unwritable
from quiz.store.migrations import (
    LATEST,
    NewerSchema,
    expected_tables,
    migrate,
    tables,
    user_version,
)

DB_NAME = "quiz.db"
BUSY_TIMEOUT = 2.0  # seconds to wait for another copy of quiz to finish writing
_LOCKED = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_UNREADABLE = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
FULL_CHECK_PAGES = 4096  # a history this small has every page checked at open
# Tables as large as the packs played, never as the history (the totals, cards, settings).
BOUNDED_TABLES = ("settings", "cards", "scope_totals", "scope_packs", "kind_totals",
                  "label_totals", "question_totals")  # fmt: skip


class StoreError(Exception):
    """History can't be used: locked too long, or written by a newer quiz. One line."""


class _Unreadable(Exception):
    """The file is not a usable quiz history (the message says why)."""


def utc_now() -> datetime:
    """The current time in UTC (the default clock)."""
    return datetime.now(UTC)


@dataclass
class Opened:
    """An open connection; `path` is None when nothing is saved (`not_saving` says why,
    when the player meant to save); `notices` are for the player."""

    conn: sqlite3.Connection
    path: Path | None
    notices: list[str] = field(default_factory=list)
    not_saving: str | None = None


def is_locked(error: sqlite3.Error) -> bool:
    """True when SQLite gave up waiting for another connection's lock."""
    return (getattr(error, "sqlite_errorcode", 0) & 0xFF) in _LOCKED


def locked_message(path: Path | None, timeout: float) -> str:
    """The one line shown when another copy of quiz holds the database too long."""
    return (
        f"the history database {path} is locked by another program (waited {timeout:g} s);"
        " close other copies of quiz and try again"
    )


def open_database(
    directory: Path, *, timeout: float = BUSY_TIMEOUT, now: Callable[[], datetime] = utc_now
) -> Opened:
    """Open (creating if need be) DIR/quiz.db at the latest schema.

    An unreadable file is moved aside and a fresh one started; a folder that can't be
    written gives an in-memory copy of the history that saves nothing. Raises StoreError
    when the file is locked past the timeout or has a newer schema (the file is untouched).
    """
    path = directory / DB_NAME
    cannot_reach = unreachable(path)
    if cannot_reach:
        raise StoreError(
            f"can't read the data folder {directory} ({cannot_reach}); check the path and"
            " its permissions, or use --data-dir for another folder"
        )
    problem = unwritable(directory)
    if problem:
        return _read_only(path, f"can't write to the data folder {directory} ({problem})")
    notices: list[str] = []
    for attempt in range(2):
        conn: sqlite3.Connection | None = None
        try:
            if path.exists() and not (path.is_file() and os.access(path, os.R_OK | os.W_OK)):
                raise _Unreadable("it is not a file this program can read and write")
            conn = _connect(path, timeout)
            _prepare(conn, path, timeout)
            return Opened(conn, path, notices)
        except _Unreadable as why:
            if conn is not None:
                conn.close()
            if attempt:
                raise StoreError(
                    f"the history database {path} is still unreadable ({why})"
                ) from None
            try:
                moved = move_aside(path, now())
            except OSError as error:
                reason = f"history at {path} is unreadable ({why}) and can't be moved ({error})"
                return _read_only(path, reason)
            notices.append(
                f"history at {path} was unreadable ({why}); moved it to {moved} and started fresh"
            )
        except sqlite3.OperationalError as error:
            if conn is not None:
                conn.close()
            return _read_only(path, f"can't save history to {path} ({error})")
        except BaseException:
            if conn is not None:
                conn.close()
            raise
    raise AssertionError("unreachable")  # pragma: no cover


def memory_database() -> sqlite3.Connection:
    """An empty in-memory database at the latest schema (plays on, saves nothing)."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.text_factory = lenient_text
    migrate(conn)
    return conn


def _connect(path: Path, timeout: float) -> sqlite3.Connection:
    # isolation_level=None: we write BEGIN/COMMIT ourselves, one short transaction per call.
    # check_same_thread=False: the Store serialises calls with its own lock.
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    conn.text_factory = lenient_text
    return conn


def lenient_text(data: bytes) -> str:
    """A text value as str, whatever bytes another program left in it (never a failure)."""
    return data.decode("utf-8", "replace")


def _prepare(conn: sqlite3.Connection, path: Path, timeout: float) -> None:
    """Check the file (only reading it) before switching it to WAL and migrating it."""
    try:
        _prepare_steps(conn, timeout)
    except NewerSchema as newer:
        raise StoreError(_newer_message(path, newer.version)) from None
    except sqlite3.DatabaseError as error:
        if is_locked(error):
            raise StoreError(locked_message(path, timeout)) from None
        if (getattr(error, "sqlite_errorcode", 0) & 0xFF) in _UNREADABLE:
            raise _Unreadable(str(error)) from None
        raise


def _prepare_steps(conn: sqlite3.Connection, timeout: float) -> None:
    # Two copies opening a new file at once can each be refused a lock at once: SQLite
    # answers "busy" without waiting when waiting could deadlock. So the steps are retried
    # until the busy timeout has passed, as the busy handler would have waited.
    deadline = time.monotonic() + timeout
    while True:
        try:
            _check(conn)
            conn.execute("PRAGMA journal_mode = WAL")
            # FULL: an answer is on disk when record_answer returns, even if the machine dies.
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn)
            return
        except sqlite3.OperationalError as error:
            if not is_locked(error) or time.monotonic() > deadline:
                raise
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            time.sleep(0.02)


def _check(conn: sqlite3.Connection) -> None:
    """Read the version and check the file, all in one snapshot: another copy may be
    creating the schema at this very moment, and must not look like a foreign file."""
    conn.execute("BEGIN")
    try:
        version = user_version(conn)
        if version > LATEST:
            raise NewerSchema(version)
        if not _pages_intact(conn):
            raise _Unreadable("it failed its integrity check")
        if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise _Unreadable("it is not a quiz history file")
        if version and tables(conn) != expected_tables(version):
            raise _Unreadable("its tables are not those of a quiz history")
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")


def _pages_intact(conn: sqlite3.Connection) -> bool:
    """PRAGMA quick_check of the whole file while it is small; of a long history, only of
    the tables whose size does not grow with it (every page of a 1M-answer file is seconds
    of reading). A damaged page of games or answers is then met when read, as a StoreError,
    and stats, scores and review read the totals, not those rows."""
    checks = ["PRAGMA quick_check"]
    if conn.execute("PRAGMA page_count").fetchone()[0] > FULL_CHECK_PAGES:
        present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        checks = [f"PRAGMA quick_check({name})" for name in BOUNDED_TABLES if name in present]
    return all(conn.execute(check).fetchall() == [("ok",)] for check in checks)


def _newer_message(path: Path, version: int) -> str:
    return (
        f"the history database {path} is from a newer quiz (schema {version}, this quiz"
        f" knows {LATEST}); upgrade quiz, or use --data-dir for a separate history"
    )


def _read_only(path: Path, why: str) -> Opened:
    """An in-memory copy of whatever history can be read at PATH, saving nothing."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.text_factory = lenient_text
    try:
        _copy_into(path, conn)
        migrate(conn)
    except NewerSchema as newer:
        conn.close()
        raise StoreError(_newer_message(path, newer.version)) from None
    except sqlite3.Error:
        conn.close()
        conn = memory_database()
    return Opened(conn, None, [f"{why}; playing on without saving"], why)


def _copy_into(path: Path, memory: sqlite3.Connection) -> None:
    if not path.is_file():
        return
    wal = Path(f"{path}-wal")
    # With no write-ahead log left, the file alone is the whole history: `immutable` lets
    # SQLite read it without creating a -shm file in a folder it can't write.
    pending = wal.exists() and wal.stat().st_size > 0
    uri = path.resolve().as_uri() + ("?mode=ro" if pending else "?mode=ro&immutable=1")
    source = sqlite3.connect(uri, uri=True)
    try:
        source.backup(memory)
    finally:
        source.close()
