"""Hostile input found in review: each must be a clear problem at its place, never a crash."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.packs.loader import load_pack, load_pack_bytes
from quiz.packs.problems import PackError, Problem
from quiz.packs.provenance import check_excerpts

HEAD = "format: 1\nid: p\ntitle: T\n"


def problems(text: str | bytes) -> list[tuple[int, int, str]]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(PackError) as caught:
        load_pack_bytes(data, "p.yaml")
    return [(p.line, p.column, p.message) for p in caught.value.problems]


@pytest.mark.parametrize("number", ["1e400", "-1e999", "9" * 400 + ".5e9999"])
def test_a_number_too_big_to_be_finite_is_a_problem(number: str) -> None:
    text = HEAD + f"questions:\n  - {{id: q, type: number, prompt: P, answer: {number}}}\n"
    [(line, col, message)] = problems(text)
    assert (line, col) == (5, 46) and "must be a number" in message


def test_control_characters_are_refused_wherever_text_goes() -> None:
    text = (
        'format: 1\nid: p\ntitle: "T\\e]0;PWNED\\a"\nquestions:\n'
        '  - {id: q, prompt: "P\\e[2J", answer: A, distractors: ["B\\x9b"]}\n'
    )
    got = problems(text)
    assert [(line, col) for line, col, _ in got] == [(3, 8), (5, 21), (5, 56)]
    assert all("control character" in message for _, _, message in got)
    assert "U+001B" in got[0][2] and "U+009B" in got[2][2]


def test_tabs_and_newlines_in_text_are_fine() -> None:
    text = HEAD.replace("title: T", 'title: "Two\\tcolumns\\nand lines"') + (
        "questions:\n  - {id: q, prompt: P, answer: A, distractors: [B]}\n"
    )
    assert load_pack_bytes(text.encode()).title == "Two\tcolumns\nand lines"


def test_messages_never_print_control_characters() -> None:
    assert str(Problem("p.yaml", 1, 2, "unknown key '\x1b[31m'")) == (
        "p.yaml:1:2: error: unknown key '\\x1b[31m'"
    )


def test_columns_count_characters_not_bytes() -> None:
    [(line, col, message)] = problems(HEAD.replace("title: T", 'title: "日本語\x07"'))
    assert (line, col) == (3, 12) and "U+0007" in message
    data = b'format: 1\nid: p\ntitle: "' + "日本".encode() + b'\xff"\n'
    [(line, col, message)] = problems(data)
    assert (line, col) == (3, 11) and "not UTF-8" in message


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_device_or_fifo_is_refused_without_reading_it(special: str, tmp_path: Path) -> None:
    path = Path(special)
    if special == "fifo":
        path = tmp_path / "pack.yaml"
        os.mkfifo(path)
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert "not a regular file" in caught.value.first.message


@pytest.mark.parametrize("name", ["../outside.txt", "/etc/hostname", "a/../../b.txt", "C:/x.txt"])
def test_a_source_file_cannot_point_out_of_the_sources_folder(name: str) -> None:
    text = (
        HEAD
        + f'sources:\n  - {{id: s, title: S, file: "{name}"}}\n'
        + ("questions:\n  - {id: q, prompt: P, answer: A, distractors: [B]}\n")
    )
    [(line, col, message)] = problems(text)
    assert (line, col) == (5, 29) and "inside the sources folder" in message


def test_a_source_file_may_sit_in_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("The answer is A.")
    text = (
        HEAD
        + 'sources:\n  - {id: s, title: S, file: "articles/a.txt"}\n'
        + (
            "questions:\n  - {id: q, prompt: P, answer: A, distractors: [B],"
            ' source: {ref: s, excerpt: "answer is A"}}\n'
        )
    )
    assert check_excerpts(load_pack_bytes(text.encode(), "p.yaml"), tmp_path) == []


@pytest.mark.parametrize("excerpt", ["…", "... ...", " ... "])
def test_an_excerpt_of_only_ellipses_is_a_problem(excerpt: str) -> None:
    text = (
        HEAD
        + "sources:\n  - {id: s, title: S}\n"
        + (
            "questions:\n  - {id: q, prompt: P, answer: A, distractors: [B],"
            f' source: {{ref: s, excerpt: "{excerpt}"}}}}\n'
        )
    )
    [(_, _, message)] = problems(text)
    assert "no words besides its ellipses" in message


def test_a_source_document_that_is_not_a_regular_file_is_a_problem(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "doc.txt")
    text = (
        HEAD
        + 'sources:\n  - {id: s, title: S, file: "doc.txt"}\n'
        + (
            'questions:\n  - {id: q, prompt: P, answer: A, distractors: [B], source: {ref: s, excerpt: "A"}}\n'
        )
    )
    [problem] = check_excerpts(load_pack_bytes(text.encode(), "p.yaml"), tmp_path)
    assert "not a regular file" in problem.message


def test_check_counts_in_words_and_refuses_an_empty_folder(tmp_path: Path, capsys) -> None:
    (tmp_path / "one.yaml").write_text(
        HEAD + "questions:\n  - {id: q, prompt: P, answer: A, distractors: [B]}\n"
    )
    assert main(["check", str(tmp_path / "one.yaml")]) == 0
    assert capsys.readouterr().out == "1 pack, 1 question, 0 problems\n"
    (tmp_path / "empty").mkdir()
    assert main(["check", str(tmp_path / "empty")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no *.yaml or *.yml packs in the folder" in err


def test_schema_to_an_unwritable_path_is_one_line(tmp_path: Path, capsys) -> None:
    assert main(["schema", "-o", str(tmp_path / "missing" / "schema.json")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write" in err
