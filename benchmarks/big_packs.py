"""Big packs: first question of `quiz play BIG.yaml` (cache warm, and cold) against the built-in pack."""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import PYTHON, REPO, Run, compile_quiz, median_ratio, table
from benchmarks.startup import FIRST_QUESTION, PLAY
from benchmarks.terminal import until_painted

SIZES = (1_000, 10_000, 40_000)  # each run cold first; the last two then warm
WARM = (10_000, 40_000)


def big_pack(folder: Path, questions: int) -> Path:
    """A generated pack, written by a child process, as the pty runs are made by one (see
    paired_warm): a child forked from a process that grew keeps that size as its peak
    memory, which would hide the difference between the two runs of a pair."""
    path = folder / f"pack-{questions}.yaml"
    code = "import sys; from benchmarks.pack_loading import write_pack as w; from pathlib import Path; w(Path(sys.argv[1]), int(sys.argv[2]))"  # fmt: skip
    subprocess.run([PYTHON, "-c", code, str(path), str(questions)], check=True, cwd=REPO)
    return path


def paired_warm(pack: Path, data_dir: str, rounds: int) -> tuple[list[Run], list[Run]]:
    """`quiz play PACK` and `quiz play` (built-in), alternating, both caches warm; run
    from a small child process (see big_pack)."""
    done = subprocess.run(
        [PYTHON, __file__, "--pairs", str(pack), data_dir, str(rounds)],
        check=True, capture_output=True, text=True, cwd=REPO,
    )  # fmt: skip
    ours, base = json.loads(done.stdout)
    return [Run(*run) for run in ours], [Run(*run) for run in base]


def _pairs(pack: str, data_dir: str, rounds: int) -> tuple[list[Run], list[Run]]:
    env = {"QUIZ_DATA_DIR": data_dir}
    big, builtin = [*PLAY, pack], PLAY
    (
        until_painted(big, FIRST_QUESTION, env, timeout=300),
        until_painted(builtin, FIRST_QUESTION, env),
    )
    ours, base = [], []
    for _ in range(rounds):
        ours.append(until_painted(big, FIRST_QUESTION, env))
        base.append(until_painted(builtin, FIRST_QUESTION, env))
    return ours, base


def cold(pack: Path, data_dir: str) -> Run:
    """`quiz play PACK` with the pack cache emptied first: load, compile, first question."""
    shutil.rmtree(Path(data_dir) / "cache", ignore_errors=True)
    return until_painted(
        [*PLAY, str(pack)], FIRST_QUESTION, {"QUIZ_DATA_DIR": data_dir}, timeout=300
    )


def _row(label: str, ours: list[float], base: list[float], unit: str) -> list[str]:
    scale, shown = (1000, "ms") if unit == "ms" else (1 / 1024, "MiB")
    fmt = "{:.0f} " if unit == "ms" else "{:.1f} "
    return [label, fmt.format(statistics.median(ours) * scale) + shown,
            fmt.format(statistics.median(base) * scale) + shown, f"{median_ratio(ours, base):.2f}"]  # fmt: skip


def measure(rounds: int, quick: bool = False) -> list[list[str]]:
    """Per size: the first run with the cache emptied (cold), then warm pairs against the
    built-in pack (time and peak memory); warm rows first, then cold growth rows."""
    compile_quiz()
    warm_rows, cold_rows, smallest = [], [], None
    with tempfile.TemporaryDirectory() as folder:
        # All written first: a pack is trusted by its times only once they are some
        # seconds old (quiz.packs.cache), as any pack not generated a moment ago is.
        packs = {size: big_pack(Path(folder), size) for size in SIZES}
        for size, pack in packs.items():
            with tempfile.TemporaryDirectory() as data_dir:
                runs = [cold(pack, data_dir).seconds for _ in range(1 if quick or size > 10_000 else 2)]  # fmt: skip
                if size in WARM:  # the cold run left the cache warm
                    ours, base = paired_warm(pack, data_dir, rounds)
                    label = f"{size:,}-question pack, cache warm"
                    warm_rows.append(_row(f"first question, {label}", [r.seconds for r in ours], [r.seconds for r in base], "ms"))  # fmt: skip
                    warm_rows.append(_row(f"peak memory, {label}", [r.peak_kib for r in ours], [r.peak_kib for r in base], "MiB"))  # fmt: skip
            seconds = statistics.median(runs)
            smallest = smallest or (size, seconds)
            growth = (seconds / smallest[1]) / (size / smallest[0])
            cold_rows.append([f"first question, {size:,}-question pack, cache cold (per question, vs {smallest[0]:,})",
                              f"{seconds:.2f} s", f"{smallest[1]:.2f} s", f"{growth:.2f}"])  # fmt: skip
    return warm_rows + cold_rows


def main() -> int:
    if sys.argv[1:2] == ["--pairs"]:  # the child process of paired_warm
        ours, base = _pairs(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        print(json.dumps([[[r.seconds, r.peak_kib] for r in runs] for runs in (ours, base)]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="one cold run per size")
    args = parser.parse_args()
    header = ["measure", "quiz play BIG", "quiz play (built-in)", "ratio"]
    print(table(measure(args.rounds, args.quick), header))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
