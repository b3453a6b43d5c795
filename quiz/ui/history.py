"""The screens' way to the saved history: the app's recorder, if any, and failures as notices."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.dom import DOMNode

from quiz.packs.printable import printable

if TYPE_CHECKING:
    from quiz.store.recorder import Recorder

T = TypeVar("T")


def recorder_of(node: DOMNode) -> Recorder | None:
    """The app's recorder (quiz.store.recorder.Recorder), or None when nothing is saved.

    Any object with the recorder's reading methods will do, so tests may pass a fake.
    """
    store = getattr(node.app, "store", None)
    return store if hasattr(store, "best_scores") else None  # type: ignore[return-value]


def use(node: DOMNode, what: Callable[[Recorder], T], default: T, doing: str = "read") -> T:
    """what(recorder), or DEFAULT when there is no recorder or it fails (with one notice
    saying what could not be done: "Could not read the history: ...")."""
    recorder = recorder_of(node)
    if recorder is None:
        return default
    try:
        return what(recorder)
    except Exception as error:  # a failed read must not stop the game
        message = printable(f"Could not {doing} the history: {error}")  # errors hold paths
        node.app.notify(message, severity="warning", markup=False)
        return default
