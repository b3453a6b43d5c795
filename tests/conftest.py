"""Shared test helpers: where the fixture packs are."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    """The folder of fixture packs (good/ and bad/)."""
    return FIXTURES


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test touches the player's real history: QUIZ_DATA_DIR is a fresh temp folder."""
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture(autouse=True)
def _no_fuzz(monkeypatch: pytest.MonkeyPatch):
    """Review due dates without FSRS's random spread, so tests can pin them."""
    from quiz.store import cards

    monkeypatch.setattr(cards, "FUZZ", False)
