"""Saved history and settings in SQLite (no Textual): open with `Store.open(data_dir)`.

The stats queries (quiz.store.stats) are imported only by what shows stats, so opening
the store to play does not load them.
"""

from __future__ import annotations

from quiz.store.db import StoreError
from quiz.store.history import NewGame, Store
from quiz.store.settings import LAST_SETUP, RETENTION, THEME

__all__ = ["LAST_SETUP", "RETENTION", "THEME", "NewGame", "Store", "StoreError"]
