"""Saved history and settings in SQLite (no Textual): open with `Store.open(data_dir)`."""

from __future__ import annotations

from quiz.store.db import StoreError
from quiz.store.history import Finished, Store
from quiz.store.review import DueQuestion, nothing_due_message
from quiz.store.rules import game_kind
from quiz.store.settings import LAST_SETUP, THEME
from quiz.store.stats import Accuracy, KindStats, Missed, PackStats

__all__ = [
    "LAST_SETUP",
    "THEME",
    "Accuracy",
    "DueQuestion",
    "Finished",
    "KindStats",
    "Missed",
    "PackStats",
    "Store",
    "StoreError",
    "game_kind",
    "nothing_due_message",
]
