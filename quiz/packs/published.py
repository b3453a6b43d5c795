"""A source document as published, one space per run, and where a folded match sits in it."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class Published:
    """The published text (white space runs made one space) of a document, and a map from
    places in its folded text (quiz.packs.provenance.fold) back to places in it.

    Folding keeps lengths except where NFKC expands or shrinks a character (a ligature, say):
    the map records those places, found once, lazily, the first time a place is asked for.
    """

    def __init__(self, text: str) -> None:
        self.text = " ".join(text.split())
        self._starts: list[int] | None = None  # folded place of each length change
        self._shifts: list[int] = []  # folded minus published, after that change

    def place(self, folded_at: int) -> int:
        """The place in the published text of the folded text's place `folded_at`."""
        if self._starts is None:
            self._map()
        assert self._starts is not None
        k = bisect_right(self._starts, folded_at)
        return folded_at - (self._shifts[k - 1] if k else 0)

    def _map(self) -> None:
        self._starts, shift = [], 0
        for found in _NON_ASCII.finditer(self.text):
            char = found.group()
            if unicodedata.is_normalized("NFKC", char):
                continue
            grown = len(unicodedata.normalize("NFKC", char)) - 1
            if grown:
                shift += grown
                self._starts.append(found.start() + shift)
                self._shifts.append(shift)
