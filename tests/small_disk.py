"""A tiny tmpfs for tests that need a really full or read-only disk (skipped where refused)."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

PAGE = 4096  # tmpfs counts space in pages


@contextlib.contextmanager
def small_disk(folder: Path, size_kib: int = 64) -> Iterator[Path]:
    """Mount a tmpfs of size_kib at folder for the block; skip the test if we cannot."""
    folder.mkdir()
    if getattr(os, "geteuid", lambda: 1)() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root and mount(8)")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0755", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"this machine refuses to mount a tmpfs: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the disk under folder with one file until only `leave` bytes are free."""
    filler = folder / "filler"
    stats = os.statvfs(folder)
    size = max(0, stats.f_bavail * stats.f_frsize - leave)
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        os.write(fd, b"x" * size)
        if not leave:  # whatever the count said, take the last byte too
            try:
                while os.write(fd, b"x" * PAGE):
                    pass
            except OSError as error:
                assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def read_only(folder: Path) -> None:
    """Remount the tmpfs at folder read-only (root writes anywhere a folder's mode allows)."""
    done = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("this machine refuses to remount the tmpfs read-only")
