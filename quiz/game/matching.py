"""Judge typed answers: normalised text, close spellings, and numbers within tolerance."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.game.numbers import parse_number
from quiz.game.units import read_number
from quiz.packs.answers import answer_key, answer_parts
from quiz.packs.model import Question

__all__ = ["Match", "match_number", "match_text", "parse_number"]

CLOSE_MIN_LENGTH = 5  # shorter answers must be exact: "iran" is not "iraq"
CLOSE_MIN_RATIO = 90.0  # rapidfuzz fuzz.ratio: "austria" vs "australia" is 87.5
_DIGIT_RUNS = re.compile(r"\d+")


@dataclass(frozen=True)
class Match:
    """The verdict on a typed answer; `close` marks a right answer accepted as a near spelling."""

    correct: bool
    close: bool = False


def match_text(given: str, question: Question) -> Match:
    """Whether typed `given` names the answer of a text (or choice) question.

    Right when it is the same answer (quiz.packs.answers.answer_key: words and the
    symbols that matter, so "C" is not "C++") as the answer or an `accept`. Otherwise a
    close spelling counts when a right candidate of 5+ characters scores a fuzz.ratio
    >= 90 on its words, no wrong candidate (a distractor) is as near, and the digits and
    symbols agree ("episode 10" is not "episode 11", "Google" is not "Google+").
    """
    key = answer_key(given)
    if not key:
        return Match(False)
    right_keys = {answer_key(c) for c in (str(question.answer), *question.accept)} - {""}
    wrong_keys = {answer_key(c) for c in question.distractors} - right_keys - {""}
    if key in right_keys:
        return Match(True)
    if key in wrong_keys:
        return Match(False)
    from rapidfuzz import fuzz  # lazy: only typed answers that miss need it

    text, symbols = answer_parts(given)
    right = [answer_parts(c) for c in (str(question.answer), *question.accept)]
    wrong = [answer_parts(c)[0] for c in question.distractors]
    best_right = max(
        (
            fuzz.ratio(text, c)
            for c, marks in right
            if len(c) >= CLOSE_MIN_LENGTH and _digits(c) == _digits(text) and marks == symbols
        ),
        default=0.0,
    )
    best_wrong = max((fuzz.ratio(text, c) for c in wrong if c), default=0.0)
    close = best_right >= CLOSE_MIN_RATIO and best_right > best_wrong
    return Match(close, close)


def match_number(given: str, question: Question) -> bool:
    """Whether typed `given` is within the question's tolerance of its number answer.

    The question's unit may stand around the number as people write it (quiz.game.units):
    "5 months", "5 mos", "ep 7", "$20M", "9.5/10". Never fuzzy-matched.
    """
    value = number_value(given, question.unit)
    if value is None:
        return False
    answer = float(question.answer)
    slack = 1e-9 * max(1.0, abs(answer))  # so 5.1 is within 0.1 of 5.2 despite binary floats
    return abs(value - answer) <= question.tolerance + slack


def number_value(given: str, unit: str | None = None) -> float | None:
    """The number in `given`, read with `unit` around it; None when it is not a number."""
    return read_number(given, unit)


def _digits(text: str) -> list[str]:
    return _DIGIT_RUNS.findall(text)
