"""A source's web address, shown as a link: a click or the key o opens it in a browser."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widgets import Static

from quiz.ui.text import followable

LINK_STYLE = "underline $text-accent"


class SourceLink(Static):
    """'↗ https://…  (o opens)' for a source with a followable URL; hidden otherwise.

    Only http and https URLs are shown as links and opened (quiz.ui.text.followable).
    """

    DEFAULT_CSS = """
    SourceLink {
        height: auto;
        padding: 0 2;
        color: $text-muted;
    }
    SourceLink:hover {
        color: $text;
    }
    """

    url: str | None = None

    def __init__(self, prefix: Content | str = "↗ ", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.prefix = prefix

    def show(self, url: str | None) -> None:
        """Show this URL as the link (or hide the link when it can't be followed)."""
        self.url = followable(url)
        self.display = self.url is not None
        if self.url is not None:
            self.update(Content.assemble(self.prefix, (self.url, LINK_STYLE), "  (o opens)"))

    def open(self) -> None:
        """Open the link in the player's browser, if there is one."""
        if self.url is not None:
            self.app.open_url(self.url)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.open()
