"""Textual's floor for quiz's two pty latency rows: the same kinds of change made by a
Textual app with no quiz code (benchmarks/floor_app.py), against the bare app's key to
update, in a pty, in alternating pairs. Not in run.py's table: it tells whether a row
over its limit is over it in Textual itself.

python benchmarks/textual_floor.py --rounds 12
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.answer_latency import BARE
from benchmarks.bare_app import MARKER
from benchmarks.common import PYTHON, median_ratio, table
from benchmarks.floor_app import QUESTION, START
from benchmarks.terminal import Session

FLOOR = [PYTHON, str(Path(__file__).resolve().parent / "floor_app.py")]
SETTLE = 0.3  # seconds between a paint and the next key, so each key meets an idle app


def pairs(rounds: int) -> tuple[list[float], list[float], list[float]]:
    """Seconds from key to paint: the reveal-like change, the form-like screen, the bare
    app's update."""
    reveal, form, bare = [], [], []
    with Session(FLOOR) as floor, Session(BARE) as base:
        floor.wait_for(QUESTION)
        base.wait_for(MARKER)
        for number in range(1, rounds + 1):
            time.sleep(SETTLE)
            sent = floor.press(b"1")
            reveal.append(floor.wait_for(f"answer {number}, he said") - sent)
            time.sleep(SETTLE)
            floor.press(b"n")
            floor.wait_for(f"Question {number + 1}?")
            time.sleep(SETTLE)
            sent = base.press(b"1")
            bare.append(base.wait_for(f"Changed {number}.") - sent)
            time.sleep(SETTLE)
            sent = floor.press(b"s")
            form.append(floor.wait_for(START) - sent)
            time.sleep(SETTLE)
            floor.press(b"\x1b")
            floor.wait_for("Question")
    return reveal, form, bare


def measure(rounds: int) -> list[list[str]]:
    reveal, form, bare = pairs(rounds)

    def row(label: str, ours: list[float]) -> list[str]:
        return [label, f"{statistics.median(ours) * 1000:.1f} ms",
                f"{statistics.median(bare) * 1000:.1f} ms", f"{median_ratio(ours, bare):.2f}"]  # fmt: skip

    return [
        row("Textual alone: hide options, show a reveal in place (pty)", reveal),
        row("Textual alone: push a setup-like form screen (pty)", form),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=12)
    rows = measure(parser.parse_args().rounds)
    print(table(rows, ["measure", "Textual alone", "bare Textual", "ratio"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
