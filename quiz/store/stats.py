"""Stats from the history: games, best and average scores, accuracy, most-missed questions."""

from __future__ import annotations

import sqlite3

from quiz.records import UNCATEGORISED, UNKNOWN, Accuracy, KindStats, Missed, PackStats
from quiz.store.scores import KIND, PLAY, SCORED

_DIFFICULTY_ORDER = {"easy": 0, "medium": 1, "hard": 2}
# Normal play (not review or retry games) competes for best and average scores.
_RANKED = f"mode = '{PLAY}'"
# The history is untrusted: an answer counts as right or missed only when `correct` is 1
# or 0, so no value makes a sum overflow or a label lie (scores: see quiz.store.scores).
RIGHT, MISSED = "correct = 1", "correct = 0"


def _text(column: str) -> str:
    """SQL for COLUMN's value when it is text, else NULL: names (pack and question ids,
    categories) come back as str or not at all, whatever a row holds."""
    return f"CASE WHEN typeof({column}) = 'text' THEN {column} END"


def pack_stats(
    conn: sqlite3.Connection, pack_id: str | None = None, missed: int = 5
) -> list[PackStats]:
    """Stats for every pack with games (or just PACK_ID), sorted by pack id; [] if none.

    A pack counts the games it took part in, games of several packs included, and every
    answer to its questions; a game of several packs keeps a row of its own for its
    scores, with the answers given in it.
    """
    scopes = conn.execute(
        "SELECT id FROM (SELECT pack_id AS id FROM games UNION SELECT pack_id FROM answers)"
        " WHERE typeof(id) = 'text' AND (?1 IS NULL OR id = ?1) ORDER BY id",
        (pack_id,),
    ).fetchall()
    return [_one_pack(conn, scope, missed) for (scope,) in scopes]


def _members(conn: sqlite3.Connection, pack_id: str) -> tuple[str, ...]:
    """The packs the games kept under PACK_ID asked from (just itself, for one pack)."""
    rows = conn.execute(
        "SELECT DISTINCT p.pack_id FROM games g JOIN game_packs p ON p.game_id = g.id"
        " WHERE g.pack_id = ? AND typeof(p.pack_id) = 'text' ORDER BY p.pack_id",
        (pack_id,),
    ).fetchall()
    return tuple(row[0] for row in rows) or (pack_id,)


def _one_pack(conn: sqlite3.Connection, pack_id: str, missed: int) -> PackStats:
    packs = _members(conn, pack_id)
    mixed = len(packs) > 1
    # A pack's games are those it took part in; a mix's, those kept under its id.
    games_of = (
        "pack_id = ?1"
        if mixed
        else "pack_id = ?1 OR id IN (SELECT game_id FROM game_packs WHERE pack_id = ?1)"
    )
    answers_of = "game_id IN (SELECT id FROM games WHERE pack_id = ?)" if mixed else "pack_id = ?"
    games, unfinished = conn.execute(
        f"SELECT count(*), coalesce(sum(ended_at IS NULL), 0) FROM games WHERE {games_of}",
        (pack_id,),
    ).fetchone()
    best, average = conn.execute(
        f"SELECT max(score), avg(score) FROM games WHERE pack_id = ? AND ended_at IS NOT NULL"
        f" AND {_RANKED} AND {SCORED}",
        (pack_id,),
    ).fetchone()
    kinds = tuple(
        KindStats(count, bool(timed), played, finished, top, mean)
        for count, timed, played, finished, top, mean in conn.execute(
            "SELECT question_count, timed, count(*),"
            f" count(CASE WHEN ended_at IS NOT NULL AND {SCORED} THEN 1 END),"
            f" max(CASE WHEN ended_at IS NOT NULL AND {SCORED} THEN score END),"
            f" avg(CASE WHEN ended_at IS NOT NULL AND {SCORED} THEN score END)"
            f" FROM games WHERE pack_id = ? AND {_RANKED} AND {KIND}"
            " GROUP BY question_count, timed"
            " ORDER BY question_count IS NULL, question_count, timed",
            (pack_id,),
        )
    )
    right, total = conn.execute(
        f"SELECT coalesce(sum({RIGHT}), 0), count(*) FROM answers WHERE {answers_of}",
        (pack_id,),
    ).fetchone()
    by_difficulty = sorted(
        _accuracy(conn, pack_id, answers_of, "difficulty", UNKNOWN),
        key=lambda item: (_DIFFICULTY_ORDER.get(item.label, 3), item.label),
    )
    return PackStats(
        pack_id=pack_id,
        packs=packs,
        games=games,
        unfinished=unfinished or 0,
        best=best,
        average=average,
        kinds=kinds,
        overall=Accuracy("all", right, total),
        by_category=tuple(_accuracy(conn, pack_id, answers_of, "category", UNCATEGORISED)),
        by_difficulty=tuple(by_difficulty),
        most_missed=tuple(_most_missed(conn, pack_id, answers_of, missed)),
    )


def _accuracy(
    conn: sqlite3.Connection, pack_id: str, answers_of: str, column: str, missing: str
) -> list[Accuracy]:
    # `answers_of` and `column` are SQL fixed in this module, never user input.
    rows = conn.execute(
        f"SELECT coalesce({_text(column)}, ?), sum({RIGHT}), count(*) FROM answers"
        f" WHERE {answers_of} GROUP BY 1 ORDER BY 1",
        (missing, pack_id),
    )
    return [Accuracy(label, right, total) for label, right, total in rows]


def _most_missed(
    conn: sqlite3.Connection, pack_id: str, answers_of: str, limit: int
) -> list[Missed]:
    """The questions missed most often (then by share missed), at most LIMIT of them."""
    rows = conn.execute(
        f"SELECT pack_id, question_id, sum({MISSED}) AS misses, count(*) AS attempts"
        f" FROM answers WHERE ({answers_of}) AND typeof(question_id) = 'text'"
        " AND typeof(pack_id) = 'text' GROUP BY pack_id, question_id"
        " HAVING misses > 0 ORDER BY misses DESC, 1.0 * misses / attempts DESC,"
        " pack_id, question_id LIMIT ?",
        (pack_id, limit),
    )
    return [Missed(*row) for row in rows]
