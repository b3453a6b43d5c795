"""Where the data folder is: an empty --data-dir is refused, an empty QUIZ_DATA_DIR is unset."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from quiz.cli import main
from quiz.datadir import data_dir

MINI = Path(__file__).parent.parent / "fixtures" / "good" / "mini.yaml"


@pytest.fixture
def default_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the player's real data would be: a temp folder that should stay unmade."""
    folder = tmp_path / "default"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *args, **kwargs: str(folder))
    return folder


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "", "stats"],
        ["stats", "--data-dir", ""],
        ["--data-dir=", "packs"],
        ["review", "--data-dir="],
        ["play", "--data-dir", "", str(MINI)],
        ["--data-dir", ""],  # the home screen
    ],
)
def test_an_empty_data_dir_is_a_usage_error_not_the_default_folder(
    argv: list[str], default_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys, fake_app
) -> None:
    monkeypatch.delenv("QUIZ_DATA_DIR")
    assert main(argv) == 2
    assert fake_app == []  # no game or home screen started
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--data-dir" in err and "Traceback" not in err
    assert not default_folder.exists()


def test_an_empty_data_dir_given_in_code_is_refused_too() -> None:
    with pytest.raises(ValueError):
        data_dir("")


def test_an_empty_quiz_data_dir_counts_as_unset(
    default_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("QUIZ_DATA_DIR", "")
    assert data_dir() == default_folder
    assert main(["stats"]) == 0
    assert default_folder.is_dir()  # the history went to the default folder, not to ./
    assert not (Path.cwd() / "quiz.db").exists()
