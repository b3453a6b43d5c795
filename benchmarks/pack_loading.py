"""Pack loading: `quiz check` of generated packs against PyYAML's C loader, whole process each."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import PYTHON, compile_quiz, median_ratio, paired, table

SIZES = (1_000, 10_000, 40_000)
YAML_LOAD = "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"


def write_pack(path: Path, questions: int) -> None:
    """A valid pack of choice questions, each with a source citation, excerpt and highlight."""
    lines = ["format: 1", "id: generated", 'title: "Generated pack"', "sources:"]
    lines += [f'  - {{id: src-{s}, title: "Source {s}", published: 2025-01-1{s}, file: "s{s}.txt"}}'
              for s in range(10)]  # fmt: skip
    lines.append("questions:")
    for i in range(questions):
        lines += [
            f"  - id: q-{i}",
            f'    prompt: "Question {i}: which of these was used on the shoot of scene {i}?"',
            f'    answer: "Answer {i}"',
            f'    distractors: ["Wrong {i} a", "Wrong {i} b", "Wrong {i} c"]',
            "    category: production",
            "    difficulty: medium",
            "    source:",
            f"      ref: src-{i % 10}",
            f'      excerpt: "The crew used answer {i} on the shoot, the director said, and it took weeks."',
            f'      highlight: "answer {i}"',
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(rounds: int) -> list[list[str]]:
    """One row per pack size: seconds for each, and the median ratio."""
    compile_quiz()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            pack = Path(folder) / f"pack-{size}.yaml"
            write_pack(pack, size)
            ours, theirs = paired(
                [PYTHON, "-m", "quiz", "check", str(pack)],
                [PYTHON, "-c", YAML_LOAD, str(pack)],
                rounds,
            )
            mine_s, base_s = [r.seconds for r in ours], [r.seconds for r in theirs]
            rows.append([
                f"quiz check, {size:,} questions ({pack.stat().st_size / 2**20:.1f} MiB)",
                f"{statistics.median(mine_s):.2f} s", f"{statistics.median(base_s):.2f} s",
                f"{median_ratio(mine_s, base_s):.2f}",
            ])  # fmt: skip
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    print(table(measure(rounds), ["measure", "quiz", "yaml.load (C)", "ratio"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
