"""SqliteHistory: the game's History kept in the SQLite Store, sessions turned into rows.

Which pack a game row is kept under: a game of one pack under that pack's id; a game of
several packs under their ids, sorted and joined with "+" ("mini+studio"), so its score
competes only with games of the same mix, and with the packs themselves listed beside
it. Every answer is kept under its own question's pack id, so accuracy, most-missed
questions and review cards stay per pack whatever the mix.

Saving never keeps the player waiting: a write that finds the history locked by another
program, or the disk full, waits in memory, in order, and is written at the next write
or flush. A game's score is written only after all its answers are, so a finished game
never counts answers that were not saved. Whatever is still waiting at close, or was
kept in memory only because the history could not be saved at all, is reported in one
line.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from quiz.game.history import BestScores, GameEnd
from quiz.game.kinds import GameKind, Mode
from quiz.game.review import REVIEW_SETUP_KEY, review_limit
from quiz.game.session import GameSession
from quiz.records import is_fast, rating
from quiz.store import LAST_SETUP, THEME, NewGame, Store, StoreError
from quiz.store.db import BUSY_TIMEOUT

if TYPE_CHECKING:
    from quiz.game.verdict import AnswerRecord, Summary
    from quiz.records import DueQuestion, NextDue, PackStats


PLAY_WAIT = 0.05  # seconds a write waits for another program's lock before it waits in memory


@dataclass
class _Write:
    """A write to make, in order: a game's start, one of its answers, or its end."""

    session: GameSession
    record: AnswerRecord | None = None
    summary: Summary | None = None


def kept_under(session: GameSession) -> str:
    """The id a game's row is kept under: its pack's id, or the mix's ids joined by '+'."""
    return "+".join(session.pack_ids)


