"""Settings remembered between runs (theme, the last setup choices), stored as JSON values."""

from __future__ import annotations

import json
import sqlite3

THEME = "theme"  # the Textual theme name, a str
LAST_SETUP = "last_setup"  # the setup screen's last choices, a dict (count, timer, packs...)
RETENTION = "desired_retention"  # review: the recall probability FSRS aims for, 0.7-0.97


def get_setting(conn: sqlite3.Connection, key: str, default: object = None) -> object:
    """The saved value for KEY, or DEFAULT when unset or unreadable."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    if row is None:
        return default
    try:
        return json.loads(row[0])
    except (TypeError, ValueError, RecursionError):  # whatever the row holds
        return default


def set_setting(conn: sqlite3.Connection, key: str, value: object) -> None:
    """Save VALUE (anything JSON can hold) under KEY, replacing what was there."""
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, sort_keys=True)),
    )
