"""The pack cache is untrusted: an entry edited, mistyped, misplaced or special is rebuilt."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from capped import run_capped

import quiz.packs.cache as cache
import quiz.packs.entry as entry_format
from quiz.packs.cache import load_pack_cached
from quiz.packs.loader import load_pack

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def pack_file(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_bytes((FIXTURES / "good" / "mini.yaml").read_bytes())
    return path


def only_entry(cache_dir: Path) -> Path:
    [entry] = [p for p in cache_dir.iterdir() if p.suffix == ".entry"]
    return entry


def edit(entry: Path, old: str, new: str) -> None:
    text = entry.read_text(encoding="utf-8")
    assert old in text
    entry.write_text(text.replace(old, new, 1), encoding="utf-8")


def lens_answer(pack) -> object:
    return next(q.answer for q in pack.questions if q.id == "lens")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('"answer": "10"', '"answer": "12"'),  # a distractor made the right answer
        ('"answer": "10"', '"answer":"12"'),  # the same, written as another JSON writer would
        ('"accept": ["Gagne", "Gagn', '"accept": ["Anyone", "Gagn'),
        ('"tolerance": 1.0', '"tolerance": 100.0'),
    ],
)
def test_an_edited_entry_is_not_trusted(pack_file: Path, tmp_path: Path, old, new) -> None:
    load_pack_cached(pack_file, tmp_path / "cache")
    edit(only_entry(tmp_path / "cache"), old, new)
    for _ in range(2):  # rebuilt, and then the rebuilt entry is used
        assert load_pack_cached(pack_file, tmp_path / "cache") == load_pack(pack_file)
    assert lens_answer(load_pack_cached(pack_file, tmp_path / "cache")) == "10"


TAMPERED = {
    "a list where a str belongs": lambda q: q.update(prompt=["Which lens was used?"]),
    "an unknown question type": lambda q: q.update(type="essay"),
    "an unknown difficulty": lambda q: q.update(difficulty="extreme"),
    "a str where a tuple belongs": lambda q: q.update(distractors="12"),
    "a number in a tuple of str": lambda q: q.update(distractors=[12, "no"]),
    "a bool where a line belongs": lambda q: q.update(line=True),
    "a str where a number belongs": lambda q: q.update(tolerance="1"),
    "a number that is not finite": lambda q: q.update(tolerance=float("inf")),
    "an answer of the wrong kind": lambda q: q.update(answer=True),
    "an excerpt that is a str": lambda q: q.update(source="It's all real"),
    "an excerpt with a number for text": lambda q: q["source"].update(text=10),
    "a key the model lacks": lambda q: q.update(points=1000),
    "a key missing": lambda q: q.pop("prompt"),
}


@pytest.mark.parametrize("tamper", TAMPERED.values(), ids=TAMPERED.keys())
def test_an_entry_sealed_with_wrong_types_is_rebuilt(
    pack_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tamper
) -> None:
    # Written through the cache's own writer, so its digests are right and only the
    # checks of the model's types can tell, when the question is built.
    to_data = entry_format.question_to_data

    def tampered(question):
        data = to_data(question)
        if question.id == "lens":
            tamper(data)
        return data

    monkeypatch.setattr(entry_format, "question_to_data", tampered)
    load_pack_cached(pack_file, tmp_path / "cache")
    monkeypatch.undo()
    pack = load_pack_cached(pack_file, tmp_path / "cache")
    assert pack.question("lens") == load_pack(pack_file).question("lens")
    assert pack == load_pack(pack_file)
    assert lens_answer(load_pack_cached(pack_file, tmp_path / "cache")) == "10"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('"prompt": "Which lens was used?"', '"prompt": ["Which lens was used?"]'),
        ('"type": "choice"', '"type": "essay"'),
        ('"distractors": ["12", "no", "1.10"]', '"distractors": "12"'),
        ('"tolerance": 1.0', '"tolerance": "1"'),
        ('"line": 12', '"line": true'),
    ],
)
def test_an_entry_edited_to_wrong_types_is_rebuilt(
    pack_file: Path, tmp_path: Path, old: str, new: str
) -> None:
    load_pack_cached(pack_file, tmp_path / "cache")
    edit(only_entry(tmp_path / "cache"), old, new)
    assert load_pack_cached(pack_file, tmp_path / "cache") == load_pack(pack_file)


def test_an_entry_is_used_only_for_the_pack_file_it_was_written_for(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "mini.yaml", tmp_path / "b" / "mini.yaml"
    for path, title in [(first, "First"), (second, "Second")]:
        path.parent.mkdir()
        path.write_text((FIXTURES / "good" / "mini.yaml").read_text().replace("Mini pack", title))
    load_pack_cached(first, tmp_path / "cache")
    [first_entry] = (tmp_path / "cache").iterdir()
    load_pack_cached(second, tmp_path / "cache")
    [second_entry] = set((tmp_path / "cache").iterdir()) - {first_entry}
    second_entry.write_bytes(first_entry.read_bytes())
    assert load_pack_cached(second, tmp_path / "cache").title == "Second"
    assert load_pack_cached(first, tmp_path / "cache").title == "First"


def test_an_entry_written_by_another_quiz_version_is_rebuilt(
    pack_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "__version__", "0.0.1")
    load_pack_cached(pack_file, tmp_path / "cache")
    monkeypatch.undo()
    parsed: list[str] = []
    fresh = cache._load_fresh
    monkeypatch.setattr(
        cache, "_load_fresh", lambda path, data: parsed.append(path) or fresh(path, data)
    )
    for _ in range(2):  # rebuilt for this version, then used
        assert load_pack_cached(pack_file, tmp_path / "cache") == load_pack(pack_file)
    assert parsed == [str(pack_file)]


def test_one_entry_per_pack_file_however_often_it_changes(pack_file: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    # Entries as older versions named them (by content), and a stray copy.
    for name in ["0123456789abcdef-812.json", "fedcba9876543210-799.json", "copy.json"]:
        (cache_dir / name).write_text("{}")
    (cache_dir / "notes.txt").write_text("not ours to remove")
    for title in ["One", "Two", "Three"]:
        pack_file.write_text(pack_file.read_text().replace("Mini pack", title))
        assert load_pack_cached(pack_file, cache_dir).title == title
        pack_file.write_text(pack_file.read_text().replace(title, "Mini pack"))
    assert len([p for p in cache_dir.iterdir() if p.suffix == ".entry"]) == 1
    assert (cache_dir / "notes.txt").exists()
    os.symlink(pack_file, tmp_path / "link.yaml")
    load_pack_cached(tmp_path / "link.yaml", cache_dir)  # the same file by another name
    assert len([p for p in cache_dir.iterdir() if p.suffix == ".entry"]) == 1


def test_a_failed_write_leaves_nothing_and_play_goes_on(
    pack_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "replace", full_disk)
    assert load_pack_cached(pack_file, tmp_path / "cache") == load_pack(pack_file)
    assert list((tmp_path / "cache").iterdir()) == []


def test_an_entry_is_named_for_its_pack_file_and_leaves_no_temporary(
    pack_file: Path, tmp_path: Path
) -> None:
    load_pack_cached(pack_file, tmp_path / "cache")
    entry = only_entry(tmp_path / "cache")
    assert re.fullmatch(r"[0-9a-f]{16}\.entry", entry.name)
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [entry.name]  # no temporary


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and /dev/zero")
@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_special_file_in_place_of_an_entry_is_never_read(
    kind: str, pack_file: Path, tmp_path: Path
) -> None:
    load_pack_cached(pack_file, tmp_path / "cache")
    entry = only_entry(tmp_path / "cache")
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)
    else:
        entry.symlink_to("/dev/zero")
    code = (
        "import sys; from pathlib import Path; from quiz.packs.cache import load_pack_cached; "
        f"print(load_pack_cached({str(pack_file)!r}, Path({str(tmp_path / 'cache')!r})).id)"
    )
    done = run_capped("-c", code)
    assert done.stdout.split() == ["mini"], done.stderr[-500:]
    assert entry.is_file() and not entry.is_symlink()  # replaced by a sound entry
