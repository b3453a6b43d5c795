"""The real `quiz play` in a pseudo-terminal, killed mid-game: the answers given are saved."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from quiz.game.session import GRACE_SECONDS

ROOT = Path(__file__).resolve().parents[2]
STUDIO = ROOT / "tests" / "fixtures" / "ui" / "studio.yaml"
# Two questions answered by the key 1: a choice question and a true/false one.
PLAY = ["play", str(STUDIO), "--seed", "5", "--category", "cinematography",
        "--category", "effects"]  # fmt: skip
ESCAPES = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z])")
DEADLINE = 60.0  # seconds; generous for a slow machine, never reached when all is well

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


class Terminal:
    """A program running in an 80x24 pseudo-terminal: send keys, wait for something."""

    def __init__(self, leader: int, process: subprocess.Popen[bytes]) -> None:
        self.leader, self.process, self.screen = leader, process, b""

    def press(self, keys: str) -> None:
        os.write(self.leader, keys.encode())

    def wait_for(self, ready: Callable[[], bool], what: str) -> None:
        """Keep reading the program's output (so it never blocks) until ready() is true."""
        started = time.monotonic()
        while not ready():
            assert self.process.poll() is None, f"quiz ended early: {self.text()[-300:]!r}"
            assert time.monotonic() - started < DEADLINE, (
                f"never saw {what}: {self.text()[-300:]!r}"
            )
            readable, _, _ = select.select([self.leader], [], [], 0.05)
            if readable:
                try:
                    self.screen += os.read(self.leader, 65536)
                except OSError:
                    pass

    def read_for(self, seconds: float) -> None:
        """Let `seconds` pass as a player would, reading the output meanwhile."""
        until = time.monotonic() + seconds
        self.wait_for(lambda: time.monotonic() >= until, "time to pass")

    def text(self) -> str:
        return ESCAPES.sub(b"", self.screen).decode(errors="replace")


@contextmanager
def running(args: list[str], data_dir: Path) -> Iterator[Terminal]:
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color",
           "QUIZ_DATA_DIR": str(data_dir)}  # fmt: skip
    process = subprocess.Popen([sys.executable, "-m", "quiz", *args], stdin=follower,
                               stdout=follower, stderr=follower, env=env, cwd=ROOT,
                               start_new_session=True, close_fds=True)  # fmt: skip
    os.close(follower)
    try:
        yield Terminal(leader, process)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        os.close(leader)


def query(data_dir: Path, sql: str) -> list[tuple]:
    path = data_dir / "quiz.db"
    if not path.exists():
        return []
    conn = sqlite3.connect(path, timeout=5)
    try:
        return conn.execute(sql).fetchall()
    except sqlite3.OperationalError:  # the schema is not written yet
        return []
    finally:
        conn.close()


def answers(data_dir: Path) -> int:
    found = query(data_dir, "SELECT count(*) FROM answers")
    return found[0][0] if found else 0


def test_killing_quiz_play_mid_game_keeps_the_answers_given(tmp_path: Path) -> None:
    with running(PLAY, tmp_path) as game:
        # Keys in the grace period after a question or answer appears are taken for
        # bounces, so each key waits it out, as a player reading the screen does.
        game.wait_for(lambda: "Question 1 of 2" in game.text(), "the first question")
        game.read_for(GRACE_SECONDS)
        game.press("1")
        game.wait_for(lambda: answers(tmp_path) == 1, "the first answer saved")
        game.read_for(GRACE_SECONDS)
        game.press("n")
        game.wait_for(lambda: "Question 2 of 2" in game.text(), "the second question")
        game.read_for(GRACE_SECONDS)
        game.press("1")
        game.wait_for(lambda: answers(tmp_path) == 2, "the second answer saved")
        game.process.send_signal(signal.SIGKILL)  # a crash: no clean-up of any kind
        game.process.wait(timeout=30)
        assert game.process.returncode == -signal.SIGKILL

    saved = query(tmp_path, "SELECT pack_id, question_id FROM answers ORDER BY id")
    assert sorted(question for _, question in saved) == ["camera", "real-snow"]
    assert {pack for pack, _ in saved} == {"studio"}
    games = query(tmp_path, "SELECT pack_id, ended_at, score FROM games")
    assert games == [("studio", None, None)]  # unfinished: the results were never reached
    assert query(tmp_path, "PRAGMA integrity_check") == [("ok",)]
