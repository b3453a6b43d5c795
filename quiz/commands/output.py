"""The commands' one way to print a line: made printable, so untrusted text stays inert."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from quiz.packs.printable import printable

if TYPE_CHECKING:
    from quiz.game.history import History


def say(line: object = "", *, err: bool = False) -> None:
    """Print `line` (to stderr with err) as one line: its control and bidi characters,
    newlines included, written as escapes. Pack text, file names, paths and history
    rows all reach the terminal through here."""
    print(printable(str(line)), file=sys.stderr if err else sys.stdout)


def say_lines(text: str) -> None:
    """Print our own multi-line text line by line (untrusted parts already made printable)."""
    for line in text.split("\n"):
        say(line)


def close_history(history: History, prog: str) -> bool:
    """Close the history, saying in one error line what it could not save; True when
    everything was saved. Called however the game ended (Ctrl+C included)."""
    unsaved = history.close()
    if unsaved:
        say(f"{prog}: error: {unsaved}", err=True)
    return not unsaved
