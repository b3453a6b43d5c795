"""The reveal's points line: how the answer's points were made, as the game worked them out."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from quiz.game.verdict import AnswerRecord


class PointsLine(Static):
    """'+160 = 100 medium × 1.2 speed + 40 streak (3 in a row)', or the streak a miss
    ended; hidden when unscored or when there is nothing to explain."""

    DEFAULT_CSS = "PointsLine { height: auto; }"

    def show(self, record: AnswerRecord, scored: bool) -> None:
        """Show RECORD's breakdown (words from quiz.game.scoring; nothing here is pack text)."""
        words = record.breakdown.words if record.breakdown is not None else ""
        self.display = scored and bool(words)
        self.update(Content(words))
