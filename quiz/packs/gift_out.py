"""A pack written as Moodle's GIFT text: every question a pack holds, which `quiz import gift` reads back."""

from __future__ import annotations

from collections.abc import Sequence

from quiz.packs.gift_answers import WEIGHT as _WEIGHT
from quiz.packs.htmltext import looks_like_html
from quiz.packs.model import Pack, Question, QuestionType, format_number
from quiz.packs.printable import printable

_SPECIALS = str.maketrans({"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{",
                           "}": "\\}", ":": "\\:", "\n": "\\n", "\r": ""})  # fmt: skip


def escape(text: str) -> str:
    """TEXT with GIFT's special characters escaped and new lines written as \\n."""
    return text.translate(_SPECIALS)


def _comment(text: str) -> str:
    # One line a reader's editor shows as it is: no control or bidi character from the pack.
    return "// " + printable(" ".join(text.split())) + "\n"


def to_gift(pack: Pack, questions: Sequence[Question]) -> str:
    """The GIFT text of QUESTIONS of PACK, in order. Difficulty, units and sources have no
    place in GIFT: a unit and the cited source are kept as comments."""
    parts = [_comment(f"Exported by `quiz export gift` from the pack {pack.title!r} ({pack.id}).")]
    if pack.license:
        parts.append(_comment(f"License: {pack.license}"))
    category: str | None = None
    for question in questions:
        parts.append("\n")
        if question.category != category:
            category = question.category
            name = (category or "").replace("/", "//")  # Moodle's escape of / in a name
            parts.append(f"$CATEGORY: {escape(name)}\n\n")
        parts.append(_question(pack, question))
    return "".join(parts)


def _question(pack: Pack, question: Question) -> str:
    notes = ""
    if question.unit:
        notes += _comment(f"unit: {question.unit}")
    if question.source is not None:
        source = pack.source(question.source.ref)
        cited = [source.title, *source.byline(), source.published, source.url] if source else []
        notes += _comment("source: " + ", ".join(part for part in cited if part))
        notes += _comment(f"excerpt: {question.source.text}")
    texts = [question.prompt, *question.options, *question.accept, question.explanation or ""]
    plain = any(looks_like_html(text) for text in texts) or question.prompt.lstrip().startswith("[")
    head = f"::{escape(question.id)}::{'[plain]' if plain else ''}{escape(question.prompt)}"
    feedback = f"####{escape(question.explanation)}" if question.explanation else ""
    return f"{notes}{head}{{{_answers(question)}{feedback}}}\n"


def _answers(question: Question) -> str:
    if question.type is QuestionType.TRUE_FALSE:
        return "TRUE" if question.answer else "FALSE"
    if question.type is QuestionType.NUMBER:
        value = question.written or format_number(float(question.answer))
        tolerance = f":{format_number(question.tolerance)}" if question.tolerance else ""
        return f"#{value}{tolerance}"
    if question.type is QuestionType.CHOICE:
        wrong = "".join(f" ~{_weighed(each, '%0%')}" for each in question.distractors)
        return f"={escape(str(question.answer))}{wrong}"
    spellings = (str(question.answer), *question.accept)
    return " ".join(f"={_weighed(each, '%100%')}" for each in spellings)


def _weighed(text: str, weight: str) -> str:
    """TEXT escaped, with WEIGHT before it when it opens like a weight ("%50% off"), which
    GIFT cannot escape: the explicit weight is read instead, and the text kept."""
    return f"{weight}{escape(text)}" if _WEIGHT.match(text) else escape(text)
