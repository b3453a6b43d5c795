"""The floor: a bare Textual app that paints one Static (used by the benchmarks)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

MARKER = "Bare Textual app ready"


class BareApp(App[None]):
    """Paints one line; each `1` replaces it with "Changed N." (the latency baselines)."""

    BINDINGS = [("1", "change", "Change")]
    changes = 0

    def compose(self) -> ComposeResult:
        yield Static(MARKER, id="line")

    def action_change(self) -> None:
        self.changes += 1
        self.query_one("#line", Static).update(f"Changed {self.changes}.")


if __name__ == "__main__":
    BareApp().run()
