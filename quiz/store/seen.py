"""When each question of a pack was last answered, for dealing fresh questions first."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection


def last_seen(conn: sqlite3.Connection, pack_ids: Collection[str]) -> dict[tuple[str, str], int]:
    """{(pack id, question id): the id of its latest answer} for the questions of PACK_IDS
    ever answered; a larger id is a later answer.

    Reads one totals row per question answered (quiz.store.totals), and for each the
    newest answer from the end of the answers_by_question index: the cost grows with the
    questions a pack has, never with how many times they were answered.
    """
    found: dict[tuple[str, str], int] = {}
    for pack_id in sorted(set(pack_ids)):
        rows = conn.execute(
            "SELECT q.question_id, (SELECT max(a.id) FROM answers a"
            " WHERE a.pack_id = q.pack_id AND a.question_id = q.question_id)"
            " FROM question_totals q WHERE q.by = 'pack' AND q.scope = ?1 AND q.pack_id = ?1"
            " AND q.tries > 0 AND typeof(q.question_id) = 'text'",
            (pack_id,),
        )
        for question_id, answer_id in rows:
            if type(answer_id) is int:
                found[(pack_id, question_id)] = answer_id
    return found
