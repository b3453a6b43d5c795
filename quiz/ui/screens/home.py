"""The home screen: the packs to play, with play, setup, help and quit."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static

from quiz.game.selection import GameOptions
from quiz.packs.model import Pack
from quiz.ui.screens.setup import SetupScreen
from quiz.ui.widgets.footer import QuizFooter
from quiz.ui.widgets.pack_list import PackList

TAGLINE = "Trivia about how films and shows are made. Every answer shows its source."
HINT = "Enter plays 10 questions, untimed; s sets up the game first. Click a pack, click again to play."


class HomeScreen(Screen):
    """Pick a pack: Enter plays it with the defaults, s sets up a game first."""

    BINDINGS = [
        Binding("enter", "play", "Play"),
        Binding("s", "setup", "Setup"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, packs: Sequence[Pack]) -> None:
        super().__init__()
        self.packs = tuple(packs)

    def compose(self) -> ComposeResult:
        yield Static("quiz", id="title")
        yield Static(TAGLINE, id="tagline")
        if self.packs:
            yield PackList(self.packs, id="packs")
            yield Static(HINT, id="hint")
        else:
            yield Static("No packs found. Start with: quiz play PACK.yaml", id="packs-empty")
        with Horizontal(id="actions"):
            yield Button("Play (Enter)", id="play", variant="primary")
            yield Button("Setup (s)", id="setup")
            yield Button("Help (?)", id="help")
            yield Button("Quit (q)", id="quit")
        yield QuizFooter()

    def on_mount(self) -> None:
        if self.packs:
            packs = self.query_one(PackList)
            packs.highlighted = 0
            packs.focus()

    @property
    def chosen(self) -> Pack | None:
        """The highlighted pack, if any."""
        if not self.packs:
            return None
        index = self.query_one(PackList).highlighted
        return self.packs[index] if index is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("play", "setup"):
            return self.chosen is not None
        return True

    def action_play(self) -> None:
        """Play the chosen pack with the default options."""
        if self.chosen is not None:
            self.app.start_game([self.chosen], GameOptions())  # type: ignore[attr-defined]

    def action_setup(self) -> None:
        """Open the setup screen for the chosen pack."""
        if self.chosen is not None:
            self.app.push_screen(SetupScreen(self.chosen))

    @on(OptionList.OptionSelected, "#packs")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_play()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {"play": self.action_play, "setup": self.action_setup,
                   "help": self.app.action_help, "quit": self.app.exit}  # fmt: skip
        actions[event.button.id or ""]()
