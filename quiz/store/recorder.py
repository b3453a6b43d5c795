"""The bridge from played games to the Store: one game row per session, each answer as given.

The app calls the hooks on_game_start / on_answer / on_game_end (see quiz.ui.hooks); the
screens read best scores, stats, due questions and settings through the same object.

Which pack a game row is saved under: a session of one pack under that pack's id; a
session mixing packs under their ids, sorted and joined with "+" ("mini+studio"), so its
score competes only with games of the same mix and never with one pack's games. Every
answer is saved under its own question's pack id, so accuracy, most-missed questions and
review boxes stay per pack whatever the mix.

Modes: unscored sessions (retry missed) are saved as mode "retry"; sessions passed to
mark_review as mode "review". Neither kind ever counts as a best score. A game left before
its last question (or killed) keeps every answer given and stays unfinished.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from quiz.game.selection import AskedQuestion
from quiz.game.session import GameSession
from quiz.packs.model import Pack
from quiz.store.history import Finished, Store
from quiz.store.rules import is_ranked
from quiz.store.settings import LAST_SETUP, THEME

if TYPE_CHECKING:
    from quiz.game.verdict import AnswerRecord, Summary
    from quiz.store.reviewing import ReviewPlan
    from quiz.store.stats import PackStats

REVIEW = "review"
RETRY = "retry"


def game_pack_id(asked: Sequence[AskedQuestion]) -> str:
    """The id a game row is saved under: its pack's id, or the mix's ids joined by '+'."""
    return "+".join(sorted({item.pack.id for item in asked}))


def kind_label(kind: str) -> str:
    """A game kind as players read it: '10q-untimed' -> '10q', 'allq-timed' -> 'all, timed'."""
    count, _, timing = kind.rpartition("q-")
    if not count:
        return kind
    label = "all" if count == "all" else f"{count}q"
    return f"{label}, timed" if timing == "timed" else label


class Recorder:
    """Saves the games the app plays into a Store, and reads history back for the screens.

    Every method may raise StoreError (one line); the app turns a failed hook into a
    warning and plays on.
    """

    def __init__(self, store: Store, notices: Sequence[str] = ()) -> None:
        self.store = store
        self.notices: list[str] = list(notices)  # show once: history moved aside, not saving
        self._games: WeakKeyDictionary[GameSession, int] = WeakKeyDictionary()
        self._modes: WeakKeyDictionary[GameSession, str] = WeakKeyDictionary()
        self._finished: WeakKeyDictionary[GameSession, Finished] = WeakKeyDictionary()

    @classmethod
    def open(
        cls, directory: str | os.PathLike[str] | None = None, *, timeout: float | None = None
    ) -> Recorder:
        """Open the history in DIRECTORY (see Store.open); raises StoreError."""
        store, notices = Store.open(directory, timeout=timeout)
        return cls(store, notices)

    @property
    def saving(self) -> bool:
        """False when games are kept in memory only."""
        return self.store.saving

    def close(self) -> None:
        self.store.close()

    # Hooks the app calls

    def mark_review(self, session: GameSession) -> None:
        """Save SESSION (before it starts) as a review game: scored, never a best."""
        self._modes[session] = REVIEW

    def mode_of(self, session: GameSession) -> str:
        """'review', 'retry' (an unscored session) or 'play'."""
        return self._modes.get(session) or ("play" if session.scored else RETRY)

    def on_game_start(self, session: GameSession) -> None:
        """Save a new game row for the session."""
        options = session.options
        settings: dict[str, object] = {
            # The count played: 10 asked of a 4-question pack is a 4-question game.
            "count": None if options.count is None else len(session.asked),
            "timer": options.timer,
            "categories": list(options.categories),
            "difficulties": list(options.difficulties),
            "seed": session.seed,
        }
        mode = self.mode_of(session)
        if mode != "play":
            settings["mode"] = mode
        self._games[session] = self.store.start_game(game_pack_id(session.asked), settings)

    def on_answer(self, session: GameSession, record: AnswerRecord) -> None:
        """Save one answer, committed before this returns."""
        if session not in self._games:
            self.on_game_start(session)  # the start failed earlier; try once more
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

    def on_game_end(self, session: GameSession, summary: Summary) -> None:
        """Finish the game row, if every question was answered; a game left early stays
        unfinished (it never counts as a score)."""
        game = self._games.get(session)
        if game is None or summary.total < session.total:
            return
        self._finished[session] = self.store.finish_game(
            game, summary.score, summary.right, summary.total
        )

    # What the screens read

    def finished(self, session: GameSession) -> Finished | None:
        """What finishing SESSION's game said (best before it, new best), if it finished."""
        return self._finished.get(session)

    def new_best(self, session: GameSession) -> bool:
        """True when SESSION finished with a new best score for normal play."""
        done = self._finished.get(session)
        return done is not None and done.new_best and is_ranked(done.kind)

    def best_scores(self) -> dict[str, dict[str, int]]:
        """{pack id: {kind: best score}} for normal play (review, retry and 0 left out)."""
        table = self.store.best_scores()
        return {
            pack: ranked
            for pack, kinds in table.items()
            if (ranked := {k: score for k, score in kinds.items() if is_ranked(k) and score > 0})
        }

    def stats(self) -> list[PackStats]:
        """Stats per pack, [] when nothing was played."""
        return self.store.stats()

    def review(
        self, packs: Sequence[Pack], pack: Pack | None = None, *, seed: int | None = None
    ) -> ReviewPlan:
        """The due questions of PACK (or of every pack), or why there are none."""
        from quiz.store.reviewing import plan_review  # only review needs it: keep start-up light

        return plan_review(self.store, packs, pack, seed=seed)

    def theme(self) -> str | None:
        """The theme the player chose last time, if any."""
        value = self.store.get_setting(THEME)
        return value if isinstance(value, str) else None

    def remember_theme(self, name: str) -> None:
        self.store.set_setting(THEME, name)

    def last_setup(self) -> Mapping[str, object]:
        """The setup screen's last choices ({} when none were saved)."""
        value = self.store.get_setting(LAST_SETUP, {})
        return value if isinstance(value, dict) else {}

    def remember_setup(self, choices: Mapping[str, object]) -> None:
        self.store.set_setting(LAST_SETUP, dict(choices))
