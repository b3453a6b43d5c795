"""SqliteHistory: the game's History kept in the SQLite Store, sessions turned into rows.

Which pack a game row is kept under: a game of one pack under that pack's id; a game of
several packs under their ids, sorted and joined with "+" ("mini+studio"), so its score
competes only with games of the same mix, and with the packs themselves listed beside
it. Every answer is kept under its own question's pack id, so accuracy, most-missed
questions and review boxes stay per pack whatever the mix.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from quiz.game.history import BestScores, GameEnd
from quiz.game.kinds import GameKind, Mode
from quiz.game.session import GameSession
from quiz.store import LAST_SETUP, THEME, NewGame, Store

if TYPE_CHECKING:
    from quiz.game.verdict import AnswerRecord, Summary
    from quiz.records import DueQuestion, PackStats


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

    @classmethod
    def open(
        cls, directory: str | os.PathLike[str] | None = None, *, timeout: float | None = None
    ) -> SqliteHistory:
        """Open the history in DIRECTORY (see Store.open); raises StoreError."""
        store, notices = Store.open(directory, timeout=timeout)
        return cls(store, notices)

    @property
    def saving(self) -> bool:
        """False when games are kept in memory only."""
        return self.store.saving

    def take_notices(self) -> list[str]:
        notices, self._notices = self._notices, []
        return notices

    def close(self) -> None:
        self.store.close()

    # Games

    def start(self, session: GameSession) -> None:
        """Keep a new game row for the session."""
        kind = session.kind
        options = session.options
        settings = {
            "categories": list(options.categories),
            "difficulties": list(options.difficulties),
            "timer": options.timer,
            "seed": session.seed,
        }
        row = NewGame(
            kept_under(session), session.pack_ids, kind.mode.value, kind.count, kind.timed, settings
        )
        self._games[session] = self.store.start_game(row)

    def answer(self, session: GameSession, record: AnswerRecord) -> None:
        """Keep one answer, committed before this returns."""
        if session not in self._games:
            self.start(session)  # the start failed earlier; try once more
        question = record.asked.question
        self.store.record_answer(
            self._games[session],
            record.asked.pack.id,
            question.id,
            record.given,
            record.correct,
            record.points,
            record.seconds,
            question.category,
            question.difficulty.value,
        )

    def end(self, session: GameSession, summary: Summary) -> GameEnd | None:
        """Finish the game row if every question was answered; a game left early stays
        unfinished and never counts as a score."""
        game = self._games.get(session)
        if game is None or summary.total < session.total:
            return None
        done = self.store.finish_game(game, summary.score, summary.right, summary.total)
        kind = session.kind
        return GameEnd(kind, done.score, done.previous_best, done.new_best and kind.ranked)

    # Reading

    def best_scores(self) -> BestScores:
        """{pack id: {kind: best score}} for normal play (scores of 0 left out)."""
        table: dict[str, dict[GameKind, int]] = {}
        for best in self.store.best_scores():
            if best.score and best.score > 0:
                kind = GameKind(Mode.PLAY, best.count, best.timed)
                table.setdefault(best.pack_id, {})[kind] = best.score
        return table

    def stats(self, pack_id: str | None = None) -> Sequence[PackStats]:
        return self.store.stats(pack_id)

    def due(self, pack_id: str, question_ids: Sequence[str]) -> Sequence[DueQuestion]:
        return self.store.due(pack_id, question_ids)

    def next_due(self, pack_id: str, question_ids: Sequence[str]) -> int | None:
        return self.store.next_due(pack_id, question_ids)

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
