"""Typed numbers read with the question's unit, as people write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.game.matching import match_number
from quiz.game.units import read_number
from quiz.packs.model import Question, QuestionType


def number_q(answer: float, unit: str | None, tolerance: float = 0) -> Question:
    return Question(
        id="q", type=QuestionType.NUMBER, prompt="P", answer=answer, tolerance=tolerance, unit=unit
    )


@pytest.mark.parametrize(
    ("typed", "right"),
    [
        ("7", True),
        ("seven", True),
        ("episode 7", True),
        ("Episode 7", True),
        ("ep 7", True),
        ("Ep. 7", True),
        ("ep7", True),
        ("episode #7", True),
        ("episode seven", True),
        ("episode 8", False),
        ("7 minutes", False),
    ],
)
def test_an_episode_number_takes_episode_and_its_abbreviation(typed: str, right: bool) -> None:
    assert match_number(typed, number_q(7, "episode")) is right


def test_ep_is_read_only_where_the_question_is_about_an_episode() -> None:
    assert not match_number("ep 7", number_q(7, None))
    assert not match_number("ep 7", number_q(7, "months"))


@pytest.mark.parametrize(
    "typed",
    ["20", "$20M", "20m", "20M", "$20 million", "20 million", "twenty million", "$20m dollars",
     "20 million dollars", "USD 20m", "20,000,000", "$20,000,000", "20 mn", "$ 20M"],
)  # fmt: skip
def test_money_in_millions_reads_signs_magnitudes_and_whole_amounts(typed: str) -> None:
    assert match_number(typed, number_q(20, "million dollars"))


@pytest.mark.parametrize("typed", ["$20k", "20 billion", "$2M", "200m"])
def test_a_wrong_magnitude_is_wrong(typed: str) -> None:
    assert not match_number(typed, number_q(20, "million dollars"))


def test_a_magnitude_letter_is_refused_where_the_unit_has_no_magnitude() -> None:
    assert not match_number("2m", number_q(2, "minutes"))
    assert not match_number("20m", number_q(20, None))
    assert match_number("2 min", number_q(2, "minutes"))


@pytest.mark.parametrize(
    ("typed", "right"),
    [("9.5/10", True), ("9.5 / 10", True), ("9.5 out of 10", True), ("9.5 of 10", True),
     ("9.5", True), ("9.5/5", False), ("95/100", False)],
)  # fmt: skip
def test_a_rating_takes_its_denominator(typed: str, right: bool) -> None:
    assert match_number(typed, number_q(9.5, "out of 10")) is right


@pytest.mark.parametrize(
    ("typed", "right"),
    [("4", True), ("four", True), ("5 months", True), ("4 mos", True), ("4.5", True),
     ("3", False), ("6 months", False), ("5 weeks", False)],
)  # fmt: skip
def test_a_range_is_an_answer_with_a_tolerance(typed: str, right: bool) -> None:
    assert match_number(typed, number_q(4.5, "months", tolerance=0.5)) is right


@pytest.mark.parametrize(
    ("unit", "typed"),
    [("years", "3 yrs"), ("minutes", "2 mins"), ("%", "45 percent"), ("percent", "45%"),
     ("days", "3 days"), ("scenes", "10 scenes")],
)  # fmt: skip
def test_common_abbreviations(unit: str, typed: str) -> None:
    value = {"years": 3, "minutes": 2, "%": 45, "percent": 45, "days": 3, "scenes": 10}[unit]
    assert match_number(typed, number_q(value, unit))


def test_a_number_answer_shows_a_label_or_currency_sign_before_it() -> None:
    assert number_q(7, "episode").answer_text == "episode 7"
    assert number_q(20, "$").answer_text == "$20"
    assert number_q(20, "million dollars").answer_text == "20 million dollars"


def test_a_number_answer_between_two_whole_numbers_shows_as_their_range() -> None:
    assert number_q(4.5, "months", tolerance=0.5).answer_text == "4 to 5 months"
    assert number_q(2.5, "$", tolerance=0.5).answer_text == "$2 to $3"
    assert number_q(7, "episode", tolerance=1).answer_text == "episode 7"  # a whole answer
    assert number_q(4.5, "months", tolerance=0.25).answer_text == "4.5 months"
    assert number_q(4.5, None).answer_text == "4.5"


@given(
    st.text(max_size=40),
    st.sampled_from(
        [None, "", " ", "episode", "million dollars", "out of 10", "$", "%", "[/]days", "billion"]
    ),
)
def test_any_typed_text_is_a_number_or_none_never_an_error(typed: str, unit: str | None) -> None:
    value = read_number(typed, unit)
    assert value is None or isinstance(value, float)
