"""A path starting with ~name where name is no user is the file of that name, in every command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.cli import main

FIXTURES = Path(__file__).parent.parent / "fixtures"
NOBODY = "~quiz-no-such-user"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder, holding a pack called ~draft.yaml; history in its own folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("QUIZ_PACKS_PATH", raising=False)
    shutil.copy(FIXTURES / "good" / "mini.yaml", tmp_path / "~draft.yaml")
    return tmp_path


@pytest.mark.parametrize(
    ("args", "made"),
    [
        (["packs", "~draft.yaml"], None),
        (["review", "--plain", "~draft.yaml"], None),
        (["export", "gift", "~draft.yaml", "-o", f"{NOBODY}/z.gift"], f"{NOBODY}/z.gift"),
        (["import", "gift", str(FIXTURES / "formats" / "every.gift"), "-o", f"{NOBODY}/i.yaml"],
         f"{NOBODY}/i.yaml"),
        (["new", f"{NOBODY}/x.yaml"], f"{NOBODY}/x.yaml"),
        (["schema", "-o", f"{NOBODY}.json"], f"{NOBODY}.json"),
        (["--data-dir", NOBODY, "stats"], None),
    ],
)  # fmt: skip
def test_a_tilde_name_that_is_no_user_is_taken_as_written(
    here: Path, args: list[str], made: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 0
    _, err = capsys.readouterr()
    assert "Traceback" not in err
    if made is not None:
        assert (here / made).is_file()


def test_a_pack_named_with_a_tilde_is_exported(here: Path) -> None:
    assert main(["export", "gift", "~draft.yaml", "-o", "out.gift"]) == 0
    assert "Who directed it?" in (here / "out.gift").read_text(encoding="utf-8")


@pytest.mark.parametrize("variable", ["QUIZ_DATA_DIR", "QUIZ_PACKS_PATH"])
def test_a_tilde_name_in_the_environment_is_taken_as_written(
    here: Path, variable: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, NOBODY)
    assert main(["stats"]) == 0
    assert main(["packs"]) == 0
