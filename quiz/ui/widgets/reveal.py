"""What the player sees after answering: verdict, right answer, points, explanation, source."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from quiz.game.verdict import AnswerRecord
from quiz.packs.model import Question, QuestionType, format_number
from quiz.ui.styles import tcss
from quiz.ui.text import plain
from quiz.ui.widgets.excerpt import ExcerptPanel
from quiz.ui.widgets.points_line import PointsLine


def verdict_line(record: AnswerRecord, scored: bool) -> Content:
    """'✓ Right · +100 points', in words and symbol, never colour alone."""
    parts: list[Content | str] = [Content.styled(record.verdict_text, "bold")]
    if record.note:
        parts.append(Content.assemble("  (", record.note, ")"))
    if scored:
        parts.append(f"   +{record.points} points")
    return Content.assemble(*parts)


def same_answer(given: str, question: Question) -> bool:
    """Whether the answer given reads as the right answer does: the same words, or a
    number answer's number without its unit ("5" for "5 months")."""
    shown = {question.answer_text}
    if question.type is QuestionType.NUMBER:
        shown.add(question.written or format_number(float(question.answer)))
    return given.strip().casefold() in {text.strip().casefold() for text in shown}


def answers_line(record: AnswerRecord) -> Content:
    """'Answer: y', and over it 'Your answer: x' when that differs from it (a right
    choice says nothing twice); each on its own line, so neither wraps mid-phrase."""
    question = record.asked.question
    answer = Content.assemble("Answer: ", plain(question.answer_text, "bold"))
    if not record.given or same_answer(record.given, question):
        return answer
    return Content("\n").join([Content.assemble("Your answer: ", plain(record.given)), answer])


class RevealPanel(Vertical):
    """The reveal for one answer record; used on the question screen and from results.

    `show` puts another record in the same widgets: the question screen keeps one panel
    for a whole game, so each reveal restyles nothing and leaves nothing behind.
    """

    DEFAULT_CSS = tcss(__file__)

    def __init__(self, record: AnswerRecord, scored: bool = True, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.record = record
        self.scored = scored

    def compose(self) -> ComposeResult:
        self._verdict = Static(classes="verdict")
        self._points = PointsLine(classes="points")
        self._answers = Static(classes="answers")
        self._explanation = Static(classes="explanation")
        self._excerpt = ExcerptPanel(self.record.asked, classes="excerpt")
        self.show(self.record)
        yield from (self._verdict, self._points, self._answers, self._explanation, self._excerpt)

    def show(self, record: AnswerRecord) -> None:
        """Reveal this answer record."""
        self.record = record
        self._verdict.update(verdict_line(record, self.scored))
        self._verdict.set_class(record.correct, "-right").set_class(not record.correct, "-wrong")
        self._points.show(record, self.scored)
        self._answers.update(answers_line(record))
        explanation = record.asked.question.explanation
        self._explanation.update(plain(explanation or ""))
        self._explanation.display = bool(explanation)
        if self._excerpt.asked is not record.asked:
            self._excerpt.show(record.asked)
