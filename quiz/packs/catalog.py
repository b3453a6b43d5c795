"""The catalog: every pack file found, summed up or with its problems, and which ids shadow
which. Packs are summed up from the pack index; a pack is loaded only to be played."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from quiz.packs import discovery
from quiz.packs.discovery import Location, Origin
from quiz.packs.index import PackIndex, Record
from quiz.packs.model import Pack
from quiz.packs.problems import Problem
from quiz.packs.reading import BytesLoader, read_packs
from quiz.packs.summary import PackSummary, summarize

PackLoader = Callable[[Path], Pack]  # a pack file to its pack, or PackError


@dataclass(frozen=True, eq=False)
class PackEntry:
    """One pack file found: its summary when valid, else its problems (file order).

    `problems_found` may exceed the problems kept (quiz.packs.index keeps the first few).
    `shadowed_by` is the entry that wins when a later source holds a pack with the same
    id; a shadowed entry is listed but not played. An invalid pack has no known id, so
    it neither shadows nor is shadowed.
    """

    path: Path
    origin: Origin
    summary: PackSummary | None
    problems: tuple[Problem, ...] = ()
    shadowed_by: PackEntry | None = None
    problems_found: int = 0

    @property
    def problem_count(self) -> int:
        """How many problems the file has, those not kept included."""
        return max(self.problems_found, len(self.problems))

    @property
    def valid(self) -> bool:
        """True when the pack loaded without problems."""
        return self.summary is not None

    @property
    def playable(self) -> bool:
        """True when the pack is valid and not shadowed: the one the game would start."""
        return self.summary is not None and self.shadowed_by is None

    @property
    def pack_id(self) -> str | None:
        """The pack's id, or None when it is invalid."""
        return self.summary.id if self.summary is not None else None

    @property
    def first_problem(self) -> Problem | None:
        """The problem nearest the top of the file, or None for a valid pack."""
        return self.problems[0] if self.problems else None


def entry_of(pack: Pack, origin: Origin = Origin.COMMAND_LINE) -> PackEntry:
    """An entry for a pack loaded already (as `quiz play` and tests have them)."""
    return PackEntry(Path(pack.path or pack.id), origin, summarize(pack))


@dataclass(frozen=True)
class Catalog:
    """All entries in search order (built-in, data dir, QUIZ_PACKS_PATH, command line)."""

    entries: tuple[PackEntry, ...]

    @property
    def playable(self) -> tuple[PackEntry, ...]:
        """The entries the game can start: valid and not shadowed, in search order."""
        return tuple(entry for entry in self.entries if entry.playable)

    @property
    def summaries(self) -> dict[str, PackSummary]:
        """The playable packs' summaries, by pack id."""
        return {s.id: s for e in self.playable if (s := e.summary) is not None}

    @property
    def invalid(self) -> tuple[PackEntry, ...]:
        """The entries whose file has problems."""
        return tuple(entry for entry in self.entries if not entry.valid)

    @property
    def shadowed(self) -> tuple[PackEntry, ...]:
        """The valid entries hidden by a later pack with the same id."""
        return tuple(entry for entry in self.entries if entry.shadowed_by is not None)

    def get(self, pack_id: str) -> PackEntry | None:
        """The playable entry with this pack id, or None."""
        return next((e for e in self.playable if e.pack_id == pack_id), None)


def discover(
    data_dir: Path | None = None,
    extra_paths: Iterable[str | os.PathLike[str]] = (),
    *,
    env: Mapping[str, str] | None = None,
    builtin: Path | None = None,
    index: Path | None = None,
    loader: BytesLoader | None = None,
) -> Catalog:
    """Find every pack and sum it up; see discovery.locate for where and in which order.

    data_dir is quiz's data folder (quiz.datadir.data_dir()); packs are read from its
    packs/ subfolder. With an index file (quiz.packs.index.index_file), a pack file that
    has not changed since it was indexed is not read at all, and the index is renewed.
    `loader` reads a pack's bytes (default: the loader). Never raises for a bad pack: its
    entry carries the problems.
    """
    locations = discovery.locate(data_dir, extra_paths, env=env, builtin=builtin)
    packs_index = PackIndex(index)
    reals = [Path(location.key) for location in locations]
    records = [packs_index.get(loc.path, real) for loc, real in zip(locations, reals, strict=True)]
    unread = [i for i, record in enumerate(records) if record is None]
    readings = read_packs([locations[i].path for i in unread], loader)
    entries: list[PackEntry | None] = [None] * len(locations)
    for i, reading in zip(unread, readings, strict=True):
        if reading.refused:  # the file itself could not be read: not indexed
            problems = reading.refused
            entries[i] = PackEntry(locations[i].path, locations[i].origin, None, problems)
        else:
            record = packs_index.put(reals[i], reading.summary, reading.spots)
            records[i] = record or Record(0, 0, reading.summary, reading.spots, len(reading.spots))
    for i, record in enumerate(records):
        if entries[i] is None and record is not None:
            entries[i] = _from_record(locations[i], record)
    packs_index.save()
    return catalog_of([entry for entry in entries if entry is not None])


def catalog_of(entries: list[PackEntry]) -> Catalog:
    """A catalog of entries, marking each one shadowed by the last with its id."""
    winners: dict[str, PackEntry] = {}
    for entry in entries:
        if entry.pack_id is not None:
            winners[entry.pack_id] = entry
    marked = []
    for entry in entries:
        winner = winners.get(entry.pack_id) if entry.pack_id is not None else None
        if winner is None or winner is entry:
            marked.append(entry)
        else:
            marked.append(
                PackEntry(
                    entry.path,
                    entry.origin,
                    entry.summary,
                    entry.problems,
                    winner,
                    entry.problems_found,
                )  # fmt: skip
            )
    return Catalog(tuple(marked))


def _from_record(location: Location, record: Record) -> PackEntry:
    name = str(location.path)
    problems = tuple(
        Problem(name, line, column, message) for line, column, message in record.problems
    )
    return PackEntry(
        location.path, location.origin, record.summary, problems, None, record.problem_count
    )


def pack_loader(data_dir: Path) -> PackLoader:
    """Load a pack to play it, through the pack cache of a data folder."""

    def load(path: Path) -> Pack:
        from quiz.packs.cache import load_pack_cached, packs_cache_dir  # when a pack is played

        return load_pack_cached(path, packs_cache_dir(data_dir))

    return load
