"""A reader that stops early (`quiz packs | head -1`): quiz ends quietly, no traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.store import NewGame, Store

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "good" / "mini.yaml"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX pipes")


def run_into_closed_pipe(args: list[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run quiz with stdout a pipe whose reader has already gone, as after `head -1`."""
    reader, writer = os.pipe()
    os.close(reader)  # every write now fails with EPIPE, however little is written
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZ_DATA_DIR": str(data_dir)}
    env.pop("QUIZ_PACKS_PATH", None)
    try:
        return subprocess.run(
            [sys.executable, "-m", "quiz", *args],
            stdout=writer,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=120,
        )
    finally:
        os.close(writer)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder with one finished game, so `quiz stats` has a report to print."""
    folder = tmp_path / "data"
    store, _ = Store.open(folder)
    with store:
        game = store.start_game(NewGame("mini", count=4))
        store.record_answer(game, "mini", "lens", "x", True, 100, 1.0, "cinematography", "easy")
        store.finish_game(game, 100, 1, 1)
    return folder


@pytest.fixture
def many_packs(tmp_path: Path) -> Path:
    folder = tmp_path / "packs"
    folder.mkdir()
    for number in range(60):
        shutil.copyfile(MINI, folder / f"pack{number:02}.yaml")
    return folder


@pytest.mark.parametrize("command", ["packs", "stats", "check", "schema"])
def test_a_closed_pipe_ends_quiz_quietly(command: str, data_dir: Path, many_packs: Path):
    args = {"packs": ["packs", str(many_packs)], "check": ["check", str(many_packs)]}
    done = run_into_closed_pipe(args.get(command, [command]), data_dir)
    # No traceback and no "Exception ignored" at exit: one line saying why it stopped.
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("quiz: stopped early")
    assert done.returncode == 1
