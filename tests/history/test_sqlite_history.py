"""SqliteHistory: game sessions become game rows and answers; bests, kinds and review plans."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from quiz.game.kinds import GameKind, Mode
from quiz.game.review import plan_review
from quiz.game.selection import GameOptions, select
from quiz.game.session import GameSession
from quiz.history.opening import OpeningHistory
from quiz.history.sqlite import SqliteHistory, kept_under
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
def history(tmp_path: Path):
    made = SqliteHistory.open(tmp_path)
    yield made
    made.close()


def session(packs=(MINI,), mode: Mode = Mode.PLAY, **options) -> GameSession:
    chosen = GameOptions(**{"count": None, "seed": 4, **options})
    return GameSession(select(list(packs), chosen), chosen, clock=Tick(), mode=mode)


def play(history: SqliteHistory, game: GameSession, rights: list[bool], finish: bool = True):
    """Answer the first len(rights) questions (right or skipped), then finish or leave;
    how the game ended, as the history says."""
    history.start(game)
    for right in rights:
        asked = game.current
        record = game.answer_text(asked.question.answer_text) if right else game.skip()
        history.answer(game, record)
        if game.next().value == "finished":
            break
    summary = game.summary() if finish else game.finish()
    return history.end(game, summary)


def answers(store: Store) -> list[tuple]:
    with store._read() as conn:
        return conn.execute(
            "SELECT g.pack_id, a.pack_id, a.question_id, a.given, a.correct, a.points,"
            " a.seconds, a.category, a.difficulty FROM answers a JOIN games g"
            " ON g.id = a.game_id ORDER BY a.id"
        ).fetchall()


def test_each_answer_is_saved_with_its_question_details(history: SqliteHistory) -> None:
    game = session(count=2)
    play(history, game, [True, False])
    first, second = game.records
    assert answers(history.store) == [
        ("mini", "mini", first.asked.question.id, first.given, 1, first.points, 2.0,
         first.asked.question.category, first.asked.question.difficulty.value),
        ("mini", "mini", second.asked.question.id, "", 0, 0, 2.0,
         second.asked.question.category, second.asked.question.difficulty.value),
    ]  # fmt: skip
    [stats] = history.stats()
    assert (stats.games, stats.unfinished, stats.best) == (1, 0, first.points)


def test_a_game_left_early_keeps_its_answers_and_stays_unfinished(history: SqliteHistory) -> None:
    game = session()
    end = play(history, game, [True, True], finish=False)
    assert len(game.records) == 2 < game.total
    assert end is None
    [stats] = history.stats()
    assert (stats.games, stats.unfinished, stats.overall.total) == (1, 1, 2)
    assert history.best_scores() == {}


def test_the_first_game_of_a_kind_is_no_record_and_a_lower_one_is_not_a_best(
    history: SqliteHistory,
) -> None:
    first = session(count=2)
    done = play(history, first, [True, True])
    assert done is not None and not done.new_best and done.previous_best is None
    assert done.kind == GameKind(Mode.PLAY, 2, timed=False) and done.score == first.score
    assert done.games == 1
    second = session(count=2)
    again = play(history, second, [True, False])
    assert again is not None and not again.new_best and again.previous_best == first.score
    assert again.games == 2
    assert history.best_scores() == {"mini": {GameKind(Mode.PLAY, 2): first.score}}


def test_retry_and_review_games_never_count_as_a_best(history: SqliteHistory) -> None:
    retry = session(mode=Mode.RETRY)
    review = session(mode=Mode.REVIEW)
    retried = play(history, retry, [True] * 4)
    reviewed = play(history, review, [True] * 4)
    assert retried is not None and reviewed is not None
    assert (retried.kind.mode, reviewed.kind.mode) == (Mode.RETRY, Mode.REVIEW)
    assert review.score > 0 and not reviewed.new_best and not retried.new_best
    assert history.best_scores() == {}
    [stats] = history.stats()
    assert (stats.games, stats.practice) == (1, 1)  # the review played, the retry practice
    assert stats.best is None and not stats.kinds  # never a best


def test_a_mixed_game_is_saved_under_both_ids_and_answers_under_their_own(
    history: SqliteHistory,
) -> None:
    game = session(packs=(STUDIO, MINI), count=None)
    play(history, game, [True] * game.total)
    rows = answers(history.store)
    assert {row[0] for row in rows} == {"mini+studio"}
    assert {row[1] for row in rows} == {"mini", "studio"}
    assert set(history.best_scores()) == {"mini+studio"}
    assert kept_under(game) == "mini+studio"
    [mixed] = [stats for stats in history.stats() if stats.pack_id == "mini+studio"]
    assert mixed.packs == ("mini", "studio")


def test_stats_count_a_mixed_game_for_each_pack_and_its_answers_where_they_belong(
    history: SqliteHistory,
) -> None:
    mixed = session(packs=(STUDIO, MINI), count=None)
    play(history, mixed, [True] * 2 + [False] * (mixed.total - 2))
    play(history, session(packs=(MINI,), count=None), [True] * 4)
    by_pack = {stats.pack_id: stats for stats in history.stats()}
    assert set(by_pack) == {"mini", "studio", "mini+studio"}
    mini_in_mix = sum(1 for asked in mixed.asked if asked.pack.id == "mini")
    assert by_pack["mini"].games == 2 and by_pack["studio"].games == 1
    assert by_pack["mini"].overall.total == mini_in_mix + 4
    assert by_pack["studio"].overall.total == mixed.total - mini_in_mix
    assert by_pack["mini+studio"].games == 1 and by_pack["mini+studio"].overall.total == mixed.total
    assert by_pack["mini+studio"].overall.right == 2 and by_pack["mini+studio"].best == mixed.score


def test_an_answer_after_a_failed_start_starts_the_game_then(history: SqliteHistory) -> None:
    game = session(count=1)
    record = game.answer_option(0) if game.current.options else game.skip()
    history.answer(game, record)  # the start was never heard
    assert len(answers(history.store)) == 1


def test_review_plans_the_missed_questions_or_says_when_they_come_back(
    history: SqliteHistory,
) -> None:
    empty = plan_review(history, [MINI, STUDIO], MINI)
    assert empty.selection is None and "Nothing to review yet in Mini pack" in empty.message
    game = session(count=None)
    play(history, game, [False, True, True, True])
    plan = plan_review(history, [MINI, STUDIO], MINI)
    assert plan.message is None and plan.selection is not None
    asked = plan.selection.asked
    assert [a.question.id for a in asked] == [game.records[0].asked.question.id]
    assert asked[0].pack is MINI
    assert plan_review(history, [STUDIO]).message.startswith("Nothing to review yet")
    # Right answers (box 2) come back after one more game: play the review, then check.
    review = GameSession(plan.selection, GameOptions(count=1), clock=Tick(), mode=Mode.REVIEW)
    play(history, review, [True])
    later = plan_review(history, [MINI], MINI)
    assert later.selection is not None and later.message is None


def test_nothing_due_says_how_many_games_until_the_next(history: SqliteHistory) -> None:
    play(history, session(count=None), [True] * 4)  # all in box 2: due in 1 more game
    store = history.store
    store.start_game(NewGame("mini", count=10))  # the game that makes them wait one more
    with store._write() as conn:
        conn.execute("UPDATE review_boxes SET box = 3")
    plan = plan_review(history, [MINI], MINI)
    assert plan.selection is None
    assert plan.message == (
        "Nothing is due for review in Mini pack; the next question comes back after 2 more games."
    )


def test_review_options_are_shuffled_by_the_seed(history: SqliteHistory) -> None:
    play(history, session(count=None), [False] * 4)
    one = plan_review(history, [MINI], seed=11)
    two = plan_review(history, [MINI], seed=11)
    assert one.selection == two.selection and len(one.selection.asked) == 4


def test_settings_are_remembered_between_opens(tmp_path: Path) -> None:
    with SqliteHistory.open(tmp_path).store as store:
        first = SqliteHistory(store)
        assert first.theme() is None and first.last_setup() == {}
        first.remember_theme("nord")
        first.remember_setup({"count": 5, "timer": 15.0})
    again = SqliteHistory.open(tmp_path)
    assert again.theme() == "nord" and again.last_setup() == {"count": 5, "timer": 15.0}
    again.close()


def test_a_game_that_asked_for_more_than_the_pack_holds_is_ranked_by_what_it_played(
    history: SqliteHistory,
) -> None:
    game = session(count=10)  # the mini pack holds 4 questions
    assert game.total == 4
    assert play(history, game, [True] * 4).kind == GameKind(Mode.PLAY, 4)
    everything = session(count=None)
    assert play(history, everything, [True] * 4).kind == GameKind(Mode.PLAY, None)


def test_a_history_opened_on_a_thread_saves_from_the_callers_thread(tmp_path: Path) -> None:
    opened = OpeningHistory(tmp_path).history()
    try:
        game = session(count=2)
        play(opened, game, [True, True])
        assert len(answers(opened.store)) == 2
    finally:
        opened.close()
    reopened = SqliteHistory.open(tmp_path)
    assert [s.games for s in reopened.stats()] == [1]
    reopened.close()


def test_what_opening_on_a_thread_raised_is_raised_to_the_caller(tmp_path: Path) -> None:
    Store.open(tmp_path)[0].close()
    with sqlite3.connect(tmp_path / "quiz.db") as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    opening = OpeningHistory(tmp_path)
    with pytest.raises(StoreError, match="newer quiz"):
        opening.history()


def hold(folder: Path) -> sqlite3.Connection:
    """Another program in the middle of a long write to the history in FOLDER."""
    other = sqlite3.connect(folder / "quiz.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def saved(folder: Path) -> tuple[int, list[tuple]]:
    """How many answers the history file holds, and its games' (ended?, score)."""
    with sqlite3.connect(folder / "quiz.db") as conn:
        answered = conn.execute("SELECT count(*) FROM answers").fetchone()[0]
        games = conn.execute("SELECT ended_at IS NOT NULL, score FROM games").fetchall()
    conn.close()
    return answered, games


