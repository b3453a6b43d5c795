"""The floor: a bare Textual app that paints one Static (used by the benchmarks)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

MARKER = "Bare Textual app ready"


class BareApp(App[None]):
    """Paints one line; `1` replaces it (for the answer-latency baseline)."""

    BINDINGS = [("1", "change", "Change")]

    def compose(self) -> ComposeResult:
        yield Static(MARKER, id="line")

    def action_change(self) -> None:
        self.query_one("#line", Static).update("Changed")


if __name__ == "__main__":
    BareApp().run()
