"""Points for one answer: base by difficulty, a speed factor when timed, a streak bonus,
and the breakdown in words that the reveal shows."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.packs.model import Difficulty

BASE_POINTS = {Difficulty.EASY: 75, Difficulty.MEDIUM: 100, Difficulty.HARD: 150}
STREAK_STEP = 20
STREAK_CAP = 100
# A timed answer's base is multiplied by a speed factor from FASTEST (answered at once)
# down to SLOWEST (at the limit), in tenths: answering in under half the time earns more
# than an untimed game would, so choosing a timer is never a handicap.
FASTEST_TENTHS = 15
SLOWEST_TENTHS = 5


def base_points(difficulty: Difficulty | str) -> int:
    """Points for a right answer before timing and streak: easy 75, medium 100, hard 150."""
    return BASE_POINTS[Difficulty(difficulty)]


def streak_bonus(streak: int) -> int:
    """Bonus for the `streak`-th right answer in a row (1 = the first: no bonus), capped."""
    return max(0, min(STREAK_STEP * (streak - 1), STREAK_CAP))


def speed_tenths(seconds: float, limit: float) -> int:
    """The speed factor in tenths: 15 (x1.5) at 0 s, 10 at half the limit, 5 at the limit."""
    fraction = min(max(seconds / limit, 0.0), 1.0)
    span = FASTEST_TENTHS - SLOWEST_TENTHS
    return int(FASTEST_TENTHS - fraction * span + 0.5)


def timed_points(base: int, seconds: float, limit: float) -> int:
    """`base` times the speed factor, rounded half up."""
    return (base * speed_tenths(seconds, limit) + 5) // 10


@dataclass(frozen=True)
class Breakdown:
    """How one answer's points were made, to show the player."""

    difficulty: Difficulty
    correct: bool
    base: int  # by difficulty (0 when wrong)
    speed: int | None  # the speed factor in tenths, in a timed game
    streak: int  # right answers in a row including this one (0 when wrong)
    bonus: int
    total: int
    ended_streak: int = 0  # a wrong answer, skip or time-out: the run it ended (2 or more)
    how: str = "a wrong answer"  # what ended it: "a skip", "time running out"

    @property
    def words(self) -> str:
        """'+160 = 100 medium × 1.2 speed + 40 streak (3 in a row)', the streak a miss
        ended, or "" when a miss has nothing to explain."""
        return " ".join(self.phrases)

    @property
    def phrases(self) -> list[str]:
        """The words in the pieces a line may break between, never inside:
        ['+160 = 100 medium', '× 1.2 speed', '+ 40 streak (3 in a row)']."""
        if not self.correct:
            if self.ended_streak >= 2:
                return [f"{self.how.capitalize()} ends your streak of {self.ended_streak} in a row"]
            return []
        parts = [f"+{self.total} = {self.base} {self.difficulty.value}"]
        if self.speed is not None:
            parts.append(f"× {self.speed // 10}.{self.speed % 10} speed")
        if self.bonus:
            parts.append(f"+ {self.bonus} streak ({self.streak} in a row)")
        return parts


def breakdown(
    difficulty: Difficulty | str,
    correct: bool,
    streak: int,
    seconds: float | None = None,
    limit: float | None = None,
    *,
    ended_streak: int = 0,
    how: str = "a wrong answer",
) -> Breakdown:
    """The points of one answer, part by part (see `points`)."""
    level = Difficulty(difficulty)
    speed = speed_tenths(seconds, limit) if limit is not None and seconds is not None else None
    if not correct:
        return Breakdown(level, False, 0, speed, 0, 0, 0, ended_streak, how)
    base = base_points(level)
    scaled = (base * speed + 5) // 10 if speed is not None else base
    bonus = streak_bonus(streak)
    return Breakdown(level, True, base, speed, streak, bonus, scaled + bonus)


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
    base is multiplied by the speed factor (x1.5 at once down to x0.5 at the limit); the
    streak bonus is added unscaled.
    """
    return breakdown(difficulty, correct, streak, seconds, limit).total


def rules() -> tuple[tuple[str, str], ...]:
    """The scoring rules as (what, points) lines, for help, from the numbers above."""
    easy, medium, hard = (BASE_POINTS[level] for level in Difficulty)
    fast, slow = FASTEST_TENTHS / 10, SLOWEST_TENTHS / 10
    return (
        ("right", f"{easy} easy, {medium} medium, {hard} hard"),
        ("timed", f"× {fast:g} at once to × {slow:g} at the limit"),
        (
            "streak",
            f"+{STREAK_STEP} per right answer in a row after the first, up to +{STREAK_CAP}",
        ),
        ("wrong, skip", "0, and the streak starts again"),
        ("retry missed", "practice: not scored"),
        ("best", "per pack and kind: count, timed or not"),
    )
