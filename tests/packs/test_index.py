"""The pack index: unchanged pack files are not read again; a changed, new or removed one
is seen; a damaged, foreign or mistyped index is ignored and rebuilt, never trusted."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import quiz.packs.index as index_module
from quiz.packs.catalog import Catalog, discover
from quiz.packs.index import index_file
from quiz.packs.loader import load_pack_bytes
from quiz.packs.model import Difficulty

try:
    from _blake2 import blake2b as _hash
except ImportError:
    from hashlib import sha256 as _hash


def write_pack(path: Path, pack_id: str, title: str = "T", questions: int = 2) -> Path:
    """A valid pack: choice questions alternating two categories, one hard."""
    path.parent.mkdir(parents=True, exist_ok=True)
    items = "".join(
        f'  - {{id: q{n}, prompt: "P{n}", answer: "A", distractors: ["B"],'
        f" category: {'cast' if n % 2 else 'sets'}, difficulty: {'hard' if n == 0 else 'easy'}}}\n"
        for n in range(questions)
    )
    path.write_text(f'format: 1\nid: {pack_id}\ntitle: "{title}"\nquestions:\n{items}')
    return path


BROKEN = (
    "format: 1\nid: broken\ntitle: Broken\nquestions:\n  - id: q\n    prompt: P\n    promt: x\n"
)


class CountingLoader:
    """The real loader, counting the files it is asked to read."""

    def __init__(self) -> None:
        self.read: list[str] = []

    def __call__(self, data: bytes, name: str):
        self.read.append(Path(name).name)
        return load_pack_bytes(data, name)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder with two valid packs and an invalid one."""
    folder = tmp_path / "data"
    write_pack(folder / "packs" / "a.yaml", "a", "Pack A", 3)
    write_pack(folder / "packs" / "b.yaml", "b", "Pack B", 1)
    (folder / "packs" / "broken.yaml").write_text(BROKEN)
    return folder


def run(data: Path, extra: list[Path] | None = None, **options) -> tuple[Catalog, list[str]]:
    """Discover with the data folder's index; the catalog and the files the loader read."""
    loader = CountingLoader()
    options.setdefault("builtin", data.parent / "no-builtin")
    options.setdefault("env", {})
    catalog = discover(data, extra or [], index=index_file(data), loader=loader, **options)
    return catalog, sorted(loader.read)


def described(catalog: Catalog) -> list[tuple]:
    """What home and `quiz packs` show of each entry."""
    return [
        (e.path, e.origin, e.summary, [str(p) for p in e.problems], e.problem_count, e.playable)
        for e in catalog.entries
    ]


def set_mtime(path: Path, shift_ns: int) -> None:
    status = path.stat()
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + shift_ns))


def test_an_unchanged_pack_is_not_read_again(data: Path) -> None:
    first, read = run(data)
    assert read == ["a.yaml", "b.yaml", "broken.yaml"]
    again, read = run(data)
    assert read == []
    assert described(again) == described(first)


def test_the_summary_counts_questions_categories_and_difficulties(data: Path) -> None:
    run(data)
    catalog, _ = run(data)
    pack = catalog.get("a").summary
    assert (pack.id, pack.title, pack.questions) == ("a", "Pack A", 3)
    assert pack.categories == (("cast", 1), ("sets", 2))
    assert pack.in_difficulty(Difficulty.HARD) == 1
    assert pack.in_difficulty(Difficulty.EASY) == 2
    assert pack.in_difficulty(Difficulty.MEDIUM) == 0


def test_an_unchanged_index_is_not_written_again(data: Path) -> None:
    run(data)
    written = index_file(data).stat().st_mtime_ns
    set_mtime(index_file(data), -(10**9))
    run(data)
    assert index_file(data).stat().st_mtime_ns == written - 10**9


@pytest.mark.parametrize("change", ["mtime", "size"])
def test_a_changed_pack_is_read_again_and_only_it(data: Path, change: str) -> None:
    run(data)
    pack = data / "packs" / "b.yaml"
    if change == "mtime":  # the same size: another title of as many letters
        pack.write_text(pack.read_text().replace("Pack B", "Pack Z"))
        set_mtime(pack, 10**9)
    else:
        write_pack(pack, "b", "Pack B, edited", 1)
    catalog, read = run(data)
    assert read == ["b.yaml"]
    assert catalog.get("b").summary.title == ("Pack Z" if change == "mtime" else "Pack B, edited")
    assert run(data)[1] == []


