"""A cache of compiled packs, one entry per pack file, so start-up need not parse YAML again
and a game builds only the questions it deals (the entry's layout: quiz.packs.entry).

The cache is untrusted like any file. An entry is used only when all of this holds:
- its header's digest matches the header, and each part read later (a question, the
  columns, the ids) matches the digest written for it, so an edited entry (an answer
  changed by hand, or a torn write) is not used;
- it was written by this quiz version and these loader modules, for this pack file,
  from the bytes the pack file holds now (see below);
- every field of every dataclass in it has the model's type (quiz.packs.packjson).
The header is checked when the entry is opened, each question when it is first asked
for. A question that fails then is never used: the pack file goes through the loader
instead and the entry is removed, to be rebuilt. Only valid packs are cached; a bad pack
always goes through the loader and reports its problems. `quiz check` never uses the cache.

An entry knows the pack file by its size, times, inode and device as well as the digest
of its bytes. When those match, and the file had not changed for a while when it was read
(the entry's own modification time records when), the file is not read at all: reading
and hashing 16 MiB would cost more than the rest of a start. A file changed in the same
tick of its clock as it was read could keep its times, so such an entry is trusted only
after its digest is checked again (git's "racy" rule); once the file has settled, the
entry's time is moved on. Any edit sets the file's change time (ctime) to the clock's
time, which no tool can set back, so an edited pack never matches.

An entry is named after the pack file's real path, so a pack has at most one entry
however often it changes; a write replaces it whole (a temporary file, then rename).
Digests are BLAKE2b, taken from the module hashlib itself takes it from: importing
hashlib would load OpenSSL at every start-up.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from quiz import __version__
from quiz.packs import entry as entries
from quiz.packs.compiled import CompiledQuestions
from quiz.packs.entry import Damaged, digest
from quiz.packs.files import MAX_BYTES, FileRefused, open_bounded, read_handle, read_pack_file
from quiz.packs.fingerprint import loader_fingerprint
from quiz.packs.model import Pack, Question
from quiz.packs.packjson import Malformed, pack_from_data
from quiz.packs.problems import PackError, Problem

CACHE_FORMAT = 3
ENTRY_LIMIT = 4 * MAX_BYTES  # JSON names every field, so an entry outgrows its pack
_ENTRY_NAME = re.compile(r"[0-9a-f]{16}\.entry")
_STALE_TEMPORARY = 24 * 3600  # a write in progress is younger; an older one crashed
_SETTLED_NS = 3 * 10**9  # above any file system's time granularity (FAT's is 2 s)
_HEADER_KEYS = {"stat", "digest", "pack", "count", "unique", "categories", "columns", "ids"}


def packs_cache_dir(data_dir: Path) -> Path:
    """Where a data folder keeps its compiled packs."""
    return data_dir / "cache" / "packs"


def load_pack_cached(path: str | os.PathLike[str], cache_dir: Path | None) -> Pack:
    """Load a pack, from its cache entry when that is sound and matches the pack file,
    else through the loader (PackError if the pack is bad)."""
    name = str(path)
    if cache_dir is None:
        return _load_fresh(name, read_pack_file(path))
    handle, info = _open_pack(path)
    try:
        where = os.fsencode(os.path.realpath(path))
        entry = cache_dir / f"{digest(where)[:16]}.entry"
        expected = {
            "cache": CACHE_FORMAT,
            "quiz": __version__,
            "loader": loader_fingerprint(),
            "file": digest(where),
        }
        pack = _open_entry(entry, expected, handle, info, name)
        if pack is None:
            read_at = time.time_ns()  # before the read: a change after it has a later ctime
            data = _read_pack(handle, name, info)
            pack = _load_fresh(name, data)
            if _stat_key(os.fstat(handle)) == _stat_key(info):  # not changed while read
                header = {**expected, "stat": _stat_key(info), "digest": digest(data)}
                _write_entry(entry, header, pack, read_at)
    finally:
        os.close(handle)
    _prune(cache_dir)
    return pack


def _load_fresh(path: str, data: bytes) -> Pack:
    from quiz.packs.loader import load_pack_bytes

    return load_pack_bytes(data, path)


def _open_pack(path: str | os.PathLike[str]) -> tuple[int, os.stat_result]:
    try:
        return open_bounded(path, MAX_BYTES)
    except FileRefused as error:
        raise PackError([Problem(str(path), 1, 1, error.reason)]) from None


def _read_pack(handle: int, name: str, info: os.stat_result) -> bytes:
    try:
        os.lseek(handle, 0, os.SEEK_SET)  # it may have been read once to check an entry
        return read_handle(handle, name, MAX_BYTES, info.st_size)
    except (FileRefused, OSError) as error:
        reason = error.reason if isinstance(error, FileRefused) else str(error)
        raise PackError([Problem(name, 1, 1, reason)]) from None


def _stat_key(info: os.stat_result) -> list[int]:
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev]


def _open_entry(entry: Path, expected: dict[str, object], pack_handle: int,
                info: os.stat_result, name: str) -> Pack | None:  # fmt: skip
    """The compiled pack in entry if the entry is sound and written for expected and
    for the pack file's bytes, else None."""
    try:
        handle, status = open_bounded(entry, ENTRY_LIMIT)
    except FileRefused:
        return None
    try:
        header, body = entries.read_header(handle, status.st_size)
        if header.keys() != {*expected, *_HEADER_KEYS}:
            return None
        if any(header[key] != value for key, value in expected.items()):
            return None
        same = _same_bytes(header, entry, status, pack_handle, info, name)
        if same is None:
            return None
        if same == "restamp":
            _restamp(entry, header, handle, body, status.st_size, info)
        count = header["count"]
        if type(count) is not int or not 0 <= count * entries.RECORD <= status.st_size - body:
            return None
        if type(header["unique"]) is not bool:
            return None
        questions = CompiledQuestions(
            handle, header, body, status.st_size, name, lambda: _reload(name, entry)
        )
        handle = -1  # the questions own it now, and close it when they go
        return pack_from_data(header["pack"], name, questions)
    except (Damaged, Malformed, OSError):
        return None
    finally:
        if handle >= 0:
            os.close(handle)


