"""A path the user typed, with a leading ~ or ~name expanded when there is such a home."""

from __future__ import annotations

import os
from pathlib import Path


def user_path(value: str | os.PathLike[str]) -> Path:
    """VALUE with ~ expanded; as written when it names no home (`~draft.yaml`, `~nouser/x`),
    since a file may well be called that."""
    path = Path(value)
    try:
        return path.expanduser()
    except RuntimeError:  # no such user, or no home to expand ~ to
        return path
