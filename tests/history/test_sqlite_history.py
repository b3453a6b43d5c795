"""The recorder: game sessions become game rows and answers; bests, modes and review plans."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from quiz.store.opening import OpeningHistory
from quiz.store.recorder import Recorder, game_pack_id, kind_label

from quiz.game.selection import GameOptions, select
from quiz.game.session import GameSession
from quiz.packs.loader import load_pack
from quiz.store import NewGame, Store, StoreError

FIXTURES = Path(__file__).parent.parent / "fixtures"
MINI = load_pack(FIXTURES / "good" / "mini.yaml")
STUDIO = load_pack(FIXTURES / "ui" / "studio.yaml")


class Tick:
    """A game clock that moves two seconds per call."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 2.0
        return self.now


@pytest.fixture
def recorder(tmp_path: Path):
    made = Recorder.open(tmp_path)
    yield made
    made.close()


def session(packs=(MINI,), scored: bool = True, **options) -> GameSession:
    chosen = GameOptions(**{"count": None, "seed": 4, **options})
    return GameSession(select(list(packs), chosen), chosen, clock=Tick(), scored=scored)


def play(recorder: Recorder, game: GameSession, rights: list[bool], finish: bool = True):
    """Answer the first len(rights) questions (right or skipped), then finish or leave."""
    recorder.on_game_start(game)
    for right in rights:
        asked = game.current
        record = game.answer_text(asked.question.answer_text) if right else game.skip()
        recorder.on_answer(game, record)
        if game.next().value == "finished":
            break
    summary = game.summary() if finish else game.finish()
    recorder.on_game_end(game, summary)
    return summary


def answers(store: Store) -> list[tuple]:
    with store._read() as conn:
        return conn.execute(
            "SELECT g.pack_id, a.pack_id, a.question_id, a.given, a.correct, a.points,"
            " a.seconds, a.category, a.difficulty FROM answers a JOIN games g"
            " ON g.id = a.game_id ORDER BY a.id"
        ).fetchall()


def test_each_answer_is_saved_with_its_question_details(recorder: Recorder) -> None:
    game = session(count=2)
    play(recorder, game, [True, False])
    first, second = game.records
    assert answers(recorder.store) == [
        ("mini", "mini", first.asked.question.id, first.given, 1, first.points, 2.0,
         first.asked.question.category, first.asked.question.difficulty.value),
        ("mini", "mini", second.asked.question.id, "", 0, 0, 2.0,
         second.asked.question.category, second.asked.question.difficulty.value),
    ]  # fmt: skip
    [stats] = recorder.stats()
    assert (stats.games, stats.unfinished, stats.best) == (1, 0, first.points)


def test_a_game_left_early_keeps_its_answers_and_stays_unfinished(recorder: Recorder) -> None:
    game = session()
    summary = play(recorder, game, [True, True], finish=False)
    assert summary.total == 2 < game.total
    assert recorder.finished(game) is None and not recorder.new_best(game)
    [stats] = recorder.stats()
    assert (stats.games, stats.unfinished, stats.overall.total) == (1, 1, 2)
    assert recorder.best_scores() == {}


def test_the_first_scoring_game_is_a_new_best_and_a_lower_one_is_not(
    recorder: Recorder,
) -> None:
    first = session(count=2)
    play(recorder, first, [True, True])
    assert recorder.new_best(first)
    done = recorder.finished(first)
    assert done is not None and done.previous_best is None and done.kind == "2q-untimed"
    second = session(count=2)
    play(recorder, second, [True, False])
    assert not recorder.new_best(second)
    assert recorder.finished(second).previous_best == first.score
    assert recorder.best_scores() == {"mini": {"2q-untimed": first.score}}


def test_retry_and_review_games_never_count_as_a_best(recorder: Recorder) -> None:
    retry = session(scored=False)
    review = session()
    recorder.mark_review(review)
    play(recorder, retry, [True] * 4)
    play(recorder, review, [True] * 4)
    assert (recorder.mode_of(retry), recorder.mode_of(review)) == ("retry", "review")
    assert review.score > 0 and not recorder.new_best(review)
    assert recorder.best_scores() == {}
    [stats] = recorder.stats()
    assert stats.games == 2 and stats.best is None and not stats.kinds  # played, never a best


def test_a_mixed_game_is_saved_under_both_ids_and_answers_under_their_own(
    recorder: Recorder,
) -> None:
    game = session(packs=(STUDIO, MINI), count=None)
    play(recorder, game, [True] * game.total)
    rows = answers(recorder.store)
    assert {row[0] for row in rows} == {"mini+studio"}
    assert {row[1] for row in rows} == {"mini", "studio"}
    assert set(recorder.best_scores()) == {"mini+studio"}
    assert game_pack_id(game.asked) == "mini+studio"


