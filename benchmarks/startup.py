"""Time to first question and peak memory: `quiz play` against a bare Textual app, in a pty."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bare_app import MARKER
from benchmarks.common import PYTHON, Run, compile_quiz, median_ratio, table
from benchmarks.terminal import until_painted

BARE = [PYTHON, str(Path(__file__).resolve().parent / "bare_app.py")]
PLAY = [PYTHON, "-m", "quiz", "play", "--seed", "7"]
FIRST_QUESTION = "Question 1 of"


def paired_paints(data_dir: str, rounds: int) -> tuple[list[Run], list[Run]]:
    """Alternate `quiz play` and the bare app in a pty: a warm-up each, then `rounds` pairs."""
    env = {"QUIZ_DATA_DIR": data_dir}
    until_painted(PLAY, FIRST_QUESTION, env), until_painted(BARE, MARKER)
    ours, bare = [], []
    for _ in range(rounds):
        ours.append(until_painted(PLAY, FIRST_QUESTION, env))
        bare.append(until_painted(BARE, MARKER))
    return ours, bare


def rows(ours: list[Run], bare: list[Run], label: str = "") -> list[list[str]]:
    """Table rows for time to first paint and peak memory."""
    mine_s, bare_s = [r.seconds for r in ours], [r.seconds for r in bare]
    mine_m, bare_m = [r.peak_kib for r in ours], [r.peak_kib for r in bare]
    return [
        [f"time to first question{label}", f"{statistics.median(mine_s) * 1000:.0f} ms",
         f"{statistics.median(bare_s) * 1000:.0f} ms", f"{median_ratio(mine_s, bare_s):.2f}"],
        [f"peak memory (RSS){label}", f"{statistics.median(mine_m) / 1024:.1f} MiB",
         f"{statistics.median(bare_m) / 1024:.1f} MiB", f"{median_ratio(mine_m, bare_m):.2f}"],
    ]  # fmt: skip


def measure(rounds: int) -> list[list[str]]:
    compile_quiz()
    with tempfile.TemporaryDirectory() as data_dir:
        return rows(*paired_paints(data_dir, rounds))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10)
    print(table(measure(parser.parse_args().rounds), ["measure", "quiz", "bare Textual", "ratio"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
