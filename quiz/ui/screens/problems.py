"""A dialog, opened from home, listing why a pack file can't be played (as plain text)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Static

from quiz.packs.printable import printable
from quiz.ui.screens.dialog import Dialog
from quiz.ui.styles import tcss
from quiz.ui.text import one_line, plain

if TYPE_CHECKING:
    from quiz.packs.catalog import PackEntry


def problem_lines(entry: PackEntry) -> list[str]:
    """Every problem as path:line:col, or why a valid pack is hidden, then what to do;
    each line printable (a newline in a path stays in its line)."""
    if entry.problems:
        unlisted = entry.problem_count - len(entry.problems)
        lines = [
            *(str(problem) for problem in entry.problems),
            *([f"... and {unlisted} more"] if unlisted > 0 else []),
            "",
            f"Fix the file, then check it with: quiz check {entry.path}",
        ]
    else:
        winner = entry.shadowed_by
        pack_id = entry.pack_id or "?"
        where = winner.path if winner is not None else "another pack"
        lines = [
            f"{entry.path} is not played: {where} has the same id '{pack_id}' and wins,",
            "because it is found later (built-in, data dir, QUIZ_PACKS_PATH, command line).",
            "",
            "Give one of them another id to play both.",
        ]
    return [printable(line) for line in lines]


class ProblemsScreen(Dialog[None]):
    """The problems of one pack file; Escape, Enter or q closes it."""

    DEFAULT_CSS = tcss(__file__)
    CHROME = 5  # border, title, Close and the line above it

    BINDINGS = [Binding("escape,enter,q", "close", "Close", key_display="esc")]

    def __init__(self, entry: PackEntry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        heading = "Problems in" if self.entry.problems else "Not played:"
        with Vertical(id="dialog"):
            yield Static(one_line(f"{heading} {self.entry.path.name}", "bold"), id="title")
            with VerticalScroll(id="body"):
                yield Static(plain("\n".join(problem_lines(self.entry))), id="problems")
            yield Button("Close (Esc)", id="close", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()
