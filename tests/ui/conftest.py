"""Fixtures for the UI tests."""

from __future__ import annotations

import pytest
from ui_helpers import FakeClock, studio_pack

from quiz.packs.model import Pack


@pytest.fixture
def clock() -> FakeClock:
    """A clock the test moves by hand."""
    return FakeClock()


@pytest.fixture
def studio() -> Pack:
    """The studio fixture pack."""
    return studio_pack()
