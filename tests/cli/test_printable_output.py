"""Every CLI line that shows a file name, a path or pack text shows it printable: one line,
with terminal escapes and bidi overrides written out, never acted on."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.cli import main

# An escape that clears the screen, a right-to-left override, and a line break.
EVIL = "\x1b[2J\u202e\n"
SHOWN = "\\x1b[2J\\u202e\\n"
# What must never reach the terminal raw (defined here, apart from quiz's own list).
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

GOOD = (
    'format: 1\nid: evil\ntitle: "Title \\u202e gnp.exe"\n'
    'questions:\n  - {id: q, prompt: "P", answer: "A", distractors: ["B"]}\n'
)
BAD = 'format: 1\nid: evil\ntitle: "T"\nquestions:\n  - {id: q, promt: "P"}\n'


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def pack(tmp: Path, text: str = GOOD) -> str:
    return str(write(tmp / f"pack{EVIL}.yaml", text))


def opentdb(tmp: Path) -> str:
    results = [
        {
            "type": "multiple",
            "question": f"Which {EVIL}?",
            "correct_answer": "A",
            "incorrect_answers": ["a"],
        },  # fmt: skip
        {"type": "multiple", "question": "Q?", "correct_answer": "A", "incorrect_answers": ["B"]},
    ]
    return str(write(tmp / f"r{EVIL}.json", json.dumps({"response_code": 0, "results": results})))


def folder(tmp: Path) -> str:
    (tmp / EVIL).mkdir()
    return str(tmp / EVIL)


def garbage_history(tmp: Path) -> str:
    folder = tmp / f"data{EVIL}"
    folder.mkdir()
    (folder / "quiz.db").write_bytes(b"\x00garbage" * 500)
    return str(folder)


TITLE = "Title \\u202e gnp.exe"  # the title as printed: a bidi override is allowed in packs

# Each case: the command line, and what its output must show in place of the raw text.
CASES: dict[str, tuple[Callable[[Path], list[str]], str]] = {
    "check: no such file": (lambda t: ["check", str(t / f"no{EVIL}.yaml")], SHOWN),
    "check: problems at a path": (lambda t: ["check", pack(t, BAD)], SHOWN),
    "check: a folder with no packs": (lambda t: ["check", folder(t)], SHOWN),
    "play: no such pack file": (lambda t: ["play", str(t / f"no{EVIL}.yaml")], SHOWN),
    "play: problems at a path": (lambda t: ["play", pack(t, BAD)], SHOWN),
    "play: a folder with no packs": (lambda t: ["play", folder(t)], SHOWN),
    "play: a bad option value": (lambda t: ["play", "--difficulty", EVIL], "\\u202e"),
    "packs: a listed pack's title": (lambda t: ["packs", pack(t)], TITLE),
    "packs: a listed pack's path": (lambda t: ["packs", pack(t)], SHOWN),
    "packs: an invalid pack's path": (lambda t: ["packs", pack(t, BAD)], SHOWN),
    "packs: no such path": (lambda t: ["packs", str(t / f"no{EVIL}")], SHOWN),
    "packs: the data folder": (lambda t: ["packs", "--data-dir", str(t / EVIL)], SHOWN),
    "review: no such file": (lambda t: ["review", str(t / f"no{EVIL}.yaml")], SHOWN),
    "review: problems at a path": (lambda t: ["review", pack(t, BAD)], SHOWN),
    "review: nothing due in a titled pack": (lambda t: ["review", pack(t)], TITLE),
    "review: a history moved aside": (
        lambda t: ["review", pack(t), "--data-dir", garbage_history(t)],
        SHOWN,
    ),
    "stats: a pack id with no games": (lambda t: ["stats", "--pack", EVIL], SHOWN),
    "stats: a history moved aside": (lambda t: ["stats", "--data-dir", garbage_history(t)], SHOWN),
    "new: the paths written": (lambda t: ["new", str(t / EVIL / "p.yaml")], SHOWN),
    "new: a name that is not a pack": (lambda t: ["new", str(t / f"p{EVIL}.txt")], SHOWN),
    "import: no such file": (
        lambda t: ["import", "opentdb", str(t / f"no{EVIL}"), "-o", "o.yaml"],
        SHOWN,
    ),
    "import: a note on a skipped entry": (
        lambda t: ["import", "opentdb", opentdb(t), "-o", str(t / "out.yaml")],
        "Which  [2J\\u202e",  # the importer made ESC a space
    ),
    "import: the path written": (
        lambda t: ["import", "opentdb", opentdb(t), "-o", str(t / f"out{EVIL}.yaml")],
        SHOWN,
    ),
    "schema: cannot write": (lambda t: ["schema", "-o", str(t / f"no{EVIL}" / "s.json")], SHOWN),
}


@pytest.mark.parametrize("case", CASES)
def test_names_and_pack_text_are_printed_printable(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, fake_app
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    command, shown = CASES[case]
    main(command(tmp_path))
    out, err = capsys.readouterr()
    assert RAW.search(out + err) is None
    assert shown in out + err


def test_a_file_name_that_is_not_utf8_is_printed_not_a_crash(tmp_path: Path, capsys) -> None:
    name = str(tmp_path / "no-\udcff.yaml")  # how Python holds the byte 0xff of a file name
    assert main(["play", name]) == 1
    assert "no-\\udcff.yaml" in capsys.readouterr().err
