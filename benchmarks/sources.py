"""`quiz check --sources`: many questions citing one big document, and --sources against none."""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import PYTHON, compile_quiz, median_ratio, paired, table

DOCUMENT_BYTES = 4 * 2**20
SMALL, LARGE = 10, 200  # questions citing the one big document
MANY, DOCUMENTS = 10_000, 10  # questions spread over that many documents
WORDS = (
    "the crew built a rig for the long corridor shot and the director said it took weeks "
    "to light because every panel was real glass and nothing was added later in post"
).split()
# Curly quotes, dashes, a ligature and runs of spaces: the folding has work to do.
ODD = ("\u201cyes,\u201d", "it\u2019s", "\u2014", "\ufb01nal", "  ", "\u2013")


def sentences(count: int, seed: int) -> list[str]:
    """Distinct sentences, each numbered so an excerpt of it matches in one place only."""
    chance = random.Random(seed)
    return [
        f"Take {seed}-{n}: "
        + " ".join(chance.choice(WORDS + list(ODD)) for _ in range(chance.randint(8, 16)))
        + "."
        for n in range(count)
    ]


def document(size: int, seed: int) -> list[str]:
    """Sentences adding up to about `size` bytes of UTF-8, a paragraph break every tenth."""
    out: list[str] = []
    total = 0
    chunk = sentences(4096, seed)
    while total < size:
        sentence = chunk[len(out) % len(chunk)].replace(":", f" {len(out)}:", 1)
        out.append(sentence + ("\n\n" if len(out) % 10 == 9 else " "))
        total += len(sentence.encode("utf-8")) + 1
    return out


def excerpt(sentence: str) -> str:
    """How an author quotes a sentence: straight quotes and dashes, one space per run."""
    plain = sentence.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    plain = plain.replace("\u2014", "-").replace("\u2013", "-").replace("\ufb01", "fi")
    return " ".join(plain.split())


def write_pack(path: Path, cited: list[tuple[int, str]]) -> None:
    """A pack whose question i cites source src-<document> with the excerpt given."""
    documents = sorted({number for number, _ in cited})
    lines = ["format: 1", "id: cited", 'title: "Cited pack"', "sources:"]
    lines += [f'  - {{id: src-{d}, title: "Document {d}", file: "doc-{d}.txt"}}' for d in documents]
    lines.append("questions:")
    for i, (number, text) in enumerate(cited):
        quoted = text.replace("\\", "\\\\").replace('"', '\\"')
        lines += [
            f"  - id: q-{i}",
            f'    prompt: "Question {i}: what was said in take {i}?"',
            f'    answer: "Answer {i}"',
            f'    distractors: ["Wrong {i} a", "Wrong {i} b", "Wrong {i} c"]',
            "    source:",
            f"      ref: src-{number}",
            f'      excerpt: "{quoted}"',
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_documents(folder: Path, count: int, size: int) -> list[list[str]]:
    """`count` documents of about `size` bytes each; returns each one's sentences."""
    texts = []
    for number in range(count):
        parts = document(size, seed=number)
        (folder / f"doc-{number}.txt").write_text("".join(parts), encoding="utf-8")
        texts.append(parts)
    return texts


def citations(texts: list[list[str]], questions: int, seed: int = 7) -> list[tuple[int, str]]:
    """`questions` excerpts from anywhere in the documents, some joined with an ellipsis."""
    chance = random.Random(seed)
    cited = []
    for i in range(questions):
        number = i % len(texts)
        parts = texts[number]
        at = chance.randrange(len(parts) - 2)
        text = excerpt(parts[at])
        if i % 3 == 0:  # two fragments, in order
            text = f"{text[: len(text) // 2].rsplit(' ', 1)[0]} ... {excerpt(parts[at + 2])}"
        cited.append((number, text))
    return cited


def measure(rounds: int, quick: bool = False) -> list[list[str]]:
    compile_quiz()
    rows = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        one = folder / "one"
        one.mkdir()
        [big] = write_documents(one, 1, DOCUMENT_BYTES)
        for count in (SMALL, LARGE):
            write_pack(one / f"pack-{count}.yaml", citations([big], count))
        check = [PYTHON, "-m", "quiz", "check", "--sources", str(one)]
        ours, theirs = paired(
            [*check, str(one / f"pack-{LARGE}.yaml")], [*check, str(one / f"pack-{SMALL}.yaml")],
            rounds,
        )  # fmt: skip
        rows.append(_row(f"check --sources, {LARGE} vs {SMALL} questions citing one 4 MB document",
                         ours, theirs, f"{SMALL} questions"))  # fmt: skip
        many = folder / "many"
        many.mkdir()
        scale = 10 if quick else 1  # quick: a tenth of the questions and of the documents
        size, total = MANY // scale, DOCUMENT_BYTES // scale
        texts = write_documents(many, DOCUMENTS, total // DOCUMENTS)
        pack = many / "pack.yaml"
        write_pack(pack, citations(texts, size))
        ours, theirs = paired(
            [PYTHON, "-m", "quiz", "check", "--sources", str(many), str(pack)],
            [PYTHON, "-m", "quiz", "check", str(pack)],
            rounds,
        )
        rows.append(_row(f"check --sources vs plain check, {size:,} questions over "
                         f"{DOCUMENTS} documents ({total / 2**20:.1f} MiB)", ours, theirs,
                         "plain check"))  # fmt: skip
    return rows


def _row(label: str, ours, theirs, baseline: str) -> list[str]:
    mine_s, base_s = [r.seconds for r in ours], [r.seconds for r in theirs]
    return [label, f"{statistics.median(mine_s):.2f} s",
            f"{statistics.median(base_s):.2f} s ({baseline})", f"{median_ratio(mine_s, base_s):.2f}"]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--quick", action="store_true", help="a tenth of the questions and documents"
    )
    args = parser.parse_args()
    print(table(measure(args.rounds, args.quick), ["measure", "quiz", "baseline", "ratio"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
