"""Typed answers: exact and close spellings (with its traps), and numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.game.matching import Match, match_number, match_text
from quiz.packs.loader import load_pack, load_pack_bytes
from quiz.packs.model import Question, QuestionType
from quiz.packs.problems import PackError
from quiz.packs.yamlout import quote

MINI = Path(__file__).parent.parent / "fixtures" / "good" / "mini.yaml"


def text_q(
    answer: str, accept: tuple[str, ...] = (), distractors: tuple[str, ...] = ()
) -> Question:
    kind = QuestionType.CHOICE if distractors else QuestionType.TEXT
    return Question("q", kind, "?", answer, distractors=distractors, accept=accept)


def number_q(answer: float, tolerance: float = 0.0, unit: str | None = None) -> Question:
    return Question("n", QuestionType.NUMBER, "?", answer, tolerance=tolerance, unit=unit)


@pytest.mark.parametrize(
    ("given_text", "answer", "accept"),
    [
        ("beatles", "The Beatles", ()),
        ("THE BEATLES", "The Beatles", ()),
        ("Gagne", "Gagné", ()),
        ("jessica lee gagne", "Jessica Lee Gagné", ()),
        ("rock and roll", "Rock & Roll", ()),
        ("Mark S", "Mark Scout", ("Mark S.",)),
        ("Ben Stiller", "Benjamin Stiller", ("Ben Stiller",)),
    ],
)
def test_exact_after_normalising_is_right_and_not_a_close_spelling(
    given_text: str, answer: str, accept: tuple[str, ...]
) -> None:
    assert match_text(given_text, text_q(answer, accept)) == Match(True, close=False)


@pytest.mark.parametrize(
    ("given_text", "answer"),
    [
        ("austria", "Australia"),  # ratio 87.5: below 90
        ("iran", "Iraq"),  # short answers must be exact
        ("1990", "1991"),
        ("episode 10", "Episode 11"),  # ratio 90, but a close spelling never changes a number
        ("Ben", "Ben Stiller"),
        ("", "Ben Stiller"),
        ("   ", "Ben Stiller"),
    ],
)
def test_traps_are_wrong(given_text: str, answer: str) -> None:
    assert match_text(given_text, text_q(answer)) == Match(False)


def test_a_close_spelling_of_a_long_answer_is_right_and_marked_close() -> None:
    assert match_text("Jesica Lee Gagne", text_q("Jessica Lee Gagné")) == Match(True, close=True)
    assert match_text("Ramsay Street", text_q("Ramsey Street")) == Match(True, close=True)


def test_a_close_spelling_counts_from_five_characters() -> None:
    assert match_text("adamss", text_q("Adams")).close  # ratio 90.9, 5 characters


def test_close_spelling_of_an_accepted_form_counts() -> None:
    assert match_text("Milchik", text_q("Seth Milchick", accept=("Milchick",))) == Match(True, True)


def test_no_close_spelling_when_a_distractor_is_nearer() -> None:
    question = text_q("Ramsey Street", distractors=("Ramsay Streets", "Erinsborough"))
    assert match_text("Ramsay Street", question) == Match(False)  # 92.3 right vs 96.3 wrong


def test_no_close_spelling_when_a_distractor_is_as_near() -> None:
    question = text_q("Gordon Ramsey", distractors=("Gordon Ramsay",))
    assert match_text("Gordon Ramsy", question) == Match(False)  # 96 vs 96


def test_naming_a_distractor_exactly_is_wrong() -> None:
    question = text_q("Australia", distractors=("Austria", "Germany"))
    assert match_text("austria", question) == Match(False)
    assert match_text("Australia", question) == Match(True)


def test_typing_a_distractor_the_loader_let_through_is_never_judged_right() -> None:
    text = (
        'format: 1\nid: p\ntitle: T\nquestions:\n  - {id: q, prompt: P, answer: "Rock & Roll", '
        'distractors: ["rock and roll"]}\n'
    )
    with pytest.raises(PackError):  # typed, "rock and roll" would be right; picked, wrong
        load_pack_bytes(text.encode())


# Words and marks normalising folds together, so generated options often collide.
PIECES = ["Rock", "rock", "RÖCK", "&", "and", "the", "A", "-", "!", "'", "Roll", "n", "?", "1"]
option = st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map(" ".join)


@given(answer=option, distractors=st.lists(option, min_size=1, max_size=4))
def test_in_a_pack_that_loads_typing_an_option_is_judged_as_picking_it(
    answer: str, distractors: list[str]
) -> None:
    text = "format: 1\nid: p\ntitle: T\nquestions:\n  - id: q\n    prompt: P\n"
    text += (
        f"    answer: {quote(answer)}\n    distractors: [{', '.join(map(quote, distractors))}]\n"
    )
    try:
        question = load_pack_bytes(text.encode()).questions[0]
    except PackError:
        return
    for picked in question.options:
        assert match_text(picked, question).correct is (picked == question.answer)


def test_mini_pack_text_question_accepts_its_spellings() -> None:
    director = next(q for q in load_pack(MINI).questions if q.id == "director")
    assert match_text("Jessica Lee Gagné", director).correct
    assert match_text("gagne", director) == Match(True, close=False)
    assert not match_text("Gagarin", director).correct


@pytest.mark.parametrize(
    ("given_text", "right"),
    [
        ("ten", True),
        ("10", True),
        ("10.0", True),
        ("+10", True),
        ("9", False),
        ("11", False),
        ("100", False),
        ("a ten", False),
        ("", False),
    ],
)
def test_number_answer_ten(given_text: str, right: bool) -> None:
    assert match_number(given_text, number_q(10)) is right


def test_number_with_separators_matches() -> None:
    assert match_number("1,000", number_q(1000))
    assert match_number("one thousand", number_q(1000))
    assert not match_number("1,001", number_q(1000))


def test_numbers_are_never_fuzzy_matched() -> None:
    assert not match_number("1990", number_q(1991))
    assert match_number("1991", number_q(1991))


def test_tolerance_is_inclusive_and_survives_binary_floats() -> None:
    question = number_q(5, tolerance=1)
    assert [match_number(t, question) for t in ("3.9", "4", "5", "6", "6.01")] == [
        False,
        True,
        True,
        True,
        False,
    ]
    assert match_number("5.1", number_q(5.2, tolerance=0.1))  # 0.10000000000000053 off
    assert not match_number("5.05", number_q(5.2, tolerance=0.1))


@pytest.mark.parametrize(
    ("given_text", "right"),
    [
        ("5 months", True),
        ("5 Months", True),
        ("5months", True),
        ("1 month", False),
        ("6 month", True),
        ("five months", True),
        ("5 weeks", False),
        ("months", False),
    ],
)
def test_a_number_may_carry_its_unit(given_text: str, right: bool) -> None:
    assert match_number(given_text, number_q(5, tolerance=1, unit="months")) is right


def test_a_symbol_unit_may_lead_or_follow() -> None:
    assert match_number("$20", number_q(20, unit="$"))
    assert match_number("45%", number_q(45, unit="%"))
    assert match_number("45 %", number_q(45, unit="%"))


def test_a_typed_look_alike_or_invisible_character_is_judged_as_what_it_looks_like() -> None:
    assert match_text("Pari\u0455\u200b", text_q("Paris")) == Match(True)
    assert match_text("\u0420\u0430ris", text_q("Paris")) == Match(True)
