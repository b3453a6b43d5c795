"""Scoring: base points by difficulty, Kahoot-style timing, and the capped streak bonus."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.game.scoring import base_points, breakdown, points, streak_bonus
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
        (Difficulty.MEDIUM, 0.0, 20.0, 150),  # instant: x1.5
        (Difficulty.MEDIUM, 20.0, 20.0, 50),  # at the limit: x0.5
        (Difficulty.MEDIUM, 10.0, 20.0, 100),  # halfway: as untimed
        (Difficulty.EASY, 4.0, 20.0, 98),  # x1.3: 97.5 rounds half up
        (Difficulty.MEDIUM, 5.0, 20.0, 130),  # 1.25 rounds half up to x1.3
        (Difficulty.HARD, 3.0, 10.0, 180),  # x1.2
        (Difficulty.MEDIUM, 99.0, 20.0, 50),  # past the limit never goes below half
    ],
)
def test_timed_points_scale_with_the_time_taken(
    difficulty: Difficulty, seconds: float, limit: float, expected: int
) -> None:
    assert points(difficulty, True, streak=1, seconds=seconds, limit=limit) == expected


def test_streak_bonus_is_added_after_time_scaling() -> None:
    assert points(Difficulty.MEDIUM, True, streak=3, seconds=20.0, limit=20.0) == 50 + 40


def test_a_fast_timed_answer_beats_an_untimed_one_and_a_slow_one_does_not() -> None:
    untimed = points(Difficulty.MEDIUM, True, streak=1)
    assert points(Difficulty.MEDIUM, True, streak=1, seconds=2.0, limit=20.0) > untimed
    assert points(Difficulty.MEDIUM, True, streak=1, seconds=18.0, limit=20.0) < untimed


@given(
    difficulty=st.sampled_from(list(Difficulty)),
    limit=st.floats(min_value=0.5, max_value=600),
    fraction=st.floats(min_value=0, max_value=1),
    later=st.floats(min_value=0, max_value=1),
)
def test_a_right_timed_answer_earns_half_to_one_and_a_half_base_and_faster_is_never_less(
    difficulty: Difficulty, limit: float, fraction: float, later: float
) -> None:
    base = base_points(difficulty)
    seconds = fraction * limit
    earned = points(difficulty, True, streak=1, seconds=seconds, limit=limit)
    assert base / 2 <= earned <= base * 1.5 + 0.5  # rounded half up
    slower = points(difficulty, True, streak=1, seconds=seconds + later * limit, limit=limit)
    assert slower <= earned


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((Difficulty.MEDIUM, True, 1), "+100 = 100 medium"),
        (
            (Difficulty.MEDIUM, True, 3, 4.0, 10.0),
            "+150 = 100 medium × 1.1 speed + 40 streak (3 in a row)",
        ),
        ((Difficulty.HARD, True, 2), "+170 = 150 hard + 20 streak (2 in a row)"),
        ((Difficulty.EASY, False, 0), ""),
    ],
)
def test_the_breakdown_in_words_adds_up(args: tuple, words: str) -> None:
    parts = breakdown(*args)
    assert parts.words == words
    assert parts.total == points(*args)


@pytest.mark.parametrize(
    ("how", "words"),
    [
        ("a skip", "A skip ends your streak of 3 in a row"),
        ("a wrong answer", "A wrong answer ends your streak of 3 in a row"),
    ],
)
def test_a_miss_that_ends_a_streak_says_so(how: str, words: str) -> None:
    assert breakdown(Difficulty.EASY, False, 0, ended_streak=3, how=how).words == words
    assert breakdown(Difficulty.EASY, False, 0, ended_streak=1, how=how).words == ""
