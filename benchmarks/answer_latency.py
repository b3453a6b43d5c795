"""Answer latency: keypress to revealed excerpt, in Pilot, against a bare app updating a Static."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bare_app import BareApp
from benchmarks.common import table


async def quiz_latencies(rounds: int) -> list[float]:
    """Seconds from pressing an option's key to the excerpt being on screen, per question."""
    from quiz.game.selection import GameOptions
    from quiz.packs.discovery import builtin_pack_files
    from quiz.packs.loader import load_pack
    from quiz.packs.model import QuestionType
    from quiz.ui.app import create_app
    from quiz.ui.widgets.excerpt import ExcerptPanel

    pack = load_pack(builtin_pack_files()[0])
    choice_only = dataclasses.replace(
        pack, questions=tuple(q for q in pack.questions if q.type is QuestionType.CHOICE)
    )
    # No grace period: it drops keys that bounce in right after a question appears, and
    # this measures a key pressed on purpose, at once.
    app = create_app([choice_only], start=GameOptions(count=rounds + 1, seed=1), grace=0.0)
    latencies = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(rounds + 1):
            started = time.perf_counter()
            await pilot.press("1")
            await pilot.pause()
            app.screen.query_one(ExcerptPanel)  # raises if the excerpt is not there
            latencies.append(time.perf_counter() - started)
            await pilot.press("n")
            await pilot.pause()
    return latencies[1:]  # the first answer pays for one-off imports and styles


async def bare_latencies(rounds: int) -> list[float]:
    """Seconds from a keypress to the bare app's Static showing its new text."""
    app = BareApp()
    latencies = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(rounds):
            app.query_one("#line").update("before")
            await pilot.pause()
            started = time.perf_counter()
            await pilot.press("1")
            await pilot.pause()
            latencies.append(time.perf_counter() - started)
    return latencies


def measure(rounds: int) -> list[list[str]]:
    ours = asyncio.run(quiz_latencies(rounds))
    bare = asyncio.run(bare_latencies(rounds))
    mine, theirs = statistics.median(ours), statistics.median(bare)
    return [["answer latency (key to revealed excerpt)", f"{mine * 1000:.1f} ms",
             f"{theirs * 1000:.1f} ms", f"{mine / theirs:.2f}"]]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    print(table(measure(parser.parse_args().rounds), ["measure", "quiz", "bare Textual", "ratio"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
