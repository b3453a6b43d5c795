"""The pack index: one file summing up every pack file found, so home need not parse them.

A record is kept per pack file, under its real path, with the size, mtime, ctime and inode
it had when it was read: a valid pack's summary, or an invalid one's first problems. A
file whose status differs is read again (an edit that keeps the size and puts the mtime
back still moves the ctime, which nothing can set); files no longer found drop out when it is saved.
The index is untrusted like any file: a damaged one (its digest does not match), one of
another format, quiz version or loader, or a record of the wrong shape is ignored and
rebuilt silently. A file that could not be read is never recorded, so fixing its
permissions is seen at once.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from quiz import __version__
from quiz.packs.files import FileRefused, read_bounded
from quiz.packs.fingerprint import loader_fingerprint
from quiz.packs.model import Difficulty
from quiz.packs.summary import PackSummary

try:
    from _blake2 import blake2b as _hash
except ImportError:  # a Python built without it: hashlib's OpenSSL has one
    from hashlib import sha256 as _hash

INDEX_FORMAT = 2
INDEX_NAME = "pack-index.json"
INDEX_LIMIT = 64 * 2**20
KEPT_PROBLEMS = 20  # an invalid pack's first problems; `quiz check` lists them all

Spot = tuple[int, int, str]  # a problem's line, column and message; its path is the file's
DIFFICULTIES = tuple(Difficulty)
_RECORD_KEYS = frozenset(
    {"size", "mtime_ns", "ctime_ns", "inode", "pack", "problems", "problem_count"}
)
_PACK_KEYS = frozenset({"id", "title", "description", "questions", "categories", "difficulties"})


@dataclass(frozen=True)
class Record:
    """What the index knows of one pack file, read when it had this status."""

    size: int
    mtime_ns: int
    summary: PackSummary | None
    problems: tuple[Spot, ...] = ()  # the first KEPT_PROBLEMS, when invalid
    problem_count: int = 0
    ctime_ns: int = 0
    inode: int = 0

    def matches(self, info: os.stat_result) -> bool:
        """True when the file's status now is the one it had when it was read."""
        now = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
        return (self.size, self.mtime_ns, self.ctime_ns, self.inode) == now


def index_file(data_dir: Path) -> Path:
    """Where the index of a data folder is kept."""
    return data_dir / "cache" / INDEX_NAME


class PackIndex:
    """The index file's records, looked up by pack file and renewed by what is read now."""

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self._header = {"format": INDEX_FORMAT, "quiz": __version__, "loader": loader_fingerprint()}
        self._known = read_records(file, self._header) if file is not None else {}
        self._seen: dict[str, Record] = {}
        self._stats: dict[str, os.stat_result] = {}
        self._changed = False

    def get(self, path: Path, real: Path) -> Record | None:
        """The record of the file at path (real: its real path) if it has not changed
        since; None if it must be read (or is not a regular file)."""
        key = str(real)
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        self._stats[key] = info  # taken before the file is read: a later change is seen
        record = self._known.get(key)
        if record is None or not record.matches(info):
            return None
        self._seen[key] = record
        return record

    def put(
        self, real: Path, summary: PackSummary | None, problems: tuple[Spot, ...] = ()
    ) -> Record | None:
        """Record what was read from a file `get` was asked about; the record, or None when
        `get` found no regular file there."""
        key = str(real)
        info = self._stats.get(key)
        if info is None:
            return None
        kept = problems[:KEPT_PROBLEMS]
        record = Record(
            info.st_size, info.st_mtime_ns, summary, kept, len(problems),
            ctime_ns=info.st_ctime_ns, inode=info.st_ino,
        )  # fmt: skip
        self._seen[key] = record
        self._changed = True
        return record

    def save(self) -> None:
        """Write the index if anything changed (whole or not at all; an index that cannot be
        written is simply not kept)."""
        if self.file is None or not (self._changed or self._seen.keys() != self._known.keys()):
            return
        write_records(self.file, self._header, self._seen)
        self._known = dict(self._seen)
        self._changed = False


