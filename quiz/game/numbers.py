"""Read a typed number: digits (1,000 / -2.5) or English words (twenty-five, a hundred)."""

from __future__ import annotations

import re
import unicodedata

# Digits, with an exponent as packs may write them ("1e-7").
_DIGITS = re.compile(r"(?:[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(?:[eE][+-]?\d+)?")
_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_ONES = {word: value for value, word in enumerate(_UNITS) if 1 <= value <= 9}
_BELOW_TWENTY = {word: value for value, word in enumerate(_UNITS)}
_TENS = {
    word: 10 * (index + 2)
    for index, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}


def parse_number(text: str) -> float | None:
    """The number `text` spells, or None.

    Digits may carry a sign, `,` thousands separators (groups of three), decimals and an
    exponent (`1e-7`, as a pack may write its answer).
    Words run from zero to nineteen, the tens twenty..ninety, then hundred, thousand,
    million and billion: "twenty five", "twenty-five", "a hundred", "one hundred and five",
    "twelve hundred", "twenty million".
    """
    text = unicodedata.normalize("NFKC", text).strip().replace("\u2212", "-")
    if _DIGITS.fullmatch(text):
        return float(text.replace(",", ""))
    words = re.sub(r"[\s-]+", " ", text.casefold()).split()
    negative = bool(words) and words[0] in ("minus", "negative")
    value = _words_value(words[1:] if negative else words)
    if value is None:
        return None
    return -float(value) if negative else float(value)


def _words_value(words: list[str]) -> int | None:
    if words == ["zero"]:
        return 0
    value, rest = _below(words, scale_index=len(_SCALES) - 1)
    return value if value and not rest else None


def _below(words: list[str], scale_index: int) -> tuple[int, list[str]]:
    """Read a number below the next scale up (1000 billion at the top) from the front.

    Returns (value, unread words); value 0 means nothing was read.
    """
    if scale_index < 0:
        return _below_hundred(words)
    name, size = list(_SCALES.items())[scale_index]
    if words[:2] == ["a", name]:
        lead, rest = 1, words[2:]
    else:
        lead, rest = _below(words, scale_index - 1)
        if not lead or rest[:1] != [name]:
            return lead, rest
        rest = rest[1:]
    if rest[:1] == ["and"]:
        tail, after = _below(rest[1:], scale_index - 1)
        return (lead * size + tail, after) if tail else (0, words)
    tail, rest = _below(rest, scale_index - 1)
    return lead * size + tail, rest


def _below_hundred(words: list[str]) -> tuple[int, list[str]]:
    if not words:
        return 0, words
    first = words[0]
    if first in _TENS:
        if len(words) > 1 and words[1] in _ONES:
            return _TENS[first] + _ONES[words[1]], words[2:]
        return _TENS[first], words[1:]
    if first in _BELOW_TWENTY and first != "zero":
        return _BELOW_TWENTY[first], words[1:]
    return 0, words
