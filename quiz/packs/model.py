"""The pack model: frozen dataclasses for packs, sources, questions and excerpts."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
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
    author: str | None = None  # who wrote the piece (a pack's own author is Pack.author)
    url_line: int = 0  # where its url's value is written, for a message about it (0 unknown)
    url_column: int = 0

    def byline(self) -> list[str]:
        """What a citation names after the title, where given: 'by' its author, then its
        publisher (every citation we show or write uses this one order)."""
        return [part for part in (self.author and f"by {self.author}", self.publisher) if part]


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
            span = self.answer_range
            if span is None:
                return _with_unit(self.written or format_number(float(self.answer)), self.unit)
            low, high = (format_number(end) for end in span)
            if self.unit and self.unit.casefold() in LEADING_UNITS:  # "$4 to $5"
                return f"{_with_unit(low, self.unit)} to {_with_unit(high, self.unit)}"
            return _with_unit(f"{low} to {high}", self.unit)
        return str(self.answer)

    @property
    def answer_range(self) -> tuple[float, float] | None:
        """The whole numbers a number answer spans, when it is their midpoint ("four to five
        months" written as 4.5 give or take 0.5); None when the answer is one number."""
        if self.type is not QuestionType.NUMBER or not self.tolerance:
            return None
        value = float(self.answer)
        low, high = value - self.tolerance, value + self.tolerance
        if value.is_integer() or not (low.is_integer() and high.is_integer()):
            return None
        return low, high

    @property
    def options(self) -> tuple[str, ...]:
        """The options offered, unshuffled: answer first (choice and true-false only)."""
        if self.type is QuestionType.CHOICE:
            return (str(self.answer), *self.distractors)
        if self.type is QuestionType.TRUE_FALSE:
            return ("True", "False")
        return ()


class QuestionFacts:
    """What a game, a setup or a review needs to know of every question of a pack without
    building them: ids, and per question its category and difficulty (in pack order)."""

    def __init__(
        self,
        ids: Callable[[], Sequence[str]],
        categories: Callable[[], Sequence[str | None]],
        difficulties: Callable[[], Sequence[Difficulty]],
        unique_ids: bool,
        category_counts: Mapping[str, int] | None = None,
    ) -> None:
        self._ids, self._categories, self._difficulties = ids, categories, difficulties
        self.unique_ids = unique_ids  # the loader refuses a pack that repeats an id
        self._counted = category_counts  # known beforehand, or counted when asked

    @classmethod
    def of(cls, questions: Sequence[Question]) -> QuestionFacts:
        ids = tuple(q.id for q in questions)
        return cls(
            lambda: ids,
            lambda: tuple(q.category for q in questions),
            lambda: tuple(q.difficulty for q in questions),
            len(set(ids)) == len(ids),
        )

    def ids(self) -> Sequence[str]:
        return self._ids()

    def categories(self) -> Sequence[str | None]:
        return self._categories()

    def difficulties(self) -> Sequence[Difficulty]:
        return self._difficulties()

    def category_counts(self) -> dict[str, int]:
        """How many questions each category has (those with none left out)."""
        if self._counted is not None:
            return dict(self._counted)
        return dict(Counter(c for c in self.categories() if c))

    def difficulty_counts(self) -> dict[Difficulty, int]:
        """How many questions each difficulty has."""
        return dict(Counter(self.difficulties()))


class FactfulSequence(Sequence[Question]):
    """A sequence of questions that knows their facts without building them (a compiled
    pack's questions, built one by one when asked for)."""

    @property
    def facts(self) -> QuestionFacts:
        raise NotImplementedError


@dataclass(frozen=True)
class Pack:
    """A loaded, valid question pack.

    `questions` is a tuple when loaded from YAML, or a sequence that builds each question
    when it is asked for (a compiled pack from the cache); use the methods below to learn
    about every question without building them all.
    """

    id: str
    title: str
    questions: Sequence[Question]
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
    _memo: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._sources_by_id.update({source.id: source for source in self.sources})

    def source(self, ref: str) -> Source | None:
        """The source with this id, or None."""
        return self._sources_by_id.get(ref)

    @property
    def facts(self) -> QuestionFacts:
        """Ids, categories and difficulties of every question, in order, built cheaply."""
        if isinstance(self.questions, FactfulSequence):
            return self.questions.facts
        facts = self._memo.get("facts")
        if not isinstance(facts, QuestionFacts):
            facts = self._memo["facts"] = QuestionFacts.of(self.questions)
        return facts

    @property
    def categories(self) -> tuple[str, ...]:
        """The pack's categories, sorted, each once."""
        return tuple(sorted(self.facts.category_counts()))

    def question(self, question_id: str) -> Question | None:
        """The question with this id (the first, should two share it), or None."""
        index = self._memo.get("index")
        if not isinstance(index, dict):
            index = {}
            for number, each in enumerate(self.facts.ids()):
                index.setdefault(each, number)
            self._memo["index"] = index
        number = index.get(question_id)
        return None if number is None else self.questions[number]


# Units written before the number they go with: labels and currency signs.
LEADING_UNITS = frozenset({"episode", "season", "chapter", "part", "act", "page", "track",
                           "volume", "issue", "number", "no.", "#", "$", "€", "£", "¥"})  # fmt: skip


def _with_unit(text: str, unit: str | None) -> str:
    if not unit:
        return text
    if unit.casefold() in LEADING_UNITS:  # "episode 7", "$20"
        return f"{unit}{text}" if len(unit) == 1 else f"{unit} {text}"
    return f"{text} {unit}"


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
