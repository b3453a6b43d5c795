"""Shared test helpers: where the fixture packs are."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    """The folder of fixture packs (good/ and bad/)."""
    return FIXTURES
