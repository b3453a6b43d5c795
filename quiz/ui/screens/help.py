"""The help screen: every key the game uses, screen by screen."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from quiz.game import scoring
from quiz.ui.screens.dialog import Dialog
from quiz.ui.styles import tcss

Section = tuple[str, tuple[tuple[str, str], ...]]
CHROME = 5  # lines of the dialog that are not keys: border, title, Close and its margin

LEFT: tuple[Section, ...] = (
    ("Anywhere", (
        ("? or F1", "this help"),
        ("ctrl+p", "play, stats, themes…"),
        ("ctrl+q", "quit"),
    )),
    ("Home", (
        ("↑ ↓", "choose a pack"),
        ("Enter", "play (10, untimed)"),
        ("click", "choose; again: play"),
        ("s", "set up a game"),
        ("r", "review due questions"),
        ("t", "your stats"),
        ("q", "quit"),
    )),
    ("Setup", (
        ("Tab", "next field"),
        ("Space", "tick or choose"),
        ("ctrl+s", "start the game"),
        ("Esc", "back home"),
    )),
)  # fmt: skip
RIGHT: tuple[Section, ...] = (
    ("Question", (
        ("1..N", "answer option N"),
        ("↑ ↓ Enter", "answer highlighted"),
        ("t / f", "true / false"),
        ("click", "answer that option"),
        ("type Enter", "typed answer"),
        ("s", "skip (Enter alone asks)"),
        ("Esc", "leave (asks first)"),
    )),
    ("Answer shown", (("Enter Space n", "next question"),)),
    ("Results", (
        ("↑ ↓ Enter", "open a row's source"),
        ("p", "play again"),
        ("m", "retry missed, unscored"),
        ("h or Esc", "home"),
    )),
    ("Stats", (("h or Esc", "home"),)),
    ("Scoring", scoring.rules()),
)  # fmt: skip


def help_text(sections: tuple[Section, ...]) -> Content:
    """Sections of keys as one block of text."""
    lines: list[Content] = []
    for section, keys in sections:
        lines.append(Content.styled(section, "bold $accent"))
        for key, meaning in keys:
            lines.append(Content.assemble((f" {key:<13}", "bold"), meaning))
    return Content("\n").join(lines)


class HelpScreen(Dialog[None]):
    """Every key, in one scrollable list; Escape, q or ? closes it."""

    DEFAULT_CSS = tcss(__file__)

    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close", key_display="esc")]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Keys (Esc closes)", id="title")
            with VerticalScroll(id="keys"), Horizontal():
                yield Static(help_text(LEFT), classes="column")
                yield Static(help_text(RIGHT), classes="column")
            yield Button("Close (Esc)", id="close", variant="primary", compact=True)

    def on_resize(self, event: events.Resize) -> None:
        # The keys scroll in the room the border, title and Close button leave, so Close
        # stays on screen however many sections there are.
        self.query_one("#keys").styles.max_height = max(1, event.size.height - CHROME)
