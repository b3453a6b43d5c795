"""Home with many packs: first paint of `quiz` in a pty over generated packs, index warm
against the built-in pack alone, and index cold against `quiz check` of the same folder."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import PYTHON, Run, compile_quiz, median_ratio, run_process, table
from benchmarks.terminal import until_painted

HOME = [PYTHON, "-m", "quiz"]
PAINTED = "Enter plays 10 questions"  # home's hint, painted in the frame that lists the packs
GROWTH = (5, 50)  # warm rows beside the 500-pack one: 1x, 10x, 100x
MANY = 500
BIG = 20_000  # questions in the one big pack of the "cached after the first start" rows
CATEGORIES = ("production", "cast", "design", "music")
DIFFICULTIES = ("easy", "medium", "hard")


def write_pack(path: Path, number: int, questions: int = 40) -> None:
    """A valid pack of choice questions over four categories and three difficulties."""
    lines = [
        "format: 1", f"id: generated-{number}", f'title: "Generated pack {number}"',
        f'description: "Questions about the shoot of production {number}."', "sources:",
        f'  - {{id: notes, title: "Notes {number}", published: 2025-01-10, file: "n.txt"}}',
        "questions:",
    ]  # fmt: skip
    for i in range(questions):
        lines += [
            f"  - id: q-{i}",
            f'    prompt: "Question {i} of pack {number}: what was used in scene {i}?"',
            f'    answer: "Answer {i}"',
            f'    distractors: ["Wrong {i} a", "Wrong {i} b", "Wrong {i} c"]',
            f"    category: {CATEGORIES[i % len(CATEGORIES)]}",
            f"    difficulty: {DIFFICULTIES[i % len(DIFFICULTIES)]}",
            "    source:",
            "      ref: notes",
            f'      excerpt: "The crew used answer {i} in scene {i}, the director said."',
            f'      highlight: "answer {i}"',
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def data_dir_with(root: Path, packs: int) -> Path:
    """A data folder holding `packs` generated packs in its packs/ folder."""
    folder = root / f"data-{packs}"
    (folder / "packs").mkdir(parents=True)
    for number in range(packs):
        write_pack(folder / "packs" / f"pack-{number:03}.yaml", number)
    return folder


def missed_some(data_dir: Path, pack_id: str) -> None:
    """A history with one finished game of the pack, three of its questions missed."""
    from quiz.store import NewGame, Store

    store, _ = Store.open(data_dir)
    with store:
        game = store.start_game(NewGame(pack_id, count=10))
        for i in range(10):
            store.record_answer(game, pack_id, f"q-{i * 997}", "x", i > 2, 100, 2.0, None, "easy")
        store.finish_game(game, 700, 7, 10)


def home(data_dir: Path) -> Run:
    return until_painted(HOME, PAINTED, {"QUIZ_DATA_DIR": str(data_dir)})


def alternate(
    ours: Callable[[], Run], theirs: Callable[[], Run], rounds: int, warm_up: bool = True
):
    """`rounds` alternating pairs (after one warm-up of each, if asked)."""
    if warm_up:
        ours(), theirs()
    pairs = [(ours(), theirs()) for _ in range(rounds)]
    return [a for a, _ in pairs], [b for _, b in pairs]


def row(label: str, mine: list[Run], theirs: list[Run]) -> list[str]:
    mine_s, theirs_s = [r.seconds for r in mine], [r.seconds for r in theirs]
    return [label, f"{statistics.median(mine_s) * 1000:.0f} ms",
            f"{statistics.median(theirs_s) * 1000:.0f} ms", f"{median_ratio(mine_s, theirs_s):.2f}"]  # fmt: skip


def measure(rounds: int, quick: bool = False) -> list[list[str]]:
    """Warm home with 500 packs and the growth rows against built-in only; cold home with
    500 packs against `quiz check` of them."""
    compile_quiz()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        builtin_only = root / "data-0"
        builtin_only.mkdir()
        many = data_dir_with(root, MANY)
        ours, theirs = alternate(lambda: home(many), lambda: home(builtin_only), rounds)
        rows.append(
            row(f"home first paint, {MANY} packs (index warm) vs built-in only", ours, theirs)
        )

        index = many / "cache" / "pack-index.json"

        def cold_home() -> Run:
            index.unlink(missing_ok=True)
            return home(many)

        check = [*HOME, "check", str(many / "packs")]
        cold_rounds = 1 if quick else 2
        ours, theirs = alternate(cold_home, lambda: run_process(check), cold_rounds, warm_up=False)
        rows.append(row(f"home first paint, {MANY} packs, index cold vs quiz check", ours, theirs))

        for packs in GROWTH:
            some = data_dir_with(root, packs)
            ours, theirs = alternate(
                lambda some=some: home(some), lambda: home(builtin_only), max(2, rounds // 2)
            )
            rows.append(row(f"home first paint, index warm, {packs} packs", ours, theirs))
        assert os.path.exists(index), "home did not write the pack index"
        if not quick:
            rows += big_pack_rows(root, builtin_only, max(2, rounds // 2))
    return rows


def big_pack_rows(root: Path, builtin_only: Path, rounds: int) -> list[list[str]]:
    """Home and `quiz stats` with one 20,000-question pack, from the second start on (the
    warm-up is the first), against built-in only and the same history without the pack."""
    big, no_packs = root / "data-big", root / "data-history"
    (big / "packs").mkdir(parents=True)
    no_packs.mkdir()
    write_pack(big / "packs" / "big.yaml", 0, BIG)
    for folder in (big, no_packs):
        missed_some(folder, "generated-0")
    ours, theirs = alternate(lambda: home(big), lambda: home(builtin_only), rounds)
    rows = [row(f"home first paint, one {BIG:,}-question pack (second start)", ours, theirs)]
    stats = [*HOME, "stats"]
    ours, theirs = alternate(
        lambda: run_process(stats, {"QUIZ_DATA_DIR": str(big)}),
        lambda: run_process(stats, {"QUIZ_DATA_DIR": str(no_packs)}),
        rounds,
    )
    rows.append(
        row(f"quiz stats, one {BIG:,}-question pack (second start) vs no packs", ours, theirs)
    )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--quick", action="store_true", help="fewer cold runs")
    args = parser.parse_args()
    print(table(measure(args.rounds, args.quick), ["measure", "quiz", "baseline", "ratio"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
