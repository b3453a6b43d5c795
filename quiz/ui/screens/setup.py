"""The setup screen: question count, categories, difficulties, timer and seed, then Start."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, RadioButton, RadioSet, SelectionList, Static
from textual.widgets.selection_list import Selection

from quiz.game.filters import FilterCounts, nothing_matches
from quiz.game.review import REVIEW_CHOICES, REVIEW_SETUP_KEY, review_limit
from quiz.game.selection import GameOptions
from quiz.packs.catalog import PackEntry
from quiz.packs.model import Difficulty
from quiz.ui.messages import StartGame
from quiz.ui.styles import breakpoint_classes, tcss
from quiz.ui.text import plain
from quiz.ui.widgets.footer import QuizFooter

COUNTS: tuple[int | None, ...] = (5, 10, 20, None)
# A seed of at most 18 digits fits in 64 bits; int() of thousands of digits raises (Python's
# limit on converting long digit strings), and no one replays a game by such a seed.
SEED_DIGITS = 18
TIMERS: tuple[float | None, ...] = (None, 15.0, 30.0)


def remembered(last: Mapping[str, object]) -> tuple[int | None, float | None, set[str], set[str]]:
    """Count, timer, categories and difficulties from the last setup saved (defaults for
    anything missing or not one of the choices on screen)."""
    count = last.get("count", 10)
    timer = last.get("timer")
    picked = [last.get(key) for key in ("categories", "difficulties")]
    categories, difficulties = (
        {str(v) for v in p} if isinstance(p, list) else set() for p in picked
    )
    return (
        count if count in COUNTS else 10,  # type: ignore[return-value]
        timer if timer in TIMERS else None,  # type: ignore[return-value]
        categories,
        difficulties,
    )


def seed_of(text: str) -> int | None:
    """The seed typed (None if none: a random game); ValueError if it has too many digits."""
    digits = text.lstrip("+-")
    if not digits.isdigit():
        return None
    if len(digits.lstrip("0")) > SEED_DIGITS:
        raise ValueError(f"The seed is too long: use a number of at most {SEED_DIGITS} digits.")
    return int(text)


def counted(label: str, count: int) -> Content:
    """'label (count)', with the label kept plain."""
    return Content.assemble(plain(label), (f" ({count})", "$text-muted"))


NARROWEST, NARROW = 50, 90  # columns
SHORT = 20  # rows


def matching_line(matching: int, categories: Sequence[str], difficulties: Sequence[str]) -> Content:
    """How many questions the filters match, or why none does."""
    why = nothing_matches(categories, difficulties) if matching == 0 else ""
    plural = "question matches" if matching == 1 else "questions match"
    return plain(why or f"{matching} {plural}")


class SetupScreen(Screen):
    """Choose how the next game of one pack is played, from its summary (the pack is
    loaded when the game starts). With COUNTS, each count shown respects the other
    filters, and Start is disabled, with the reason, while nothing matches: COUNTS is
    called (it loads the pack) only once a filter is ticked, as the summary's counts are
    right until then."""

    DEFAULT_CSS = tcss(__file__)

    BINDINGS = [
        Binding("ctrl+s", "start", "Start"),
        Binding("escape", "back", "Back"),
    ]
    # Two columns of choices when wide, one when narrow; on the narrowest screens each
    # row of choices wraps onto two, so every choice stays in view.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrowest"), (NARROWEST, "-narrow"), (NARROW, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT, "-tall")]
    # Focus starts on the question count. Left to Textual, it would first land on the
    # scrolling form (the first focusable widget) and restyle all of it, twice.
    AUTO_FOCUS = "#count"

    def __init__(
        self,
        entry: PackEntry,
        last: Mapping[str, object],
        cursor_blink: bool = True,
        counts: Callable[[], FilterCounts | None] | None = None,
    ) -> None:
        super().__init__(classes=breakpoint_classes(type(self), self.app.size))
        self._count = counts
        self.counts: FilterCounts | None = None  # once COUNTS has been called
        assert entry.summary is not None  # home sets up valid packs only
        self.entry = entry
        self.pack = entry.summary
        self.last = last  # the choices made last time
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        pack = self.pack
        count_was, timer_was, categories_were, difficulties_were = remembered(self.last)
        yield Static(Content.assemble("Set up: ", plain(pack.title, "bold")), id="title")
        with VerticalScroll(id="form"), Horizontal(id="columns"):
            with Vertical(id="left"):
                with RadioSet(id="count") as counts:
                    counts.border_title = "Questions"
                    for count in COUNTS:
                        label = str(count) if count else f"All {pack.questions}"
                        yield RadioButton(label, value=count == count_was)
                with RadioSet(id="timer") as timers:
                    timers.border_title = "Timer per question"
                    for timer in TIMERS:
                        yield RadioButton(
                            f"{timer:.0f} s" if timer else "Off", value=timer == timer_was
                        )
                seed = Input(id="seed", type="integer", placeholder="random")
                seed.border_title = "Seed (same seed, same game)"
                yield seed
            with Vertical(id="right"):
                categories = SelectionList[str](
                    *(
                        Selection(counted(c, n), c, c in categories_were)
                        for c, n in pack.categories
                    ),
                    id="categories",
                )
                categories.border_title = "Categories (none ticked: all)"
                yield categories
                difficulties = SelectionList[str](
                    *(
                        Selection(
                            counted(d.value, pack.in_difficulty(d)), d.value, d in difficulties_were
                        )
                        for d in Difficulty
                    ),
                    id="difficulties",
                )
                difficulties.border_title = "Difficulty (none ticked: all)"
                yield difficulties
                review_was = review_limit(self.last.get(REVIEW_SETUP_KEY))
                with RadioSet(id="review") as reviews:
                    reviews.border_title = "Review games ask"
                    for count in REVIEW_CHOICES:
                        yield RadioButton(str(count), value=count == review_was)
        # Its own line, so on a narrow screen the reason fits; composed with the summary's
        # count, right until a filter is ticked.
        counted_line = matching_line(self.pack.questions, [], [])
        yield Static(counted_line if self._count is not None else "", id="matching")
        with Horizontal(id="actions"):
            yield Button("Start (ctrl+s)", id="start", variant="primary")
            yield Button("Back (Esc)", id="back")
        yield QuizFooter()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles every widget of a screen when it resumes. The first time, each
        # was styled as it mounted a moment before; later resumes (after help) restyle.
        if self.stack_updates == 0:
            event.refresh_styles = False

    async def on_mount(self) -> None:
        # The footer's keys are built now, to be laid out with the form: built once the
        # screen is painted (as Footer does), each takes a layout of the screen of its own.
        await self.query_one(QuizFooter).recompose()
        for radio_set in self.query(RadioSet):
            # Start the keyboard highlight on the pressed choice, not the first one that
            # mounting highlights: step it down to there, as the down key would.
            for _ in range(radio_set.pressed_index):
                radio_set.action_next_button()
        self.query_one("#seed", Input).cursor_blink = self.cursor_blink
        if (
            self.query_one("#categories", SelectionList).selected
            or self.query_one("#difficulties", SelectionList).selected
        ):
            self._recount()  # else the summary's counts, as composed, are right

    @on(SelectionList.SelectedChanged)
    def _filters_changed(self) -> None:
        self._recount()

    def _recount(self) -> None:
        """Show each choice's count given the other filter, how many questions match, and
        whether Start can start."""
        if self._count is None:
            return
        category_list = self.query_one("#categories", SelectionList)
        difficulty_list = self.query_one("#difficulties", SelectionList)
        categories, difficulties = category_list.selected, difficulty_list.selected
        if (categories or difficulties) and self.counts is None:
            self.counts = self._count()
        counts = self.counts
        matching = (
            counts.matching(categories, difficulties) if counts is not None else self.pack.questions
        )
        if counts is not None:  # else the summary's counts, as composed, are right
            for index, (name, _) in enumerate(self.pack.categories):
                n = counts.in_category(name, difficulties)
                category_list.replace_option_prompt_at_index(index, counted(name, n))
            for index, level in enumerate(Difficulty):
                n = counts.in_difficulty(level, categories)
                difficulty_list.replace_option_prompt_at_index(index, counted(level.value, n))
            buttons = self.query_one("#count", RadioSet).query(RadioButton)
            buttons.last().label = f"All {matching}"
        self.query_one("#start", Button).disabled = matching == 0
        line = self.query_one("#matching", Static)
        line.update(matching_line(matching, categories, difficulties))
        line.set_class(not matching, "-none")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start" and self.is_mounted:
            return not self.query_one("#start", Button).disabled
        return True

    def options(self) -> GameOptions:
        """The options as set on screen (ValueError for a seed too long to be one)."""
        count_index = self.query_one("#count", RadioSet).pressed_index
        timer_index = self.query_one("#timer", RadioSet).pressed_index
        seed_text = self.query_one("#seed", Input).value.strip()
        return GameOptions(
            count=COUNTS[count_index] if count_index >= 0 else 10,
            categories=tuple(self.query_one("#categories", SelectionList).selected),
            difficulties=tuple(self.query_one("#difficulties", SelectionList).selected),
            timer=TIMERS[timer_index] if timer_index >= 0 else None,
            seed=seed_of(seed_text),
        )

    def action_start(self) -> None:
        """Start a game with these options (a notice says so if no question matches); the
        choices are remembered for next time (all but the seed)."""
        try:
            options = self.options()
        except ValueError as error:
            self.notify(str(error), title="Seed", severity="error", markup=False)
            self.query_one("#seed", Input).focus()
            return
        choices = {
            "count": options.count,
            "timer": options.timer,
            "categories": list(options.categories),
            "difficulties": list(options.difficulties),
            "pack": self.pack.id,
        }
        review_index = self.query_one("#review", RadioSet).pressed_index
        if review_index >= 0:
            choices[REVIEW_SETUP_KEY] = REVIEW_CHOICES[review_index]
        self.post_message(StartGame([self.entry], options, remember=choices))

    def action_back(self) -> None:
        """Back to the home screen."""
        self.dismiss()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "start":
            self.action_start()
        elif event.button.id == "back":
            self.action_back()
