"""A dialog, opened from the results, citing one question's source in full."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from quiz.game.verdict import AnswerRecord
from quiz.ui.screens.dialog import Dialog
from quiz.ui.styles import tcss
from quiz.ui.text import citation, excerpt_content, plain
from quiz.ui.widgets.excerpt import NO_SOURCE
from quiz.ui.widgets.reveal import answers_line, verdict_line
from quiz.ui.widgets.source_link import SourceLink


def citation_rows(record: AnswerRecord) -> list[tuple[str, Content]]:
    """Source, publisher and date where given (quiz.ui.text.citation), then the pack the
    question comes from, with its author and license where given."""
    excerpt = record.asked.question.source
    pack = record.asked.pack
    rows = citation(pack.source(excerpt.ref), excerpt.ref) if excerpt is not None else []
    parts = [plain(pack.title, "italic")]
    if pack.author:
        parts.append(Content.assemble("by ", plain(pack.author)))
    if pack.license:
        parts.append(plain(pack.license))
    rows.append(("Pack", Content(", ").join(parts)))
    return rows


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
                else:
                    yield Static(NO_SOURCE, id="no-source", markup=False)
                # A label column and a value column: a long title wraps under itself.
                with Grid(id="citation"):
                    rows = citation_rows(self.record)
                    for name, text in rows[:-1]:
                        yield from (Static(name, classes="label"), Static(text))
                    link = SourceLink(prefix="")
                    link.show(source.url if source is not None else None)
                    if link.url is not None:
                        yield from (Static("Link", classes="label"), link)
                    name, text = rows[-1]
                    yield from (Static(name, classes="label"), Static(text))
            yield Button("Close (Esc)", id="close", variant="primary", compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_source":
            return bool(self.query(SourceLink))
        return True

    def action_open_source(self) -> None:
        """Open the source in a browser (key o), when it has a link."""
        for link in self.query(SourceLink):
            link.open()
