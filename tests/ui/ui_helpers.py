"""Helpers for the UI tests: a fake clock, the fixture packs, keys that answer right, and
what the player is shown (notifications, footer keys)."""

from __future__ import annotations

from pathlib import Path

from fake_clock import FakeClock
from textual.message import Message
from textual.notifications import Notification, Notify
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from quiz.game.selection import AskedQuestion
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack, QuestionType, format_number
from quiz.ui.app import QuizApp, create_app

UI_FIXTURES = Path(__file__).parent.parent / "fixtures" / "ui"


def studio_pack() -> Pack:
    """The fixed UI test pack: five questions, one of each type and a second choice."""
    return load_pack(UI_FIXTURES / "studio.yaml")


def make_app(packs: list[Pack] | None = None, clock: FakeClock | None = None, **kwargs) -> QuizApp:
    """An app over the studio pack (or packs), with a fake clock and no cursor blink.

    Keys count at once (no grace period) unless `grace` is given: these tests press keys
    while the fake clock stands still. The grace rule has tests of its own.
    """
    kwargs.setdefault("grace", 0.0)
    app = create_app(packs or [studio_pack()], clock=clock or FakeClock(), **kwargs)
    app.cursor_blink = False
    return app


def option_key(asked: AskedQuestion, right: bool) -> str:
    """The number key of the right option, or of a wrong one."""
    question = asked.question
    answer = "True" if question.answer is True else "False" if question.answer is False else None
    right_text = answer if question.type is QuestionType.TRUE_FALSE else str(question.answer)
    index = asked.options.index(right_text)
    if not right:
        index = next(i for i in range(len(asked.options)) if i != index)
    return str(index + 1)


def typed_text(asked: AskedQuestion, right: bool) -> str:
    """Text to type for a text or number question, right or wrong."""
    question = asked.question
    if question.type is QuestionType.NUMBER:
        value = float(question.answer) + (0 if right else question.tolerance + 100)
        return format_number(value)
    return str(question.answer) if right else "nobody at all"


def keys_for(asked: AskedQuestion, right: bool = True) -> list[str]:
    """Keys that answer this question right (or wrong)."""
    if asked.question.type in (QuestionType.CHOICE, QuestionType.TRUE_FALSE):
        return [option_key(asked, right)]
    return [*typed_text(asked, right), "enter"]


async def answer(pilot: Pilot, right: bool = True) -> None:
    """Answer the current question with keys, then wait for the reveal."""
    await pilot.press(*keys_for(pilot.app.screen.session.current, right))
    await pilot.pause()


async def settle(pilot: Pilot) -> None:
    """Let screen switches and mounts finish."""
    await pilot.pause()
    await pilot.pause(0.05)
    await pilot.pause()


async def wait_for(pilot: Pilot, ready, tries: int = 100) -> None:
    """Let the app run until `ready()` is true (for work Textual does in the background)."""
    for _ in range(tries):
        if ready():
            return
        await pilot.pause(0.01)
    raise AssertionError("the app never got ready")


async def play_to_results(pilot: Pilot, clock: FakeClock, wrong_at: int | None = None) -> None:
    """Answer every question (question WRONG_AT wrongly), 9 clock seconds each, to results."""
    await settle(pilot)
    screen = pilot.app.screen
    while screen.session.phase.value != "finished":
        clock.advance(9)
        await answer(pilot, right=screen.session.number != wrong_at)
        await pilot.press("n")
        await pilot.pause()
    await settle(pilot)


class Notices:
    """The notifications an app shows, seen as they reach it: pass one to run_test as its
    message_hook (`app.run_test(message_hook=notices)`)."""

    def __init__(self) -> None:
        self.shown: list[Notification] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.shown.append(message.notification)

    @property
    def messages(self) -> list[str]:
        """The text of each notification, in the order shown."""
        return [notification.message for notification in self.shown]


def footer_entries(footer: Footer) -> list[Widget]:
    """The widgets a footer shows (it keeps some hidden, for later)."""
    return [
        entry
        for entry in footer.query("*")
        if all(node.display for node in entry.ancestors_with_self if node is not footer)
    ]


def footer_key(screen: Screen, action: str) -> Widget:
    """The footer entry a mouse player clicks for an action: the one showing its key and
    description."""
    [description] = {
        active.binding.description
        for active in screen.active_bindings.values()
        if active.binding.action == action and active.binding.show
    }
    for entry in footer_entries(screen.query_one(Footer)):
        if not entry.children:
            words = str(entry.render()).split()  # the key, then the description
            if words[1:] == description.split():
                return entry
    raise AssertionError(f"the footer shows no {description!r}")
