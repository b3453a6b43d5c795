"""The question screen: asks one question at a time and reveals the answer on the spot."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from quiz.game.kinds import Mode
from quiz.game.limits import MAX_ANSWER
from quiz.game.session import GameSession, Phase
from quiz.packs.model import QuestionType
from quiz.ui.messages import Answered, GameLeft, GameOver, Revealed
from quiz.ui.styles import tcss
from quiz.ui.text import plain
from quiz.ui.textual_private import lay_out_in_next_frame
from quiz.ui.widgets.choices import Choices
from quiz.ui.widgets.compact_button import CompactButton
from quiz.ui.widgets.footer import QuizFooter
from quiz.ui.widgets.scoreboard import Scoreboard
from quiz.ui.widgets.timer_bar import TimerBar

if TYPE_CHECKING:
    from quiz.game.verdict import AnswerRecord
    from quiz.ui.widgets.source_link import SourceLink

# The first question is painted before anything it does not show is built: the timer
# bar only in timed games, the options or the typed-answer row at the first question
# that shows them, the reveal (and its Next button) at the first answer, the leave
# dialog when asked for. Once built, each is kept for the rest of the game, shown, hidden
# and refilled in place: a reveal then builds and styles no widgets.

TICK_SECONDS = 0.2
TF = QuestionType.TRUE_FALSE
OPTION_TYPES = (QuestionType.CHOICE, TF)
ANSWER_KEYS = Binding.Group("Answer", compact=True)


def hint_for(kind: QuestionType, count: int) -> str:
    """The on-screen line saying how to answer this kind of question."""
    if kind is QuestionType.TRUE_FALSE:
        return "Press 1 or t for True, 2 or f for False, or ↑↓ and Enter, or click."
    if kind is QuestionType.CHOICE:
        return f"Press 1–{count}, or ↑↓ and Enter, or click an option."
    if kind is QuestionType.NUMBER:
        return "Type a number (digits or words) and Enter; Enter alone asks to skip. F1: help."
    return "Type your answer, then Enter; Enter alone asks to skip. F1: help."


class QuestionScreen(Screen):
    """One game: the scoreboard, an optional timer bar, the question, then its reveal."""

    DEFAULT_CSS = tcss(__file__)

    BINDINGS = [
        *(Binding(str(n), f"answer({n - 1})", str(n), group=ANSWER_KEYS) for n in range(1, 10)),
        # t and f are shown on the options themselves ("1/t  True").
        Binding("t", "true_false(True)", "True", show=False),
        Binding("f", "true_false(False)", "False", show=False),
        Binding("s", "skip", "Skip"),
        Binding("n,space,enter", "next", "Next", key_display="n"),
        Binding("o", "open_source", "Source"),
        Binding("escape", "leave", "Leave"),
    ]

    # Short terminals drop the details line and the hint, so the prompt and options fit.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]
    AUTO_FOCUS = ""  # show_question focuses the options or the answer box itself

    def __init__(self, session: GameSession, cursor_blink: bool = True) -> None:
        # Born with the class the terminal's height gives it, so mounting restyles nothing.
        height = self.app.size.height
        tall = [name for low, name in self.VERTICAL_BREAKPOINTS if height >= low][-1]
        super().__init__(classes=tall)
        self.session = session
        self.cursor_blink = cursor_blink  # of the answer box
        self._revealing = False  # an answer was given, its reveal not yet laid out

    def compose(self) -> ComposeResult:
        yield Scoreboard(id="scoreboard")
        if self.session.time_left() is not None:
            yield TimerBar(id="timer")
        with VerticalScroll(id="body"):
            yield Static(id="meta")
            yield Static(id="prompt")
            yield self._new_answer_widget(self.kind)
            yield Static(id="hint")
        yield QuizFooter()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles every widget of a screen when it resumes. The first time, each
        # was styled as it mounted a moment before, so the pass only delays the first
        # question; later resumes (after help or the leave dialog) still restyle.
        if self.stack_updates == 0:  # Textual counts resumes from here on
            event.refresh_styles = False

    async def on_mount(self) -> None:
        self.screen_layout_refresh_signal.subscribe(self, self._laid_out)
        if self.session.time_left() is not None:
            self.set_interval(TICK_SECONDS, self.tick)
        await self.show_question()

    def _new_answer_widget(self, kind: QuestionType) -> Widget:
        """The options list, or the row of answer box, unit, and Submit and Skip buttons."""
        if kind in OPTION_TYPES:
            return Choices(id="choices", compact=True)
        field = Input(id="answer", placeholder="Your answer", max_length=MAX_ANSWER)
        field.cursor_blink = self.cursor_blink
        submit, skip = CompactButton("Submit", id="submit"), CompactButton("Skip", id="skip")
        return Horizontal(field, Static(id="unit"), submit, skip, id="typed")

    async def _mount_answer_widget(self, kind: QuestionType) -> None:
        """The first question's kind of answer widget is composed; the other is mounted
        (once) at the first question that needs it."""
        if not self.query("#choices" if kind in OPTION_TYPES else "#typed"):
            await self.query_one("#body").mount(self._new_answer_widget(kind), before="#hint")

    @property
    def kind(self) -> QuestionType:
        return self.session.current.question.type

    async def show_question(self) -> None:
        """Show the current question, ready for an answer."""
        asked = self.session.current
        question = asked.question
        self._show_score()
        details = [asked.pack.title, question.category or "", question.difficulty.value]
        self.query_one("#meta", Static).update(Content(" · ").join(plain(d) for d in details if d))
        self.query_one("#prompt", Static).update(plain(question.prompt))
        self.query_one("#hint", Static).update(hint_for(question.type, len(asked.options)))
        choosing = question.type in OPTION_TYPES
        self._show("#typed" if choosing else "#choices", False)
        await self._mount_answer_widget(question.type)
        if choosing:
            choices = self.query_one(Choices)
            letters = [o[0].lower() for o in asked.options] if question.type is TF else ()
            choices.show(asked.options, letters)
            shown: Widget = choices
        else:
            field = self.query_one("#answer", Input)
            field.value = ""
            field.placeholder = (
                "A number" if question.type is QuestionType.NUMBER else "Your answer"
            )
            self.query_one("#unit", Static).update(plain(question.unit or ""))
            shown = field
        self._show("#choices" if choosing else "#typed", True)
        self._show("#hint", True)
        shown.focus(scroll_visible=False)
        self._show("#reveal", False)
        self.query_one(VerticalScroll).scroll_home(animate=False)
        self.tick()
        self.refresh_bindings()

    def _show(self, selector: str, shown: bool) -> None:
        """Show or hide a part of the screen (if it has been built).

        Each part is shown or hidden by itself: a class on the screen would restyle every
        widget on it. Shown leaves it to the styles (the hint is hidden on short screens).
        """
        widget = self._part(selector)
        if widget is not None:
            widget.styles.display = None if shown else "none"

    def _part(self, selector: str) -> Widget | None:
        """A part of the body ("#reveal"), or None if not built yet. Looked up among the
        body's children: a query walks every widget on the screen, the footer's too, and
        a reveal looks up a part several times."""
        try:
            return self._body.get_child_by_id(selector.removeprefix("#"))
        except NoMatches:
            return None

    @property
    def _body(self) -> VerticalScroll:
        return self.get_child_by_id("body", VerticalScroll)

    def show_reveal(self, record: AnswerRecord) -> None:
        """Reveal the verdict, the right answer and the source, on the same screen."""
        from quiz.ui.widgets.reveal import RevealPanel

        self._show_score()
        self._show_time_left()
        last = self.session.number >= self.session.total
        label = "Results (n)" if last else "Next (n)"
        reveal = self._part("#reveal")
        if reveal is not None:
            reveal.get_child_by_type(RevealPanel).show(record)
            next_button = reveal.get_child_by_id("next", Button)
            if str(next_button.label) != label:
                next_button.label = label
        else:
            next_button = Button(label, id="next", variant="primary")
            panel = RevealPanel(record, scored=self.session.scored)
            self._body.mount(Vertical(panel, next_button, id="reveal"))
        # Focus moves after the reveal is painted: a move restyles the widget it leaves and
        # the one it reaches (2 ms), and any key before then is a bounce (the grace period).
        self.call_after_refresh(self._focus_next, next_button)
        for part in ("#choices", "#typed", "#hint"):
            self._show(part, False)
        self._show("#reveal", True)
        self._body.scroll_home(animate=False)
        lay_out_in_next_frame(self)
        self.refresh_bindings()

    def _focus_next(self, button: Button) -> None:
        # Set at once, not as focus() does later: the hidden options may hand focus on as
        # they hide. Not if the game went on meanwhile (no grace period in tests).
        if self.session.phase is Phase.REVEALED:
            self.set_focus(button, scroll_visible=False)

    def tick(self) -> None:
        """Update the timer bar from the clock; a question whose time ran out is revealed."""
        if self.session.phase is not Phase.ASKING:
            return
        record = self.session.check_timeout()
        if record is not None:
            self._answered(record)
            return
        self._show_time_left()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        asking = self.session.phase is Phase.ASKING
        if action == "answer":
            index = parameters[0]
            return asking and isinstance(index, int) and index < self._option_count()
        if action == "true_false":
            return asking and self.kind is QuestionType.TRUE_FALSE
        if action == "skip":
            return asking and self.kind in OPTION_TYPES
        if action == "next":
            return self.session.phase is Phase.REVEALED
        if action == "open_source":
            return self.session.phase is Phase.REVEALED and self._link() is not None
        return True

    # Every way of answering, skipping or going on asks the session whether input counts
    # yet (quiz.game.session: the grace period), and drops it if not: the key is taken
    # as a bounce of the one that showed this question or its answer.

    def action_answer(self, index: int) -> None:
        """Answer with option `index` (0-based), as keys 1..N do."""
        if (
            self.session.phase is Phase.ASKING
            and index < self._option_count()
            and self.session.accepting()
        ):
            self._answered(self.session.answer_option(index))

    def action_true_false(self, value: bool) -> None:
        """Answer a true/false question (keys t and f)."""
        options = self.session.current.options
        self.action_answer(options.index("True" if value else "False"))

    def action_skip(self) -> None:
        """Skip the question; it counts as missed (key s, the Skip button)."""
        if self.session.phase is Phase.ASKING and self.session.accepting():
            self._answered(self.session.skip())

    async def action_next(self) -> None:
        """Go on to the next question, or to the results after the last."""
        if self.session.phase is not Phase.REVEALED or not self.session.accepting():
            return
        if self.session.next() is Phase.FINISHED:
            self.post_message(GameOver(self.session))
        else:
            await self.show_question()

    def action_open_source(self) -> None:
        """Open the revealed answer's source in a browser (key o), when it has a link."""
        if self.session.phase is Phase.REVEALED and (link := self._link()) is not None:
            link.open()

    def _link(self) -> SourceLink | None:
        """The reveal's link, when it shows one."""
        from quiz.ui.widgets.source_link import SourceLink

        found = self.query(SourceLink)
        return found.first() if found and found.first().url is not None else None

    def action_leave(self) -> None:
        """Ask before leaving the game for the home screen."""
        from quiz.ui.screens.confirm import ConfirmScreen

        def leave(confirmed: bool | None) -> None:
            if confirmed:
                self.post_message(GameLeft(self.session))

        self.app.push_screen(ConfirmScreen("Leave this game and go back home?"), leave)

    @on(Choices.OptionSelected)
    def _option_chosen(self, event: Choices.OptionSelected) -> None:
        event.stop()
        self.action_answer(event.option_index)

    @on(Input.Submitted, "#answer")
    def _typed(self, event: Input.Submitted) -> None:
        self._submit(event.value)

    @on(Button.Pressed)
    async def _button(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "submit":
            self._submit(self.query_one("#answer", Input).value)
        elif event.button.id == "skip":
            self.action_skip()
        elif event.button.id == "next":
            await self.action_next()

    def _submit(self, text: str) -> None:
        if self.session.phase is not Phase.ASKING or not self.session.accepting():
            return
        if not text.strip():
            self._ask_to_skip()
            return
        from quiz.game.matching import number_value

        if (
            self.kind is QuestionType.NUMBER
            and number_value(text, self.session.current.question.unit) is None
        ):
            self.notify("That is not a number: type digits (12) or words (twelve).", markup=False)
            return
        self._answered(self.session.answer_text(text))

    def _ask_to_skip(self) -> None:
        """An empty Enter asks before skipping: a held or doubled Enter lands on No."""
        from quiz.ui.screens.confirm import ConfirmScreen

        def skip(confirmed: bool | None) -> None:
            if confirmed and self.session.phase is Phase.ASKING:
                self._answered(self.session.skip())

        self.app.push_screen(ConfirmScreen("Skip this question? It counts as missed."), skip)

    def _answered(self, record: AnswerRecord) -> None:
        self.post_message(Answered(self.session, record))
        self.show_reveal(record)
        self._revealing = True

    def _laid_out(self, screen: Screen) -> None:
        # The app saves answers once their reveal is laid out (and so painted).
        if self._revealing:
            self._revealing = False
            self.post_message(Revealed())

    def _option_count(self) -> int:
        return len(self.session.current.options) if self.kind in OPTION_TYPES else 0

    def _show_time_left(self) -> None:
        left = self.session.time_left()  # frozen by the session once the question is answered
        if left is not None:
            bar = self.query_one(TimerBar)
            bar.limit = self.session.limit or 1.0
            bar.left = left

    def _show_score(self) -> None:
        s = self.session
        review = s.mode is Mode.REVIEW
        self.query_one(Scoreboard).show(s.number, s.total, s.score, s.streak, s.scored, review)
