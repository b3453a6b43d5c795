"""Run a program in a pseudo-terminal until a text appears on its screen; time and memory it."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Sequence

from benchmarks.common import REPO, Run

_ESCAPES = re.compile(
    rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78DEHMNOPcZ])"
)


def until_painted(argv: Sequence[str], marker: str, env: dict[str, str] | None = None,
                  size: tuple[int, int] = (80, 24), timeout: float = 60.0) -> Run:  # fmt: skip
    """Start argv in an 80x24 pty; stop it once `marker` is painted. Seconds to paint, peak RSS."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    environment = {**os.environ, "PYTHONPATH": str(REPO), "TERM": "xterm-256color", **(env or {})}
    started = time.perf_counter()
    process = subprocess.Popen(list(argv), stdin=follower, stdout=follower, stderr=follower,
                               env=environment, start_new_session=True, close_fds=True)  # fmt: skip
    os.close(follower)
    screen, wanted, painted = b"", marker.encode(), None
    try:
        while painted is None and time.perf_counter() - started < timeout:
            ready, _, _ = select.select([leader], [], [], 0.5)
            if not ready:
                if _has_exited(process.pid):
                    break
                continue
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            screen += chunk
            if wanted in _ESCAPES.sub(b"", screen):
                painted = time.perf_counter() - started
    finally:
        if not _has_exited(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
        _, _, usage = os.wait4(process.pid, 0)
        os.close(leader)
    if painted is None:
        text = _ESCAPES.sub(b"", screen).decode(errors="replace")[-400:]
        raise RuntimeError(f"{' '.join(argv)} never painted {marker!r}; last output: {text!r}")
    return Run(painted, usage.ru_maxrss)


def _has_exited(pid: int) -> bool:
    """True once the child has exited, without reaping it (wait4 collects its usage later)."""
    return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None


class Session:
    """A program running in an 80x24 pty: send it keys, wait for a text to be painted."""

    def __init__(self, argv: Sequence[str], env: dict[str, str] | None = None,
                 size: tuple[int, int] = (80, 24)) -> None:  # fmt: skip
        self.leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        environment = {**os.environ, "PYTHONPATH": str(REPO), "TERM": "xterm-256color",
                       **(env or {})}  # fmt: skip
        self.process = subprocess.Popen(list(argv), stdin=follower, stdout=follower,
                                        stderr=follower, env=environment,
                                        start_new_session=True, close_fds=True)  # fmt: skip
        os.close(follower)

    def press(self, keys: bytes) -> float:
        """Send keys as typed; the time they were sent (perf_counter)."""
        sent = time.perf_counter()
        os.write(self.leader, keys)
        return sent

    def wait_for(self, marker: str, timeout: float = 30.0) -> float:
        """Read the screen until `marker` is painted in what arrives from now on; the time
        it was (perf_counter)."""
        screen, wanted, started = b"", marker.encode(), time.perf_counter()
        while time.perf_counter() - started < timeout:
            ready, _, _ = select.select([self.leader], [], [], 0.5)
            if not ready:
                continue
            try:
                screen += os.read(self.leader, 65536)
            except OSError:
                break
            if wanted in _ESCAPES.sub(b"", screen):
                return time.perf_counter()
        text = _ESCAPES.sub(b"", screen).decode(errors="replace")[-400:]
        raise RuntimeError(f"never painted {marker!r}; last output: {text!r}")

    def close(self) -> None:
        if not _has_exited(self.process.pid):
            os.killpg(self.process.pid, signal.SIGKILL)
        os.wait4(self.process.pid, 0)
        os.close(self.leader)

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
