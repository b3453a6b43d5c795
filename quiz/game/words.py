"""How times, dates and credits are said to the player, in any interface: m:ss, '3 March 2025'."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import TYPE_CHECKING

from quiz.packs.printable import printable

if TYPE_CHECKING:
    from quiz.packs.model import Source


def nice_date(iso: str) -> str:
    """'2025-03-03' as '3 March 2025'; anything unparsable is returned as given."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def duration(seconds: float) -> str:
    """Seconds as m:ss (or h:mm:ss past an hour)."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


# Cells of each part of the credit under a quote (title, author, publisher): a real headline
# fits (one of the built-in pack's is 103 characters), a pasted paragraph does not push the
# quote and the next button off the screen. The source dialog shows every part whole.
CREDIT_PART_CELLS = 120


def credit_parts(source: Source) -> list[str]:
    """A source's credit as the full screen and plain mode show it under a quote: its
    title, 'by' its author, its publisher and its date, where given; each printable (see
    quiz.packs.printable) and cut to CREDIT_PART_CELLS cells, ending in '…' when cut."""
    parts = [brief(printable(part), CREDIT_PART_CELLS) for part in (source.title, *source.byline())]
    return [*parts, nice_date(source.published)] if source.published else parts


def brief(text: str, cells: int) -> str:
    """TEXT if it fits in CELLS screen cells, else cut at a whole character to fit with a
    closing '…'; never more than 4 × CELLS characters, so a paste of characters that draw
    nothing cannot make it endless."""
    widths = [_cells(char) for char in text]
    if sum(widths) <= cells and len(text) <= 4 * cells:
        return text
    cut, used = 0, 0
    while used + widths[cut] <= cells - 1 and cut < 4 * cells - 1:  # a cell kept for the '…'
        used += widths[cut]
        cut += 1
    while cut and _continues(text, cut):  # never end inside an accented letter, emoji or flag
        cut -= 1
    return text[:cut].rstrip() + "…"


# Format characters a terminal draws as nothing; others, such as the soft hyphen, take a cell.
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff")


def _cells(char: str) -> int:
    if (
        unicodedata.combining(char)
        or unicodedata.category(char) in ("Mn", "Me")
        or char in _ZERO_WIDTH
    ):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _continues(text: str, at: int) -> bool:
    """Whether the character at AT belongs to the one before it (so a cut there splits it)."""
    char, before = text[at], text[at - 1]
    if before == "\u200d" or _cells(char) == 0 or "\U0001f3fb" <= char <= "\U0001f3ff":
        return True  # after a joiner; a mark, joiner or variation selector; a skin tone
    flags = 0
    while at - flags - 1 >= 0 and _is_flag_half(text[at - flags - 1]):
        flags += 1
    return _is_flag_half(char) and flags % 2 == 1


def _is_flag_half(char: str) -> bool:
    return "\U0001f1e6" <= char <= "\U0001f1ff"
