"""A cache of loaded packs, one entry per pack file, so start-up need not parse YAML again.

The cache is untrusted like any file. An entry is used only when all of this holds:
- its own digest matches its bytes, so an edited entry (an answer changed by hand, or
  a torn write) is rebuilt;
- it was written by this quiz version and these loader modules, for this pack file,
  from bytes whose digest is the digest of the pack file's bytes now;
- every field of every dataclass in it has the model's type (quiz.packs.packjson).
Anything else is rebuilt from the pack file, silently. Only valid packs are cached; a
bad pack always goes through the loader and reports its problems. `quiz check` never
uses the cache.

An entry is named after the pack file's real path, so a pack has at most one entry
however often it changes; a write replaces it whole (a temporary file, then rename).
Digests are BLAKE2b, taken from the module hashlib itself takes it from: importing
hashlib would load OpenSSL at every start-up.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from quiz import __version__
from quiz.packs.files import MAX_BYTES, FileRefused, read_bounded, read_pack_file
from quiz.packs.model import Pack
from quiz.packs.packjson import pack_from_data, pack_to_data

try:
    from _blake2 import blake2b as _hash
except ImportError:  # a Python built without it: hashlib's OpenSSL has one
    from hashlib import sha256 as _hash

CACHE_FORMAT = 2
ENTRY_LIMIT = 4 * MAX_BYTES  # JSON names every field, so an entry outgrows its pack
_PREFIX = b'{"check": "'  # then the digest of everything after its closing '", '
_ENTRY_NAME = re.compile(r"[0-9a-f]{16}\.json")
_STALE_TEMPORARY = 24 * 3600  # a write in progress is younger; an older one crashed


def load_pack_cached(path: str | os.PathLike[str], cache_dir: Path | None) -> Pack:
    """Load a pack, from its cache entry when that is sound and matches the pack file's
    bytes, else through the loader (PackError if the pack is bad)."""
    name = str(path)
    data = read_pack_file(path)  # the loader's own rule: a FIFO or a device is never read
    if cache_dir is None:
        return _load_fresh(name, data)
    where = os.fsencode(os.path.realpath(path))
    entry = cache_dir / f"{_digest(where)[:16]}.json"
    header = {
        "cache": CACHE_FORMAT,
        "quiz": __version__,
        "loader": _loader_fingerprint(),
        "file": _digest(where),
        "pack": _digest(data),
    }
    pack = _read_entry(entry, header, name)
    if pack is None:
        pack = _load_fresh(name, data)
        _write_entry(entry, header, pack)
    _prune(cache_dir)
    return pack


def _load_fresh(path: str, data: bytes) -> Pack:
    from quiz.packs.loader import load_pack_bytes

    return load_pack_bytes(data, path)


def _digest(data: bytes | memoryview) -> str:
    return _hash(data).hexdigest()


def _loader_fingerprint() -> str:
    """The names, sizes and times of the modules that decide what a valid pack is, so a
    loader changed in a checkout, where the version stays the same, is not fooled."""
    parts = []
    for module in sorted(Path(__file__).parent.glob("*.py")):
        stat = module.stat()
        parts.append(f"{module.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def _read_entry(entry: Path, header: dict[str, object], name: str) -> Pack | None:
    """The pack in entry if the entry is sound and written for header, else None."""
    try:
        raw = read_bounded(entry, ENTRY_LIMIT)
    except FileRefused:
        return None
    end = raw.find(b'", ', len(_PREFIX))
    if not raw.startswith(_PREFIX) or end < 0:
        return None
    if raw[len(_PREFIX) : end] != _digest(memoryview(raw)[end + 3 :]).encode():
        return None
    try:
        stored = json.loads(raw, parse_constant=_refuse)
    except (ValueError, RecursionError):
        return None
    if type(stored) is not dict or stored.keys() != {"check", *header, "entry"}:
        return None
    if any(stored[key] != value for key, value in header.items()):
        return None
    try:
        return pack_from_data(stored["entry"], name)
    except ValueError:
        return None


def _refuse(constant: str) -> float:
    raise ValueError(f"{constant} is not a number the loader accepts")


def _write_entry(entry: Path, header: dict[str, object], pack: Pack) -> None:
    """Write the entry whole or not at all; a cache that cannot be written is not used."""
    from quiz.packs.writing import write_atomically  # only a cold start writes an entry

    try:
        text = json.dumps({**header, "entry": pack_to_data(pack)}, ensure_ascii=False)
        rest = text[1:].encode("utf-8")  # after the "{" that _PREFIX opens
        entry.parent.mkdir(parents=True, exist_ok=True)
        if os.path.islink(entry) or (os.path.lexists(entry) and not entry.is_file()):
            entry.unlink()  # our own folder: a link or a FIFO in an entry's place goes
        write_atomically(entry, _PREFIX + _digest(rest).encode() + b'", ' + rest, overwrite=True)
    except (OSError, ValueError):  # ValueError: text that UTF-8 cannot hold (a lone surrogate)
        return


def _prune(cache_dir: Path) -> None:
    """Remove what is not an entry named as this version names them: entries of older
    formats (named by content, several per pack file), copies, and crashed writes."""
    import time

    try:
        names = os.listdir(cache_dir)
    except OSError:
        return
    for name in names:
        if _ENTRY_NAME.fullmatch(name):
            continue
        path = cache_dir / name
        try:
            if name.endswith(".json"):
                path.unlink()
            elif name.startswith(".") and name.endswith(".tmp"):
                if time.time() - path.stat().st_mtime > _STALE_TEMPORARY:
                    path.unlink()
        except OSError:
            pass
