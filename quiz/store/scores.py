"""Best scores of normal play per pack and kind of game (mode, count, timing), and "new best!"."""

from __future__ import annotations

import sqlite3

from quiz.records import BestScore

PLAY = "play"  # the mode of normal play, the only one that competes for best scores
PRACTICE = "retry"  # the mode of practice rounds: kept, but counted apart from games played
# The history is untrusted: a game whose score, count or timing is not a number of the
# right kind (text, a real, a blob) is left out of scores rather than coerced into one.
SCORED = "typeof(score) = 'integer'"
KIND = "(question_count IS NULL OR typeof(question_count) = 'integer') AND timed IN (0, 1)"
FINISHED = f"ended_at IS NOT NULL AND {SCORED}"  # a game that counts for scores
RANKED = f"{FINISHED} AND mode = '{PLAY}'"  # ... and for best scores: normal play
# A row of kind_totals (quiz.store.totals) as written there; one edited to hold something
# else is not read.
KNOWN_KIND = "(count_key = 'all' OR typeof(count_key) = 'integer') AND timed IN (0, 1)"


def best_like(conn: sqlite3.Connection, game_id: int) -> int | None:
    """The best finished score among the other games of GAME_ID's pack, mode, count and
    timing, or None."""
    game = conn.execute(
        "SELECT pack_id, mode, question_count, timed FROM games WHERE id = ?", (game_id,)
    ).fetchone()
    if game is None:
        return None
    # The partial index finished_scores (quiz.store.totals) holds just these games, by score.
    row = conn.execute(
        "SELECT score FROM games WHERE pack_id = ? AND mode = ? AND question_count IS ?"
        f" AND timed = ? AND {FINISHED} AND id != ?"
        " ORDER BY score DESC LIMIT 1",
        (*game, game_id),
    ).fetchone()
    return row[0] if row else None


def finished_like(conn: sqlite3.Connection, game_id: int) -> int:
    """How many finished games of normal play share GAME_ID's pack, count and timing
    (itself included once finished): one row of kind_totals (quiz.store.totals)."""
    row = conn.execute(
        "SELECT k.finished FROM games g JOIN kind_totals k ON k.scope = g.pack_id"
        f" AND k.count_key = (CASE WHEN g.question_count IS NULL THEN 'all'"
        " ELSE g.question_count END) AND k.timed = g.timed"
        f" WHERE g.id = ? AND g.mode = '{PLAY}'",
        (game_id,),
    ).fetchone()
    return row[0] if row and type(row[0]) is int else 0


def best_by_pack(conn: sqlite3.Connection, pack_id: str | None = None) -> list[BestScore]:
    """The best finished score of normal play for each pack (or PACK_ID) and kind."""
    # The kinds played come from the totals; each best is one lookup in finished_scores.
    rows = conn.execute(
        "SELECT scope, nullif(count_key, 'all') AS count, timed, (SELECT max(score) FROM games"
        " WHERE pack_id = k.scope AND question_count IS nullif(k.count_key, 'all')"
        f" AND timed = k.timed AND {RANKED})"
        f" FROM kind_totals k WHERE (?1 IS NULL OR scope = ?1) AND finished > 0 AND {KNOWN_KIND}"
        " ORDER BY scope, count, timed",
        (pack_id,),
    )
    return [
        BestScore(pack, count, bool(timed), score)
        for pack, count, timed, score in rows
        if score is not None
    ]


def beats(score: int, previous: int | None) -> bool:
    """A new best: above 0 and above every earlier finished game of the pack and kind.

    The first finished game with points counts (previous is None then, for a UI that
    wants to word that as "first score" instead)."""
    return score > 0 and (previous is None or score > previous)
