"""Answer latency: an answer key to its revealed excerpt, against a bare app's key to update.

Two ways, each in alternating pairs with the bare app (benchmarks/bare_app.py):
- in a pty: `quiz play` of a generated pack and the bare app run side by side in
  terminals; the time from writing the key to the terminal until the excerpt (or the
  bare app's new line) is painted there. What a player sees.
- in Pilot: Textual's test driver presses the key and waits until the app is idle, so
  work left for after the paint (saving, the footer) counts too.
"""

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

from benchmarks.bare_app import MARKER, BareApp
from benchmarks.common import PYTHON, as_launched, compile_quiz, median_ratio, table
from benchmarks.long_game import write_choice_pack
from benchmarks.terminal import Session

BARE = [PYTHON, str(Path(__file__).resolve().parent / "bare_app.py")]
PROOF = " ∎"  # ends every excerpt of the generated pack, so its reveal can be spotted
GRACE = 0.35  # a little over quiz's grace period, in which keys are taken as bounces


def pty_pairs(rounds: int) -> tuple[list[float], list[float]]:
    """Seconds from key to paint: quiz's answer to excerpt, the bare app's key to line."""
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as folder:
        pack = Path(folder) / "pack.yaml"
        write_choice_pack(pack, rounds + 5, marker=PROOF)
        play = [PYTHON, "-m", "quiz", "play", "--seed", "1", "--questions", str(rounds + 2),
                str(pack)]  # fmt: skip
        with Session(play, {"QUIZ_DATA_DIR": folder}) as quiz, Session(BARE) as floor:
            quiz.wait_for("Question 1 of")
            floor.wait_for(MARKER)
            for number in range(1, rounds + 2):
                time.sleep(GRACE)
                sent = quiz.press(b"1")
                answered = quiz.wait_for(PROOF.strip()) - sent
                sent = floor.press(b"1")
                changed = floor.wait_for(f"Changed {number}.") - sent
                if number > 1:  # the first answer pays for one-off imports and styles
                    ours.append(answered)
                    bare.append(changed)
                time.sleep(GRACE)
                quiz.press(b"n")
                quiz.wait_for(f"Question {number + 1} of")
    return ours, bare


async def quiz_latencies(rounds: int) -> list[float]:
    """Seconds from pressing an option's key (Pilot) to the app being idle with the excerpt
    on screen, per question."""
    from quiz.game.selection import GameOptions
    from quiz.packs.loader import load_pack
    from quiz.ui.app import create_app
    from quiz.ui.widgets.excerpt import ExcerptPanel

    with tempfile.TemporaryDirectory() as folder:
        pack = Path(folder) / "pack.yaml"
        write_choice_pack(pack, rounds + 5)
        # No grace period: this measures a key pressed on purpose, at once.
        latencies = []
        with as_launched():
            options = GameOptions(count=rounds + 1, seed=1)
            app = create_app([load_pack(pack)], start=options, grace=0.0)
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                for _ in range(rounds + 1):
                    started = time.perf_counter()
                    await pilot.press("1")
                    await pilot.pause()
                    assert app.screen.query_one(ExcerptPanel).display
                    latencies.append(time.perf_counter() - started)
                    await pilot.press("n")
                    await pilot.pause()
    return latencies[1:]


async def bare_latencies(rounds: int) -> list[float]:
    """Seconds from a key (Pilot) to the bare app idle with its Static showing new text."""
    app = BareApp()
    latencies = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(rounds):
            started = time.perf_counter()
            await pilot.press("1")
            await pilot.pause()
            latencies.append(time.perf_counter() - started)
    return latencies


def row(label: str, ours: list[float], bare: list[float]) -> list[str]:
    return [label, f"{statistics.median(ours) * 1000:.1f} ms",
            f"{statistics.median(bare) * 1000:.1f} ms", f"{median_ratio(ours, bare):.2f}"]  # fmt: skip


def measure(rounds: int, quick: bool = False) -> list[list[str]]:
    compile_quiz()
    in_pty = pty_pairs(rounds)
    in_pilot = asyncio.run(quiz_latencies(rounds)), asyncio.run(bare_latencies(rounds))
    return [
        row("answer latency, pty (key to excerpt painted)", *in_pty),
        row("answer latency, Pilot (key to reveal, app idle)", *in_pilot),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    print(table(measure(parser.parse_args().rounds), ["measure", "quiz", "bare Textual", "ratio"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
