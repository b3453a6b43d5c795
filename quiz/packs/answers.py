"""What "the same answer" means: one normalisation for the loader, the importers and the judge."""

from __future__ import annotations

import unicodedata

__all__ = ["normalise", "same_answer"]

_ARTICLES = ("the", "a", "an")
_APOSTROPHES = str.maketrans("", "", "'\u2019\u02bc\u2018`")
# For ASCII text, where the Unicode steps change nothing: apostrophes go, and every
# character that is not a letter or digit becomes a space.
_ASCII = str.maketrans(
    {c: (None if c in "'`" else " ") for c in map(chr, range(128)) if not c.isalnum()}
)


def normalise(text: str) -> str:
    """Fold `text` for comparison.

    NFKC, casefold, accents stripped, & -> and, apostrophes dropped ("don't" == "dont"),
    other punctuation, symbols and hyphens become spaces, spaces collapse, and leading
    articles (the/a/an) go when more words follow. Normalising twice changes nothing.
    Text with no letters or digits (only punctuation or symbols) normalises to "".
    """
    if text.isascii():  # most answers: ASCII needs none of the Unicode steps
        text = text.lower().replace("&", " and ").translate(_ASCII)
    else:
        text = unicodedata.normalize("NFKC", text).casefold()
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
        text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
        text = text.translate(_APOSTROPHES)
        text = "".join(" " if unicodedata.category(c)[0] in "PSZC" else c for c in text)
    words = text.split()
    while len(words) > 1 and words[0] in _ARTICLES:
        words.pop(0)
    return " ".join(words)


def same_answer(a: str, b: str) -> bool:
    """Whether the game takes `a` and `b` for the same answer (both normalise alike)."""
    return normalise(a) == normalise(b)
