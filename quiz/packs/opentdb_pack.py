"""Turning Open Trivia DB entries into pack YAML: stable ids, skipped duplicates, a license."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from quiz.packs.answers import answer_key, clashes, normalise
from quiz.packs.files import MAX_BYTES
from quiz.packs.loader import load_pack_bytes
from quiz.packs.opentdb import Entry, OpenTDBError, read_entries
from quiz.packs.problems import PackError, Problem
from quiz.packs.slugs import text_id, unique_id
from quiz.packs.yamlout import quote, quote_list

LICENSE = (
    "Questions from the Open Trivia Database (https://opentdb.com), licensed CC BY-SA 4.0 "
    "(https://creativecommons.org/licenses/by-sa/4.0/)"
)
# Every question cites the database, so the game's attribution line names it and its license.
SOURCE_ID = "opentdb"
SOURCE_TITLE = "Open Trivia Database (CC BY-SA 4.0)"
SOURCE_URL = "https://opentdb.com/"
CHUNK = 256 * 1024  # characters of questions rendered, then written, at a time
TOO_BIG = "the pack is over the 16 MiB limit; split it"  # as the loader says it
HEADER = (
    "# Imported from a saved Open Trivia DB response by `quiz import opentdb`.\n"
    "# Importing the same response again (with --force) writes this same file.\n"
)


@dataclass(frozen=True)
class Converted:
    """The pack to write: its entries, id and title, and a note per skipped entry.

    chunks() renders the file a piece at a time, for writing as it is made; text is
    the whole of it at once.
    """

    entries: tuple[Entry, ...]
    pack_id: str
    title: str
    notes: tuple[str, ...]

    @property
    def count(self) -> int:
        """How many questions the pack holds."""
        return len(self.entries)

    def chunks(self) -> Iterator[bytes]:
        """The pack file as UTF-8, in pieces of about CHUNK bytes.

        Raises OpenTDBError, before the piece that would pass it, if the file would be
        larger than the loader takes (MAX_BYTES), as escapes can make it.
        """
        size = 0
        for piece in _pieces(self.entries, self.pack_id, self.title):
            data = piece.encode("utf-8")
            size += len(data)
            if size > MAX_BYTES:
                raise _refused(PackError([Problem(self.pack_id, 1, 1, TOO_BIG)]))
            yield data

    @property
    def text(self) -> str:
        """The whole pack file."""
        return b"".join(self.chunks()).decode("utf-8")


def import_opentdb(data: bytes, name: str, pack_id: str, title: str | None = None) -> Converted:
    """The pack for a saved response; raises OpenTDBError naming each bad entry.

    Entries the game could not play fairly (two options the game takes for the same
    answer, an option with nothing a player could type) and repeats of an earlier
    question are skipped with a note rather than failing the whole import. "The same" is
    decided by quiz.packs.answers.answer_key, as the loader and the judge decide it.

    What is written always loads (tests/packs/test_opentdb_output.py holds it to that):
    each question is made of checked parts, and the header, which holds the id and
    title given, is loaded here with the first question before anything is written.
    """
    entries, notes = playable(read_entries(data, name), name)
    if not entries:
        raise OpenTDBError(notes + [f"{name}: no question could be imported"])
    converted = Converted(tuple(entries), pack_id, title or default_title(entries), tuple(notes))
    first = "".join(_pieces(converted.entries[:1], pack_id, converted.title))
    try:
        load_pack_bytes(first.encode("utf-8"), pack_id)
    except PackError as error:  # a bug here, or an id or title no pack may have
        raise _refused(error) from None
    return converted


def _refused(error: PackError) -> OpenTDBError:
    return OpenTDBError([f"the imported pack would not load: {error.first}"])


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


def _pieces(entries: Sequence[Entry], pack_id: str, title: str) -> Iterator[str]:
    """The pack file's text in pieces: every text double-quoted, keys in the documented
    order, about CHUNK characters of questions to a piece."""
    count = len(entries)
    description = f"{count} question{'s' if count != 1 else ''} from the Open Trivia Database."
    yield (
        f"{HEADER}format: 1\nid: {quote(pack_id)}\ntitle: {quote(title)}\n"
        f"description: {quote(description)}\nlicense: {quote(LICENSE)}\n"
        f"sources:\n  - id: {SOURCE_ID}\n    title: {quote(SOURCE_TITLE)}\n"
        f"    url: {quote(SOURCE_URL)}\n"
        "questions:\n"
    )
    taken: set[str] = set()
    lines: list[str] = []
    size = 0
    for entry in entries:
        lines.append(_question(entry, unique_id(text_id(entry.prompt), taken)))
        size += len(lines[-1])
        if size >= CHUNK:
            yield "".join(lines)
            lines.clear()
            size = 0
    if lines:
        yield "".join(lines)


def _question(entry: Entry, question_id: str) -> str:
    text = (
        f"  - id: {quote(question_id)}\n    type: {entry.type}\n    prompt: {quote(entry.prompt)}\n"
    )
    if isinstance(entry.answer, bool):
        text += f"    answer: {'true' if entry.answer else 'false'}\n"
    else:
        text += (
            f"    answer: {quote(entry.answer)}\n    distractors: {quote_list(entry.distractors)}\n"
        )
    if entry.category:
        text += f"    category: {quote(entry.category)}\n"
    if entry.difficulty:
        text += f"    difficulty: {entry.difficulty}\n"
    return text + _citation(entry)


def _citation(entry: Entry) -> str:
    """The question's source: the database, quoting its entry's question and right answer."""
    answer = entry.answer if isinstance(entry.answer, str) else str(entry.answer)
    return (
        f"    source:\n      ref: {SOURCE_ID}\n"
        f"      excerpt: {quote(f'{entry.prompt} Answer: {answer}')}\n"
        f"      highlight: {quote(answer)}\n"
    )
