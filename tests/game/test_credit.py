"""The credit under a quote: every part shown, a huge part cut to a bounded width, whole."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from quiz.game.words import CREDIT_PART_CELLS, credit_parts
from quiz.packs.model import Source
from quiz.packs.printable import printable


def test_a_real_credit_is_shown_whole() -> None:
    title = "Jessica Lee Gagné’s directorial debut on Severance is now one of the highest-rated TV episodes ever on IMDb"
    source = Source("s", title, author="Ann Lee", publisher="Weekly", published="2025-03-03")
    assert credit_parts(source) == [title, "by Ann Lee", "Weekly", "3 March 2025"]


FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji: three joined by ZWJs


@pytest.mark.parametrize(
    ("part", "unit"),
    [
        ("Ann " * 2500, "Ann "),
        ("長い題名" * 25000, "長"),  # wide: two cells a character
        ("A\u2066B\u2069" * 100, "A"),  # the escapes the player sees are what counts
        ("e\u0301" * 1000, "e\u0301"),  # an accent that joins the letter before it
        ("\U0001f1fa\U0001f1f8" * 500, "\U0001f1fa\U0001f1f8"),  # a flag: two halves
        (FAMILY * 300, FAMILY),
        ("\U0001f44d\U0001f3fd" * 400, "\U0001f44d\U0001f3fd"),  # with a skin tone
    ],
)
def test_a_huge_part_is_cut_to_a_bounded_width_at_a_whole_character(part: str, unit: str) -> None:
    [title, author] = credit_parts(Source("s", part, author=part))
    for shown in (title, author):
        assert shown.endswith("…") and cell_len(shown) <= CREDIT_PART_CELLS
        kept = shown[:-1].removeprefix("by ")
        assert kept and printable(part).startswith(kept)
    if len(unit) > 1 and unit != "Ann ":
        assert len(title[:-1]) % len(unit) == 0  # cut between two whole sequences


def test_characters_that_draw_nothing_or_one_cell_cannot_make_a_part_endless() -> None:
    [soft] = credit_parts(Source("s", "x\u00ad" * 5000))  # a soft hyphen takes a cell
    assert cell_len(soft) <= CREDIT_PART_CELLS
    [blank] = credit_parts(Source("s", "\u200b" * 100_000))  # zero-width spaces, 0 cells each
    assert blank.endswith("…") and len(blank) <= 4 * CREDIT_PART_CELLS
