"""The reveal's points line: how the answer's points were made, as the game worked them out."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widgets import Static

from quiz.game.verdict import AnswerRecord
from quiz.ui.text import fit_phrases


class PointsLine(Static):
    """'+160 = 100 medium × 1.2 speed + 40 streak (3 in a row)', or the streak a miss
    ended; hidden when unscored or when there is nothing to explain."""

    DEFAULT_CSS = "PointsLine { height: auto; }"
    _phrases: list[Content] = []

    def show(self, record: AnswerRecord, scored: bool) -> None:
        """Show RECORD's breakdown (words from quiz.game.scoring; nothing here is pack text)."""
        phrases = record.breakdown.phrases if record.breakdown is not None else []
        self._phrases = [Content(phrase) for phrase in phrases]
        self.display = scored and bool(phrases)
        self._fit(self.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        """Lines broken between the breakdown's parts, not inside one (when WIDTH is known)."""
        self.update(fit_phrases(self._phrases, width or None, gap=" "))
