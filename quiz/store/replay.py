"""Schema v5: review cards built by replaying every saved answer, in order, through FSRS.

The Leitner boxes of v2-v4 counted games, not time, so they are dropped rather than
converted: each answer of a scored game is a review of its question's card at the time
it was saved, rated as it would be now (quiz.records.rating). The history keeps no note
of a close spelling, so an old right answer is Good, or Easy when fast in a timed game.

Rows are untrusted: an answer whose pack or question id is not text is left out (as the
totals leave it out); a time that is not one reads as the time before it.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from quiz.records import is_fast, rating
from quiz.store import cards
from quiz.store.scores import RANKED

if TYPE_CHECKING:
    from fsrs import Card

BATCH = 10_000  # answers read at a time


def to_v5(conn: sqlite3.Connection) -> None:
    """Version 5: the cards table, filled by replaying the answers, and no Leitner boxes;
    an index of normal play's finished games in order, for the stats screen's score chart."""
    for statement in cards.TABLE:
        conn.execute(statement)
    conn.execute(f"CREATE INDEX ranked_by_time ON games (pack_id, id) WHERE {RANKED}")
    conn.execute("DROP TABLE IF EXISTS review_boxes")
    limits = _scored_games(conn)
    known: dict[tuple[str, str], Card] = {}
    using = cards.scheduler(cards.retention(conn), cards.FUZZ)
    last = datetime.fromtimestamp(0, UTC)
    rows = conn.execute(
        "SELECT game_id, pack_id, question_id, correct, seconds, answered_at FROM answers"
        " ORDER BY id"
    )
    while batch := rows.fetchmany(BATCH):
        for game_id, pack_id, question_id, correct, seconds, answered_at in batch:
            if game_id not in limits or not (type(pack_id) is str and type(question_id) is str):
                continue
            when = cards.parse_time(answered_at) or last
            last = when
            right = correct == 1 and type(correct) is int
            grade = rating(right, fast=is_fast(seconds, limits[game_id]))
            cards.review(conn, pack_id, question_id, grade, when, known, using)
    cards.save(conn, known.items())


def _scored_games(conn: sqlite3.Connection) -> dict[object, float | None]:
    """The games whose answers move cards (normal play and review), each with its
    per-question time limit (None: untimed)."""
    modes = ", ".join(f"'{mode}'" for mode in cards.SCHEDULED_MODES)
    limits: dict[object, float | None] = {}
    for game_id, timed, settings in conn.execute(
        f"SELECT id, timed, settings FROM games WHERE mode IN ({modes})"
    ):
        limits[game_id] = _timer(settings) if timed == 1 else None
    return limits


def _timer(settings: object) -> float | None:
    """The "timer" a game's settings kept, when it is a number of seconds."""
    try:
        value = json.loads(settings) if isinstance(settings, str) else None
    except (ValueError, RecursionError):
        return None
    timer = value.get("timer") if isinstance(value, dict) else None
    return float(timer) if type(timer) in (int, float) else None
