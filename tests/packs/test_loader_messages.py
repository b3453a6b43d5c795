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
