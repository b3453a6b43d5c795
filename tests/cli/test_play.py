"""`quiz play` and bare `quiz`: options are checked before the TUI starts, then it starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import FakeApp

from quiz.cli import main
from quiz.game.selection import GameOptions, select
from quiz.packs.loader import load_pack

FIXTURES = Path(__file__).parent.parent / "fixtures"
MINI = FIXTURES / "good" / "mini.yaml"
STUDIO = FIXTURES / "ui" / "studio.yaml"
REPO = Path(__file__).parent.parent.parent

# Runs the CLI and reports whether Textual was imported, i.e. whether a TUI could have started.
PROBE = "import sys; from quiz.cli import main; code = main(sys.argv[1:]); print('textual' in sys.modules); sys.exit(code)"


def probe(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env,
        stdin=subprocess.DEVNULL, timeout=60,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--questions", "0", str(MINI)], 2, "--questions must be at least 1, not 0"),
        (["--timer", "0", str(MINI)], 2, "--timer must be a positive number of seconds"),
        (["--timer", "inf", str(MINI)], 2, "--timer must be a positive number of seconds"),
        (["--timer", "0.5", str(MINI)], 2, "--timer must be a positive number of seconds"),
        (["--timer", "1e-300", str(MINI)], 2, "--timer must be a positive number of seconds"),
        (["--difficulty", "extreme", str(MINI)], 2, "extreme"),  # argparse's words around it
        (["--questions", "ten", str(MINI)], 2, "ten"),
        (["--category", "nope", str(MINI)], 1, "no questions match category 'nope'"),
        (["--difficulty", "hard", "--category", "cast", str(MINI)], 1, "no questions match"),
        (["no-such-pack.yaml"], 1, "no such pack file: no-such-pack.yaml"),
        ([str(FIXTURES / "bad" / "bad-date.yaml")], 1, "bad-date.yaml:"),
    ],
)
def test_bad_options_and_packs_give_one_line_and_no_tui(
    args: list[str], code: int, message: str
) -> None:
    result = probe("play", *args)
    assert result.returncode == code
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert result.stdout.strip() == "False"  # Textual never imported


def test_play_starts_a_game_with_the_options_given(fake_app: list[FakeApp]) -> None:
    args = ["play", str(MINI), str(STUDIO), "--questions", "3", "--category", "production",
            "--difficulty", "easy", "--difficulty", "medium", "--timer", "15", "--seed", "9"]  # fmt: skip
    assert main(args) == 0
    (app,) = fake_app
    assert app.ran
    assert [pack.id for pack in app.packs] == ["mini", "studio"]
    assert app.start == GameOptions(
        count=3, categories=("production",), difficulties=("easy", "medium"), timer=15.0, seed=9
    )


def test_a_one_second_timer_is_the_shortest_allowed(fake_app: list[FakeApp]) -> None:
    assert main(["play", str(MINI), "--timer", "1"]) == 0
    assert fake_app[0].start.timer == 1.0


@pytest.mark.parametrize(
    "names",
    [
        [MINI, MINI],
        [MINI, MINI.parent / ".." / "good" / "mini.yaml"],
        [MINI.parent, MINI],  # the folder holds it too
        ["link"],  # a link to it, given with the pack itself
    ],
    ids=["twice", "two spellings", "folder and file", "link"],
)
def test_one_pack_named_twice_asks_each_question_once(
    fake_app: list[FakeApp], tmp_path: Path, names: list[object]
) -> None:
    if names == ["link"]:
        (tmp_path / "link.yaml").symlink_to(MINI)
        names = [MINI, tmp_path / "link.yaml"]
    assert main(["play", *map(str, names), "--questions", "100", "--seed", "1"]) == 0
    (app,) = fake_app
    asked = [(a.pack.id, a.question.id) for a in select(app.packs, app.start).asked]
    assert len(asked) == len(set(asked)) == len(load_pack(MINI).questions)
    assert [pack.id for pack in app.packs].count("mini") == 1


def test_a_copy_of_a_pack_still_asks_each_question_once(
    fake_app: list[FakeApp], tmp_path: Path
) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_bytes(MINI.read_bytes())
    assert main(["play", str(MINI), str(copy), "--questions", "100"]) == 0
    app = fake_app[0]
    asked = [(a.pack.id, a.question.id) for a in select(app.packs, app.start).asked]
    assert len(asked) == len(set(asked)) == len(load_pack(MINI).questions)


def test_play_takes_a_folder_of_packs(fake_app: list[FakeApp]) -> None:
    assert main(["play", str(FIXTURES / "ui")]) == 0
    assert sorted(pack.id for pack in fake_app[0].packs) == ["hostile", "studio"]


@pytest.mark.parametrize("how", ["flag", "env"])
def test_play_accepts_a_data_dir(
    how: str, fake_app: list[FakeApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if how == "env":
        monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path))
        args = ["play", str(MINI)]
    else:
        args = ["play", "--data-dir", str(tmp_path), str(MINI)]
    assert main(args) == 0
    assert fake_app[0].ran


def test_play_without_packs_uses_the_built_in_ones(
    fake_app: list[FakeApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    import quiz.packs.discovery

    monkeypatch.setattr(quiz.packs.discovery, "builtin_pack_files", lambda: [STUDIO])
    assert main(["play"]) == 0
    assert [pack.id for pack in fake_app[0].packs] == ["studio"]
    assert fake_app[0].start == GameOptions()


@pytest.mark.parametrize("command", [["play"], []])
def test_no_built_in_packs_is_one_line_and_exit_1(
    command: list[str],
    fake_app: list[FakeApp],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    import quiz.packs.discovery

    monkeypatch.setattr(quiz.packs.discovery, "builtin_pack_files", lambda: [])
    monkeypatch.setattr(quiz.packs.discovery, "builtin_dir", lambda: tmp_path)  # empty
    monkeypatch.delenv("QUIZ_PACKS_PATH", raising=False)
    assert main(command) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "no built-in packs found" in lines[0]
    assert fake_app == []


def test_bare_quiz_opens_home_with_the_built_in_packs(
    fake_app: list[FakeApp], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import shutil

    import quiz.packs.discovery

    for pack in (MINI, STUDIO):
        shutil.copy(pack, tmp_path / pack.name)
    monkeypatch.setattr(quiz.packs.discovery, "builtin_dir", lambda: tmp_path)
    monkeypatch.delenv("QUIZ_PACKS_PATH", raising=False)
    assert main([]) == 0
    (app,) = fake_app
    assert app.ran and app.start is None
    assert list(app.packs) == []  # home lists the packs; none is loaded until played
    entries = app.kwargs["entries"]
    assert [entry.pack_id for entry in entries] == ["mini", "studio"]
    assert app.kwargs["loader"](entries[0].path).id == "mini"
    assert app.kwargs["history"].store.saving


def test_the_real_built_in_pack_starts_if_present(fake_app: list[FakeApp]) -> None:
    from quiz.packs.discovery import builtin_pack_files

    if not builtin_pack_files():
        pytest.skip("the built-in pack is not written yet")
    assert main(["play", "--seed", "1"]) == 0
    assert fake_app[0].packs and fake_app[0].start.seed == 1
    # The app deals, once the history can say which questions were seen.
    assert fake_app[0].kwargs.get("dealt") is None


# Stands in for the TUI's run: prints which modules start-up loaded that it need not.
NEEDLESS = ["yaml", "quiz.packs.loader", "quiz.ui.screens.home", "quiz.ui.screens.results",
            "quiz.ui.screens.help", "quiz.store.stats", "hashlib", "secrets", "quiz.game.verdict",
            "quiz.game.matching", "quiz.ui.widgets.reveal", "quiz.ui.screens.confirm"]  # fmt: skip
START_PROBE = (
    "import sys, quiz.ui.app as ui\n"
    f"ui.QuizApp.run = lambda self: print([m for m in {NEEDLESS!r} if m in sys.modules])\n"
    "from quiz.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def test_a_warm_start_loads_only_what_the_first_question_needs() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    runs = [
        subprocess.run([sys.executable, "-c", START_PROBE, "play", "--no-plain", str(STUDIO)], env=env,
                       capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
        for _ in range(2)
    ]  # fmt: skip
    assert [run.returncode for run in runs] == [0, 0], runs[1].stderr
    assert "'yaml'" in runs[0].stdout  # the first start validates the pack
    assert runs[1].stdout.strip() == "[]"  # the second finds it in the cache


def test_answers_the_history_could_not_keep_are_one_error_line_and_exit_1(
    fake_app: list[FakeApp], capsys: pytest.CaptureFixture[str]
) -> None:
    from quiz.commands.tui import launch
    from quiz.game.history import NoHistory
    from quiz.packs.loader import load_pack

    class Unsaved(NoHistory):
        def close(self) -> str | None:
            return "2 answers could not be saved to /data/quiz.db: it is locked\x1b[2J"

    assert launch(Unsaved, [load_pack(MINI)], prog="quiz play") == 1
    assert fake_app[0].ran
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "quiz play: error: 2 answers could not be saved to /data/quiz.db: it is locked\\x1b[2J"
    ]


def test_a_game_from_a_big_cached_pack_is_dealt_by_the_app_building_only_its_questions(
    fake_app: list[FakeApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quiz.game.selection as selection

    lines = ["format: 1", "id: big", "title: Big", "questions:"]
    for i in range(300):
        lines += [f"  - {{id: q{i}, prompt: Q{i}?, answer: A{i}, distractors: [B{i}, C{i}]}}"]
    big = tmp_path / "big.yaml"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    old = 10**18  # 2001: a pack not written a moment ago, so its entry is trusted by its times
    os.utime(big, ns=(old, old))
    data = ["--data-dir", str(tmp_path / "data")]
    assert main(["play", str(big), *data, "--seed", "4"]) == 0  # compiles the entry
    deals = []
    real_select = selection.select
    monkeypatch.setattr(selection, "select", lambda *a: deals.append(a) or real_select(*a))
    assert main(["play", str(big), *data, "--seed", "4"]) == 0
    first, second = fake_app
    assert not deals and second.packs[0].questions.decoded == 0  # the command checks only
    dealt = [
        [(a.question, a.options) for a in select(app.packs, app.start).asked] for app in fake_app
    ]
    assert second.packs[0].questions.decoded == 10
    assert dealt[0] == dealt[1]
