"""A review game from the saved boxes, or one line saying nothing is due and when it will be.

The game asks the due questions the packs still have, most overdue first.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.game.history import History
from quiz.game.selection import Selection, ask, new_seed
from quiz.packs.model import Pack, Question

REVIEW_LIMIT = 20  # questions in one review game; the rest stay due for the next


@dataclass(frozen=True)
class ReviewPlan:
    """The questions to review, in order, with the seed that shuffled their options; or,
    when none are due, `message` saying so in one line."""

    selection: Selection | None
    message: str | None = None


def plan_review(
    history: History,
    packs: Sequence[Pack],
    pack: Pack | None = None,
    *,
    limit: int = REVIEW_LIMIT,
    seed: int | None = None,
) -> ReviewPlan:
    """The due questions of PACK (or of every pack in PACKS), at most LIMIT.

    Questions a pack no longer has are left out. Choice options are shuffled with SEED
    (a fresh one when None), as in any game, so a review can be replayed.
    """
    chosen = [pack] if pack is not None else list(packs)
    found: list[tuple[int, int, int, Question, Pack]] = []
    for each in chosen:
        ids = list(dict.fromkeys(each.facts.ids()))  # a question is built only if it is due
        for item in history.due(each.id, ids):
            question = each.question(item.question_id)
            if question is not None:
                order = len(found)  # ties keep pack order, then the history's order
                found.append((-item.overdue, item.box, order, question, each))
    if not found:
        waits = [
            history.next_due(each.id, list(dict.fromkeys(each.facts.ids()))) for each in chosen
        ]
        known = [wait for wait in waits if wait is not None]
        title = pack.title if pack is not None else None
        return ReviewPlan(None, nothing_due_message(min(known) if known else None, title))
    found.sort(key=lambda item: item[:3])
    seed = new_seed() if seed is None else seed
    rng = random.Random(seed)
    asked = tuple(ask(question, each, rng) for *_, question, each in found[:limit])
    return ReviewPlan(Selection(asked, seed))


def nothing_due_message(games: int | None, pack_title: str | None = None) -> str:
    """One line for the player when a review finds nothing due."""
    where = f" in {pack_title}" if pack_title else ""
    if games is None:
        return (
            f"Nothing to review yet{where}: play a game first and missed questions come back here."
        )
    if games <= 0:
        return f"Questions are due for review{where}."
    plural = "game" if games == 1 else "games"
    return (
        f"Nothing is due for review{where};"
        f" the next question comes back after {games} more {plural}."
    )
