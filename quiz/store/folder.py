"""The history's folder on disk: can it be reached and written, and moving a file aside."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path


def unreachable(path: Path) -> str | None:
    """Why the history file can't even be looked for (a folder on its way that can't be
    searched), or None: a missing file or folder is one to create."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        return error.strerror or type(error).__name__
    return None


def unwritable(directory: Path) -> str | None:
    """Why files can't be created in the folder (creating it if missing), or None."""
    if directory.exists() and not directory.is_dir():
        return "it is a file, not a folder"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".quiz-probe-", dir=directory)
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        return error.strerror or type(error).__name__
    return None


def move_aside(path: Path, when: datetime) -> Path:
    """Rename the file (and its -wal/-shm companions) to a timestamped name beside it."""
    stem = f"quiz-unreadable-{when:%Y%m%d-%H%M%S}"
    target = path.with_name(f"{stem}.db")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{stem}-{number}.db")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            companion.rename(f"{target}{suffix}")
    return target
