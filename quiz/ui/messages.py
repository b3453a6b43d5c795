"""What the screens ask of the app: start a game, save an answer, go home. The app acts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from quiz.game.selection import GameOptions
    from quiz.game.session import GameSession
    from quiz.game.verdict import AnswerRecord
    from quiz.packs.catalog import PackEntry


class StartGame(Message):
    """Play the packs of these entries (the app loads them) with these options;
    `remember` is a setup to keep for next time."""

    def __init__(
        self,
        entries: Sequence[PackEntry],
        options: GameOptions,
        remember: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__()
        self.entries = tuple(entries)
        self.options = options
        self.remember = remember


class StartReview(Message):
    """Review the due questions of an entry's pack (None: of every pack)."""

    def __init__(self, entry: PackEntry | None) -> None:
        super().__init__()
        self.entry = entry


class OpenSetup(Message):
    """Set up a game of this entry's pack."""

    def __init__(self, entry: PackEntry) -> None:
        super().__init__()
        self.entry = entry


class OpenStats(Message):
    """Show the stats of every pack played."""


class Answered(Message):
    """An answer was given (or a question skipped or timed out): keep it."""

    def __init__(self, session: GameSession, record: AnswerRecord) -> None:
        super().__init__()
        self.session = session
        self.record = record


class Revealed(Message):
    """The reveal of the last answer is on screen: a time to save it that keeps no one
    waiting."""


class GameOver(Message):
    """The last question was answered: show the results."""

    def __init__(self, session: GameSession) -> None:
        super().__init__()
        self.session = session


class GameLeft(Message):
    """The player left mid-game: close it and go home."""

    def __init__(self, session: GameSession) -> None:
        super().__init__()
        self.session = session


class PlayAgain(Message):
    """A new game with the packs and options of the last one."""


class RetryMissed(Message):
    """Play a game's missed questions again, unscored."""

    def __init__(self, session: GameSession) -> None:
        super().__init__()
        self.session = session


class GoHome(Message):
    """Back to the home screen."""
