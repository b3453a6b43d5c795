"""GIFT import: each construct of Moodle's grammar that a pack holds, and what it cannot, at line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.packs.drafts import ImportFailed
from quiz.packs.gift import category_name, read_gift
from quiz.packs.imports import convert
from quiz.packs.loader import load_pack_bytes
from quiz.packs.model import QuestionType

FORMATS = Path(__file__).parent.parent / "fixtures" / "formats"


def pack_of(text: str, name: str = "t.gift"):
    result = convert("gift", text.encode("utf-8"), name, "t", "T")
    return result, load_pack_bytes(result.text.encode("utf-8"), "t.yaml")


def only(text: str):
    _, pack = pack_of(text)
    (question,) = pack.questions
    return question


def notes_of(text: str) -> list[str]:
    return read_gift(text.encode("utf-8"), "t.gift").notes


def test_multiple_choice_with_title_and_general_feedback() -> None:
    question = only(
        "::Lens::Which lens?{\n  =Anamorphic\n  ~Fisheye\n  ~Macro\n  ####Oval bokeh.\n}"
    )
    assert question.id == "lens"
    assert question.type is QuestionType.CHOICE
    assert (question.prompt, question.answer) == ("Which lens?", "Anamorphic")
    assert question.distractors == ("Fisheye", "Macro")
    assert question.explanation == "Oval bokeh."


@pytest.mark.parametrize(
    ("mark", "answer"), [("T", True), ("TRUE", True), ("F", False), ("FALSE", False)]
)
def test_true_false_in_every_spelling(mark: str, answer: bool) -> None:
    question = only(f"It was shot on film.{{{mark}}}")
    assert question.type is QuestionType.TRUE_FALSE and question.answer is answer


def test_short_answer_with_several_right_answers_becomes_accept() -> None:
    question = only("Who graded it?{=Jane Doe =J. Doe =Doe}")
    assert question.type is QuestionType.TEXT
    assert (question.answer, question.accept) == ("Jane Doe", ("J. Doe", "Doe"))
    assert only("Who graded it?{Jane Doe}").answer == "Jane Doe"


def test_numbers_with_a_margin_and_a_range() -> None:
    exact = only("How many minutes?{#57}")
    assert exact.type is QuestionType.NUMBER and (exact.answer, exact.tolerance) == (57, 0)
    margin = only("How many minutes?{#57:2}")
    assert (margin.answer, margin.tolerance) == (57, 2)
    ranged = only("Which year?{#2019..2021}")
    assert (ranged.answer, ranged.tolerance) == (2020, 1)
    decimal = only("How wide?{#=0.1..0.3}")
    assert (decimal.answer, decimal.tolerance) == (0.2, 0.1)


def test_comments_categories_and_blank_line_separation() -> None:
    text = (
        "// a comment\n$CATEGORY: $course$/top/Default for Film/Sound\n\n"
        "::A::First?{T}\n\n// between\n::B::Second?{F}\n\n$CATEGORY: Light//Dark\n::C::Third?{T}\n"
    )
    _, pack = pack_of(text)
    assert [(q.id, q.category) for q in pack.questions] == [
        ("a", "Sound"), ("b", "Sound"), ("c", "Light/Dark"),
    ]  # fmt: skip
    assert category_name("$course$/top") == "top"


def test_every_escape() -> None:
    question = only("::E::a\\: b\\# c\\= d\\{ e\\} f\\~ g\\\\ h\\ni{=x\\=y}")
    assert question.prompt == "a: b# c= d{ e} f~ g\\ h\ni"
    assert question.answer == "x=y"


def test_text_formats_html_is_reduced_others_are_kept() -> None:
    assert only("[html]<p>Is <b>this</b> &amp; that?</p>{T}").prompt == "Is this & that?"
    assert only("<i>Moodle</i> format reads HTML too?{T}").prompt == "Moodle format reads HTML too?"
    assert only("[plain]Is <b> kept?{T}").prompt == "Is <b> kept?"
    assert only("[markdown]Is *this* kept?{T}").prompt == "Is *this* kept?"


@pytest.mark.parametrize(
    ("text", "line", "column", "why"),
    [
        ("\n\nWrite an essay.{}", 3, 16, "essay"),
        ("Just a description.", 1, 1, "description"),
        ("Match.{=A -> 1 =B -> 2}", 1, 8, "matching"),
        ("Grant is {~buried =entombed} in the tomb.", 1, 29, "missing-word"),
        ("Primes?{~%50%Two ~%50%Three ~%-100%Four}", 1, 9, "partial credit"),
        ("Red?{=Red#Yes ~Blue}", 1, 10, "feedback on an answer"),
        ("Sure?{T#no#yes}", 1, 8, "feedback on an answer"),
        ("Year?{#1822:5 ~#wrong}", 1, 15, "feedback on an answer"),
        ("Year?{#abc}", 1, 8, "not a number"),
        ("Unclosed {=a ~b", 1, 10, "never closed"),
        ("Stray } brace{T}", 1, 7, "no '{' before it"),
    ],
)
def test_what_a_pack_cannot_hold_is_skipped_at_its_place(
    text: str, line: int, column: int, why: str
) -> None:
    (note,) = notes_of(text)
    assert note.startswith(f"t.gift:{line}:{column}: skipped: ") and why in note


def test_the_fixture_imports_its_questions_and_counts_what_it_skipped() -> None:
    result = convert("gift", (FORMATS / "every.gift").read_bytes(), "every.gift", "every", None)
    pack = load_pack_bytes(result.text.encode("utf-8"), "every.yaml")
    assert result.count == len(pack.questions) == 9
    assert len(result.notes) == 6 and all(":" in note for note in result.notes)
    assert {q.type for q in pack.questions} == set(QuestionType)


def test_the_same_file_gives_the_same_pack() -> None:
    data = (FORMATS / "every.gift").read_bytes()
    assert convert("gift", data, "a", "p", None).text == convert("gift", data, "a", "p", None).text


def test_nothing_importable_is_an_error_listing_every_reason() -> None:
    with pytest.raises(ImportFailed) as caught:
        convert("gift", b"Essay{}\n\nDescription only.", "t.gift", "t", None)
    messages = caught.value.messages
    assert len(messages) == 3 and messages[-1] == "t.gift: no question could be imported"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Caf\xe9?{T}", "t.gift:1:4: error: byte 0xe9 is not UTF-8"),
        (b"ok?{T}\n\nlone \xed\xa0\x80 surrogate{T}", "t.gift:3:6: error: byte 0xed is not UTF-8"),
        (b"A?{T}\x00", "t.gift:1:6: error: the file holds a NUL byte"),
        (b"A?{T}\n" * (3 * 2**20), "t.gift:1:1: error: the file is over the 16 MiB limit"),
    ],
)
def test_hostile_files_give_one_line(data: bytes, expected: str) -> None:
    with pytest.raises(ImportFailed) as caught:
        read_gift(data, "t.gift")
    (message,) = caught.value.messages
    assert message.startswith(expected)


def test_unfair_options_and_repeats_are_skipped_as_the_loader_would() -> None:
    result, pack = pack_of("Q?{=Paris ~paris}\n\nR?{=A ~B}\n\nR?{=A ~C}")
    assert len(pack.questions) == 1
    assert [note.split(": skipped: ")[0] for note in result.notes] == ["t.gift:1:1", "t.gift:5:1"]
