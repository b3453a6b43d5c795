"""Stats from the history: games, best and average scores, accuracy, most-missed questions."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

UNCATEGORISED = "uncategorised"
UNKNOWN = "unknown"  # answers saved before difficulty was kept (schema v1)
_DIFFICULTY_ORDER = {"easy": 0, "medium": 1, "hard": 2}
# Normal play (not review or retry games) competes for best and average scores.
_RANKED = "(kind LIKE '%q-timed' OR kind LIKE '%q-untimed')"


@dataclass(frozen=True)
class Accuracy:
    """Right answers out of all answers for one category or difficulty."""

    label: str
    right: int
    total: int

    @property
    def ratio(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass(frozen=True)
class KindStats:
    """Games of one kind (see rules.game_kind) in a pack; best/average over finished ones."""

    kind: str
    games: int
    finished: int
    best: int | None
    average: float | None


@dataclass(frozen=True)
class Missed:
    """A question answered wrong (or skipped, or timed out) MISSES times out of ATTEMPTS."""

    pack_id: str
    question_id: str
    misses: int
    attempts: int


@dataclass(frozen=True)
class PackStats:
    """Everything the stats screen and `quiz stats` show for one pack."""

    pack_id: str
    games: int  # started, finished or not
    unfinished: int
    best: int | None  # over finished games of normal play (any count, timed or not)
    average: float | None
    kinds: tuple[KindStats, ...]
    overall: Accuracy
    by_category: tuple[Accuracy, ...]
    by_difficulty: tuple[Accuracy, ...]
    most_missed: tuple[Missed, ...]


def pack_stats(
    conn: sqlite3.Connection, pack_id: str | None = None, missed: int = 5
) -> list[PackStats]:
    """Stats for every pack with games (or just PACK_ID), sorted by pack id; [] if none."""
    # A pack counts the games it took part in, mixed ones ("a+b") included, and every
    # answer to its questions; a mix keeps a row of its own for its scores.
    packs = conn.execute(
        "SELECT p.id, count(g.id), coalesce(sum(g.ended_at IS NULL), 0) FROM"
        " (SELECT pack_id AS id FROM games UNION SELECT pack_id FROM answers) AS p"
        f" LEFT JOIN games g ON {_PLAYED_IN}"
        " WHERE ?1 IS NULL OR p.id = ?1 GROUP BY p.id ORDER BY p.id",
        (pack_id,),
    ).fetchall()
    return [_one_pack(conn, pack, games, unfinished, missed) for pack, games, unfinished in packs]


# A game's pack_id is a pack's id, or the ids of a mix joined by '+' (ids never hold '+').
_PLAYED_IN = "(g.pack_id = p.id OR instr('+' || g.pack_id || '+', '+' || p.id || '+') > 0)"


def _answers_of(pack_id: str) -> str:
    """SQL choosing a row's answers: a pack's own, or those given in a mix's games."""
    if "+" in pack_id:
        return "game_id IN (SELECT id FROM games WHERE pack_id = ?)"
    return "pack_id = ?"


def _one_pack(
    conn: sqlite3.Connection, pack_id: str, games: int, unfinished: int, missed: int
) -> PackStats:
    best, average = conn.execute(
        f"SELECT max(score), avg(score) FROM games WHERE pack_id = ? AND ended_at IS NOT NULL"
        f" AND {_RANKED}",
        (pack_id,),
    ).fetchone()
    kinds = tuple(
        KindStats(kind, count, finished, top, mean)
        for kind, count, finished, top, mean in conn.execute(
            "SELECT kind, count(*), count(ended_at),"
            " max(CASE WHEN ended_at IS NOT NULL THEN score END),"
            " avg(CASE WHEN ended_at IS NOT NULL THEN score END)"
            f" FROM games WHERE pack_id = ? AND {_RANKED} GROUP BY kind ORDER BY kind",
            (pack_id,),
        )
    )
    right, total = conn.execute(
        f"SELECT coalesce(sum(correct), 0), count(*) FROM answers WHERE {_answers_of(pack_id)}",
        (pack_id,),
    ).fetchone()
    by_difficulty = sorted(
        _accuracy(conn, pack_id, "difficulty", UNKNOWN),
        key=lambda item: (_DIFFICULTY_ORDER.get(item.label, 3), item.label),
    )
    return PackStats(
        pack_id=pack_id,
        games=games,
        unfinished=unfinished or 0,
        best=best,
        average=average,
        kinds=kinds,
        overall=Accuracy("all", right, total),
        by_category=tuple(_accuracy(conn, pack_id, "category", UNCATEGORISED)),
        by_difficulty=tuple(by_difficulty),
        most_missed=tuple(most_missed(conn, pack_id, missed)),
    )


def _accuracy(conn: sqlite3.Connection, pack_id: str, column: str, missing: str) -> list[Accuracy]:
    # `column` is one of two names fixed in this module, never user input.
    rows = conn.execute(
        f"SELECT coalesce({column}, ?), sum(correct), count(*) FROM answers"
        f" WHERE {_answers_of(pack_id)} GROUP BY 1 ORDER BY 1",
        (missing, pack_id),
    )
    return [Accuracy(label, right, total) for label, right, total in rows]


def most_missed(conn: sqlite3.Connection, pack_id: str | None, limit: int = 5) -> list[Missed]:
    """The questions missed most often (then by share missed), at most LIMIT of them."""
    scope = "?1 IS NULL OR " + (_answers_of(pack_id).replace("?", "?1") if pack_id else "1")
    rows = conn.execute(
        "SELECT pack_id, question_id, sum(NOT correct) AS misses, count(*) AS attempts"
        f" FROM answers WHERE {scope} GROUP BY pack_id, question_id"
        " HAVING misses > 0 ORDER BY misses DESC, 1.0 * misses / attempts DESC,"
        " pack_id, question_id LIMIT ?2",
        (pack_id, limit),
    )
    return [Missed(*row) for row in rows]
