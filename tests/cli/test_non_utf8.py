"""File names and arguments whose bytes are not UTF-8, under a UTF-8 locale: no traceback.

A file name may hold any bytes, so quiz takes such paths as they are; a title or an id is
text, so one that is not UTF-8 is a usage error. Either way: one line, never a traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "good" / "mini.yaml"
OPENTDB = (
    b'{"response_code": 0, "results": [{"type": "multiple", "difficulty": "easy",'
    b' "category": "General", "question": "Q?", "correct_answer": "A",'
    b' "incorrect_answers": ["B", "C", "D"]}]}'
)

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="needs a file system that takes any bytes"
)


def quiz(*args: bytes | str, data_dir: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
           "QUIZ_DATA_DIR": str(data_dir)}  # fmt: skip
    env.pop("QUIZ_PACKS_PATH", None)
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def one_error_line(done: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1, done.stderr
    done.stderr.decode("ascii")  # the odd bytes are shown as escapes, not written raw


@pytest.fixture
def folder(tmp_path: Path) -> bytes:
    """A folder (bytes path) holding a valid pack whose file name has the byte 0xff."""
    where = tmp_path / "packs"
    where.mkdir()
    shutil.copyfile(MINI, os.path.join(os.fsencode(where), b"\xff.yaml"))
    return os.fsencode(where)


@pytest.mark.parametrize("whole_folder", [False, True], ids=["file", "folder"])
def test_check_takes_a_pack_whose_name_is_not_utf8(folder: bytes, tmp_path, whole_folder):
    target = folder if whole_folder else folder + b"/\xff.yaml"
    done = quiz("check", target, data_dir=tmp_path / "data")
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.startswith(b"1 pack, 4 questions, 0 problems")


def test_packs_lists_a_pack_whose_name_is_not_utf8(folder: bytes, tmp_path):
    done = quiz("packs", folder, data_dir=tmp_path / "data")
    assert (done.returncode, done.stderr) == (0, b"")
    mini = next(line for line in done.stdout.splitlines() if line.startswith(b"mini "))
    assert mini.endswith(b"/\\udcff.yaml")  # the byte shown as an escape


def test_play_loads_a_pack_whose_name_is_not_utf8(folder: bytes, tmp_path):
    # A category no question has ends the command after loading, before the game starts.
    done = quiz("play", folder + b"/\xff.yaml", "--category", "none", data_dir=tmp_path / "d")
    assert done.returncode == 1
    one_error_line(done)


def test_new_writes_a_pack_named_with_a_byte_that_is_not_utf8(tmp_path: Path):
    target = os.fsencode(tmp_path) + b"/caf\xe9.yaml"
    done = quiz("new", target, data_dir=tmp_path / "data")
    assert (done.returncode, done.stderr) == (0, b""), done.stderr
    check = quiz("check", "--strict", target, data_dir=tmp_path / "data")
    assert check.returncode == 0, check.stdout


def test_import_writes_to_a_name_that_is_not_utf8(tmp_path: Path):
    source = tmp_path / "saved.json"
    source.write_bytes(OPENTDB)
    target = os.fsencode(tmp_path) + b"/\xff.yaml"
    done = quiz("import", "opentdb", source, "-o", target, data_dir=tmp_path / "data")
    assert (done.returncode, done.stderr) == (0, b""), done.stderr
    assert quiz("check", target, data_dir=tmp_path / "data").returncode == 0


@pytest.mark.parametrize(
    "args",
    [
        ["new", "{tmp}/a.yaml", "--title", b"caf\xe9"],
        ["new", "{tmp}/b.yaml", "--id", b"\xff"],
        ["import", "opentdb", "{tmp}/saved.json", "-o", "{tmp}/c.yaml", "--title", b"\xff"],
        ["import", "opentdb", "{tmp}/saved.json", "-o", "{tmp}/d.yaml", "--id", b"\xff"],
        ["stats", "--pack", b"\xff"],
    ],
    ids=["new-title", "new-id", "import-title", "import-id", "stats-pack"],
)
def test_a_title_or_id_that_is_not_utf8_is_a_usage_error(tmp_path: Path, args: list):
    (tmp_path / "saved.json").write_bytes(OPENTDB)
    argv = [arg.format(tmp=tmp_path) if isinstance(arg, str) else arg for arg in args]
    done = quiz(*argv, data_dir=tmp_path / "data")
    assert done.returncode == 2
    one_error_line(done)
    assert not list(tmp_path.glob("*.yaml"))  # nothing written
