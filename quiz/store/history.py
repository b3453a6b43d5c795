"""The Store: saves games, answers, review cards and settings in SQLite, and reads them back."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from quiz.records import BestScore, DueQuestion, Finished, NextDue, PackStats, rating
from quiz.store import cards, db, scores
from quiz.store.db import Opened, StoreError
from quiz.store.settings import get_setting, set_setting


@dataclass(frozen=True)
class NewGame:
    """A game row to start. Its score competes with the finished games of the same
    `pack_id`, mode, count and timing; `packs` are the packs it asks from (default: the
    one `pack_id` names)."""

    pack_id: str
    packs: tuple[str, ...] = ()
    mode: str = scores.PLAY
    count: int | None = None  # questions played; None: all the pack had
    timed: bool = False
    settings: Mapping[str, object] = field(default_factory=dict)  # kept as JSON, never read


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
        # Why the history the player asked for is kept in memory only (None: it is saved,
        # or in_memory() was asked for).
        self.not_saving: str | None = opened.not_saving
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

    def wait_at_most(self, seconds: float) -> None:
        """How long a write waits for another copy's lock before it gives up (StoreError)."""
        with self._lock:
            self._conn.execute(f"PRAGMA busy_timeout = {max(0, int(seconds * 1000))}")
            self._timeout = seconds

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Games and answers

    def start_game(self, game: NewGame) -> int:
        """Record a new game; returns its id."""
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO games (pack_id, settings, mode, question_count, timed, started_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (game.pack_id, json.dumps(dict(game.settings), sort_keys=True), game.mode,
                 game.count, int(game.timed), self._stamp()),
            )  # fmt: skip
            game_id = int(cursor.lastrowid or 0)
            conn.executemany(
                "INSERT OR IGNORE INTO game_packs (game_id, pack_id) VALUES (?, ?)",
                [(game_id, pack) for pack in game.packs or (game.pack_id,)],
            )
            return game_id

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
        grade: int | None = None,
    ) -> datetime | None:
        """Save one answer, committed before returning, and review the question's card
        with GRADE (quiz.records.rating; default: from CORRECT alone) when its game is
        normal play or review. Returns the card's next due time (None: no card moved).
        GIVEN is "" for a skip or time-out."""
        now = self._now().replace(microsecond=0)
        when = now.isoformat()
        with self._write() as conn:
            conn.execute(
                "INSERT INTO answers (game_id, pack_id, question_id, given, correct, points,"
                " seconds, category, difficulty, answered_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (game_id, pack_id, question_id, given, int(correct), points, seconds,
                 category, difficulty and str(difficulty), when),
            )  # fmt: skip
            modes = ", ".join("?" for _ in cards.SCHEDULED_MODES)
            scheduled = conn.execute(
                f"SELECT 1 FROM games WHERE id = ? AND mode IN ({modes})",
                (game_id, *cards.SCHEDULED_MODES),
            ).fetchone()
            if not scheduled:
                return None
            grade = rating(correct) if grade is None else grade
            return cards.review(conn, pack_id, question_id, grade, now).due

    def finish_game(self, game_id: int, score: int, right: int, total: int) -> Finished:
        """Mark the game finished with its score; says whether it is a new best.

        A new best is a score above 0 that beats every other finished game of the same
        pack, mode, count and timing (so the first finished game with points is one;
        previous_best is None then, if the UI wants to word that differently)."""
        with self._write() as conn:
            if not conn.execute("SELECT 1 FROM games WHERE id = ?", (game_id,)).fetchone():
                raise StoreError(f"no game {game_id} in the history ({self.path or 'memory'})")
            previous = scores.best_like(conn, game_id)
            conn.execute(
                "UPDATE games SET ended_at = ?, score = ?, right_answers = ?,"
                " total_questions = ? WHERE id = ?",
                (self._stamp(), score, right, total, game_id),
            )
            games = scores.finished_like(conn, game_id)
        return Finished(game_id, score, previous, scores.beats(score, previous), games)

    # Best scores

    def best_scores(self, pack_id: str | None = None) -> list[BestScore]:
        """The best finished score of normal play for each pack (or PACK_ID) and kind."""
        with self._read() as conn:
            return scores.best_by_pack(conn, pack_id)

    def games_played(self, pack_id: str | None = None) -> int:
        """Games started (finished or not), of one pack or all."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT count(*) FROM games WHERE ?1 IS NULL OR pack_id = ?1", (pack_id,)
            ).fetchone()
        return int(row[0])

    def stats(
        self,
        pack_id: str | None = None,
        missed: int = 5,
        questions: Callable[[str], Collection[str] | None] | None = None,
    ) -> list[PackStats]:
        """Per-pack stats (see quiz.store.stats), [] when no games were played."""
        from quiz.store.stats import pack_stats  # only `quiz stats` and its screen need it

        with self._read() as conn:
            return pack_stats(conn, pack_id, missed, self._now(), questions)

    def last_seen(self, pack_ids: Collection[str]) -> dict[tuple[str, str], int]:
        """{(pack id, question id): a number growing with time} for the questions of
        PACK_IDS ever answered (see quiz.store.seen)."""
        from quiz.store.seen import last_seen

        with self._read() as conn:
            return last_seen(conn, pack_ids)

    # Review

    def due(self, pack_id: str, question_ids: Collection[str] | None = None) -> list[DueQuestion]:
        """The pack's questions due for review now, most overdue first (see cards.due)."""
        with self._read() as conn:
            return cards.due(conn, pack_id, self._now(), question_ids)

    def next_due(self, pack_id: str, question_ids: Collection[str] | None = None) -> NextDue | None:
        """When the pack's next question comes due; None when none was answered yet."""
        with self._read() as conn:
            when = cards.next_due(conn, pack_id, question_ids)
        if when is None:
            return None
        now = self._now()
        return NextDue(when, (when.astimezone().date() - now.astimezone().date()).days)

    def card(self, pack_id: str, question_id: str) -> tuple[datetime, float] | None:
        """The question's next due time and its recall probability now; None if it has no
        (usable) card."""
        with self._read() as conn:
            found = cards.card_of(conn, pack_id, question_id)
        return (found.due, cards.recall(found, self._now())) if found else None

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
