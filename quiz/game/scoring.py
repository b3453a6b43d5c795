"""Points for one answer: base by difficulty, Kahoot-style time scaling, streak bonus."""

from __future__ import annotations

from quiz.packs.model import Difficulty

BASE_POINTS = {Difficulty.EASY: 75, Difficulty.MEDIUM: 100, Difficulty.HARD: 150}
STREAK_STEP = 20
STREAK_CAP = 100


def base_points(difficulty: Difficulty | str) -> int:
    """Points for a right answer before timing and streak: easy 75, medium 100, hard 150."""
    return BASE_POINTS[Difficulty(difficulty)]


def streak_bonus(streak: int) -> int:
    """Bonus for the `streak`-th right answer in a row (1 = the first: no bonus), capped."""
    return max(0, min(STREAK_STEP * (streak - 1), STREAK_CAP))


def timed_points(base: int, seconds: float, limit: float) -> int:
    """`base` scaled by speed: full at 0 s, half at the limit, rounded half up."""
    fraction = min(max(seconds / limit, 0.0), 1.0)
    return int(base * (1 - fraction / 2) + 0.5)


def points(
    difficulty: Difficulty | str,
    correct: bool,
    streak: int,
    seconds: float | None = None,
    limit: float | None = None,
) -> int:
    """Points earned by one answer.

    `streak` counts right answers in a row including this one (1 for a first right
    answer). Wrong answers earn 0. With a `limit` (timed game) and `seconds` taken, the
    base is scaled by speed; the streak bonus is added unscaled.
    """
    if not correct:
        return 0
    base = base_points(difficulty)
    if limit is not None and seconds is not None:
        base = timed_points(base, seconds, limit)
    return base + streak_bonus(streak)
