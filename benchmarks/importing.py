"""`quiz import opentdb` of a generated response against `json.load` + a YAML dump of it."""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import PYTHON, compile_quiz, median_ratio, paired, table

SIZES = (500, 5_000, 50_000)
# The baseline: read the same response and write it as YAML, at C speed (CSafeDumper: the
# pure-Python yaml.safe_dump is three times slower, and would flatter the importer).
DUMP = (
    "import json, sys, yaml; data = json.load(open(sys.argv[1], 'rb')); "
    "open(sys.argv[2], 'w', encoding='utf-8').write("
    "yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False))"
)
CATEGORIES = (
    "Entertainment: Film", "Entertainment: Video Games", "Science &amp; Nature", "History",
    "Geography", "Entertainment: Music", "General Knowledge", "Sports",
)  # fmt: skip
WORDS = (
    "which who what year film studio director score album band country city river first "
    "largest planet element invented released composed painted won the of in was a by "
    "&quot;Jaws&quot; &#039;Toy Story&#039; 1975 2001"
).split()
ANSWERS = ("Paris", "Steven Spielberg", "Oxygen", "Mount Everest", "The Beatles", "Pixar")
# As in real responses, a few questions hold accented letters (as HTML entities).
ACCENTED = ("Am&eacute;lie", "Bj&ouml;rk", "Montr&eacute;al", "Pok&eacute;mon", "Se&ntilde;or")


def response(questions: int, seed: int = 1) -> dict[str, object]:
    """An Open Trivia DB API response (default encoding) of `questions` distinct questions."""
    chance = random.Random(seed)
    results = []
    for n in range(questions):
        words = [chance.choice(WORDS) for _ in range(chance.randint(6, 14))]
        if n % 12 == 0:
            words.insert(chance.randrange(len(words)), chance.choice(ACCENTED))
        common = {
            "difficulty": chance.choice(("easy", "medium", "hard")),
            "category": chance.choice(CATEGORIES),
        }
        if n % 4 == 3:
            results.append({
                "type": "boolean", **common,
                "question": f"Question {n}: {' '.join(words)}.",
                "correct_answer": chance.choice(("True", "False")), "incorrect_answers": ["False"],
            })  # fmt: skip
        else:
            results.append({
                "type": "multiple", **common,
                "question": f"Question {n}: {' '.join(words)}?",
                "correct_answer": f"{chance.choice(ANSWERS)} {n}",
                "incorrect_answers": [f"{chance.choice(ANSWERS)} {n + k + 1}" for k in range(3)],
            })  # fmt: skip
    return {"response_code": 0, "results": results}


def measure(rounds: int, quick: bool = False) -> list[list[str]]:
    """One row per response size: the importer against the dump, whole process each."""
    compile_quiz()
    rows = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for size in SIZES[:-1] if quick else SIZES:
            saved = folder / f"response-{size}.json"
            saved.write_text(json.dumps(response(size)), encoding="utf-8")
            ours, theirs = paired(
                [PYTHON, "-m", "quiz", "import", "opentdb", str(saved), "-o",
                 str(folder / "pack.yaml"), "--force"],
                [PYTHON, "-c", DUMP, str(saved), str(folder / "dump.yaml")],
                min(rounds, 3) if size >= 50_000 else rounds,  # fewer of the largest
            )  # fmt: skip
            mine_s, base_s = [r.seconds for r in ours], [r.seconds for r in theirs]
            mine_m, base_m = [r.peak_kib for r in ours], [r.peak_kib for r in theirs]
            megabytes = saved.stat().st_size / 2**20
            rows.append([
                f"import opentdb, {size:,} questions ({megabytes:.1f} MiB)",
                f"{statistics.median(mine_s):.2f} s, {statistics.median(mine_m) / 1024:.0f} MiB",
                f"{statistics.median(base_s):.2f} s, {statistics.median(base_m) / 1024:.0f} MiB",
                f"{median_ratio(mine_s, base_s):.2f}",
            ])  # fmt: skip
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="skip the 50,000-question response")
    args = parser.parse_args()
    header = ["measure", "quiz", "json.load + yaml dump", "ratio"]
    print(table(measure(args.rounds, args.quick), header))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
