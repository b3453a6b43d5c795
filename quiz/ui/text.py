"""Turn untrusted pack text into Textual Content that is never parsed as markup."""

from __future__ import annotations

import datetime as dt

from textual.content import Content

from quiz.packs.controls import CONTROL
from quiz.packs.model import Excerpt, Source

HIGHLIGHT_STYLE = "bold underline $accent"


def visible(text: str) -> str:
    """Text with any control character shown as U+FFFD, one for one (offsets hold).

    The loader refuses such characters; this keeps any that reach the UI by another road
    from acting on the player's terminal.
    """
    return CONTROL.sub("\ufffd", text)


def plain(text: str, style: str = "") -> Content:
    """Pack text as Content, styled as a whole but never read as markup."""
    text = visible(text)
    return Content.styled(text, style) if style else Content(text)


def excerpt_content(excerpt: Excerpt) -> Content:
    """The excerpt in quotation marks with its highlight (first occurrence) emphasised."""
    body = Content(visible(excerpt.text))
    if excerpt.highlight:
        start = excerpt.text.find(excerpt.highlight)
        if start >= 0:
            body = body.stylize(HIGHLIGHT_STYLE, start, start + len(excerpt.highlight))
    return Content.assemble("“", body, "”")


def nice_date(iso: str) -> str:
    """'2025-03-03' as '3 March 2025'; anything unparsable is returned as given."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def attribution(source: Source | None, ref: str) -> Content:
    """'— Title, Publisher, 3 March 2025' for a source (or its bare ref if it is missing)."""
    if source is None:
        return Content.assemble("— ", plain(ref))
    parts = [plain(source.title, "italic")]
    if source.publisher:
        parts.append(plain(source.publisher))
    if source.published:
        parts.append(plain(nice_date(source.published)))
    return Content.assemble("— ", Content(", ").join(parts))


def duration(seconds: float) -> str:
    """Seconds as m:ss (or h:mm:ss past an hour)."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"
