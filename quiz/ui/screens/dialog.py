"""The base of quiz's dialogs: centred over the screen below, closed by Close or a key."""

from __future__ import annotations

from textual import on
from textual.screen import ModalScreen, ScreenResultType
from textual.widgets import Button

from quiz.ui.styles import tcss


class Dialog(ModalScreen[ScreenResultType]):
    """A modal screen whose #dialog box sits centred; a #close button or `close` shuts it.

    Subclasses set the box's size and border in their own .tcss, and bind their keys
    to the `close` action.
    """

    DEFAULT_CSS = tcss(__file__)

    def action_close(self) -> None:
        """Close the dialog, back to the screen below."""
        self.dismiss()

    @on(Button.Pressed, "#close")
    def _close(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss()
