"""The seam for saving: optional hooks the app calls on its store, if it was given one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from quiz.game.session import GameSession

if TYPE_CHECKING:
    from quiz.game.verdict import AnswerRecord, Summary


class GameHooks(Protocol):
    """What a store may implement to hear about games; every hook is optional."""

    def on_game_start(self, session: GameSession) -> None: ...

    def on_answer(self, session: GameSession, record: AnswerRecord) -> None: ...

    def on_game_end(self, session: GameSession, summary: Summary) -> None: ...


def call_hook(store: object | None, name: str, *args: object) -> str | None:
    """Call store.<name>(*args) if the store has it; return a message if it failed."""
    hook = getattr(store, name, None) if store is not None else None
    if hook is None:
        return None
    try:
        hook(*args)
    except Exception as error:  # a failed save must not end the game
        return f"Could not save ({name.removeprefix('on_').replace('_', ' ')}): {error}"
    return None
