"""The source excerpt as a quotation, highlight emphasised, with its attribution line."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from quiz.game.selection import AskedQuestion
from quiz.ui.styles import tcss
from quiz.ui.text import attribution, excerpt_content

NO_SOURCE = "No source is cited for this question."


class ExcerptPanel(Vertical):
    """A quote block for the question's source, or a quiet note when it cites none."""

    DEFAULT_CSS = tcss(__file__)

    def __init__(self, asked: AskedQuestion, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.asked = asked

    def compose(self) -> ComposeResult:
        excerpt = self.asked.question.source
        if excerpt is None:
            self.add_class("-none")
            yield Static(NO_SOURCE, classes="no-source", markup=False)
            return
        yield Static(excerpt_content(excerpt), classes="quote")
        source = self.asked.pack.source(excerpt.ref)
        yield Static(attribution(source, excerpt.ref), classes="attribution")
