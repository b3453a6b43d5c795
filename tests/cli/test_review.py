"""`quiz review [PACK]`: the due questions start the TUI; nothing due is one line and exit 0."""

from __future__ import annotations

import gc
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cli_helpers import FakeApp

from quiz.cli import main
from quiz.store import NewGame, Store

FIXTURES = Path(__file__).parent.parent / "fixtures"
MINI = FIXTURES / "good" / "mini.yaml"
STUDIO = FIXTURES / "ui" / "studio.yaml"


def played(folder: Path, pack_id: str, answers: list[tuple[str, bool]], ago: float = 1.5) -> None:
    """Answers given AGO days back: a missed one is due now (back a day later), a right
    one not yet (two days later)."""
    then = datetime.now(UTC) - timedelta(days=ago)
    store, _ = Store.open(folder, now=lambda: then)
    with store:
        game = store.start_game(NewGame(pack_id, count=10))
        for question, right in answers:
            store.record_answer(game, pack_id, question, "x", right, 100 * right, 1.0)


def test_nothing_played_says_so_and_starts_nothing(
    tmp_path: Path, fake_app: list[FakeApp], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", "--data-dir", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "Nothing to review yet: play a game first, and its questions come back here when they"
        " are due."
    ]
    assert err == "" and fake_app == []


def test_a_pack_file_with_missed_questions_starts_the_review(
    tmp_path: Path, fake_app: list[FakeApp]
) -> None:
    played(tmp_path, "mini", [("lens", True), ("director", False), ("months", False)])
    assert main(["review", "--data-dir", str(tmp_path), str(MINI)]) == 0
    (app,) = fake_app
    assert app.ran
    plan = app.kwargs["review"]
    assert [a.question.id for a in plan.selection.asked] == ["director", "months"]
    assert {a.pack.id for a in plan.selection.asked} == {"mini"}
    assert "mini" in [pack.id for pack in app.packs]
    assert app.kwargs["history"].store.saving


def test_a_pack_id_is_found_in_the_data_dir(
    tmp_path: Path, fake_app: list[FakeApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "packs").mkdir()
    shutil.copy(STUDIO, tmp_path / "packs" / "studio.yaml")
    played(tmp_path, "studio", [("camera", False)])
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path))
    assert main(["review", "studio"]) == 0
    (app,) = fake_app
    assert [a.question.id for a in app.kwargs["review"].selection.asked] == ["camera"]


def test_without_a_pack_every_pack_is_reviewed(tmp_path: Path, fake_app: list[FakeApp]) -> None:
    (tmp_path / "packs").mkdir()
    shutil.copy(STUDIO, tmp_path / "packs" / "studio.yaml")
    shutil.copy(MINI, tmp_path / "packs" / "mini.yaml")
    played(tmp_path, "mini", [("lens", False)])
    played(tmp_path, "studio", [("camera", False)])
    played(tmp_path, "gone", [("q1", False)])  # a pack no longer found is left out
    assert main(["review", "--data-dir", str(tmp_path)]) == 0
    asked = fake_app[0].kwargs["review"].selection.asked
    assert sorted((a.pack.id, a.question.id) for a in asked) == [
        ("mini", "lens"), ("studio", "camera")
    ]  # fmt: skip


def test_nothing_due_says_when_the_next_question_is(
    tmp_path: Path, fake_app: list[FakeApp], capsys: pytest.CaptureFixture[str]
) -> None:
    played(tmp_path, "mini", [("lens", True)], ago=0)  # right: back in two days
    assert main(["review", "--data-dir", str(tmp_path), str(MINI)]) == 0
    out = capsys.readouterr().out
    due = (datetime.now(UTC) + timedelta(days=2)).astimezone().date()
    assert out == (
        f"Nothing is due for review in Mini pack; the next question is due on {due.isoformat()}"
        " (in 2 days).\n"
    )
    assert fake_app == []


def test_questions_sets_how_many_are_reviewed(tmp_path: Path, fake_app: list[FakeApp]) -> None:
    played(tmp_path, "mini", [("lens", False)], ago=3)
    played(tmp_path, "mini", [("director", False), ("months", False)], ago=2)
    assert main(["review", "--data-dir", str(tmp_path), "--questions", "2", str(MINI)]) == 0
    plan = fake_app[0].kwargs["review"]
    assert [a.question.id for a in plan.selection.asked] == ["lens", "director"]  # most overdue


@pytest.mark.parametrize("count", ["0", "-3", "501"])
def test_questions_out_of_range_is_a_usage_error(tmp_path: Path, count: str, capsys, fake_app):
    assert main(["review", "--data-dir", str(tmp_path), "--questions", count]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "--questions must be 1 to 500" in err
    assert fake_app == []


@pytest.mark.parametrize(
    ("pack", "message"),
    [
        ("nope", "quiz review: error: no pack with the id 'nope' was found;"),
        ("missing.yaml", "missing.yaml:1:1: error: cannot read the file"),
        (str(FIXTURES), "is a folder; give a pack file or a pack id"),
        (str(FIXTURES / "bad" / "bad-date.yaml"), "bad-date.yaml:"),
    ],
)
def test_a_pack_that_cannot_be_found_or_loaded_is_one_line_and_exit_1(
    pack: str, message: str, tmp_path: Path, fake_app: list[FakeApp], capsys
) -> None:
    assert main(["review", "--data-dir", str(tmp_path), pack]) == 1
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and message in err
    assert fake_app == []


@pytest.mark.parametrize("command", [["review"], ["play", str(MINI)], []], ids=str)
def test_a_locked_history_is_one_line_and_exit_1_before_any_tui(
    command: list[str],
    locked_history: Path,
    fake_app: list[FakeApp],
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main([*command[:1], "--data-dir", str(locked_history), *command[1:]])
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and fake_app == []
    assert err.startswith(f"{' '.join(['quiz', *command[:1]])}: error:")
    assert "locked by another program" in err
    assert len(err.splitlines()) == 1
    assert gc.isenabled()  # start-up paused the collector; the error path turns it back on


def test_retention_is_remembered_and_schedules_what_comes_next(tmp_path: Path, fake_app, capsys):
    assert main(["review", "--data-dir", str(tmp_path), "--retention", "0.95"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Review now aims for 95% recall when a question comes due."
    store, _ = Store.open(tmp_path)
    with store:
        assert store.get_setting("desired_retention") == 0.95
        game = store.start_game(NewGame("mini", count=1))
        sooner = store.record_answer(game, "mini", "lens", "x", True, 100, 1.0)
        store.set_setting("desired_retention", 0.8)
        later = store.record_answer(game, "mini", "director", "x", True, 100, 1.0)
    assert sooner < later


def test_retention_is_not_claimed_remembered_when_the_history_cannot_be_saved(
    tmp_path: Path, fake_app, capsys
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("where the data folder should be")
    assert main(["review", "--data-dir", str(blocked), "--retention", "0.8"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "Review aims for 80% recall in this run only: the history can't be saved, so the"
        " setting is not remembered."
    )


@pytest.mark.parametrize("value", ["0.5", "1", "nan", "0.97000001", "abc", "1e-5"])
def test_retention_out_of_range_is_a_usage_error(tmp_path: Path, value: str, capsys, fake_app):
    assert main(["review", "--data-dir", str(tmp_path), "--retention", value]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "--retention must be 0.7 to 0.97" in err
    assert err.rstrip().endswith(f", not {value}")  # as typed, not rounded
    assert not (tmp_path / "quiz.db").exists()
