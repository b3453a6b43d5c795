"""Test helper: random histories, and stats, best scores and review computed the plain way.

The reference reads every row into Python and counts, as the schema v3 queries did in
SQL, so a test can check that the totals kept by triggers change no number.
"""

from __future__ import annotations

import random
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from fsrs import Card, Rating, Scheduler

from quiz.records import Accuracy, BestScore, KindStats, Missed, PackStats
from quiz.store import NewGame, Store
from quiz.store.cards import PARAMETERS

RELEARN = timedelta(days=1)
PACKS = ("a", "b", "c")
QUESTIONS = tuple(f"q{n}" for n in range(6))
CATEGORIES = (None, "cast", "music")
DIFFICULTIES = (None, "easy", "hard", "medium")
ORDER = {"easy": 0, "medium": 1, "hard": 2}


def random_history(store: Store, rng: random.Random, games: int = 25) -> None:
    """Games of one or two packs, of every mode and kind, some left early, some finished
    after a later game started; skipped and timed-out answers given as ""."""
    open_games: list[tuple[int, int]] = []
    for _ in range(games):
        packs = tuple(sorted(rng.sample(PACKS, rng.choice((1, 1, 1, 2)))))
        mode = rng.choice(("play", "play", "play", "review", "retry"))
        row = NewGame("+".join(packs), packs, mode, rng.choice((None, 3, 5)), rng.random() < 0.3)
        game = store.start_game(row)
        right = 0
        for _ in range(rng.randrange(6)):
            correct = rng.random() < 0.5
            right += correct
            given = rng.choice(("x", "")) if not correct else "x"
            store.record_answer(game, rng.choice(packs), rng.choice(QUESTIONS), given, correct,
                                100 * correct, 1.0, rng.choice(CATEGORIES),
                                rng.choice(DIFFICULTIES))  # fmt: skip
        open_games.append((game, right))
        while open_games and rng.random() < 0.6:
            game, right = open_games.pop(rng.randrange(len(open_games)))
            if rng.random() < 0.8:  # else left early: never finished
                store.finish_game(game, rng.randrange(-50, 900), right, right)


@dataclass
class Rows:
    games: dict[int, tuple]  # id -> (pack_id, mode, question_count, timed, ended_at, score)
    members: set[tuple[int, str]]  # (game id, pack id) of game_packs
    answers: list[tuple]  # (game_id, pack_id, question_id, correct, category, difficulty)
    reviews: list[tuple]  # (pack_id, question_id, correct, answered_at) of play and review


def read_rows(conn: sqlite3.Connection) -> Rows:
    games = {
        row[0]: row[1:]
        for row in conn.execute(
            "SELECT id, pack_id, mode, question_count, timed, ended_at, score FROM games"
        )
    }
    members = set(conn.execute("SELECT game_id, pack_id FROM game_packs"))
    answers = conn.execute(
        "SELECT game_id, pack_id, question_id, correct, category, difficulty FROM answers"
    ).fetchall()
    reviews = conn.execute(
        "SELECT a.pack_id, a.question_id, a.correct, a.answered_at FROM answers a"
        " JOIN games g ON g.id = a.game_id WHERE g.mode IN ('play', 'review') ORDER BY a.id"
    ).fetchall()
    return Rows(games, members, answers, reviews)


def _in(rows: Rows, game: int, pack: str) -> bool:
    """The game took part in the pack (kept under it, or listing it) and was no practice."""
    return (
        game in rows.games
        and rows.games[game][1] != "retry"
        and (rows.games[game][0] == pack or (game, pack) in rows.members)
    )


def _counted(rows: Rows, answer: tuple) -> bool:
    """The answer was given in no practice round (an answer whose game is missing counts)."""
    return answer[0] not in rows.games or rows.games[answer[0]][1] != "retry"


def stats(rows: Rows, missed: int = 5) -> list[PackStats]:
    scopes = sorted(
        {g[0] for g in rows.games.values() if g[1] != "retry"}
        | {a[1] for a in rows.answers if _counted(rows, a)}
    )
    return [_one(rows, scope, missed) for scope in scopes]


