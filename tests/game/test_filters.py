"""Live setup counts: each filter's counts given the other, case-insensitive as selection."""

from __future__ import annotations

from test_game_selection import BIG

from quiz.game.filters import FilterCounts, nothing_matches
from quiz.game.selection import GameOptions, matching_pool


def test_counts_agree_with_what_selection_would_deal() -> None:
    counts = FilterCounts.of(BIG.facts)
    for categories in [(), ("cast",), ("CAST", "music"), ("nope",)]:
        for difficulties in [(), ("hard",), ("easy", "medium")]:
            options = GameOptions(categories=categories, difficulties=difficulties)
            dealt = len(matching_pool([BIG], options))
            assert counts.matching(categories, difficulties) == dealt


def test_a_category_count_respects_the_difficulty_filter_and_back() -> None:
    counts = FilterCounts.of(BIG.facts)
    hard_cast = counts.in_category("cast", ["hard"])
    assert (
        hard_cast == counts.in_difficulty("hard", ["cast"]) == counts.matching(["cast"], ["hard"])
    )
    assert hard_cast < counts.in_category("cast", [])


def test_the_reason_names_both_filters() -> None:
    assert nothing_matches(["cast"], ["hard"]) == (
        "No cast question is hard: tick another category or difficulty."
    )
