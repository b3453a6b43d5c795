"""History size: time to first question with 100,000 recorded answers against an empty history."""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import compile_quiz, median_ratio, table
from benchmarks.startup import FIRST_QUESTION, PLAY
from benchmarks.terminal import until_painted

ANSWERS = 100_000
PER_GAME = 10


def fill_history(data_dir: Path, answers: int = ANSWERS) -> None:
    """A real history database (made by the store) holding `answers` answers of the built-in pack."""
    from quiz.packs.discovery import builtin_pack_files
    from quiz.packs.loader import load_pack
    from quiz.store import Store

    store, _ = Store.open(data_dir)
    store.close()
    [database] = data_dir.glob("*.db")
    questions = [q for path in builtin_pack_files() for q in load_pack(path).questions]
    chance = random.Random(1)
    with sqlite3.connect(database) as conn:
        for game in range(answers // PER_GAME):
            when = f"2026-01-01T00:{game % 60:02d}:00+00:00"
            game_id = conn.execute(
                "INSERT INTO games (pack_id, settings, started_at, ended_at, score, mode,"
                " question_count, timed, right_answers, total_questions) VALUES"
                " ('severance-s2', '{}', ?, ?, ?, 'play', ?, 0, ?, ?)",
                (when, when, chance.randrange(2000), PER_GAME, 5, PER_GAME),
            ).lastrowid  # fmt: skip
            conn.execute("INSERT INTO game_packs VALUES (?, 'severance-s2')", (game_id,))
            conn.executemany(
                "INSERT INTO answers (game_id, pack_id, question_id, given, correct, points,"
                " seconds, answered_at, category, difficulty) VALUES (?, 'severance-s2', ?, 'x',"
                " ?, 100, 3.5, ?, ?, ?)",
                [(game_id, q.id, chance.random() < 0.6, when, q.category, q.difficulty.value)
                 for q in chance.sample(questions, PER_GAME)],
            )  # fmt: skip


def measure(rounds: int) -> list[list[str]]:
    compile_quiz()
    with tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as full:
        fill_history(Path(full))
        big, small = {"QUIZ_DATA_DIR": full}, {"QUIZ_DATA_DIR": empty}
        until_painted(PLAY, FIRST_QUESTION, big), until_painted(PLAY, FIRST_QUESTION, small)
        with_history, without = [], []
        for _ in range(rounds):
            with_history.append(until_painted(PLAY, FIRST_QUESTION, big).seconds)
            without.append(until_painted(PLAY, FIRST_QUESTION, small).seconds)
    return [[
        f"time to first question, {ANSWERS:,} answers saved", f"{statistics.median(with_history) * 1000:.0f} ms",
        f"{statistics.median(without) * 1000:.0f} ms (empty history)", f"{median_ratio(with_history, without):.2f}",
    ]]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10)
    print(table(measure(parser.parse_args().rounds), ["measure", "quiz", "baseline", "ratio"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
