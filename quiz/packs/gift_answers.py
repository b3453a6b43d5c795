"""The answers in a GIFT question's braces: which type they make, and what a pack keeps of them.

As in Moodle: nothing is an essay; `#` first is numerical; a `~` is multiple choice; `=`
with `->` is matching; T, TRUE, F or FALSE is true/false; anything else short answer.
`####` starts the general feedback (the explanation). What a pack cannot hold raises Skip.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from quiz.packs.fields import NUMBER

MAX_DISTRACTORS = 8
WEIGHT = re.compile(r"%(-*[0-9]{1,2}\.?[0-9]*)%")  # Moodle's answer weight, %50% or %-100%


class Skip(Exception):
    """The question cannot be a pack's: str() says why, `offset` where in its block."""

    def __init__(self, why: str, offset: int | None = None) -> None:
        super().__init__(why)
        self.offset = offset


@dataclass(frozen=True)
class Answers:
    type: str
    answer: str | bool
    distractors: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    tolerance: str | None = None
    explanation: str | None = None


@dataclass(frozen=True)
class _Part:
    """One answer: its weight in percent, and the raw text span [start, end) of its words."""

    weight: Decimal
    start: int
    end: int


Clean = Callable[[str, str], str]


def read_answers(text: str, masked: str, start: int, end: int, form: str, clean: Clean) -> Answers:
    """The answers between START and END (the braces' insides) of a question's text."""
    brace = start - 1
    feedback = masked.rfind("####", start, end)
    explanation = clean(text[feedback + 4 : end], form) if feedback != -1 else ""
    end = feedback if feedback != -1 else end
    while start < end and masked[start].isspace():
        start += 1
    while end > start and masked[end - 1].isspace():
        end -= 1
    inside = masked[start:end]
    if not inside:
        raise Skip("an essay question (nothing in the braces): a pack needs an answer", brace)
    if inside.startswith("#"):
        found = _number(text, masked, start + 1, end)
    elif "~" in inside:
        found = _choice(text, masked, start, end, form, clean)
    elif "=" in inside and "->" in inside:
        raise Skip("a matching question: a pack has no matching type", start)
    elif _before_feedback(inside).strip() in ("T", "TRUE", "F", "FALSE"):
        if "#" in inside and inside[inside.index("#") :].strip("#").strip():
            raise Skip(_FEEDBACK, start + inside.index("#"))
        found = Answers("true-false", _before_feedback(inside).strip().startswith("T"))
    else:
        found = _short(text, masked, start, end, form, clean)
    return Answers(
        found.type, found.answer, found.distractors, found.accept, found.tolerance,
        explanation or None,
    )  # fmt: skip


_FEEDBACK = "feedback on an answer: a pack keeps one explanation per question (use ####)"


def _before_feedback(inside: str) -> str:
    return inside.split("#", 1)[0]


def _parts(
    masked: str, start: int, end: int, markers: str, lead: int = 100, weighed: str = "=~"
) -> list[tuple[str, _Part]]:
    """The answers between START and END, each from one of MARKERS to the next: its marker
    ("" for text before the first, whose weight is LEAD) and its weight and words."""
    cuts = [match.start() for match in re.compile(f"[{markers}]").finditer(masked, start, end)]
    parts = []
    if masked[start : (cuts[0] if cuts else end)].strip():
        parts.append(("", start, cuts[0] if cuts else end))
    parts += [
        (masked[at], at + 1, next_at) for at, next_at in zip(cuts, [*cuts[1:], end], strict=False)
    ]
    found = []
    for marker, begin, stop in parts:
        while begin < stop and masked[begin].isspace():
            begin += 1
        weight = Decimal(100 if marker == "=" else lead if marker == "" else 0)
        # Moodle reads a %weight% after ~, or after = in short and numerical answers only.
        if (marker in weighed) and (match := WEIGHT.match(masked, begin, stop)) is not None:
            given = match.group(1)
            weight = -Decimal(given.lstrip("-")) if given.startswith("-") else Decimal(given)
            begin = match.end()
        hash_at = masked.find("#", begin, stop)
        if hash_at != -1:
            if masked[hash_at + 1 : stop].strip():
                raise Skip(_FEEDBACK, hash_at)
            stop = hash_at
        found.append((marker, _Part(weight, begin, stop)))
    return found


def _choice(text: str, masked: str, start: int, end: int, form: str, clean: Clean) -> Answers:
    parts = [part for _, part in _parts(masked, start, end, "~=", lead=0, weighed="~")]
    if len(parts) < 2:
        raise Skip("a multiple-choice question needs two answers or more", start)
    right = [part for part in parts if part.weight == 100]
    if any(0 < part.weight < 100 or part.weight < 0 for part in parts):
        raise Skip(
            "answers with partial credit (%50% and the like): a pack's choice question has "
            "one right answer",
            start,
        )
    if len(right) != 1:
        what = "no right answer (mark it with =)" if not right else "more than one right answer"
        raise Skip(f"a multiple-choice question with {what}: a pack's has exactly one", start)
    wrong = [part for part in parts if part is not right[0]]
    if len(wrong) > MAX_DISTRACTORS:
        raise Skip(f"{len(wrong)} wrong answers: a pack's choice question has at most "
                   f"{MAX_DISTRACTORS}", start)  # fmt: skip
    words = lambda part: clean(text[part.start : part.end], form)  # noqa: E731
    return Answers("choice", words(right[0]), tuple(words(part) for part in wrong))


def _short(text: str, masked: str, start: int, end: int, form: str, clean: Clean) -> Answers:
    parts = [part for _, part in _parts(masked, start, end, "=")]
    if any(part.weight != 100 for part in parts):
        raise Skip("answers with partial credit (%50% and the like): every spelling a pack "
                   "accepts is fully right", start)  # fmt: skip
    spellings = [clean(text[part.start : part.end], form) for part in parts]
    return Answers("text", spellings[0], accept=tuple(spellings[1:]))


def _number(text: str, masked: str, start: int, end: int) -> Answers:
    if "~" in masked[start:end]:
        raise Skip(_FEEDBACK, masked.index("~", start, end))
    parts = _parts(masked, start, end, "=")
    if len(parts) != 1 or parts[0][1].weight != 100:
        raise Skip("several numbers or partial credit: a pack's number question has one "
                   "answer and a tolerance", start)  # fmt: skip
    part = parts[0][1]
    written = text[part.start : part.end].strip()
    try:
        if ".." in written[1:]:
            low, high = (_decimal(each) for each in written.split("..", 1))
            value, tolerance = (low + high) / 2, abs(high - low) / 2
        elif ":" in written[1:]:
            given, margin = written.split(":", 1)
            _decimal(given)
            tolerance = abs(_decimal(margin))
            shown = decimal_text(tolerance) if tolerance else None
            return Answers("number", given.strip(), tolerance=shown)
        else:
            _decimal(written)
            return Answers("number", written)
    except (InvalidOperation, ValueError):
        raise Skip(f"{written!r} is not a number, a number:margin or a low..high range",
                   part.start) from None  # fmt: skip
    tolerance_text = decimal_text(tolerance) if tolerance else None
    return Answers("number", decimal_text(value), tolerance=tolerance_text)


def _decimal(text: str) -> Decimal:
    text = text.strip()
    if not NUMBER.fullmatch(text):
        raise ValueError(text)
    return Decimal(text)


def decimal_text(value: Decimal) -> str:
    """A decimal as plain digits, without trailing zeros after the point (2.50 is 2.5)."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
