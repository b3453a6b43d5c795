"""Best scores per pack and kind of game (see rules.game_kind), and the "new best!" rule."""

from __future__ import annotations

import sqlite3


def best(
    conn: sqlite3.Connection, pack_id: str, kind: str, exclude: int | None = None
) -> int | None:
    """The best finished score for this pack and kind (leaving out game EXCLUDE), or None."""
    row = conn.execute(
        "SELECT max(score) FROM games WHERE pack_id = ? AND kind = ?"
        " AND ended_at IS NOT NULL AND id IS NOT ?",
        (pack_id, kind, exclude),
    ).fetchone()
    return row[0]


def best_by_pack(conn: sqlite3.Connection, pack_id: str | None = None) -> dict[str, dict[str, int]]:
    """Best finished scores as {pack id: {kind: score}}, for one pack or all."""
    rows = conn.execute(
        "SELECT pack_id, kind, max(score) FROM games WHERE ended_at IS NOT NULL"
        " AND (?1 IS NULL OR pack_id = ?1) GROUP BY pack_id, kind",
        (pack_id,),
    )
    table: dict[str, dict[str, int]] = {}
    for pack, kind, score in rows:
        table.setdefault(pack, {})[kind] = score
    return table


def beats(score: int, previous: int | None) -> bool:
    """A new best: above 0 and above every earlier finished game of the pack and kind.

    The first finished game with points counts (previous is None then, for a UI that
    wants to word that as "first score" instead)."""
    return score > 0 and (previous is None or score > previous)
