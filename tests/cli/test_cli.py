"""The command line's own parsing: --data-dir before or after the command, and help."""

from __future__ import annotations

import argparse

import pytest

import quiz.cli
from quiz.cli import build_parser, main
from quiz.commands.arguments import COMMANDS

# The fewest arguments each command accepts, so --data-dir can be placed around them.
MINIMAL = {
    "play": [],
    "check": ["x.yaml"],
    "schema": [],
    "packs": [],
    "new": ["x.yaml"],
    "import": ["opentdb", "x.json", "-o", "x.yaml"],
    "stats": [],
    "review": [],
}


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


def test_a_commands_help_is_its_own(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: quiz play ") and "--seed S" in out


def test_a_misspelled_command_is_told_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plya"]) == 2
    error = capsys.readouterr().err
    assert "'plya'" in error and all(f"'{name}'" in error for name in COMMANDS)
