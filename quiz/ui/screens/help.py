"""The help screen: every key the game uses, screen by screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from quiz.game import scoring
from quiz.ui.screens.dialog import Dialog
from quiz.ui.styles import tcss

Section = tuple[str, tuple[tuple[str, str], ...]]

LEFT: tuple[Section, ...] = (
    ("Anywhere", (
        ("? or F1", "this help"),
        ("ctrl+p", "play, stats, themes…"),
        ("ctrl+q", "quit"),
        ("Esc", "close a dialog"),
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
    ("Answer shown", (
        ("Enter Space n", "next question"),
        ("o or click", "open the source's link"),
    )),
    ("Results", (
        ("↑ ↓ Enter", "a row's source in full"),
        ("p", "play again"),
        ("m", "retry missed, unscored"),
        ("h or Esc", "home"),
    )),
    ("Stats", (("h or Esc", "home"),)),
    ("Scoring", scoring.rules()),
)  # fmt: skip


KEY_WIDTH = 2 + max(len(key) for _, keys in LEFT + RIGHT for key, _ in keys)


def help_section(section: Section) -> Vertical:
    """A section's title, then a row per key: the key in a column as wide as the widest
    key, its meaning beside it (wrapped under itself, never under the key)."""
    title, keys = section
    cells = [
        cell
        for key, meaning in keys
        for cell in (Static(Content.styled(key, "bold"), classes="key"), Static(meaning))
    ]
    grid = Grid(*cells, classes="keys")
    grid.styles.grid_columns = f"{KEY_WIDTH} 1fr"
    heading = Static(Content.styled(title, "bold $accent"), classes="section-title")
    return Vertical(heading, grid, classes="section")


class HelpScreen(Dialog[None]):
    """Every key, in one scrollable list; Escape, q or ? closes it.

    Two columns of sections side by side when the screen is wide enough, one under the
    other when it is narrow (HORIZONTAL_BREAKPOINTS).
    """

    DEFAULT_CSS = tcss(__file__)
    CHROME = 5  # lines of the dialog that are not keys: border, title, Close and its margin

    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close", key_display="esc")]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (2 * (KEY_WIDTH + 22) + 4, "-wide")]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Keys (Esc closes)", id="title")
            with VerticalScroll(id="body"), Horizontal(id="columns"):
                yield Vertical(*map(help_section, LEFT), classes="column")
                yield Vertical(*map(help_section, RIGHT), classes="column")
            yield Button("Close (Esc)", id="close", variant="primary", compact=True)
