"""Long game: resident memory and GC objects at question 10 and question 500 of one game."""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import table

if TYPE_CHECKING:
    from textual.app import App

QUESTIONS = 500
FIRST = 10  # memory is taken here, once every kind of widget has been shown


def write_choice_pack(path: Path, questions: int, marker: str = "") -> None:
    """A valid pack of choice questions, each citing a source with an excerpt (ending in
    `marker`, for a benchmark to spot the reveal on screen)."""
    lines = ["format: 1", "id: long-game", 'title: "Long game"', "sources:",
             '  - {id: src, title: "Source", publisher: "Press", published: 2025-01-10}',
             "questions:"]  # fmt: skip
    for i in range(questions):
        lines += [
            f"  - id: q-{i}",
            f'    prompt: "Question {i}: which was used on the shoot of scene {i}?"',
            f'    answer: "Answer {i}"',
            f'    distractors: ["Wrong {i} a", "Wrong {i} b", "Wrong {i} c"]',
            "    category: production",
            f"    difficulty: {('easy', 'medium', 'hard')[i % 3]}",
            f'    explanation: "Scene {i} needed it."',
            "    source:",
            "      ref: src",
            f'      excerpt: "They used answer {i}, the director said.{marker}"',
            f'      highlight: "answer {i}"',
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def resident_mib() -> float:
    """This process's resident memory now, in MiB (Linux /proc, else peak RSS)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def snapshot() -> tuple[float, int]:
    gc.collect()
    return resident_mib(), len(gc.get_objects())


async def key(app: App, name: str, done: Callable[[], bool]) -> None:
    """Press a key as the terminal would; wait until `done()`, then for the screen to be
    painted."""
    from textual import events

    app.post_message(events.Key(name, name))
    while not done():
        await asyncio.sleep(0.001)
    refreshed = asyncio.get_running_loop().create_future()
    app.screen.call_after_refresh(refreshed.set_result, None)
    await refreshed


async def play(questions: int) -> dict[int, tuple[float, int]]:
    """Play one game of `questions` with keys, with a real history; memory at FIRST and
    at the last question."""
    from quiz.game.selection import GameOptions
    from quiz.game.session import Phase
    from quiz.history.sqlite import SqliteHistory
    from quiz.packs.loader import load_pack
    from quiz.ui.app import create_app

    seen = {}
    with tempfile.TemporaryDirectory() as folder:
        pack_file = Path(folder) / "long.yaml"
        write_choice_pack(pack_file, questions)
        history = SqliteHistory.open(folder)
        app = create_app([load_pack(pack_file)], history=history, grace=0.0,
                         start=GameOptions(count=questions, seed=1))  # fmt: skip
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            session = app.screen.session
            for number in range(1, questions + 1):
                await key(app, "1", lambda: session.phase is Phase.REVEALED)
                if number in (FIRST, questions):
                    await pilot.pause()
                    seen[number] = snapshot()
                if number < questions:
                    await key(app, "n", lambda n=number: session.number > n)
        history.close()
    return seen


def measure(rounds: int = 1, quick: bool = False) -> list[list[str]]:
    questions = 150 if quick else QUESTIONS
    seen = asyncio.run(play(questions))
    (rss_first, objects_first), (rss_last, objects_last) = seen[FIRST], seen[questions]
    return [
        [f"RSS growth, question {FIRST} to {questions}", f"{rss_last:.1f} MiB",
         f"{rss_first:.1f} MiB", f"{rss_last - rss_first:+.1f} MiB"],
        [f"GC objects, question {FIRST} to {questions}", f"{objects_last:,}",
         f"{objects_first:,}", f"{objects_last / objects_first:.2f}"],
    ]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help=f"150 questions, not {QUESTIONS}")
    rows = measure(quick=parser.parse_args().quick)
    print(table(rows, ["measure", "at the end", f"at question {FIRST}", "growth"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
