"""What the player sees after answering: verdict, right answer, points, explanation, source."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from quiz.game.verdict import AnswerRecord
from quiz.ui.styles import tcss
from quiz.ui.text import plain
from quiz.ui.widgets.excerpt import ExcerptPanel


def verdict_line(record: AnswerRecord, scored: bool) -> Content:
    """'✓ Right · +100 points', in words and symbol, never colour alone."""
    parts: list[Content | str] = [Content.styled(record.verdict_text, "bold")]
    if record.note:
        parts.append(Content.assemble("  (", record.note, ")"))
    if scored:
        parts.append(f"   +{record.points} points")
    return Content.assemble(*parts)


def answers_line(record: AnswerRecord) -> Content:
    """'Your answer: x   Answer: y' (your answer left out when there was none)."""
    answer = Content.assemble("Answer: ", plain(record.asked.question.answer_text, "bold"))
    if not record.given:
        return answer
    return Content.assemble("Your answer: ", plain(record.given), "   ", answer)


class RevealPanel(Vertical):
    """The reveal for one answer record; used on the question screen and from results."""

    DEFAULT_CSS = tcss(__file__)

    def __init__(self, record: AnswerRecord, scored: bool = True, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.record = record
        self.scored = scored

    def compose(self) -> ComposeResult:
        record = self.record
        verdict = "-right" if record.correct else "-wrong"
        yield Static(verdict_line(record, self.scored), classes=f"verdict {verdict}")
        yield Static(answers_line(record), classes="answers")
        explanation = record.asked.question.explanation
        if explanation:
            yield Static(plain(explanation), classes="explanation")
        yield ExcerptPanel(record.asked, classes="excerpt")
