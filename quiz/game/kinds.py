"""What kind of game a game is: its mode, how many questions and whether it is timed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Mode(StrEnum):
    """How a game counts: normal play competes for best scores; the others never do."""

    PLAY = "play"
    REVIEW = "review"  # the questions due for review: scored, never a best
    RETRY = "retry"  # the questions just missed, again: unscored practice


@dataclass(frozen=True)
class GameKind:
    """Best scores compete within a kind: "10 questions, untimed" never meets "all, timed".

    `count` is how many questions were played (None: all the pack had); filters and the
    timer's length do not change the kind.
    """

    mode: Mode = Mode.PLAY
    count: int | None = None
    timed: bool = False

    @property
    def ranked(self) -> bool:
        """True for normal play, the only kind that sets best scores."""
        return self.mode is Mode.PLAY

    @property
    def key(self) -> str:
        """A stable name for the kind, for sorting and plain-text reports: '10q-untimed'."""
        if not self.ranked:
            return self.mode.value
        return f"{self.count or 'all'}q-{'timed' if self.timed else 'untimed'}"

    @property
    def label(self) -> str:
        """The kind as players read it: '10q', 'all, timed', 'review'."""
        if not self.ranked:
            return self.mode.value
        label = "all" if self.count is None else f"{self.count}q"
        return f"{label}, timed" if self.timed else label
