"""The stats screen's charts: score over time (a sparkline) and accuracy by category (bars).

Each chart has words beside it (the range of scores, each bar's percentage and count),
so it reads without colour. Imported only by the stats screen, which loads lazily.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Sparkline, Static

from quiz.records import Accuracy
from quiz.ui.styles import tcss
from quiz.ui.text import plain

BAR_WIDTH = 20  # cells of a full (100%) bar
LABEL_WIDTH = 15
FULL, EMPTY = "█", "░"


def bar(ratio: float, width: int = BAR_WIDTH) -> str:
    """A bar RATIO (0-1) full: solid cells, then shaded ones, WIDTH in all."""
    filled = round(max(0.0, min(1.0, ratio)) * width)
    return FULL * filled + EMPTY * (width - filled)


def accuracy_bars(items: Sequence[Accuracy]) -> Content:
    """One line per category: its name, a bar, then the percentage and right/total."""
    lines = []
    for item in items:
        name = item.label if len(item.label) < LABEL_WIDTH else item.label[: LABEL_WIDTH - 2] + "…"
        lines.append(
            Content.assemble(
                plain(f"{name:<{LABEL_WIDTH}}"),
                (bar(item.ratio), "$accent"),
                f" {item.ratio:4.0%} ({item.right}/{item.total})",
            )
        )
    return Content("\n").join(lines)


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
            yield Static(accuracy_bars(self.by_category), classes="bars")
