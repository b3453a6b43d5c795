"""The catalog: every pack found, loaded or with its problems, and which ids shadow which."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from quiz.packs import discovery
from quiz.packs.discovery import Location, Origin
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack
from quiz.packs.problems import PackError, Problem


@dataclass(frozen=True, eq=False)
class PackEntry:
    """One pack file found: its pack when valid, else its problems (file order).

    `shadowed_by` is the entry that wins when a later source holds a pack with the same
    id; a shadowed entry is listed but not played. An invalid pack has no known id, so
    it neither shadows nor is shadowed.
    """

    path: Path
    origin: Origin
    pack: Pack | None
    problems: tuple[Problem, ...] = ()
    shadowed_by: PackEntry | None = None

    @property
    def valid(self) -> bool:
        """True when the pack loaded without problems."""
        return self.pack is not None

    @property
    def playable(self) -> bool:
        """True when the pack is valid and not shadowed: the one the game would start."""
        return self.pack is not None and self.shadowed_by is None

    @property
    def pack_id(self) -> str | None:
        """The pack's id, or None when it is invalid."""
        return self.pack.id if self.pack is not None else None

    @property
    def first_problem(self) -> Problem | None:
        """The problem nearest the top of the file, or None for a valid pack."""
        return self.problems[0] if self.problems else None


@dataclass(frozen=True)
class Catalog:
    """All entries in search order (built-in, data dir, QUIZ_PACKS_PATH, command line)."""

    entries: tuple[PackEntry, ...]

    @property
    def playable(self) -> tuple[PackEntry, ...]:
        """The entries the game can start: valid and not shadowed, in search order."""
        return tuple(entry for entry in self.entries if entry.playable)

    @property
    def packs(self) -> tuple[Pack, ...]:
        """The playable packs themselves."""
        return tuple(entry.pack for entry in self.playable if entry.pack is not None)

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


Loader = Callable[[Path], Pack]


def discover(
    data_dir: Path | None = None,
    extra_paths: Iterable[str | os.PathLike[str]] = (),
    *,
    env: Mapping[str, str] | None = None,
    builtin: Path | None = None,
    loader: Loader = load_pack,
) -> Catalog:
    """Find and load every pack; see discovery.locate for where and in which order.

    data_dir is quiz's data folder (quiz.datadir.data_dir()); packs are read from its
    packs/ subfolder. Never raises for a bad pack: its entry carries the problems.
    """
    locations = discovery.locate(data_dir, extra_paths, env=env, builtin=builtin)
    return catalog_of([_load(location, loader) for location in locations])


def catalog_of(entries: list[PackEntry]) -> Catalog:
    """A catalog of loaded entries, marking each one shadowed by the last with its id."""
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
            marked.append(PackEntry(entry.path, entry.origin, entry.pack, entry.problems, winner))
    return Catalog(tuple(marked))


def _load(location: Location, loader: Loader) -> PackEntry:
    try:
        pack = loader(location.path)
    except PackError as error:
        return PackEntry(location.path, location.origin, None, tuple(error.problems))
    return PackEntry(location.path, location.origin, pack)
