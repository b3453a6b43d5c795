"""The command line's own parsing: global options anywhere, help, usage errors, imports."""

from __future__ import annotations

import argparse
import ast
import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import quiz.cli
from quiz.cli import build_parser, main
from quiz.commands.arguments import COMMANDS
from quiz.packs.model import Difficulty

REPO = Path(__file__).parent.parent.parent
MINI = REPO / "tests" / "fixtures" / "good" / "mini.yaml"

# The fewest arguments each command accepts, so --data-dir can be placed around them.
MINIMAL = {
    "play": [],
    "serve": [],
    "check": ["x.yaml"],
    "schema": [],
    "packs": [],
    "new": ["x.yaml"],
    "import": ["opentdb", "x.json", "-o", "x.yaml"],
    "export": ["gift", "x.yaml", "-o", "x.gift"],
    "stats": [],
    "review": [],
}

# What each command's --help must offer, as the README's command-line reference documents.
DOCUMENTED = {
    "play": ["PACK", "--questions", "--category", "--difficulty", "--timer", "--seed", "--plain"],
    "serve": [
        "--host",
        "--port",
        "PACK",
        "--questions",
        "--category",
        "--difficulty",
        "--timer",
        "--seed",
    ],
    "check": ["PATH", "--strict", "--sources", "--builtin"],
    "schema": ["--output", "--force"],
    "packs": ["PATH"],
    "new": ["PATH", "--title", "--id"],
    "import": [
        "opentdb",
        "gift",
        "moodle-xml",
        "csv",
        "FILE",
        "--output",
        "--force",
        "--id",
        "--title",
    ],
    "export": ["gift", "anki", "PACK", "--output", "--force", "--missed"],
    "stats": ["--pack"],
    "review": ["PACK", "--plain"],
}


def test_every_command_is_covered_here() -> None:
    assert set(COMMANDS) == set(MINIMAL) == set(DOCUMENTED)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_a_module_that_runs_it(name: str) -> None:
    module = importlib.import_module(f"quiz.commands.{COMMANDS[name].module}")
    assert callable(module.run)


@pytest.mark.parametrize("name", list(COMMANDS))
@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("before", "top"),
        ("after the command", "sub"),
        ("after its arguments", "sub"),
        ("before and after", "sub"),
        ("nowhere", None),
    ],
)
def test_data_dir_is_kept_wherever_it_is_given(name: str, where: str, expected: str | None) -> None:
    rest = MINIMAL[name]
    argv = {
        "before": ["--data-dir", "top", name, *rest],
        "after the command": [name, "--data-dir", "sub", *rest],
        "after its arguments": [name, *rest, "--data-dir", "sub"],
        "before and after": ["--data-dir", "top", name, *rest, "--data-dir", "sub"],
        "nowhere": [name, *rest],
    }[where]
    args = build_parser().parse_args(argv)
    assert args.command == name and args.data_dir == expected


@pytest.mark.parametrize("value", ["play", "check", "-", "x=y"])
def test_a_global_options_value_is_never_taken_for_the_command(value: str) -> None:
    args = build_parser().parse_args(["--data-dir", value, "stats", "--pack", "p"])
    assert (args.command, args.data_dir, args.pack) == ("stats", value, "p")


def test_a_new_global_option_with_a_value_works_before_any_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = quiz.cli.build_parser

    def with_profile() -> argparse.ArgumentParser:
        parser = real()
        parser.add_argument("--profile", metavar="NAME")
        return parser

    ran: list[argparse.Namespace] = []
    monkeypatch.setattr(quiz.cli, "build_parser", with_profile)
    monkeypatch.setattr("quiz.commands.stats.run", lambda args: ran.append(args) or 0)
    assert main(["--profile", "check", "stats", "--pack", "p"]) == 0
    assert [(a.command, a.profile, a.pack) for a in ran] == [("stats", "check", "p")]


