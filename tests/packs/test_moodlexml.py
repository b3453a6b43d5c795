"""Moodle XML import: each type a pack holds, what it cannot hold, and hostile XML in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.packs.drafts import ImportFailed
from quiz.packs.imports import convert
from quiz.packs.loader import load_pack_bytes
from quiz.packs.model import QuestionType
from quiz.packs.moodlexml import read_moodle_xml

FORMATS = Path(__file__).parent.parent / "fixtures" / "formats"


def imported():
    data = (FORMATS / "every.xml").read_bytes()
    result = convert("moodle-xml", data, "every.xml", "every", None)
    return result, load_pack_bytes(result.text.encode("utf-8"), "every.yaml")


def failure(data: bytes) -> str:
    with pytest.raises(ImportFailed) as caught:
        read_moodle_xml(data, "q.xml")
    (message,) = caught.value.messages
    return message


def test_each_supported_type_becomes_its_pack_type() -> None:
    _, pack = imported()
    by_id = {question.id: question for question in pack.questions}
    lens = by_id["lens-choice"]
    assert lens.type is QuestionType.CHOICE
    assert (lens.prompt, lens.answer) == ("Which lens did the crew favour?", "Anamorphic")
    assert lens.distractors == ("Fisheye", "Tilt-shift & swing")
    assert lens.explanation == "Anamorphic glass gives oval highlights."
    assert by_id["shot-on-film"].type is QuestionType.TRUE_FALSE
    assert by_id["shot-on-film"].answer is False
    colourist = by_id["colourist"]
    assert (colourist.type, colourist.answer, colourist.accept) == (
        QuestionType.TEXT, "Jane Doe", ("J. Doe",),
    )  # fmt: skip
    assert "<i>" in colourist.prompt  # plain text is kept as typed
    runtime = by_id["runtime"]
    assert (runtime.type, runtime.answer, runtime.tolerance, runtime.unit) == (
        QuestionType.NUMBER, 57, 2, "minutes",
    )  # fmt: skip
    assert {question.category for question in pack.questions} == {"Cinematography"}


def test_what_a_pack_cannot_hold_is_skipped_at_the_question() -> None:
    result, pack = imported()
    assert len(pack.questions) == 4
    assert [note.split(": skipped: ")[0] for note in result.notes] == [
        "every.xml:34:3", "every.xml:38:3",
    ]  # fmt: skip
    assert "essay" in result.notes[0] and "partial credit" in result.notes[1]


def test_answer_feedback_is_skipped() -> None:
    xml = (
        b'<quiz><question type="truefalse"><questiontext><text>Q?</text></questiontext>'
        b'<answer fraction="100"><text>true</text><feedback><text>Yes</text></feedback></answer>'
        b'<answer fraction="0"><text>false</text></answer></question></quiz>'
    )
    (note,) = read_moodle_xml(xml, "q.xml").notes
    assert note.startswith("q.xml:1:7: skipped: feedback on an answer")


def test_billion_laughs_is_refused_without_expanding() -> None:
    lol = b"".join(
        b'<!ENTITY l%d "&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;">\n'
        % ((n,) + (n - 1,) * 10)
        for n in range(1, 10)
    )
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE quiz [\n<!ENTITY l0 "lol">\n'
        + lol
        + b"]>\n<quiz>&l9;</quiz>"
    )
    assert failure(data).startswith("q.xml:2:") and "DTD or entities" in failure(data)


def test_external_entities_are_refused() -> None:
    data = b'<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<quiz>&x;</quiz>'
    assert "DTD or entities" in failure(data)


def test_deep_nesting_is_refused_at_its_place() -> None:
    depth = 200_000
    message = failure(b"<quiz>" + b"<a>" * depth + b"</a>" * depth + b"</quiz>")
    assert message.startswith("q.xml:1:") and "nested over 32 deep" in message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("<quiz><question>Caf\xe9</question></quiz>".encode("latin-1"), "q.xml:1:20: error:"),
        (b"<quiz><question>\xed\xa0\x80</question></quiz>", "q.xml:1:17: error:"),
        (b"<quiz><question></quiz>", "q.xml:1:19: error:"),
        (b"<html/>", "q.xml:1:1: error: the file holds <html>, not a Moodle <quiz>"),
        (
            b"<quiz>" + b" " * (16 * 2**20) + b"</quiz>",
            "q.xml:1:1: error: the file is over the 16 MiB",
        ),
    ],
)
def test_broken_and_foreign_files_give_one_line(data: bytes, expected: str) -> None:
    assert failure(data).startswith(expected)


@pytest.mark.parametrize(
    ("fraction", "why"),
    [("NaN", "is not a number"), ("sNaN", "is not a number"), ("-nan", "is not a number"),
     ("Infinity", "is not a number"), ("1e999999999", "is not between -100 and 100"),
     ("200", "is not between -100 and 100"), ("ten", "is not a number")],
)  # fmt: skip
def test_a_fraction_that_is_no_credit_skips_its_question_and_says_why(fraction, why) -> None:
    data = (
        b'<?xml version="1.0"?>\n<quiz>\n<question type="multichoice"><name><text>x</text></name>'
        b"<questiontext><text>Q?</text></questiontext>"
        b'<answer fraction="100"><text>a</text></answer>'
        b'<answer fraction="' + fraction.encode() + b'"><text>b</text></answer></question>\n'
        b'<question type="truefalse"><questiontext><text>Ok?</text></questiontext>'
        b'<answer fraction="100"><text>true</text></answer>'
        b'<answer fraction="0"><text>false</text></answer></question></quiz>'
    )
    result = convert("moodle-xml", data, "q.xml", "q", None)
    assert list(result.notes) == [f"q.xml:3:1: skipped: an answer's fraction {fraction!r} {why}"]
    assert len(load_pack_bytes(result.text.encode("utf-8"), "q.yaml").questions) == 1
