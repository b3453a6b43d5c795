"""Turning Open Trivia DB entries into pack YAML: stable ids, skipped duplicates, a license."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.packs.answers import answer_key, clashes, normalise
from quiz.packs.loader import load_pack_bytes
from quiz.packs.opentdb import Entry, OpenTDBError, read_entries
from quiz.packs.problems import PackError
from quiz.packs.slugs import text_id, unique_id
from quiz.packs.yamlout import quote, quote_list

LICENSE = (
    "Questions from the Open Trivia Database (https://opentdb.com), licensed CC BY-SA 4.0 "
    "(https://creativecommons.org/licenses/by-sa/4.0/)"
)
HEADER = (
    "# Imported from a saved Open Trivia DB response by `quiz import opentdb`.\n"
    "# Importing the same response again (with --force) writes this same file.\n"
)


@dataclass(frozen=True)
class Converted:
    """The pack text, how many questions it holds, and a note per skipped entry."""

    text: str
    count: int
    notes: tuple[str, ...]


def import_opentdb(data: bytes, name: str, pack_id: str, title: str | None = None) -> Converted:
    """The pack YAML for a saved response; raises OpenTDBError naming each bad entry.

    Entries the game could not play fairly (two options the game takes for the same
    answer, an option with nothing a player could type) and repeats of an earlier
    question are skipped with a note rather than failing the whole import. "The same" is
    decided by quiz.packs.answers.answer_key, as the loader and the judge decide it.
    """
    entries, notes = playable(read_entries(data, name), name)
    if not entries:
        raise OpenTDBError(notes + [f"{name}: no question could be imported"])
    text = render(entries, pack_id, title or default_title(entries))
    try:
        load_pack_bytes(text.encode("utf-8"), pack_id)
    except PackError as error:  # a bug here, not in the input; say so rather than write it
        raise OpenTDBError([f"the imported pack would not load: {error.first}"]) from None
    return Converted(text, len(entries), tuple(notes))


def playable(entries: list[Entry], name: str) -> tuple[list[Entry], list[str]]:
    """The entries worth keeping, and a note for each one left out."""
    kept: list[Entry] = []
    notes: list[str] = []
    seen: dict[tuple[str, str, str], Entry] = {}
    for entry in entries:
        reason = _unfair(entry)
        key = (entry.type, normalise(entry.prompt), answer_key(str(entry.answer)))
        if reason is None and key in seen:
            reason = f"the same question and answer as entry {seen[key].number}"
        if reason is not None:
            notes.append(f"{entry.label(name)}: skipped: {reason}")
            continue
        seen[key] = entry
        kept.append(entry)
    return kept, notes


def _unfair(entry: Entry) -> str | None:
    """Why the game could not play the entry fairly, or None: the loader's option rules."""
    if not isinstance(entry.answer, str):
        return None
    options = (entry.answer, *entry.distractors)
    for number, first in clashes(options):
        option = options[number]
        if first is None:
            what = "the answer" if number == 0 else "the incorrect answer"
            return f"{what} {quote(option)} has nothing a player could type"
        twice = "is also an incorrect answer" if first == 0 else "is listed twice"
        alike = (
            "" if option == options[first] else f" ({quote(option)} is the same answer to the game)"
        )
        what = "the answer" if first == 0 else "the incorrect answer"
        return f"{what} {quote(options[first])} {twice}{alike}"
    return None


def default_title(entries: list[Entry]) -> str:
    """'Open Trivia DB: <category>' when all share one, else a general title."""
    categories = {entry.category for entry in entries}
    if len(categories) == 1 and None not in categories:
        return f"Open Trivia DB: {categories.pop()}"
    return "Open Trivia DB questions"


def render(entries: list[Entry], pack_id: str, title: str) -> str:
    """The pack file's text: every text double-quoted, keys in the documented order."""
    count = len(entries)
    description = f"{count} question{'s' if count != 1 else ''} from the Open Trivia Database."
    lines = [
        HEADER.rstrip("\n"),
        "format: 1",
        f"id: {quote(pack_id)}",
        f"title: {quote(title)}",
        f"description: {quote(description)}",
        f"license: {quote(LICENSE)}",
        "questions:",
    ]
    taken: set[str] = set()
    for entry in entries:
        lines.append(f"  - id: {quote(unique_id(text_id(entry.prompt), taken))}")
        lines.append(f"    type: {entry.type}")
        lines.append(f"    prompt: {quote(entry.prompt)}")
        if isinstance(entry.answer, bool):
            lines.append(f"    answer: {'true' if entry.answer else 'false'}")
        else:
            lines.append(f"    answer: {quote(entry.answer)}")
            lines.append(f"    distractors: {quote_list(entry.distractors)}")
        if entry.category:
            lines.append(f"    category: {quote(entry.category)}")
        if entry.difficulty:
            lines.append(f"    difficulty: {entry.difficulty}")
    return "\n".join(lines) + "\n"
