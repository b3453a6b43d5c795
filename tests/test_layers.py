"""The layers of DESIGN.md hold: import-linter's contracts (in pyproject.toml) pass, and fail
when a lower layer reaches up."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = (
    "import sys; sys.path.insert(0, sys.argv[1]);"
    " from importlinter.cli import lint_imports;"
    " sys.exit(lint_imports(config_filename=sys.argv[2], no_cache=True, no_logo=True))"
)


def lint(tree: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter over the quiz package found in TREE, with the project's contracts."""
    return subprocess.run(
        [sys.executable, "-c", LINT, str(tree), str(ROOT / "pyproject.toml")],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_import_contracts_are_kept() -> None:
    done = lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("module", "reaching_for"),
    [
        ("store/scores.py", "import quiz.game.kinds"),  # the store knows no game
        ("packs/model.py", "import quiz.records"),  # packs import no other quiz package
        ("game/scoring.py", "import textual"),  # the game is pure
        ("ui/text.py", "import quiz.store"),  # the UI sees only the History protocol
    ],
)
def test_a_lower_layer_reaching_up_breaks_a_contract(
    tmp_path: Path, module: str, reaching_for: str
) -> None:
    shutil.copytree(ROOT / "quiz", tmp_path / "quiz", ignore=shutil.ignore_patterns("__pycache__"))
    with (tmp_path / "quiz" / module).open("a") as file:
        file.write(f"\n{reaching_for}  # noqa\n")
    done = lint(tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr  # 1: a contract is broken
