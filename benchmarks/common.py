"""Shared benchmark helpers: time whole processes, pair runs, and print ratio tables."""

from __future__ import annotations

import compileall
import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def compile_quiz() -> None:
    """Byte-compile quiz's modules, as `pip install` does, so runs time quiz as installed.

    Where PYTHONDONTWRITEBYTECODE is set (as on the machine of the README's table), Python
    never caches the bytecode of modules run from a checkout, and each run would compile all
    of quiz from source (10 to 15 ms), while Textual's bytecode came with its install.
    """
    if not compileall.compile_dir(REPO / "quiz", quiet=1):
        raise RuntimeError("could not byte-compile quiz; run: python -m compileall quiz")


@dataclass(frozen=True)
class Run:
    """One process run: wall seconds and peak resident memory in KiB."""

    seconds: float
    peak_kib: int


def run_process(argv: Sequence[str], env: dict[str, str] | None = None) -> Run:
    """Run a command to completion, measuring its wall time and its own peak RSS."""
    started = time.perf_counter()
    process = subprocess.Popen(
        list(argv), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
    )  # fmt: skip
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1 is fine for `quiz check` of a pack with problems
        raise RuntimeError(f"{' '.join(argv)} exited {code}: {error.strip()[-500:]}")
    return Run(seconds, usage.ru_maxrss)


def paired(
    ours: Sequence[str], baseline: Sequence[str], rounds: int
) -> tuple[list[Run], list[Run]]:
    """Alternate our command and the baseline, one warm-up each, then `rounds` pairs."""
    run_process(ours), run_process(baseline)
    mine, theirs = [], []
    for _ in range(rounds):
        mine.append(run_process(ours))
        theirs.append(run_process(baseline))
    return mine, theirs


def median_ratio(mine: Sequence[float], theirs: Sequence[float]) -> float:
    """The median of the pairwise ratios mine[i] / theirs[i]."""
    return statistics.median(a / b for a, b in zip(mine, theirs, strict=True))


def table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> str:
    """A plain Markdown table."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


@contextmanager
def as_launched() -> Iterator[None]:
    """Run an app made in this process (Pilot) as `quiz` runs one: the garbage collector
    paused until its first paint, then what exists frozen (quiz/collector.py). Without it,
    an in-process row pays for full collections over every object the rows before it left
    (opening setup after the long game: 4.2x, not 2.8x), which a real run never scans.
    Undone afterwards, so each row starts from the same heap."""
    from quiz import collector

    collector.pause()
    try:
        yield
    finally:
        collector.resume()  # a no-op once the app has resumed it
        gc.unfreeze()


PYTHON = sys.executable
