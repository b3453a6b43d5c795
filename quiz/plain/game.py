"""One game in plain text: ask each question once, read a line, reveal, and end with results."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from quiz.game.history import GameEnd, History
from quiz.game.limits import MAX_ANSWER
from quiz.game.session import GameSession, Phase
from quiz.packs.model import QuestionType
from quiz.plain import lines
from quiz.plain.console import Console, TooLong

if TYPE_CHECKING:
    from quiz.game.verdict import AnswerRecord, Summary

T = TypeVar("T")
OPTION_TYPES = (QuestionType.CHOICE, QuestionType.TRUE_FALSE)
NUMBER = re.compile(r"[0-9]+")
PROMPT = "> "
QUIT, SKIP = "q", "s"


def play(session: GameSession, history: History, console: Console) -> Summary:
    """Play SESSION to its end on CONSOLE, saving each answer to HISTORY as it is given.

    `q`, or the end of the input, stops the game early: the answers given are kept and
    the results printed. A history that can't save says so in one line; the game goes on.
    """
    _saving(console, lambda: history.start(session), None)
    while session.phase is not Phase.FINISHED:
        console.say(lines.question(session))
        record = _answer(session, console)
        if record is None:
            break
        _saving(console, lambda r=record: history.answer(session, r), None)
        console.say(lines.reveal(record, session))
        session.next()
    summary = session.finish()
    end: GameEnd | None = _saving(console, lambda: history.end(session, summary), None)
    console.say(lines.results(session, summary, end))
    return summary


def _answer(session: GameSession, console: Console) -> AnswerRecord | None:
    """Read lines until one answers the current question; None to stop the game."""
    while True:
        try:
            typed = console.ask(PROMPT, MAX_ANSWER)
        except TooLong:
            console.say(f"That answer is too long: at most {MAX_ANSWER} characters.")
            continue
        if typed is None:
            return None
        text = typed.strip()
        word = text.casefold()
        if word == QUIT:
            return None
        if word == SKIP:
            return session.skip()
        choice = _option(session, text)
        if isinstance(choice, int):
            return session.answer_option(choice)
        if choice is not None:
            console.say(choice)
        else:
            return session.answer_text(text)


def _option(session: GameSession, text: str) -> int | str | None:
    """The option TEXT picks (its number, its text, or t/f); or why TEXT can't answer the
    question (it is then asked again); or None for a typed answer to judge."""
    asked = session.current
    kind = asked.question.type
    again = lines.hint(kind, len(asked.options))
    if not text:
        return again
    if kind in OPTION_TYPES and NUMBER.fullmatch(text):
        if len(text) > 3 or not 1 <= int(text) <= len(asked.options):
            return f"There is no option {text}. {again}"
        return int(text) - 1
    if kind is QuestionType.TRUE_FALSE:
        from quiz.game.verdict import true_false_word

        value = true_false_word(text)
        return again if value is None else asked.options.index("True" if value else "False")
    if kind is QuestionType.CHOICE:
        # Only an option's own text picks it: a near miss is asked again, whether it is
        # near the right option or a wrong one, so asking again gives nothing away.
        from quiz.game.verdict import option_named

        index = option_named(asked, text)
        return f"That is none of the options. {again}" if index is None else index
    if kind is QuestionType.NUMBER:
        from quiz.game.matching import number_value

        if number_value(text, asked.question.unit) is None:
            return "That is not a number: type digits (12) or words (twelve)."
    return None


def _saving(console: Console, call: Callable[[], T], default: T) -> T:
    """call(), or DEFAULT after one line saying the history could not be written."""
    try:
        return call()
    except Exception as error:  # a history that can't be used must not stop the game
        console.warn(f"Could not save to the history: {error}")
        return default
