"""`quiz check` from the outside: output lines, summary and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.cli import main

FIXTURES = Path(__file__).parent.parent / "fixtures"
GOOD = FIXTURES / "good" / "mini.yaml"
BAD = FIXTURES / "bad"
REPO = Path(__file__).parent.parent.parent


def quiz(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m quiz` as a player would, in a subprocess."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args], capture_output=True, text=True, env=env, cwd=cwd,
        stdin=subprocess.DEVNULL, timeout=60,
    )  # fmt: skip


def test_clean_pack_exits_0_with_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(GOOD)]) == 0
    assert capsys.readouterr().out == "1 pack, 4 questions, 0 problems\n"


def test_bad_pack_exits_1_with_one_line_per_problem(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(BAD / "unknown-key.yaml")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert (
        lines[0]
        == f"{BAD / 'unknown-key.yaml'}:7:5: error: this question is missing 'prompt'; add it"
    )
    assert lines[1].startswith(f"{BAD / 'unknown-key.yaml'}:8:5: error: unknown key 'promt'")
    assert lines[-1] == "1 pack, 0 questions, 2 problems"


def test_a_folder_is_every_pack_in_it_not_recursive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.yaml").write_bytes(GOOD.read_bytes())
    (tmp_path / "b.yml").write_bytes(GOOD.read_bytes())
    (tmp_path / "notes.txt").write_text("not a pack")
    (tmp_path / "deeper").mkdir()
    (tmp_path / "deeper" / "c.yaml").write_text("broken: [")
    assert main(["check", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "2 packs, 8 questions, 0 problems\n"


def test_strict_requires_every_question_to_cite_a_source(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "--strict", str(GOOD)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (f"{GOOD}:32:5: error: question 'director' cites no source; --strict needs a "
                      "source with ref and excerpt on every question")  # fmt: skip
    assert out[1].startswith(f"{GOOD}:38:5: error: question 'months' cites no source")
    assert out[-1] == "1 pack, 4 questions, 2 problems"


def test_sources_checks_excerpts_against_the_named_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--sources", str(GOOD.parent), str(GOOD)]) == 0
    out = capsys.readouterr().out.splitlines()
    # The fixture quotes with straight quotes and dashes: it passes, with a note for each.
    assert out[0].startswith(f"{GOOD}:20:16: note: excerpt of question 'lens' matches notes.txt")
    assert out[-1] == "1 pack, 4 questions, 0 problems, 2 notes"
    assert main(["check", "--strict", "--sources", str(GOOD.parent), str(GOOD)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"{GOOD}:20:16: error: excerpt of question 'lens' is not exactly as published in "
        'notes.txt: quotes, dashes or Unicode forms differ; the source has: "We used the '
        '\\"10\\" lens - always … it was ours."'
    )
    (tmp_path / "notes.txt").write_text("Something else entirely.\nIt's all real.\n")
    assert main(["check", "--sources", str(tmp_path), str(GOOD)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(
        f"{GOOD}:20:16: error: excerpt of question 'lens' is not verbatim in notes.txt"
    )


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["check"], "give at least one PATH"),
        (["check", "/no/such/pack.yaml"], "no such file or folder: /no/such/pack.yaml"),
        (["check", "--frobnicate", str(GOOD)], "--frobnicate"),
        (["check", "--sources", "/no/such/dir", str(GOOD)], "is not a folder"),
        (["frobnicate"], "frobnicate"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    args: list[str], reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and reason in err and "--help" in err


@pytest.mark.parametrize(
    "name", ["anchor-alias.yaml", "tag.yaml", "deep-nesting.yaml", "empty.yaml", "tab.yaml"]
)
def test_hostile_packs_never_give_a_traceback(name: str) -> None:
    done = quiz("check", str(BAD / name))
    assert done.returncode == 1
    assert done.stderr == "" and "Traceback" not in done.stdout
    assert done.stdout.splitlines()[0].startswith(f"{BAD / name}:")


@pytest.mark.parametrize(
    "nesting", ["[" * 30000, "- " * 30000 + "x", "{a: " * 30000], ids=["flow", "block", "map"]
)
def test_a_pack_nested_30000_deep_exits_1_with_one_problem(nesting: str, tmp_path: Path) -> None:
    # In a subprocess: were the C parser to recurse, the crash would be a negative exit code.
    pack = tmp_path / "deep.yaml"
    pack.write_text(nesting, encoding="utf-8")
    done = quiz("check", str(pack))
    assert done.returncode == 1, (done.returncode, done.stderr[-500:])
    assert done.stderr == "" and "Traceback" not in done.stdout
    problem, summary = done.stdout.splitlines()
    assert problem.startswith(f"{pack}:1:") and ": error: " in problem
    assert summary == "1 pack, 0 questions, 1 problem"


def test_binary_and_huge_files_exit_1_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "image.yaml").write_bytes(bytes(range(256)) * 4)
    with (tmp_path / "huge.yaml").open("wb") as out:
        out.truncate(20 * 2**20)
    done = quiz("check", str(tmp_path))
    assert done.returncode == 1 and done.stderr == ""
    assert (
        f"{tmp_path / 'huge.yaml'}:1:1: error: the file is 20.0 MiB, over the 16 MiB limit"
        in done.stdout
    )
    assert f"{tmp_path / 'image.yaml'}:1:1: error: the file contains NUL bytes" in done.stdout


def test_check_does_not_import_the_ui() -> None:
    code = (
        "import sys; from quiz.cli import main; "
        f"rc = main(['check', {str(GOOD)!r}]); "
        "print(rc, sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.stdout.splitlines()[-1] == "0 []"


def test_a_sources_folder_name_too_long_for_the_system_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    too_long = str(tmp_path / ("s" * 300))
    pack = Path(__file__).parent.parent / "fixtures" / "good" / "mini.yaml"
    assert main(["check", "--sources", too_long, str(pack)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("quiz check: error: --sources ")


def test_every_field_of_a_question_with_a_problem_is_still_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "cat.yaml"
    pack.write_text(
        "format: 1\nid: cat\ntitle: T\nquestions:\n"
        "  - id: q1\n"
        '    prompt: "p\\e[1m"\n'
        "    answer: ok\n"
        "    distractors: [b, c]\n"
        '    category: "cat\\e[41m"\n'
        '    explanation: "why\\a"\n',
        encoding="utf-8",
    )
    assert main(["check", str(pack)]) == 1
    places = [line.split(": error: ")[0] for line in capsys.readouterr().out.splitlines()[:-1]]
    assert places == [f"{pack}:6:13", f"{pack}:9:15", f"{pack}:10:18"]


def test_a_source_url_the_game_will_not_open_is_a_note_and_strictly_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "links.yaml"
    pack.write_text(
        "format: 1\nid: links\ntitle: Links\nsources:\n"
        "  - id: fine\n    title: Fine\n    url: https://example.com/piece\n"
        '  - id: script\n    title: Script\n    url: "javascript:alert(1)//\\u202Etxt.exe"\n'
        "questions:\n  - id: q\n    type: text\n    prompt: Asked?\n    answer: a\n"
        "    source: {ref: script, excerpt: quoted}\n",
        encoding="utf-8",
    )
    assert main(["check", str(pack)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"{pack}:10:10: note: the url of source 'script' (javascript:alert(1)//\\u202etxt.exe) "
        "holds a space, or a control or bidi character: the game shows it as text and "
        "never opens it; give the article's http or https address, or leave url out"
    )
    assert out[-1] == "1 pack, 1 question, 0 problems, 1 note"
    assert main(["check", "--strict", str(pack)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{pack}:10:10: error: the url of source 'script'")
    assert out[-1] == "1 pack, 1 question, 1 problem"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.com/a", "is not an http or https address"),
        ("https://apple.com@evil.example/", "has a user name before the host"),
        ("https://evil.example\\\\.apple.com/", "holds a backslash"),
        ("https://apple.com%2eevil.example/", "has a host that is not plain ASCII"),
        ("https://example.com:99999/", "is not a well-formed address"),
        ("https://exa\u200bmple.com/", "holds a character that draws nothing"),
        ("https:///path", "has no host"),
        ("gopher://example.com/" + "x" * 200, "is not an http or https address"),
    ],
)
def test_check_says_why_a_url_will_not_be_opened_and_shows_it_shortened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str, reason: str
) -> None:
    pack = tmp_path / "link.yaml"
    pack.write_text(
        f'format: 1\nid: link\ntitle: Link\nsources:\n  - id: s\n    title: S\n    url: "{url}"\n'
        "questions:\n  - {id: q, type: text, prompt: Asked?, answer: a}\n",
        encoding="utf-8",
    )
    assert main(["check", str(pack)]) == 0
    [line, _] = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{pack}:7:10: note: the url of source 's' (")
    assert f") {reason}" in line and len(line) < 400
    assert "\u200b" not in line  # shown as an escape the author can find
