"""The list of packs on the home screen: a click chooses a pack, a double-click plays it.

Rows are catalog entries (quiz.packs.catalog.PackEntry), painted from their summaries: a
pack is not loaded to be listed. An invalid or shadowed pack file is listed too, dimmed,
with what is wrong with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList

from quiz.game.history import BestScores
from quiz.game.kinds import GameKind
from quiz.packs.catalog import PackEntry
from quiz.packs.printable import printable
from quiz.packs.summary import PackSummary
from quiz.ui.text import visible
from quiz.ui.textual_private import clicked_option

BESTS_SHOWN = 3
DIMMED = "dim"


def best_text(kinds: Mapping[GameKind, int]) -> str:
    """'best 1,250 (10q) · 900 (5q, timed)': the highest scores first, at most three."""
    ranked = sorted(kinds.items(), key=lambda item: (-item[1], item[0].key))[:BESTS_SHOWN]
    return "best " + " · ".join(f"{score:,} ({kind.label})" for kind, score in ranked)


Line = tuple[str, str]  # a row's text, printable already, and its style


def pack_lines(
    pack: PackSummary, bests: Mapping[GameKind, int] | None = None, compact: bool = False
) -> list[Line]:
    """Title, description, question count and best scores of a pack (compact: no
    description)."""
    count = pack.questions
    lines = [(visible(pack.title), "bold")]
    if pack.description and not compact:
        lines.append((visible(pack.description), "$text-muted"))
    counted = f"{count} question{'s' if count != 1 else ''}"
    if bests:
        counted += f" · {best_text(bests)}"
    lines.append((counted, ""))
    return lines


def unplayable_lines(entry: PackEntry, compact: bool = False) -> list[Line]:
    """An invalid or shadowed pack file: its name, what is wrong, and (unless compact)
    where it is."""
    problem = entry.first_problem
    if problem is not None:
        more = entry.problem_count - 1
        title = (printable(entry.path.name), f"bold {DIMMED}")
        why = f"invalid: {problem.message} (line {problem.line})"
        if more > 0:
            why += f"; {more} more problem{'s' if more != 1 else ''}"
    else:
        pack = entry.summary
        assert pack is not None and entry.shadowed_by is not None
        title = (visible(pack.title), f"bold {DIMMED}")
        winner = entry.shadowed_by
        why = f"hidden: {winner.path.name} ({winner.origin}) has the same id '{pack.id}'"
    where = f"{entry.origin} · Enter shows why"
    lines = [title, (printable(why), DIMMED), (printable(where), DIMMED)]
    return lines[:2] if compact else lines


class PackRow(Visual):
    """One row of the list. Its Content is made only when the row is painted, and its
    height is counted from its lines when each fits the width, so a list of hundreds of
    packs costs little more than the rows on screen."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self._content: Content | None = None
        shown = str(self).split("\n")
        self._height = len(shown)
        self._widest = max(cell_len(line) for line in shown)

    @property
    def content(self) -> Content:
        if self._content is None:
            parts = (
                Content.styled(text, style) if style else Content(text)
                for text, style in self.lines
            )
            self._content = Content("\n").join(parts)
        return self._content

    def __str__(self) -> str:
        return "\n".join(text for text, _ in self.lines)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self.content.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        if self._widest <= width and not rules.get("line_pad", 0):
            return self._height  # what wrapping would count, without wrapping
        return self.content.get_height(rules, width)


def row_content(entry: PackEntry, bests: BestScores, compact: bool = False) -> PackRow:
    """The list entry for one row (compact: two lines, for a small screen)."""
    if not entry.playable:
        return PackRow(unplayable_lines(entry, compact))
    pack = entry.summary
    assert pack is not None  # a playable entry is a valid pack
    return PackRow(pack_lines(pack, bests.get(pack.id), compact))


class PackList(OptionList):
    """Packs to play; Enter or a double-click selects, a single click only highlights."""

    def __init__(
        self,
        rows: Sequence[PackEntry],
        bests: BestScores | None = None,
        short_rows: bool = False,
        **kwargs: object,
    ) -> None:
        self.rows = tuple(rows)
        self.bests = bests or {}
        self.short_rows = short_rows  # two lines a row, for a small screen (HomeScreen)
        contents = (row_content(row, self.bests, short_rows) for row in self.rows)
        super().__init__(*contents, **kwargs)  # type: ignore[arg-type]

    def show_bests(self, bests: BestScores) -> None:
        """Redraw the rows with these best scores, keeping the highlight."""
        self.bests = bests
        self._redraw()

    def show_short_rows(self, short: bool) -> None:
        """Two lines a row (no description, no origin), or every line."""
        if short != self.short_rows:
            self.short_rows = short
            self._redraw()

    def _redraw(self) -> None:
        highlighted = self.highlighted
        self.set_options(row_content(row, self.bests, self.short_rows) for row in self.rows)
        self.highlighted = highlighted

    async def on_click(self, event: events.Click) -> None:
        # OptionList selects on any click; here one click chooses and a second plays, so
        # a mouse player can pick a pack and then press Setup. prevent_default stops
        # OptionList's own click handler (Textual calls each class's handler in turn).
        event.prevent_default()
        index = clicked_option(event)
        if index is None or self.get_option_at_index(index).disabled:
            return
        if event.chain >= 2 or self.highlighted == index:
            self.highlighted = index
            self.action_select()
        else:
            self.highlighted = index
