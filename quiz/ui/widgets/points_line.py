"""The reveal's points line: how the answer's points were made, as the game worked them out."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from quiz.game.verdict import AnswerRecord


class PointsLine(Static):
    """'+160 = 100 medium × 1.2 speed + 40 streak (3 in a row)'; hidden when unscored."""

    DEFAULT_CSS = "PointsLine { height: auto; }"

    def show(self, record: AnswerRecord, scored: bool) -> None:
        """Show RECORD's breakdown (words from quiz.game.scoring; nothing here is pack text)."""
        parts = record.breakdown
        self.display = scored and parts is not None
        self.update(Content(parts.words if parts is not None else ""))
