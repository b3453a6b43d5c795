"""Every `quiz` subcommand's name, help line and arguments, declared without importing it."""

from __future__ import annotations

import argparse
from collections.abc import Callable

# The values of quiz.packs.model.Difficulty, written out: importing the model (dataclasses,
# enum) would put the pack model into every run of every command, help included.
DIFFICULTIES = ("easy", "medium", "hard")

Configure = Callable[[argparse.ArgumentParser], None]


class Command:
    """One subcommand: the module that runs it, its help line, and its arguments."""

    __slots__ = ("module", "help", "configure")

    def __init__(self, module: str, help_text: str, configure: Configure) -> None:
        self.module = module  # quiz.commands.<module>, imported only to run the command
        self.help = help_text
        self.configure = configure


def text(value: str) -> str:
    """A title or id argument: text, which bytes that are not UTF-8 are not (a usage error).

    Python holds such bytes as lone surrogates, which no pack, YAML file or database
    can store; a file name argument may hold them, as file names can.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(f"{value!r} is not UTF-8 text") from None
    return value


def given(value: str) -> str:
    """A file name, address or id that can't be empty: an empty one is most likely an
    unset variable in a script, and would otherwise read as some default (a usage error)."""
    if not value:
        raise argparse.ArgumentTypeError("needs a value, not an empty one")
    return value


def given_text(value: str) -> str:
    """An id that can't be empty, in UTF-8 (see given and text)."""
    return text(given(value))


def port(value: str) -> int:
    """A TCP port number, 1 to 65535."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number (1 to 65535)")
    return number


# Filled by @command below, in the order `quiz --help` lists them.
COMMANDS: dict[str, Command] = {}


def command(name: str, module: str, help_text: str) -> Callable[[Configure], Configure]:
    """Register the decorated function as the declaration of command `name`'s arguments."""

    def register(configure: Configure) -> Configure:
        COMMANDS[name] = Command(module, help_text, configure)
        return configure

    return register


def plain_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--plain",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="play line by line in plain text, for screen readers and pipes (default: when "
        "stdin or stdout is not a terminal, or TERM=dumb; --no-plain: always the full screen)",
    )


def game_options(parser: argparse.ArgumentParser) -> None:
    """The options that choose a game: `quiz play`'s, and `quiz serve`'s for each tab."""
    parser.add_argument(
        "packs",
        nargs="*",
        metavar="PACK",
        help="pack files or folders of packs (default: the built-in packs)",
    )
    parser.add_argument(
        "--questions",
        type=int,
        metavar="N",
        help="how many questions (default 10; fewer if the packs hold fewer)",
    )
    parser.add_argument(
        "--category",
        action="append",
        default=[],
        metavar="C",
        help="only this category (repeat for several)",
    )
    parser.add_argument(
        "--difficulty",
        action="append",
        default=[],
        choices=DIFFICULTIES,
        metavar="D",
        help="only easy, medium or hard (repeat for several)",
    )
    parser.add_argument(
        "--timer", type=float, metavar="SECONDS", help="seconds per question (default: untimed)"
    )
    parser.add_argument("--seed", type=int, metavar="S",
                        help="replay the same questions in the same order")  # fmt: skip


@command("play", "play", "start a game at once: built-in packs or PACK files, with filters")
def play(parser: argparse.ArgumentParser) -> None:
    game_options(parser)
    plain_option(parser)


@command("serve", "serve", "serve the game in a web browser: each tab plays its own game")
def serve(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Serve the game on a web page: each browser tab runs its own `quiz play` with the "
        "options given here, and every game is saved to the same history. Only this computer "
        "can connect unless --host says otherwise."
    )
    parser.add_argument("--host", type=given, default="127.0.0.1", metavar="HOST",
                        help="the address to listen on (default 127.0.0.1, this computer "
                        "only; 0.0.0.0 lets anyone on the network play)")  # fmt: skip
    parser.add_argument("--port", type=port, default=8000, metavar="PORT",
                        help="the port to listen on (default 8000)")  # fmt: skip
    game_options(parser)


@command("check", "check", "validate pack files and report every problem with line:col")
def check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="a pack file, or a folder of *.yaml / *.yml packs")  # fmt: skip
    parser.add_argument("--strict", action="store_true",
                        help="also require every question to cite a source")  # fmt: skip
    parser.add_argument("--sources", metavar="DIR",
                        help="check each excerpt is verbatim in DIR/<source file>")  # fmt: skip
    parser.add_argument("--builtin", action="store_true", help="check the built-in packs")