@pytest.mark.parametrize("argv", [["--help"], ["--help", "play"], ["-h", "stats"]])
def test_top_level_help_lists_every_command(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert all(f"    {name} " in out for name in COMMANDS)


def _squeezed(text: str) -> str:
    """Text without whitespace, so help wrapped at any width can be compared."""
    return "".join(text.split())


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_commands_help_is_its_own(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert f"quiz {name}" in out.splitlines()[0]
    words = set(out.translate(str.maketrans("[]{},", "     ")).split())
    assert set(DOCUMENTED[name] + ["--data-dir"]) <= words
    squeezed = _squeezed(out)
    assert not any(_squeezed(c.help) in squeezed for n, c in COMMANDS.items() if n != name)


def test_a_misspelled_command_is_told_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plya"]) == 2
    error = capsys.readouterr().err
    # argparse's words around them, and whether it quotes the choices, vary with Python's version.
    assert error.startswith("quiz: error: ") and error.endswith(" (see 'quiz --help')\n")
    assert error.count("\n") == 1 and "plya" in error
    assert all(re.search(rf"\b{name}\b", error) for name in COMMANDS)


@pytest.mark.parametrize(
    ("argv", "prog"),
    [
        (["--data-dir"], "quiz"),
        (["plya"], "quiz"),
        (["play", "--questions", "ten"], "quiz play"),
        (["serve", "--port", "80000"], "quiz serve"),
        (["check", "--sources"], "quiz check"),
        (["schema", "-o"], "quiz schema"),
        (["packs", "--data-dir"], "quiz packs"),
        (["new"], "quiz new"),
        (["import", "opentdb"], "quiz import"),
        (["stats", "--pack"], "quiz stats"),
        (["review", "--data-dir"], "quiz review"),
    ],
)
def test_usage_errors_are_one_line_naming_the_command(
    argv: list[str], prog: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{prog}: error: ") and lines[0].endswith(f"(see '{prog} --help')")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from quiz import __version__

    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out


@pytest.mark.parametrize("difficulty", list(Difficulty))
def test_play_takes_every_difficulty_a_pack_can_give(difficulty: Difficulty) -> None:
    args = build_parser().parse_args(["play", "--difficulty", difficulty.value])
    assert args.difficulty == [difficulty.value]


# The modules that run a command (the shared helpers, such as output, are not among them).
COMMAND_MODULES = sorted({f"quiz.commands.{each.module}" for each in COMMANDS.values()})


def _loaded(code: str, *argv: str) -> list[str]:
    """The command modules, and textual if loaded, after running code with argv."""
    report = (
        f"\nprint(sorted(m for m in sys.modules if m in {COMMAND_MODULES!r} or m == 'textual'))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("QUIZ_PACKS_PATH", None)
    done = subprocess.run(
        [sys.executable, "-c", "import sys\n" + code + report, *argv], capture_output=True,
        text=True, env=env, stdin=subprocess.DEVNULL, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return ast.literal_eval(done.stdout.splitlines()[-1])


def test_building_the_parser_imports_no_command_module() -> None:
    modules = _loaded("import quiz.cli\nquiz.cli.build_parser()")
    assert modules == []


@pytest.mark.parametrize(
    ("argv", "module"),
    [
        (["check", str(MINI)], "check"),
        (["schema"], "schema"),
        (["packs"], "packs"),
        (["stats"], "stats"),
        (["--help"], None),
    ],
)
def test_a_command_imports_its_own_module_alone_and_no_textual(
    argv: list[str], module: str | None
) -> None:
    modules = _loaded("from quiz.cli import main\nassert main(sys.argv[1:]) == 0", *argv)
    assert modules == ([f"quiz.commands.{module}"] if module else [])


def test_export_imports_its_own_module_alone_and_no_textual(tmp_path: Path) -> None:
    argv = ["export", "anki", str(MINI), "-o", str(tmp_path / "deck.txt")]
    modules = _loaded("from quiz.cli import main\nassert main(sys.argv[1:]) == 0", *argv)
    assert modules == ["quiz.commands.export"]


def test_play_imports_no_other_command_module() -> None:
    code = (
        "import quiz.ui.app as ui\n"
        "ui.QuizApp.run = lambda self: None\n"  # stands in for the TUI
        "from quiz.cli import main\n"
        "assert main(sys.argv[1:]) == 0"
    )
    modules = _loaded(code, "play", "--no-plain", str(MINI))
    assert modules == ["quiz.commands.play", "textual"]
