"""Bare `quiz`, `quiz packs` and `quiz stats` read the pack index: once a folder of packs is
indexed, starting home parses no pack at all, and `quiz packs` lists the same either way."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.store import NewGame, Store

FIXTURES = Path(__file__).parent.parent / "fixtures"
REPO = Path(__file__).parent.parent.parent

# Stands in for the TUI's run: prints which of the modules that parse packs were loaded.
PARSERS = ["yaml", "quiz.packs.loader", "quiz.packs.cache"]
HOME_PROBE = (
    "import sys, quiz.ui.app as ui\n"
    "def run(self):\n"
    f"    print([m for m in {PARSERS!r} if m in sys.modules], len(self.entries))\n"
    "ui.QuizApp.run = run\n"
    "from quiz.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    (folder / "packs").mkdir(parents=True)
    shutil.copy(FIXTURES / "good" / "mini.yaml", folder / "packs" / "mini.yaml")
    shutil.copy(FIXTURES / "ui" / "studio.yaml", folder / "packs" / "studio.yaml")
    (folder / "packs" / "broken.yaml").write_text("format: 1\nid: broken\n")
    return folder


def test_a_second_start_of_home_parses_no_pack(data: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QUIZ_DATA_DIR": str(data)}
    runs = [
        subprocess.run([sys.executable, "-c", HOME_PROBE], env=env, capture_output=True,
                       text=True, stdin=subprocess.DEVNULL, timeout=60)
        for _ in range(2)
    ]  # fmt: skip
    assert [run.returncode for run in runs] == [0, 0], runs[1].stderr
    first, again = (run.stdout.split("] ") for run in runs)
    assert "'yaml'" in first[0] and first[1] == again[1]  # the same packs, built-in included
    assert again[0] == "["  # nothing that parses a pack was even imported


def test_quiz_packs_lists_the_same_from_the_index(data: Path, capsys) -> None:
    outputs = []
    for _ in range(2):
        assert main(["packs", "--data-dir", str(data)]) == 1  # one pack is invalid
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert "INVALID" in outputs[1] and "mini" in outputs[1] and "Studio Tour" in outputs[1]


def test_quiz_stats_finds_titles_and_prompts_of_indexed_packs(data: Path, capsys) -> None:
    store, _ = Store.open(data)
    with store:
        game = store.start_game(NewGame("mini", count=4))
        store.record_answer(game, "mini", "lens", "x", False, 0, 1.0, None, "easy")
        store.finish_game(game, 0, 0, 1)
    for _ in range(2):  # indexing the packs, then reading the index
        assert main(["stats", "--data-dir", str(data)]) == 0
        out = capsys.readouterr().out
        assert out.startswith("Mini pack (mini)")
        assert "lens: missed 1 of 1, recall 100% (its answer was just shown) - Which lens" in out
