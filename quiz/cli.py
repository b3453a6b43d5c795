"""Command-line entry: parses arguments and hands each subcommand to its own module."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Each subcommand lives in quiz/commands/<module>.py with `configure(parser)` and
# `run(args) -> int`. Only the module of the command being run is imported, and it
# imports only what `configure` needs at the top and the rest inside `run`: that keeps
# `quiz check` from importing the Textual UI, and `quiz play` from importing the rest.
COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("play", "start a game at once: built-in packs or PACK files, with filters"),
    "check": ("check", "validate pack files and report every problem with line:col"),
    "schema": ("schema", "print the pack format as JSON Schema (draft-07)"),
    "packs": ("packs", "list every pack found, where it came from, and any problem"),
    "new": ("new", "write a starter pack to edit, with the schema for editor completion"),
    "import": ("importer", "turn a saved Open Trivia DB response into a pack"),
    "stats": ("stats", "games played, best and average scores, accuracy, most-missed questions"),
    "review": ("review", "play the questions due for review (missed ones first), or say when"),
}


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
    """The parser; only `command`'s module is imported to add its own arguments.

    With no command (or one misspelled) every command is listed, with its help line, so
    `quiz --help` shows them all and a wrong name gets the list to choose from. A known
    command gets its own subparser alone: argparse builds each subparser eagerly, and
    building all of them, or importing each command's module to configure it, would cost
    every run, `quiz play`'s start-up included.
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
    for name, (module_name, help_text) in COMMANDS.items():
        if command in COMMANDS and name != command:
            continue  # the others matter only to `quiz --help` and to a misspelled command
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        # SUPPRESS: `quiz --data-dir X stats` keeps X unless the command gives its own.
        _add_data_dir(sub, default=argparse.SUPPRESS)
        if name == command:
            _command_module(module_name).configure(sub)
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


def _command_module(module_name: str):
    return importlib.import_module(f"quiz.commands.{module_name}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the quiz command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser(_command_named(args_list)).parse_args(args_list)
    except UsageError as error:  # it quotes the arguments, which may be anything
        from quiz.commands.output import say

        say(error, err=True)
        return 2
    except SystemExit as done:  # --help and --version exit through argparse
        return int(done.code or 0)
    command = args.command or "home"
    module_name = COMMANDS[command][0] if command in COMMANDS else command
    try:
        return int(_command_module(module_name).run(args) or 0)
    except KeyboardInterrupt:
        return 130
