"""Questions read from another format (GIFT, Moodle XML, CSV), written as a pack the loader takes.

A reader turns its file into Drafts, each with the line and column it came from, and a
note for each question it had to leave out. `build_pack` then leaves out what the game
could not play fairly, renders pack YAML, and loads it with the pack loader: a question
the loader refuses is left out with the loader's reason, so what is written always loads.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from quiz.packs.answers import answer_key, clashes, normalise
from quiz.packs.files import MAX_BYTES
from quiz.packs.loader import load_pack_bytes
from quiz.packs.problems import PackError
from quiz.packs.slugs import slugify, text_id, unique_id
from quiz.packs.yamlout import quote, quote_list

CHUNK = 256 * 1024


class ImportFailed(Exception):
    """Nothing can be imported; `messages` lists every reason, one line each."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__("\n".join(messages))


@dataclass(frozen=True)
class Cited:
    """Where a question's answer is shown: a source's title and address, and the quote."""

    title: str
    excerpt: str
    url: str | None = None


@dataclass(frozen=True)
class Draft:
    """One question as read, before it is a pack's: number answers and tolerances as written."""

    line: int
    column: int
    type: str  # choice | true-false | text | number
    prompt: str
    answer: str | bool
    distractors: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    tolerance: str | None = None
    unit: str | None = None
    category: str | None = None
    difficulty: str | None = None
    explanation: str | None = None
    name: str | None = None  # the title the format gave it, made the question's id
    cited: Cited | None = None


@dataclass
class Reading:
    """What a reader found: the drafts, and one `file:line:col: skipped: why` per question left out."""

    drafts: list[Draft] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def skip(self, name: str, line: int, column: int, why: str) -> None:
        self.notes.append(f"{name}:{line}:{column}: skipped: {why}")


@dataclass(frozen=True)
class Converted:
    """The pack to write, how many questions it holds, and the notes of those left out."""

    text: str
    count: int
    notes: tuple[str, ...]

    def chunks(self) -> Iterator[bytes]:
        """The pack file as UTF-8, a piece at a time, for quiz.packs.writing.write_streamed."""
        data = self.text.encode("utf-8")
        for start in range(0, len(data), CHUNK):
            yield data[start : start + CHUNK]


def build_pack(
    reading: Reading, name: str, pack_id: str, title: str, header: str, license: str | None = None
) -> Converted:
    """The pack of READING's drafts; ImportFailed (with every note) if none can be kept."""
    notes = list(reading.notes)
    kept = _fair(reading.drafts, name, notes)
    for _ in range(3):  # each round leaves out the questions the loader refused
        if not kept:
            break
        text, starts = _render(kept, pack_id, title, header, license)
        if len(text.encode("utf-8")) > MAX_BYTES:
            raise ImportFailed([f"{name}: the pack would be over the 16 MiB limit; split the file"])
        try:
            load_pack_bytes(text.encode("utf-8"), name)
        except PackError as error:
            refused = _refused(error, starts, kept, name, notes)
            if refused is None:
                raise ImportFailed([f"the imported pack would not load: {error.first}"]) from None
            kept = [draft for number, draft in enumerate(kept) if number not in refused]
            continue
        notes.sort(key=_place)
        return Converted(text, len(kept), tuple(notes))
    raise ImportFailed(sorted(notes, key=_place) + [f"{name}: no question could be imported"])


def _place(note: str) -> tuple[int, int]:
    """A note's line and column, to list the notes in file order."""
    parts = note.split(":")
    for at in range(len(parts) - 2):
        if parts[at + 1].isdigit() and parts[at + 2].isdigit():
            return int(parts[at + 1]), int(parts[at + 2])
    return 0, 0


def _fair(drafts: Sequence[Draft], name: str, notes: list[str]) -> list[Draft]:
    """The drafts the game can play fairly and that repeat no earlier one; notes for the rest."""
    kept: list[Draft] = []
    seen: dict[tuple[str, str, str], Draft] = {}
    for draft in drafts:
        reason = _unfair(draft)
        key = (draft.type, normalise(draft.prompt), answer_key(str(draft.answer)))
        if reason is None and key in seen:
            earlier = seen[key]
            reason = f"the same question and answer as line {earlier.line}"
        if reason is not None:
            notes.append(f"{name}:{draft.line}:{draft.column}: skipped: {reason}")
            continue
        seen[key] = draft
        kept.append(draft)
    return kept


