"""The results screen: the score, a row per question, and what to do next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, DataTable, Static

from quiz.game.kinds import Mode
from quiz.game.session import GameSession
from quiz.game.verdict import AnswerRecord, Summary
from quiz.packs.printable import printable
from quiz.ui.messages import GoHome, PlayAgain, RetryMissed
from quiz.ui.screens.source import SourceScreen
from quiz.ui.styles import tcss
from quiz.ui.text import duration
from quiz.ui.widgets.footer import QuizFooter

if TYPE_CHECKING:
    from quiz.game.history import GameEnd

SHORT = 20  # rows
COLUMNS = ("#", "", "Question", "Your answer", "Answer", "Points")


def column_widths(screen_width: int) -> tuple[int, ...]:
    """Widths that fill the screen: the question gets half the room, each answer a quarter."""
    room = screen_width - 3 - 2 * len(COLUMNS) - (3 + 1 + 6)  # margins, cell padding, fixed
    answer = max(13, room // 4)
    return (3, 1, max(20, room - 2 * answer), answer, answer, 6)


def cell(text: str, justify: str = "left") -> Text:
    """A table cell that shows text as written (never markup, always printable), cut short
    with '…'."""
    return Text(printable(text), no_wrap=True, overflow="ellipsis", justify=justify)  # type: ignore[arg-type]


def row(number: int, record: AnswerRecord) -> tuple[Text, ...]:
    """One table row for an answer."""
    symbol = record.verdict_text.split(" ", 1)[0]
    return (
        cell(str(number), "right"),
        cell(symbol),
        cell(record.asked.question.prompt),
        cell(record.given or ("(timed out)" if record.timed_out else "(skipped)")),
        cell(record.asked.question.answer_text),
        cell(str(record.points), "right"),
    )


def stats_line(summary: Summary) -> Content:
    """Score, right/total, accuracy, best streak and time, on one line."""
    parts: list[Content | str | tuple[str, str]] = []
    if summary.scored:
        parts += ["Score ", (str(summary.score), "bold"), "   "]
    parts += [
        "Right ", (f"{summary.right}/{summary.total}", "bold"),
        "   Accuracy ", (f"{summary.accuracy:.0%}", "bold"),
    ]  # fmt: skip
    if summary.scored:
        parts += ["   Best streak ", (str(summary.best_streak), "bold")]
    parts += ["   Time ", (duration(summary.seconds), "bold")]
    return Content.assemble(*parts)


def best_line(done: GameEnd) -> Content | None:
    """How the score stands among the games of its kind: '★ New best! 1,250, up from 900:
    the best of 4 games of this kind (10q)', 'Best of 4 games of this kind (10q): 1,250',
    or, for the first, 'First game of this kind (10q): 398 is the score to beat'."""
    kind = done.kind.label
    of = f"{done.games} games of this kind ({kind})" if done.games > 1 else f"this kind ({kind})"
    if done.previous_best is None:
        if done.score <= 0:
            return None
        return Content(f"First game of this kind ({kind}): {done.score:,} is the score to beat")
    if done.new_best:
        # A best of 0 was never shown as one (home lists scores above 0), so it is no "from".
        since = f", up from {done.previous_best:,}" if done.previous_best else ""
        return Content.assemble(
            ("★ New best!", "bold $success"), f" {done.score:,}{since}: the best of {of}"
        )
    return Content(f"Best of {of}: {max(done.score, done.previous_best):,}")


class ResultsScreen(Screen):
    """How the game went; Enter on a row shows that question's source."""

    DEFAULT_CSS = tcss(__file__)

    BINDINGS = [
        Binding("p", "play_again", "Play again"),
        Binding("m", "retry", "Retry missed"),
        Binding("h,escape", "home", "Home", key_display="h"),
    ]

    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]

    def __init__(self, session: GameSession, summary: Summary, end: GameEnd | None = None) -> None:
        super().__init__()
        self.session = session
        self.summary = summary
        self.end = end  # how the game stands in the history, if it was kept
        self.missed = session.missed()
        self.review = session.mode is Mode.REVIEW

    def compose(self) -> ComposeResult:
        title = "Results" if self.summary.scored else "Practice results (not scored)"
        yield Static("↻ Review results (never a best)" if self.review else title, id="title")
        yield Static(self._stats(), id="stats")
        table: DataTable[Text] = DataTable(id="answers", cursor_type="row", zebra_stripes=True)
        for label, width in zip(COLUMNS, column_widths(self.app.size.width), strict=True):
            table.add_column(label, width=width)
        for number, record in enumerate(self.summary.records, start=1):
            table.add_row(*row(number, record))
        yield table
        yield Static("Enter on a row, or click it twice, to see its source.", id="hint")
        with Horizontal(id="actions"):
            yield Button("Play again (p)", id="play_again", variant="primary",
                         disabled=self.review, action="screen.play_again")  # fmt: skip
            yield Button(f"Retry {len(self.missed)} missed (m)", id="retry",
                         disabled=not self.missed, action="screen.retry")  # fmt: skip
            yield Button("Home (h)", id="home", action="screen.home")
        yield QuizFooter()

    def _stats(self) -> Content:
        """The stats line, and under it the best score of normal play, if it has one."""
        line = stats_line(self.summary)
        if self.end is None or not self.end.kind.ranked:
            return line
        best = best_line(self.end)
        return line if best is None else Content("\n").join([line, best])

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        # One-line buttons on a short terminal leave room for the table.
        for button in self.query(Button):
            button.compact = event.size.height < SHORT

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return bool(self.missed)
        if action == "play_again":
            return not self.review  # a review plays what was due; nothing to play again
        return True

    def action_play_again(self) -> None:
        """A new game with the same options."""
        self.post_message(PlayAgain())

    def action_retry(self) -> None:
        """Replay the questions missed in this game, unscored."""
        self.post_message(RetryMissed(self.session))

    def action_home(self) -> None:
        """Back to the home screen."""
        self.post_message(GoHome())

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        record = self.summary.records[event.cursor_row]
        self.app.push_screen(SourceScreen(record, scored=self.summary.scored))
