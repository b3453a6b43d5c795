"""A review game from the Leitner boxes: the due questions the packs still have, most overdue
first, or one line saying nothing is due and when something will be."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.game.selection import AskedQuestion, new_seed
from quiz.packs.model import Pack, QuestionType
from quiz.store.history import Store
from quiz.store.review import DueQuestion, nothing_due_message

REVIEW_LIMIT = 20  # questions in one review game; the rest stay due for the next


@dataclass(frozen=True)
class ReviewPlan:
    """The questions to review (in order) and the seed that shuffled their options; when
    there are none, `message` says so in one line."""

    asked: tuple[AskedQuestion, ...]
    seed: int
    message: str | None = None


def plan_review(
    store: Store,
    packs: Sequence[Pack],
    pack: Pack | None = None,
    *,
    limit: int = REVIEW_LIMIT,
    seed: int | None = None,
) -> ReviewPlan:
    """The due questions of PACK (or of every pack in PACKS), at most LIMIT.

    Questions a pack no longer has are left out. Choice options are shuffled with SEED
    (a fresh one when None), so a review can be replayed like any game.
    """
    chosen = [pack] if pack is not None else list(packs)
    seed = new_seed() if seed is None else seed
    found: list[tuple[DueQuestion, Pack]] = []
    for each in chosen:
        ids = [question.id for question in each.questions]
        found += [(item, each) for item in store.due(each.id, ids)]
    if not found:
        waits = [store.next_due(each.id, [q.id for q in each.questions]) for each in chosen]
        known = [wait for wait in waits if wait is not None]
        title = pack.title if pack is not None else None
        return ReviewPlan((), seed, nothing_due_message(min(known) if known else None, title))
    found.sort(key=lambda pair: (-pair[0].overdue, pair[0].box))  # stable: pack order next
    rng = random.Random(seed)
    asked = []
    for item, each in found[:limit]:
        question = next(q for q in each.questions if q.id == item.question_id)
        options = list(question.options)
        if question.type is QuestionType.CHOICE:
            rng.shuffle(options)
        asked.append(AskedQuestion(question, each, tuple(options)))
    return ReviewPlan(tuple(asked), seed)
