"""The footer every screen uses: compact, without the palette hint, on narrow terminals."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

NARROW = 60  # columns


class QuizFooter(Footer):
    """A Footer that makes room for every key when the terminal is narrow."""

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW
        self.compact = narrow
        self.show_command_palette = not narrow
