"""One line over the question: which question this is, the score and the streak."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class Scoreboard(Static):
    """Shows 'Question 3 of 10', then the score and streak (or 'Practice' when unscored)."""

    def show(self, number: int, total: int, score: int, streak: int, scored: bool) -> None:
        """Update the line for the current state of the game."""
        progress = Content.assemble(("Question ", ""), (f"{number} of {total}", "bold"))
        if scored:
            tally = Content.assemble(
                "Score ", (str(score), "bold"), "   Streak ", (str(streak), "bold")
            )
        else:
            tally = Content("Practice round (not scored)")
        self.update(Content.assemble(progress, "   ", tally))
