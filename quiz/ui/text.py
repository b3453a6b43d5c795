"""Turn untrusted pack text into Textual Content: never parsed as markup, always printable."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from quiz.game.words import credit_parts, duration, nice_date
from quiz.packs.links import followable
from quiz.packs.model import Excerpt, Source
from quiz.packs.printable import printable

__all__ = [
    "attribution", "citation", "duration", "excerpt_content", "fit_phrases", "followable",
    "nice_date",
    "one_line", "plain", "visible",
]  # fmt: skip

HIGHLIGHT_STYLE = "bold underline $accent"


def visible(text: str) -> str:
    """Untrusted text for a widget: its lines kept, each made printable (see
    quiz.packs.printable), so control and bidi characters show as escapes.

    Character by character like printable, so visible(a + b) == visible(a) + visible(b).
    """
    return "\n".join(printable(line) for line in text.split("\n"))


def plain(text: str, style: str = "") -> Content:
    """Pack text as Content, styled as a whole but never read as markup."""
    text = visible(text)
    return Content.styled(text, style) if style else Content(text)


def one_line(text: str, style: str = "") -> Content:
    """A file name, path or message as Content on one line: all of it printable, newlines
    too (plain keeps a pack text's line breaks; a name has none to keep)."""
    text = printable(text)
    return Content.styled(text, style) if style else Content(text)


def excerpt_content(excerpt: Excerpt) -> Content:
    """The excerpt in quotation marks with its highlight (first occurrence) emphasised."""
    body = Content(visible(excerpt.text))
    found = excerpt.text.find(excerpt.highlight) if excerpt.highlight else -1
    if excerpt.highlight and found >= 0:
        # visible maps character by character: the highlight starts where the visible
        # text before it ends (found in the raw text, so an escape is never mistaken for it).
        start = len(visible(excerpt.text[:found]))
        body = body.stylize(HIGHLIGHT_STYLE, start, start + len(visible(excerpt.highlight)))
    return Content.assemble("“", body, "”")


def attribution(source: Source | None, ref: str) -> Content:
    """'— Title, by Author, Publisher, 3 March 2025' for a source (or its bare ref if it is missing)."""
    if source is None:
        return Content.assemble("— ", plain(ref))
    title, *rest = credit_parts(source)
    parts = [Content.styled(title, "italic"), *(Content(part) for part in rest)]
    return Content.assemble("— ", Content(", ").join(parts))


def fit_phrases(phrases: Sequence[Content], width: int | None, gap: str = "   ") -> Content:
    """Phrases GAP apart, on as few lines of WIDTH cells as they fit (all on one line
    when WIDTH is None): a line breaks between phrases, never inside one, so "Best
    streak 2" is not split the way wrapping at a space would split it."""
    lines: list[list[Content]] = [[]]
    used = 0
    for phrase in phrases:
        size = phrase.cell_length
        if lines[-1] and width is not None and used + len(gap) + size > width:
            lines.append([])
            used = 0
        used += size + (len(gap) if lines[-1] else 0)
        lines[-1].append(phrase)
    return Content("\n").join(Content(gap).join(line) for line in lines)


def citation(source: Source | None, ref: str) -> list[tuple[str, Content]]:
    """The whole citation, a (label, text) pair a line: source, publisher, date where
    given (author too), and a URL that can't be followed, as written (a followable one is a link)."""
    if source is None:
        return [("Source", plain(ref))]
    lines = [("Source", plain(source.title, "italic"))]
    if source.author:
        lines.append(("Author", plain(source.author)))
    if source.publisher:
        lines.append(("Publisher", plain(source.publisher)))
    if source.published:
        lines.append(("Published", plain(nice_date(source.published))))
    if source.url and followable(source.url) is None:
        lines.append(("Link", Content.assemble(one_line(source.url), " (not opened)")))
    return lines
