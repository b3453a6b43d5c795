"""A cache of loaded packs, keyed by their bytes, so start-up need not parse YAML again.

Like Python's .pyc files: the key is a checksum of the pack file's bytes and of the
loader's own source files, so a changed pack, or a changed loader, is validated afresh.
Only valid packs are cached; a bad pack always goes through the loader and reports its
problems. `quiz check` never uses the cache.

The checksum is CRC-32 and Adler-32 with the length: zlib is loaded already, while
hashlib would add its import (and OpenSSL's) to start-up. This is a cache, not a
security boundary; an edit that keeps all three the same is vanishingly unlikely.
"""

from __future__ import annotations

import json
import os
import zlib
from dataclasses import fields
from pathlib import Path
from typing import Any

from quiz.packs.files import MAX_BYTES, FileRefused, read_bounded, read_pack_file
from quiz.packs.model import Difficulty, Excerpt, Pack, Question, QuestionType, Source

CACHE_FORMAT = 1


def load_pack_cached(path: str | os.PathLike[str], cache_dir: Path | None) -> Pack:
    """Load a pack, from the cache when its bytes were validated before (PackError if bad)."""
    name = str(path)
    data = read_pack_file(path)  # the loader's own rule: a FIFO or device is never read
    if cache_dir is None:
        return _load_fresh(name, data)
    entry = cache_dir / f"{_key(data)}.json"
    try:
        return pack_from_json(read_bounded(entry, 4 * MAX_BYTES).decode("utf-8"), name)
    except (FileRefused, ValueError, KeyError, TypeError):
        pass  # no entry yet, or one we cannot read: validate afresh
    pack = _load_fresh(name, data)
    _write(entry, pack_to_json(pack))
    return pack


def _load_fresh(path: str, data: bytes) -> Pack:
    from quiz.packs.loader import load_pack_bytes

    return load_pack_bytes(data, path)


def _key(data: bytes) -> str:
    salt = f"{CACHE_FORMAT}\0{_loader_fingerprint()}\0".encode()
    crc, adler = zlib.crc32(data, zlib.crc32(salt)), zlib.adler32(data, zlib.adler32(salt))
    return f"{crc:08x}{adler:08x}-{len(data)}"


def _loader_fingerprint() -> str:
    """Names, sizes and times of the modules that decide what a valid pack is."""
    from quiz import __version__

    parts = [__version__]
    for module in sorted(Path(__file__).parent.glob("*.py")):
        stat = module.stat()
        parts.append(f"{module.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def _write(entry: Path, text: str) -> None:
    """Write the entry atomically; a cache that cannot be written is simply not used."""
    import tempfile

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, entry)
    except OSError:
        pass


def _plain(obj: object) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj) if f.init}  # type: ignore[arg-type]


def pack_to_json(pack: Pack) -> str:
    """The pack as JSON text (path left out: it is the file being loaded)."""
    data = _plain(pack)
    data["path"] = None
    data["sources"] = [_plain(source) for source in pack.sources]
    data["questions"] = [
        {**_plain(q), "source": _plain(q.source) if q.source else None} for q in pack.questions
    ]
    return json.dumps(data, ensure_ascii=False)


def pack_from_json(text: str, path: str) -> Pack:
    """Rebuild a pack from pack_to_json's text; ValueError/KeyError/TypeError if malformed."""
    data = json.loads(text)
    questions = tuple(
        Question(**{
            **q,
            "type": QuestionType(q["type"]),
            "difficulty": Difficulty(q["difficulty"]),
            "distractors": tuple(q["distractors"]),
            "accept": tuple(q["accept"]),
            "source": Excerpt(**q["source"]) if q["source"] else None,
        })
        for q in data.pop("questions")
    )  # fmt: skip
    sources = tuple(Source(**source) for source in data.pop("sources"))
    return Pack(**{**data, "questions": questions, "sources": sources, "path": path})
