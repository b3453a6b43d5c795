"""Discovery: where packs are found, in which order, and which pack wins an id."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.packs import discovery
from quiz.packs.catalog import discover
from quiz.packs.discovery import Origin, builtin_pack_files, is_pack_file, locate, pack_files

NO_ENV: dict[str, str] = {}


def write_pack(path: Path, pack_id: str, title: str = "T", questions: int = 1) -> Path:
    """A small valid pack file with the given id and number of choice questions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    items = "".join(
        f'  - {{id: q{n}, prompt: "P{n}", answer: "A", distractors: ["B"]}}\n'
        for n in range(questions)
    )
    path.write_text(f'format: 1\nid: {pack_id}\ntitle: "{title}"\nquestions:\n{items}')
    return path


@pytest.fixture
def places(tmp_path: Path) -> dict[str, Path]:
    """A built-in folder, a data dir, two QUIZ_PACKS_PATH folders and a loose folder."""
    names = ["builtin", "data", "path1", "path2", "loose"]
    return {name: tmp_path / name for name in names}


def found(locations: list[discovery.Location]) -> list[tuple[str, Origin]]:
    return [(location.path.name, location.origin) for location in locations]


def test_locate_searches_builtin_then_data_dir_then_packs_path_then_command_line(
    places: dict[str, Path],
) -> None:
    write_pack(places["builtin"] / "b.yaml", "b")
    write_pack(places["data"] / "packs" / "d.yml", "d")
    write_pack(places["path1"] / "p1.yaml", "p1")
    write_pack(places["path2"] / "p2.yaml", "p2")
    loose_file = write_pack(places["loose"] / "one.yaml", "one")
    write_pack(places["loose"] / "sub" / "folder.yaml", "folder")
    env = {"QUIZ_PACKS_PATH": os.pathsep.join([str(places["path2"]), "", str(places["path1"])])}

    result = locate(
        places["data"],
        [loose_file, places["loose"] / "sub"],
        env=env,
        builtin=places["builtin"],
    )

    assert found(result) == [
        ("b.yaml", Origin.BUILT_IN),
        ("d.yml", Origin.DATA_DIR),
        ("p2.yaml", Origin.PACKS_PATH),  # QUIZ_PACKS_PATH keeps its own order
        ("p1.yaml", Origin.PACKS_PATH),
        ("one.yaml", Origin.COMMAND_LINE),
        ("folder.yaml", Origin.COMMAND_LINE),
    ]


