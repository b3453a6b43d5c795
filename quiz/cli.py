"""Command-line entry: parses arguments and hands each subcommand to its own module."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

# Each subcommand's arguments are declared in quiz/commands/arguments.py, which imports
# only argparse, and its `run(args) -> int` lives in quiz/commands/<module>.py. So the
# parser knows every command, while only the module of the command being run is imported:
# `quiz check` never imports the Textual UI, and `quiz play` none of the other commands.
from quiz.commands.arguments import COMMANDS


class UsageError(Exception):
    """The command line itself is wrong (exit 2)."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line, not a usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: error: {message} (see '{self.prog} --help')")


def _folder(value: str) -> str:
    """--data-dir's value. An empty one is refused: it would quietly mean the default
    folder, the real history, which is what a script passing "$UNSET_VAR" least wants."""
    if not value:
        raise argparse.ArgumentTypeError("needs a folder, not an empty value")
    return value


def _add_data_dir(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=_folder,
        default=default,
        help="where history and settings are kept (default: QUIZ_DATA_DIR or the user data dir)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser of the whole command line: the global options and every subcommand.

    Every subcommand is built, so argparse alone finds the command in argv, past any
    global option and its value; building them imports no command's module.
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
    for name, command in COMMANDS.items():
        sub = subparsers.add_parser(name, help=command.help, description=command.help)
        # SUPPRESS: `quiz --data-dir X stats` keeps X unless the command gives its own.
        _add_data_dir(sub, default=argparse.SUPPRESS)
        command.configure(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the quiz command line; returns the exit code."""
    try:
        code = _run(argv)
        sys.stdout.flush()  # a reader gone early shows up here, not as noise at exit
    except BrokenPipeError:
        # `quiz packs | head -1`: the reader has all it wanted. Point stdout at devnull so
        # the interpreter's own flush at exit has nowhere to fail (the Python docs' recipe).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        from quiz.commands.output import say

        say("quiz: stopped early: the program reading the output closed it", err=True)
        return 1
    return code


def _run(argv: Sequence[str] | None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except UsageError as error:  # it quotes the arguments, which may be anything
        from quiz.commands.output import say

        say(error, err=True)
        return 2
    except SystemExit as done:  # --help and --version exit through argparse
        return int(done.code or 0)
    module_name = COMMANDS[args.command].module if args.command else "home"
    try:
        return int(importlib.import_module(f"quiz.commands.{module_name}").run(args) or 0)
    except KeyboardInterrupt:
        return 130
