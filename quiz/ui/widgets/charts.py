"""The stats screen's charts: score over time (a sparkline) and accuracy by category (bars).

Each chart has words beside it (the range of scores, each bar's percentage and count),
so it reads without colour. Imported only by the stats screen, which loads lazily.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Sparkline, Static

from quiz.packs.printable import printable
from quiz.records import Accuracy
from quiz.ui.styles import tcss
from quiz.ui.text import one_line

BAR_WIDTH = 20  # cells of a full (100%) bar
LABEL_WIDTH = 15
FULL, EMPTY = "█", "░"


def bar(ratio: float, width: int = BAR_WIDTH) -> str:
    """A bar RATIO (0-1) full: solid cells, then shaded ones, WIDTH in all."""
    filled = round(max(0.0, min(1.0, ratio)) * width)
    return FULL * filled + EMPTY * (width - filled)


def accuracy_bars(items: Sequence[Accuracy], width: int = 80) -> Content:
    """One line per category in WIDTH cells: its name, a bar, then the percentage and
    right/total (the bar and the name shrink to fit a narrow screen)."""
    label_width = max(6, min(LABEL_WIDTH, width // 3))
    numbers = [f" {item.ratio:4.0%} ({item.right}/{item.total})" for item in items]
    bar_width = max(3, min(BAR_WIDTH, width - label_width - max(map(len, numbers), default=0)))
    lines = []
    for item, figures in zip(items, numbers, strict=True):
        name = printable(item.label)  # measured as shown: an escape takes its room
        if cell_len(name) >= label_width:
            name = set_cell_size(name, label_width - 2) + "…"
        lines.append(
            Content.assemble(
                one_line(set_cell_size(name, label_width)),
                (bar(item.ratio, bar_width), "$accent"),
                figures,
            )
        )
    return Content("\n").join(lines)


class AccuracyBars(Widget):
    """Accuracy by category as bars, drawn to the width the widget has."""

    def __init__(self, items: Sequence[Accuracy]) -> None:
        super().__init__(classes="bars")
        self.items = tuple(items)

    def render(self) -> Content:
        return accuracy_bars(self.items, self.size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.items)


class PackCharts(Vertical):
    """A pack's charts: score over time (when it has two finished games or more) and
    accuracy by category (when it has answers)."""

    DEFAULT_CSS = tcss(__file__)

    def __init__(self, scores: Sequence[int], by_category: Sequence[Accuracy]) -> None:
        super().__init__(classes="charts")
        self.scores = tuple(scores)
        self.by_category = tuple(by_category)

    def compose(self) -> ComposeResult:
        scores = self.scores
        if len(scores) >= 2:
            yield Static(
                Content.assemble(
                    ("Score over time", "bold"), f"  last {len(scores)} games, oldest first"
                ),
                classes="chart-title",
            )
            with Horizontal(classes="score"):
                yield Sparkline([float(score) for score in scores])
                yield Static(
                    f"high {max(scores):,}\nlow {min(scores):,} · latest {scores[-1]:,}",
                    classes="range",
                )
        if self.by_category:
            yield Static(Content("Accuracy by category").stylize("bold"), classes="chart-title")
            yield AccuracyBars(self.by_category)
