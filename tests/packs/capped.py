"""Run Python in a subprocess that neither a hang nor a runaway read can outlast."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).parent.parent.parent


def _cap_memory() -> None:
    # Were /dev/zero read to its end, the process would take all the machine's memory.
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))


def run_capped(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python *args` with this checkout on the path, a timeout and a memory cap."""
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
        stdin=subprocess.DEVNULL, timeout=30, preexec_fn=_cap_memory,
    )  # fmt: skip
