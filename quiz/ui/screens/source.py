"""A dialog, opened from the results, showing one question's answer and source again."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Static

from quiz.game.verdict import AnswerRecord
from quiz.ui.screens.dialog import Dialog
from quiz.ui.styles import tcss
from quiz.ui.text import plain
from quiz.ui.widgets.reveal import RevealPanel


class SourceScreen(Dialog[None]):
    """The question, the verdict, the right answer and the quoted source of one answer."""

    DEFAULT_CSS = tcss(__file__)

    BINDINGS = [Binding("escape,enter,space,q", "close", "Close", key_display="esc")]

    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]

    def __init__(self, record: AnswerRecord, scored: bool = True) -> None:
        super().__init__()
        self.record = record
        self.scored = scored

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            with VerticalScroll(id="body"):
                yield Static(plain(self.record.asked.question.prompt), id="prompt")
                yield RevealPanel(self.record, scored=self.scored)
            yield Button("Close (Esc)", id="close", variant="primary")
