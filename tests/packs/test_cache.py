"""The pack cache: a warm load skips the parser; any change, or a bad pack, goes through it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import quiz.packs.cache as cache
from quiz.packs.cache import load_pack_cached
from quiz.packs.loader import load_pack
from quiz.packs.packjson import pack_from_data, pack_to_data
from quiz.packs.problems import PackError

FIXTURES = Path(__file__).parent.parent / "fixtures"
REPO = Path(__file__).parent.parent.parent


@pytest.fixture
def pack_file(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_bytes((FIXTURES / "good" / "mini.yaml").read_bytes())
    return path


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    fresh = cache._load_fresh

    def counting(path: str, data: bytes):
        parsed.append(path)
        return fresh(path, data)

    monkeypatch.setattr(cache, "_load_fresh", counting)
    return parsed


def test_round_trip_through_json_keeps_every_field() -> None:
    for path in [FIXTURES / "good" / "mini.yaml", REPO / "questions" / "severance-s2.yaml"]:
        pack = load_pack(path)
        assert pack_from_data(json.loads(json.dumps(pack_to_data(pack))), str(path)) == pack


def test_a_warm_load_does_not_parse(
    pack_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = count_parses(monkeypatch)
    first = load_pack_cached(pack_file, tmp_path / "cache")
    second = load_pack_cached(pack_file, tmp_path / "cache")
    assert parsed == [str(pack_file)]
    assert first == second == load_pack(pack_file) and second.path == str(pack_file)


def test_a_changed_pack_is_validated_again(
    pack_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = count_parses(monkeypatch)
    load_pack_cached(pack_file, tmp_path / "cache")
    pack_file.write_text(pack_file.read_text().replace("Mini pack", "Renamed pack"))
    assert load_pack_cached(pack_file, tmp_path / "cache").title == "Renamed pack"
    pack_file.write_text(pack_file.read_text().replace("format: 1", "format: 2"))
    with pytest.raises(PackError):
        load_pack_cached(pack_file, tmp_path / "cache")
    assert len(parsed) == 3


def test_a_bad_pack_is_never_cached(tmp_path: Path) -> None:
    with pytest.raises(PackError):
        load_pack_cached(FIXTURES / "bad" / "unknown-key.yaml", tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_a_damaged_entry_is_replaced(
    pack_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_pack_cached(pack_file, tmp_path / "cache")
    [entry] = (tmp_path / "cache").iterdir()
    entry.write_text('{"questions": [{"oops": 1}]')
    parsed = count_parses(monkeypatch)
    for _ in range(2):  # replaced once, then used
        assert load_pack_cached(pack_file, tmp_path / "cache") == load_pack(pack_file)
    assert parsed == [str(pack_file)]


def test_an_unwritable_cache_still_loads(pack_file: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert load_pack_cached(pack_file, blocked / "cache") == load_pack(pack_file)


def test_a_warm_load_never_imports_yaml_or_hashlib(pack_file: Path, tmp_path: Path) -> None:
    load_pack_cached(pack_file, tmp_path / "cache")
    code = (
        "import sys; from pathlib import Path; from quiz.packs.cache import load_pack_cached; "
        f"pack = load_pack_cached({str(pack_file)!r}, Path({str(tmp_path / 'cache')!r})); "
        "print(pack.id, *(m in sys.modules for m in ['yaml', 'hashlib', '_hashlib']))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    # hashlib would load OpenSSL at start-up; the digests come from its BLAKE2 module
    assert done.stdout.split() == ["mini", "False", "False", "False"], done.stderr
