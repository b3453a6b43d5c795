"""Reading Moodle's GIFT format into drafts, following Moodle's grammar (question/format/gift).

Questions are separated by blank lines; a line starting with // is a comment. A question
is `::title::` (optional), then `[format]` (optional: html, moodle, plain or markdown),
the question text, and its answers in braces, whose kind decides the question's type
(see quiz.packs.gift_answers). `$CATEGORY: path` sets the category of those after it.
`\\:` `\\#` `\\=` `\\{` `\\}` `\\~` `\\\\` stand for the character, `\\n` for a new line.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from quiz.packs.drafts import Draft, Reading
from quiz.packs.gift_answers import Answers, Skip, read_answers
from quiz.packs.htmltext import html_to_text, looks_like_html
from quiz.packs.textfile import decode

FORMATS = ("html", "moodle", "plain", "markdown")
_ESCAPE = re.compile(r"\\([:#={}~n\\])")


def unescape(raw: str) -> str:
    """GIFT text with its escapes replaced by what they stand for."""
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) == "n" else m.group(1), raw)


def clean(raw: str, form: str) -> str:
    """A piece of question text as the pack holds it: unescaped, HTML reduced, trimmed."""
    text = unescape(raw).strip()
    if form in ("html", "moodle") and looks_like_html(text):
        text = html_to_text(text)
    return text


@dataclass(frozen=True)
class Block:
    """One question's lines, joined as Moodle joins them, and where each came from."""

    text: str
    masked: str  # text with each escape (two characters) as two NULs: specials found here are real
    starts: list[int]  # offset in text where each line begins
    places: list[tuple[int, int]]  # that line's number and column in the file

    def at(self, offset: int) -> tuple[int, int]:
        """The file line and column of the character at OFFSET."""
        number = max(0, bisect.bisect_right(self.starts, offset) - 1)
        line, column = self.places[number]
        return line, column + offset - self.starts[number]


def blocks(text: str) -> list[Block]:
    """The file's questions: runs of lines that are not blank, comment lines made blank."""
    found: list[Block] = []
    lines: list[tuple[str, int, int]] = []
    for number, line in enumerate([*text.split("\n"), ""], start=1):
        stripped = line.strip()
        if stripped:
            column = len(line) - len(line.lstrip()) + 1
            lines.append((" " if stripped.startswith("//") else stripped, number, column))
        elif lines:
            found.append(_block(lines))
            lines = []
    return found


def _block(lines: list[tuple[str, int, int]]) -> Block:
    starts, offset = [], 0
    for line, _, _ in lines:
        starts.append(offset)
        offset += len(line) + 1
    text = "\n".join(line for line, _, _ in lines)
    masked = _ESCAPE.sub("\0\0", text)
    return Block(text, masked, starts, [(number, column) for _, number, column in lines])


def read_gift(data: bytes, name: str) -> Reading:
    """The drafts of a GIFT file; ImportFailed if it is not UTF-8 text."""
    reading = Reading()
    category: str | None = None
    for block in blocks(decode(data, name, "GIFT")):
        stripped = block.text.strip()
        if not stripped:
            continue  # only comments
        lead = len(block.text) - len(block.text.lstrip())
        if block.masked.startswith("$CATEGORY:", lead):
            # Its own line; Moodle takes the whole block, losing a question written under it.
            line_end = block.text.find("\n", lead)
            line_end = len(block.text) if line_end == -1 else line_end
            category = category_name(unescape(block.text[lead + len("$CATEGORY:") : line_end]))
            lead = line_end
            while lead < len(block.text) and block.text[lead].isspace():
                lead += 1
            if lead == len(block.text):
                continue
        try:
            reading.drafts.append(_question(block, lead, category))
        except Skip as skip:
            line, column = block.at(lead if skip.offset is None else skip.offset)
            reading.skip(name, line, column, str(skip))
    return reading


def category_name(path: str) -> str | None:
    """The last part of a Moodle category path ("$course$/top/Film" is "Film"); Moodle
    writes a / inside a name as //."""
    parts = [part.replace("\0", "/").strip() for part in path.replace("//", "\0").split("/")]
    named = [part for part in parts if part and not (part.startswith("$") and part.endswith("$"))]
    return named[-1] if named else None


def _question(block: Block, start: int, category: str | None) -> Draft:
    text, masked = block.text, block.masked
    line, column = block.at(start)
    name = None
    if masked.startswith("::", start):
        end = masked.find("::", start + 2)
        if end != -1:
            name = unescape(text[start + 2 : end]).strip() or None
            start = end + 2
    opening, closing = masked.find("{", start), masked.find("}", start)
    if opening == -1 and closing == -1:
        raise Skip("a description (no answer in braces): a pack holds questions only", start)
    if closing == -1:
        raise Skip("the answers' '{' is never closed; add '}' or write \\{", opening)
    if opening == -1 or closing < opening:
        raise Skip("a '}' with no '{' before it; write a brace in text as \\}", closing)
    if text[closing + 1 :].strip():
        raise Skip(
            "a missing-word question (text after the answer braces): a pack's prompt cannot "
            "hold a blank; put the answers at the end",
            closing + 1,
        )
    form, prompt_start = _format(masked, start, opening)
    answers: Answers = read_answers(text, masked, opening + 1, closing, form, clean)
    return Draft(
        line=line,
        column=column,
        type=answers.type,
        prompt=clean(text[prompt_start:opening], form),
        answer=answers.answer,
        distractors=answers.distractors,
        accept=answers.accept,
        tolerance=answers.tolerance,
        category=category,
        explanation=answers.explanation,
        name=name,
    )


def _format(masked: str, start: int, end: int) -> tuple[str, int]:
    """The question's text format ("moodle" unless it opens with [html] and the like), and
    where its text begins."""
    while start < end and masked[start].isspace():
        start += 1
    if masked.startswith("[", start):
        close = masked.find("]", start, end)
        if close != -1 and masked[start + 1 : close] in FORMATS:
            return masked[start + 1 : close], close + 1
    return "moodle", start
