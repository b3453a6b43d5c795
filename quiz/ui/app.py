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
from quiz.game.session import AnswerRecord, GameSession
from quiz.packs.model import Pack
from quiz.ui.hooks import call_hook
from quiz.ui.screens.question import QuestionScreen

if TYPE_CHECKING:
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

    def get_default_screen(self) -> Screen:
        # An empty backdrop: home or, for `quiz play`, the first question goes on top of
        # it at mount, so the home screen is built only if the player goes there.
        return Screen(id="backdrop")

    def on_mount(self) -> None:
        self.call_after_refresh(self._first_screen_painted)
        for notice in getattr(self.store, "notices", ()):
            self.notify(notice, title="History", severity="warning", markup=False, timeout=8)
        if hasattr(self.store, "notices"):
            self.store.notices = []  # type: ignore[union-attr]  # shown once
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.start_review_plan is not None:
            self.start_review(self.start_review_plan)
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

    def start_review(self, plan: ReviewPlan) -> None:
        """Play the questions a review plan chose: scored, but saved as a review game."""
        options = GameOptions(count=len(plan.asked), seed=plan.seed)
        session = GameSession(plan.asked, options, clock=self.clock)
        self._store_call("mark_review", session)
        self._play(session)

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
            self.notify(problem, severity="warning", markup=False)


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
