"""Best scores of normal play per pack and kind of game (mode, count, timing), and "new best!"."""

from __future__ import annotations

import sqlite3

from quiz.records import BestScore

PLAY = "play"  # the mode of normal play, the only one that competes for best scores
# The history is untrusted: a game whose score, count or timing is not a number of the
# right kind (text, a real, a blob) is left out of scores rather than coerced into one.
SCORED = "typeof(score) = 'integer'"
KIND = "(question_count IS NULL OR typeof(question_count) = 'integer') AND timed IN (0, 1)"


def best_like(conn: sqlite3.Connection, game_id: int) -> int | None:
    """The best finished score among the other games of GAME_ID's pack, mode, count and
    timing, or None."""
    row = conn.execute(
        "SELECT max(o.score) FROM games g JOIN games o ON o.pack_id = g.pack_id"
        " AND o.mode = g.mode AND o.question_count IS g.question_count AND o.timed = g.timed"
        " WHERE g.id = ?1 AND o.id != ?1 AND o.ended_at IS NOT NULL"
        " AND typeof(o.score) = 'integer'",  # a score that is not a number beats nothing
        (game_id,),
    ).fetchone()
    return row[0]


def best_by_pack(conn: sqlite3.Connection, pack_id: str | None = None) -> list[BestScore]:
    """The best finished score of normal play for each pack (or PACK_ID) and kind."""
    rows = conn.execute(
        "SELECT pack_id, question_count, timed, max(score) FROM games"
        f" WHERE ended_at IS NOT NULL AND mode = ?2 AND (?1 IS NULL OR pack_id = ?1)"
        f" AND {SCORED} AND {KIND}"
        " GROUP BY pack_id, question_count, timed ORDER BY pack_id, question_count, timed",
        (pack_id, PLAY),
    )
    return [BestScore(pack, count, bool(timed), score) for pack, count, timed, score in rows]


def beats(score: int, previous: int | None) -> bool:
    """A new best: above 0 and above every earlier finished game of the pack and kind.

    The first finished game with points counts (previous is None then, for a UI that
    wants to word that as "first score" instead)."""
    return score > 0 and (previous is None or score > previous)
