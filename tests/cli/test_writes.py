"""`quiz new`, `quiz schema -o` and `quiz import`: whole files or none, and no file replaced
unasked, on full, read-only and working disks."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from small_disk import PAGE, fill, read_only, small_disk

from quiz.cli import main
from quiz.packs import discovery
from quiz.packs.loader import load_pack
from quiz.packs.schema import SCHEMA_ID
from quiz.packs.starter import SCHEMA_FILE, schema_text

FILM = Path(__file__).parent.parent / "fixtures" / "opentdb" / "film.json"


@pytest.fixture(autouse=True)
def no_outside_packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(discovery, "builtin_dir", lambda: tmp_path / "no-builtin")
    monkeypatch.delenv("QUIZ_PACKS_PATH", raising=False)


def names(folder: Path) -> set[str]:
    return {entry.name for entry in folder.iterdir()}


def one_error_line(capsys: pytest.CaptureFixture[str], *expected: str) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    for part in expected:
        assert part in err, err
    return err


def new(folder: Path, *more: str) -> list[str]:
    return ["new", str(folder / "pack.yaml"), *more]


def schema(folder: Path, *more: str) -> list[str]:
    return ["schema", "-o", str(folder / "schema.json"), *more]


def importer(folder: Path, *more: str) -> list[str]:
    return ["import", "opentdb", str(FILM), "-o", str(folder / "pack.yaml"), *more]


COMMANDS = [new, schema, importer]


# Titles that cannot go in a pack


@pytest.mark.parametrize(
    "title",
    [
        "Film \udcff night",  # a byte that was not UTF-8 in argv, under a UTF-8 locale
        "Film \x1b[2J night",  # a control character a pack refuses
    ],
)
def test_new_with_a_title_no_pack_can_hold_is_refused_and_writes_nothing(
    tmp_path: Path, capsys, title: str
) -> None:
    assert main(new(tmp_path, "--title", title)) == 2
    one_error_line(capsys, "quiz new: error:", "--title")
    assert names(tmp_path) == set()  # neither an empty pack nor the schema


def test_new_makes_a_file_name_in_its_comment_inert(tmp_path: Path, capsys) -> None:
    path = tmp_path / "club\nauthor: someone\n.yaml"
    assert main(["new", str(path), "--title", "Club"]) == 0
    assert load_pack(path).author is None  # the name stayed inside its comment line


def test_import_with_a_title_that_is_not_unicode_is_refused(tmp_path: Path, capsys) -> None:
    assert main(importer(tmp_path, "--title", "Film \udcff night")) == 2
    one_error_line(capsys, "quiz import: error:", "--title")
    assert names(tmp_path) == set()


# Replacing files


def test_import_never_replaces_a_file_without_force(tmp_path: Path, capsys) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text("my hand-written pack", encoding="utf-8")
    assert main(importer(tmp_path)) == 2
    one_error_line(capsys, "quiz import: error:", "already exists", "--force")
    assert pack.read_text(encoding="utf-8") == "my hand-written pack"
    assert main(importer(tmp_path, "--force")) == 0
    assert len(load_pack(pack).questions) == 6
    assert names(tmp_path) == {"pack.yaml"}


def test_import_never_replaces_a_file_made_while_it_worked(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quiz.packs.opentdb_pack as opentdb_pack

    pack = tmp_path / "pack.yaml"
    convert = opentdb_pack.import_opentdb

    def slow_convert(*args: object):
        pack.write_text("written meanwhile", encoding="utf-8")
        return convert(*args)

    monkeypatch.setattr(opentdb_pack, "import_opentdb", slow_convert)
    assert main(importer(tmp_path)) == 2
    one_error_line(capsys, "already exists")
    assert pack.read_text(encoding="utf-8") == "written meanwhile"
    assert names(tmp_path) == {"pack.yaml"}


def test_schema_output_updates_quiz_schema_but_keeps_other_files_without_force(
    tmp_path: Path, capsys
) -> None:
    target = tmp_path / "schema.json"
    target.write_text(json.dumps({"$id": SCHEMA_ID, "title": "an older one"}), encoding="utf-8")
    assert main(schema(tmp_path)) == 0
    assert target.read_text(encoding="utf-8") == schema_text()
    target.write_text('{"notes": "mine"}', encoding="utf-8")
    assert main(schema(tmp_path)) == 2
    one_error_line(capsys, "quiz schema: error:", "--force")
    assert target.read_text(encoding="utf-8") == '{"notes": "mine"}'
    assert main(schema(tmp_path, "--force")) == 0
    assert target.read_text(encoding="utf-8") == schema_text()
    assert names(tmp_path) == {"schema.json"}


def test_schema_output_never_replaces_a_folder_even_with_force(tmp_path: Path, capsys) -> None:
    (tmp_path / "schema.json").mkdir()
    assert main(schema(tmp_path, "--force")) == 2
    one_error_line(capsys, "quiz schema: error:")
    assert (tmp_path / "schema.json").is_dir()


# Disks that fail


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.__name__)
def test_a_write_failing_mid_file_leaves_nothing(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, command
) -> None:
    """Simulated where no small disk can be mounted: the first write half done, then full."""
    real_write, calls = os.write, []

    def half_then_full(fd: int, data: bytes) -> int:
        calls.append(fd)
        if len(calls) == 1:
            return real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", half_then_full)
    assert main(command(tmp_path)) == 1
    one_error_line(capsys, "cannot write", "free some space")
    assert names(tmp_path) == set()


@pytest.mark.parametrize("command", [new, importer], ids=lambda c: c.__name__)
def test_folders_made_for_a_pack_that_could_not_be_written_are_removed(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, command
) -> None:
    (tmp_path / "kept").mkdir()

    def no_space(*_args: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", no_space)
    assert main(command(tmp_path / "kept" / "new" / "deeper")) == 1
    one_error_line(capsys, "cannot write")
    assert names(tmp_path) == {"kept"} and names(tmp_path / "kept") == set()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.__name__)
def test_a_full_disk_leaves_nothing(tmp_path: Path, capsys, command) -> None:
    with small_disk(tmp_path / "disk") as disk:
        fill(disk)
        assert main(command(disk)) == 1
        one_error_line(capsys, "cannot write", "free some space")
        assert names(disk) == {"filler"}  # no empty file, no temporary file


def test_new_removes_its_pack_when_the_schema_beside_it_does_not_fit(
    tmp_path: Path, capsys
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        fill(disk, leave=PAGE)  # room for the 4 KB pack, not for the 9 KB schema
        assert main(new(disk)) == 1
        one_error_line(capsys, "cannot write")
        assert names(disk) == {"filler"}


@pytest.mark.parametrize("command", [schema, importer], ids=lambda c: c.__name__)
def test_replacing_on_a_full_disk_keeps_the_old_file_whole(tmp_path: Path, capsys, command) -> None:
    with small_disk(tmp_path / "disk") as disk:
        old = json.dumps({"$id": SCHEMA_ID}) if command is schema else "format: 1\n"
        name = "schema.json" if command is schema else "pack.yaml"
        (disk / name).write_text(old, encoding="utf-8")
        fill(disk)
        assert main(command(disk, "--force")) == 1
        one_error_line(capsys, "cannot write")
        assert (disk / name).read_text(encoding="utf-8") == old
        assert names(disk) == {name, "filler"}


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.__name__)
def test_a_read_only_disk_leaves_nothing(tmp_path: Path, capsys, command) -> None:
    with small_disk(tmp_path / "disk") as disk:
        read_only(disk)
        assert main(command(disk)) == 1
        one_error_line(capsys, "cannot write", "read-only")
        assert names(disk) == set()


def test_new_on_a_working_disk_still_writes_pack_and_schema(tmp_path: Path, capsys) -> None:
    with small_disk(tmp_path / "disk") as disk:
        assert main(new(disk)) == 0
        assert names(disk) == {"pack.yaml", SCHEMA_FILE}
        assert len(load_pack(disk / "pack.yaml").questions) == 4


def test_a_name_too_long_for_the_system_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = tmp_path / ("x" * 5000 + ".yaml")
    assert main(["new", str(name)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith("quiz new: error: ")


def export_gift(source: Path, output: Path) -> list[str]:
    return ["export", "gift", str(source), "-o", str(output), "--force"]


def import_json(source: Path, output: Path) -> list[str]:
    return ["import", "opentdb", str(source), "-o", str(output), "--force"]


@pytest.mark.parametrize(
    ("command", "original"),
    [(export_gift, Path(__file__).parent.parent / "fixtures" / "good" / "mini.yaml"),
     (import_json, FILM)],
)  # fmt: skip
@pytest.mark.parametrize("how", ["same name", "another name", "a link", "a hard link"])
def test_output_onto_the_input_file_is_refused_even_with_force(
    tmp_path: Path, capsys, command, original: Path, how: str
) -> None:
    source = tmp_path / "pack.yaml"
    source.write_bytes(original.read_bytes())
    output = {
        "same name": source,
        "another name": tmp_path / "." / "pack.yaml",
        "a link": tmp_path / "link.yaml",
        "a hard link": tmp_path / "hard.yaml",
    }[how]
    if how == "a link":
        output.symlink_to(source)
    elif how == "a hard link":
        os.link(source, output)
    assert main(command(source, output)) == 2
    one_error_line(capsys, "-o ", "give another -o")
    assert source.read_bytes() == original.read_bytes()


def test_export_onto_the_file_of_a_pack_named_by_id_is_refused(tmp_path: Path, capsys) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    pack = packs / "mini.yaml"
    original = (Path(__file__).parent.parent / "fixtures" / "good" / "mini.yaml").read_bytes()
    pack.write_bytes(original)
    args = ["export", "gift", "mini", "-o", str(pack), "--force", "--data-dir", str(tmp_path)]
    assert main(args) == 2
    one_error_line(capsys, "is the pack being exported")
    assert pack.read_bytes() == original


MINI = Path(__file__).parent.parent / "fixtures" / "good" / "mini.yaml"


@pytest.mark.parametrize(
    "command",
    [lambda out: ["export", "gift", str(MINI), "-o", str(out), "--force"],
     lambda out: ["import", "opentdb", str(FILM), "-o", str(out), "--force"]],
    ids=["export", "import"],
)  # fmt: skip
def test_force_onto_a_folder_says_it_is_a_folder_not_to_give_force(tmp_path, capsys, command):
    folder = tmp_path / "dir.yaml"
    folder.mkdir()
    assert main(command(folder)) == 1
    line = one_error_line(capsys, "(it is a folder)")
    assert "--force" not in line
    assert folder.is_dir()


@pytest.mark.parametrize(
    "args",
    [["export", "gift", str(MINI), "-o", ""], ["import", "opentdb", str(FILM), "-o", ""],
     ["schema", "-o", ""], ["new", ""], ["serve", "--host", ""], ["stats", "--pack", ""]],
)  # fmt: skip
def test_an_empty_name_is_a_usage_error(tmp_path, capsys, args: list[str]):
    assert main(["--data-dir", str(tmp_path), *args]) == 2
    one_error_line(capsys, "needs a value, not an empty one")


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs a /proc to refuse files")
def test_a_folder_that_takes_no_files_is_not_said_to_be_missing(capsys):
    assert main(["schema", "-o", "/proc/quiz-schema.json"]) == 1
    line = one_error_line(capsys, "write the file elsewhere")
    assert "check the folder exists" not in line
