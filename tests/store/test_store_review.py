"""Review cards: FSRS by wall-clock time; right answers push the next review further out,
a wrong one brings the question back within a day; practice never moves a card."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quiz.records import AGAIN, EASY, GOOD, HARD, is_fast, rating
from quiz.store import NewGame, Store

DAY0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Days:
    """A clock a test moves by whole days (and hours)."""

    def __init__(self) -> None:
        self.now = DAY0

    def __call__(self) -> datetime:
        return self.now

    def to(self, days: float) -> None:
        self.now = DAY0 + timedelta(days=days)


@pytest.fixture
def days() -> Days:
    return Days()


@pytest.fixture
def timed_store(days: Days):
    with Store.in_memory(now=days) as store:
        yield store


def answer(store: Store, question: str, correct: bool, mode: str = "play", grade=None):
    game = store.start_game(NewGame("p", mode=mode))
    return store.record_answer(game, "p", question, "x", correct, 0, 1.0, grade=grade)


def test_right_on_day_0_1_4_waits_longer_each_time_and_wrong_on_day_5_is_back_within_a_day(
    timed_store: Store, days: Days
):
    waits = []
    for day in (0, 1, 4):
        days.to(day)
        due = answer(timed_store, "q", True)
        waits.append(due - days.now)
    assert waits[0] < waits[1] < waits[2]
    assert waits[0] >= timedelta(days=1)
    days.to(5)
    due = answer(timed_store, "q", False)
    assert days.now < due <= days.now + timedelta(days=1)
    assert timed_store.due("p") == []
    days.to(6)
    assert [d.question_id for d in timed_store.due("p")] == ["q"]


def test_a_question_comes_due_by_time_not_by_games(timed_store: Store, days: Days):
    due = answer(timed_store, "q", True)
    for _ in range(20):  # an evening of games asks nothing back early
        timed_store.start_game(NewGame("p"))
    assert timed_store.due("p") == []
    days.now = due
    (item,) = timed_store.due("p")
    assert (item.question_id, item.due) == ("q", due)
    assert 0 < item.recall < 1


def test_due_is_most_overdue_first_and_kept_to_the_pack_s_questions(timed_store, days):
    answer(timed_store, "late", False)
    days.to(1)
    answer(timed_store, "later", False)
    answer(timed_store, "removed", False)
    days.to(10)
    assert [d.question_id for d in timed_store.due("p")] == ["late", "later", "removed"]
    assert [d.question_id for d in timed_store.due("p", ["later", "late"])] == ["late", "later"]
    assert timed_store.due("other") == []


def test_next_due_says_when_and_in_how_many_days(timed_store: Store, days: Days):
    assert timed_store.next_due("p") is None
    due = answer(timed_store, "q", True)
    following = timed_store.next_due("p")
    assert following is not None and following.when == due
    assert following.days == (due.astimezone().date() - DAY0.astimezone().date()).days >= 1
    assert timed_store.next_due("p", ["other"]) is None


def test_practice_rounds_and_unscored_modes_never_move_a_card(timed_store: Store):
    assert answer(timed_store, "q", False, mode="retry") is None
    assert answer(timed_store, "q", False, mode="something-else") is None
    assert timed_store.card("p", "q") is None
    assert answer(timed_store, "q", True, mode="review") is not None


def test_review_games_move_cards_too(timed_store: Store, days: Days):
    answer(timed_store, "q", False)
    days.to(1)
    due = answer(timed_store, "q", True, mode="review")
    assert due > days.now + timedelta(days=1) - timedelta(seconds=1)


def test_the_grade_sets_how_far_out_the_next_review_is(timed_store: Store):
    dues = [answer(timed_store, f"q{grade}", True, grade=grade) for grade in (HARD, GOOD, EASY)]
    assert dues[0] <= dues[1] < dues[2]
    assert answer(timed_store, "again", True, grade=AGAIN) <= DAY0 + timedelta(days=1)


def test_a_clock_set_back_reviews_as_of_now_and_never_holds_the_card_back(timed_store, days):
    days.to(3)
    first = answer(timed_store, "q", True)
    days.to(0)
    again = answer(timed_store, "q", True)  # the last review counts as made now
    assert days.now < again < first


@pytest.mark.parametrize(
    ("correct", "close", "fast", "expected"),
    [(False, False, False, AGAIN), (False, True, True, AGAIN), (True, True, False, HARD),
     (True, True, True, HARD), (True, False, False, GOOD), (True, False, True, EASY)],
)  # fmt: skip
def test_the_rating_rule(correct, close, fast, expected):
    assert rating(correct, close, fast) == expected


@pytest.mark.parametrize(
    ("seconds", "limit", "fast"),
    [(2.0, 20, True), (5.0, 20.0, True), (5.1, 20, False), (1.0, None, False),
     ("1", 20, False), (True, 20, False), (1.0, 0, False), (-1.0, 20, False),
     (float("nan"), 20, False)],
)  # fmt: skip
def test_fast_is_within_a_quarter_of_the_time_limit(seconds, limit, fast):
    assert is_fast(seconds, limit) is fast


def test_desired_retention_is_a_setting_and_a_higher_one_asks_sooner(days: Days):
    from quiz.store.settings import RETENTION

    dues = {}
    for retention in (0.8, 0.95, "0.95", 2.0):
        with Store.in_memory(now=days) as store:
            store.set_setting(RETENTION, retention)
            for day in (0, 3):
                days.to(day)
                dues[retention] = answer(store, "q", True)
    assert dues[0.95] < dues[0.8]
    assert dues["0.95"] == dues[2.0]  # not a number in range: the default, 0.9
    assert dues[0.95] < dues[2.0] < dues[0.8]


def test_a_question_missed_at_its_first_answer_is_not_mastered_though_just_revealed(
    timed_store: Store, days: Days
):
    answer(timed_store, "missed", False)
    answer(timed_store, "right", True)
    answer(timed_store, "close", True, grade=HARD)
    [stats] = timed_store.stats("p")
    assert (stats.seen, stats.mastered) == (3, 2)
    days.to(1)
    answer(timed_store, "right", False)  # a miss after a right answer: relearning
    assert timed_store.stats("p")[0].mastered == 1


def test_a_last_review_in_the_future_counts_as_now(timed_store: Store, days: Days):
    answer(timed_store, "q", True)
    with timed_store._write() as conn:  # a clock far ahead, once, or a row from elsewhere
        conn.execute(
            "UPDATE cards SET last_review = '8999-12-31T00:00:00+00:00',"
            " due = '9000-01-01T00:00:00+00:00'"
        )
    days.to(1)
    due = answer(timed_store, "q", False)
    assert due is not None and due - days.now <= timedelta(days=1)  # back tomorrow, not in 9000


def test_a_card_due_before_its_last_review_is_no_card(timed_store: Store, days: Days):
    answer(timed_store, "q", True)
    with timed_store._write() as conn:
        conn.execute(
            "UPDATE cards SET last_review = '2030-01-01T00:00:00+00:00',"
            " due = '2020-01-01T00:00:00+00:00'"
        )
    assert timed_store.card("p", "q") is None
    assert timed_store.due("p") == []
