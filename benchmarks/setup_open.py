"""Opening setup: key `s` on home to the setup screen painted, against a bare app's key to
update, in alternating pairs (Pilot, a fresh app each time, and in a pty)."""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.answer_latency import BARE
from benchmarks.bare_app import MARKER, BareApp
from benchmarks.common import PYTHON, as_launched, compile_quiz, median_ratio, table
from benchmarks.terminal import Session

HOME = "Quit (q)"  # on home's button row
SETUP = "Start (ctrl+s)"  # on setup's
SETTLE = 0.3  # seconds between a paint and the next key, so each key meets an idle app


async def pilot_setup_open(data_dir: str) -> float:
    """Seconds from `s` on a freshly painted home to the setup screen shown (Pilot)."""
    from quiz.history.sqlite import SqliteHistory
    from quiz.packs.discovery import builtin_pack_files
    from quiz.packs.loader import load_pack
    from quiz.ui.app import create_app
    from quiz.ui.screens.setup import SetupScreen

    history = SqliteHistory.open(data_dir)
    with as_launched():
        app = create_app([load_pack(path) for path in builtin_pack_files()], history=history)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause(SETTLE)
            started = time.perf_counter()
            await pilot.press("s")
            await pilot.pause()
            seconds = time.perf_counter() - started
            assert isinstance(app.screen, SetupScreen)
    history.close()
    return seconds


async def pilot_bare() -> float:
    """Seconds from a key to the bare app's new line (Pilot)."""
    app = BareApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause(SETTLE)
        started = time.perf_counter()
        await pilot.press("1")
        await pilot.pause()
        return time.perf_counter() - started


def pilot_pairs(rounds: int, data_dir: str) -> tuple[list[float], list[float]]:
    asyncio.run(pilot_setup_open(data_dir))  # a warm-up each
    asyncio.run(pilot_bare())
    ours, bare = [], []
    for _ in range(rounds):
        ours.append(asyncio.run(pilot_setup_open(data_dir)))
        bare.append(asyncio.run(pilot_bare()))
    return ours, bare


def pty_pairs(rounds: int, data_dir: str) -> tuple[list[float], list[float]]:
    """`quiz` and the bare app in terminals: s (then Esc back home) against 1, in turn."""
    ours, bare = [], []
    with (
        Session([PYTHON, "-m", "quiz"], {"QUIZ_DATA_DIR": data_dir}) as quiz,
        Session(BARE) as floor,
    ):
        quiz.wait_for(HOME)
        floor.wait_for(MARKER)
        for number in range(1, rounds + 1):
            time.sleep(SETTLE)
            sent = quiz.press(b"s")
            opened = quiz.wait_for(SETUP) - sent
            sent = floor.press(b"1")
            changed = floor.wait_for(f"Changed {number}.") - sent
            ours.append(opened)
            bare.append(changed)
            time.sleep(SETTLE)
            quiz.press(b"\x1b")
            quiz.wait_for(HOME)
    return ours, bare


def row(label: str, ours: list[float], bare: list[float]) -> list[str]:
    return [label, f"{statistics.median(ours) * 1000:.0f} ms",
            f"{statistics.median(bare) * 1000:.1f} ms", f"{median_ratio(ours, bare):.2f}"]  # fmt: skip


def measure(rounds: int, quick: bool = False) -> list[list[str]]:
    compile_quiz()
    with tempfile.TemporaryDirectory() as data_dir:
        return [
            row("opening setup, Pilot (s on home to setup)", *pilot_pairs(rounds, data_dir)),
            row("opening setup, pty (s to setup painted)", *pty_pairs(rounds, data_dir)),
        ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10)
    print(table(measure(parser.parse_args().rounds), ["measure", "quiz", "bare Textual", "ratio"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
