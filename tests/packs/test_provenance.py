"""Excerpt checks: verbatim up to quotes, dashes, NFKC and spacing; ellipses join fragments."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.packs.loader import load_pack_bytes
from quiz.packs.provenance import Documents, check_excerpts, fold, fragments, missing_fragment

DOCUMENT = "“There’s no CGI in it. It’s all real,” she said — and\n  the rig   was huge. The ﬁnal cut came later."


@pytest.mark.parametrize(
    "excerpt",
    [
        "\"There's no CGI in it. It's all real,\" she said - and the rig was huge.",
        "“There’s no CGI in it.",
        "the rig was huge",
        "There’s no CGI … the rig was huge",
        "There's no CGI... The final cut",  # NFKC folds the ligature
    ],
)
def test_excerpts_that_are_verbatim_after_folding(excerpt: str) -> None:
    assert missing_fragment(excerpt, DOCUMENT) is None


@pytest.mark.parametrize(
    ("excerpt", "missing"),
    [
        ("there's no CGI", "there's no CGI"),  # case is not folded
        ("the rig was huge ... There's no CGI", "There's no CGI"),  # fragments keep their order
        ("It was all real", "It was all real"),
        ("no CGI in it; it's", "no CGI in it; it's"),  # punctuation is not folded
    ],
)
def test_excerpts_that_are_not_verbatim(excerpt: str, missing: str) -> None:
    assert missing_fragment(excerpt, DOCUMENT) == missing


def test_fold_and_fragments() -> None:
    assert fold("a\u2014b \u2013 c\n\t d") == "a-b - c d"
    assert fragments("one … two...three") == ["one", "two", "three"]


def _pack(excerpt: str, file: str = "doc.txt") -> bytes:
    return (
        f'format: 1\nid: p\ntitle: T\nsources:\n  - {{id: art, title: A, file: "{file}"}}\n'
        f"questions:\n  - id: q\n    prompt: P\n    answer: A\n    distractors: [B]\n"
        f'    source:\n      ref: art\n      excerpt: "{excerpt}"\n'
    ).encode()


def test_check_excerpts_reports_at_the_excerpt(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(DOCUMENT, encoding="utf-8")
    assert check_excerpts(load_pack_bytes(_pack("the rig was huge"), "p.yaml"), tmp_path) == []
    [problem] = check_excerpts(load_pack_bytes(_pack("the rig was tiny"), "p.yaml"), tmp_path)
    assert (problem.line, problem.column) == (13, 16)
    assert "not verbatim in doc.txt" in problem.message and "'the rig was tiny'" in problem.message


def test_missing_source_file_is_a_problem_at_the_source(tmp_path: Path) -> None:
    [problem] = check_excerpts(load_pack_bytes(_pack("x", file="gone.txt"), "p.yaml"), tmp_path)
    assert (problem.line, problem.column) == (5, 5)
    assert "'gone.txt'" in problem.message and "not in" in problem.message


def test_a_document_is_folded_once_however_many_questions_and_packs_cite_it(
    tmp_path: Path,
) -> None:
    (tmp_path / "doc.txt").write_text(DOCUMENT, encoding="utf-8")
    (tmp_path / "other.txt").write_text("The final cut came later.", encoding="utf-8")
    folded: list[str] = []

    def counting_fold(text: str) -> str:
        folded.append(text)
        return fold(text)

    documents = Documents(tmp_path, fold=counting_fold)
    questions = "".join(
        f"  - id: q{n}\n    prompt: P\n    answer: A\n    distractors: [B]\n"
        f"    source: {{ref: {'art' if n % 2 else 'two'}, excerpt: "
        f'"{"the rig was huge" if n % 2 else "The final cut"}"}}\n'
        for n in range(50)
    )
    pack = (
        "format: 1\nid: p\ntitle: T\nsources:\n  - {id: art, title: A, file: doc.txt}\n"
        "  - {id: two, title: B, file: other.txt}\n  - {id: again, title: C, file: doc.txt}\n"
        f"questions:\n{questions}"
    ).encode()
    for _ in range(3):  # three packs of one run
        assert check_excerpts(load_pack_bytes(pack, "p.yaml"), documents) == []
    assert sorted(folded) == sorted([DOCUMENT, "The final cut came later."])


def test_a_shared_run_still_reports_each_source_and_excerpt(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(DOCUMENT, encoding="utf-8")
    documents = Documents(tmp_path)
    for _ in range(2):
        [problem] = check_excerpts(load_pack_bytes(_pack("the rig was tiny"), "p.yaml"), documents)
        assert (problem.line, problem.column) == (13, 16)
        [problem] = check_excerpts(load_pack_bytes(_pack("x", "gone.txt"), "p.yaml"), documents)
        assert (problem.line, problem.column) == (5, 5) and "'gone.txt'" in problem.message


_FOLDED = (
    "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2013\u2014\u2026\ufb01\u00a0\u2028\x1c\x85"
)


@given(st.text(alphabet=st.one_of(st.sampled_from(_FOLDED + " \t\n."), st.characters())))
def test_fold_is_the_rule_it_replaced(text: str) -> None:
    """The regex and str.translate it was written with first, a character at a time."""
    table = str.maketrans(
        dict.fromkeys("\u2018\u2019\u201a\u201b", "'")
        | dict.fromkeys("\u201c\u201d\u201e\u201f", '"')
        | dict.fromkeys("\u2013\u2014", "-")
    )
    expected = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text.translate(table))).strip()
    assert fold(text) == expected


def _check(tmp_path: Path, excerpt: str, exact: bool) -> list:
    (tmp_path / "doc.txt").write_text(DOCUMENT, encoding="utf-8")
    return check_excerpts(load_pack_bytes(_pack(excerpt), "p.yaml"), tmp_path, exact=exact)


@pytest.mark.parametrize(
    "excerpt",
    [
        "“There’s no CGI in it. It’s all real,” she said — and the rig was huge.",
        "the rig   was huge",  # white space runs may differ
        "There’s no CGI … the rig was huge",  # an ellipsis joins fragments
        "There’s no CGI... The ﬁnal cut",
    ],
)
def test_an_excerpt_as_published_passes_the_exact_check(tmp_path: Path, excerpt: str) -> None:
    assert _check(tmp_path, excerpt, exact=True) == []


def test_an_excerpt_found_only_folded_fails_exact_and_shows_the_text_to_paste(
    tmp_path: Path,
) -> None:
    [problem] = _check(tmp_path, "There's no CGI in it. It's all real,\\\" she said - and", True)
    assert problem.severity == "error" and (problem.line, problem.column) == (13, 16)
    assert "not exactly as published in doc.txt" in problem.message
    assert problem.message.endswith(
        'the source has: "There’s no CGI in it. It’s all real,” she said — and"'
    )


def test_the_text_to_paste_joins_fragments(tmp_path: Path) -> None:
    [problem] = _check(tmp_path, "There's no CGI ... the rig was huge", exact=True)
    assert problem.message.endswith('the source has: "There’s no CGI … the rig was huge"')


def test_a_compatibility_form_is_an_error_that_asks_for_the_exact_characters(
    tmp_path: Path,
) -> None:
    [problem] = _check(tmp_path, "There’s no CGI ... The final cut", exact=True)
    assert problem.message.endswith("copy the characters exactly from the source")


def test_without_strict_a_folded_match_passes_with_a_note(tmp_path: Path) -> None:
    [note] = _check(tmp_path, "There's no CGI in it.", exact=False)
    assert note.severity == "note" and "--strict" in note.message
    assert str(note).startswith("p.yaml:13:16: note: ")
    assert _check(tmp_path, "There’s no CGI in it.", exact=False) == []


def test_a_text_missing_even_folded_is_an_error_either_way(tmp_path: Path) -> None:
    for exact in (False, True):
        [problem] = _check(tmp_path, "There's no CGI at all", exact)
        assert problem.severity == "error" and "not verbatim" in problem.message


def test_an_exact_copy_later_in_the_document_counts(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text('“Run,” he said. Later: "Run," he said.', encoding="utf-8")
    pack = load_pack_bytes(_pack('\\"Run,\\" he said.'), "p.yaml")
    assert check_excerpts(pack, tmp_path, exact=True) == []


def test_a_ligature_earlier_in_the_document_does_not_shift_the_comparison(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("The \ufb01nal \ufb01lm: “Run,” he said.", encoding="utf-8")
    exact = load_pack_bytes(_pack("“Run,” he said."), "p.yaml")
    assert check_excerpts(exact, tmp_path, exact=False) == []  # no note: it is as published
    folded = load_pack_bytes(_pack('\\"Run,\\" he said.'), "p.yaml")
    [note] = check_excerpts(folded, tmp_path, exact=False)
    assert note.severity == "note"
    [problem] = check_excerpts(folded, tmp_path, exact=True)
    assert problem.message.endswith('the source has: "“Run,” he said."')
