"""The loader's fingerprint: what the cache and the pack index were written by."""

from __future__ import annotations

import os
from pathlib import Path


def loader_fingerprint() -> str:
    """The names, sizes and times of the modules that decide what a valid pack is, so a
    loader changed in a checkout, where the version stays the same, is not trusted."""
    parts = []
    for module in sorted(os.scandir(Path(__file__).parent), key=lambda each: each.name):
        if module.name.endswith(".py"):
            info = module.stat()
            parts.append(f"{module.name}:{info.st_size}:{info.st_mtime_ns}")
    return "|".join(parts)
