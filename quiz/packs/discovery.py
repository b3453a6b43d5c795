"""Where packs are found: built-in, the data dir, QUIZ_PACKS_PATH and the command line."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from quiz.userpath import user_path

PACK_SUFFIXES = (".yaml", ".yml")
PACKS_PATH_ENV = "QUIZ_PACKS_PATH"
PACKS_SUBDIR = "packs"


class Origin(StrEnum):
    """Where a pack file was found, in the order sources are searched (later ones win)."""

    BUILT_IN = "built-in"
    DATA_DIR = "data dir"
    PACKS_PATH = "QUIZ_PACKS_PATH"
    COMMAND_LINE = "command line"


@dataclass(frozen=True)
class Location:
    """One pack file and where it was found (`real`: its path with links resolved)."""

    path: Path
    origin: Origin
    real: str | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        """The file's path with links resolved, which tells one file from another."""
        return self.real if self.real is not None else str(real_path(self.path))


def builtin_dir() -> Path:
    """The folder of built-in packs: inside the installed package, or the repo's questions/."""
    installed = Path(__file__).resolve().parent.parent / "questions"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "questions"


def is_pack_file(path: Path) -> bool:
    """True for a file whose name ends in .yaml or .yml."""
    return _is_pack_name(path.name)


def pack_files(directory: Path) -> list[Path]:
    """The pack files directly inside a folder (not recursive), sorted by name."""
    return sorted(p for p in directory.iterdir() if p.is_file() and is_pack_file(p))


def builtin_pack_files() -> list[Path]:
    """The built-in pack files."""
    directory = builtin_dir()
    return pack_files(directory) if directory.is_dir() else []


def user_packs_dir(data_dir: Path) -> Path:
    """The folder inside the data dir where a player's own packs live."""
    return data_dir / PACKS_SUBDIR


def packs_path_dirs(env: Mapping[str, str] | None = None) -> list[Path]:
    """The folders listed in QUIZ_PACKS_PATH (os.pathsep-separated; empty items skipped)."""
    value = (os.environ if env is None else env).get(PACKS_PATH_ENV, "")
    return [user_path(item) for item in value.split(os.pathsep) if item.strip()]


def locate(
    data_dir: Path | None = None,
    extra_paths: Iterable[str | os.PathLike[str]] = (),
    *,
    env: Mapping[str, str] | None = None,
    builtin: Path | None = None,
) -> list[Location]:
    """Every pack file, in search order: built-in, data dir, QUIZ_PACKS_PATH, extra paths.

    Folders that do not exist are skipped, except extra paths: a missing one is kept so
    that loading it reports the problem. A file reached twice is listed once, at its first
    place. `builtin` replaces the built-in folder (tests use it).
    """
    places: list[tuple[Path, Origin]] = [(builtin or builtin_dir(), Origin.BUILT_IN)]
    if data_dir is not None:
        places.append((user_packs_dir(data_dir), Origin.DATA_DIR))
    places += [(folder, Origin.PACKS_PATH) for folder in packs_path_dirs(env)]
    found: list[Location] = []
    for folder, origin in places:
        found += _found_in(folder, origin)
    for extra in extra_paths:
        path = user_path(extra)
        found += (
            _found_in(path, Origin.COMMAND_LINE)
            if path.is_dir()
            else [Location(path, Origin.COMMAND_LINE)]
        )
    return _first_of_each(found)


def _found_in(path: Path, origin: Origin) -> list[Location]:
    """The pack files in a folder (or the file itself), sorted by name, each with its real
    path: the folder's resolved once, and a file's own only when it is a link."""
    try:
        if not path.is_dir():
            return [Location(path, origin)] if path.is_file() and is_pack_file(path) else []
        with os.scandir(path) as listing:
            files = sorted(
                (each for each in listing if _is_pack_name(each.name) and each.is_file()),
                key=lambda each: each.name,
            )
        folder = str(real_path(path))
        return [
            Location(
                path / each.name,
                origin,
                None if each.is_symlink() else os.path.join(folder, each.name),
            )
            for each in files
        ]
    except OSError:
        return []  # unreadable folder, or one inside it: nothing to list from it


def _is_pack_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in PACK_SUFFIXES


def unreadable(path: Path) -> str | None:
    """Why PATH can't be looked at, or listed if a folder (the OS's reason); None if it
    can, or if it does not exist. A file that can't be read is the loader's to report."""
    try:
        if path.is_dir():
            with os.scandir(path):
                pass
    except OSError as error:
        return error.strerror or type(error).__name__
    return None


def real_path(path: Path) -> Path:
    """The path with links resolved, to tell one file from another; as written for a link loop."""
    try:
        return user_path(path).resolve()
    except (OSError, RuntimeError):
        return user_path(path).absolute()


def _first_of_each(locations: list[Location]) -> list[Location]:
    seen: set[str] = set()
    unique = []
    for location in locations:
        key = location.key
        if key not in seen:
            seen.add(key)
            unique.append(location)
    return unique
