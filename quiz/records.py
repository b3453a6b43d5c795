"""Plain values read back from the saved history: stats, due questions, finished games.

The store builds them from its rows and the game and the UI read them, so they live
below both and import nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

UNCATEGORISED = "uncategorised"
UNKNOWN = "unknown"  # answers saved before difficulty was kept (schema v1)


@dataclass(frozen=True)
class Accuracy:
    """Right answers out of all answers for one category or difficulty."""

    label: str
    right: int
    total: int

    @property
    def ratio(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass(frozen=True)
class KindStats:
    """Games of normal play of one kind in a pack (`count` None: all the questions);
    best and average over the finished ones."""

    count: int | None
    timed: bool
    games: int
    finished: int
    best: int | None
    average: float | None


@dataclass(frozen=True)
class Missed:
    """A question answered wrong (or skipped, or timed out) MISSES times out of ATTEMPTS."""

    pack_id: str
    question_id: str
    misses: int
    attempts: int


@dataclass(frozen=True)
class PackStats:
    """Everything the stats screen and `quiz stats` show for one pack, or one mix of packs.

    `pack_id` is what the scores were kept under; `packs` are the ids of the packs played
    (one, or each pack of a mix).
    """

    pack_id: str
    packs: tuple[str, ...]
    games: int  # started, finished or not; practice rounds are not games
    unfinished: int
    best: int | None  # over finished games of normal play (any count, timed or not)
    average: float | None
    kinds: tuple[KindStats, ...]
    overall: Accuracy
    by_category: tuple[Accuracy, ...]
    by_difficulty: tuple[Accuracy, ...]
    most_missed: tuple[Missed, ...]
    practice: int = 0  # practice rounds (retry missed), counted apart from `games`


@dataclass(frozen=True)
class DueQuestion:
    """A question to review: its box, and how many games past due it is (0 = due now)."""

    pack_id: str
    question_id: str
    box: int
    overdue: int


@dataclass(frozen=True)
class BestScore:
    """The best finished score of normal play for one pack and kind of game."""

    pack_id: str
    count: int | None
    timed: bool
    score: int


@dataclass(frozen=True)
class Finished:
    """What finishing a game learned: the best before it, and whether it beat that."""

    game_id: int
    score: int
    previous_best: int | None
    new_best: bool
    games: int = 0  # finished games of normal play of its pack and kind, itself included
