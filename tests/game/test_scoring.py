"""Scoring: base points by difficulty, Kahoot-style timing, and the capped streak bonus."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.game.scoring import base_points, points, streak_bonus
from quiz.packs.model import Difficulty


@pytest.mark.parametrize(
    ("difficulty", "expected"),
    [(Difficulty.EASY, 75), (Difficulty.MEDIUM, 100), (Difficulty.HARD, 150), ("hard", 150)],
)
def test_base_points_by_difficulty(difficulty: Difficulty | str, expected: int) -> None:
    assert base_points(difficulty) == expected


@pytest.mark.parametrize(
    ("streak", "bonus"), [(0, 0), (1, 0), (2, 20), (3, 40), (5, 80), (6, 100), (7, 100), (40, 100)]
)
def test_streak_bonus_grows_by_20_and_caps_at_100(streak: int, bonus: int) -> None:
    assert streak_bonus(streak) == bonus


def test_a_wrong_answer_earns_nothing_whatever_the_streak_or_time() -> None:
    assert points(Difficulty.HARD, False, streak=5) == 0
    assert points(Difficulty.HARD, False, streak=5, seconds=0.0, limit=10.0) == 0


def test_untimed_right_answer_earns_base_plus_streak_bonus() -> None:
    assert points(Difficulty.MEDIUM, True, streak=1) == 100
    assert points(Difficulty.EASY, True, streak=2) == 95
    assert points(Difficulty.HARD, True, streak=9) == 250


@pytest.mark.parametrize(
    ("difficulty", "seconds", "limit", "expected"),
    [
        (Difficulty.MEDIUM, 0.0, 20.0, 100),  # instant: full points
        (Difficulty.MEDIUM, 20.0, 20.0, 50),  # at the limit: half
        (Difficulty.MEDIUM, 10.0, 20.0, 75),  # halfway: three quarters
        (Difficulty.EASY, 5.0, 20.0, 66),  # 75 * 0.875 = 65.625
        (Difficulty.MEDIUM, 5.0, 20.0, 88),  # 87.5 rounds half up
        (Difficulty.HARD, 3.0, 10.0, 128),  # 150 * 0.85 = 127.5
        (Difficulty.HARD, 10.0, 20.0, 113),  # 112.5 rounds half up, not to even
        (Difficulty.MEDIUM, 99.0, 20.0, 50),  # past the limit never goes below half
    ],
)
def test_timed_points_scale_with_the_time_taken(
    difficulty: Difficulty, seconds: float, limit: float, expected: int
) -> None:
    assert points(difficulty, True, streak=1, seconds=seconds, limit=limit) == expected


def test_streak_bonus_is_added_after_time_scaling() -> None:
    assert points(Difficulty.MEDIUM, True, streak=3, seconds=20.0, limit=20.0) == 50 + 40


@given(
    difficulty=st.sampled_from(list(Difficulty)),
    limit=st.floats(min_value=0.5, max_value=600),
    fraction=st.floats(min_value=0, max_value=1),
    later=st.floats(min_value=0, max_value=1),
)
def test_a_right_timed_answer_earns_between_half_and_full_base_and_faster_is_never_less(
    difficulty: Difficulty, limit: float, fraction: float, later: float
) -> None:
    base = base_points(difficulty)
    seconds = fraction * limit
    earned = points(difficulty, True, streak=1, seconds=seconds, limit=limit)
    assert base / 2 <= earned <= base
    slower = points(difficulty, True, streak=1, seconds=seconds + later * limit, limit=limit)
    assert slower <= earned
