"""A read-only data folder: the player keeps playing (and sees their history), nothing is saved.

Tests here run as root, where chmod alone does not stop writes. The child process that
opens the store therefore drops CAP_DAC_OVERRIDE from its capability bounding set before
it starts, so the folder's permission bits apply to it as to any user.
"""

from __future__ import annotations

import ctypes
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.store import Store

ROOT = Path(__file__).resolve().parents[2]
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE = 1

CHILD = """
import json, sys
from pathlib import Path
folder = Path(sys.argv[1])
try:
    (folder / "probe").write_text("x")
    blocked = False
except OSError:
    blocked = True
from quiz.store import NewGame, Store
store, notices = Store.open(folder)
game = store.start_game(NewGame("mini", count=10))
store.record_answer(game, "mini", "lens", "10", True, 100, 1.0)
store.finish_game(game, 100, 1, 1)
print(json.dumps({"blocked": blocked, "saving": store.saving, "notices": notices,
                  "best": [b.score for b in store.best_scores()], "games": store.games_played()}))
"""


def _drop_dac_override() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def run_without_write_rights(folder: Path) -> dict:
    as_root = os.geteuid() == 0
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(folder)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=_drop_dac_override if as_root else None,
        )
    except subprocess.SubprocessError as error:
        pytest.skip(f"running as root and can't drop CAP_DAC_OVERRIDE here: {error}")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    if not result["blocked"]:
        pytest.skip("this user can write into a chmod 0o555 folder; no read-only folder to test")
    return result


@pytest.mark.parametrize("writer_still_open", [False, True], ids=["closed", "open-wal"])
def test_a_read_only_folder_plays_on_with_history_and_saves_nothing(
    tmp_path: Path, play, writer_still_open: bool
):
    folder = tmp_path / "data"
    store, _ = Store.open(folder)
    play(store, "mini", [(f"q{n}", True) for n in range(5)])  # best 500
    if not writer_still_open:
        store.close()  # its log is folded back into the file; with it open, it is not
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH)
    try:
        result = run_without_write_rights(folder)
    finally:
        folder.chmod(0o755)
        if writer_still_open:
            store.close()
    assert result["saving"] is False
    assert result["notices"] == [
        f"can't write to the data folder {folder} (Permission denied); playing on without saving"
    ]
    assert result["games"] == 2  # the saved one, copied into memory, and this one
    assert result["best"] == [500]
    again, _ = Store.open(folder)
    with again:
        assert again.games_played() == 1  # the game played read-only was not written