def _unfair(draft: Draft) -> str | None:
    if not normalise(draft.prompt) and not draft.prompt.strip():
        return "the question has no text"
    if draft.type not in ("choice", "text") or not isinstance(draft.answer, str):
        return None
    options = (draft.answer, *draft.distractors, *draft.accept)
    for number, first in clashes(options):
        if first is None:
            return f"the answer {quote(options[number])} has nothing a player could type"
        if draft.type == "choice":
            return f"{quote(options[first])} and {quote(options[number])} are the same answer to the game"
    return None


def _refused(
    error: PackError, starts: list[int], kept: list[Draft], name: str, notes: list[str]
) -> set[int] | None:
    """The drafts the loader's problems are in (noted), or None if one is outside any."""
    import bisect

    refused: dict[int, str] = {}
    for problem in error.problems:
        number = bisect.bisect_right(starts, problem.line) - 1
        if number < 0:
            return None
        refused.setdefault(number, problem.message)
    for number, message in sorted(refused.items()):
        draft = kept[number]
        notes.append(f"{name}:{draft.line}:{draft.column}: skipped: {message}")
    return set(refused)


def _render(
    drafts: Sequence[Draft], pack_id: str, title: str, header: str, license: str | None
) -> tuple[str, list[int]]:
    """The pack's text, and the line each question starts on."""
    parts = [header, f"format: 1\nid: {quote(pack_id)}\ntitle: {quote(title)}\n"]
    if license:
        parts.append(f"license: {quote(license)}\n")
    sources: dict[tuple[str, str | None], str] = {}
    source_ids: set[str] = set()
    for draft in drafts:
        if draft.cited is not None and (draft.cited.title, draft.cited.url) not in sources:
            key = (draft.cited.title, draft.cited.url)
            sources[key] = unique_id(slugify(draft.cited.title) or "source", source_ids)
    if sources:
        parts.append("sources:\n")
        for (source_title, url), source_id in sources.items():
            parts.append(f"  - id: {quote(source_id)}\n    title: {quote(source_title)}\n")
            if url:
                parts.append(f"    url: {quote(url)}\n")
    parts.append("questions:\n")
    line = "".join(parts).count("\n") + 1
    starts: list[int] = []
    taken: set[str] = set()
    for draft in drafts:
        base = slugify(draft.name) if draft.name else ""
        text = _question(draft, unique_id(base or text_id(draft.prompt), taken), sources)
        starts.append(line)
        line += text.count("\n")
        parts.append(text)
    return "".join(parts), starts


def _question(draft: Draft, question_id: str, sources: dict[tuple[str, str | None], str]) -> str:
    text = (
        f"  - id: {quote(question_id)}\n    type: {draft.type}\n    prompt: {quote(draft.prompt)}\n"
    )
    if isinstance(draft.answer, bool):
        text += f"    answer: {'true' if draft.answer else 'false'}\n"
    elif draft.type == "number":
        text += f"    answer: {draft.answer}\n"
        if draft.tolerance is not None:
            text += f"    tolerance: {draft.tolerance}\n"
        if draft.unit:
            text += f"    unit: {quote(draft.unit)}\n"
    else:
        text += f"    answer: {quote(draft.answer)}\n"
    if draft.distractors:
        text += f"    distractors: {quote_list(draft.distractors)}\n"
    if draft.accept:
        text += f"    accept: {quote_list(draft.accept)}\n"
    for key in ("category", "difficulty", "explanation"):
        value = getattr(draft, key)
        if value:
            text += f"    {key}: {quote(value)}\n"
    if draft.cited is not None:
        ref = sources[(draft.cited.title, draft.cited.url)]
        text += (
            f"    source:\n      ref: {quote(ref)}\n      excerpt: {quote(draft.cited.excerpt)}\n"
        )
    return text
