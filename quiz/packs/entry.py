"""A compiled pack entry: one file from which each question is read and checked when asked for.

Layout: a first line `quiz-pack-entry DIGEST LENGTH`, then LENGTH bytes of JSON (the
header: what the entry was written for, the pack without its questions, their count and
category counts, and where each section is); then the body. The body holds one record
per question (fixed width: offset, length and digest of its JSON), the columns (category
and difficulty of each question) and the ids, each section with its digest in the header,
then each question's JSON. Every digest is checked before its bytes are used, and every
question is type-checked as it is built (quiz.packs.packjson).
"""

from __future__ import annotations

import json
import os
from typing import Any

from quiz.packs.model import Difficulty, Pack
from quiz.packs.packjson import pack_to_data, question_to_data

try:
    from _blake2 import blake2b as _hash
except ImportError:  # a Python built without it: hashlib's OpenSSL has one
    from hashlib import sha256 as _hash

MAGIC = b"quiz-pack-entry"
RECORD = 12 + 8 + 32 + 1  # hex offset, hex length, hex digest, newline
LEVELS = "".join(level.value[0] for level in Difficulty)  # one letter per difficulty


class Damaged(ValueError):
    """An entry, or a part of one, is not as this module writes it."""


def digest(data: bytes | memoryview) -> str:
    return _hash(data).hexdigest()


def part_digest(data: bytes | memoryview) -> str:
    return digest(data)[:32]


def encode(pack: Pack, header: dict[str, Any]) -> bytes:
    """The whole entry for a valid pack, its header starting with header's fields."""
    questions = pack.questions
    blobs = [_dumps(question_to_data(q)) for q in questions]
    table = sorted({q.category for q in questions if q.category})
    codes = {category: number for number, category in enumerate(table, 1)}
    columns = _dumps(
        {
            "table": table,
            "codes": [codes.get(q.category or "", 0) for q in questions],
            "levels": "".join(q.difficulty.value[0] for q in questions),
        }
    )
    ids = _dumps([q.id for q in questions])
    records_size = RECORD * len(blobs)
    start = records_size + len(columns) + len(ids)
    records = []
    for blob in blobs:
        records.append(f"{start:012x}{len(blob):08x}{part_digest(blob)}\n".encode())
        start += len(blob)
    facts = pack.facts
    head = sealed_header(
        {
            **header,
            "pack": pack_to_data(pack, questions=False),
            "count": len(questions),
            "unique": facts.unique_ids,
            "categories": facts.category_counts(),
            "columns": _section(records_size, columns),
            "ids": _section(records_size + len(columns), ids),
        }
    )
    return b"".join([head, *records, columns, ids, *blobs])


def sealed_header(header: dict[str, Any]) -> bytes:
    """The first line and the header, sealed by its digest: what precedes the body."""
    head = _dumps(header)
    return b"%s %s %d\n" % (MAGIC, digest(head).encode(), len(head)) + head


def _section(offset: int, data: bytes) -> list[object]:
    return [offset, len(data), part_digest(data)]


def _dumps(data: object) -> bytes:
    return _ENCODER.encode(data).encode("utf-8")


_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)


def read_header(handle: int, size: int) -> tuple[dict[str, Any], int]:
    """The entry's header, checked against its digest, and where its body starts."""
    first = os.pread(handle, 200, 0)
    end = first.find(b"\n")
    parts = first[:end].split(b" ") if end > 0 else []
    if len(parts) != 3 or parts[0] != MAGIC or not parts[2].isdigit():
        raise Damaged("not an entry")
    length = int(parts[2])
    if end + 1 + length > size:
        raise Damaged("a header longer than its entry")
    head = os.pread(handle, length, end + 1)
    if len(head) != length or digest(head).encode() != parts[1]:
        raise Damaged("a header that does not match its digest")
    header = loads(head)
    if type(header) is not dict:
        raise Damaged("a header that is not a mapping")
    return header, end + 1 + length


def read_part(handle: int, body: int, size: int, where: object) -> bytes:
    """A section's bytes, given [offset, length, digest] from the header."""
    if type(where) is not list or len(where) != 3 or type(where[2]) is not str:
        raise Damaged("a section that is not [offset, length, digest]")
    offset, length, expected = where
    return read_checked(handle, body, size, offset, length, expected)


def read_checked(
    handle: int, body: int, size: int, offset: object, length: object, expected: str
) -> bytes:
    if type(offset) is not int or type(length) is not int or offset < 0 or length < 0:
        raise Damaged("a section out of place")
    if body + offset + length > size:
        raise Damaged("a section past the end of its entry")
    data = os.pread(handle, length, body + offset)
    if len(data) != length or part_digest(data) != expected:
        raise Damaged("a section that does not match its digest")
    return data


def read_record(handle: int, body: int, size: int, count: int, index: int) -> bytes:
    """The JSON of question index, checked against the digest in its record."""
    if RECORD * count > size - body:
        raise Damaged("more records than the entry holds")
    record = os.pread(handle, RECORD, body + RECORD * index).decode("ascii", "replace")
    try:
        offset, length = int(record[:12], 16), int(record[12:20], 16)
    except ValueError:
        raise Damaged("a record that is not hex") from None
    if len(record) != RECORD or record[-1] != "\n":
        raise Damaged("a record cut short")
    return read_checked(handle, body, size, offset, length, record[20:52])


def loads(data: bytes) -> object:
    try:
        return json.loads(data, parse_constant=_refuse)
    except (ValueError, RecursionError):
        raise Damaged("not JSON as the cache writes it") from None


def _refuse(constant: str) -> float:
    raise ValueError(f"{constant} is not a number the loader accepts")


def strings(value: object, count: int) -> list[str]:
    """value if it is a list of count str, else Damaged."""
    if type(value) is list and len(value) == count and all(type(v) is str for v in value):
        return value
    raise Damaged("not a list of text")


def category_column(columns: object, count: int) -> list[str | None]:
    """Each question's category, from the columns section."""
    if type(columns) is not dict or columns.keys() != {"table", "codes", "levels"}:
        raise Damaged("not the columns section")
    names = columns["table"]
    if type(names) is not list or not all(type(name) is str for name in names):
        raise Damaged("not a table of categories")
    table: list[str | None] = [None, *names]
    codes = columns["codes"]
    if type(codes) is not list or len(codes) != count:
        raise Damaged("not a category per question")
    if not all(type(c) is int and 0 <= c < len(table) for c in codes):
        raise Damaged("a category out of the table")
    return [table[c] for c in codes]


def level_column(columns: object, count: int) -> list[Difficulty]:
    """Each question's difficulty, from the columns section."""
    if type(columns) is not dict or type(columns.get("levels")) is not str:
        raise Damaged("not the columns section")
    levels = columns["levels"]
    if len(levels) != count or levels.strip(LEVELS):
        raise Damaged("not a difficulty per question")
    members = dict(zip(LEVELS, Difficulty, strict=True))
    return [members[letter] for letter in levels]


def counts(value: object) -> dict[str, int]:
    if type(value) is dict and all(type(n) is int and n > 0 for n in value.values()):
        return value
    raise Damaged("not counts of categories")
