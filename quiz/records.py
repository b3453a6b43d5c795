"""Plain values read back from the saved history: stats, due questions, finished games.

The store builds them from its rows and the game and the UI read them, so they live
below both and import nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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
    """A question answered wrong (or skipped, or timed out) MISSES times out of ATTEMPTS;
    RECALL is how likely it is recalled now (None: it has no review card). JUST_SHOWN: its
    last answer was moments ago, so its answer was just revealed: FSRS then says 100%,
    which beside a miss needs saying why."""

    pack_id: str
    question_id: str
    misses: int
    attempts: int
    recall: float | None = None
    just_shown: bool = False


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
    seen: int = 0  # questions of its packs answered at least once in a scored game
    due: int = 0  # of those, due for review now
    mastered: int = 0  # of those, recalled with probability over 0.9 now
    scores: tuple[int, ...] = ()  # the latest finished scores of normal play, oldest first


@dataclass(frozen=True)
class DueQuestion:
    """A question due for review: when it came due, and how likely it is recalled now."""

    pack_id: str
    question_id: str
    due: datetime
    recall: float


@dataclass(frozen=True)
class NextDue:
    """When the next question comes due, and in how many calendar days (local time)."""

    when: datetime
    days: int


# How an answer rates a review (FSRS's ratings), the one rule for play and the migration.
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
FAST_SHARE = 0.25  # right within this share of a timed question's limit is "fast"


def is_fast(seconds: object, limit: object) -> bool:
    """True when SECONDS is within FAST_SHARE of a timed question's LIMIT (both numbers)."""
    if type(seconds) not in (int, float) or type(limit) not in (int, float):
        return False  # a bool, text, or nothing, from an untrusted history
    assert isinstance(seconds, int | float) and isinstance(limit, int | float)
    return 0 < limit and 0 <= seconds <= limit * FAST_SHARE


def rating(correct: bool, close: bool = False, fast: bool = False) -> int:
    """Wrong is Again; right as a close spelling, Hard; fast right in a timed game, Easy;
    any other right answer, Good."""
    if not correct:
        return AGAIN
    if close:
        return HARD
    return EASY if fast else GOOD


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
