"""The home screen: the packs to play (with best scores), and play, setup, review, stats."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static

from quiz.game.history import BestScores, History
from quiz.game.selection import GameOptions
from quiz.packs.catalog import PackEntry
from quiz.ui.attempt import attempt
from quiz.ui.messages import OpenSetup, OpenStats, StartGame, StartReview
from quiz.ui.styles import breakpoint_classes, tcss
from quiz.ui.widgets.footer import QuizFooter
from quiz.ui.widgets.pack_list import PackList

TAGLINE = "Trivia about how films and shows are made. Every answer shows its source."
SHORT = 20  # rows
NARROW = 70  # columns: the four buttons fit
HINT = "Enter plays 10 questions, untimed; s sets up the game first. Click a pack, click again to play."


def is_small(size: Size) -> bool:
    """Whether a screen this size shows home's small layout."""
    return size.height < SHORT or size.width < NARROW


class HomeScreen(Screen):
    """Pick a pack: Enter plays it with the defaults, s sets up a game first.

    Rows are the pack files found, painted from their summaries (the app loads a pack
    when it is played). With a history that keeps games, the rows show best scores, r reviews the due
    questions of the chosen pack and t shows the stats. Rows for pack files that can't be
    played (invalid, or hidden by a pack with the same id) show why on Enter.
    """

    DEFAULT_CSS = tcss(__file__)

    # A small screen keeps at least three packs in view: no tagline or hint, two-line
    # rows, one-line buttons, and on a narrow one only Play and Setup (the footer has
    # Help and Quit).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT, "-tall")]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-wide")]

    BINDINGS = [
        Binding("enter", "play", "Play"),
        Binding("s", "setup", "Setup"),
        Binding("r", "review", "Review"),
        Binding("t", "stats", "Stats"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, entries: Sequence[PackEntry], history: History) -> None:
        super().__init__(classes=breakpoint_classes(type(self), self.app.size))
        self.history = history
        self.rows = tuple(entries)
        self.any_playable = any(entry.playable for entry in self.rows)
        self.bests: BestScores = {}

    def compose(self) -> ComposeResult:
        yield Static("quiz", id="title")
        yield Static(TAGLINE, id="tagline")
        if self.rows:
            yield PackList(self.rows, short_rows=is_small(self.app.size), id="packs")
            yield Static(HINT, id="hint")
        else:
            yield Static("No packs found. Start with: quiz play PACK.yaml", id="packs-empty")
        with Horizontal(id="actions"):
            yield Button("Play (Enter)", id="play", variant="primary")
            yield Button("Setup (s)", id="setup")
            yield Button("Help (?)", id="help", action="app.help", classes="wide-only")
            yield Button("Quit (q)", id="quit", classes="wide-only")
        yield QuizFooter()

    def on_mount(self) -> None:
        if self.rows:
            packs = self.query_one(PackList)
            packs.highlighted = 0
            packs.focus()

    def on_resize(self, event: events.Resize) -> None:
        small = is_small(event.size)
        for button in self.query(Button):
            button.compact = small
        if self.rows:
            self.query_one(PackList).show_short_rows(small)

    def on_screen_resume(self) -> None:
        # Best scores are read only when home is shown, and again after every game.
        none: BestScores = {}
        bests = attempt(self, self.history.best_scores, none)
        if bests != self.bests and self.rows:
            self.bests = bests
            self.query_one(PackList).show_bests(bests)

    @property
    def row(self) -> PackEntry | None:
        """The highlighted row, if any."""
        if not self.rows:
            return None
        index = self.query_one(PackList).highlighted
        return self.rows[index] if index is not None else None

    @property
    def chosen(self) -> PackEntry | None:
        """The highlighted pack file, if it can be played."""
        row = self.row
        return row if row is not None and row.playable else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "play":
            return self.row is not None
        if action == "setup":
            return self.chosen is not None
        if action == "review":
            return self.history.keeps and self.any_playable
        if action == "stats":
            return self.history.keeps
        return True

    def action_play(self) -> None:
        """Play the chosen pack with the default options, or show why it can't be played."""
        row = self.row
        if row is None:
            return
        if not row.playable:
            from quiz.ui.screens.problems import ProblemsScreen

            self.app.push_screen(ProblemsScreen(row))
        else:
            self.post_message(StartGame([row], GameOptions()))

    def action_setup(self) -> None:
        """Open the setup screen for the chosen pack."""
        if self.chosen is not None:
            self.post_message(OpenSetup(self.chosen))

    def action_review(self) -> None:
        """Review the chosen pack's due questions (every pack's, on an unplayable row)."""
        self.post_message(StartReview(self.chosen))

    def action_stats(self) -> None:
        """Show the stats of every pack played."""
        self.post_message(OpenStats())

    @on(OptionList.OptionSelected, "#packs")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_play()

    @on(OptionList.OptionHighlighted, "#packs")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.refresh_bindings()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {"play": self.action_play, "setup": self.action_setup, "quit": self.app.exit}
        actions[event.button.id or ""]()
