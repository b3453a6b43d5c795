"""`quiz stats`: plain-text history with --data-dir or QUIZ_DATA_DIR, and a friendly empty line."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.packs.loader import load_pack
from quiz.store import NewGame, Store

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "good" / "mini.yaml"
STUDIO = ROOT / "tests" / "fixtures" / "ui" / "studio.yaml"


@pytest.fixture
def mini_in_data_dir(tmp_path: Path) -> None:
    """Put the fixture pack among the data folder's own packs, where stats finds prompts."""
    (tmp_path / "packs").mkdir(exist_ok=True)
    (tmp_path / "packs" / "mini.yaml").write_bytes(MINI.read_bytes())


def fill(folder: Path) -> None:
    """Games of mini and elsewhere, played three days ago (review cards have aged)."""
    then = datetime.now(UTC) - timedelta(days=3)
    store, _ = Store.open(folder, now=lambda: then)
    with store:
        for score, answers in [
            (175, [("lens", True, "cinematography", "easy"), ("real-shot", False, "production", "hard")]),
            (325, [("lens", True, "cinematography", "easy"), ("real-shot", False, "production", "hard"),
                   ("director", True, "cast", "medium")]),
        ]:  # fmt: skip
            game = store.start_game(NewGame("mini", count=4))
            for question, right, category, difficulty in answers:
                store.record_answer(
                    game, "mini", question, "x", right, 0, 1.0, category, difficulty
                )
            store.finish_game(game, score, sum(a[1] for a in answers), len(answers))
        game = store.start_game(NewGame("mini", count=4, timed=True))
        store.record_answer(game, "mini", "real-shot", "", False, 0, 20.0, "production", "hard")
        game = store.start_game(NewGame("elsewhere", count=10))
        store.record_answer(game, "elsewhere", "q1", "y", False, 0, 3.0, None, "medium")
        store.finish_game(game, 0, 0, 1)


