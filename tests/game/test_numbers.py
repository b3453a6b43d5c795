"""Typed numbers: digits with separators and signs, and English number words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.game.matching import parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10", 10),
        (" 42 ", 42),
        ("1,000", 1000),
        ("12,345,678", 12345678),
        ("1,234.5", 1234.5),
        ("-5", -5),
        ("+2.5", 2.5),
        ("\u22127", -7),  # the typographic minus sign
        (".5", 0.5),
        ("\uff11\uff12", 12),  # full-width digits
        ("zero", 0),
        ("ten", 10),
        ("Ten", 10),
        ("nineteen", 19),
        ("twenty", 20),
        ("twenty five", 25),
        ("twenty-five", 25),
        ("ninety nine", 99),
        ("hundred", None),
        ("a hundred", 100),
        ("one hundred", 100),
        ("one hundred and five", 105),
        ("three hundred twelve", 312),
        ("twelve hundred", 1200),
        ("a thousand", 1000),
        ("two thousand five hundred", 2500),
        ("one thousand and one", 1001),
        ("minus three", -3),
        ("twenty million", 20_000_000),
        ("a million", 1_000_000),
        ("two billion five hundred million", 2_500_000_000),
    ],
)
def test_numbers_parse(text: str, value: float | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "lots",
        "1,00",  # separators group three digits
        "1,0000",
        "5 or 6",
        "1.2.3",
        "five twenty",
        "twenty twenty",
        "zero five",
        "one two",
        "one hundred and",
        "and",
        "thousand",
    ],
)
def test_non_numbers_parse_as_none(text: str) -> None:
    assert parse_number(text) is None


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_integers_round_trip_with_and_without_separators(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n
