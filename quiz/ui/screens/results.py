"""The results screen: the score, a row per question, and what to do next."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
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
from quiz.ui.text import duration, fit_phrases
from quiz.ui.widgets.footer import QuizFooter

if TYPE_CHECKING:
    from quiz.game.history import GameEnd

SHORT = 20  # rows
NARROW = 60  # columns: below, the buttons say less so all three fit
COLUMNS = ("#", "", "Question", "Your answer", "Answer", "Points")
NUMBER, VERDICT, QUESTION, GIVEN, ANSWER, POINTS = range(len(COLUMNS))
PADDING = 2  # a DataTable cell's padding, either side
CHROME = 4  # the table's margins (1 each side) and a vertical scrollbar (2)
ROOMY = 24  # the question column's room that a Your answer column may not take


def given_text(record: AnswerRecord) -> str:
    return record.given or ("(timed out)" if record.timed_out else "(skipped)")


def shown_width(text: str) -> int:
    """How many cells a cell's text takes (as cell() shows it)."""
    return cell_len(printable(text))


def column_widths(screen_width: int, records: Sequence[AnswerRecord] = ()) -> dict[int, int]:
    """The columns that fit the screen, by index into COLUMNS, and their widths.

    The answers get what they need (up to a quarter of the room each), the question the
    rest, up to its longest prompt. When that leaves the question less than ROOMY, Your answer goes (the source
    dialog still shows it), and on the narrowest screens the row number too.
    """
    room = screen_width - CHROME
    numbers = max(1, len(str(len(records))))
    prompts = (shown_width(r.asked.question.prompt) for r in records)
    longest = max([len(COLUMNS[QUESTION]), *prompts]) if records else room
    needed = {
        GIVEN: max([len(COLUMNS[GIVEN]), *(shown_width(given_text(r)) for r in records)]),
        ANSWER: max(
            [len(COLUMNS[ANSWER]), *(shown_width(r.asked.question.answer_text) for r in records)]
        ),
    }
    for shown in ((NUMBER, GIVEN, ANSWER), (NUMBER, ANSWER), (ANSWER,)):
        widths = {NUMBER: numbers, VERDICT: 1, POINTS: len(COLUMNS[POINTS])}
        widths |= {c: min(needed[c], max(6, room // 4)) for c in (GIVEN, ANSWER) if c in shown}
        kept = {c: w for c, w in widths.items() if c in shown or c in (VERDICT, POINTS)}
        question = room - sum(w + PADDING for w in kept.values()) - PADDING
        if question >= ROOMY or shown == (ANSWER,):
            # No wider than the longest prompt: on a wide screen the answers stay near it.
            kept[QUESTION] = max(8, min(question, longest))
            return dict(sorted(kept.items()))
    raise AssertionError("unreachable: the last layout always fits")


def cell(text: str, justify: str = "left") -> Text:
    """A table cell that shows text as written (never markup, always printable), cut short
    with '…'."""
    return Text(printable(text), no_wrap=True, overflow="ellipsis", justify=justify)  # type: ignore[arg-type]


def row(number: int, record: AnswerRecord) -> tuple[Text, ...]:
    """One table row for an answer, a cell for each of COLUMNS."""
    symbol = record.verdict_text.split(" ", 1)[0]
    return (
        cell(str(number), "right"),
        cell(symbol),
        cell(record.asked.question.prompt),
        cell(given_text(record)),
        cell(record.asked.question.answer_text),
        cell(str(record.points), "right"),
    )


def stats_line(summary: Summary, width: int | None = None) -> Content:
    """Score, right/total, accuracy, best streak and time, on one line, or on as many as
    WIDTH needs, broken between phrases ("Best streak 2" is never split)."""
    phrases = [("Score", str(summary.score))] if summary.scored else []
    phrases += [
        ("Right", f"{summary.right}/{summary.total}"),
        ("Accuracy", f"{summary.accuracy:.0%}"),
    ]
    if summary.scored:
        phrases.append(("Best streak", str(summary.best_streak)))
    phrases.append(("Time", duration(summary.seconds)))
    return fit_phrases(
        [Content.assemble(f"{name} ", (value, "bold")) for name, value in phrases], width
    )


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
        Binding("m", "retry", "Retry"),
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
        self._fill(table, self.app.size.width)
        yield table
        yield Static("Enter on a row, or click it twice, to see its source.", id="hint")
        with Horizontal(id="actions"):
            yield Button("", id="play_again", variant="primary",
                         disabled=self.review, action="screen.play_again")  # fmt: skip
            yield Button("", id="retry", disabled=not self.missed, action="screen.retry")
            yield Button("Home (h)", id="home", action="screen.home")
        yield QuizFooter()

    def _stats(self, width: int | None = None) -> Content:
        """The stats line, and under it the best score of normal play, if it has one."""
        line = stats_line(self.summary, (width or self.app.size.width) - 2)
        if self.end is None or not self.end.kind.ranked:
            return line
        best = best_line(self.end)
        return line if best is None else Content("\n").join([line, best])

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self._label_buttons(self.app.size.width < NARROW)

    def _label_buttons(self, narrow: bool) -> None:
        again, retry = self.query_one("#play_again", Button), self.query_one("#retry", Button)
        again.label = "Again (p)" if narrow else "Play again (p)"
        # Offered only when there is something to offer, as the footer does: a review plays
        # what was due (nothing to play again), and a game with no misses has none to retry.
        again.display = not self.review
        retry.display = bool(self.missed)
        retry.label = "Retry (m)" if narrow else f"Retry {len(self.missed)} missed (m)"

    def _fill(self, table: DataTable[Text], width: int) -> None:
        """Lay the table out for a screen WIDTH wide (again, if that changes its columns)."""
        widths = column_widths(width, self.summary.records)
        if widths == getattr(self, "_widths", None):
            return
        self._widths = widths
        row_shown = table.cursor_row
        table.clear(columns=True)
        for index, width in widths.items():
            table.add_column(COLUMNS[index], width=width)
        table.add_rows(
            [cells[i] for i in widths]
            for cells in (row(n, r) for n, r in enumerate(self.summary.records, start=1))
        )
        table.move_cursor(row=row_shown, animate=False)

    def on_resize(self, event: events.Resize) -> None:
        # One-line buttons on a short terminal leave room for the table; the table's
        # columns are laid out again for the new width.
        for button in self.query(Button):
            button.compact = event.size.height < SHORT or event.size.width < NARROW
        self._label_buttons(event.size.width < NARROW)
        self._fill(self.query_one(DataTable), event.size.width)
        self.query_one("#stats", Static).update(self._stats(event.size.width))

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
