"""First typed number answer: our number reading against the text2num library (PyPI).

Each round runs a fresh process that has the game's judging loaded, then imports the
reader and reads one typed answer in words ("twenty million" for a "million dollars"
question), timing that alone: what the first number answer of a game pays. The baseline imports `text_to_num` and reads the same
words with text2num. A ratio at or under 1.0 means our reader is at least as fast, which
is why quiz keeps it (text2num also refuses "a hundred" and "minus three", which ours
reads). text2num is not a quiz dependency: `pip install text2num` to run this.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import PYTHON, REPO, compile_quiz, table

LABEL = "first number answer in words, ours vs text2num"
# Both start with the game's judging loaded, as it is by the first answer of a game.
OURS = """
import time
import quiz.game.matching
started = time.perf_counter()
from quiz.game.units import read_number
assert read_number("twenty million", "million dollars") == 20
print(time.perf_counter() - started)
"""
THEIRS = """
import time
import quiz.game.matching
started = time.perf_counter()
from text_to_num import text2num
assert text2num("twenty million", "en") / 10**6 == 20
print(time.perf_counter() - started)
"""


def _seconds(code: str) -> float:
    done = subprocess.run(
        [PYTHON, "-c", code], capture_output=True, text=True, check=True, cwd=REPO,
        env={"PYTHONPATH": str(REPO)},
    )  # fmt: skip
    return float(done.stdout.strip())


def measure(rounds: int) -> list[list[str]]:
    compile_quiz()
    try:
        _seconds(THEIRS)  # warm-up, and is text2num there at all?
    except subprocess.CalledProcessError:
        return [[LABEL, "-", "text2num not installed", "-"]]
    _seconds(OURS)
    ours, theirs = [], []
    for _ in range(rounds):
        ours.append(_seconds(OURS))
        theirs.append(_seconds(THEIRS))
    ratio = statistics.median(a / b for a, b in zip(ours, theirs, strict=True))
    return [[LABEL, f"{statistics.median(ours) * 1000:.2f} ms",
             f"{statistics.median(theirs) * 1000:.2f} ms (text2num)", f"{ratio:.2f}"]]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    print(table(measure(args.rounds), ["measure", "quiz", "baseline", "ratio"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
