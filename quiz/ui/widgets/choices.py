"""The numbered options of a choice or true/false question (keys 1..N, arrows, mouse)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import OptionList

from quiz.ui.text import plain


def numbered(key: str, text: str) -> Content:
    """'1  Option text' with the key emphasised; the option text stays plain."""
    return Content.assemble((key, "bold $accent"), "  ", plain(text))


class Choices(OptionList):
    """An option list whose options are numbered from 1; selecting one answers."""

    def show(self, options: Sequence[str], letters: Sequence[str] = ()) -> None:
        """Replace the options, numbered 1..N (and lettered, e.g. 1/t), highlight the first."""
        keys = [str(n) for n in range(1, len(options) + 1)]
        if letters:
            keys = [f"{key}/{letter}" for key, letter in zip(keys, letters, strict=True)]
        self.set_options(numbered(key, text) for key, text in zip(keys, options, strict=True))
        self.highlighted = 0 if options else None