def test_an_edit_of_the_same_size_with_the_mtime_put_back_is_read_again(data: Path) -> None:
    run(data)
    pack = data / "packs" / "b.yaml"
    before = pack.stat()
    pack.write_text(pack.read_text().replace("format: 1", "format: X"))  # now invalid
    os.utime(pack, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -d` would
    assert pack.stat().st_size == before.st_size
    catalog, read = run(data)
    assert read == ["b.yaml"]
    [entry] = [each for each in catalog.entries if each.path.name == "b.yaml"]
    assert not entry.playable and entry.problems


def test_a_new_pack_is_read_and_a_removed_one_drops_out(data: Path) -> None:
    run(data)
    write_pack(data / "packs" / "c.yaml", "c")
    (data / "packs" / "a.yaml").unlink()
    catalog, read = run(data)
    assert read == ["c.yaml"]
    assert [e.path.name for e in catalog.entries] == ["b.yaml", "broken.yaml", "c.yaml"]
    stored = json.loads(index_file(data).read_bytes().partition(b"\n")[2])
    assert sorted(Path(key).name for key in stored["packs"]) == ["b.yaml", "broken.yaml", "c.yaml"]


def test_a_pack_made_invalid_is_listed_with_its_problem(data: Path) -> None:
    run(data)
    (data / "packs" / "a.yaml").write_text(BROKEN + "extra: 1\n")
    catalog, read = run(data)
    assert read == ["a.yaml"]
    assert catalog.get("a") is None
    [entry] = [e for e in catalog.entries if e.path.name == "a.yaml"]
    assert not entry.valid and entry.first_problem is not None


def test_an_invalid_pack_keeps_its_first_problem_in_the_index(data: Path) -> None:
    first, _ = run(data)
    again, read = run(data)
    assert read == []
    [entry] = [e for e in again.entries if e.path.name == "broken.yaml"]
    [before] = [e for e in first.entries if e.path.name == "broken.yaml"]
    assert not entry.valid and not entry.playable and entry.pack_id is None
    problem = entry.first_problem
    assert problem is not None and problem.path == str(data / "packs" / "broken.yaml")
    assert problem == before.first_problem and (problem.line, problem.column) == (5, 5)
    assert entry.problems == before.problems and entry.problem_count == before.problem_count


def test_only_the_first_problems_are_kept_with_how_many_there_are(data: Path) -> None:
    lines = ["format: 1", "id: many", "title: Many", "questions:"]
    lines += [f"  - {{id: q{n}, prompt: P, answer: A, bogus: {n}}}" for n in range(40)]
    (data / "packs" / "many.yaml").write_text("\n".join(lines) + "\n")
    first, _ = run(data)
    again, _ = run(data)
    [entry] = [e for e in again.entries if e.path.name == "many.yaml"]
    [before] = [e for e in first.entries if e.path.name == "many.yaml"]
    assert entry.problem_count == before.problem_count > index_module.KEPT_PROBLEMS
    assert entry.problems == before.problems[: index_module.KEPT_PROBLEMS]


def test_shadowing_is_the_same_from_the_index(tmp_path: Path, data: Path) -> None:
    builtin = tmp_path / "builtin"
    write_pack(builtin / "a.yaml", "a", "Built-in A")
    mine = write_pack(tmp_path / "loose" / "a-edit.yaml", "a", "Edited A")
    first, _ = run(data, [mine], builtin=builtin)
    again, read = run(data, [mine], builtin=builtin)
    assert read == []
    assert described(again) == described(first)
    winner = again.get("a")
    assert winner is not None and winner.path == mine
    shadowed = [e.path for e in again.shadowed]
    assert shadowed == [builtin / "a.yaml", data / "packs" / "a.yaml"]
    assert all(e.shadowed_by is winner for e in again.shadowed)


def test_a_link_pointed_elsewhere_is_read_again(tmp_path: Path, data: Path) -> None:
    one = write_pack(tmp_path / "one.yaml", "one", "Same")
    two = write_pack(tmp_path / "two.yaml", "two", "Same")
    os.utime(two, ns=(one.stat().st_atime_ns, one.stat().st_mtime_ns))  # same size and time
    link = data / "packs" / "linked.yaml"
    link.symlink_to(one)
    run(data)
    link.unlink()
    link.symlink_to(two)
    catalog, read = run(data)
    assert read == ["linked.yaml"]
    assert [e.pack_id for e in catalog.entries if e.path == link] == ["two"]


def test_another_quiz_version_rebuilds_the_index(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(data)
    monkeypatch.setattr(index_module, "__version__", "99.0")
    assert run(data)[1] == ["a.yaml", "b.yaml", "broken.yaml"]
    assert run(data)[1] == []


def write_index(data: Path, stored: object) -> None:
    """An index file holding this JSON, with a matching digest (as if written by us)."""
    body = json.dumps(stored).encode()
    index_file(data).write_bytes(_hash(body).hexdigest().encode() + b"\n" + body)


def stored_index(data: Path) -> dict:
    return json.loads(index_file(data).read_bytes().partition(b"\n")[2])


def key_of(data: Path, name: str) -> str:
    return str((data / "packs" / name).resolve())


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not an index at all",
        b"\x00\xff" * 100,
        b"0" * 128 + b"\n{}",  # a digest that does not match
    ],
)
def test_a_damaged_index_is_ignored_and_rebuilt(data: Path, damage: bytes) -> None:
    first, _ = run(data)
    index_file(data).write_bytes(damage)
    again, read = run(data)
    assert read == ["a.yaml", "b.yaml", "broken.yaml"]
    assert described(again) == described(first)
    assert run(data)[1] == []


def test_an_index_edited_by_hand_is_not_trusted(data: Path) -> None:
    run(data)
    raw = index_file(data).read_bytes()
    index_file(data).write_bytes(raw.replace(b"Pack A", b"Pack X"))
    catalog, read = run(data)
    assert read == ["a.yaml", "b.yaml", "broken.yaml"]
    assert catalog.get("a").summary.title == "Pack A"


TAMPERED = {
    "questions as text": lambda r: r["pack"].update(questions="3"),
    "questions as a bool": lambda r: r["pack"].update(questions=True),
    "a negative count": lambda r: r["pack"].update(questions=-3),
    "an id that is a number": lambda r: r["pack"].update(id=7),
    "a title that is a list": lambda r: r["pack"].update(title=["Pack A"]),
    "difficulties that do not add up": lambda r: r["pack"].update(difficulties=[1, 1, 9]),
    "a difficulty missing": lambda r: r["pack"].update(difficulties=[1, 2]),
    "a category that is a pair of numbers": lambda r: r["pack"].update(categories=[[1, 2]]),
    "a key too many": lambda r: r["pack"].update(extra=1),
    "a valid pack with problems": lambda r: r.update(problems=[[1, 1, "x"]], problem_count=1),
    "a size that is a float": lambda r: r.update(size=1.5),
    "no pack and no problems": lambda r: r.update(pack=None),
    "a record that is a list": lambda r: r.clear(),
}


@pytest.mark.parametrize("tamper", TAMPERED.values(), ids=TAMPERED.keys())
def test_a_mistyped_record_is_read_again_and_the_rest_kept(data: Path, tamper) -> None:
    first, _ = run(data)
    stored = stored_index(data)
    tamper(stored["packs"][key_of(data, "a.yaml")])
    write_index(data, stored)
    again, read = run(data)
    assert read == ["a.yaml"]
    assert described(again) == described(first)


@pytest.mark.parametrize(
    "stored",
    [
        [],
        {"format": 2},
        {"format": index_module.INDEX_FORMAT, "quiz": "0", "loader": "", "packs": {}},
        "a string",
        {"format": index_module.INDEX_FORMAT, "packs": []},
    ],
)
def test_an_index_of_another_format_or_shape_is_ignored(data: Path, stored: object) -> None:
    first, _ = run(data)
    write_index(data, stored)
    again, read = run(data)
    assert read == ["a.yaml", "b.yaml", "broken.yaml"]
    assert described(again) == described(first)


def test_packs_are_listed_when_the_index_cannot_be_written(data: Path) -> None:
    (data / "cache").write_text("a file where the cache folder goes")
    first, read = run(data)
    assert read == ["a.yaml", "b.yaml", "broken.yaml"]
    assert [e.path.name for e in first.entries] == ["a.yaml", "b.yaml", "broken.yaml"]
    assert run(data)[1] == read  # nothing kept, so every pack is read again


def test_a_link_in_the_index_place_is_replaced_not_followed(tmp_path: Path, data: Path) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("keep me")
    index_file(data).parent.mkdir(parents=True)
    index_file(data).symlink_to(elsewhere)
    run(data)
    assert elsewhere.read_text() == "keep me"
    assert not index_file(data).is_symlink() and run(data)[1] == []


def test_a_file_that_cannot_be_read_is_not_indexed(tmp_path: Path, data: Path) -> None:
    missing = tmp_path / "gone.yaml"
    catalog, read = run(data, [missing])
    [entry] = [e for e in catalog.entries if e.path == missing]
    assert not entry.valid and "cannot read" in entry.first_problem.message
    assert key_of(data, "a.yaml") in stored_index(data)["packs"]
    assert str(missing) not in stored_index(data)["packs"]


@pytest.fixture
def many(data: Path) -> Path:
    """The data folder with enough packs to be read in worker processes, a few invalid."""
    for number in range(24):
        path = data / "packs" / f"many-{number:02}.yaml"
        if number % 7 == 3:
            path.write_text(BROKEN.replace("broken", f"broken-{number}"))
        else:
            write_pack(path, f"many-{number}", f"Many {number}", 1 + number % 4)
    return data


def test_many_packs_read_at_once_are_summed_up_as_one_by_one(many: Path, tmp_path: Path) -> None:
    one_by_one, read = run(many)  # a loader given: read in this process
    assert len(read) == 27
    index_file(many).unlink()
    at_once = discover(many, builtin=tmp_path / "no-builtin", env={}, index=index_file(many))
    assert described(at_once) == described(one_by_one)
    assert run(many)[1] == []  # and indexed


def test_many_packs_are_read_here_when_no_process_can_start(
    many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    def no_processes(method: str):
        raise OSError("no semaphores here")

    one_by_one, _ = run(many)
    index_file(many).unlink()
    monkeypatch.setattr(multiprocessing, "get_context", no_processes)
    at_once = discover(many, builtin=tmp_path / "no-builtin", env={}, index=index_file(many))
    assert described(at_once) == described(one_by_one)