def read_records(file: Path, header: dict[str, object]) -> dict[str, Record]:
    """The sound records of an index file written with this header; {} for anything else."""
    try:
        raw = read_bounded(file, INDEX_LIMIT)
    except FileRefused:
        return {}
    digest, _, body = raw.partition(b"\n")
    if digest != _hash(body).hexdigest().encode():
        return {}
    try:
        stored = json.loads(body, parse_constant=_refuse)
    except (ValueError, RecursionError):
        return {}
    if type(stored) is not dict or stored.keys() != {*header, "packs"}:
        return {}
    if any(stored[key] != value for key, value in header.items()):
        return {}
    packs = stored["packs"]
    if type(packs) is not dict:
        return {}
    records = {}
    for key, value in packs.items():
        record = _record(value)
        if record is not None:
            records[key] = record
    return records


def write_records(file: Path, header: dict[str, object], records: dict[str, Record]) -> None:
    """Write the index whole; a file that cannot be written is left as it was."""
    from quiz.packs.writing import write_atomically

    packs = {key: _stored(record) for key, record in records.items()}
    try:
        body = json.dumps({**header, "packs": packs}, ensure_ascii=False, separators=(",", ":"))
        body = body.encode("utf-8")
        file.parent.mkdir(parents=True, exist_ok=True)
        if os.path.islink(file) or (os.path.lexists(file) and not file.is_file()):
            file.unlink()  # our own folder: a link or a FIFO in the index's place goes
        write_atomically(file, _hash(body).hexdigest().encode() + b"\n" + body, overwrite=True)
    except (OSError, ValueError):  # ValueError: text UTF-8 cannot hold (a lone surrogate)
        return


def _stored(record: Record) -> dict[str, object]:
    summary = record.summary
    pack = None
    if summary is not None:
        pack = {
            "id": summary.id,
            "title": summary.title,
            "description": summary.description,
            "questions": summary.questions,
            "categories": [list(each) for each in summary.categories],
            "difficulties": [summary.in_difficulty(d) for d in DIFFICULTIES],
        }
    return {
        "size": record.size,
        "mtime_ns": record.mtime_ns,
        "ctime_ns": record.ctime_ns,
        "inode": record.inode,
        "pack": pack,
        "problems": [list(spot) for spot in record.problems],
        "problem_count": record.problem_count,
    }


def _record(value: object) -> Record | None:
    """The record stored as value, or None if it is not one this module writes."""
    if type(value) is not dict or value.keys() != _RECORD_KEYS:
        return None
    size, mtime, count = value["size"], value["mtime_ns"], value["problem_count"]
    status = {"ctime_ns": value["ctime_ns"], "inode": value["inode"]}
    problems = value["problems"]
    if not (_count(size) and type(mtime) is int and _count(count)):
        return None
    if not all(type(each) is int for each in status.values()):
        return None
    if type(problems) is not list or not all(_spot(each) for each in problems):
        return None
    spots = tuple((line, column, message) for line, column, message in problems)
    if value["pack"] is None:
        if not spots or count < len(spots) or len(spots) > KEPT_PROBLEMS:
            return None
        return Record(size, mtime, None, spots, count, **status)
    summary = _summary(value["pack"])
    if summary is None or spots or count:
        return None
    return Record(size, mtime, summary, **status)


def _summary(value: object) -> PackSummary | None:
    if type(value) is not dict or value.keys() != _PACK_KEYS:
        return None
    pack_id, title, description = value["id"], value["title"], value["description"]
    questions, categories, difficulties = (
        value["questions"],
        value["categories"],
        value["difficulties"],
    )
    if type(pack_id) is not str or type(title) is not str or not _count(questions):
        return None
    if description is not None and type(description) is not str:
        return None
    if type(categories) is not list or not all(_category(each) for each in categories):
        return None
    if type(difficulties) is not list or len(difficulties) != len(DIFFICULTIES):
        return None
    if not all(_count(each) for each in difficulties) or sum(difficulties) != questions:
        return None
    return PackSummary(
        pack_id,
        title,
        description,
        questions,
        tuple((name, count) for name, count in categories),
        tuple(zip(DIFFICULTIES, difficulties, strict=True)),
    )


def _count(value: object) -> bool:
    return type(value) is int and value >= 0


def _spot(value: object) -> bool:
    return (
        type(value) is list
        and len(value) == 3
        and _count(value[0])
        and _count(value[1])
        and type(value[2]) is str
    )


def _category(value: object) -> bool:
    return type(value) is list and len(value) == 2 and type(value[0]) is str and _count(value[1])


def _refuse(constant: str) -> float:
    raise ValueError(f"{constant} is not a number JSON allows")
