"""Whether `quiz play` and `quiz review` play in plain text, and running such a game."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from quiz.commands.output import close_history, say

if TYPE_CHECKING:
    from quiz.game.history import History
    from quiz.game.session import GameSession


def on_terminal() -> bool:
    """Whether the full screen can run here: stdin and stdout are a terminal that draws."""
    if os.environ.get("TERM") == "dumb":
        return False
    return all(_is_terminal(stream) for stream in (sys.stdin, sys.stdout))


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):  # None, or closed
        return False


def wants_plain(choice: bool | None) -> bool:
    """--plain (True), --no-plain (False), or neither (None): plain off a terminal."""
    return choice if choice is not None else not on_terminal()


def play_plain(
    open_history: Callable[[], History], new_session: Callable[[], GameSession], *, prog: str
) -> int:
    """Play the game NEW_SESSION makes (once the history is open, so a timed game's first
    question is timed from when it is shown) in plain text; the exit code.

    As in the full screen: a history that can't be opened is one error line and exit 1;
    answers it could not keep by the end are one error line and exit 1.
    """
    from quiz.plain.console import Console
    from quiz.plain.game import play
    from quiz.store import StoreError

    try:
        history = open_history()
    except StoreError as error:
        say(f"{prog}: error: {error}", err=True)
        return 1
    # A character the output's encoding lacks is written as an escape, never a traceback.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    echo = not _is_terminal(sys.stdin)
    answers = getattr(sys.stdin, "buffer", None) or io.BytesIO()  # no stdin: at its end
    console = Console(answers, sys.stdout, sys.stderr, echo=echo)
    try:
        for notice in history.take_notices():
            console.warn(f"{prog}: {notice}")
        play(new_session(), history, console)
    finally:
        saved = close_history(history, prog)
    return 0 if saved else 1