class SqliteHistory:
    """A History on a Store. Every call may raise StoreError (one line for the player)."""

    keeps = True

    def __init__(self, store: Store, notices: Sequence[str] = ()) -> None:
        self.store = store
        self._notices = list(notices)
        self._games: WeakKeyDictionary[GameSession, int] = WeakKeyDictionary()
        self._waiting: deque[_Write] = deque()
        self._ended: WeakKeyDictionary[GameSession, GameEnd] = WeakKeyDictionary()
        self._problem: str | None = None  # why writes are waiting, while they are
        self._in_memory_only = 0  # answers kept only in memory: the history is not saving
        store.wait_at_most(PLAY_WAIT)

    @classmethod
    def open(
        cls, directory: str | os.PathLike[str] | None = None, *, timeout: float | None = None
    ) -> SqliteHistory:
        """Open the history in DIRECTORY (see Store.open); raises StoreError."""
        store, notices = Store.open(directory, timeout=timeout)
        return cls(store, notices)

    def take_notices(self) -> list[str]:
        notices, self._notices = self._notices, []
        return notices

    @property
    def unsaved(self) -> int:
        """How many answers are waiting to be written."""
        return sum(1 for write in self._waiting if write.record is not None)

    def flush(self) -> None:
        """Write what waits, in order, as far as the history lets us now."""
        while self._waiting:
            write = self._waiting[0]
            try:
                self._write(write)
            except Exception as error:
                # A StoreError is already one line; anything else (a row the scheduler
                # refuses) must not escape as a traceback and lose the answers waiting.
                self._problem = " ".join(str(error).split()) or type(error).__name__
                return
            self._waiting.popleft()
        self._problem = None

    def close(self) -> str | None:
        """Write what waits (waiting for a lock as long as opening would), then close; one
        line saying what could not be saved, if anything."""
        if self._waiting:
            self.store.wait_at_most(BUSY_TIMEOUT)
            self.flush()
        lost, problem = self.unsaved, self._problem
        if self._in_memory_only and self.store.not_saving:
            lost, problem = lost + self._in_memory_only, problem or self.store.not_saving
        self._waiting.clear()  # told, below; closing again has nothing left to write
        self.store.close()
        if not lost:
            return None
        where = self.store.path or "the history"
        plural = "answer" if lost == 1 else "answers"
        return f"{lost} {plural} could not be saved to {where}: {problem}"

    # Games

    def start(self, session: GameSession) -> None:
        """Nothing yet: a game's row is written with its first answer, so a game left
        before any answer (launched and quit at once) is no game played."""

    def answer(self, session: GameSession, record: AnswerRecord) -> None:
        """Keep one answer: committed before this returns, or waiting in memory."""
        self._queue(_Write(session, record=record))

    def end(self, session: GameSession, summary: Summary) -> GameEnd | None:
        """Finish the game row if every question was answered and every answer saved; a
        game left early stays unfinished and never counts as a score."""
        if summary.total < session.total:
            return None
        self._queue(_Write(session, summary=summary))
        return self._ended.get(session)

    def _queue(self, write: _Write) -> None:
        """Write now, after whatever waits; say once when writes start to wait."""
        waiting_before = bool(self._waiting)
        self._waiting.append(write)
        self.flush()
        if self._waiting and not waiting_before:
            raise StoreError(
                f"{self._problem}; answers are kept and saved when the history can be written"
            )

    def _write(self, write: _Write) -> None:
        session = write.session
        if session not in self._games:
            self._games[session] = self.store.start_game(self._row(session))
        game = self._games[session]
        if write.record is not None:
            self._save_answer(game, write.record, session.options.timer)
        elif write.summary is not None:
            summary = write.summary
            done = self.store.finish_game(game, summary.score, summary.right, summary.total)
            kind = session.kind
            # A first game of its kind beats nothing: it sets the score to beat.
            new_best = done.new_best and kind.ranked and done.previous_best is not None
            self._ended[session] = GameEnd(
                kind, done.score, done.previous_best, new_best, done.games
            )

    def _row(self, session: GameSession) -> NewGame:
        kind = session.kind
        options = session.options
        settings = {
            "categories": list(options.categories),
            "difficulties": list(options.difficulties),
            "timer": options.timer,
            "seed": session.seed,
        }
        return NewGame(
            kept_under(session), session.pack_ids, kind.mode.value, kind.count, kind.timed, settings
        )

    def _save_answer(self, game: int, record: AnswerRecord, timer: float | None) -> None:
        question = record.asked.question
        fast = timer is not None and is_fast(record.seconds, timer)
        self.store.record_answer(
            game,
            record.asked.pack.id,
            question.id,
            record.given,
            record.correct,
            record.points,
            record.seconds,
            question.category,
            question.difficulty.value,
            rating(record.correct, record.close_spelling, fast),
        )
        if self.store.not_saving:
            self._in_memory_only += 1

    # Reading

    def best_scores(self) -> BestScores:
        """{pack id: {kind: best score}} for normal play (scores of 0 left out)."""
        table: dict[str, dict[GameKind, int]] = {}
        for best in self.store.best_scores():
            if best.score and best.score > 0:
                kind = GameKind(Mode.PLAY, best.count, best.timed)
                table.setdefault(best.pack_id, {})[kind] = best.score
        return table

    def last_seen(self, pack_ids: Sequence[str]) -> Mapping[tuple[str, str], int]:
        return self.store.last_seen(pack_ids)

    def stats(
        self,
        pack_id: str | None = None,
        questions: Callable[[str], Collection[str] | None] | None = None,
    ) -> Sequence[PackStats]:
        return self.store.stats(pack_id, questions=questions)

    def due(self, pack_id: str, question_ids: Sequence[str]) -> Sequence[DueQuestion]:
        return self.store.due(pack_id, question_ids)

    def next_due(self, pack_id: str, question_ids: Sequence[str]) -> NextDue | None:
        return self.store.next_due(pack_id, question_ids)

    def review_questions(self) -> int:
        return review_limit(self.last_setup().get(REVIEW_SETUP_KEY))

    # Settings

    def theme(self) -> str | None:
        value = self.store.get_setting(THEME)
        return value if isinstance(value, str) else None

    def remember_theme(self, name: str) -> None:
        self.store.set_setting(THEME, name)

    def last_setup(self) -> Mapping[str, object]:
        value = self.store.get_setting(LAST_SETUP, {})
        return value if isinstance(value, dict) else {}

    def remember_setup(self, choices: Mapping[str, object]) -> None:
        self.store.set_setting(LAST_SETUP, dict(choices))
