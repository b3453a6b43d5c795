"""The base of quiz's dialogs: centred over the screen below, closed by Close or a key."""

from __future__ import annotations

from textual import events, on
from textual.screen import ModalScreen, ScreenResultType
from textual.widgets import Button

from quiz.ui.styles import tcss


class Dialog(ModalScreen[ScreenResultType]):
    """A modal screen whose #dialog box sits centred; a #close button or `close` shuts it.

    Subclasses set the box's size and border in their own .tcss, and bind their keys
    to the `close` action. A box as tall as its content whose #body scrolls sets CHROME,
    the lines of the box that are not its body: the body gets at most the rest of the
    screen's height, so the border and Close stay on screen at any size.
    """

    DEFAULT_CSS = tcss(__file__)
    CHROME: int | None = None

    def on_resize(self, event: events.Resize) -> None:
        if self.CHROME is not None:
            self.query_one("#body").styles.max_height = max(1, event.size.height - self.CHROME)

    def action_close(self) -> None:
        """Close the dialog, back to the screen below."""
        self.dismiss()

    @on(Button.Pressed, "#close")
    def _close(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss()
