"""The Store: one object the game and the UI call to save games, answers, boxes and settings."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.store import db, review, scores
from quiz.store.db import Opened, StoreError
from quiz.store.rules import game_kind
from quiz.store.settings import get_setting, set_setting

if TYPE_CHECKING:
    from quiz.store.stats import PackStats


@dataclass(frozen=True)
class Finished:
    """What finish_game learned: the game's kind, the best before it, and whether it beat it."""

    game_id: int
    kind: str
    score: int
    previous_best: int | None
    new_best: bool


class Store:
    """History and settings in SQLite. Every write is its own committed transaction.

    Calls may come from any thread; they are serialised. Failures raise StoreError with a
    one-line message (for example, another copy held the database past the busy timeout).
    """

    def __init__(
        self,
        opened: Opened,
        *,
        timeout: float = db.BUSY_TIMEOUT,
        now: Callable[[], datetime] = db.utc_now,
    ) -> None:
        self._conn = opened.conn
        self.path: Path | None = opened.path
        self._timeout = timeout
        self._now = now
        self._lock = threading.RLock()

    @classmethod
    def open(
        cls,
        directory: str | os.PathLike[str] | None = None,
        *,
        timeout: float | None = None,
        now: Callable[[], datetime] = db.utc_now,
    ) -> tuple[Store, list[str]]:
        """Open the history in DIRECTORY (default: quiz.datadir.data_dir()).

        Returns the store and one-line notices to show the player once (history moved
        aside, or playing on without saving). Raises StoreError if it is locked or newer.
        TIMEOUT is how long to wait for another copy's lock (default db.BUSY_TIMEOUT).
        """
        timeout = db.BUSY_TIMEOUT if timeout is None else timeout
        if directory is None:
            from quiz.datadir import data_dir

            directory = data_dir()
        opened = db.open_database(Path(directory), timeout=timeout, now=now)
        return cls(opened, timeout=timeout, now=now), list(opened.notices)

    @classmethod
    def in_memory(cls, *, now: Callable[[], datetime] = db.utc_now) -> Store:
        """A store that keeps this run's games in memory and saves nothing."""
        return cls(Opened(db.memory_database(), None), now=now)

    @property
    def saving(self) -> bool:
        """False when games are kept in memory only (read-only folder, or in_memory())."""
        return self.path is not None

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Games and answers

    def start_game(self, pack_id: str, options: Mapping[str, object] | None = None) -> int:
        """Record a new game of PACK_ID; returns its id. OPTIONS (JSON-able) may hold
        count, timer, categories, difficulties, seed and mode; count, timer and mode
        decide the kind (rules.game_kind)."""
        chosen = dict(options or {})
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO games (pack_id, settings, kind, started_at) VALUES (?, ?, ?, ?)",
                (pack_id, json.dumps(chosen, sort_keys=True), game_kind(chosen), self._stamp()),
            )
            return int(cursor.lastrowid or 0)

    def record_answer(
        self,
        game_id: int,
        pack_id: str,
        question_id: str,
        given: str,
        correct: bool,
        points: int,
        seconds: float,
        category: str | None = None,
        difficulty: str | None = None,
    ) -> int:
        """Save one answer, committed before returning, and move the question's Leitner
        box; returns the new box. GIVEN is "" for a skip or time-out."""
        when = self._stamp()
        with self._write() as conn:
            conn.execute(
                "INSERT INTO answers (game_id, pack_id, question_id, given, correct, points,"
                " seconds, category, difficulty, answered_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (game_id, pack_id, question_id, given, int(correct), points, seconds,
                 category, difficulty and str(difficulty), when),
            )  # fmt: skip
            return review.update_box(conn, pack_id, question_id, correct, game_id, when)

    def finish_game(self, game_id: int, score: int, right: int, total: int) -> Finished:
        """Mark the game finished with its score; says whether it is a new best.

        A new best is a score above 0 that beats every other finished game of the same
        pack and kind (so the first finished game with points is one; previous_best is
        None then, if the UI wants to word that differently)."""
        with self._write() as conn:
            row = conn.execute("SELECT pack_id, kind FROM games WHERE id = ?", (game_id,))
            found = row.fetchone()
            if found is None:
                raise StoreError(f"no game {game_id} in the history ({self.path or 'memory'})")
            pack_id, kind = found
            previous = scores.best(conn, pack_id, kind, exclude=game_id)
            conn.execute(
                "UPDATE games SET ended_at = ?, score = ?, right_answers = ?,"
                " total_questions = ? WHERE id = ?",
                (self._stamp(), score, right, total, game_id),
            )
        return Finished(game_id, kind, score, previous, scores.beats(score, previous))

    # Best scores

    def best_score(self, pack_id: str, kind: str) -> int | None:
        """The best finished score for this pack and kind, or None."""
        with self._read() as conn:
            return scores.best(conn, pack_id, kind)

    def best_scores(self, pack_id: str | None = None) -> dict[str, dict[str, int]]:
        """Best finished scores as {pack id: {kind: score}} (for the home screen's list)."""
        with self._read() as conn:
            return scores.best_by_pack(conn, pack_id)

    def is_new_best(
        self, pack_id: str, kind: str, score: int, exclude_game: int | None = None
    ) -> bool:
        """Would SCORE be a new best for this pack and kind (same rule as finish_game)?"""
        with self._read() as conn:
            previous = scores.best(conn, pack_id, kind, exclude=exclude_game)
        return scores.beats(score, previous)

    def games_played(self, pack_id: str | None = None) -> int:
        """Games started (finished or not), of one pack or all."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT count(*) FROM games WHERE ?1 IS NULL OR pack_id = ?1", (pack_id,)
            ).fetchone()
        return int(row[0])

    def stats(self, pack_id: str | None = None, missed: int = 5) -> list[PackStats]:
        """Per-pack stats (see quiz.store.stats), [] when no games were played."""
        from quiz.store.stats import pack_stats  # only `quiz stats` and its screen need it

        with self._read() as conn:
            return pack_stats(conn, pack_id, missed)

    # Review

    def due(
        self, pack_id: str | None = None, question_ids: Collection[str] | None = None
    ) -> list[review.DueQuestion]:
        """Questions due for review in the next game, most overdue first (see review.due)."""
        with self._read() as conn:
            return review.due(conn, pack_id, question_ids)

    def next_due(
        self, pack_id: str | None = None, question_ids: Collection[str] | None = None
    ) -> int | None:
        """Games until a question comes due: 0 = now, None = nothing answered yet."""
        with self._read() as conn:
            return review.next_due(conn, pack_id, question_ids)

    def box(self, pack_id: str, question_id: str) -> int | None:
        """The question's Leitner box (1-5), or None if never answered."""
        with self._read() as conn:
            return review.box_of(conn, pack_id, question_id)

    # Settings

    def get_setting(self, key: str, default: object = None) -> object:
        """A remembered setting (settings.THEME, settings.LAST_SETUP, ...) or DEFAULT."""
        with self._read() as conn:
            return get_setting(conn, key, default)

    def set_setting(self, key: str, value: object) -> None:
        """Remember a JSON-able value under KEY."""
        with self._write() as conn:
            set_setting(conn, key, value)

    # Internals

    def _stamp(self) -> str:
        return self._now().isoformat(timespec="seconds")

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as error:
                if db.is_locked(error):
                    raise StoreError(db.locked_message(self.path, self._timeout)) from None
                where = self.path or "memory"
                raise StoreError(f"the history database {where} failed: {error}") from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction; BEGIN IMMEDIATE waits up to the busy timeout."""
        with self._read() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
