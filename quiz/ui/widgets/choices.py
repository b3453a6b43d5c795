"""The numbered options of a choice or true/false question (keys 1..N, arrows, mouse)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import OptionList

from quiz.ui.text import plain


def numbered(number: int, text: str) -> Content:
    """'1  Option text' with the number emphasised; the option text stays plain."""
    return Content.assemble((f"{number}", "bold $accent"), "  ", plain(text))


class Choices(OptionList):
    """An option list whose options are numbered from 1; selecting one answers."""

    def show(self, options: Sequence[str]) -> None:
        """Replace the options, numbered 1..N, and highlight the first."""
        self.set_options(numbered(n, text) for n, text in enumerate(options, start=1))
        self.highlighted = 0 if options else None
