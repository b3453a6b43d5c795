"""The source excerpt as a quotation, highlight emphasised, with its attribution and link."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from quiz.game.selection import AskedQuestion
from quiz.ui.styles import tcss
from quiz.ui.text import attribution, excerpt_content
from quiz.ui.widgets.source_link import SourceLink

NO_SOURCE = "No source is cited for this question."


class ExcerptPanel(Vertical):
    """A quote block for the question's source, or a quiet note when it cites none.

    `show` puts another question's source in the same widgets, so a game reveals each
    answer without building (and styling) new ones.
    """

    DEFAULT_CSS = tcss(__file__)

    def __init__(self, asked: AskedQuestion, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.asked = asked

    def compose(self) -> ComposeResult:
        self._parts = (
            Static(classes="quote"),
            Static(classes="attribution"),
            Static(NO_SOURCE, classes="no-source", markup=False),
        )
        self.link = SourceLink(classes="link")
        self.show(self.asked)
        yield from self._parts
        yield self.link

    def show(self, asked: AskedQuestion) -> None:
        """Show this question's source (or the note that it cites none)."""
        self.asked = asked
        quote, credit, none = self._parts
        excerpt = asked.question.source
        source = asked.pack.source(excerpt.ref) if excerpt is not None else None
        if excerpt is not None:
            quote.update(excerpt_content(excerpt))
            credit.update(attribution(source, excerpt.ref))
        self.link.show(source.url if source is not None else None)
        quote.display = credit.display = excerpt is not None
        none.display = excerpt is None
