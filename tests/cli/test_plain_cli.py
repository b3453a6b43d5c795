"""`quiz play --plain` and `quiz review --plain` as a script runs them: answers piped in."""

from __future__ import annotations

import os
import pty
import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from small_disk import fill, small_disk

from quiz.packs.loader import load_pack
from quiz.packs.printable import printable
from quiz.store import NewGame, Store

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
MINI = FIXTURES / "good" / "mini.yaml"
# Runs the CLI, then says whether Textual was imported (it must not be, in plain text).
PROBE = "import sys; from quiz.cli import main; code = main(sys.argv[1:]); print('textual' in sys.modules); sys.exit(code)"


def quiz(
    *args: str, typed: bytes, data_dir: Path, **env: str
) -> subprocess.CompletedProcess[bytes]:
    """Run quiz with TYPED piped to it, as `printf ... | quiz ...` does."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZ_DATA_DIR": str(data_dir), **env}
    environment.pop("QUIZ_PACKS_PATH", None)
    return subprocess.run([sys.executable, "-c", PROBE, *args], input=typed, capture_output=True,
                          env=environment, cwd=ROOT, timeout=120)  # fmt: skip


def saved(data_dir: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(data_dir / "quiz.db")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_whole_game_piped_prints_every_excerpt_saves_every_answer_and_no_escape(
    tmp_path: Path,
) -> None:
    from quiz.packs.discovery import builtin_pack_files

    files = builtin_pack_files()
    if not files:
        pytest.skip("the built-in pack is not written yet")
    done = quiz("play", "--plain", "--seed", "3", typed=b"1\n" * 10, data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert b"\x1b" not in done.stdout + done.stderr
    assert done.stderr == b""
    out = done.stdout.decode()
    assert out.splitlines()[-1] == "False"  # the full screen's Textual was never imported
    answers = saved(tmp_path, "SELECT pack_id, question_id FROM answers ORDER BY id")
    assert len(answers) == 10 == out.count("\nQuestion ")
    packs = {pack.id: pack for pack in map(load_pack, files)}
    for pack_id, question_id in answers:
        question = packs[pack_id].question(question_id)
        assert question is not None and out.count(f"\n{printable(question.prompt)}\n") == 1
        if question.source is None:
            continue
        quote = question.source.text.split("\n")
        assert all(printable(line) in out for line in quote), question_id
    games = saved(tmp_path, "SELECT count(*), min(ended_at IS NOT NULL) FROM games")
    assert games == [(1, 1)]  # one game, finished and kept
    results = out[out.index("\nResults\n") :]
    assert results.count("points.") == 10  # a line per question ends the run


def test_off_a_terminal_play_is_plain_by_itself(tmp_path: Path) -> None:
    done = quiz("play", str(MINI), "--seed", "1", typed=b"q\n", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    assert "Question 1 of 4" in out and "Results" in out
    assert out.splitlines()[-1] == "False"


def test_an_answer_typed_with_escapes_is_printed_inert_and_saved_as_typed(tmp_path: Path) -> None:
    typed = "\x1b[2J\x1b]0;owned\x07\u202eevil\n".encode()
    done = quiz("play", "--plain", str(MINI), "--category", "cast", typed=typed, data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert b"\x1b" not in done.stdout and b"\x07" not in done.stdout
    assert "\u202e" not in done.stdout.decode()
    assert "Your answer: \\x1b[2J\\x1b]0;owned\\x07\\u202eevil" in done.stdout.decode()
    assert saved(tmp_path, "SELECT given FROM answers") == [("\x1b[2J\x1b]0;owned\x07\u202eevil",)]


def test_review_plain_plays_the_due_questions_and_saves_them(tmp_path: Path) -> None:
    # Missed a day and a half ago, so it is due again now.
    store, _ = Store.open(tmp_path, now=lambda: datetime.now(UTC) - timedelta(days=1.5))
    with store:
        game = store.start_game(NewGame("mini", count=10))
        store.record_answer(game, "mini", "director", "x", False, 0, 1.0)
    done = quiz("review", "--plain", str(MINI), typed=b"Gagne\n", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    assert "Question 1 of 1" in out and "Who directed it?" in out and "\nReview results\n" in out
    assert "✓ Right" in out and b"\x1b" not in done.stdout
    assert saved(tmp_path, "SELECT question_id, correct FROM answers ORDER BY id") == [
        ("director", 0),
        ("director", 1),
    ]


def test_a_card_whose_times_have_another_offset_is_reviewed_and_saved(tmp_path: Path) -> None:
    store, _ = Store.open(tmp_path, now=lambda: datetime.now(UTC) - timedelta(days=1.5))
    with store:
        game = store.start_game(NewGame("mini", count=10))
        store.record_answer(game, "mini", "director", "x", False, 0, 1.0)
    conn = sqlite3.connect(tmp_path / "quiz.db")
    with conn:  # times another program wrote with its own offset, as ISO 8601 allows
        conn.execute(
            "UPDATE cards SET due = '2020-01-01T00:00:00+05:00',"
            " last_review = '2019-12-31T00:00:00+05:00'"
        )
    conn.close()
    done = quiz("review", "--plain", str(MINI), typed=b"Gagne\n", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    assert saved(tmp_path, "SELECT question_id, correct FROM answers ORDER BY id") == [
        ("director", 0),
        ("director", 1),
    ]
    (due,) = saved(tmp_path, "SELECT due FROM cards")[0]
    assert due > datetime.now(UTC).isoformat()  # rescheduled from now, kept in UTC


def test_a_locked_history_is_one_line_and_exit_1(locked_history: Path) -> None:
    done = quiz("play", "--plain", str(MINI), typed=b"1\n", data_dir=locked_history)
    assert done.returncode == 1
    (line,) = done.stderr.decode().splitlines()
    assert line.startswith("quiz play: error: ") and "locked" in line
    assert b"Question" not in done.stdout  # no game without its history, as in the full screen


def test_answers_played_while_the_history_cannot_be_saved_are_counted_at_the_end(
    tmp_path: Path,
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("where the data folder should be")
    done = quiz("play", "--plain", str(MINI), "--seed", "1", typed=b"1\n1\nq\n", data_dir=blocked)
    assert done.returncode == 1
    lines = done.stderr.decode().splitlines()
    assert lines[0].endswith("playing on without saving")
    assert lines[-1].startswith("quiz play: error: 2 answers could not be saved")
    assert "it is a file, not a folder" in lines[-1]
    assert blocked.read_text() == "where the data folder should be"


def test_a_disk_full_at_the_first_open_says_so_and_counts_the_answers(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 256) as disk:
        fill(disk, leave=4096)  # room for the file, not for its tables
        done = quiz("play", "--plain", str(MINI), "--seed", "1", typed=b"1\n1\nq\n", data_dir=disk)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.decode().splitlines()
    assert "no transaction" not in lines[0]  # SQLite's own rollback, not the cause
    assert lines[-1].startswith("quiz play: error: 2 answers could not be saved")


@pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals")
def test_ctrl_c_says_how_many_answers_could_not_be_saved(tmp_path: Path) -> None:
    Store.open(tmp_path)[0].close()
    other = sqlite3.connect(tmp_path / "quiz.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing all along: answers wait
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZ_DATA_DIR": str(tmp_path)}
    environment.pop("QUIZ_PACKS_PATH", None)
    game = subprocess.Popen(
        [sys.executable, "-m", "quiz", "play", "--plain", str(MINI), "--seed", "5"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=environment, cwd=ROOT,
    )  # fmt: skip
    try:
        assert game.stdin is not None and game.stdout is not None
        game.stdin.write(b"1\n")
        game.stdin.flush()
        for line in game.stdout:  # until the second question waits for its answer
            if line.startswith(b"Question 2 of"):
                break
        game.send_signal(signal.SIGINT)
        _, err = game.communicate(timeout=60)
    finally:
        if game.poll() is None:
            game.kill()
        other.execute("ROLLBACK")
        other.close()
    assert game.returncode == 130
    assert "1 answer could not be saved" in err.decode().splitlines()[-1]
    assert b"Traceback" not in err


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_a_dumb_terminal_gets_plain_text(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZ_DATA_DIR": str(tmp_path), "TERM": "dumb"}
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "quiz", "play", str(MINI)], stdin=follower,
                               stdout=follower, stderr=follower, env=env, cwd=ROOT)  # fmt: skip
    os.close(follower)
    os.write(leader, b"q\n")
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the program ended and closed its side
            break
        if not chunk:
            break
        output += chunk
    assert process.wait(timeout=60) == 0
    os.close(leader)
    assert b"Question 1 of 4" in output and b"Results" in output
    assert b"\x1b" not in output


def test_games_played_at_once_all_go_into_one_history(tmp_path: Path) -> None:
    # As the tabs of `quiz serve` do: each its own process, one history file.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZ_DATA_DIR": str(tmp_path)}
    games = [
        subprocess.Popen(
            [sys.executable, "-m", "quiz", "play", "--plain", str(MINI), "--seed", str(seed)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )  # fmt: skip
        for seed in range(4)
    ]
    for game in games:
        game.stdin.write(b"1\n" * 4)
        game.stdin.close()
    for game in games:
        assert game.wait(timeout=120) == 0, game.stderr.read()
        # A game that finds another's write in the way may say so; its answers wait and
        # are saved at its next write, or at the end.
        for line in game.stderr.read().decode().splitlines():
            assert line.startswith("Could not save to the history: "), line
            assert line.endswith("answers are kept and saved when the history can be written")
        game.stdout.close()
        game.stderr.close()
    assert saved(tmp_path, "SELECT count(*) FROM answers") == [(16,)]
    assert saved(tmp_path, "SELECT count(*), min(ended_at IS NOT NULL) FROM games") == [(4, 1)]
