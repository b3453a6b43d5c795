"""Two copies of quiz playing at once both keep all their answers."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from quiz.store import NewGame, Store

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = 150

# Opens the store (printing any notices), waits for "go" on stdin so both copies start
# together, then plays.
CHILD = """
import sys
from quiz.store import NewGame, Store
folder, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
store, notices = Store.open(folder, timeout=30)
print("ready", notices, flush=True)
sys.stdin.readline()
game = store.start_game(NewGame(name, count=count))
for n in range(count):
    store.record_answer(game, name, f"q{n}", name, n % 3 != 0, 100, 0.5)
store.finish_game(game, 100 * count, count, count)
print("done", flush=True)
"""


def check_both_kept(folder: Path, packs: list[str]) -> None:
    store, _ = Store.open(folder)
    with store:
        stats = {item.pack_id: item for item in store.stats()}
        assert sorted(stats) == sorted(packs)
        for pack in packs:
            assert stats[pack].games == 1 and stats[pack].unfinished == 0
            assert stats[pack].overall.total == ANSWERS
            assert store.card(pack, f"q{ANSWERS - 1}") is not None


@pytest.mark.parametrize("fresh", [False, True], ids=["existing-file", "fresh-folder"])
def test_two_processes_write_at_once(tmp_path: Path, fresh: bool):
    if not fresh:
        Store.open(tmp_path)[0].close()  # both find the file ready, as after a first run
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(tmp_path), name, str(ANSWERS)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first", "second")
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline() == "ready []\n"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert out == "done\n"
    assert list(tmp_path.glob("quiz-unreadable-*")) == []  # neither took the other's for junk
    check_both_kept(tmp_path, ["first", "second"])


def test_two_connections_in_threads_write_at_once(tmp_path: Path):
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def player(name: str) -> None:
        try:
            store, _ = Store.open(tmp_path, timeout=30)
            with store:
                start.wait(timeout=30)
                game = store.start_game(NewGame(name, count=ANSWERS))
                for n in range(ANSWERS):
                    store.record_answer(game, name, f"q{n}", name, True, 100, 0.5)
                store.finish_game(game, 100 * ANSWERS, ANSWERS, ANSWERS)
        except BaseException as error:  # reported below, in the test's own thread
            errors.append(error)
            start.abort()

    threads = [threading.Thread(target=player, args=(name,)) for name in ("left", "right")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    check_both_kept(tmp_path, ["left", "right"])
