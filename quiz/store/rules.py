"""Pure rules the store applies: what "kind of game" a game is, and the Leitner boxes."""

from __future__ import annotations

from collections.abc import Mapping

MAX_BOX = 5
# Games that do not compete for best scores get their mode as their kind.
RANKED_MODES = (None, "", "play")


def game_kind(settings: Mapping[str, object]) -> str:
    """The key best scores are kept under: how many questions, and timed or not.

    A game of 10 untimed questions is "10q-untimed"; all the questions with a timer is
    "allq-timed". Filters (categories, difficulties) and the timer's length do not change
    the kind. A game whose settings name another mode ("review", "retry") has that mode
    as its kind, so it never sets a best score for normal play.
    """
    mode = settings.get("mode")
    if mode not in RANKED_MODES:
        return str(mode)
    count = settings.get("count")
    timed = "timed" if settings.get("timer") else "untimed"
    return f"{count or 'all'}q-{timed}"


def is_ranked(kind: str) -> bool:
    """True for the kinds of normal play (those `game_kind` builds from count and timer)."""
    return kind.endswith(("q-timed", "q-untimed"))


def next_box(box: int | None, correct: bool) -> int:
    """The Leitner box after an answer: right moves up one (to at most 5), wrong goes to 1.

    A question never answered before counts as being in box 1, so a first right answer
    puts it in box 2.
    """
    if not correct:
        return 1
    return min((box or 1) + 1, MAX_BOX)


def interval(box: int) -> int:
    """How many games of its pack pass between reviews of a question in this box: 2^(box-1)."""
    return 2 ** (box - 1)
