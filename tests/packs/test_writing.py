"""write_atomically: a file appears whole or not at all, and is never replaced unasked."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from small_disk import PAGE, fill, read_only, small_disk

from quiz.packs import writing
from quiz.packs.writing import make_folders, remove_folders, write_atomically, write_streamed

DATA = b"format: 1\n" * 2000  # 20 KB: more than one write call may take


def names(folder: Path) -> set[str]:
    return {entry.name for entry in folder.iterdir()}


def no_space(*_args: object) -> int:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_writes_the_bytes_with_the_usual_permissions_and_nothing_else(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomically(tmp_path / "pack.yaml", DATA, overwrite=False)
    finally:
        os.umask(old)
    assert (tmp_path / "pack.yaml").read_bytes() == DATA
    assert stat.S_IMODE((tmp_path / "pack.yaml").stat().st_mode) == 0o640
    assert names(tmp_path) == {"pack.yaml"}


def test_without_overwrite_an_existing_file_is_kept(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_bytes(b"mine")
    with pytest.raises(FileExistsError):
        write_atomically(tmp_path / "pack.yaml", DATA, overwrite=False)
    assert (tmp_path / "pack.yaml").read_bytes() == b"mine"
    assert names(tmp_path) == {"pack.yaml"}


def test_without_overwrite_a_file_made_while_writing_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pack.yaml"
    real_fsync = os.fsync

    def someone_else_writes(fd: int) -> None:
        real_fsync(fd)
        target.write_bytes(b"theirs")  # between our check and our rename

    monkeypatch.setattr(os, "fsync", someone_else_writes)
    with pytest.raises(FileExistsError):
        write_atomically(target, DATA, overwrite=False)
    assert target.read_bytes() == b"theirs"
    assert names(tmp_path) == {"pack.yaml"}


def test_without_hard_links_the_no_overwrite_rename_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(os, "link", no_links)
    write_atomically(tmp_path / "a.yaml", DATA, overwrite=False)
    assert (tmp_path / "a.yaml").read_bytes() == DATA
    with pytest.raises(FileExistsError):
        write_atomically(tmp_path / "a.yaml", b"other", overwrite=False)
    assert names(tmp_path) == {"a.yaml"}


def test_overwrite_replaces_a_file_and_writes_through_a_symlink(tmp_path: Path) -> None:
    (tmp_path / "real.yaml").write_bytes(b"old")
    (tmp_path / "link.yaml").symlink_to("real.yaml")
    write_atomically(tmp_path / "link.yaml", DATA, overwrite=True)
    assert (tmp_path / "link.yaml").is_symlink()
    assert (tmp_path / "real.yaml").read_bytes() == DATA
    assert names(tmp_path) == {"real.yaml", "link.yaml"}


def test_overwrite_never_replaces_a_folder_or_a_fifo(tmp_path: Path) -> None:
    (tmp_path / "folder.yaml").mkdir()
    os.mkfifo(tmp_path / "fifo.yaml")
    for name in ("folder.yaml", "fifo.yaml"):
        with pytest.raises(OSError):
            write_atomically(tmp_path / name, DATA, overwrite=True)
    assert (tmp_path / "folder.yaml").is_dir()
    assert stat.S_ISFIFO((tmp_path / "fifo.yaml").stat().st_mode)
    assert names(tmp_path) == {"folder.yaml", "fifo.yaml"}


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_disk_that_fills_mid_write_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, overwrite: bool
) -> None:
    real_write = os.write
    calls = []

    def half_then_full(fd: int, data: bytes) -> int:
        calls.append(fd)
        if len(calls) == 1:
            return real_write(fd, bytes(data[: len(data) // 2]))  # a partial write
        return no_space()

    if overwrite:
        (tmp_path / "pack.yaml").write_bytes(b"the old pack")
    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(OSError) as raised:
        write_atomically(tmp_path / "pack.yaml", DATA, overwrite=overwrite)
    assert raised.value.errno == errno.ENOSPC
    assert len(calls) == 2  # it did go on after the partial write
    if overwrite:
        assert (tmp_path / "pack.yaml").read_bytes() == b"the old pack"
        assert names(tmp_path) == {"pack.yaml"}
    else:
        assert names(tmp_path) == set()


def test_a_failing_fsync_or_an_interrupt_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "fsync", no_space)  # delayed allocation: full only at fsync
    with pytest.raises(OSError):
        write_atomically(tmp_path / "a.yaml", DATA, overwrite=False)

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path / "b.yaml", DATA, overwrite=True)
    assert names(tmp_path) == set()


def test_a_missing_folder_is_an_error_not_a_new_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "nowhere" / "a.yaml", DATA, overwrite=False)
    assert names(tmp_path) == set()


def test_a_really_full_disk_leaves_nothing_behind(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        (disk / "kept.yaml").write_bytes(b"the old pack")
        fill(disk)
        for overwrite in (False, True):
            with pytest.raises(OSError) as raised:
                write_atomically(disk / "new.yaml", DATA, overwrite=overwrite)
            assert raised.value.errno == errno.ENOSPC
        with pytest.raises(OSError):
            write_atomically(disk / "kept.yaml", DATA, overwrite=True)
        assert (disk / "kept.yaml").read_bytes() == b"the old pack"
        assert names(disk) == {"kept.yaml", "filler"}


def test_a_disk_with_room_for_part_of_the_file_leaves_nothing_behind(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        fill(disk, leave=2 * PAGE)
        with pytest.raises(OSError):
            write_atomically(disk / "new.yaml", DATA, overwrite=False)
        assert names(disk) == {"filler"}
        write_atomically(disk / "small.yaml", b"fits", overwrite=False)
        assert names(disk) == {"filler", "small.yaml"}


def test_a_read_only_disk_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        (disk / "kept.yaml").write_bytes(b"the old pack")
        read_only(disk)
        for name, overwrite in [("new.yaml", False), ("kept.yaml", True)]:
            with pytest.raises(OSError) as raised:
                write_atomically(disk / name, DATA, overwrite=overwrite)
            assert raised.value.errno == errno.EROFS
        assert names(disk) == {"kept.yaml"}
        assert (disk / "kept.yaml").read_bytes() == b"the old pack"


def test_advice_for_a_failed_write_fits_the_cause() -> None:
    full, read_only_disk, denied = (
        writing.what_to_do(OSError(code, "x")) for code in (errno.ENOSPC, errno.EROFS, errno.EACCES)
    )
    assert "space" in full and "read-only" in read_only_disk and "writable" in denied


def test_folders_made_are_removed_again_but_never_one_that_holds_something(
    tmp_path: Path,
) -> None:
    made = make_folders(tmp_path / "a" / "b" / "c")
    assert made == [tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"]
    assert make_folders(tmp_path / "a" / "b") == []  # there already: nothing made
    (tmp_path / "a" / "note.txt").write_text("someone else's")
    remove_folders(made)
    assert names(tmp_path) == {"a"} and names(tmp_path / "a") == {"note.txt"}


def test_streamed_chunks_reach_the_file_as_they_come_and_appear_whole(tmp_path: Path) -> None:
    target = tmp_path / "pack.yaml"
    seen: list[int] = []

    def chunks():
        for number in range(5):
            [temporary] = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
            seen.append(temporary.stat().st_size)  # what came before is in the file already
            assert not target.exists()
            yield DATA[number * 100 : (number + 1) * 100]

    write_streamed(target, chunks(), overwrite=False)
    assert seen == [0, 100, 200, 300, 400]
    assert target.read_bytes() == DATA[:500] and names(tmp_path) == {"pack.yaml"}


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_stream_that_fails_midway_leaves_the_file_as_it_was(
    tmp_path: Path, overwrite: bool
) -> None:
    target = tmp_path / "pack.yaml"
    if overwrite:
        target.write_bytes(b"old")

    def chunks():
        yield DATA
        raise ValueError("the maker of the file gave up")

    with pytest.raises(ValueError):
        write_streamed(target, chunks(), overwrite=overwrite)
    assert names(tmp_path) == ({"pack.yaml"} if overwrite else set())
    if overwrite:
        assert target.read_bytes() == b"old"


def test_a_stream_is_not_started_when_the_file_exists(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_bytes(b"mine")
    taken: list[bytes] = []

    def chunks():
        taken.append(DATA)
        yield DATA

    with pytest.raises(FileExistsError):
        write_streamed(tmp_path / "pack.yaml", chunks(), overwrite=False)
    assert taken == [] and (tmp_path / "pack.yaml").read_bytes() == b"mine"
