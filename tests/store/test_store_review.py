"""Leitner boxes: right moves up, wrong goes to box 1, box k is due every 2^(k-1) games."""

from __future__ import annotations

import pytest

from quiz.game.review import nothing_due_message
from quiz.store import NewGame, Store
from quiz.store.rules import MAX_BOX, interval, next_box


@pytest.mark.parametrize(
    ("box", "correct", "after"),
    [(None, True, 2), (None, False, 1), (1, True, 2), (3, True, 4), (4, True, 5),
     (5, True, 5), (5, False, 1), (2, False, 1)],
)  # fmt: skip
def test_next_box(box, correct, after):
    assert next_box(box, correct) == after


def test_intervals_double_per_box():
    assert [interval(box) for box in range(1, MAX_BOX + 1)] == [1, 2, 4, 8, 16]


def test_record_answer_moves_the_box(store: Store):
    game = store.start_game(NewGame("p"))
    boxes = [
        store.record_answer(game, "p", "q", "x", correct, 0, 1.0)
        for correct in (True, True, True, True, True, False, True)
    ]
    assert boxes == [2, 3, 4, 5, 5, 1, 2]
    assert store.box("p", "q") == 2
    assert store.box("p", "never-asked") is None
    assert store.box("other-pack", "q") is None


def test_a_missed_question_is_due_in_the_next_game(store: Store, play):
    play(store, "p", [("missed", False), ("known", True)])
    assert [(d.question_id, d.box, d.overdue) for d in store.due("p")] == [("missed", 1, 0)]
    assert store.next_due("p") == 0


def test_box_k_comes_due_after_2_to_the_k_minus_1_games(store: Store, play):
    play(store, "p", [("q", True)] * 3)  # box 4: due every 8 games
    assert store.box("p", "q") == 4
    waits = []
    for _ in range(8):
        waits.append(store.next_due("p"))
        assert bool(store.due("p")) == (waits[-1] == 0)
        play(store, "p", [])  # a game of the pack in which q is not asked
    assert waits == [7, 6, 5, 4, 3, 2, 1, 0]
    assert store.due("p")[0].overdue == 1  # one game past due now


def test_games_of_other_packs_do_not_count(store: Store, play):
    play(store, "p", [("q", True)])  # box 2
    for _ in range(3):
        play(store, "other", [("x", True)])
    assert store.due("p") == [] and store.next_due("p") == 1
    play(store, "p", [], finish=False)  # an unfinished game of the pack counts too
    assert [d.question_id for d in store.due("p")] == ["q"]


def test_due_is_most_overdue_first_then_lower_box(store: Store, play):
    play(store, "p", [("old-miss", False), ("old-box2", True)])
    play(store, "p", [("new-miss", False), ("new-box2", True)])
    play(store, "p", [("fresh-miss", False)])
    due = store.due("p")
    assert [(d.question_id, d.box, d.overdue) for d in due] == [
        ("old-miss", 1, 2),
        ("new-miss", 1, 1),
        ("old-box2", 2, 1),
        ("fresh-miss", 1, 0),
        ("new-box2", 2, 0),
    ]


def test_due_can_be_limited_to_questions_the_pack_still_has(store: Store, play):
    play(store, "p", [("kept", False), ("removed", False)])
    play(store, "r", [("kept", False)])
    assert [d.question_id for d in store.due("p", ["kept", "added"])] == ["kept"]
    assert {(d.pack_id, d.question_id) for d in store.due()} == {
        ("p", "kept"),
        ("p", "removed"),
        ("r", "kept"),
    }
    assert store.next_due("p", ["added"]) is None


def test_nothing_answered_means_nothing_due(store: Store):
    assert store.due() == [] and store.next_due() is None


def test_nothing_due_messages():
    assert "play a game first" in nothing_due_message(None)
    assert nothing_due_message(1, "Mini pack") == (
        "Nothing is due for review in Mini pack; the next question comes back after 1 more game."
    )
    assert "after 3 more games" in nothing_due_message(3)
    assert nothing_due_message(0) == "Questions are due for review."


def test_games_of_several_packs_count_for_each_pack_they_asked_from(store: Store):
    game = store.start_game(NewGame("mini", count=1))
    store.record_answer(game, "mini", "lens", "x", True, 100, 1.0)  # box 2: due every 2 games
    assert store.due("mini") == []
    store.start_game(NewGame("mini+studio", packs=("mini", "studio"), count=4))
    assert [due.question_id for due in store.due("mini")] == ["lens"]