def _same_bytes(header: dict[str, object], entry: Path, status: os.stat_result,
                pack_handle: int, info: os.stat_result, name: str) -> str | None:  # fmt: skip
    """Whether the pack file holds the bytes the entry was compiled from: "status" when
    its status says so and is settled, "bytes" when the digest of its bytes does, and
    "restamp" when they do but its status changed (touched, or checked out again) and
    has settled, so the entry should learn the new status; None when it does not."""
    changed = max(info.st_mtime_ns, info.st_ctime_ns)
    same_status = header["stat"] == _stat_key(info)
    if same_status and changed < status.st_mtime_ns - _SETTLED_NS:
        return "status"
    read_at = time.time_ns()
    try:
        data = _read_pack(pack_handle, name, info)
    except PackError:
        return None
    if digest(data) != header["digest"]:
        return None
    if changed >= read_at - _SETTLED_NS:
        return "bytes"
    if not same_status:
        return "restamp"
    try:
        os.utime(entry, ns=(read_at, read_at))  # settled now: trusted by status next time
    except OSError:
        pass
    return "bytes"


def _restamp(entry: Path, header: dict[str, object], handle: int, body: int, size: int,
             info: os.stat_result) -> None:  # fmt: skip
    """Write the entry again with the pack file's new status. Its time needs no care: the
    file's times are settled before the bytes were read, so no later change can keep them."""
    from quiz.packs.writing import write_atomically

    try:
        rest = os.pread(handle, size - body, body)
        if len(rest) == size - body:
            head = entries.sealed_header({**header, "stat": _stat_key(info)})
            write_atomically(entry, head + rest, overwrite=True)
    except (OSError, ValueError):
        return


def _reload(name: str, entry: Path) -> tuple[Question, ...]:
    """The pack's questions through the loader, when its entry failed a check; the entry
    goes, to be rebuilt by the next start."""
    from quiz.packs.loader import load_pack

    try:
        entry.unlink()
    except OSError:
        pass
    return tuple(load_pack(name).questions)


def _write_entry(entry: Path, header: dict[str, object], pack: Pack, read_at: int) -> None:
    """Write the entry whole or not at all; a cache that cannot be written is not used.
    Its modification time is when the pack file was read (see _same_bytes)."""
    from quiz.packs.writing import write_atomically  # only a cold start writes an entry

    try:
        data = entries.encode(pack, header)
        entry.parent.mkdir(parents=True, exist_ok=True)
        if os.path.islink(entry) or (os.path.lexists(entry) and not entry.is_file()):
            entry.unlink()  # our own folder: a link or a FIFO in an entry's place goes
        write_atomically(entry, data, overwrite=True)
    except (OSError, ValueError):  # ValueError: text that UTF-8 cannot hold (a lone surrogate)
        return
    try:
        os.utime(entry, ns=(read_at, read_at))
    except OSError:
        try:
            entry.unlink()  # its time would say the pack was read later than it was
        except OSError:
            pass


def _prune(cache_dir: Path) -> None:
    """Remove what is not an entry named as this version names them: entries of older
    formats (JSON, or named by content, several per pack file), copies, and crashed writes."""
    try:
        names = os.listdir(cache_dir)
    except OSError:
        return
    for name in names:
        if _ENTRY_NAME.fullmatch(name):
            continue
        path = cache_dir / name
        try:
            if name.endswith((".json", ".entry")):  # older formats, or not named as ours
                path.unlink()
            elif name.startswith(".") and name.endswith(".tmp"):
                if time.time() - path.stat().st_mtime > _STALE_TEMPORARY:
                    path.unlink()
        except OSError:
            pass
