"""Reading a file we did not write: opened once, a regular file under a limit, read from that handle."""

from __future__ import annotations

import os
import stat

from quiz.packs.problems import PackError, Problem

MAX_BYTES = 16 * 2**20  # packs, source documents, imports: far above any real one, yet safe to hold

# O_NONBLOCK: opening a FIFO waits for a writer, perhaps forever; with it the open returns
# at once and fstat refuses the FIFO. O_NOCTTY: a terminal device never becomes ours.
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_FLAGS |= getattr(os, "O_BINARY", 0)


class FileRefused(Exception):
    """A file that cannot be read, or is not read: str() is one line, what, where, what to do."""

    def __init__(self, path: str, problem: str, advice: str, *, missing: bool = False) -> None:
        self.path = path
        self.problem = problem
        self.advice = advice
        self.missing = missing
        super().__init__(f"{path}: {problem}; {advice}")

    @property
    def reason(self) -> str:
        """The message without the path, for a caller that names the file itself."""
        return f"{self.problem}; {self.advice}"


def read_bounded(path: str | os.PathLike[str], limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file at path, at most limit of them (FileRefused otherwise).

    The checks are made on the open handle, and the bytes read from it, so the file
    cannot be swapped for a FIFO or a device between the check and the read; and no more
    than limit + 1 bytes are ever read, however the file grows meanwhile.
    """
    handle, info = open_bounded(path, limit)
    try:
        return read_handle(handle, str(path), limit, info.st_size)
    finally:
        os.close(handle)


def open_bounded(path: str | os.PathLike[str], limit: int) -> tuple[int, os.stat_result]:
    """A handle on the regular file at path, no larger than limit then, and its status
    (FileRefused otherwise): for a reader that reads only part of it, or not at all."""
    name = str(path)
    try:
        handle = os.open(path, _FLAGS)
    except ValueError:  # a NUL in the name: no file can have it
        raise FileRefused(name, "its name holds a NUL character", "check the path") from None
    except OSError as error:
        missing = isinstance(error, FileNotFoundError)
        advice = "check the path" if missing else _ADVICE
        raise FileRefused(name, _cannot(error), advice, missing=missing) from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(name, f"this is {_kind(info.st_mode)}, not a regular file",
                              "give the path of a regular file")  # fmt: skip
        if info.st_size > limit:
            raise _too_big(name, f"the file is {_size(info.st_size)}", limit)
        os.set_blocking(handle, True)  # O_NONBLOCK was for the open; a file reads as usual
    except OSError as error:
        os.close(handle)
        raise FileRefused(name, _cannot(error), _ADVICE) from None
    except FileRefused:
        os.close(handle)
        raise
    return handle, info


def read_handle(handle: int, name: str, limit: int, expected: int) -> bytes:
    """The rest of an open_bounded file, at most limit bytes (FileRefused otherwise)."""
    try:
        data = _read(handle, limit + 1, expected)
    except OSError as error:
        raise FileRefused(name, _cannot(error), _ADVICE) from None
    if len(data) > limit:
        raise _too_big(name, "the file grew while being read", limit)
    return data


def read_pack_file(path: str | os.PathLike[str]) -> bytes:
    """A pack file's bytes, or PackError with the one problem at 1:1 (the loader's rule)."""
    try:
        return read_bounded(path, MAX_BYTES)
    except FileRefused as error:
        raise PackError([Problem(str(path), 1, 1, error.reason)]) from None


_ADVICE = "check the path and its permissions"


def _read(handle: int, most: int, expected: int) -> bytes:
    """Up to `most` bytes, asking first for what fstat reported (usually one read)."""
    chunks: list[bytes] = []
    left = most
    ask = min(most, expected + 1)
    while left > 0:
        chunk = os.read(handle, min(left, max(ask, 65536)))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _too_big(name: str, what: str, limit: int) -> FileRefused:
    shown = f"{limit / 2**20:g} MiB" if limit >= 2**20 else _size(limit)
    return FileRefused(name, f"{what}, over the {shown} limit", "split it into smaller files")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _size(count: int) -> str:
    if count >= 2**20:
        return f"{count / 2**20:.1f} MiB"
    if count >= 2**10:
        return f"{count / 2**10:.1f} KiB"
    return f"{count} byte{'s' if count != 1 else ''}"


def _cannot(error: OSError) -> str:
    return f"cannot read the file ({error.strerror or type(error).__name__})"
