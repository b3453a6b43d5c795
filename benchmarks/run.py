"""Run every benchmark and print one table of ratios against their baselines (exit 0).

python benchmarks/run.py            # the full run (a few minutes)
python benchmarks/run.py --quick    # fewer rounds and no 40,000-question pack
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import (
    answer_latency,
    big_packs,
    history_scale,
    history_size,
    home,
    importing,
    long_game,
    number_words,
    pack_loading,
    setup_open,
    sources,
    startup,
)
from benchmarks.common import table

# measure label prefix -> (target, must not exceed); None where the issue sets none.
LIMITS = {
    "time to first question,": ("1.05", "-"),
    "time to first question": ("1.15", "1.3"),
    "peak memory, 40,000-question pack, cache warm": ("1.2", "1.5"),
    "peak memory, 10,000-question pack, cache warm": ("report", "-"),
    "peak memory": ("1.2", "-"),
    "quiz check, 10,000": ("1.3", "2.0"),
    "quiz check": ("linear", "-"),
    "import opentdb, 50,000": ("1.5", "3.0"),
    "import opentdb": ("linear", "-"),
    "check --sources, 200": ("1.2", "1.5"),
    "check --sources vs plain check": ("1.3", "2.0"),
    "first question, 40,000-question pack, cache warm": ("1.1", "1.3"),
    "first question, 10,000-question pack, cache warm": ("report", "-"),
    "first question, ": ("linear", "-"),  # cold growth, per question against 1,000
    "quiz stats, one": ("report", "-"),  # a big pack's prompts, not the history's size
    "quiz stats, ": ("1.5", "2.0"),
    "stats screen": ("1.5", "2.0"),
    "quiz review first question": ("1.5", "-"),
    "home with best scores": ("1.5", "-"),
    "migrate v3 to v4": ("report", "-"),
    "home first paint, 500 packs (index warm)": ("1.2", "1.5"),
    "home first paint, 500 packs, index cold": ("1.0", "1.2"),
    "home first paint, index warm,": ("growth", "-"),
    "home first paint, one": ("report", "-"),
    "answer latency": ("1.3", "1.6"),
    "RSS growth": ("5 MiB", "10 MiB"),
    "GC objects": ("-", "-"),
    "opening setup": ("2.0", "3.0"),
    "first number answer in words": ("1.0", "1.0"),  # ours / text2num: keep ours while <= 1
}


def limits_for(measure: str) -> tuple[str, str]:
    for prefix, limits in LIMITS.items():
        if measure.startswith(prefix):
            return limits
    return ("-", "-")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer rounds, skip the largest pack")
    quick = parser.parse_args().quick
    if quick:
        pack_loading.SIZES = pack_loading.SIZES[:2]
    rows = [
        *startup.measure(rounds=5 if quick else 15),
        *history_size.measure(rounds=5 if quick else 15),
        *answer_latency.measure(rounds=8 if quick else 20),
        *number_words.measure(rounds=5 if quick else 15),
        *long_game.measure(quick=quick),
        *setup_open.measure(rounds=5 if quick else 10),
        *pack_loading.measure(rounds=3 if quick else 5),
        *importing.measure(rounds=3 if quick else 5, quick=quick),
        *sources.measure(rounds=3 if quick else 5, quick=quick),
        *big_packs.measure(rounds=3 if quick else 5, quick=quick),
        *history_scale.measure(rounds=3 if quick else 5, quick=quick),
        *home.measure(rounds=4 if quick else 6, quick=quick),
    ]
    rows = [[*row, *limits_for(row[0])] for row in rows]
    print(f"{platform.machine()} · {platform.python_implementation()} {platform.python_version()} · "
          f"{platform.system()} · ratios are ours / baseline, medians of alternating pairs")  # fmt: skip
    print(table(rows, ["measure", "quiz", "baseline", "ratio", "target", "must not exceed"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
