"""Number answers: shown as the pack writes them, and refused when a float cannot hold them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.game.selection import AskedQuestion
from quiz.game.verdict import judge_typed
from quiz.packs.loader import load_pack_bytes
from quiz.packs.model import Pack
from quiz.packs.packjson import pack_from_data, pack_to_data
from quiz.packs.problems import PackError

HEAD = 'format: 1\nid: p\ntitle: "T"\nquestions:\n'


def number_pack(answer: str, extra: str = "") -> bytes:
    return (
        f"{HEAD}  - id: n\n    type: number\n    prompt: P\n    answer: {answer}\n{extra}".encode()
    )


def load(answer: str, extra: str = "") -> Pack:
    return load_pack_bytes(number_pack(answer, extra), "p.yaml")


@pytest.mark.parametrize(
    "written", ["9007199254740992", "1e-7", "1.50", "0.1", "-3", "2.5E+3", "1_000", "0", "5e-324"]
)
def test_a_number_answer_is_shown_as_written(written: str) -> None:
    [question] = load(written).questions
    assert question.answer_text == written


def test_the_unit_follows_the_number_as_written() -> None:
    [question] = load("1e-7", "    unit: metres\n").questions
    assert question.answer_text == "1e-7 metres"


def test_the_written_form_survives_the_cache() -> None:
    pack = load("1e-7")
    cached = json.loads(json.dumps(pack_to_data(pack)))  # as the cache writes and reads it
    assert pack_from_data(cached, "p.yaml").questions[0].answer_text == "1e-7"


@pytest.mark.parametrize("typed", ["1e-7", "0.0000001", "1E-7"])
def test_a_number_in_exponent_form_can_be_typed(typed: str) -> None:
    pack = load("1e-7")
    [question] = pack.questions
    assert judge_typed(AskedQuestion(question, pack, ()), typed).correct


@pytest.mark.parametrize(
    ("written", "what"),
    [
        ("9007199254740993", "digits"),
        ("0.30000000000000001", "digits"),
        ("123456789012345678901234567890", "digits"),
        ("1e-400", "0"),
        ("-1e-999", "0"),
    ],
)
def test_a_number_a_float_cannot_hold_is_refused_at_its_line_and_column(
    written: str, what: str
) -> None:
    with pytest.raises(PackError) as caught:
        load(written)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (8, 13)
    assert written in problem.message and what in problem.message


def test_quiz_check_names_the_file_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "big.yaml"
    pack.write_bytes(number_pack("9007199254740993"))
    assert main(["check", str(pack)]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"{pack}:8:13: error: ") and "9007199254740993" in first
