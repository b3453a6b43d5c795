"""Review across sessions: Leitner boxes 1-5 per (pack, question), and which questions are due.

How "every 2^(k-1) games of that pack" is counted: each box row remembers the game in which
the question was last answered (`last_game_id`). The games of that pack started after that
one (games of several packs with it included), plus the game about to start, are the
games since; a question in box k is due when
that number reaches 2^(k-1). Box 1 is due in every game, box 2 every other game, and so
on up to box 5, every 16 games. Counting started games (finished or not) keeps the rule
simple and makes a review game itself count; game ids only grow, so the count is the same
whichever copy of quiz wrote the games.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection

from quiz.records import DueQuestion
from quiz.store.rules import MAX_BOX, interval, next_box

# A box row is used only when its box is a whole number 1..5 and its game an integer id;
# anything else in an untrusted history counts as never answered.
_BOXED = (
    f"typeof(box) = 'integer' AND box BETWEEN 1 AND {MAX_BOX} AND typeof(last_game_id) = 'integer'"
)

_SEQ = "CASE WHEN typeof(o.seq) = 'integer' THEN o.seq END"


def update_box(
    conn: sqlite3.Connection,
    pack_id: str,
    question_id: str,
    correct: bool,
    game_id: int,
    when: str,
) -> int:
    """Move the question's box after an answer (inside the caller's transaction); the new box."""
    row = conn.execute(
        f"SELECT box FROM review_boxes WHERE pack_id = ? AND question_id = ? AND {_BOXED}",
        (pack_id, question_id),
    ).fetchone()
    box = next_box(row[0] if row else None, correct)
    conn.execute(
        "INSERT INTO review_boxes (pack_id, question_id, box, last_game_id, updated_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (pack_id, question_id) DO UPDATE SET"
        " box = excluded.box, last_game_id = excluded.last_game_id,"
        " updated_at = excluded.updated_at",
        (pack_id, question_id, box, game_id, when),
    )
    return box


def box_of(conn: sqlite3.Connection, pack_id: str, question_id: str) -> int | None:
    """The question's box, or None when it has never been answered."""
    row = conn.execute(
        f"SELECT box FROM review_boxes WHERE pack_id = ? AND question_id = ? AND {_BOXED}",
        (pack_id, question_id),
    ).fetchone()
    return int(row[0]) if row else None


def _schedule(
    conn: sqlite3.Connection, pack_id: str | None, question_ids: Collection[str] | None
) -> list[tuple[DueQuestion, int]]:
    """Every boxed question with its overdue count (negative = games still to wait), and
    its last game id."""
    # The games of a pack since game N: its games in all, less those up to N, each the
    # place (seq) of a game among the pack's games (quiz.store.totals). A place edited to
    # be no whole number reads as 0.
    rows = conn.execute(
        "SELECT b.pack_id, b.question_id, b.box, b.last_game_id,"
        f" coalesce((SELECT {_SEQ} FROM pack_games o WHERE o.pack_id = b.pack_id"
        "  ORDER BY o.game_id DESC LIMIT 1), 0)"
        f" - coalesce((SELECT {_SEQ} FROM pack_games o WHERE o.pack_id = b.pack_id"
        "  AND o.game_id <= b.last_game_id ORDER BY o.game_id DESC LIMIT 1), 0)"
        f" FROM review_boxes b WHERE (?1 IS NULL OR b.pack_id = ?1) AND {_BOXED}",
        (pack_id,),
    ).fetchall()
    wanted = None if question_ids is None else set(question_ids)
    schedule = []
    for pack, question, box, last_game, since in rows:
        if wanted is not None and question not in wanted:
            continue
        overdue = since + 1 - interval(box)  # +1: the game about to start
        schedule.append((DueQuestion(pack, question, box, overdue), last_game))
    return schedule


def due(
    conn: sqlite3.Connection,
    pack_id: str | None = None,
    question_ids: Collection[str] | None = None,
) -> list[DueQuestion]:
    """The questions due in the next game of their pack, most overdue first.

    Call it before start_game for that game. `pack_id` None means every pack;
    `question_ids` keeps only those ids (e.g. the questions the pack still has).
    Ties go to the lower box, then to the question answered longest ago.
    """
    schedule = [pair for pair in _schedule(conn, pack_id, question_ids) if pair[0].overdue >= 0]
    schedule.sort(key=lambda pair: (-pair[0].overdue, pair[0].box, pair[1], pair[0].question_id))
    return [item for item, _ in schedule]


def next_due(
    conn: sqlite3.Connection,
    pack_id: str | None = None,
    question_ids: Collection[str] | None = None,
) -> int | None:
    """How many more games until a question comes due: 0 if one is due now, None if no
    question has been answered yet."""
    waits = [-item.overdue for item, _ in _schedule(conn, pack_id, question_ids)]
    return max(0, min(waits)) if waits else None
