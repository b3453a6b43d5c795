"""`quiz packs`, `quiz new` and `quiz import`: what authors run, end to end through main()."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.packs import discovery
from quiz.packs.loader import load_pack

OPENTDB = Path(__file__).parent.parent / "fixtures" / "opentdb"


@pytest.fixture(autouse=True)
def clean_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No outside packs: an empty built-in folder, no QUIZ_PACKS_PATH, a fresh data dir."""
    builtin = tmp_path / "builtin"
    builtin.mkdir()
    monkeypatch.setattr(discovery, "builtin_dir", lambda: builtin)
    monkeypatch.delenv("QUIZ_PACKS_PATH", raising=False)
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    return builtin


def write_pack(path: Path, pack_id: str, title: str, questions: int = 1) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    items = "".join(
        f'  - {{id: q{n}, prompt: "P{n}", answer: "A", distractors: ["B"]}}\n'
        for n in range(questions)
    )
    path.write_text(f'format: 1\nid: {pack_id}\ntitle: "{title}"\nquestions:\n{items}')
    return path


# quiz new


def test_new_writes_a_pack_that_passes_strict_check(tmp_path: Path, capsys) -> None:
    path = tmp_path / "club" / "film-club.yaml"
    assert main(["new", str(path), "--title", "Film club: the quiz"]) == 0
    out = capsys.readouterr().out
    assert f"wrote {path}" in out and "quiz check --strict" in out
    assert (path.parent / "quiz-pack.schema.json").is_file()
    assert load_pack(path).title == "Film club: the quiz"
    assert main(["check", "--strict", str(path)]) == 0
    assert "1 pack, 4 questions, 0 problems" in capsys.readouterr().out


def test_new_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("keep me", encoding="utf-8")
    assert main(["new", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists" in err and "quiz new: error:" in err
    assert path.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["pack.txt"], "must end in .yaml or .yml"),
        (["pack.yaml", "--id", "Not An Id"], "is not a valid id"),
        (["pack.yaml", "--title", "  "], "--title must not be empty"),
    ],
)
def test_new_usage_errors(tmp_path: Path, capsys, args: list[str], expected: str) -> None:
    assert main(["new", str(tmp_path / args[0]), *args[1:]]) == 2
    assert expected in capsys.readouterr().err
    assert not (tmp_path / args[0]).exists()


def test_new_says_where_the_game_looks_unless_the_pack_is_there(tmp_path: Path, capsys) -> None:
    main(["new", str(tmp_path / "elsewhere" / "a.yaml")])
    assert f"the game finds packs in {tmp_path / 'data' / 'packs'}" in capsys.readouterr().out
    main(["new", str(tmp_path / "data" / "packs" / "b.yaml")])
    assert "the game finds packs" not in capsys.readouterr().out


# quiz import


def test_import_writes_a_pack_that_checks_and_reimports_identically(tmp_path: Path, capsys) -> None:
    output = tmp_path / "packs" / "film.yaml"
    args = ["import", "opentdb", str(OPENTDB / "film.json"), "-o", str(output)]
    assert main([*args, "--title", "Film night"]) == 0
    assert "6 questions" in capsys.readouterr().out
    first = output.read_bytes()
    assert main([*args, "--title", "Film night", "--force"]) == 0
    assert output.read_bytes() == first
    pack = load_pack(output)
    assert (pack.id, pack.title, len(pack.questions)) == ("film", "Film night", 6)
    assert main(["check", "--strict", str(output)]) == 0  # each question cites its source


