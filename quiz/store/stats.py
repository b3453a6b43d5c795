"""Stats from the history: games, best and average scores, accuracy, most-missed questions."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import datetime, timedelta

from quiz.records import Accuracy, KindStats, Missed, PackStats
from quiz.store import cards
from quiz.store.scores import KNOWN_KIND, PRACTICE, RANKED

CHART_GAMES = 40  # the latest finished games drawn on the score chart
JUST_SHOWN = timedelta(hours=1)  # a question answered this lately had its answer just shown

_DIFFICULTY_ORDER = {"easy": 0, "medium": 1, "hard": 2}
QuestionIds = Callable[[str], Collection[str] | None]  # a pack's question ids; None: unknown


def pack_stats(
    conn: sqlite3.Connection,
    pack_id: str | None,
    missed: int,
    now: datetime,
    questions: QuestionIds | None = None,
) -> list[PackStats]:
    """Stats for every pack with games (or just PACK_ID), sorted by pack id; [] if none.

    QUESTIONS, when given, says which questions each pack has now: the review numbers
    then count only their cards, as review asks only those. A pack it does not know (None)
    keeps all its cards: a pack not found now may be found again.

    A pack counts the games it took part in, games of several packs included, and every
    answer to its questions; a game of several packs keeps a row of its own for its
    scores, with the answers given in it. Read from the totals (quiz.store.totals).
    """
    scopes = conn.execute(
        "SELECT scope FROM (SELECT scope FROM scope_totals WHERE games > 0 UNION"
        " SELECT scope FROM label_totals WHERE by = 'pack' AND tries > 0)"
        " WHERE typeof(scope) = 'text' AND (?1 IS NULL OR scope = ?1) ORDER BY 1",
        (pack_id,),
    ).fetchall()
    return [_learning(conn, _one_pack(conn, scope, missed), now, questions) for (scope,) in scopes]


def _members(conn: sqlite3.Connection, pack_id: str) -> tuple[str, ...]:
    """The packs the games kept under PACK_ID asked from (just itself, for one pack)."""
    rows = conn.execute(
        "SELECT pack_id FROM scope_packs WHERE scope = ? AND games > 0"
        " AND typeof(pack_id) = 'text' ORDER BY pack_id",
        (pack_id,),
    ).fetchall()
    return tuple(row[0] for row in rows) or (pack_id,)


def _one_pack(conn: sqlite3.Connection, pack_id: str, missed: int) -> PackStats:
    packs = _members(conn, pack_id)
    mixed = len(packs) > 1
    # A pack's games are those it took part in; a mix's, those kept under its id. Its
    # answers: those to its questions; a mix's, those given in its games.
    by = "game" if mixed else "pack"
    row = conn.execute(
        f"SELECT {'games, games_open' if mixed else 'members, members_open'}, ranked, ranked_sum"
        " FROM scope_totals WHERE scope = ?",
        (pack_id,),
    ).fetchone()
    games, unfinished, ranked, ranked_sum = _numbers(row or (0, 0, 0, 0.0))
    best = conn.execute(
        f"SELECT max(score) FROM games WHERE pack_id = ? AND {RANKED}", (pack_id,)
    ).fetchone()[0]
    average = ranked_sum / ranked if ranked else None
    if best is None or average is None:  # totals edited by hand that the games deny
        best = average = None
    kinds = tuple(
        KindStats(count, bool(timed), played, finished, top, total / finished if finished else None)
        for count, timed, played, finished, total, top in conn.execute(
            "SELECT nullif(count_key, 'all') AS count, timed, games, finished, score_sum,"
            " (SELECT max(score) FROM games WHERE pack_id = k.scope AND question_count IS"
            f" nullif(k.count_key, 'all') AND timed = k.timed AND {RANKED})"
            f" FROM kind_totals k WHERE scope = ? AND games > 0 AND {KNOWN_KIND}"
            f" AND {_whole('games', 'finished')} AND typeof(score_sum) IN ('real', 'integer')"
            " ORDER BY count IS NULL, count, timed",
            (pack_id,),
        )
        if (top is None) == (finished == 0)  # a best only with finished games, as they say
    )
    labels = conn.execute(
        "SELECT category, difficulty, hits, tries FROM label_totals WHERE by = ? AND scope = ?"
        f" AND tries > 0 AND {_whole('hits', 'tries')}"
        " AND typeof(category) = 'text' AND typeof(difficulty) = 'text'",
        (by, pack_id),
    ).fetchall()
    by_difficulty = sorted(
        _accuracy(labels, 1), key=lambda item: (_DIFFICULTY_ORDER.get(item.label, 3), item.label)
    )
    (practice,) = conn.execute(
        "SELECT count(*) FROM games WHERE pack_id = ? AND mode = ?", (pack_id, PRACTICE)
    ).fetchone()
    return PackStats(
        pack_id=pack_id,
        packs=packs,
        games=games,
        unfinished=unfinished,
        best=best,
        average=average,
        kinds=kinds,
        overall=Accuracy("all", sum(row[2] for row in labels), sum(row[3] for row in labels)),
        by_category=tuple(_accuracy(labels, 0)),
        by_difficulty=tuple(by_difficulty),
        most_missed=tuple(_most_missed(conn, by, pack_id, missed)),
        practice=practice,
    )


def _learning(
    conn: sqlite3.Connection, stats: PackStats, now: datetime, questions: QuestionIds | None
) -> PackStats:
    """Add what review knows (seen, due, mastered, the most-missed questions' recall) and
    the latest scores. Cards are as many as the questions answered, not the answers."""
    known = cards.pack_cards(conn, stats.packs)
    if questions is not None:
        has = {pack: questions(pack) for pack in stats.packs}
        known = {
            key: card
            for key, card in known.items()
            if (ids := has[key[0]]) is None or key[1] in ids
        }
    recall = {key: cards.recall(card, now) for key, card in known.items()}
    scores = conn.execute(
        f"SELECT score FROM games WHERE pack_id = ? AND {RANKED} ORDER BY id DESC LIMIT ?",
        (stats.pack_id, CHART_GAMES),
    ).fetchall()
    return replace(
        stats,
        seen=len(known),
        due=sum(1 for card in known.values() if card.due <= now),
        mastered=sum(1 for key, value in recall.items() if cards.mastered(known[key], value)),
        most_missed=tuple(
            replace(
                m,
                recall=recall.get(key := (m.pack_id, m.question_id)),
                just_shown=key in known and now - (known[key].last_review or now) < JUST_SHOWN,
            )
            for m in stats.most_missed
        ),
        scores=tuple(row[0] for row in reversed(scores)),
    )


def _whole(*columns: str) -> str:
    """SQL true when each column holds a whole number: a totals row edited by hand to hold
    something else is not read (as KNOWN_KIND, and the text checks, for its names)."""
    return " AND ".join(f"typeof({column}) = 'integer'" for column in columns)


def _numbers(row: tuple) -> tuple[int, int, int, float]:
    games, unfinished, ranked, ranked_sum = row
    whole = [value if type(value) is int else 0 for value in (games, unfinished, ranked)]
    return whole[0], whole[1], whole[2], ranked_sum if isinstance(ranked_sum, float) else 0.0


def _accuracy(labels: list[tuple], column: int) -> list[Accuracy]:
    """Right answers of all, per category (COLUMN 0) or difficulty (1), sorted by label."""
    totals: dict[str, list[int]] = {}
    for row in labels:
        counts = totals.setdefault(row[column], [0, 0])
        counts[0] += row[2]
        counts[1] += row[3]
    return [Accuracy(label, right, total) for label, (right, total) in sorted(totals.items())]


def _most_missed(conn: sqlite3.Connection, by: str, pack_id: str, limit: int) -> list[Missed]:
    """The questions missed most often (then by share missed), at most LIMIT of them."""
    # For the same misses, a larger share missed is fewer attempts.
    rows = conn.execute(
        "SELECT pack_id, question_id, misses, tries FROM question_totals"
        " WHERE by = ? AND scope = ? AND misses > 0 AND typeof(misses) = 'integer'"
        " AND typeof(tries) = 'integer' AND typeof(pack_id) = 'text'"
        " AND typeof(question_id) = 'text' ORDER BY misses DESC, tries, pack_id, question_id"
        " LIMIT ?",
        (by, pack_id, limit),
    )
    return [Missed(*row) for row in rows]
