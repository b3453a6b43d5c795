"""Read a typed number with its question's unit: abbreviations, currency, magnitude, ratings.

One rule, driven by the question's `unit` (DESIGN: a number is never fuzzy-matched):
- the unit itself, singular or plural, before or after the number ("5 months", "5month");
- a known unit's usual abbreviations ("ep 7" for episode, "5 mos" for months, "2 min");
- a unit naming a currency lets its symbol or code lead ("$20", "USD 20") and its name follow;
- a unit starting with a magnitude (thousand, million, billion) counts the answer in it:
  "$20M", "20m", "$20 million", "twenty million" and "20,000,000" all read as 20 for
  "million dollars"; k/m/mn/b/bn are read only there, so "20m" is never 20 minutes;
- a rating unit "out of N" (or "/N") also takes "9.5/10" and "9.5 of 10".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from quiz.game.numbers import parse_number

_MAGNITUDES = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
_MAGNITUDE_SUFFIXES = {
    "k": 10**3, "thousand": 10**3,
    "m": 10**6, "mn": 10**6, "mil": 10**6, "million": 10**6,
    "b": 10**9, "bn": 10**9, "billion": 10**9,
}  # fmt: skip
# A currency's names (said after the number) and signs (written before it).
_CURRENCIES = (
    (("us dollars", "us dollar", "dollars", "dollar", "usd"), ("us$", "usd", "$")),
    (("euros", "euro", "eur"), ("eur", "€")),
    (("pounds sterling", "pounds", "pound", "gbp"), ("gbp", "£")),
    (("yen", "jpy"), ("jpy", "¥")),
)
# A unit's other spellings, keyed by its singular.
_ABBREVIATIONS = {
    "episode": ("ep", "ep.", "#"),
    "season": ("series",),
    "second": ("s", "sec", "secs"),
    "minute": ("min", "mins"),
    "hour": ("h", "hr", "hrs"),
    "week": ("wk", "wks"),
    "month": ("mo", "mos", "mth", "mths"),
    "year": ("yr", "yrs"),
    "percent": ("%", "per cent", "pct"),
    "%": ("percent", "per cent", "pct"),
}
_RATING = re.compile(r"(?:out of|/)\s*(\d+(?:\.\d+)?)")
_SLASH = re.compile(r"\s*/\s*")


@dataclass(frozen=True)
class UnitRule:
    """What may stand around a number for one unit, and the magnitude it counts in."""

    before: tuple[str, ...]  # longest first
    after: tuple[str, ...]
    magnitude: int = 1


def read_number(given: str, unit: str | None) -> float | None:
    """The number typed in `given`, in the question's unit; None when it is not one."""
    value = parse_number(given)
    rule = unit_rule(unit) if unit else None
    if value is not None:
        return _in_unit(value, rule)
    if rule is None:
        return None
    text = _SLASH.sub("/", " ".join(unicodedata.normalize("NFKC", given).casefold().split()))
    text = _peel_front(_peel_front(text, rule.before), rule.before)  # "episode #7", "us$ 20"
    text = _peel_back(text, rule.after)
    value = parse_number(text)
    if value is not None:
        return _in_unit(value, rule)
    if rule.magnitude == 1:
        return None
    for suffix, size in _MAGNITUDE_SUFFIXES.items():
        if text.endswith(suffix) and (value := parse_number(text[: -len(suffix)])) is not None:
            return value * size / rule.magnitude
    return None


@lru_cache(maxsize=256)
def unit_rule(unit: str) -> UnitRule:
    """The forms a unit may take around a typed number (see the module's docstring)."""
    words = " ".join(unicodedata.normalize("NFKC", unit).casefold().split())
    magnitude = 1
    first, _, rest = words.partition(" ")
    if first in _MAGNITUDES:
        magnitude, words = _MAGNITUDES[first], rest
    before: set[str] = set()
    after: set[str] = set()
    if words:
        forms = _forms(words)
        before |= forms
        after |= forms
    for names, signs in _CURRENCIES:
        if words in names or words in signs:
            before |= set(signs) | set(names)
            after |= set(names) | set(signs)
    if rating := _RATING.fullmatch(words):
        denominator = rating.group(1)
        after |= {f"/{denominator}", f"out of {denominator}", f"of {denominator}"}
    return UnitRule(_longest_first(before - {""}), _longest_first(after - {""}), magnitude)


def _forms(words: str) -> set[str]:
    """The unit, singular and plural, and its abbreviations."""
    if not words[-1:].isalpha():
        return {words, *_ABBREVIATIONS.get(words, ())}
    singular = words.removesuffix("s")
    forms = {words, singular, singular + "s", words.removesuffix("es")}
    return forms | set(_ABBREVIATIONS.get(singular, ()))


def _longest_first(forms: set[str]) -> tuple[str, ...]:
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


def _peel_front(text: str, forms: tuple[str, ...]) -> str:
    for form in forms:
        if text.startswith(form) and len(text) > len(form):
            return text[len(form) :].lstrip()
    return text


def _peel_back(text: str, forms: tuple[str, ...]) -> str:
    for form in forms:
        if text.endswith(form) and len(text) > len(form):
            return text[: -len(form)].rstrip()
    return text


def _in_unit(value: float, rule: UnitRule | None) -> float:
    """A bare number is in the unit, unless it is at least the unit's magnitude: then it
    is the whole amount ("20,000,000" is 20 for "million dollars")."""
    if rule is None or rule.magnitude == 1 or abs(value) < rule.magnitude:
        return value
    return value / rule.magnitude
