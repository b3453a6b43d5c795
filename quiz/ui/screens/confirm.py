"""A small yes/no dialog, used to confirm leaving a game."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from quiz.ui.screens.dialog import Dialog
from quiz.ui.styles import tcss


class ConfirmScreen(Dialog[bool]):
    """Asks a question; y / Enter on Yes confirms, n / Escape cancels."""

    DEFAULT_CSS = tcss(__file__)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (50, "-wide")]

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No", key_display="n"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, id="question", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Yes (y)", id="yes", variant="error")
                yield Button("No (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, confirmed: bool) -> None:
        """Close the dialog with the player's answer."""
        self.dismiss(confirmed)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")
