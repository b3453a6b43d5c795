"""The command line's own parsing: --data-dir before or after the command, and help."""

from __future__ import annotations

import re

import pytest

from quiz.cli import COMMANDS, _command_named, build_parser, main


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--data-dir", "top", "stats"], "top"),
        (["stats", "--data-dir", "sub"], "sub"),
        (["--data-dir", "top", "stats", "--data-dir", "sub"], "sub"),
        (["stats"], None),
    ],
)
def test_data_dir_is_kept_wherever_it_is_given(argv: list[str], expected: str | None) -> None:
    args = build_parser(_command_named(argv)).parse_args(argv)
    assert args.command == "stats" and args.data_dir == expected


def test_the_command_is_found_past_top_level_options() -> None:
    assert _command_named(["--data-dir", "play", "check", "x.yaml"]) == "check"
    assert _command_named(["--version"]) is None


@pytest.mark.parametrize("argv", [["--help"], ["--help", "play"], ["-h", "stats"]])
def test_top_level_help_lists_every_command(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert all(f"    {name} " in out for name in COMMANDS)


def test_a_commands_help_is_its_own(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: quiz play ") and "--seed S" in out


def test_a_misspelled_command_is_told_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plya"]) == 2
    error = capsys.readouterr().err
    # argparse's words around them, and whether it quotes the choices, vary with Python's version.
    assert error.startswith("quiz: error: ") and error.endswith(" (see 'quiz --help')\n")
    assert error.count("\n") == 1 and "plya" in error
    assert all(re.search(rf"\b{name}\b", error) for name in COMMANDS)
