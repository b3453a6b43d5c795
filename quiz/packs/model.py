"""The pack model: frozen dataclasses for packs, sources, questions and excerpts."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class QuestionType(StrEnum):
    """How a question is asked and answered."""

    CHOICE = "choice"
    TRUE_FALSE = "true-false"
    TEXT = "text"
    NUMBER = "number"


class Difficulty(StrEnum):
    """How hard a question is; sets its base points."""

    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


@dataclass(frozen=True)
class Source:
    """An article or other document that questions cite."""

    id: str
    title: str
    publisher: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None
    file: str | None = None
    line: int = 0  # where the source is defined in its pack file (1-based; 0 unknown)
    column: int = 0


@dataclass(frozen=True)
class Excerpt:
    """A verbatim quote from a source that proves a question's answer."""

    ref: str
    text: str
    highlight: str | None = None
    line: int = 0
    column: int = 0


@dataclass(frozen=True)
class Question:
    """One question of any type.

    `answer` is text for choice and text questions, a bool for true-false and a
    float for number questions; `answer_text` is how the answer is shown: a number as
    `written` in the pack (`1e-7`, `1.50`), when it was read from one.
    """

    id: str
    type: QuestionType
    prompt: str
    answer: str | bool | float
    distractors: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    tolerance: float = 0.0
    unit: str | None = None
    category: str | None = None
    difficulty: Difficulty = Difficulty.MEDIUM
    explanation: str | None = None
    source: Excerpt | None = None
    line: int = 0  # where the question's mapping starts in its pack file (1-based; 0 unknown)
    column: int = 0
    written: str | None = None  # a number answer as the pack writes it

    @property
    def answer_text(self) -> str:
        """The right answer as a player should read it."""
        if self.type is QuestionType.TRUE_FALSE:
            return "True" if self.answer else "False"
        if self.type is QuestionType.NUMBER:
            text = self.written or format_number(float(self.answer))
            return f"{text} {self.unit}" if self.unit else text
        return str(self.answer)

    @property
    def options(self) -> tuple[str, ...]:
        """The options offered, unshuffled: answer first (choice and true-false only)."""
        if self.type is QuestionType.CHOICE:
            return (str(self.answer), *self.distractors)
        if self.type is QuestionType.TRUE_FALSE:
            return ("True", "False")
        return ()


@dataclass(frozen=True)
class Pack:
    """A loaded, valid question pack."""

    id: str
    title: str
    questions: tuple[Question, ...]
    sources: tuple[Source, ...] = ()
    description: str | None = None
    author: str | None = None
    license: str | None = None
    language: str = "en"
    format: int = 1
    path: str | None = None
    _sources_by_id: dict[str, Source] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self._sources_by_id.update({source.id: source for source in self.sources})

    def source(self, ref: str) -> Source | None:
        """The source with this id, or None."""
        return self._sources_by_id.get(ref)

    @property
    def categories(self) -> tuple[str, ...]:
        """The pack's categories, sorted, each once."""
        return tuple(sorted({q.category for q in self.questions if q.category}))


def format_number(value: float) -> str:
    """Show a number without a needless '.0' (12.0 -> '12', 7.5 -> '7.5')."""
    if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def titles_of(pack_ids: Sequence[str], packs: Mapping[str, Pack]) -> tuple[str, ...]:
    """The titles of the packs with these ids, an id standing for a pack not found; () when
    none is found."""
    if not any(each in packs for each in pack_ids):
        return ()
    return tuple(packs[each].title if each in packs else each for each in pack_ids)
