"""A game killed mid-way keeps every answer already given, and shows as unfinished."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from quiz.store import Store

ROOT = Path(__file__).resolve().parents[2]
ANSWERED_BEFORE_KILL = 25

# Records answers as fast as it can, printing each question number once it is committed.
CHILD = """
import sys
from quiz.store import NewGame, Store
store, _ = Store.open(sys.argv[1])
game = store.start_game(NewGame("mini", count=100000))
for n in range(100000):
    store.record_answer(game, "mini", f"q{n}", str(n), n % 2 == 0, 100 * (n % 2 == 0), 1.5,
                        "cat", "easy")
    print(n, flush=True)
"""


def test_killing_the_game_mid_way_loses_no_answer(tmp_path: Path):
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    confirmed = -1
    while confirmed < ANSWERED_BEFORE_KILL - 1:
        line = child.stdout.readline()
        assert line, child.stderr.read() if child.stderr else "child ended early"
        confirmed = int(line)
    child.send_signal(signal.SIGKILL)  # no cleanup, no atexit, no close: a crash
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    store, notices = Store.open(tmp_path)
    with store:
        assert notices == []
        [stats] = store.stats()
        assert (stats.games, stats.unfinished) == (1, 1)
        assert store.best_scores() == []
        answered = stats.overall.total
        assert answered >= ANSWERED_BEFORE_KILL  # every confirmed answer, maybe one more
        cards = [store.card("mini", f"q{n}") for n in range(answered)]
        assert None not in cards  # each answer's card moved in the same commit
    with sqlite3.connect(tmp_path / "quiz.db") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = conn.execute("SELECT question_id, given FROM answers ORDER BY id").fetchall()
    conn.close()
    assert rows == [(f"q{n}", str(n)) for n in range(answered)]
