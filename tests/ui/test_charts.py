"""The stats screen's accuracy bars: the percentage in words beside each bar, any width."""

from __future__ import annotations

import pytest

from quiz.records import Accuracy
from quiz.ui.widgets.charts import accuracy_bars, bar

ITEMS = [Accuracy("behind-the-scenes", 10, 16), Accuracy("cast", 2, 3), Accuracy("x", 0, 4)]


def test_a_bar_is_as_full_as_the_ratio():
    assert bar(0.5, 10) == "█████░░░░░"
    assert bar(1.5, 4) == "████" and bar(-1, 4) == "░░░░"


@pytest.mark.parametrize("width", [38, 60, 100])
def test_bars_fit_the_width_and_keep_their_figures(width: int):
    lines = str(accuracy_bars(ITEMS, width)).splitlines()
    assert len(lines) == 3
    assert all(len(line) <= width for line in lines)
    assert lines[0].endswith(" 62% (10/16)") and lines[1].endswith(" 67% (2/3)")
    assert lines[2].startswith("x ") and lines[2].endswith("  0% (0/4)")
    assert "█" in lines[0] and "░" in lines[2]


def test_bars_line_up_whatever_a_category_name_holds():
    from rich.cells import cell_len

    names = ["cat\x1b[41m", "\u202eevil", "東京の撮影現場について", "ok", "\x1b" * 20]
    lines = str(accuracy_bars([Accuracy(name, 1, 2) for name in names], 60)).splitlines()
    starts = {cell_len(line[: line.index("█")]) for line in lines}
    assert starts == {15}  # every bar begins in the same column
    assert "\x1b" not in "".join(lines) and "\u202e" not in "".join(lines)
