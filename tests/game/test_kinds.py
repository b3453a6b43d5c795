"""Game kinds: the key and the label a game's kind goes by, and which kinds are ranked."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.game.kinds import GameKind, Mode
from quiz.game.selection import GameOptions, select
from quiz.game.session import GameSession
from quiz.packs.loader import load_pack


@pytest.mark.parametrize(
    ("kind", "key", "label"),
    [
        (GameKind(), "allq-untimed", "all"),
        (GameKind(count=None, timed=True), "allq-timed", "all, timed"),
        (GameKind(count=10), "10q-untimed", "10q"),
        (GameKind(count=5, timed=True), "5q-timed", "5q, timed"),
        (GameKind(Mode.REVIEW, 10), "review", "review"),
        (GameKind(Mode.RETRY, 3, timed=True), "retry", "retry"),
    ],
)
def test_keys_and_labels(kind: GameKind, key: str, label: str) -> None:
    assert (kind.key, kind.label) == (key, label)
    assert kind.ranked is (kind.mode is Mode.PLAY)


MINI = load_pack(Path(__file__).parent.parent / "fixtures" / "good" / "mini.yaml")  # 4 questions


@pytest.mark.parametrize(
    ("options", "mode", "kind"),
    [
        (GameOptions(count=None), Mode.PLAY, GameKind(Mode.PLAY, None, False)),
        (GameOptions(count=2, timer=15), Mode.PLAY, GameKind(Mode.PLAY, 2, True)),
        (GameOptions(count=50), Mode.PLAY, GameKind(Mode.PLAY, 4)),  # counted as played
        (GameOptions(count=2), Mode.REVIEW, GameKind(Mode.REVIEW, 2)),
        (GameOptions(count=2), Mode.RETRY, GameKind(Mode.RETRY, 2)),
    ],
)
def test_a_session_knows_its_kind(options: GameOptions, mode: Mode, kind: GameKind) -> None:
    session = GameSession(select([MINI], options), options, mode=mode)
    assert session.kind == kind
    assert session.scored is (mode is not Mode.RETRY)
