"""Where packs are found: the built-in ones shipped with quiz, and paths given by the player."""

from __future__ import annotations

from pathlib import Path

PACK_SUFFIXES = (".yaml", ".yml")


def builtin_dir() -> Path:
    """The folder of built-in packs: inside the installed package, or the repo's questions/."""
    installed = Path(__file__).resolve().parent.parent / "questions"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "questions"


def is_pack_file(path: Path) -> bool:
    """True for a file whose name ends in .yaml or .yml."""
    return path.suffix.lower() in PACK_SUFFIXES


def pack_files(directory: Path) -> list[Path]:
    """The pack files directly inside a folder (not recursive), sorted by name."""
    return sorted(p for p in directory.iterdir() if p.is_file() and is_pack_file(p))


def builtin_pack_files() -> list[Path]:
    """The built-in pack files."""
    directory = builtin_dir()
    return pack_files(directory) if directory.is_dir() else []
