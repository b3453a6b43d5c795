"""Where and how the loader reports a key left without a value, or a ref to no source."""

from __future__ import annotations

import pytest

from quiz.packs.loader import load_pack_bytes
from quiz.packs.problems import PackError, Problem
from quiz.packs.questions import MAX_REFS_SHOWN


def problems(text: str) -> list[Problem]:
    with pytest.raises(PackError) as caught:
        load_pack_bytes(text.encode(), "p.yaml")
    return caught.value.problems


def pack_citing(ref: str, source_ids: list[str]) -> str:
    sources = "".join(f"  - {{id: {name}, title: T}}\n" for name in source_ids)
    return (
        f"format: 1\nid: p\ntitle: T\nsources:\n{sources}questions:\n"
        f"  - id: q\n    prompt: P\n    answer: A\n    distractors: [B]\n"
        f"    source: {{ref: {ref}, excerpt: E}}\n"
    )


def test_an_unknown_ref_among_ten_thousand_sources_names_a_handful() -> None:
    ids = [f"source-{n:05d}" for n in range(10_000)]
    (problem,) = problems(pack_citing("missing", ids))
    assert "missing" in problem.message
    named = [name for name in ids if name in problem.message]
    assert 1 <= len(named) <= MAX_REFS_SHOWN
    assert f"{10_000 - len(named):,} more" in problem.message
    assert len(str(problem)) < 400


def test_an_unknown_ref_lists_a_near_spelling_first() -> None:
    ids = ["archive", "article", "book", "diary", "essay", "film", "interview", "letter"]
    (problem,) = problems(pack_citing("intervew", ids))
    known = problem.message.split("(known: ")[1]
    assert known.startswith("interview")
    assert "3 more" in known  # five of eight shown


def test_a_small_pack_lists_every_source() -> None:
    (problem,) = problems(pack_citing("nope", ["alpha", "beta"]))
    assert "alpha" in problem.message and "beta" in problem.message
    assert "more" not in problem.message


QUESTION = {
    "id": "id: q",
    "prompt": "prompt: P",
    "answer": "answer: A",
    "distractors": "distractors: [B]",
}


def question_with(key: str, written: str) -> str:
    """A pack whose one question has `written` in place of its `key` line (line 6)."""
    lines = [written if name == key else line for name, line in QUESTION.items()]
    body = "\n    ".join(lines)
    return f"format: 1\nid: p\ntitle: T\nquestions:\n  - source: null\n    {body}\n"


@pytest.mark.parametrize(
    ("key", "written"),
    [
        ("prompt", "prompt:"),
        ("prompt", "prompt: ~"),
        ("answer", "answer: NULL"),
        ("answer", "answer: ~"),
        ("answer", "answer: null"),
        ("answer", "answer:"),
        ("id", "id:"),
        ("distractors", "distractors:"),
    ],
)
def test_a_required_key_with_no_value_is_empty_at_its_own_place(key: str, written: str) -> None:
    line = 6 + list(QUESTION).index(key)
    (problem,) = problems(question_with(key, written))
    assert (problem.line, problem.column) == (line, 5)
    assert f"'{key}' is empty" in problem.message


@pytest.mark.parametrize(
    ("text", "line", "column", "key"),
    [
        ("format:\nid: p\ntitle: T\nquestions: [{id: q, prompt: P, answer: A, distractors: [B]}]\n",
         1, 1, "format"),
        ("format: 1\nid: p\ntitle:\nquestions: [{id: q, prompt: P, answer: A, distractors: [B]}]\n",
         3, 1, "title"),
        ("format: 1\nid: p\ntitle: T\nquestions:\n", 4, 1, "questions"),
        ("format: 1\nid: p\ntitle: T\nsources:\n  - id: s\n    title: ~\n"
         "questions: [{id: q, prompt: P, answer: A, distractors: [B]}]\n", 6, 5, "title"),
        ("format: 1\nid: p\ntitle: T\nsources: [{id: s, title: S}]\nquestions:\n"
         "  - {id: q, prompt: P, answer: A, distractors: [B]}\n"
         "  - id: r\n    prompt: P\n    answer: A\n    distractors: [B]\n"
         "    source:\n      ref: s\n      excerpt:\n", 13, 7, "excerpt"),
    ],
)  # fmt: skip
def test_pack_and_source_keys_with_no_value_are_empty_at_their_own_place(
    text: str, line: int, column: int, key: str
) -> None:
    (problem,) = problems(text)
    assert (problem.line, problem.column) == (line, column)
    assert f"'{key}' is empty" in problem.message


def test_an_optional_key_with_no_value_counts_as_not_given() -> None:
    pack = load_pack_bytes(
        b"format: 1\nid: p\ntitle: T\ndescription:\nquestions:\n"
        b"  - {id: q, prompt: P, answer: A, distractors: [B], category: ~}\n"
    )
    assert pack.description is None and pack.questions[0].category is None
