"""Store test helpers: a clock that moves a second per call, an open store, play()."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from game_rows import game_row

from quiz.store import Store

START = datetime(2026, 11, 21, 4, 30, 0, tzinfo=UTC)


class Clock:
    """Returns START, then one second later on each call."""

    def __init__(self, start: datetime = START) -> None:
        self.current = start - timedelta(seconds=1)

    def __call__(self) -> datetime:
        self.current += timedelta(seconds=1)
        return self.current


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    """A saving store in a fresh temp folder."""
    opened, notices = Store.open(tmp_path / "data", now=clock)
    assert notices == []
    with opened:
        yield opened


def _play(
    store: Store,
    pack_id: str,
    answers: list[tuple[str, bool]],
    options: dict[str, object] | None = None,
    finish: bool = True,
    category: str | None = None,
    difficulty: str | None = None,
) -> int:
    """Start a game, record (question id, right?) answers at 100 points each, maybe finish."""
    game = store.start_game(game_row(pack_id, options))
    for question_id, correct in answers:
        points = 100 if correct else 0
        store.record_answer(
            game, pack_id, question_id, "given", correct, points, 2.0, category, difficulty
        )
    if finish:
        right = sum(correct for _, correct in answers)
        store.finish_game(game, 100 * right, right, len(answers))
    return game


@pytest.fixture
def play():
    """The _play helper: play(store, pack_id, [(question_id, right?), ...], ...) -> game id."""
    return _play