def test_import_reports_skipped_entries_and_still_writes(tmp_path: Path, capsys) -> None:
    output = tmp_path / "unfair.yaml"
    assert main(["import", "opentdb", str(OPENTDB / "unfair.json"), "-o", str(output)]) == 0
    captured = capsys.readouterr()
    assert "2 questions, 4 skipped" in captured.out
    assert captured.err.count("skipped:") == 4
    assert len(load_pack(output).questions) == 2


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("bad-entries.json", "entry 2"),
        ("rate-limited.json", "response_code is 5"),
        ("truncated.json", "truncated.json:3:1: not valid JSON"),
        ("url3986.json", "URL-encoded"),
    ],
)
def test_import_of_bad_input_exits_1_and_writes_nothing(
    tmp_path: Path, capsys, fixture: str, expected: str
) -> None:
    output = tmp_path / "out.yaml"
    assert main(["import", "opentdb", str(OPENTDB / fixture), "-o", str(output)]) == 1
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
    assert not output.exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["import", "kahoot", "x.json", "-o", "x.yaml"], "kahoot"),
        (["import", "opentdb", "missing.json", "-o", "x.yaml"], "no such file"),
        (["import", "opentdb", "film.json", "-o", "x.json"], "must end in .yaml or .yml"),
        (["import", "opentdb", "film.json", "-o", "x.yaml", "--id", "X!"], "not a valid id"),
        (["import", "opentdb", "film.json"], "--output"),
    ],
)
def test_import_usage_errors(monkeypatch, capsys, args: list[str], expected: str) -> None:
    monkeypatch.chdir(OPENTDB)
    assert main(args) == 2
    assert expected in capsys.readouterr().err
    assert not (OPENTDB / "x.yaml").exists() and not (OPENTDB / "x.json").exists()


# quiz packs


def test_packs_lists_every_source_with_origin_count_and_shadowing(
    tmp_path: Path, clean_env: Path, monkeypatch, capsys
) -> None:
    builtin = write_pack(clean_env / "show.yaml", "show", "The Show", 3)
    mine = write_pack(tmp_path / "data" / "packs" / "show.yaml", "show", "My Show", 2)
    shared = write_pack(tmp_path / "shared" / "club.yaml", "club", "Club", 1)
    extra = write_pack(tmp_path / "extra" / "extra.yml", "extra", "Extra", 5)
    monkeypatch.setenv("QUIZ_PACKS_PATH", os.pathsep.join(["", str(shared.parent)]))

    assert main(["packs", str(extra)]) == 0
    lines = capsys.readouterr().out.splitlines()

    assert len(lines) == 5
    assert lines[0].split()[:5] == ["show", "The", "Show", "3", "questions"]
    assert "built-in" in lines[0] and str(builtin) in lines[0]
    assert lines[0].endswith(f"(shadowed by {mine})")
    assert lines[1].split()[:3] == ["show", "My", "Show"] and "data dir" in lines[1]
    assert "shadowed" not in lines[1]
    assert lines[2].startswith("club") and "QUIZ_PACKS_PATH" in lines[2]
    assert " 1 question " in lines[2]
    assert lines[3].startswith("extra") and "command line" in lines[3]
    assert lines[4] == f"4 packs (1 shadowed); your own packs go in {tmp_path / 'data' / 'packs'}"


def test_packs_shows_an_invalid_pack_with_its_first_problem_and_exits_1(
    tmp_path: Path, capsys
) -> None:
    data = tmp_path / "elsewhere"
    bad = data / "packs" / "bad.yaml"
    bad.parent.mkdir(parents=True)
    bad.write_text("format: 1\nid: bad\ntitle: Bad\nquestions:\n  - id: q\n    promt: x\n")
    write_pack(data / "packs" / "good.yaml", "good", "Good")

    assert main(["packs", "--data-dir", str(data)]) == 1
    lines = capsys.readouterr().out.splitlines()

    assert lines[0].startswith("INVALID")
    assert f"{bad}:5:5: error:" in lines[0] and "data dir" in lines[0]
    assert "more: quiz check" in lines[0]
    assert lines[1].startswith("good")
    assert lines[2].startswith("2 packs (1 invalid)")


def test_packs_usage_error_for_a_missing_path(tmp_path: Path, capsys) -> None:
    assert main(["packs", str(tmp_path / "nope")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_packs_never_prints_control_characters_from_a_title(tmp_path: Path, capsys) -> None:
    path = tmp_path / "p.yaml"
    path.write_text('format: 1\nid: p\ntitle: "Evil \\e[2J title"\n'
                    'questions:\n  - {id: q, prompt: "P", answer: "A", distractors: ["B"]}\n')  # fmt: skip
    assert main(["packs", str(path)]) == 1  # refused by the loader, listed as invalid
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert f"{path}:3:8: error: 'title' contains control character U+001B" in out