def test_empty_history_gives_a_friendly_line(tmp_path: Path, capsys):
    assert main(["stats", "--data-dir", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert out == "No games played yet. Start one with: quiz\n"
    assert err == ""


def test_stats_per_pack(tmp_path: Path, capsys, mini_in_data_dir):
    fill(tmp_path)
    assert main(["stats", "--data-dir", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    elsewhere, mini = out.split("\n\n")
    assert mini.splitlines() == [
        "Mini pack (mini)",
        "  Games: 3 played, 1 unfinished",
        "  Score: best 325, average 250",
        "    4q-untimed: 2 finished, best 325, average 250",
        "  Accuracy: 50% (3 of 6)",
        "  Review: 3 seen, 3 due now, 0 mastered (recall over 90%)",
        "  By category: cast 100% (1/1), cinematography 100% (2/2), production 0% (0/3)",
        "  By difficulty: easy 100% (2/2), medium 100% (1/1), hard 0% (0/3)",
        "  Most missed:",
        "    real-shot: missed 3 of 3, recall 50% - Was the shot real?",
    ]
    assert elsewhere.splitlines() == [
        "elsewhere",  # not a built-in pack: its id alone, and no prompts
        "  Games: 1 played, 0 unfinished",
        "  Score: best 0, average 0",
        "    10q-untimed: 1 finished, best 0, average 0",
        "  Accuracy: 0% (0 of 1)",
        "  Review: 1 seen, 1 due now, 0 mastered (recall over 90%)",
        "  By category: uncategorised 0% (0/1)",
        "  By difficulty: medium 0% (0/1)",
        "  Most missed:",
        "    q1: missed 1 of 1, recall 66%",
    ]


def test_one_pack_and_the_env_var(tmp_path: Path, capsys, monkeypatch, mini_in_data_dir):
    fill(tmp_path)
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path))
    assert main(["stats", "--pack", "elsewhere"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("elsewhere\n") and "Mini pack" not in out
    assert main(["stats", "--pack", "nope"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("quiz stats: error: no pack has the id 'nope'")
    assert main(["stats", "--pack", "severance-s2"]) == 0  # found, not played yet
    assert capsys.readouterr().out == (
        "No games of pack severance-s2 played yet. Start one with: quiz\n"
    )


@pytest.mark.parametrize(
    "edit",
    [
        "UPDATE scope_totals SET ranked = 0",
        "DELETE FROM scope_totals",
        "UPDATE scope_totals SET ranked = 'z'",
        "INSERT INTO kind_totals VALUES ('mini', 7, 0, 1, 1, 5.0)",  # finished, with no game
    ],
)
def test_totals_edited_by_hand_never_break_the_stats(
    tmp_path: Path, capsys, mini_in_data_dir, edit: str
):
    fill(tmp_path)
    with sqlite3.connect(tmp_path / "quiz.db") as conn:
        conn.execute(edit)
    conn.close()
    assert main(["stats", "--data-dir", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and "Mini pack (mini)" in out
    assert "None" not in out  # a best or average the totals deny is left out, not shown empty


def test_a_corrupt_history_is_reported_once_and_stats_go_on(tmp_path: Path, capsys):
    (tmp_path / "quiz.db").write_bytes(b"\x00garbage" * 500)
    assert main(["stats", "--data-dir", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert out == "No games played yet. Start one with: quiz\n"
    assert len(err.splitlines()) == 1
    assert err.startswith(f"quiz stats: history at {tmp_path / 'quiz.db'} was unreadable")
    assert len(list(tmp_path.glob("quiz-unreadable-*.db"))) == 1


def test_a_newer_history_is_an_error(tmp_path: Path, capsys):
    Store.open(tmp_path)[0].close()
    with sqlite3.connect(tmp_path / "quiz.db") as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert main(["stats", "--data-dir", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("quiz stats: error: the history database") and "newer quiz" in err
    assert len(err.splitlines()) == 1


def test_a_locked_history_is_an_error(locked_history: Path, capsys):
    code = main(["stats", "--data-dir", str(locked_history)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.startswith("quiz stats: error:") and "locked by another program" in err


def test_pack_text_cannot_reach_the_terminal_as_escapes(tmp_path: Path, capsys):
    store, _ = Store.open(tmp_path)
    with store:
        game = store.start_game(NewGame("evil\x1b[2J"))
        store.record_answer(game, "evil\x1b[2J", "q\x07", "", False, 0, 1.0, "cat\x1b]0;x\x07")
    assert main(["stats", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out


def test_the_command_module_does_not_import_sqlite_until_run():
    code = "import sys, quiz.cli, quiz.commands.stats; print('sqlite3' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "False", done.stderr


def test_a_game_of_two_packs_is_titled_by_both_with_its_prompts(tmp_path: Path, capsys):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "mini.yaml").write_bytes(MINI.read_bytes())
    (tmp_path / "packs" / "studio.yaml").write_bytes(STUDIO.read_bytes())
    store, _ = Store.open(tmp_path)
    with store:
        game = store.start_game(NewGame("mini+studio", packs=("mini", "studio"), count=2))
        store.record_answer(game, "mini", "lens", "x", False, 0, 1.0)
        store.record_answer(game, "studio", "camera", "x", True, 100, 1.0)
        store.finish_game(game, 100, 1, 2)
    assert main(["stats", "--data-dir", str(tmp_path), "--pack", "mini+studio"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Mini pack + Studio Tour (mini+studio)"
    lens = load_pack(MINI).questions
    prompt = next(q.prompt for q in lens if q.id == "lens")
    assert any(
        line.startswith("    lens: missed 1 of 1, recall 100% (its answer was just shown) - ")
        and prompt[:20] in line
        for line in lines
    )


def test_practice_rounds_are_counted_apart_and_said_so(tmp_path: Path, capsys):
    store, _ = Store.open(tmp_path)
    with store:
        game = store.start_game(NewGame("mini", count=2))
        store.record_answer(game, "mini", "lens", "x", False, 0, 1.0, "cinematography", "easy")
        store.record_answer(game, "mini", "director", "x", True, 100, 1.0, "cast", "medium")
        store.finish_game(game, 100, 1, 2)
        for _ in range(2):
            retry = store.start_game(NewGame("mini", mode="retry", count=1))
            store.record_answer(retry, "mini", "lens", "x", True, 0, 1.0, "cinematography", "easy")
            store.finish_game(retry, 0, 1, 1)
    assert main(["stats", "--data-dir", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "  Games: 1 played, 0 unfinished" in lines
    assert "  Practice: 2 rounds (retry missed; not in games, accuracy or bests)" in lines
    assert "  Accuracy: 50% (1 of 2)" in lines


def test_review_numbers_count_only_questions_the_pack_has(
    tmp_path: Path, capsys, mini_in_data_dir
) -> None:
    fill(tmp_path)
    with sqlite3.connect(tmp_path / "quiz.db") as conn:  # a question the pack no longer has
        conn.execute(
            "INSERT INTO cards SELECT pack_id, 'ghost', state, step, stability, difficulty, due,"
            " last_review, reviews FROM cards WHERE pack_id = 'mini' AND question_id = 'lens'"
        )
    conn.close()
    assert main(["stats", "--data-dir", str(tmp_path), "--pack", "mini"]) == 0
    out = capsys.readouterr().out
    assert "  Review: 3 seen, 3 due now, 0 mastered (recall over 90%)" in out.splitlines()


def test_a_question_missed_just_now_says_why_its_recall_is_100(
    tmp_path: Path, capsys, mini_in_data_dir
):
    store, _ = Store.open(tmp_path)
    with store:
        game = store.start_game(NewGame("mini", count=4))
        store.record_answer(game, "mini", "real-shot", "x", False, 0, 1.0)
    assert main(["stats", "--data-dir", str(tmp_path)]) == 0
    missed = [line for line in capsys.readouterr().out.splitlines() if "real-shot" in line]
    assert missed == [
        "    real-shot: missed 1 of 1, recall 100% (its answer was just shown) - Was the shot real?"
    ]
