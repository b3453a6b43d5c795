"""How many questions each setup choice leaves, given the other choices (live counts)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from quiz.packs.model import Difficulty, QuestionFacts


@dataclass(frozen=True)
class FilterCounts:
    """A pack's questions counted by (category, difficulty), so each count the setup
    shows respects every other filter; categories compare case-insensitively, as
    selection's filters do."""

    joint: Counter[tuple[str, Difficulty]]  # (casefolded category or "", difficulty)

    @classmethod
    def of(cls, facts: QuestionFacts) -> FilterCounts:
        """Counted once from the pack's columns (no question is built)."""
        pairs = zip(facts.categories(), facts.difficulties(), strict=True)
        return cls(Counter(((c or "").casefold(), d) for c, d in pairs))

    def matching(self, categories: Collection[str], difficulties: Collection[str]) -> int:
        """Questions passing both filters (an empty filter passes everything)."""
        wanted_c = {c.casefold() for c in categories}
        wanted_d = {d.casefold() for d in difficulties}
        return sum(
            n
            for (category, difficulty), n in self.joint.items()
            if (not wanted_c or category in wanted_c) and (not wanted_d or difficulty in wanted_d)
        )

    def in_category(self, category: str, difficulties: Collection[str]) -> int:
        """Questions of CATEGORY that pass the difficulty filter."""
        return self.matching([category], difficulties)

    def in_difficulty(self, difficulty: str, categories: Collection[str]) -> int:
        """Questions of DIFFICULTY that pass the category filter."""
        return self.matching(categories, [difficulty])


def nothing_matches(categories: Collection[str], difficulties: Collection[str]) -> str:
    """Why a game can't start: 'No cast question is hard: tick another category or
    difficulty, or untick one.' (The names are pack text: the UI shows it as plain text.)"""
    kinds = " or ".join(sorted(categories, key=str.casefold))
    levels = " or ".join(difficulties)
    if kinds and levels:
        return f"No {kinds} question is {levels}: tick another category or difficulty."
    return "No question matches: tick another category or difficulty."
