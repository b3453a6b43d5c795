"""Calls to the history from the UI: a failure becomes one notice, and the game plays on."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.dom import DOMNode

from quiz.packs.printable import printable

T = TypeVar("T")


def attempt(node: DOMNode, call: Callable[[], T], default: T, doing: str = "read") -> T:
    """call(), or DEFAULT when it fails, with one notice saying what could not be done:
    "Could not read the history: ..."."""
    try:
        return call()
    except Exception as error:  # a history that can't be used must not stop the game
        tell(node, error, doing)
        return default


def tell(node: DOMNode, error: BaseException, doing: str = "read") -> None:
    """The one notice for a call to the history that failed (on the app's thread)."""
    message = printable(f"Could not {doing} the history: {error}")  # errors hold paths
    node.app.notify(message, severity="warning", markup=False)
