"""What home, setup, `quiz packs` and stats show of a valid pack, without its questions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from quiz.packs.model import Difficulty, Pack


@dataclass(frozen=True)
class PackSummary:
    """A valid pack's id, title and description, and how many questions it has: in all,
    per category (sorted by name) and per difficulty (every one, easy to hard)."""

    id: str
    title: str
    description: str | None
    questions: int
    categories: tuple[tuple[str, int], ...] = ()
    difficulties: tuple[tuple[Difficulty, int], ...] = ()

    def in_difficulty(self, difficulty: Difficulty) -> int:
        """How many questions have this difficulty."""
        return dict(self.difficulties).get(difficulty, 0)


def summarize(pack: Pack) -> PackSummary:
    """The summary of a loaded pack."""
    categories = Counter(q.category for q in pack.questions if q.category)
    difficulties = Counter(q.difficulty for q in pack.questions)
    return PackSummary(
        id=pack.id,
        title=pack.title,
        description=pack.description,
        questions=len(pack.questions),
        categories=tuple(sorted(categories.items())),
        difficulties=tuple((d, difficulties[d]) for d in Difficulty),
    )
