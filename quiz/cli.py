"""Command-line entry: parses arguments and hands each subcommand to its own module."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Each subcommand's arguments are declared in quiz/commands/arguments.py, which imports
# only argparse, and its `run(args) -> int` lives in quiz/commands/<module>.py. Only the
# module of the command being run is imported: that keeps `quiz check` from importing the
# Textual UI, and `quiz play` from importing the rest.
from quiz.commands.arguments import COMMANDS


class UsageError(Exception):
    """The command line itself is wrong (exit 2)."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line, not a usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: error: {message} (see '{self.prog} --help')")


def _add_data_dir(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="where history and settings are kept (default: QUIZ_DATA_DIR or the user data dir)",
    )


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser, with `command`'s own arguments; no command's module is imported.

    With no command (or one misspelled) every command is listed, with its help line, so
    `quiz --help` shows them all and a wrong name gets the list to choose from. A known
    command gets its own subparser alone: argparse builds each subparser eagerly, and
    building all of them would cost every run, `quiz play`'s start-up included.
    """
    parser = _Parser(
        prog="quiz",
        description="A terminal trivia game about how films and shows are made. "
        "With no command, opens the home screen.",
    )
    from quiz import __version__

    parser.add_argument("--version", action="version", version=f"quiz {__version__}")
    _add_data_dir(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, spec in COMMANDS.items():
        if command in COMMANDS and name != command:
            continue  # the others matter only to `quiz --help` and to a misspelled command
        sub = subparsers.add_parser(name, help=spec.help, description=spec.help)
        # SUPPRESS: `quiz --data-dir X stats` keeps X unless the command gives its own.
        _add_data_dir(sub, default=argparse.SUPPRESS)
        if name == command:
            spec.configure(sub)
    return parser


def _command_named(args: Sequence[str]) -> str | None:
    """The subcommand in args: the first word that is not an option or --data-dir's value.

    None when -h or --help comes first: `quiz --help play` is the help for quiz.
    """
    words = iter(args)
    for word in words:
        if word == "--data-dir":
            next(words, None)
        elif word in ("-h", "--help"):
            return None
        elif not word.startswith("-"):
            return word
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the quiz command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser(_command_named(args_list)).parse_args(args_list)
    except UsageError as error:
        print(error, file=sys.stderr)
        return 2
    except SystemExit as done:  # --help and --version exit through argparse
        return int(done.code or 0)
    module_name = COMMANDS[args.command].module if args.command else "home"
    try:
        return int(importlib.import_module(f"quiz.commands.{module_name}").run(args) or 0)
    except KeyboardInterrupt:
        return 130
