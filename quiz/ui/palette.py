"""The command palette's own commands: play, set up, review, stats, help, and each pack."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from quiz.game.selection import GameOptions
from quiz.ui.messages import OpenSetup, OpenStats, StartGame, StartReview
from quiz.ui.text import one_line

if TYPE_CHECKING:
    from quiz.packs.catalog import PackEntry

# (what the palette lists, its help line: ours, never pack text, as Textual reads it as
# markup, and what choosing it does)
Command = tuple[Content, str, Callable[[], object]]


class QuizCommands(Provider):
    """Commands that post the app's own messages, as the home screen's keys do. During a
    game only Help is offered: the game is left with Esc, which asks first."""

    async def discover(self) -> Hits:
        for display, help_text, run in self._commands():
            yield DiscoveryHit(display, run, text=display.plain, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for display, help_text, run in self._commands():
            score = matcher.match(display.plain)
            if score > 0:
                yield Hit(score, display, run, text=display.plain, help=help_text)

    def _commands(self) -> Iterator[Command]:
        from quiz.ui.app import QuizApp
        from quiz.ui.screens.question import QuestionScreen

        app = self.app
        yield Content("Help"), "every key, and how scoring works", app.action_help
        if not isinstance(app, QuizApp) or isinstance(self.screen, QuestionScreen):
            return
        playable = [entry for entry in app.entries if entry.playable]
        chosen = self._chosen(app) or (playable[0] if playable else None)
        post = app.post_message
        if chosen is not None:
            yield Content("Play"), "the chosen pack: 10 questions, untimed", _play(post, chosen)
            yield (
                Content("Set up a game"),
                "count, categories, difficulty, timer",
                partial(post, OpenSetup(chosen)),
            )
        if app.history.keeps:
            yield (
                Content("Review"),
                "the questions due for review",
                partial(post, StartReview(chosen)),
            )
            yield (
                Content("Stats"),
                "games, scores and accuracy per pack",
                partial(post, OpenStats()),
            )
        for entry in playable:
            title = entry.summary.title if entry.summary is not None else entry.path.name
            display = Content.assemble("Play ", one_line(title))
            yield display, "play this pack: 10 questions, untimed", _play(post, entry)

    @staticmethod
    def _chosen(app: object) -> PackEntry | None:
        from quiz.ui.app import QuizApp
        from quiz.ui.screens.home import HomeScreen

        home = app.home_screen if isinstance(app, QuizApp) else None
        return home.chosen if isinstance(home, HomeScreen) else None


def _play(post: Callable[[StartGame], object], entry: PackEntry) -> Callable[[], object]:
    return partial(post, StartGame([entry], GameOptions()))
