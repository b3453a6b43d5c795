"""Every format `quiz import` reads, turned into a pack the same way (see quiz.packs.drafts)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from quiz.packs.drafts import Converted, Reading, build_pack

KINDS = ("opentdb", "gift", "moodle-xml", "csv")


def _header(kind: str) -> str:
    return (
        f"# Imported by `quiz import {kind}`.\n"
        "# Importing the same file again (with --force) writes this same file.\n"
    )


def _reader(kind: str) -> Callable[[bytes, str], Reading]:
    if kind == "gift":
        from quiz.packs.gift import read_gift

        return read_gift
    if kind == "moodle-xml":
        from quiz.packs.moodlexml import read_moodle_xml

        return read_moodle_xml
    from quiz.packs.tabular import read_table

    return read_table


def convert(kind: str, data: bytes, name: str, pack_id: str, title: str | None) -> Converted:
    """The pack of a GIFT, Moodle XML or CSV/TSV file (not opentdb, which has its own
    importer); raises ImportFailed with one line per problem when nothing can be kept."""
    reading = _reader(kind)(data, name)
    return build_pack(reading, name, pack_id, title or default_title(name), _header(kind))


def default_title(name: str) -> str:
    """A title from the imported file's name: "film-quiz.gift" is "film quiz"."""
    stem = PurePath(name).stem.replace("_", " ").replace("-", " ").strip()
    text = " ".join(stem.split())
    if not text or any("\ud800" <= char <= "\udfff" for char in text):
        return "Imported questions"
    return text
