"""last_seen: when each question was last answered, read from the totals and one index."""

from __future__ import annotations


def test_never_answered_questions_are_left_out_and_later_answers_rank_higher(store, play) -> None:
    play(store, "mini", [("a", True), ("b", False)])
    play(store, "mini", [("c", True)])
    play(store, "mini", [("a", False)])
    play(store, "other", [("a", True)])
    seen = store.last_seen(["mini"])
    assert set(seen) == {("mini", "a"), ("mini", "b"), ("mini", "c")}
    assert seen[("mini", "b")] < seen[("mini", "c")] < seen[("mini", "a")]


def test_several_packs_are_read_at_once(store, play) -> None:
    play(store, "mini", [("a", True)])
    play(store, "other", [("z", True)])
    assert set(store.last_seen(["other", "mini", "none"])) == {("mini", "a"), ("other", "z")}


def test_an_empty_history_has_seen_nothing(store) -> None:
    assert store.last_seen(["mini"]) == {}