def test_folders_are_read_flat_in_name_order_and_only_yaml_files(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    for name in ["c.yml", "a.yaml", "B.YAML", "notes.txt", "pack.json"]:
        write_pack(folder / name, "x")
    write_pack(folder / "deeper" / "hidden.yaml", "h")
    assert [p.name for p in pack_files(folder)] == ["B.YAML", "a.yaml", "c.yml"]
    assert found(locate(None, [folder], env=NO_ENV, builtin=tmp_path / "none")) == [
        ("B.YAML", Origin.COMMAND_LINE),
        ("a.yaml", Origin.COMMAND_LINE),
        ("c.yml", Origin.COMMAND_LINE),
    ]
    assert is_pack_file(Path("x.Yml")) and not is_pack_file(Path("x.yaml.bak"))


def test_missing_folders_are_skipped_but_a_missing_command_line_file_is_kept(
    tmp_path: Path,
) -> None:
    env = {"QUIZ_PACKS_PATH": str(tmp_path / "nowhere")}
    missing = tmp_path / "gone.yaml"
    result = locate(tmp_path / "no-data", [missing], env=env, builtin=tmp_path / "no-builtin")
    assert found(result) == [("gone.yaml", Origin.COMMAND_LINE)]
    entry = discover(tmp_path / "no-data", [missing], env=env, builtin=tmp_path / "none").entries
    assert len(entry) == 1 and entry[0].summary is None
    assert "cannot read the file" in entry[0].problems[0].message


def test_a_file_reached_twice_is_listed_once_at_its_first_place(places: dict[str, Path]) -> None:
    pack = write_pack(places["data"] / "packs" / "mine.yaml", "mine")
    env = {"QUIZ_PACKS_PATH": str(places["data"] / "packs")}
    result = locate(places["data"], [pack], env=env, builtin=places["builtin"])
    assert found(result) == [("mine.yaml", Origin.DATA_DIR)]


def test_packs_path_comes_from_the_environment_by_default(
    places: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_pack(places["path1"] / "p.yaml", "p")
    monkeypatch.setenv("QUIZ_PACKS_PATH", str(places["path1"]))
    assert found(locate(None, builtin=places["builtin"])) == [("p.yaml", Origin.PACKS_PATH)]


def test_later_source_wins_an_id_and_earlier_ones_are_marked_shadowed(
    places: dict[str, Path],
) -> None:
    builtin = write_pack(places["builtin"] / "show.yaml", "show", "Built-in show", 3)
    data = write_pack(places["data"] / "packs" / "show.yaml", "show", "My show", 2)
    other = write_pack(places["data"] / "packs" / "other.yaml", "other", "Other")
    mine = write_pack(places["loose"] / "show-edit.yaml", "show", "Edited show", 1)

    catalog = discover(places["data"], [mine], env=NO_ENV, builtin=places["builtin"])

    by_path = {entry.path: entry for entry in catalog.entries}
    winner = by_path[mine]
    assert winner.playable and winner.shadowed_by is None
    assert by_path[builtin].shadowed_by is winner
    assert by_path[data].shadowed_by is winner
    assert by_path[other].playable
    assert [entry.path for entry in catalog.shadowed] == [builtin, data]
    assert [e.summary.title for e in catalog.playable] == ["Other", "Edited show"]
    assert catalog.get("show") is winner
    assert catalog.get("nope") is None


def test_invalid_pack_is_kept_with_its_problems_and_shadows_nothing(
    places: dict[str, Path],
) -> None:
    good = write_pack(places["builtin"] / "show.yaml", "show")
    bad = places["data"] / "packs" / "show.yaml"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "format: 1\nid: show\ntitle: Broken\nquestions:\n  - id: q\n    prompt: P\n"
        "    answer: A\n    distractors: [B]\n    promt: x\n    difficulty: extreme\n"
    )

    catalog = discover(places["data"], env=NO_ENV, builtin=places["builtin"])

    entries = {entry.path: entry for entry in catalog.entries}
    assert entries[good].playable
    broken = entries[bad]
    assert not broken.valid and not broken.playable and broken.pack_id is None
    assert broken.origin is Origin.DATA_DIR
    first = broken.first_problem
    assert first is not None and (first.line, first.column) == (9, 5)
    assert "promt" in first.message
    assert [(p.line, p.column) for p in broken.problems] == [(9, 5), (10, 17)]
    assert catalog.invalid == (broken,)


def test_data_dir_none_skips_the_data_dir(places: dict[str, Path]) -> None:
    write_pack(places["data"] / "packs" / "d.yaml", "d")
    assert locate(None, env=NO_ENV, builtin=places["builtin"]) == []


def test_builtin_pack_files_are_the_yaml_files_of_builtin_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_pack(tmp_path / "one.yaml", "one")
    (tmp_path / "README.md").write_text("not a pack")
    monkeypatch.setattr(discovery, "builtin_dir", lambda: tmp_path)
    assert builtin_pack_files() == [tmp_path / "one.yaml"]
    assert found(locate(None, env=NO_ENV)) == [("one.yaml", Origin.BUILT_IN)]


def test_a_symlink_loop_is_listed_as_unreadable_not_a_crash(tmp_path: Path) -> None:
    from quiz.packs.catalog import discover

    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    catalog = discover(tmp_path / "data", [str(tmp_path / "loop.yaml")])
    assert all(entry.pack_id != "loop" for entry in catalog.entries)
