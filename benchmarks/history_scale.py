"""History scale: stats, the stats screen, review and best scores at 1M answers against 1k.

Each size is a real history (benchmarks/history_fill.py: built at schema v3 in SQL, then
migrated by the store, which is timed too). Measures, each the median ratio of
alternating pairs against the 1,000-answer history:
- `quiz stats` (the whole process), with growth rows at 10k, 100k and 1M answers;
- the stats screen: key t on home until the report is on screen (Pilot);
- `quiz review`: its first question painted (pty), on copies (a review writes a game);
- `quiz play`: its first question painted (pty), dealt fresh questions first from the
  history's last answer per question;
- home's first paint with its best scores (pty).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import PYTHON, compile_quiz, median_ratio, run_process, table
from benchmarks.history_fill import fill
from benchmarks.terminal import until_painted

SIZES = (1_000, 10_000, 100_000, 1_000_000)
STATS = [PYTHON, "-m", "quiz", "stats"]
REVIEW = [PYTHON, "-m", "quiz", "review"]
PLAY = [PYTHON, "-m", "quiz", "play"]
HOME = [PYTHON, "-m", "quiz"]
FIRST_QUESTION = "Question 1 of"
HOME_PAINTED = "Severance, Season 2"


def _ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds) * 1000:.0f} ms"


def _row(label: str, big: list[float], small: list[float]) -> list[str]:
    return [label, _ms(big), f"{_ms(small)} ({SIZES[0]:,} answers)", f"{median_ratio(big, small):.2f}"]  # fmt: skip


def _pairs(run, big: Path, small: Path, rounds: int) -> tuple[list[float], list[float]]:
    """Alternate run(folder) on the big and the small history: a warm-up each, then pairs."""
    run(big), run(small)
    mine, theirs = [], []
    for _ in range(rounds):
        mine.append(run(big))
        theirs.append(run(small))
    return mine, theirs


def _stats_process(folder: Path) -> float:
    return run_process(STATS, {"QUIZ_DATA_DIR": str(folder)}).seconds


def _painted(argv: list[str], marker: str):
    return lambda folder: until_painted(argv, marker, {"QUIZ_DATA_DIR": str(folder)}).seconds


async def _stats_screen(folder: Path) -> float:
    """Seconds from key t on home to the stats report on screen, in Pilot."""
    from quiz.history.sqlite import SqliteHistory
    from quiz.packs.discovery import builtin_pack_files
    from quiz.packs.loader import load_pack
    from quiz.ui.app import create_app
    from quiz.ui.screens.stats import StatsScreen

    history = SqliteHistory.open(folder)
    app = create_app([load_pack(path) for path in builtin_pack_files()], history=history)
    try:
        async with app.run_test(size=(80, 40)) as pilot:
            await pilot.pause()
            started = time.perf_counter()
            await pilot.press("t")
            while not (isinstance(app.screen, StatsScreen) and app.screen.report is not None):
                await asyncio.sleep(0.001)
            await pilot.pause()  # the report mounted and painted
            return time.perf_counter() - started
    finally:
        history.close()


def measure(rounds: int, quick: bool = False) -> list[list[str]]:
    compile_quiz()
    sizes = SIZES[:3] if quick else SIZES
    with tempfile.TemporaryDirectory() as root:
        folders = {size: Path(root) / f"{size}" for size in sizes}
        migration = {size: fill(folder, size) for size, folder in folders.items()}
        small, big = sizes[0], sizes[-1]
        name = f"{big:,} answers vs {small:,}"
        rows = []
        for size in sizes[1:]:  # the growth rows before the largest: fewer pairs
            pairs = rounds if size == big else max(3, rounds // 2)
            mine, theirs = _pairs(_stats_process, folders[size], folders[small], pairs)
            rows.append(_row(f"quiz stats, {size:,} answers vs {small:,}", mine, theirs))
        # Opening a screen in Pilot varies more than a process does: twice the pairs.
        mine, theirs = _pairs(lambda f: asyncio.run(_stats_screen(f)), folders[big],
                              folders[small], rounds if quick else 2 * rounds)  # fmt: skip
        rows.append(_row(f"stats screen (t to report), {name}", mine, theirs))
        copies = {size: Path(root) / f"copy-{size}" for size in (small, big)}
        for size, copy in copies.items():  # a review starts a game: the originals stay as built
            shutil.copytree(folders[size], copy)
        mine, theirs = _pairs(_painted(REVIEW, FIRST_QUESTION), copies[big], copies[small], rounds)
        rows.append(_row(f"quiz review first question, {name}", mine, theirs))
        mine, theirs = _pairs(_painted(PLAY, FIRST_QUESTION), copies[big], copies[small], rounds)
        rows.append(_row(f"quiz play first question (fresh deal), {name}", mine, theirs))
        mine, theirs = _pairs(_painted(HOME, HOME_PAINTED), folders[big], folders[small], rounds)
        rows.append(_row(f"home with best scores, {name}", mine, theirs))
        rows.append([f"migrate v3 to v5 (cards replayed), {big:,} answers", f"{migration[big]:.1f} s",
                     f"{migration[small] * 1000:.0f} ms ({small:,} answers)",
                     f"{migration[big] / migration[small]:.0f}"])  # fmt: skip
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="up to 100k answers, not 1M")
    args = parser.parse_args()
    rows = measure(args.rounds, args.quick)
    print(table(rows, ["measure", "quiz", "baseline", "ratio"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
