"""Writing a file whole or not at all: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "NotAFile", "is_same_file", "make_folders", "remove_folders", "what_to_do", "write_atomically",
    "write_streamed",
]  # fmt: skip

# os.link fails with these where the file system has no hard links (FAT, some network
# and FUSE mounts); there the no-overwrite rename falls back to check-then-rename.
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EXDEV}


class NotAFile(OSError):
    """The name to write is taken by a folder, FIFO or device: never replaced, --force or
    not (an OSError of its own, so it never reads as 'exists, give --force')."""


def write_atomically(path: str | os.PathLike[str], data: bytes, *, overwrite: bool) -> None:
    """Put `data` at `path` in one step: a reader sees the old file or the new one whole.

    The bytes go to a temporary file beside `path` (a rename only stays atomic within one
    file system), are flushed to disk with fsync, then the file takes `path`'s name. With
    overwrite=False an existing file, even one created while we were writing, is never
    replaced: FileExistsError. With overwrite=True only a regular file is replaced (a
    symlink's target, keeping the link); anything else is an OSError. Any failure (a
    full disk, a read-only folder, an interrupt) removes the temporary file and leaves
    `path` as it was, so there is never a half-written or empty file. The parent folder
    must exist (see make_folders).
    """
    _write(Path(path), (data,), overwrite)


def write_streamed(
    path: str | os.PathLike[str], chunks: Iterable[bytes], *, overwrite: bool
) -> None:
    """As write_atomically, for a file made a piece at a time: each chunk is written as
    it comes, so the whole never needs to be in memory. An exception from `chunks`
    counts as a failure: the temporary file goes, `path` stays as it was, and the
    exception is raised. Nothing is taken from `chunks` before the checks that
    write_atomically makes on `path`."""
    _write(Path(path), chunks, overwrite)


def is_same_file(output: str | os.PathLike[str], source: str | os.PathLike[str] | None) -> bool:
    """True when OUTPUT is the file SOURCE (by that name, another, a link or a hard link):
    writing it would destroy what is being read, so no --force may allow it."""
    if source is None:
        return False
    try:
        return os.path.samefile(output, source)
    except (OSError, ValueError):  # either missing or unreachable: not one file
        return False


def make_folders(folder: Path) -> list[Path]:
    """Make folder and its missing parents; returns those made, for remove_folders to
    take away again if what was to go in them fails. On failure none are left."""
    missing = []
    while not os.path.lexists(folder) and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    made: list[Path] = []
    try:
        for each in reversed(missing):
            try:
                each.mkdir()
            except FileExistsError:
                continue  # made meanwhile by someone else: theirs, not ours to remove
            made.append(each)
    except BaseException:
        remove_folders(made)
        raise
    return made


def remove_folders(made: list[Path]) -> None:
    """Remove the folders make_folders made, innermost first, while they are empty."""
    for folder in reversed(made):
        try:
            folder.rmdir()
        except OSError:
            return  # something was put there meanwhile: keep it, and what holds it


def _write(target: Path, chunks: Iterable[bytes], overwrite: bool) -> None:
    if not overwrite and os.path.lexists(target):
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))
    if overwrite and os.path.lexists(target):
        # Through a symlink to the file it names, as editors save: the link stays a link.
        target = Path(os.path.realpath(target))
        if os.path.lexists(target) and not os.path.isfile(target):
            # A folder, FIFO or device is never swapped for a file, whatever overwrite says.
            what = "a folder" if os.path.isdir(target) else "not a regular file"
            raise NotAFile(errno.EEXIST, f"it is {what}", str(target))
    temporary, fd = _create_temporary(target)
    try:
        try:
            for data in chunks:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
            _sync(fd)  # the bytes are on disk before the name points at them
        finally:
            os.close(fd)
        if overwrite:
            os.replace(temporary, target)
        else:
            _rename_no_replace(temporary, target)
    except BaseException:
        _remove(temporary)
        raise
    _sync_folder(target.parent)


def what_to_do(error: OSError) -> str:
    """The advice for a failed write, for the end of a one-line error message."""
    if isinstance(error, NotAFile):
        return "give the name of a file to write"
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "free some space, or write the file elsewhere"
    if error.errno == errno.EROFS:
        return "the folder is on a read-only disk; write the file elsewhere"
    folder = os.path.dirname(os.fsdecode(error.filename or "")) or "."
    if error.errno == errno.ENOENT and os.path.isdir(folder):
        return "that folder takes no new files; write the file elsewhere"
    return "check the folder exists and is writable"


def _create_temporary(target: Path) -> tuple[Path, int]:
    """A new, empty file beside target, opened for writing; made with the usual
    permissions (0o666 less the umask), as the final file should be, not mkstemp's 0o600."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    for _ in range(100):
        # A dot file, so folder listings and pack discovery (*.yaml) pass it over.
        temporary = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
        try:
            return temporary, os.open(temporary, flags, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(target.parent))


def _rename_no_replace(temporary: Path, target: Path) -> None:
    """Give the temporary file target's name unless target exists (FileExistsError).

    os.link refuses an existing name atomically, where a check then os.replace could
    clobber a file made in between; the temporary name is then dropped.
    """
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _NO_LINKS:
            raise
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        os.rename(temporary, target)
        return
    _remove(temporary)


def _sync(fd: int) -> None:
    """fsync, where the file system can: some (FUSE, a few network mounts) say EINVAL."""
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise  # a full disk can first show here, when delayed writes reach it


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass  # never there, or already renamed into place


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entry for the new name, so a crash cannot lose the rename."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # not possible everywhere (Windows); the file itself is already on disk
    try:
        _sync(fd)
    except OSError:
        pass  # the file is in place whole; only the timing of its name is uncertain
    finally:
        os.close(fd)
