"""`quiz import gift|moodle-xml|csv` and `quiz export gift|anki` as a teacher runs them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.packs.loader import load_pack
from quiz.store import NewGame, Store

FIXTURES = Path(__file__).parent.parent / "fixtures"
FORMATS = FIXTURES / "formats"
MINI = FIXTURES / "good" / "mini.yaml"


@pytest.mark.parametrize(
    ("kind", "fixture", "count"),
    [("gift", "every.gift", 9), ("moodle-xml", "every.xml", 4), ("csv", "every.csv", 3),
     ("csv", "every.tsv", 1), ("csv", "quizlet.txt", 2)],
)  # fmt: skip
def test_import_writes_a_pack_that_checks_and_reimports_identically(
    tmp_path: Path, capsys, kind: str, fixture: str, count: int
) -> None:
    output = tmp_path / "packs" / "class.yaml"
    args = ["import", kind, str(FORMATS / fixture), "-o", str(output)]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"wrote {output}: {count} question")
    assert all(": skipped: " in line for line in err.splitlines())
    first = output.read_bytes()
    assert main([*args, "--force"]) == 0
    assert output.read_bytes() == first
    assert len(load_pack(output).questions) == count
    assert main(["check", str(output)]) == 0


def test_import_never_replaces_a_file_without_force(tmp_path: Path, capsys) -> None:
    output = tmp_path / "mine.yaml"
    output.write_text("my own pack")
    assert main(["import", "gift", str(FORMATS / "every.gift"), "-o", str(output)]) == 2
    assert "already exists; give --force" in capsys.readouterr().err
    assert output.read_text() == "my own pack"


@pytest.mark.parametrize(
    ("kind", "data", "expected"),
    [
        ("gift", b"Essay?{}\n", "in.txt:1:7: skipped: an essay question"),
        ("gift", b"Caf\xe9{T}", "in.txt:1:4: error: byte 0xe9 is not UTF-8"),
        ("moodle-xml", b'<!DOCTYPE q [<!ENTITY a "b">]><quiz>&a;</quiz>', "DTD or entities"),
        ("moodle-xml", b"<quiz>" + b"<a>" * 5000 + b"</a>" * 5000 + b"</quiz>", "nested over"),
        ("csv", b"prompt,answer\n,A\n", "in.txt:2:1: skipped: the prompt is empty"),
        ("csv", b"x" * (16 * 2**20 + 1), "over the 16 MiB limit"),
    ],
)
def test_nothing_importable_exits_1_with_one_line_per_problem_and_writes_nothing(
    tmp_path: Path, capsys, kind: str, data: bytes, expected: str
) -> None:
    source, output = tmp_path / "in.txt", tmp_path / "out.yaml"
    source.write_bytes(data)
    assert main(["import", kind, str(source), "-o", str(output)]) == 1
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
    assert len(err.splitlines()) <= 2
    assert not output.exists()


def test_export_gift_then_import_gives_the_same_questions(tmp_path: Path, capsys) -> None:
    gift, back = tmp_path / "mini.gift", tmp_path / "back.yaml"
    assert main(["export", "gift", str(MINI), "-o", str(gift)]) == 0
    assert main(["import", "gift", str(gift), "-o", str(back), "--id", "mini"]) == 0
    pack, again = load_pack(MINI), load_pack(back)
    assert [(q.id, q.type, q.prompt, q.answer, q.accept) for q in pack.questions] == [
        (q.id, q.type, q.prompt, q.answer, q.accept) for q in again.questions
    ]


def test_export_anki_is_stable_and_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    deck = tmp_path / "mini.txt"
    assert main(["export", "anki", str(MINI), "-o", str(deck)]) == 0
    first = deck.read_bytes()
    assert main(["export", "anki", str(MINI), "-o", str(deck)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["export", "anki", str(MINI), "-o", str(deck), "--force"]) == 0
    assert deck.read_bytes() == first


def test_export_missed_writes_only_the_questions_due_for_review(tmp_path: Path, capsys) -> None:
    data, deck = tmp_path / "data", tmp_path / "missed.txt"
    # Answered a day and a half ago: the misses are due again, the right one is not yet.
    store, _ = Store.open(data, now=lambda: datetime.now(UTC) - timedelta(days=1.5))
    with store:
        game = store.start_game(NewGame("mini", count=4))
        for question, right in [("lens", True), ("director", False), ("months", False)]:
            store.record_answer(game, "mini", question, "x", right, 100 * right, 1.0)
    args = ["export", "anki", str(MINI), "-o", str(deck), "--missed", "--data-dir", str(data)]
    assert main(args) == 0
    notes = [line for line in deck.read_text().splitlines() if not line.startswith("#")]
    assert len(notes) == 2
    assert any("Who directed it?" in note for note in notes)
    assert any("How many months" in note for note in notes)


def test_export_missed_with_nothing_due_writes_nothing(tmp_path: Path, capsys) -> None:
    deck = tmp_path / "missed.txt"
    args = ["export", "gift", str(MINI), "-o", str(deck), "--missed", "--data-dir", str(tmp_path)]
    assert main(args) == 0
    assert "Nothing in Mini pack is due for review" in capsys.readouterr().out
    assert not deck.exists()


def test_export_of_an_unknown_pack_or_a_broken_one_is_one_line(tmp_path: Path, capsys) -> None:
    args = ["export", "gift", "no-such-pack", "-o", str(tmp_path / "x.gift")]
    assert main([*args, "--data-dir", str(tmp_path)]) == 1
    assert "no pack file or pack id 'no-such-pack'" in capsys.readouterr().err
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: x\n")
    assert main(["export", "anki", str(broken), "-o", str(tmp_path / "x.txt")]) == 1
    assert "broken.yaml:" in capsys.readouterr().err
