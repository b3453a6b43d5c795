"""CSV/TSV import with the documented header, and Quizlet's term TAB definition export."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.packs.drafts import ImportFailed
from quiz.packs.imports import convert
from quiz.packs.loader import load_pack_bytes
from quiz.packs.model import Difficulty, QuestionType
from quiz.packs.tabular import COLUMNS, read_table

FORMATS = Path(__file__).parent.parent / "fixtures" / "formats"


def imported(name: str):
    result = convert("csv", (FORMATS / name).read_bytes(), name, "t", None)
    return result, load_pack_bytes(result.text.encode("utf-8"), "t.yaml")


def test_the_documented_header_has_every_column() -> None:
    assert COLUMNS[:2] == ("prompt", "answer") and "distractor8" in COLUMNS
    assert COLUMNS[-3:] == ("source_title", "source_url", "excerpt")


def test_csv_rows_become_choice_text_and_true_false_questions_with_sources() -> None:
    result, pack = imported("every.csv")
    lens, colourist, film = pack.questions
    assert (lens.type, lens.answer, lens.distractors) == (
        QuestionType.CHOICE, "Anamorphic", ("Fisheye", "Tilt-shift"),
    )  # fmt: skip
    assert (lens.category, lens.difficulty, lens.explanation) == (
        "Cinematography", Difficulty.HARD, "Oval highlights.",
    )  # fmt: skip
    assert lens.source is not None and '"for the oval highlights"' in lens.source.text
    (source,) = pack.sources
    assert (source.title, source.url) == ("Lens notes", "https://example.com/lens")
    assert (colourist.type, colourist.accept) == (QuestionType.TEXT, ("J. Doe", "Doe"))
    assert (film.type, film.answer) == (QuestionType.TRUE_FALSE, True)
    assert [note.split(": skipped: ")[0] for note in result.notes] == [
        "every.csv:6:25", "every.csv:7:48",
    ]  # fmt: skip


def test_tsv_with_a_header() -> None:
    _, pack = imported("every.tsv")
    (question,) = pack.questions
    assert (question.prompt, question.answer, question.category) == (
        "Who composed the score?", "Theodore Shapiro", "Sound",
    )  # fmt: skip


def test_quizlet_export_gives_text_questions_term_first() -> None:
    result, pack = imported("quizlet.txt")
    assert [(q.type, q.prompt, q.answer) for q in pack.questions] == [
        (QuestionType.TEXT, "Dolly", "A cart that carries the camera"),
        (QuestionType.TEXT, "Gaffer", "The head of the electrical department"),
    ]
    assert result.notes == (
        "quizlet.txt:3:1: skipped: a Quizlet line is a term, a tab and its definition",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("promt,answer\nQ,A\n", "t.csv:1:1: error: unknown column 'promt'"),
        ("prompt,answer,answer\nQ,A,B\n", "t.csv:1:15: error: the column 'answer' is named twice"),
        ("Q,A\nR,B\n", "t.csv:1:1: error: the first row does not name the columns"),
    ],
)
def test_a_bad_header_is_one_line(text: str, expected: str) -> None:
    with pytest.raises(ImportFailed) as caught:
        read_table(text.encode(), "t.csv")
    assert caught.value.messages[0].startswith(expected)


def test_rows_a_pack_cannot_hold_are_skipped_at_their_line() -> None:
    text = "prompt,answer,distractor1,accept\n,A,,\nQ,,,\nQ,A,B,C\nQ,A,B,C,D\n"
    notes = read_table(text.encode(), "t.csv").notes
    assert [note.split(": skipped: ")[0] for note in notes] == [
        "t.csv:2:1", "t.csv:3:3", "t.csv:4:7", "t.csv:5:9",
    ]  # fmt: skip


def test_non_utf8_is_one_line() -> None:
    with pytest.raises(ImportFailed) as caught:
        read_table("prompt,answer\nCaf\xe9,A\n".encode("latin-1"), "t.csv")
    assert caught.value.messages == [
        "t.csv:2:4: error: byte 0xe9 is not UTF-8; save the file as UTF-8"
    ]
