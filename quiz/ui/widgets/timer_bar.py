"""A bar that empties as the time for a question runs out, with the seconds left in words."""

from __future__ import annotations

import math

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

LOW_SECONDS = 5.0


class TimerBar(Widget):
    """Draws 'Time 12 s ████░░░░' for a question's time limit; the screen feeds it seconds."""

    left: reactive[float] = reactive(0.0)
    limit: reactive[float] = reactive(1.0)

    def render(self) -> Content:
        seconds = math.ceil(max(0.0, self.left))
        label = f"Time {seconds:>3} s "
        width = max(0, self.size.width - len(label))
        fraction = 0.0 if self.limit <= 0 else min(1.0, max(0.0, self.left / self.limit))
        filled = round(width * fraction)
        style = "$error" if self.left <= LOW_SECONDS else "$accent"
        return Content.assemble(label, ("█" * filled, style), ("░" * (width - filled), "dim"))
