"""Turning free text into pack ids: lowercase letters, digits and hyphens, at most 64."""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_LENGTH = 64


def slugify(text: str, max_length: int = MAX_LENGTH) -> str:
    """The id-like form of text ('Who's "Mark S."?' -> 'whos-mark-s'); may be empty.

    Accents are dropped, every other run of non-alphanumerics becomes one hyphen, and a
    long result is cut at a word boundary where one falls in the second half.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.replace("'", "")  # "Kirk's" -> "kirks", as "Kirk’s" does
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[:max_length]
    boundary = cut.rfind("-")
    if slug[max_length] != "-" and boundary >= max_length // 2:
        cut = cut[:boundary]
    return cut.rstrip("-")


def text_id(text: str, prefix: str = "q") -> str:
    """A stable id for text: its slug, or prefix plus a short hash when nothing is left."""
    slug = slugify(text)
    if slug:
        return slug
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{prefix}-{digest}"


def unique_id(base: str, taken: set[str]) -> str:
    """base, or base-2, base-3, ... (still at most 64 characters) if that is taken; adds it."""
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = base[: MAX_LENGTH - len(suffix)].rstrip("-") + suffix
    taken.add(candidate)
    return candidate
