"""Reading pack files to sum them up for the index; many at once in worker processes when
there is more than one CPU, so a cold index of hundreds of packs is not one long queue."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quiz.packs.model import Pack
from quiz.packs.problems import PackError, Problem
from quiz.packs.summary import PackSummary, summarize

BytesLoader = Callable[[bytes, str], Pack]  # a pack file's bytes (and name) to its pack
Spot = tuple[int, int, str]  # a problem's line, column and message
PARALLEL_FROM = 16  # fewer files than this are read in this process
MAX_WORKERS = 4


@dataclass(frozen=True)
class Reading:
    """What reading one pack file found: its summary, or its problems as spots; `refused`
    holds the one problem when the file could not be read at all (it is not indexed)."""

    summary: PackSummary | None
    spots: tuple[Spot, ...] = ()
    refused: tuple[Problem, ...] = ()


def read_pack(path: Path, loader: BytesLoader | None = None) -> Reading:
    """Read and sum up one pack file (with LOADER, default the loader)."""
    from quiz.packs.files import read_pack_file

    try:
        data = read_pack_file(path)
    except PackError as error:
        return Reading(None, refused=tuple(error.problems))
    if loader is None:
        from quiz.packs.loader import load_pack_bytes as loader
    try:
        return Reading(summarize(loader(data, str(path))))
    except PackError as error:
        return Reading(None, tuple((p.line, p.column, p.message) for p in error.problems))


def read_packs(paths: list[Path], loader: BytesLoader | None = None) -> list[Reading]:
    """Read and sum up pack files, in order; with the default loader and many files, in
    worker processes (forked: they start at once, with the loader already imported)."""
    workers = min(MAX_WORKERS, _cpus(), len(paths) // (PARALLEL_FROM // 2))
    if loader is None and len(paths) >= PARALLEL_FROM and workers > 1 and _can_fork():
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        import quiz.packs.loader  # noqa: F401  (imported once, here, for every worker)

        chunk = max(1, len(paths) // (workers * 4))
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                return list(pool.map(read_pack, paths, chunksize=chunk))
        except (OSError, BrokenProcessPool):  # no processes here (a sandbox): one at a time
            pass
    return [read_pack(path, loader) for path in paths]


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _can_fork() -> bool:
    # Forking is safe here on Linux; elsewhere (macOS) system libraries may not survive it.
    return sys.platform.startswith("linux")
