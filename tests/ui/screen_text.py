"""What the player sees: the text of the screen, a line per terminal row, read from the
SVG Textual exports (the same picture as a snapshot)."""

from __future__ import annotations

import html
import re

from textual.app import App

CELL = 12.2  # the width of one terminal cell in Textual's SVG, in pixels
TEXT = re.compile(
    r'<text class="terminal-[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#terminal-(?:\d+-)?line-(\d+)\)">([^<]*)</text>'
)


def svg_lines(svg: str, height: int) -> list[str]:
    """The rows of a Textual SVG screenshot as text (wide characters count as one)."""
    rows: list[list[str]] = [[] for _ in range(height)]
    for x, line, text in TEXT.findall(svg):
        row = rows[int(line)]
        column = round(float(x) / CELL)
        text = html.unescape(text).replace("\xa0", " ").replace("\n", "")
        row.extend(" " * (column - len(row)))
        row[column : column + len(text)] = list(text)
    return ["".join(row).rstrip() for row in rows]


def screen_lines(app: App) -> list[str]:
    """The app's screen as the player sees it now."""
    return svg_lines(app.export_screenshot(), app.size.height)


def screen_text(app: App) -> str:
    return "\n".join(screen_lines(app))
