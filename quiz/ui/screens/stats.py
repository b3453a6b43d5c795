"""The stats screen: per pack, games played, best and average scores, accuracy, most missed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static
from textual.worker import Worker, WorkerState

from quiz.game.kinds import GameKind
from quiz.game.words import brief
from quiz.packs.model import titles_of
from quiz.packs.texts import PackTexts
from quiz.ui.attempt import tell
from quiz.ui.styles import tcss
from quiz.ui.text import fit_phrases, one_line, plain
from quiz.ui.widgets.footer import QuizFooter

if TYPE_CHECKING:
    from quiz.records import Accuracy, PackStats

LOADING = "Reading the history…"
UNREADABLE = "The history could not be read, so there are no stats to show."
EMPTY = "No games played yet. Pick a pack on the home screen and press Enter to play one."
NO_HISTORY = "No history is kept in this run, so there are no stats to show."
PROMPT_WIDTH = 48
LABEL_WIDTH = 15
SHORT = 20  # rows


def title_of(stats: PackStats, packs: PackTexts) -> Content:
    """'Studio Tour (studio)'; a mix of packs as 'A + B (a+b)'; an unknown id as itself."""
    titles = titles_of(stats.packs, packs.titles)
    if not titles:
        return one_line(stats.pack_id, "bold $accent")
    return Content.assemble(
        plain(" + ".join(titles), "bold $accent"), one_line(f" ({stats.pack_id})")
    )


def percent(accuracy: Accuracy) -> str:
    return f"{accuracy.ratio:.0%} ({accuracy.right}/{accuracy.total})"


def shorten(text: str) -> str:
    return brief(" ".join(text.split()), PROMPT_WIDTH)


def labelled(label: str, value: Content | str, width: int | None = None) -> Content:
    """'Accuracy      50% (3/6)': a bold label in a column, then the value. Given the
    WIDTH it has, a value of ' · ' parts too long for one line goes on over more, each
    in the value's column and broken between parts, not under the label."""
    value = Content(value) if isinstance(value, str) else value
    if width is not None:
        room = max(10, width - LABEL_WIDTH)
        parts = value.split(" · ") if " · " in value.plain else [value]
        lines = fit_phrases(parts, room, gap=" · ").split("\n")
        # a part wider than the column wraps inside the column too, not under the label
        lines = [piece for line in lines for piece in line.wrap(room)]
        value = Content("\n" + " " * LABEL_WIDTH).join(lines)
    return Content.assemble((f"{label:<{LABEL_WIDTH}}", "bold"), value)


def review_line(stats: PackStats) -> str:
    """'12 seen · 3 due now · 5 mastered': what review knows of the pack's questions."""
    return f"{stats.seen} seen · {stats.due} due now · {stats.mastered} mastered (recall over 90%)"


def pack_block(stats: PackStats, packs: PackTexts, width: int | None = None) -> Content:
    """Everything about one pack's history, as lines of plain text under its title
    (values laid out for WIDTH columns, when given: see labelled)."""
    lines: list[Content] = [title_of(stats, packs)]
    games = f"{stats.games} played"
    if stats.unfinished:
        games += f", {stats.unfinished} unfinished"
    if stats.best is not None and stats.average is not None:
        games += f" · best {stats.best:,} · average {stats.average:,.0f}"
    lines.append(labelled("Games", games, width))
    if stats.practice:
        rounds = "round" if stats.practice == 1 else "rounds"
        lines.append(
            labelled("Practice", f"{stats.practice} {rounds}, not in games or accuracy", width)
        )
    ranked = sorted((k for k in stats.kinds if k.best and k.finished), key=lambda k: -(k.best or 0))
    bests = [f"{GameKind(count=k.count, timed=k.timed).label} {k.best:,}" for k in ranked]
    if bests:
        lines.append(labelled("Best by game", one_line(" · ".join(bests)), width))
    if stats.overall.total:
        lines.append(labelled("Accuracy", percent(stats.overall), width))
    if stats.seen:
        lines.append(labelled("Review", review_line(stats), width))
    for name, items in (("By difficulty", stats.by_difficulty),):  # categories: a chart below
        if items:
            lines.append(
                labelled(
                    name, one_line(" · ".join(f"{a.label} {percent(a)}" for a in items)), width
                )
            )
    prompts = packs.prompts(stats.pack_id, [missed.question_id for missed in stats.most_missed])
    for number, missed in enumerate(stats.most_missed):
        prompt = prompts.get(missed.question_id, missed.question_id)
        count = f"✗ {missed.misses} of {missed.attempts}"
        if missed.recall is not None:
            count += f" · recall {missed.recall:.0%}"
            count += " (answer just shown)  " if missed.just_shown else "  "
        else:
            count += "  "
        label = "Most missed" if number == 0 else ""
        line = labelled(label, Content.assemble(count, plain(shorten(prompt))))
        lines.append(line if width is None else line.truncate(width, ellipsis=True))
    return Content("\n").join(lines)


