"""A review game from the saved review cards, or one line saying nothing is due and when.

The game asks the due questions the packs still have, most overdue first, at most
`limit` of them (10 by default); the rest stay due for the next review.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from quiz.game.history import History
from quiz.game.selection import Selection, ask, new_seed
from quiz.packs.model import Pack, Question
from quiz.records import NextDue

REVIEW_LIMIT = 10  # questions in one review game by default
MAX_REVIEW_LIMIT = 500  # the most one review game asks, whatever is asked for
REVIEW_CHOICES = (5, 10, 20)  # what setup offers
REVIEW_SETUP_KEY = "review_questions"  # where the setup choices keep it


@dataclass(frozen=True)
class ReviewPlan:
    """The questions to review, in order, with the seed that shuffled their options; or,
    when none are due, `message` saying so in one line."""

    selection: Selection | None
    message: str | None = None


def review_limit(value: object) -> int:
    """A review game's question count from a setting or an option: a whole number 1..500,
    else the default."""
    if type(value) is int and 1 <= value <= MAX_REVIEW_LIMIT:
        return value
    return REVIEW_LIMIT


def plan_review(
    history: History,
    packs: Sequence[Pack],
    pack: Pack | None = None,
    *,
    limit: int = REVIEW_LIMIT,
    seed: int | None = None,
) -> ReviewPlan:
    """The due questions of PACK (or of every pack in PACKS), most overdue first, at most LIMIT.

    Questions a pack no longer has are left out. Choice options are shuffled with SEED
    (a fresh one when None), as in any game, so a review can be replayed.
    """
    chosen = [pack] if pack is not None else list(packs)
    found: list[tuple[datetime, int, Question, Pack]] = []
    for each in chosen:
        ids = list(dict.fromkeys(each.facts.ids()))  # a question is built only if it is due
        for item in history.due(each.id, ids):
            question = each.question(item.question_id)
            if question is not None:
                found.append((item.due, len(found), question, each))  # ties keep pack order
    if not found:
        waits = [
            history.next_due(each.id, list(dict.fromkeys(each.facts.ids()))) for each in chosen
        ]
        known = [wait for wait in waits if wait is not None]
        title = pack.title if pack is not None else None
        following = min(known, key=lambda wait: wait.when) if known else None
        return ReviewPlan(None, nothing_due_message(following, title))
    found.sort(key=lambda item: (item[0], item[1]))
    seed = new_seed() if seed is None else seed
    rng = random.Random(seed)
    asked = tuple(ask(question, each, rng) for *_, question, each in found[:limit])
    return ReviewPlan(Selection(asked, seed))


def nothing_due_message(following: NextDue | None, pack_title: str | None = None) -> str:
    """One line for the player when a review finds nothing due: when the next one is."""
    where = f" in {pack_title}" if pack_title else ""
    if following is None:
        return (
            f"Nothing to review yet{where}: play a game first, and its questions come back"
            " here when they are due."
        )
    local = following.when.astimezone()
    date = local.date().isoformat()
    if following.days <= 0:
        return (
            f"Nothing is due for review{where} yet; the next question is due later today"
            f" ({date} at {local:%H:%M})."
        )
    plural = "day" if following.days == 1 else "days"
    return (
        f"Nothing is due for review{where}; the next question is due on {date}"
        f" (in {following.days} {plural})."
    )
