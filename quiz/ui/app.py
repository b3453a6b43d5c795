"""The Textual app: holds packs, clock and store, and moves the player between screens."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from quiz.game.selection import AskedQuestion, GameOptions, NoQuestions, select
from quiz.game.session import AnswerRecord, GameSession
from quiz.packs.model import Pack
from quiz.ui.hooks import call_hook
from quiz.ui.screens.question import QuestionScreen

# Other screens are imported when first shown: `quiz play` paints its first question
# sooner when it does not load (or build) the home, results and help screens first.

Clock = Callable[[], float]


class QuizApp(App[None]):
    """The quiz game. Build it with `create_app`; it renders sessions, it does not score."""

    CSS_PATH = "app.tcss"
    TITLE = "quiz"
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("f1", "help", "Help", show=False),
    ]

    def __init__(
        self,
        packs: Sequence[Pack],
        *,
        clock: Clock = time.monotonic,
        store: object | None = None,
        start: GameOptions | None = None,
    ) -> None:
        super().__init__()
        self.packs: tuple[Pack, ...] = tuple(packs)
        self.clock = clock
        self.store = store
        self.start_options = start
        self.cursor_blink = True  # tests turn it off so snapshots are stable
        self.last_game: tuple[tuple[Pack, ...], GameOptions] | None = None
        self.home_screen: Screen | None = None  # built when first needed

    def get_default_screen(self) -> Screen:
        # An empty backdrop: home or, for `quiz play`, the first question goes on top of
        # it at mount, so the home screen is built only if the player goes there.
        return Screen(id="backdrop")

    def on_mount(self) -> None:
        if self.start_options is None or not self.start_game(self.packs, self.start_options):
            self.push_screen(self._home())

    def _home(self) -> Screen:
        from quiz.ui.screens.home import HomeScreen

        self.home_screen = HomeScreen(self.packs)
        return self.home_screen

    def start_game(self, packs: Sequence[Pack], options: GameOptions) -> bool:
        """Select questions and show the first; False (and a notice) if none match."""
        try:
            asked = select(packs, options)
        except NoQuestions as error:
            self.notify(str(error), title="No questions", severity="error", markup=False)
            return False
        self.last_game = (tuple(packs), options)
        self._play(GameSession(asked, options, clock=self.clock))
        return True

    def play_again(self) -> None:
        """Start a new game with the packs and options of the last one."""
        if self.last_game is not None:
            self.start_game(*self.last_game)

    def retry(self, missed: Sequence[AskedQuestion], options: GameOptions) -> None:
        """Replay the missed questions as an unscored practice round."""
        if missed:
            self._play(GameSession(missed, options, clock=self.clock, scored=False))

    def _play(self, session: GameSession) -> None:
        self._hook("on_game_start", session)
        screen = QuestionScreen(session)
        if self.screen is self.home_screen or len(self.screen_stack) == 1:
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def answered(self, session: GameSession, record: AnswerRecord) -> None:
        """Called by the question screen after every answer (for saving)."""
        self._hook("on_answer", session, record)

    def finished(self, session: GameSession) -> None:
        """The last question was answered: show the results."""
        from quiz.ui.screens.results import ResultsScreen

        summary = session.summary()
        self._hook("on_game_end", session, summary)
        self.switch_screen(ResultsScreen(session, summary))

    def abandon(self, session: GameSession) -> None:
        """The player left mid-game: close the session and go home."""
        self._hook("on_game_end", session, session.finish())
        self.go_home()

    def go_home(self) -> None:
        """Back to the home screen, closing whatever is above it (and building it if need be)."""
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if self.screen is not self.home_screen:
            self.switch_screen(self._home())

    def action_help(self) -> None:
        """Show every key, unless help is already showing."""
        from quiz.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def _hook(self, name: str, *args: object) -> None:
        problem = call_hook(self.store, name, *args)
        if problem:
            self.notify(problem, severity="warning", markup=False)


def create_app(
    packs: Sequence[Pack],
    *,
    clock: Clock = time.monotonic,
    store: object | None = None,
    start: GameOptions | None = None,
) -> QuizApp:
    """Build the app from its packs, a clock (seconds) and an optional store.

    With `start`, a game with those options begins at once (as `quiz play` does).
    The store, if given, may define on_game_start / on_answer / on_game_end (see hooks.py).
    """
    return QuizApp(packs, clock=clock, store=store, start=start)
