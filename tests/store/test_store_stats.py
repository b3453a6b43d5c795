"""Stats queries: games per pack, best and average, accuracy breakdowns, most missed."""

from __future__ import annotations

import pytest
from game_rows import game_row

from quiz.store import NewGame, Store


def test_no_games_gives_no_stats(store: Store):
    assert store.stats() == [] and store.stats("mini") == []


def test_games_best_and_average_per_pack_and_kind(store: Store):
    def game(pack: str, options: dict, score: int | None) -> None:
        game_id = store.start_game(game_row(pack, options))
        if score is not None:
            store.finish_game(game_id, score, 0, 0)

    game("a", {"count": 10}, 400)
    game("a", {"count": 10}, 800)
    game("a", {"count": 5, "timer": 10}, 300)
    game("a", {"count": 10}, None)
    game("a", {"count": 3, "mode": "review"}, 50)  # review games don't set best/average
    game("b", {"count": 10}, 1000)
    a, b = store.stats()
    assert (a.pack_id, a.games, a.unfinished, a.best) == ("a", 5, 1, 800)
    assert a.average == pytest.approx(500)  # (400 + 800 + 300) / 3
    assert [(k.count, k.timed, k.games, k.finished, k.best, k.average) for k in a.kinds] == [
        (5, True, 1, 1, 300, 300.0),
        (10, False, 3, 2, 800, 600.0),
    ]  # a review game counts among the games played, never among the bests
    assert (b.pack_id, b.games, b.unfinished, b.best) == ("b", 1, 0, 1000)
    assert [p.pack_id for p in store.stats("b")] == ["b"]


def test_accuracy_by_category_and_difficulty(store: Store, play):
    play(store, "p", [("q1", True), ("q2", True)], category="sets", difficulty="hard")
    play(store, "p", [("q3", False)], category="sets", difficulty="easy")
    play(store, "p", [("q4", True), ("q5", False)], category="music", difficulty="medium")
    play(store, "p", [("q6", False)], category=None, difficulty=None)
    [stats] = store.stats()
    assert (stats.overall.right, stats.overall.total) == (3, 6)
    assert stats.overall.ratio == pytest.approx(0.5)
    as_tuples = [(a.label, a.right, a.total) for a in stats.by_category]
    assert as_tuples == [("music", 1, 2), ("sets", 2, 3), ("uncategorised", 0, 1)]
    as_tuples = [(a.label, a.right, a.total) for a in stats.by_difficulty]
    assert as_tuples == [("easy", 0, 1), ("medium", 1, 2), ("hard", 2, 2), ("unknown", 0, 1)]


def test_most_missed_counts_misses_then_share(store: Store, play):
    play(store, "p", [("twice", False), ("once-of-one", False), ("once-of-two", False)])
    play(store, "p", [("twice", False), ("once-of-two", True), ("never", True)])
    play(store, "other", [("elsewhere", False)] * 3)
    [p] = store.stats("p")
    assert [(m.question_id, m.misses, m.attempts) for m in p.most_missed] == [
        ("twice", 2, 2),
        ("once-of-one", 1, 1),
        ("once-of-two", 1, 2),
    ]
    [p] = store.stats("p", missed=1)
    assert [m.question_id for m in p.most_missed] == ["twice"]


def test_most_missed_keeps_five(store: Store, play):
    play(store, "p", [(f"q{n}", False) for n in range(8)])
    [p] = store.stats()
    assert len(p.most_missed) == 5


def test_a_game_row_without_its_packs_still_counts_for_its_pack(store: Store):
    game = store.start_game(NewGame("a", count=2))
    store.finish_game(game, 200, 2, 2)
    with store._write() as conn:
        conn.execute("DELETE FROM game_packs")  # as an odd copy of the file might have it
    [stats] = store.stats()
    assert (stats.games, stats.best) == (1, 200)
    assert [(k.games, k.finished) for k in stats.kinds] == [(1, 1)]


@pytest.mark.parametrize(
    "row",
    [
        "INSERT INTO answers (game_id, pack_id, question_id, given, correct, points, seconds,"
        " answered_at) VALUES (1, X'1b5b324a', 'q', '', 0, 0, 1, 't')",  # a blob for an id
        "INSERT INTO answers (game_id, pack_id, question_id, given, correct, points, seconds,"
        " answered_at) VALUES (1, 'a', X'00ff', '', 0, 0, 1, 't')",
        "INSERT INTO answers (game_id, pack_id, question_id, given, correct, points, seconds,"
        " answered_at, category) VALUES (1, 'a', 'q', '', 0, 0, 1, 't', X'1b')",
        "INSERT INTO answers (game_id, pack_id, question_id, given, correct, points, seconds,"
        " answered_at) VALUES (1, CAST(X'61ff' AS TEXT), 'q', '', 0, 0, 1, 't')",  # not UTF-8
        "UPDATE games SET pack_id = CAST(X'ff' AS TEXT)",
    ],
)
def test_names_that_are_not_text_never_break_the_stats(store: Store, row: str):
    game = store.start_game(NewGame("a", count=1))
    store.record_answer(game, "a", "q1", "x", False, 0, 1.0, "cast")
    store.finish_game(game, 0, 0, 1)
    with store._write() as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(row)
    report = store.stats()  # no failure, whatever the row holds
    for stats in report:
        names = [stats.pack_id, *stats.packs, *(a.label for a in stats.by_category)]
        names += [m.question_id for m in stats.most_missed]
        assert all(isinstance(name, str) for name in names)
