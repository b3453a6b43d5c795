"""Answer records and game summaries, and judging one answer against its question."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from quiz.game.matching import match_number, match_text
from quiz.game.scoring import Breakdown
from quiz.game.selection import AskedQuestion
from quiz.packs.answers import answer_key, normalise
from quiz.packs.model import QuestionType

_TRUE_WORDS = frozenset({"true", "t", "yes", "y"})
_FALSE_WORDS = frozenset({"false", "f", "no", "n"})


@dataclass(frozen=True)
class Verdict:
    """The judgement on one answer: what was given, whether it is right, and how."""

    given: str  # as the player gave it; "" for a skip or time-out
    correct: bool
    close: bool = False  # right only as a close spelling
    chosen: int | None = None  # the option it picked (index into asked.options), if any


@dataclass(frozen=True)
class AnswerRecord:
    """What happened to one question: the answer given, the verdict, the points."""

    asked: AskedQuestion
    given: str  # shown as "your answer"; "" when skipped or timed out
    correct: bool
    points: int
    seconds: float  # time taken (the limit, for a time-out)
    close_spelling: bool
    skipped: bool
    timed_out: bool
    chosen: int | None = None  # index into asked.options of the option picked, if any
    streak: int = 0  # right answers in a row including this one (0 when wrong or unscored)
    breakdown: Breakdown | None = None  # how the points were made (None when unscored)

    @property
    def verdict_text(self) -> str:
        """The verdict in words with a symbol (never colour alone)."""
        if self.timed_out:
            return "⏱ Time's up"
        if self.skipped:
            return "→ Skipped"
        return "✓ Right" if self.correct else "✗ Wrong"

    @property
    def note(self) -> str:
        """A remark to show with the verdict ("accepted: close spelling"), or ""."""
        return "accepted: close spelling" if self.close_spelling else ""


@dataclass(frozen=True)
class Summary:
    """A finished (or so-far) game.

    `total` counts the questions answered, skipped or timed out (a question left
    unanswered by finishing early is not counted); `accuracy` is right / total (0 when
    total is 0); `planned` is how many questions the game was going to ask.
    """

    score: int
    right: int
    total: int
    accuracy: float
    best_streak: int
    seconds: float
    records: tuple[AnswerRecord, ...]
    planned: int = 0
    seed: int | None = None
    scored: bool = True

    @classmethod
    def of(cls, records: Sequence[AnswerRecord], **fields: Any) -> Summary:
        """A summary of `records`, counting right, total and accuracy; `fields` give the rest."""
        right = sum(record.correct for record in records)
        total = len(records)
        accuracy = right / total if total else 0.0
        return cls(right=right, total=total, accuracy=accuracy, records=tuple(records), **fields)


def judge_option(asked: AskedQuestion, index: int) -> Verdict:
    """The verdict on picking option `index` (0-based) of a choice or true-false question."""
    question = asked.question
    if question.type not in (QuestionType.CHOICE, QuestionType.TRUE_FALSE):
        raise ValueError(f"question {question.id!r} is a {question.type} question: type the answer")
    if not 0 <= index < len(asked.options):
        raise ValueError(f"option {index} is out of range 0..{len(asked.options) - 1}")
    picked = asked.options[index]
    if question.type is QuestionType.TRUE_FALSE:
        correct = (picked == "True") == bool(question.answer)
    else:
        correct = picked == str(question.answer)
    return Verdict(picked, correct, chosen=index)


def judge_typed(asked: AskedQuestion, text: str) -> Verdict:
    """The verdict on typed `text`, for any question type (choice by option text)."""
    question = asked.question
    given = text.strip()
    if question.type is QuestionType.NUMBER:
        return Verdict(given, match_number(given, question))
    if question.type is QuestionType.TRUE_FALSE:
        value = true_false_word(given)
        if value is None:
            return Verdict(given, False)
        index = asked.options.index("True" if value else "False")
        return replace(judge_option(asked, index), given=given)
    match = match_text(given, question)
    chosen = option_named(asked, given)
    if match.correct and question.type is QuestionType.CHOICE:
        chosen = asked.options.index(str(question.answer))
    return Verdict(given, match.correct, match.close, chosen)


def true_false_word(text: str) -> bool | None:
    """True or False for a word that answers a true/false question (t, yes, false...), else None."""
    word = normalise(text)
    if word in _TRUE_WORDS:
        return True
    return False if word in _FALSE_WORDS else None


def option_named(asked: AskedQuestion, text: str) -> int | None:
    """The index of the option TEXT names (compared as answers are), or None."""
    wanted = answer_key(text)
    for index, option in enumerate(asked.options):
        if answer_key(option) == wanted:
            return index
    return None
