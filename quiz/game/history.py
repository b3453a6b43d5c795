"""What playing needs saved and read (the History protocol), and NoHistory, which keeps nothing."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from quiz.game.kinds import GameKind

if TYPE_CHECKING:
    from quiz.game.selection import Seen
    from quiz.game.session import GameSession
    from quiz.game.verdict import AnswerRecord, Summary
    from quiz.records import DueQuestion, NextDue, PackStats

BestScores = Mapping[str, Mapping[GameKind, int]]  # {pack id: {kind: best score}}


@dataclass(frozen=True)
class GameEnd:
    """How a finished game stands: its kind and score, the best before it, a new best or
    not (never the first game of its kind: that sets the score to beat), and how many
    finished games of its kind there are, itself included."""

    kind: GameKind
    score: int
    previous_best: int | None
    new_best: bool
    games: int = 0


class History(Protocol):
    """The player's saved games and settings.

    Any call may raise an exception whose message is one line for the player (the history
    is locked, the disk is full); the UI shows it and plays on.
    """

    @property
    def keeps(self) -> bool:
        """False when there is no history at all to read (review and stats have nothing)."""
        ...

    def take_notices(self) -> list[str]:
        """One-line notices to show the player once (history moved aside, not saving)."""
        ...

    def start(self, session: GameSession) -> None:
        """A game began."""
        ...

    def answer(self, session: GameSession, record: AnswerRecord) -> None:
        """One answer was given; it is kept before this returns (or waits in memory to be
        written, when the history can't be written now: say so by raising, once)."""
        ...

    def end(self, session: GameSession, summary: Summary) -> GameEnd | None:
        """The game ended; how it stands, or None if it was left before its last question."""
        ...

    def best_scores(self) -> BestScores:
        """The best score of normal play for each pack and kind of game."""
        ...

    def last_seen(self, pack_ids: Sequence[str]) -> Seen:
        """When each question of these packs was last answered (never-answered left out)."""
        ...

    def stats(
        self,
        pack_id: str | None = None,
        questions: Callable[[str], Collection[str] | None] | None = None,
    ) -> Sequence[PackStats]:
        """Stats per pack (or for one pack id), [] when nothing was played. QUESTIONS gives
        the question ids each pack has now (None: a pack not found); review's numbers then
        count only those questions, as review asks only those."""
        ...

    def due(self, pack_id: str, question_ids: Sequence[str]) -> Sequence[DueQuestion]:
        """The questions of a pack (of QUESTION_IDS) due for review now, most overdue first."""
        ...

    def next_due(self, pack_id: str, question_ids: Sequence[str]) -> NextDue | None:
        """When the pack's next question comes due, None if none was answered."""
        ...

    def review_questions(self) -> int:
        """How many questions a review game asks (as last set up; 10 when never set)."""
        ...

    def theme(self) -> str | None:
        """The theme chosen last time, if any."""
        ...

    def remember_theme(self, name: str) -> None: ...

    def last_setup(self) -> Mapping[str, object]:
        """The setup screen's last choices ({} when none were kept)."""
        ...

    def remember_setup(self, choices: Mapping[str, object]) -> None: ...

    def flush(self) -> None:
        """Write whatever waits in memory, if the history can be written now."""
        ...

    def close(self) -> str | None:
        """Write what waits, then close; one line saying what could not be kept, if anything."""
        ...


class NoHistory:
    """A History that keeps nothing: for tests, and for play with nothing saved or read."""

    keeps = False

    def take_notices(self) -> list[str]:
        return []

    def start(self, session: GameSession) -> None:
        pass

    def answer(self, session: GameSession, record: AnswerRecord) -> None:
        pass

    def end(self, session: GameSession, summary: Summary) -> GameEnd | None:
        return None

    def best_scores(self) -> BestScores:
        return {}

    def last_seen(self, pack_ids: Sequence[str]) -> Seen:
        return {}

    def stats(
        self,
        pack_id: str | None = None,
        questions: Callable[[str], Collection[str] | None] | None = None,
    ) -> Sequence[PackStats]:
        return []

    def due(self, pack_id: str, question_ids: Sequence[str]) -> Sequence[DueQuestion]:
        return []

    def next_due(self, pack_id: str, question_ids: Sequence[str]) -> NextDue | None:
        return None

    def review_questions(self) -> int:
        from quiz.game.review import REVIEW_LIMIT

        return REVIEW_LIMIT

    def theme(self) -> str | None:
        return None

    def remember_theme(self, name: str) -> None:
        pass

    def last_setup(self) -> Mapping[str, object]:
        return {}

    def remember_setup(self, choices: Mapping[str, object]) -> None:
        pass

    def flush(self) -> None:
        pass

    def close(self) -> str | None:
        return None
