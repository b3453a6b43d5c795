"""Calls to the history from the UI: a failure becomes one notice, and the game plays on."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.dom import DOMNode

T = TypeVar("T")


def attempt(node: DOMNode, call: Callable[[], T], default: T, doing: str = "read") -> T:
    """call(), or DEFAULT when it fails, with one notice saying what could not be done:
    "Could not read the history: ..."."""
    try:
        return call()
    except Exception as error:  # a history that can't be used must not stop the game
        node.app.notify(f"Could not {doing} the history: {error}", severity="warning", markup=False)
        return default
