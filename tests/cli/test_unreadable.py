"""Packs, folders and data folders the user may not read: one line and exit 1, no traceback.

Run as root, permission bits stop nothing, so the child drops CAP_DAC_OVERRIDE and
CAP_DAC_READ_SEARCH from its capability bounding set before it starts quiz (as
tests/store/test_store_readonly.py does): the bits then apply to it as to any user.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "good" / "mini.yaml"
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX permissions")


def _drop_read_rights() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def quiz(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZ_DATA_DIR": str(data_dir)}
    env.pop("QUIZ_PACKS_PATH", None)
    try:
        return subprocess.run(
            [sys.executable, "-m", "quiz", *args],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,  # a game that started anyway ends at once, not hangs
            env=env,
            cwd=ROOT,
            timeout=120,
            preexec_fn=_drop_read_rights if os.geteuid() == 0 else None,
        )
    except subprocess.SubprocessError as error:
        pytest.skip(f"running as root and can't drop the capabilities here: {error}")


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A folder of mode 000 holding a pack, a pack file of mode 000, and a data folder
    of mode 000 holding a history and a pack."""
    folder = tmp_path / "locked"
    folder.mkdir()
    shutil.copyfile(MINI, folder / "inside.yaml")
    shutil.copyfile(MINI, tmp_path / "closed.yaml")
    data = tmp_path / "data"
    (data / "packs").mkdir(parents=True)
    shutil.copyfile(MINI, data / "packs" / "mine.yaml")
    (data / "quiz.db").write_bytes(b"")
    for path in (folder, tmp_path / "closed.yaml", data):
        path.chmod(0)
    probe = quiz("check", str(tmp_path / "closed.yaml"), data_dir=tmp_path / "free")
    if probe.returncode == 0:
        pytest.skip("this user can read a file of mode 000; nothing to test")
    yield tmp_path
    for path in (folder, tmp_path / "closed.yaml", data):
        path.chmod(0o700)


def one_line(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1, done.stderr


@pytest.mark.parametrize("command", ["check", "packs", "play", "review"])
def test_a_pack_file_of_mode_000(command: str, locked: Path):
    done = quiz(command, str(locked / "closed.yaml"), data_dir=locked / "free")
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert "closed.yaml" in done.stdout + done.stderr  # the file it could not read


@pytest.mark.parametrize("command", ["check", "packs", "play", "review"])
@pytest.mark.parametrize("target", ["locked", "locked/inside.yaml"], ids=["folder", "inside"])
def test_a_folder_of_mode_000(command: str, target: str, locked: Path):
    done = quiz(command, str(locked / target), data_dir=locked / "free")
    one_line(done)
    assert "locked" in done.stderr


@pytest.mark.parametrize("command", [["stats"], ["review"], ["play", str(MINI)], []],
                         ids=["stats", "review", "play", "home"])  # fmt: skip
def test_a_data_folder_of_mode_000(command: list[str], locked: Path):
    done = quiz(*command, data_dir=locked / "data")
    one_line(done)
    assert str(locked / "data") in done.stderr


def test_packs_lists_what_it_can_and_names_the_data_folder_it_cannot_read(locked: Path):
    done = quiz("packs", data_dir=locked / "data")
    one_line(done)
    assert str(locked / "data") in done.stderr
    assert "severance-s2" in done.stdout  # the built-in packs are still listed


@pytest.mark.parametrize("command", ["check", "packs", "play", "review"])
def test_a_path_too_long_for_the_system(command: str, tmp_path: Path):
    done = quiz(command, str(tmp_path / ("a" * 5000)), data_dir=tmp_path / "data")
    one_line(done)


@pytest.mark.parametrize("target", ["locked/new.yaml", "locked/sub/new.yaml"])
def test_quiz_new_in_a_folder_of_mode_000(target: str, locked: Path):
    done = quiz("new", str(locked / target), data_dir=locked / "free")
    one_line(done)
    assert not (locked / "locked").stat().st_mode & 0o777  # left as it was, mode 000
