"""A history whose number columns hold text, reals, blobs or huge numbers: such rows are
left out of scores, stats and review, and nothing reading them raises."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.history.sqlite import SqliteHistory
from quiz.store import NewGame, Store

HOSTILE = ["abc", b"\xff", 1e309, "9" * 400, 2.5]


def played(folder: Path) -> None:
    """Two finished games of mini (scores 100 and 300), each with an answer."""
    store, _ = Store.open(folder)
    with store:
        for score, right in ((100, True), (300, False)):
            game = store.start_game(NewGame("mini", count=4))
            store.record_answer(game, "mini", "lens", "x", right, score, 1.0, "cast", "easy")
            store.finish_game(game, score, int(right), 1)


def tamper(folder: Path, *statements: tuple[str, tuple]) -> None:
    conn = sqlite3.connect(folder / "quiz.db")
    with conn:
        for sql, values in statements:
            conn.execute(sql, values)
    conn.close()


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_a_score_that_is_not_a_whole_number_is_left_out(tmp_path: Path, value: object):
    played(tmp_path)
    tamper(tmp_path, ("UPDATE games SET score = ? WHERE score = 300", (value,)))
    store, _ = Store.open(tmp_path)
    with store:
        (stats,) = store.stats()
        assert (stats.best, stats.average) == (100, 100)
        assert [kind.best for kind in stats.kinds] == [100]
        assert [best.score for best in store.best_scores()] == [100]
        game = store.start_game(NewGame("mini", count=4))
        assert store.finish_game(game, 200, 1, 1).previous_best == 100
    history = SqliteHistory.open(tmp_path)
    try:
        assert [list(kinds.values()) for kinds in history.best_scores().values()] == [[200]]
    finally:
        history.close()


@pytest.mark.parametrize("column", ["question_count", "timed"])
@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_a_game_of_no_known_kind_is_left_out_of_best_scores(tmp_path, column, value):
    played(tmp_path)
    tamper(tmp_path, (f"UPDATE games SET {column} = ? WHERE score = 300", (value,)))
    store, _ = Store.open(tmp_path)
    with store:
        assert [best.score for best in store.best_scores()] == [100]
        (stats,) = store.stats()
        assert [kind.best for kind in stats.kinds] == [100]


@pytest.mark.parametrize("value", [*HOSTILE, 2**63 - 1], ids=repr)
def test_an_answer_neither_right_nor_wrong_counts_as_neither(tmp_path: Path, value: object):
    played(tmp_path)
    # Two huge values once made sum() overflow; text once counted as a miss.
    tamper(tmp_path, ("UPDATE answers SET correct = ?", (value,)))
    assert main(["stats", "--data-dir", str(tmp_path)]) == 0
    store, _ = Store.open(tmp_path)
    with store:
        (stats,) = store.stats()
        assert stats.overall.right == 0 and stats.overall.total == 2
        assert stats.most_missed == ()


USABLE = {("stability", 2.5), ("difficulty", 2.5), ("step", 0)}  # still a card (relearning)


@pytest.mark.parametrize(
    "column", ["state", "step", "stability", "difficulty", "due", "last_review"]
)
@pytest.mark.parametrize("value", [*HOSTILE, None, -1, 0, "2026-99-01", "9999-12-31T00:00:00"],
                         ids=repr)  # fmt: skip
def test_a_review_card_that_is_not_a_card_is_as_if_never_answered(tmp_path, column, value):
    played(tmp_path)
    # Our table refuses some of these; a hostile file with the same columns need not.
    tamper(
        tmp_path,
        ("ALTER TABLE cards RENAME TO ours", ()),
        ("CREATE TABLE cards (pack_id, question_id, state, step, stability, difficulty, due,"
         " last_review, reviews, PRIMARY KEY (pack_id, question_id))", ()),
        ("INSERT INTO cards SELECT * FROM ours", ()),
        ("DROP TABLE ours", ()),
        ("DROP INDEX IF EXISTS cards_due", ()),
        ("CREATE INDEX cards_due ON cards (pack_id, due)", ()),
        ("UPDATE cards SET due = '2000-01-01T00:00:00+00:00',"  # due, were it a card
         " last_review = '1999-12-31T00:00:00+00:00'", ()),
        (f"UPDATE cards SET {column} = ?", (value,)),
    )  # fmt: skip
    assert main(["stats", "--data-dir", str(tmp_path)]) == 0
    store, _ = Store.open(tmp_path)
    with store:
        usable = (column, value) in USABLE
        assert bool(store.due("mini")) == usable
        assert (store.next_due("mini") is not None) == usable
        (stats,) = store.stats()
        assert stats.seen == int(usable)
        game = store.start_game(NewGame("mini", count=4))
        store.record_answer(game, "mini", "lens", "x", True, 100, 1.0)  # starts it afresh
        assert store.card("mini", "lens") is not None
        assert store.next_due("mini") is not None


@pytest.mark.parametrize(
    ("table", "column"),
    [("scope_totals", "members"), ("scope_totals", "ranked_sum"), ("kind_totals", "count_key"),
     ("kind_totals", "score_sum"), ("label_totals", "hits"), ("label_totals", "category"),
     ("question_totals", "misses"), ("question_totals", "question_id"), ("pack_games", "seq"),
     ("scope_packs", "pack_id")],
)  # fmt: skip
@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_totals_edited_by_hand_never_break_reading(tmp_path: Path, table, column, value):
    played(tmp_path)
    tamper(tmp_path, (f"UPDATE {table} SET {column} = ?", (value,)))
    assert main(["stats", "--data-dir", str(tmp_path)]) == 0
    store, _ = Store.open(tmp_path)
    with store:
        for stats in store.stats():
            names = [stats.pack_id, *stats.packs, *(a.label for a in stats.by_category)]
            names += [a.label for a in stats.by_difficulty]
            names += [m.question_id for m in stats.most_missed]
            assert all(isinstance(name, str) for name in names)
            assert all(isinstance(k.count, int | None) for k in stats.kinds)
        store.best_scores()
        store.due("mini")
        store.next_due("mini")
