"""One line over the question: which question this is, the score and the streak."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class Scoreboard(Static):
    """Shows 'Question 3 of 10' ('↻ Review · Question 3 of 10' in a review game), then the
    score and streak (or 'Practice' when unscored)."""

    def show(
        self, number: int, total: int, score: int, streak: int, scored: bool, review: bool = False
    ) -> None:
        """Update the line for the current state of the game (a review game says so first)."""
        progress = Content.assemble(("Question ", ""), (f"{number} of {total}", "bold"))
        if review:
            progress = Content.assemble(("↻ Review", "bold $accent"), " · ", progress)
        if scored:
            tally = Content.assemble(
                "Score ", (str(score), "bold"), "   Streak ", (str(streak), "bold")
            )
        else:
            tally = Content("Practice round (not scored)")
        self.update(Content.assemble(progress, "   ", tally))
