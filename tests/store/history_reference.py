"""Test helper: random histories, and stats, best scores and review computed the plain way.

The reference reads every row into Python and counts, as the schema v3 queries did in
SQL, so a test can check that the totals kept by triggers change no number.
"""

from __future__ import annotations

import random
import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from quiz.records import Accuracy, BestScore, DueQuestion, KindStats, Missed, PackStats
from quiz.store import NewGame, Store

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
    boxes: list[tuple]  # (pack_id, question_id, box, last_game_id)


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
    boxes = conn.execute(
        "SELECT pack_id, question_id, box, last_game_id FROM review_boxes"
    ).fetchall()
    return Rows(games, members, answers, boxes)


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


def schedule(rows: Rows, pack: str | None = None) -> list[tuple[DueQuestion, int]]:
    found = []
    for box_pack, question, box, last in rows.boxes:
        if pack is None or box_pack == pack:
            since = sum(1 for gid in rows.games if gid > last and _in(rows, gid, box_pack))
            found.append((DueQuestion(box_pack, question, box, since + 1 - 2 ** (box - 1)), last))
    return found


def due(rows: Rows, pack: str | None = None) -> list[DueQuestion]:
    items = [pair for pair in schedule(rows, pack) if pair[0].overdue >= 0]
    items.sort(key=lambda p: (-p[0].overdue, p[0].box, p[1], p[0].question_id))
    return [item for item, _ in items]


def next_due(rows: Rows, pack: str | None = None) -> int | None:
    waits = [-item.overdue for item, _ in schedule(rows, pack)]
    return max(0, min(waits)) if waits else None