def _one(rows: Rows, scope: str, missed: int) -> PackStats:
    practice = sum(1 for g in rows.games.values() if g[0] == scope and g[1] == "retry")
    kept = {gid: g for gid, g in rows.games.items() if g[0] == scope and g[1] != "retry"}
    packs = tuple(sorted({p for gid, p in rows.members if gid in kept})) or (scope,)
    mixed = len(packs) > 1
    games = kept if mixed else {gid: g for gid, g in rows.games.items() if _in(rows, gid, scope)}
    scores = [g[5] for g in kept.values() if g[4] is not None and g[1] == "play"]
    kinds: dict[tuple, list] = defaultdict(list)
    for g in kept.values():
        if g[1] == "play":
            kinds[(g[2], g[3])].append(g[5] if g[4] is not None else None)
    kind_stats = []
    for (count, timed), played in sorted(kinds.items(), key=lambda i: (i[0][0] is None, i[0])):
        done = [score for score in played if score is not None]
        kind_stats.append(KindStats(count, bool(timed), len(played), len(done),
                                    max(done, default=None),
                                    sum(done) / len(done) if done else None))  # fmt: skip
    if mixed:
        answers = [a for a in rows.answers if a[0] in kept]
    else:
        answers = [a for a in rows.answers if a[1] == scope and _counted(rows, a)]
    return PackStats(
        scope, packs, len(games), sum(g[4] is None for g in games.values()),
        max(scores, default=None), sum(scores) / len(scores) if scores else None,
        tuple(kind_stats), Accuracy("all", sum(a[3] for a in answers), len(answers)),
        tuple(_accuracy(answers, 4, "uncategorised")),
        tuple(sorted(_accuracy(answers, 5, "unknown"),
                     key=lambda i: (ORDER.get(i.label, 3), i.label))),
        tuple(_missed(answers)[:missed]), practice,
    )  # fmt: skip


def _accuracy(answers: list[tuple], column: int, missing: str) -> list[Accuracy]:
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for answer in answers:
        counts = tally[answer[column] or missing]
        counts[0] += answer[3]
        counts[1] += 1
    return [Accuracy(label, right, total) for label, (right, total) in sorted(tally.items())]


def _missed(answers: list[tuple]) -> list[Missed]:
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for answer in answers:
        counts = tally[(answer[1], answer[2])]
        counts[0] += not answer[3]
        counts[1] += 1
    found = [Missed(p, q, m, n) for (p, q), (m, n) in tally.items() if m]
    return sorted(found, key=lambda i: (-i.misses, -i.misses / i.attempts, i.pack_id,
                                        i.question_id))  # fmt: skip


def best_scores(rows: Rows) -> list[BestScore]:
    best: dict[tuple, int] = {}
    for pack, mode, count, timed, ended, score in rows.games.values():
        if ended is not None and mode == "play":
            key = (pack, count, timed)
            best[key] = max(best.get(key, score), score)
    order = sorted(best, key=lambda k: (k[0], k[1] is not None, k[1] or 0, k[2]))
    return [BestScore(pack, count, bool(timed), best[(pack, count, timed)])
            for pack, count, timed in order]  # fmt: skip


def best_like(rows: Rows, game: int) -> int | None:
    pack, mode, count, timed, _, _ = rows.games[game]
    scores = [g[5] for gid, g in rows.games.items()
              if gid != game and g[:4] == (pack, mode, count, timed) and g[4] is not None]  # fmt: skip
    return max(scores, default=None)


def cards(rows: Rows) -> dict[tuple[str, str], Card]:
    """Each answer of normal play or review replayed through FSRS, wrong Again, right Good."""
    scheduler = Scheduler(
        parameters=PARAMETERS, learning_steps=(), relearning_steps=(RELEARN,), enable_fuzzing=False
    )
    found: dict[tuple[str, str], Card] = {}
    for pack, question, correct, when in rows.reviews:
        card = found.get((pack, question), Card(0))
        rating = Rating.Good if correct else Rating.Again
        found[(pack, question)], _ = scheduler.review_card(
            card, rating, datetime.fromisoformat(when)
        )
    return found


def due(rows: Rows, pack: str, now: datetime) -> list[tuple[str, datetime]]:
    """(question id, due time) of PACK's cards due at NOW, most overdue first."""
    found = [(q, card.due) for (p, q), card in cards(rows).items() if p == pack and card.due <= now]
    return sorted(found, key=lambda item: (item[1], item[0]))


def without_review(report: list[PackStats]) -> list[PackStats]:
    """Stats without what review and the score chart add (the totals do not keep them)."""
    return [
        replace(s, seen=0, due=0, mastered=0, scores=(),
                most_missed=tuple(replace(m, recall=None, just_shown=False) for m in s.most_missed))
        for s in report
    ]  # fmt: skip


def as_version_4(path: Path) -> None:
    """Take a v5 file back to v4: Leitner boxes (empty), no cards."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE cards")
    conn.execute("DROP INDEX ranked_by_time")
    conn.execute(
        "CREATE TABLE review_boxes (pack_id TEXT NOT NULL, question_id TEXT NOT NULL,"
        " box INTEGER NOT NULL CHECK (box BETWEEN 1 AND 5), last_game_id INTEGER NOT NULL,"
        " updated_at TEXT NOT NULL, PRIMARY KEY (pack_id, question_id))"
    )
    conn.execute("PRAGMA user_version = 4")
    conn.close()