def answer_next(history: SqliteHistory, game: GameSession) -> None:
    record = game.answer_text(game.current.question.answer_text)
    try:
        history.answer(game, record)
    finally:
        if game.number < game.total:
            game.next()


def test_answers_wait_in_memory_while_the_history_is_locked_then_are_saved(
    history: SqliteHistory, tmp_path: Path
) -> None:
    game = session(count=3)
    history.start(game)
    answer_next(history, game)
    other = hold(tmp_path)
    with pytest.raises(StoreError):  # said once: saving has to wait
        answer_next(history, game)
    answer_next(history, game)  # waits too, without saying so again
    assert history.unsaved == 2 and saved(tmp_path)[0] == 1
    game.next()
    assert history.end(game, game.summary()) is None  # no score while answers wait
    other.execute("ROLLBACK")
    history.flush()
    assert history.unsaved == 0
    assert saved(tmp_path) == (3, [(1, game.score)])  # every answer, then the score


def test_a_game_whose_answers_could_not_be_saved_gets_no_score_and_says_how_many(
    history: SqliteHistory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("quiz.history.sqlite.BUSY_TIMEOUT", 0.05)
    game = session(count=3)
    history.start(game)
    answer_next(history, game)
    other = hold(tmp_path)
    for _ in range(2):
        try:
            answer_next(history, game)
        except StoreError:
            pass
    game.next()
    history.end(game, game.summary())
    message = history.close()
    other.execute("ROLLBACK")
    other.close()
    assert message is not None and message.startswith("2 answers could not be saved to ")
    assert "\n" not in message
    assert saved(tmp_path) == (1, [(0, None)])  # the answer saved; no score without the rest


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 1 MiB file system of our own (root only; skipped where it can't be mounted)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("this machine can't mount a small file system to fill")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Fill the file system FOLDER is on, with one file; returns that file."""
    filler = folder / "filler"
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(handle, b"\0" * 4096):
            pass
    except OSError:
        pass  # full
    finally:
        os.close(handle)
    return filler


def test_answers_wait_while_the_disk_is_full_and_are_saved_when_there_is_room(
    small_disk: Path,
) -> None:
    history = SqliteHistory.open(small_disk)
    game = session(count=3)
    history.start(game)
    answer_next(history, game)
    filler = fill(small_disk)
    for _ in range(2):
        try:
            answer_next(history, game)
        except StoreError:
            pass  # said once: saving has to wait
    assert history.unsaved == 2  # no room for them yet
    filler.unlink()
    history.flush()
    assert history.unsaved == 0
    assert history.close() is None
    assert saved(small_disk)[0] == 3
