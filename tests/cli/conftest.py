"""Fixtures for command-line tests: a fake app in place of Textual, and a locked history."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_helpers import FakeApp


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[FakeApp]:
    """The apps the command built (none if it stopped before the TUI)."""
    import quiz.ui.app

    FakeApp.made = []
    monkeypatch.setattr(quiz.ui.app, "create_app", FakeApp)
    # The fake stands in for the full screen, which plays only on a terminal (pytest's
    # output is not one, so play and review would otherwise choose plain text).
    monkeypatch.setattr("quiz.commands.plain.on_terminal", lambda: True)
    monkeypatch.delenv("QUIZ_PACKS_PATH", raising=False)
    return FakeApp.made


@pytest.fixture
def locked_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A data folder whose v1 history another connection holds locked (opening must write)."""
    monkeypatch.setattr("quiz.store.db.BUSY_TIMEOUT", 0.05)
    path = tmp_path / "quiz.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE games (id INTEGER PRIMARY KEY)")
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    yield tmp_path
    other.execute("ROLLBACK")
    other.close()
