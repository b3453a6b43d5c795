"""The Textual app: holds packs, clock and store, and moves the player between screens."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from quiz import collector
from quiz.game.selection import AskedQuestion, GameOptions, NoQuestions, select
from quiz.game.session import GameSession
from quiz.packs.model import Pack
from quiz.packs.printable import printable
from quiz.ui.hooks import call_hook
from quiz.ui.screens.question import QuestionScreen

if TYPE_CHECKING:
    from quiz.game.verdict import AnswerRecord
    from quiz.packs.catalog import PackEntry
    from quiz.store.reviewing import ReviewPlan

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
        review: ReviewPlan | None = None,
        entries: Sequence[PackEntry] | None = None,
    ) -> None:
        super().__init__()
        self.packs: tuple[Pack, ...] = tuple(packs)
        self.entries = entries  # every pack file found, for home (None: just the packs)
        self.clock = clock
        self.store = store
        self.start_options = start
        self.start_review_plan = review
        saved_theme = self._store_call("theme")
        if saved_theme in self.available_themes:
            self.theme = saved_theme  # set before running, so it is applied once
        self.cursor_blink = True  # tests turn it off so snapshots are stable
        self.last_game: tuple[tuple[Pack, ...], GameOptions] | None = None
        self.home_screen: Screen | None = None  # built when first needed
        self._first_game: GameSession | None = None

    def get_default_screen(self) -> Screen:
        # `quiz play` and `quiz review` make the first question the app's first screen:
        # composed with the app, it is painted as soon as a bare app paints its own (a
        # screen pushed at mount came a frame later). Otherwise an empty backdrop that
        # home goes on top of at mount, so home is built only if the player goes there.
        self._first_game = self._first_session()
        if self._first_game is None:
            return Screen(id="backdrop")
        screen = QuestionScreen(self._first_game)
        # Results will switch_screen away from it, which drops the screen's result
        # callback; Textual gives a default screen none, so give it the one
        # switch_screen gives every screen it switches to.
        screen._push_result_callback(screen, None)
        return screen

    def _first_session(self) -> GameSession | None:
        if self.start_review_plan is not None:
            return self._review_session(self.start_review_plan)
        if self.start_options is not None:
            try:
                return self._game_session(self.packs, self.start_options)
            except NoQuestions:
                pass  # on_mount says so, over home
        return None

    def on_mount(self) -> None:
        self.call_after_refresh(self._first_screen_painted)
        for notice in getattr(self.store, "notices", ()):
            self.notify(
                printable(notice), title="History", severity="warning", markup=False, timeout=8
            )
        if hasattr(self.store, "notices"):
            self.store.notices = []  # type: ignore[union-attr]  # shown once
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self._first_game is not None:
            self._hook("on_game_start", self._first_game)
        elif self.start_options is None or not self.start_game(self.packs, self.start_options):
            self.push_screen(self._home())

    def _first_screen_painted(self) -> None:
        self.call_after_refresh(collector.resume)

    def _home(self) -> Screen:
        from quiz.ui.screens.home import HomeScreen

        self.home_screen = HomeScreen(self.packs, self.entries)
        return self.home_screen

    def start_game(self, packs: Sequence[Pack], options: GameOptions) -> bool:
        """Select questions and show the first; False (and a notice) if none match."""
        try:
            session = self._game_session(packs, options)
        except NoQuestions as error:
            self.notify(printable(str(error)), title="No questions", severity="error", markup=False)
            return False
        self._play(session)
        return True

    def _game_session(self, packs: Sequence[Pack], options: GameOptions) -> GameSession:
        """A new game's session (NoQuestions if none match), remembered for play again."""
        asked = select(packs, options)
        self.last_game = (tuple(packs), options)
        return GameSession(asked, options, clock=self.clock)

    def play_again(self) -> None:
        """Start a new game with the packs and options of the last one."""
        if self.last_game is not None:
            self.start_game(*self.last_game)

    def start_review(self, plan: ReviewPlan) -> None:
        """Play the questions a review plan chose: scored, but saved as a review game."""
        self._play(self._review_session(plan))

    def _review_session(self, plan: ReviewPlan) -> GameSession:
        options = GameOptions(count=len(plan.asked), seed=plan.seed)
        session = GameSession(plan.asked, options, clock=self.clock)
        self._store_call("mark_review", session)
        return session

    def retry(self, missed: Sequence[AskedQuestion], options: GameOptions) -> None:
        """Replay the missed questions as an unscored practice round."""
        if missed:
            self._play(GameSession(missed, options, clock=self.clock, scored=False))

    def _play(self, session: GameSession) -> None:
        self._hook("on_game_start", session)
        screen = QuestionScreen(session)
        if self.screen is self.home_screen or self.screen.id == "backdrop":
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
        if self.home_screen in self.screen_stack:
            while self.screen is not self.home_screen:
                self.pop_screen()
            return
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.switch_screen(self._home())

    def action_help(self) -> None:
        """Show every key, unless help is already showing."""
        from quiz.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def _theme_changed(self, theme: Theme) -> None:
        self._hook("remember_theme", theme.name)

    def _store_call(self, name: str, *args: object) -> object:
        """store.<name>(*args) if the store has it; None if not, or if it failed."""
        method = getattr(self.store, name, None)
        try:
            return method(*args) if method is not None else None
        except Exception:  # a store that can't be read must not stop the game
            return None

    def _hook(self, name: str, *args: object) -> None:
        problem = call_hook(self.store, name, *args)
        if problem:
            self.notify(printable(problem), severity="warning", markup=False)


def create_app(
    packs: Sequence[Pack],
    *,
    clock: Clock = time.monotonic,
    store: object | None = None,
    start: GameOptions | None = None,
    review: ReviewPlan | None = None,
    entries: Sequence[PackEntry] | None = None,
) -> QuizApp:
    """Build the app from its packs, a clock (seconds) and an optional store.

    With `start`, a game with those options begins at once (as `quiz play` does); with
    `review`, that review game does (as `quiz review` does). `entries` are every pack file
    found (quiz.packs.catalog), so home can list invalid ones too.
    The store, if given, may define on_game_start / on_answer / on_game_end (see hooks.py);
    a quiz.store.recorder.Recorder also gives best scores, stats, review and settings.
    """
    return QuizApp(packs, clock=clock, store=store, start=start, review=review, entries=entries)
