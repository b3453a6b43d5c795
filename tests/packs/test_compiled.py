"""Compiled packs: a game deals from the cache what the YAML deals, building only what it deals."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import quiz.packs.cache as cache
from quiz.game.history import NoHistory
from quiz.game.review import plan_review
from quiz.game.selection import GameOptions, select
from quiz.packs.cache import load_pack_cached
from quiz.packs.compiled import CompiledQuestions
from quiz.packs.loader import load_pack
from quiz.records import DueQuestion

CATEGORIES = ("cast", "Crew", "music", None)
LEVELS = ("easy", "medium", "hard")


def write_pack(path: Path, count: int) -> None:
    """A valid pack of every question type, spread over categories and difficulties."""
    lines = ["format: 1", "id: big", "title: Big", "sources:", "  - {id: s, title: S}"]
    lines.append("questions:")
    for i in range(count):
        category = CATEGORIES[i % 4]
        lines += [f"  - id: q{i}", f"    prompt: Question {i}?"]
        if i % 5 == 0:
            lines += ["    type: true-false", f"    answer: {'true' if i % 2 else 'false'}"]
        elif i % 5 == 1:
            lines += ["    type: number", f"    answer: {i}.5", "    tolerance: 1"]
        else:
            lines += [f"    answer: Right {i}", f"    distractors: [Wrong {i}a, Wrong {i}b]"]
        lines += [f"    difficulty: {LEVELS[i % 3]}"] + (
            [f"    category: {category}"] if category else []
        )
        lines += ["    source: {ref: s, excerpt: Right there.}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def settle(path: Path) -> None:
    """Age the pack file, as any pack not written in the last seconds is."""
    old = time.time_ns() - 3600 * 10**9
    os.utime(path, ns=(old, old))


@pytest.fixture
def big(tmp_path: Path) -> Path:
    path = tmp_path / "big.yaml"
    write_pack(path, 160)
    settle(path)
    return path


def compiled(path: Path, cache_dir: Path):
    load_pack_cached(path, cache_dir)
    pack = load_pack_cached(path, cache_dir)
    assert isinstance(pack.questions, CompiledQuestions)
    return pack


def dealt(selection) -> list[tuple[str, object, tuple[str, ...]]]:
    return [(a.question.id, a.question, a.options) for a in selection.asked]


OPTIONS = [
    GameOptions(count=10),
    GameOptions(count=None),
    GameOptions(count=25, categories=("CAST", "music")),
    GameOptions(count=7, difficulties=("hard",)),
    GameOptions(count=None, categories=("crew",), difficulties=("easy", "medium")),
]


@pytest.mark.parametrize("seed", [0, 1, 7, 12345])
@pytest.mark.parametrize("options", OPTIONS)
def test_a_compiled_pack_deals_what_the_yaml_deals(big, tmp_path, seed, options) -> None:
    options = GameOptions(**{**options.__dict__, "seed": seed})
    fresh, pack = load_pack(big), compiled(big, tmp_path / "cache")
    assert dealt(select([pack], options)) == dealt(select([fresh], options))
    other = load_pack(big)  # the same pack twice, one of each kind: each question once
    assert dealt(select([pack, other], options)) == dealt(select([fresh, other], options))


def test_only_the_dealt_questions_are_built(big, tmp_path) -> None:
    pack = compiled(big, tmp_path / "cache")
    select([pack], GameOptions(count=10, seed=3, categories=("cast",), difficulties=("hard",)))
    assert pack.questions.decoded == 10
    assert len(pack.questions) == 160 and pack.categories == ("Crew", "cast", "music")
    assert pack.question("q123") == load_pack(big).question("q123")
    assert pack.questions.decoded == 11


class Due(NoHistory):
    """A history where three questions (one the pack no longer has) are due."""

    def due(self, pack_id, question_ids):
        assert len(question_ids) == 160
        return [DueQuestion(pack_id, q, 1, late) for q, late in [("q7", 2), ("gone", 3), ("q9", 1)]]

    def next_due(self, pack_id, question_ids):
        return None


def test_a_review_builds_only_the_due_questions(big, tmp_path) -> None:
    pack = compiled(big, tmp_path / "cache")
    plan = plan_review(Due(), [pack], seed=1)
    assert plan.selection is not None
    assert [a.question.id for a in plan.selection.asked] == ["q7", "q9"]
    assert pack.questions.decoded == 2


def test_an_edited_pack_is_never_served_stale(big, tmp_path) -> None:
    compiled(big, tmp_path / "cache")
    info = big.stat()
    # The same size, and the times set back as they were: only the change time moves.
    big.write_text(big.read_text().replace("Question 5?", "Question 6?"), encoding="utf-8")
    os.utime(big, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert big.stat().st_size == info.st_size
    assert load_pack_cached(big, tmp_path / "cache").question("q5").prompt == "Question 6?"


def test_a_pack_changed_just_before_it_was_compiled_is_checked_by_its_bytes(
    tmp_path, monkeypatch
) -> None:
    path = tmp_path / "new.yaml"
    write_pack(path, 20)  # not settled: written a moment ago
    load_pack_cached(path, tmp_path / "cache")
    read = []
    monkeypatch.setattr(cache, "_read_pack", lambda *a: read.append(1) or real_read(*a))
    assert load_pack_cached(path, tmp_path / "cache").question("q1") is not None
    assert read  # its bytes were hashed, not its times trusted


real_read = cache._read_pack


@pytest.mark.parametrize("part", ["record", "blob", "columns", "ids", "header"])
def test_a_damaged_entry_is_never_used(big, tmp_path, part) -> None:
    pack = compiled(big, tmp_path / "cache")
    del pack
    [entry] = (tmp_path / "cache").iterdir()
    data = bytearray(entry.read_bytes())
    text = data.decode()
    where = {
        "record": text.index("\n", text.index("\n") + 1) + 40,  # a digest in the first record
        "blob": text.index('"prompt": "Question 0?"') + 20,
        "columns": text.index('"levels"') + 12,
        "ids": text.index('["q0"') + 3,
        "header": text.index('"title"') + 10,
    }[part]
    data[where] = ord("Z")
    entry.write_bytes(bytes(data))
    os.utime(entry, ns=(time.time_ns(), time.time_ns()))
    fresh = load_pack(big)
    pack = load_pack_cached(big, tmp_path / "cache")
    options = GameOptions(count=None, seed=5, categories=("cast", "crew"))
    assert dealt(select([pack], options)) == dealt(select([fresh], options))
    assert pack == fresh and pack.question("q0") == fresh.question("q0")


def test_a_pack_touched_but_not_changed_is_hashed_once_then_known_by_its_status(
    big, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(cache, "_SETTLED_NS", -(10**9))  # no waiting for the clock to move on
    compiled(big, tmp_path / "cache")
    os.utime(big, ns=(10**18, 10**18))  # touched: new times, the same bytes
    read = []
    monkeypatch.setattr(cache, "_read_pack", lambda *a: read.append(1) or real_read(*a))
    for _ in range(3):
        assert isinstance(load_pack_cached(big, tmp_path / "cache").questions, CompiledQuestions)
    assert len(read) == 1
    assert load_pack_cached(big, tmp_path / "cache") == load_pack(big)
