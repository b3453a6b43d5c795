"""A dialog, opened from the results, citing one question's source in full."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from quiz.game.verdict import AnswerRecord
from quiz.ui.screens.dialog import Dialog
from quiz.ui.styles import tcss
from quiz.ui.text import citation, excerpt_content, plain
from quiz.ui.widgets.excerpt import NO_SOURCE
from quiz.ui.widgets.reveal import answers_line, verdict_line
from quiz.ui.widgets.source_link import SourceLink

LABEL_WIDTH = len("Published")


def label(text: str) -> Content:
    return Content.styled(f"{text:<{LABEL_WIDTH}}  ", "bold")


def citation_block(record: AnswerRecord) -> Content:
    """Source, publisher and date, one labelled line each (quiz.ui.text.citation)."""
    excerpt = record.asked.question.source
    if excerpt is None:
        return Content("")
    lines = citation(record.asked.pack.source(excerpt.ref), excerpt.ref)
    return Content("\n").join(Content.assemble(label(name), text) for name, text in lines)


def pack_line(record: AnswerRecord) -> Content:
    """The pack the question comes from, with its author and license where given."""
    pack = record.asked.pack
    parts = [plain(pack.title, "italic")]
    if pack.author:
        parts.append(Content.assemble("by ", plain(pack.author)))
    if pack.license:
        parts.append(plain(pack.license))
    return Content.assemble(label("Pack"), Content(", ").join(parts))


class SourceScreen(Dialog[None]):
    """One answer's question, verdict and answer, explanation, the quoted excerpt, and the
    whole citation with its link (o or a click opens it)."""

    DEFAULT_CSS = tcss(__file__)
    CHROME = 4  # border, and Close with the line above it

    BINDINGS = [
        Binding("escape,enter,space,q", "close", "Close", key_display="esc"),
        Binding("o", "open_source", "Source"),
    ]

    def __init__(self, record: AnswerRecord, scored: bool = True) -> None:
        super().__init__()
        self.record = record
        self.scored = scored

    def compose(self) -> ComposeResult:
        question = self.record.asked.question
        excerpt = question.source
        source = self.record.asked.pack.source(excerpt.ref) if excerpt is not None else None
        with Vertical(id="dialog"):
            with VerticalScroll(id="body"):
                yield Static(plain(question.prompt), id="prompt")
                yield Static(verdict_line(self.record, self.scored), id="verdict")
                yield Static(answers_line(self.record), id="answers")
                if question.explanation:
                    yield Static(plain(question.explanation), id="explanation")
                if excerpt is not None:
                    yield Static(excerpt_content(excerpt), id="quote")
                    yield Static(citation_block(self.record), id="citation")
                else:
                    yield Static(NO_SOURCE, id="no-source", markup=False)
                link = SourceLink(label("Link"), id="link")
                link.show(source.url if source is not None else None)
                yield link
                yield Static(pack_line(self.record), id="pack")
            yield Button("Close (Esc)", id="close", variant="primary", compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_source":
            return self.query_one(SourceLink).url is not None
        return True

    def action_open_source(self) -> None:
        """Open the source in a browser (key o), when it has a link."""
        self.query_one(SourceLink).open()
