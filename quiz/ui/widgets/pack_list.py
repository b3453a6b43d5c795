"""The list of packs on the home screen: a click chooses a pack, a double-click plays it.

Rows are catalog entries (quiz.packs.catalog.PackEntry), painted from their summaries: a
pack is not loaded to be listed. An invalid or shadowed pack file is listed too, dimmed,
with what is wrong with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual import events
from textual.content import Content
from textual.widgets import OptionList

from quiz.game.history import BestScores
from quiz.game.kinds import GameKind
from quiz.packs.catalog import PackEntry
from quiz.packs.summary import PackSummary
from quiz.ui.text import one_line, plain
from quiz.ui.textual_private import clicked_option

BESTS_SHOWN = 3
DIMMED = "dim"


def best_text(kinds: Mapping[GameKind, int]) -> str:
    """'best 1,250 (10q) · 900 (5q, timed)': the highest scores first, at most three."""
    ranked = sorted(kinds.items(), key=lambda item: (-item[1], item[0].key))[:BESTS_SHOWN]
    return "best " + " · ".join(f"{score:,} ({kind.label})" for kind, score in ranked)


def pack_entry(pack: PackSummary, bests: Mapping[GameKind, int] | None = None) -> Content:
    """Title, description, question count and best scores of a pack, as plain lines."""
    count = pack.questions
    lines = [plain(pack.title, "bold")]
    if pack.description:
        lines.append(plain(pack.description, "$text-muted"))
    counted = f"{count} question{'s' if count != 1 else ''}"
    if bests:
        counted += f" · {best_text(bests)}"
    lines.append(Content(counted))
    return Content("\n").join(lines)


def unplayable_entry(entry: PackEntry) -> Content:
    """An invalid or shadowed pack file: its name, what is wrong, and where it is."""
    problem = entry.first_problem
    if problem is not None:
        more = entry.problem_count - 1
        title = one_line(entry.path.name, f"bold {DIMMED}")
        why = f"invalid: {problem.message} (line {problem.line})"
        if more > 0:
            why += f"; {more} more problem{'s' if more != 1 else ''}"
    else:
        pack = entry.summary
        assert pack is not None and entry.shadowed_by is not None
        title = plain(pack.title, f"bold {DIMMED}")
        winner = entry.shadowed_by
        why = f"hidden: {winner.path.name} ({winner.origin}) has the same id '{pack.id}'"
    where = f"{entry.origin} · Enter shows why"
    return Content("\n").join([title, one_line(why, DIMMED), one_line(where, DIMMED)])


def row_content(entry: PackEntry, bests: BestScores) -> Content:
    """The list entry for one row."""
    if not entry.playable:
        return unplayable_entry(entry)
    pack = entry.summary
    assert pack is not None  # a playable entry is a valid pack
    return pack_entry(pack, bests.get(pack.id))


class PackList(OptionList):
    """Packs to play; Enter or a double-click selects, a single click only highlights."""

    def __init__(
        self, rows: Sequence[PackEntry], bests: BestScores | None = None, **kwargs: object
    ) -> None:
        self.rows = tuple(rows)
        contents = (row_content(row, bests or {}) for row in self.rows)
        super().__init__(*contents, **kwargs)  # type: ignore[arg-type]

    def show_bests(self, bests: BestScores) -> None:
        """Redraw the rows with these best scores, keeping the highlight."""
        highlighted = self.highlighted
        self.set_options(row_content(row, bests) for row in self.rows)
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
