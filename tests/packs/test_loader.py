"""The loader: good packs load as written, and each bad pack reports its exact line:col."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from quiz.packs.loader import MAX_BYTES, load_pack, load_pack_bytes
from quiz.packs.model import Difficulty, QuestionType
from quiz.packs.problems import PackError
from quiz.packs.yamltree import MAX_DEPTH

FIXTURES = Path(__file__).parent.parent / "fixtures"
BAD = sorted((FIXTURES / "bad").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+):(\d+) (.*)$", re.M)

MINIMAL = 'format: 1\nid: p\ntitle: "T"\nquestions:\n  - {id: q, prompt: "P", answer: "A", distractors: ["B"]}\n'


def problems_of(path_or_bytes: Path | bytes) -> list[tuple[int, int, str]]:
    with pytest.raises(PackError) as caught:
        if isinstance(path_or_bytes, Path):
            load_pack(path_or_bytes)
        else:
            load_pack_bytes(path_or_bytes, "pack.yaml")
    return [(p.line, p.column, p.message) for p in caught.value.problems]


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_fixture_reports_each_expected_problem_at_its_line_and_column(path: Path) -> None:
    expected = [(int(line), int(col), text) for line, col, text in EXPECT.findall(path.read_text())]
    if not expected:  # the empty file cannot carry a comment
        expected = [(1, 1, "the file is empty")]
    got = problems_of(path)
    assert len(got) == len(expected), got
    for (line, col, text), (got_line, got_col, got_text) in zip(expected, got, strict=True):
        assert (got_line, got_col) == (line, col), got_text
        # "our start ... our end": the middle is PyYAML's own words, which change between versions
        start, _, end = text.partition(" ... ")
        assert got_text.startswith(start) and got_text.endswith(end), got_text


def test_problem_prints_as_path_line_col() -> None:
    with pytest.raises(PackError) as caught:
        load_pack(FIXTURES / "bad" / "format-two.yaml")
    assert str(caught.value.first).startswith(
        f"{FIXTURES / 'bad' / 'format-two.yaml'}:2:9: error: "
    )


def test_good_pack_reads_scalars_as_written() -> None:
    pack = load_pack(FIXTURES / "good" / "mini.yaml")
    lens, real, director, months = pack.questions
    assert lens.answer == "10" and lens.distractors == ("12", "no", "1.10")
    assert lens.difficulty is Difficulty.EASY and lens.category == "cinematography"
    assert lens.source is not None and lens.source.highlight == "10"
    assert real.type is QuestionType.TRUE_FALSE and real.answer is True
    assert director.type is QuestionType.TEXT and director.accept == ("Gagne", "Gagné")
    assert months.answer == 5.0 and months.tolerance == 1.0 and months.unit == "months"
    assert months.answer_text == "5 months"
    assert pack.source("notes") is not None and pack.source("notes").published == "2025-03-03"


def test_norway_problem_is_gone() -> None:
    text = MINIMAL.replace('answer: "A", distractors: ["B"]', "answer: no, distractors: [yes, off]")
    question = load_pack_bytes(text.encode()).questions[0]
    assert question.answer == "no" and question.distractors == ("yes", "off")


@pytest.mark.parametrize(
    ("written", "expected"), [("yes", True), ("No", False), ("TRUE", True), ('"false"', False)]
)
def test_true_false_answers_accept_words_in_any_case(written: str, expected: bool) -> None:
    text = f"format: 1\nid: p\ntitle: T\nquestions:\n  - {{id: q, type: true-false, prompt: P, answer: {written}}}\n"
    assert load_pack_bytes(text.encode()).questions[0].answer is expected


def test_bom_and_crlf_are_fine() -> None:
    data = b"\xef\xbb\xbf" + MINIMAL.replace("\n", "\r\n").encode()
    assert load_pack_bytes(data).id == "p"


def test_non_utf8_bytes_name_their_line_and_column() -> None:
    data = MINIMAL.replace('title: "T"', 'title: "caf\xe9"').encode("latin-1")
    [(line, col, message)] = problems_of(data)
    assert (line, col) == (3, 12) and "not UTF-8" in message


def test_binary_file_is_refused() -> None:
    [(line, col, message)] = problems_of(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert (line, col) == (3, 1) and "binary" in message


def test_file_over_16_mib_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * (20 * 2**20) + b"\n" + MINIMAL.encode())
    started = time.perf_counter()
    [(line, col, message)] = problems_of(big)
    assert (line, col) == (1, 1) and "16 MiB" in message
    assert big.stat().st_size > MAX_BYTES
    assert time.perf_counter() - started < 5  # refused, not parsed: a generous bound


DEEP = {"flow-list": "[" * 30000, "block-list": "- " * 30000 + "x", "flow-map": "{a: " * 30000}


@pytest.mark.parametrize("nesting", DEEP.values(), ids=DEEP.keys())
def test_deep_nesting_is_a_problem_not_a_crash(nesting: str) -> None:
    # Our depth guard or libyaml's own nesting limit (newer PyYAML) may refuse it first;
    # either way: one problem, one line, pointing at an opener past our limit, not at 1:1.
    [(line, col, message)] = problems_of(nesting.encode())
    assert line == 1 and MAX_DEPTH < col <= len(nesting) and nesting[col - 1] in "[-{"
    assert message.strip() and "\n" not in message


UNCLOSED = {
    "list": (MINIMAL.replace("questions:\n  - {", "questions: [\n  {"), (4, 12)),
    "mapping": (MINIMAL.replace('["B"]}', '["B"]'), (5, 5)),
    "quote": (MINIMAL.replace('["B"]}', '["B]}'), (5, 53)),
}


@pytest.mark.parametrize(("text", "opened_at"), UNCLOSED.values(), ids=UNCLOSED.keys())
def test_an_unclosed_bracket_or_quote_is_reported_where_it_opens(
    text: str, opened_at: tuple[int, int]
) -> None:
    # The parser only notices at the end of the file; the player needs the opening spot.
    [(line, col, message)] = problems_of(text.encode())
    assert (line, col) == opened_at, message
    assert message.startswith("YAML syntax error: ") and message.endswith("at this spot")
    for unterminated in (text.rstrip("\n"), text + "\n# a comment after\n"):
        assert [got[:2] for got in problems_of(unterminated.encode())] == [opened_at]


def test_alias_bomb_is_refused_without_expanding() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    got = problems_of("\n".join(lines).encode())
    assert sum("alias" in message for _, _, message in got) == 81
    assert any("anchor" in message for _, _, message in got)


def test_unreadable_path_is_a_problem(tmp_path: Path) -> None:
    [(line, col, message)] = problems_of(tmp_path / "missing.yaml")
    assert (line, col) == (1, 1) and "cannot read" in message


def test_every_problem_in_a_file_is_reported() -> None:
    text = (
        "format: 3\nid: Bad\ntitle: ''\nquestions:\n"
        "  - {id: q, prompt: P, answer: A, distractors: [A]}\n"
        "  - {id: q, type: number, prompt: P, answer: x}\n"
    )
    got = problems_of(text.encode())
    assert [(line, col) for line, col, _ in got] == [
        (1, 9),
        (2, 5),
        (3, 8),
        (5, 49),
        (6, 10),
        (6, 46),
    ]
