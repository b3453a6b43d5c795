"""Special files (a FIFO, a link to /dev/zero) are refused in one line: never a hang, never a read."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from capped import run_capped

from quiz.packs.files import FileRefused, read_bounded

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and /dev/zero")


def quiz(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return run_capped("-m", "quiz", *args, env={"QUIZ_DATA_DIR": str(data)})


def special(kind: str, path: Path) -> Path:
    """Make a FIFO, or a link to /dev/zero, at path."""
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    return path


KINDS = ["fifo", "zero"]


@pytest.mark.parametrize("kind", KINDS)
def test_play_refuses_a_special_pack_file_in_one_line(kind: str, tmp_path: Path) -> None:
    pack = special(kind, tmp_path / "pack.yaml")
    done = quiz("play", str(pack), data=tmp_path / "data")
    assert done.returncode == 1, done.stderr[-500:]
    assert done.stdout == "" and done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"{pack}:1:1: error: ") and "not a regular file" in done.stderr


@pytest.mark.parametrize("kind", KINDS)
def test_check_refuses_a_special_pack_file_in_one_line(kind: str, tmp_path: Path) -> None:
    pack = special(kind, tmp_path / "pack.yaml")
    done = quiz("check", str(pack), data=tmp_path / "data")
    assert done.returncode == 1 and done.stderr == ""
    problem, summary = done.stdout.splitlines()
    assert problem.startswith(f"{pack}:1:1: error: ") and "not a regular file" in problem
    assert summary == "1 pack, 0 questions, 1 problem"


@pytest.mark.parametrize("kind", KINDS)
def test_check_sources_refuses_a_special_source_document(kind: str, tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "format: 1\nid: p\ntitle: T\nsources:\n  - {id: s, title: S, file: doc.txt}\n"
        'questions:\n  - {id: q, prompt: P, answer: A, distractors: [B], source: {ref: s, excerpt: "A"}}\n'
    )
    (tmp_path / "sources").mkdir()
    special(kind, tmp_path / "sources" / "doc.txt")
    done = quiz("check", "--sources", str(tmp_path / "sources"), str(pack), data=tmp_path / "data")
    assert done.returncode == 1 and done.stderr == ""
    problem, summary = done.stdout.splitlines()
    assert problem.startswith(f"{pack}:5:5: error: ") and "doc.txt" in problem
    assert "not a regular file" in problem and summary == "1 pack, 1 question, 1 problem"


@pytest.mark.parametrize("kind", KINDS)
def test_import_refuses_a_special_input_file_in_one_line(kind: str, tmp_path: Path) -> None:
    source = special(kind, tmp_path / "response.json")
    output = tmp_path / "out.yaml"
    done = quiz("import", "opentdb", str(source), "-o", str(output), data=tmp_path / "data")
    assert done.returncode == 1 and done.stdout == "" and done.stderr.count("\n") == 1
    assert str(source) in done.stderr and "not a regular file" in done.stderr
    assert not output.exists()


# A name checked, then opened: between the two the file may be swapped for a FIFO. This
# collapses that window by making checks by name see the FIFO as a regular file, so only
# the checks made on the open handle can tell.
SWAPPED = """
import os, stat, sys
real, fifo = os.stat, sys.argv[1]
def looks_regular(path, *args, **kwargs):
    found = real(path, *args, **kwargs)
    if os.fspath(path) == fifo:
        return os.stat_result((stat.S_IFREG | 0o644, *tuple(found)[1:]))
    return found
os.stat = looks_regular
from quiz.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("what", ["pack", "source document"])
def test_a_fifo_that_passed_a_check_by_name_is_refused_once_opened(
    what: str, tmp_path: Path
) -> None:
    pack, sources = tmp_path / "pack.yaml", tmp_path / "sources"
    sources.mkdir()
    if what == "pack":
        fifo, args = special("fifo", pack), ["check", str(pack)]
    else:
        pack.write_text(
            "format: 1\nid: p\ntitle: T\nsources:\n  - {id: s, title: S, file: doc.txt}\n"
            "questions:\n  - {id: q, prompt: P, answer: A, distractors: [B]}\n"
        )
        fifo, args = (
            special("fifo", sources / "doc.txt"),
            ["check", "--sources", str(sources), str(pack)],
        )
    done = run_capped(
        "-c", SWAPPED, str(fifo), *args, env={"QUIZ_DATA_DIR": str(tmp_path / "data")}
    )
    assert done.returncode == 1 and done.stderr == ""
    problem, _ = done.stdout.splitlines()
    assert problem.startswith(f"{pack}:") and "not a regular file" in problem


def test_a_file_larger_than_it_says_is_read_no_further_than_the_limit() -> None:
    # Files in /proc report a size of 0 and yet hold bytes: the size on disk is no bound.
    status = Path("/proc/self/status")
    if not status.is_file():
        pytest.skip("needs Linux's /proc")
    assert len(read_bounded(status)) > 16
    with pytest.raises(FileRefused) as refused:
        read_bounded(status, 16)
    assert "16 bytes" in str(refused.value) and str(refused.value).count("\n") == 0


def test_refusals_name_the_file_and_say_what_to_do(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    assert read_bounded(big, 2048) == b"x" * 2048
    for path, limit, missing in [(tmp_path / "gone", 10, True), (tmp_path, 10, False),
                                 (big, 2047, False), (f"{big}\0", 10, False)]:  # fmt: skip
        with pytest.raises(FileRefused) as refused:
            read_bounded(path, limit)
        assert refused.value.missing is missing
        message = str(refused.value)
        assert message.startswith(f"{path}: ") and "; " in message and "\n" not in message