class StatsScreen(Screen):
    """The history of every pack played; Escape or h goes back home.

    The report is read by LOAD on a thread (None: no history is kept); a loading line
    shows until it comes, and the keys work meanwhile.
    """

    DEFAULT_CSS = tcss(__file__)

    BINDINGS = [Binding("escape,h", "back", "Home", key_display="h")]

    def __init__(self, packs: PackTexts, load: Callable[[], Sequence[PackStats]] | None) -> None:
        super().__init__()
        self.packs = packs
        self.load = load
        self.report: Sequence[PackStats] | None = None  # None until read (or unreadable)
        self._blocks: list[
            tuple[Static, PackStats]
        ] = []  # each pack's lines, laid out again on resize

    def compose(self) -> ComposeResult:
        yield Static("Stats", id="title")
        with VerticalScroll(id="report"):
            yield Static(LOADING if self.load else NO_HISTORY, id="empty")
        with Horizontal(id="actions"):
            yield Button("Home (h)", id="back", variant="primary")
        yield QuizFooter()

    def _width(self) -> int:
        return self.app.size.width - 4  # the report's padding and scrollbar

    def on_resize(self, event: events.Resize) -> None:
        # A one-line button on a short terminal leaves room for the report; the
        # report's values are laid out again for the new width.
        self.query_one("#back", Button).compact = event.size.height < SHORT
        for block, stats in self._blocks:
            block.update(pack_block(stats, self.packs, self._width()))

    def on_mount(self) -> None:
        self.query_one("#report").focus()
        if self.load is not None:
            self.run_worker(self._read, name="stats", thread=True, exit_on_error=False)

    def _read(self) -> Sequence[PackStats]:
        """The report, with the prompts it shows looked up too: loading a pack for them
        is file work, kept off the keys' thread like the report's."""
        assert self.load is not None
        report = self.load()
        for stats in report:
            self.packs.prompts(stats.pack_id, [missed.question_id for missed in stats.most_missed])
        return report

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "stats":
            return
        if event.state is WorkerState.SUCCESS:
            self.show(event.worker.result)
        elif event.state is WorkerState.ERROR and event.worker.error is not None:
            tell(self, event.worker.error)
            self.query_one("#empty", Static).update(UNREADABLE)

    def show(self, report: Sequence[PackStats]) -> None:
        """Put the report in place of the loading line."""
        self.report = report
        if not report:
            self.query_one("#empty", Static).update(EMPTY)
            return
        scroll = self.query_one("#report")
        self._blocks = []
        with self.app.batch_update():
            scroll.remove_children()
            scroll.mount_all(self._pack(stats) for stats in report)

    def _pack(self, stats: PackStats) -> Vertical:
        """One pack's report: its lines of text, then its charts."""
        from quiz.ui.widgets.charts import PackCharts

        block = Static(pack_block(stats, self.packs, self._width()), classes="pack")
        self._blocks.append((block, stats))
        return Vertical(
            block,
            PackCharts(stats.scores, stats.by_category),
            classes="pack-report",
        )

    def action_back(self) -> None:
        """Back to the home screen."""
        self.dismiss()

    @on(Button.Pressed, "#back")
    def _back(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss()
