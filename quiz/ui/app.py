"""The Textual app: holds packs, clock and history, and moves the player between screens."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from quiz import collector
from quiz.game.history import History, NoHistory
from quiz.game.kinds import Mode
from quiz.game.selection import GameOptions, NoQuestions, Seen, Selection, select
from quiz.game.session import GRACE_SECONDS, GameSession
from quiz.packs.model import Pack
from quiz.packs.printable import printable
from quiz.packs.problems import PackError
from quiz.ui import messages
from quiz.ui.attempt import attempt
from quiz.ui.palette import QuizCommands
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.textual_private import give_result_callback, tolerate_undecodable_keys

if TYPE_CHECKING:
    from quiz.game.review import ReviewPlan
    from quiz.packs.catalog import PackEntry, PackLoader

# Other screens are imported when first shown: `quiz play` paints its first question
# sooner when it does not load (or build) the home, results and help screens first.

Clock = Callable[[], float]
FLUSH_SECONDS = 3.0  # how often answers waiting for a locked or full history are retried


class QuizApp(App[None]):
    """The quiz game over its packs, a clock (seconds) and a history (default: NoHistory).

    With `start`, a game with those options begins at once (as `quiz play` does), with the
    questions `dealt` if given; with `review`, that review game does (as `quiz review`
    does). `packs` are loaded already; `entries` are every pack file found, summed up
    (quiz.packs.catalog), so home can list them, invalid ones too, without loading them:
    `loader` loads an entry's pack when it is played (default: the loader, uncached).
    Without entries, home lists `packs`. It renders sessions, it does not score: screens
    post the messages in quiz.ui.messages, the app acts on them, and it alone writes to
    the history.
    """

    CSS_PATH = "app.tcss"
    TITLE = "quiz"
    COMMANDS = App.COMMANDS | {QuizCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("f1", "help", "Help", show=False),
    ]

    def __init__(
        self,
        packs: Sequence[Pack],
        *,
        clock: Clock = time.monotonic,
        history: History | None = None,
        start: GameOptions | None = None,
        dealt: Selection | None = None,
        review: ReviewPlan | None = None,
        entries: Sequence[PackEntry] | None = None,
        loader: PackLoader | None = None,
        grace: float = GRACE_SECONDS,
    ) -> None:
        tolerate_undecodable_keys()  # a stray byte typed must not end the game
        super().__init__()
        self.packs: tuple[Pack, ...] = tuple(packs)
        self._entries = tuple(entries) if entries is not None else None
        self._loaded: dict[PackEntry, Pack] = {}  # the entries home lists for `packs`
        self.loader = loader
        self.clock = clock
        self.grace = grace  # the game's rule; tests that drive keys at a stopped clock pass 0
        self.history: History = history if history is not None else NoHistory()
        self.start_options = start
        self.start_dealt = dealt
        self.start_review_plan = review
        saved_theme = attempt(self, self.history.theme, None)
        if saved_theme in self.available_themes:
            self.theme = saved_theme  # set before running, so it is applied once
        self.cursor_blink = True  # tests turn it off so snapshots are stable
        self.last_game: tuple[tuple[Pack, ...], GameOptions] | None = None
        self.home_screen: Screen | None = None  # built when first needed
        self._first_game: GameSession | None = None
        self._answers: list[messages.Answered] = []  # given, saved once the reveal is shown
        self._playing: GameSession | None = None  # the game on screen, and how many of its
        self._brought = 0  # answers an Answered message has brought (quitting saves the rest)
        self._dealt: dict[tuple[str, str], None] = {}  # questions dealt in this run, in order

    def get_default_screen(self) -> Screen:
        # `quiz play` and `quiz review` make the first question the app's first screen:
        # composed with the app, it is painted as soon as a bare app paints its own (a
        # screen pushed at mount came a frame later). Otherwise an empty backdrop that
        # home goes on top of at mount, so home is built only if the player goes there.
        self._first_game = self._first_session()
        if self._first_game is None:
            return Screen(id="backdrop")
        screen = QuestionScreen(self._first_game, self.cursor_blink)
        give_result_callback(screen)  # results will switch_screen away from it
        return screen

    def _first_session(self) -> GameSession | None:
        plan = self.start_review_plan
        if plan is not None and plan.selection is not None:
            return self._review_session(plan.selection)
        if self.start_options is not None:
            try:
                return self._game_session(self.packs, self.start_options, self.start_dealt)
            except (NoQuestions, PackError):
                pass  # on_mount says so, over home
        return None

    def on_mount(self) -> None:
        self.call_after_refresh(self._first_screen_painted)
        self.set_interval(FLUSH_SECONDS, self._flush_history)
        for notice in self.history.take_notices():
            self.notify(
                printable(notice), title="History", severity="warning", markup=False, timeout=8
            )
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self._first_game is not None:
            self._started(self._first_game)
        elif self.start_options is None or not self.start_game(self.packs, self.start_options):
            self.push_screen(self._home())

    def _first_screen_painted(self) -> None:
        self.call_after_refresh(collector.resume)

    def _home(self) -> Screen:
        from quiz.ui.screens.home import HomeScreen

        self.home_screen = HomeScreen(self.entries, self.history)
        return self.home_screen

    # Packs

    @property
    def entries(self) -> tuple[PackEntry, ...]:
        """The pack files home lists: those found, else the packs the app was given."""
        if self._entries is None:
            from quiz.packs.catalog import entry_of

            made = [(entry_of(pack), pack) for pack in self.packs]
            self._loaded = dict(made)
            self._entries = tuple(entry for entry, _ in made)
        return self._entries

    def pack_of(self, entry: PackEntry) -> Pack:
        """The pack of an entry, loaded now unless the app was given it (PackError if the
        file is no longer a valid pack)."""
        pack = self._loaded.get(entry)
        if pack is not None:
            return pack
        if self.loader is None:
            from quiz.packs.loader import load_pack

            return load_pack(entry.path)
        return self.loader(entry.path)

    def load(self, entry: PackEntry) -> Pack | None:
        """The pack of an entry to play, or None after telling the player why it can't be."""
        try:
            return self.pack_of(entry)
        except PackError as error:
            more = len(error.problems) - 1
            also = f" (and {more} more)" if more > 0 else ""
            self.notify(
                printable(
                    f"{entry.path.name} has changed since it was listed and can't be played: "
                    f"{error.first}{also}. Fix it, then check it with: quiz check {entry.path}"
                ),
                title="Pack has problems",
                severity="error",
                markup=False,
                timeout=12,
            )
            return None

    def _every_pack(self) -> list[Pack]:
        """Every playable pack, loaded (those that can't be are left out, with a notice)."""
        if self._entries is None:
            return list(self.packs)
        loaded = (self.load(entry) for entry in self.entries if entry.playable)
        return [pack for pack in loaded if pack is not None]

    # Starting games

    def start_game(self, packs: Sequence[Pack], options: GameOptions) -> bool:
        """Select questions and show the first; False (and a notice) if none match."""
        try:
            session = self._game_session(packs, options)
        except NoQuestions as error:
            self.notify(printable(str(error)), title="No questions", severity="error", markup=False)
            return False
        except PackError as error:  # a compiled pack whose file changed since it was listed
            self.notify(
                printable(str(error.first)),
                title="Pack has problems",
                severity="error",
                markup=False,
            )
            return False
        self._play(session)
        return True

    def _game_session(
        self, packs: Sequence[Pack], options: GameOptions, dealt: Selection | None = None
    ) -> GameSession:
        """A new game's session (NoQuestions if none match), remembered for play again."""
        selection = dealt if dealt is not None else select(packs, options, self._seen(packs))
        self.last_game = (tuple(packs), options)
        for asked in selection.asked:
            key = (asked.pack.id, asked.question.id)
            self._dealt.pop(key, None)
            self._dealt[key] = None
        return GameSession(selection, options, clock=self.clock, grace=self.grace)

    def _seen(self, packs: Sequence[Pack]) -> Seen:
        """When each question was last seen: as the history says, then this run's deals
        (newest last), so play again deals new questions even when nothing is saved."""
        ids = sorted({pack.id for pack in packs})
        nothing: Seen = {}
        seen = dict(attempt(self, lambda: self.history.last_seen(ids), nothing))
        newest = max(seen.values(), default=0)
        for order, key in enumerate(self._dealt, start=newest + 1):
            seen[key] = order
        return seen

    def _review_session(self, selection: Selection) -> GameSession:
        options = GameOptions(count=len(selection.asked))
        return GameSession(selection, options, clock=self.clock, mode=Mode.REVIEW, grace=self.grace)

    def _play(self, session: GameSession) -> None:
        self._started(session)
        screen = QuestionScreen(session, self.cursor_blink)
        if self.screen is self.home_screen or self.screen.id == "backdrop":
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def _started(self, session: GameSession) -> None:
        self._playing, self._brought = session, 0
        attempt(self, lambda: self.history.start(session), None, doing="save to")

    def on_start_game(self, message: messages.StartGame) -> None:
        if message.remember is not None:
            choices = message.remember
            attempt(self, lambda: self.history.remember_setup(choices), None, doing="save to")
        packs = [self.load(entry) for entry in message.entries]
        if all(pack is not None for pack in packs):
            self.start_game([pack for pack in packs if pack is not None], message.options)

    def on_start_review(self, message: messages.StartReview) -> None:
        from quiz.game.review import plan_review

        self._save_answers()
        chosen = self.load(message.entry) if message.entry is not None else None
        if message.entry is not None and chosen is None:
            return
        packs = [chosen] if chosen is not None else self._every_pack()
        plan = attempt(
            self,
            lambda: plan_review(self.history, packs, chosen, limit=self.history.review_questions()),
            None,
        )
        if plan is None:
            return
        if plan.selection is None:
            self.notify(printable(plan.message or ""), title="Review", markup=False)
        else:
            self._play(self._review_session(plan.selection))

    def on_play_again(self, message: messages.PlayAgain) -> None:
        if self.last_game is not None:
            self.start_game(*self.last_game)

    def on_retry_missed(self, message: messages.RetryMissed) -> None:
        played = message.session
        missed = played.missed()
        if missed:
            selection = Selection(tuple(missed), played.seed)
            self._play(
                GameSession(
                    selection, played.options, clock=self.clock, mode=Mode.RETRY, grace=self.grace
                )
            )

    # Playing

    def on_answered(self, message: messages.Answered) -> None:
        # Saved once the reveal is painted (a commit waits for the disk), or before
        # anything reads or ends the game, at quitting, and by the flush timer.
        playing = self._playing
        if message.session is playing and playing is not None:
            if any(record is message.record for record in playing.records[: self._brought]):
                return  # saved already, when the app was quitting
            self._brought += 1
        self._answers.append(message)

    def on_revealed(self, message: messages.Revealed) -> None:
        self._save_answers()

    def _save_answers(self) -> None:
        """Save the answers given since the last save, in order."""
        answers, self._answers = self._answers, []
        for answered in answers:
            save = partial(self.history.answer, answered.session, answered.record)
            attempt(self, save, None, doing="save to")

    def on_unmount(self) -> None:
        # A key that quits can be handled before the Answered message of the key just
        # before it: the session has that answer, so it is saved from there.
        playing = self._playing
        if playing is not None:
            unsent = playing.records[self._brought :]
            self._answers += [messages.Answered(playing, record) for record in unsent]
            self._brought = len(playing.records)
        self._save_answers()

    def on_game_over(self, message: messages.GameOver) -> None:
        from quiz.ui.screens.results import ResultsScreen

        self._save_answers()
        session = message.session
        summary = session.summary()
        end = attempt(self, lambda: self.history.end(session, summary), None, doing="save to")
        self.switch_screen(ResultsScreen(session, summary, end))

    def on_game_left(self, message: messages.GameLeft) -> None:
        self._save_answers()
        session = message.session
        summary = session.finish()
        attempt(self, lambda: self.history.end(session, summary), None, doing="save to")
        self.go_home()

    # Other screens

    def on_open_setup(self, message: messages.OpenSetup) -> None:
        from quiz.game.filters import FilterCounts
        from quiz.ui.screens.setup import SetupScreen

        entry = message.entry

        def counts() -> FilterCounts | None:
            # Loaded when a filter is first ticked: the summary has the counts until then.
            pack = self.load(entry)
            return FilterCounts.of(pack.facts) if pack is not None else None

        nothing: Mapping[str, object] = {}
        last = attempt(self, self.history.last_setup, nothing)
        self.push_screen(SetupScreen(entry, last, self.cursor_blink, counts))

    def on_open_stats(self, message: messages.OpenStats) -> None:
        from quiz.packs.texts import PackTexts
        from quiz.ui.screens.stats import StatsScreen

        self._save_answers()
        # The screen reads the report on a thread: a long history never holds up the keys.
        texts = PackTexts(self.entries, self.pack_of)
        load = partial(self.history.stats, None, texts.question_ids) if self.history.keeps else None
        self.push_screen(StatsScreen(texts, load))

    def on_go_home(self, message: messages.GoHome) -> None:
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

    def _flush_history(self) -> None:
        self._save_answers()
        attempt(self, self.history.flush, None, doing="save to")

    def _theme_changed(self, theme: Theme) -> None:
        attempt(self, lambda: self.history.remember_theme(theme.name), None, doing="save to")


# The app's factory:
# create_app(packs, clock=, history=, start=, dealt=, review=, entries=, loader=).
create_app = QuizApp