@command("schema", "schema", "print the pack format as JSON Schema (draft-07)")
def schema(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=given, metavar="FILE",
                        help="write to FILE instead of printing (an older quiz schema there is "
                        "updated; any other file is kept unless --force)")  # fmt: skip
    parser.add_argument("--force", action="store_true",
                        help="with -o, replace FILE even if it is not quiz's schema")  # fmt: skip


@command("packs", "packs", "list every pack found, where it came from, and any problem")
def packs(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "List every pack the game can find: the built-in ones, those in <data dir>/packs, "
        "those in the folders of QUIZ_PACKS_PATH, and PATHs given here. When two packs share "
        "an id, the later one wins and the earlier one is shown as shadowed."
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="more pack files or folders, searched last")  # fmt: skip


@command("new", "new", "write a starter pack to edit, with the schema for editor completion")
def new(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=given, metavar="PATH",
                        help="the pack file to create (*.yaml or *.yml)")  # fmt: skip
    parser.add_argument(
        "--title", type=text, metavar="T", help="the pack's title (default: from the file name)"
    )
    parser.add_argument(
        "--id", type=text, metavar="ID", help="the pack's id (default: from the file name)"
    )


@command("import", "importer", "turn Open Trivia DB, GIFT, Moodle XML or CSV questions into a pack")
def importer(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Turn questions saved elsewhere into a pack: an Open Trivia DB API response (opentdb), "
        "Moodle's GIFT text (gift), a Moodle XML export (moodle-xml), or a spreadsheet saved "
        "as CSV or TSV, or a Quizlet export (csv). Questions a pack cannot hold are skipped "
        "with a line each. An existing PACK is kept unless --force is given; importing the "
        "same file again with --force writes the same file."
    )
    parser.add_argument("kind", choices=["opentdb", "gift", "moodle-xml", "csv"],
                        help="what FILE holds: opentdb, gift, moodle-xml or csv (CSV, TSV or Quizlet)")  # fmt: skip
    parser.add_argument("file", metavar="FILE", help="the file to import")
    parser.add_argument("-o", "--output", type=given, metavar="PACK", required=True,
                        help="the pack file to write (*.yaml or *.yml)")  # fmt: skip
    parser.add_argument("--force", action="store_true",
                        help="replace PACK if it exists (it is never replaced otherwise)")  # fmt: skip
    parser.add_argument(
        "--id", type=text, metavar="ID", help="the pack's id (default: from PACK's name)"
    )
    parser.add_argument("--title", type=text, metavar="T",
                        help="the pack's title (default: from the questions' category, or FILE's name)")  # fmt: skip


@command("export", "export", "write a pack as GIFT (for Moodle) or as an Anki deck to import")
def export(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write a pack's questions as GIFT text, which Moodle imports, or as a text file Anki "
        "imports (File > Import), each card with its answer, explanation and cited source. "
        "Exporting again gives the same notes, so Anki updates its cards in place. An "
        "existing FILE is kept unless --force is given."
    )
    parser.add_argument("kind", choices=["gift", "anki"], help="gift or anki")
    parser.add_argument("pack", metavar="PACK",
                        help="a pack file, or a pack id (see 'quiz packs')")  # fmt: skip
    parser.add_argument("-o", "--output", type=given, metavar="FILE", required=True,
                        help="the file to write (.gift or .txt)")  # fmt: skip
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.add_argument("--missed", action="store_true",
                        help="only the questions you are due to review")  # fmt: skip


@command("stats", "stats", "games played, best and average scores, accuracy, most-missed questions")
def stats(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pack", type=given_text, metavar="ID", help="only this pack (its id)")


@command("review", "review", "play the questions due for review (most overdue first), or say when")
def review(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Play the questions due for review, most overdue first. Each question you have "
        "answered comes back when you are about to forget it (FSRS): a missed one the next "
        "day, one you know later each time you get it right. "
        "With nothing due, say when the next question is and exit."
    )
    parser.add_argument("pack", nargs="?", metavar="PACK",
                        help="a pack id (see 'quiz packs') or a pack file (default: every pack)")  # fmt: skip
    plain_option(parser)
    parser.add_argument("--questions", type=int, metavar="N",
                        help="how many questions at most (default: as set up, else 10)")  # fmt: skip
    parser.add_argument("--retention", metavar="R",  # a number, checked by the command
                        help="from now on, schedule each question for when your chance of "
                             "recalling it falls to R (0.7 to 0.97; default 0.9: higher asks "
                             "more often), and remember it")  # fmt: skip