def test_stats_count_a_mixed_game_for_each_pack_and_its_answers_where_they_belong(
    recorder: Recorder,
) -> None:
    mixed = session(packs=(STUDIO, MINI), count=None)
    play(recorder, mixed, [True] * 2 + [False] * (mixed.total - 2))
    play(recorder, session(packs=(MINI,), count=None), [True] * 4)
    by_pack = {stats.pack_id: stats for stats in recorder.stats()}
    assert set(by_pack) == {"mini", "studio", "mini+studio"}
    mini_in_mix = sum(1 for asked in mixed.asked if asked.pack.id == "mini")
    assert by_pack["mini"].games == 2 and by_pack["studio"].games == 1
    assert by_pack["mini"].overall.total == mini_in_mix + 4
    assert by_pack["studio"].overall.total == mixed.total - mini_in_mix
    assert by_pack["mini+studio"].games == 1 and by_pack["mini+studio"].overall.total == mixed.total
    assert by_pack["mini+studio"].overall.right == 2 and by_pack["mini+studio"].best == mixed.score


def test_an_answer_after_a_failed_start_starts_the_game_then(recorder: Recorder) -> None:
    game = session(count=1)
    record = game.answer_option(0) if game.current.options else game.skip()
    recorder.on_answer(game, record)  # on_game_start was never heard
    assert len(answers(recorder.store)) == 1


def test_review_plans_the_missed_questions_or_says_when_they_come_back(
    recorder: Recorder,
) -> None:
    empty = recorder.review([MINI, STUDIO], MINI)
    assert empty.asked == () and "Nothing to review yet in Mini pack" in empty.message
    game = session(count=None)
    play(recorder, game, [False, True, True, True])
    plan = recorder.review([MINI, STUDIO], MINI)
    assert plan.message is None
    assert [a.question.id for a in plan.asked] == [game.records[0].asked.question.id]
    assert plan.asked[0].pack is MINI
    assert recorder.review([STUDIO]).message.startswith("Nothing to review yet")
    # Right answers (box 2) come back after one more game: play the review, then check.
    review = GameSession(plan.asked, GameOptions(count=1, seed=plan.seed), clock=Tick())
    recorder.mark_review(review)
    play(recorder, review, [True])
    later = recorder.review([MINI], MINI)
    assert later.asked and later.message is None


def test_nothing_due_says_how_many_games_until_the_next(recorder: Recorder) -> None:
    play(recorder, session(count=None), [True] * 4)  # all in box 2: due in 1 more game
    store = recorder.store
    store.start_game(NewGame("mini", count=10))  # the game that makes them wait one more
    with store._write() as conn:
        conn.execute("UPDATE review_boxes SET box = 3")
    plan = recorder.review([MINI], MINI)
    assert plan.asked == ()
    assert plan.message == (
        "Nothing is due for review in Mini pack; the next question comes back after 2 more games."
    )


def test_review_options_are_shuffled_by_the_seed(recorder: Recorder) -> None:
    play(recorder, session(count=None), [False] * 4)
    one = recorder.review([MINI], seed=11)
    two = recorder.review([MINI], seed=11)
    assert one.asked == two.asked and len(one.asked) == 4


def test_settings_are_remembered_between_opens(tmp_path: Path) -> None:
    with Recorder.open(tmp_path).store as store:
        first = Recorder(store)
        assert first.theme() is None and first.last_setup() == {}
        first.remember_theme("nord")
        first.remember_setup({"count": 5, "timer": 15.0})
    again = Recorder.open(tmp_path)
    assert again.theme() == "nord" and again.last_setup() == {"count": 5, "timer": 15.0}
    again.close()


@pytest.mark.parametrize(
    ("kind", "label"),
    [("10q-untimed", "10q"), ("5q-timed", "5q, timed"), ("allq-untimed", "all"),
     ("allq-timed", "all, timed"), ("review", "review")],
)  # fmt: skip
def test_kind_labels(kind: str, label: str) -> None:
    assert kind_label(kind) == label


def test_a_game_that_asked_for_more_than_the_pack_holds_is_ranked_by_what_it_played(
    recorder: Recorder,
) -> None:
    game = session(count=10)  # the mini pack holds 4 questions
    assert game.total == 4
    play(recorder, game, [True] * 4)
    assert recorder.finished(game).kind == "4q-untimed"
    everything = session(count=None)
    play(recorder, everything, [True] * 4)
    assert recorder.finished(everything).kind == "allq-untimed"


def test_a_history_opened_on_a_thread_saves_from_the_callers_thread(tmp_path: Path) -> None:
    opened = OpeningHistory(tmp_path).recorder()
    try:
        game = session(count=2)
        play(opened, game, [True, True])
        assert len(answers(opened.store)) == 2
    finally:
        opened.close()
    reopened = Recorder.open(tmp_path)
    assert [s.games for s in reopened.stats()] == [1]
    reopened.close()


def test_what_opening_on_a_thread_raised_is_raised_to_the_caller(tmp_path: Path) -> None:
    Store.open(tmp_path)[0].close()
    with sqlite3.connect(tmp_path / "quiz.db") as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    opening = OpeningHistory(tmp_path)
    with pytest.raises(StoreError, match="newer quiz"):
        opening.recorder()
