"""SqliteHistory: game sessions become game rows and answers; bests, kinds and review plans."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.game.kinds import GameKind, Mode
from quiz.game.review import plan_review
from quiz.game.selection import GameOptions, Selection, select
from quiz.game.session import GameSession
from quiz.history.opening import OpeningHistory
from quiz.history.sqlite import SqliteHistory, kept_under
from quiz.packs.loader import load_pack
from quiz.store import Store, StoreError

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


class Days:
    """The history's wall clock, moved by whole days."""

    def __init__(self) -> None:
        self.now = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def to(self, day: float) -> None:
        self.now = datetime(2026, 5, 4, 8, 0, tzinfo=UTC) + timedelta(days=day)


@pytest.fixture
def days() -> Days:
    return Days()


@pytest.fixture
def dated(tmp_path: Path, days: Days):
    """A history whose wall clock the test moves."""
    store, _ = Store.open(tmp_path, now=days)
    made = SqliteHistory(store)
    yield made
    made.close()


def one_question(question_id: str, mode: Mode = Mode.PLAY, **options) -> GameSession:
    """A game asking just QUESTION_ID of the mini pack."""
    chosen = GameOptions(count=1, seed=4, **options)
    asked = next(a for a in select([MINI], GameOptions(count=None, seed=4)).asked
                 if a.question.id == question_id)  # fmt: skip
    return GameSession(Selection((asked,), 4), chosen, clock=Tick(), mode=mode)


def test_right_on_days_0_1_4_waits_longer_and_wrong_on_day_5_is_back_within_a_day(
    dated: SqliteHistory, days: Days
) -> None:
    dues = []
    for day in (0, 1, 4):
        days.to(day)
        play(dated, one_question("lens"), [True])
        following = dated.next_due("mini", ["lens"])
        assert following is not None and plan_review(dated, [MINI], MINI).selection is None
        dues.append(following.when - days.now)
    assert dues[0] < dues[1] < dues[2]
    days.to(5)
    play(dated, one_question("lens"), [False])
    following = dated.next_due("mini", ["lens"])
    assert following is not None and following.when - days.now <= timedelta(days=1)
    days.to(6)
    plan = plan_review(dated, [MINI], MINI)
    assert plan.selection is not None
    assert [a.question.id for a in plan.selection.asked] == ["lens"]


def test_review_plans_the_due_questions_or_says_when_they_come_back(
    dated: SqliteHistory, days: Days
) -> None:
    empty = plan_review(dated, [MINI, STUDIO], MINI)
    assert empty.selection is None and "Nothing to review yet in Mini pack" in empty.message
    game = session(count=None)
    play(dated, game, [False, True, True, True])
    plan = plan_review(dated, [MINI, STUDIO], MINI)
    assert plan.selection is None
    assert plan.message == (
        "Nothing is due for review in Mini pack; the next question is due on"
        f" {(days.now + timedelta(days=1)).astimezone().date().isoformat()} (in 1 day)."
    )
    days.to(1)
    plan = plan_review(dated, [MINI, STUDIO], MINI)
    assert plan.message is None and plan.selection is not None
    asked = plan.selection.asked
    assert [a.question.id for a in asked] == [game.records[0].asked.question.id]
    assert asked[0].pack is MINI
    assert plan_review(dated, [STUDIO]).message.startswith("Nothing to review yet")
    review = GameSession(plan.selection, GameOptions(count=1), clock=Tick(), mode=Mode.REVIEW)
    play(dated, review, [True])  # a review answer moves the card too
    assert plan_review(dated, [MINI], MINI).selection is None
    days.to(30)
    assert len(plan_review(dated, [MINI], MINI, limit=3).selection.asked) == 3


def test_practice_rounds_never_move_a_card(dated: SqliteHistory, days: Days) -> None:
    play(dated, one_question("lens", Mode.RETRY), [False])
    assert dated.next_due("mini", ["lens"]) is None
    play(dated, one_question("lens"), [True])
    before = dated.next_due("mini", ["lens"]).when
    days.to(1)
    play(dated, one_question("lens", Mode.RETRY), [False])
    assert dated.next_due("mini", ["lens"]).when == before


def test_a_fast_right_answer_in_a_timed_game_is_easy_and_waits_longest(dated, days) -> None:
    play(dated, one_question("lens", timer=20.0), [True])  # 2 s of 20: fast
    play(dated, one_question("months", timer=5.0), [True])  # 2 s of 5: not fast
    play(dated, one_question("director"), [True])  # untimed
    lens, months, director = (dated.next_due("mini", [q]) for q in ("lens", "months", "director"))
    assert lens.when > months.when == director.when


def test_review_games_ask_as_many_as_last_set_up(dated: SqliteHistory) -> None:
    assert dated.review_questions() == 10
    dated.remember_setup({"count": 5, "review_questions": 20})
    assert dated.review_questions() == 20
    dated.remember_setup({"review_questions": "lots"})
    assert dated.review_questions() == 10


def test_review_options_are_shuffled_by_the_seed(dated: SqliteHistory, days: Days) -> None:
    play(dated, session(count=None), [False] * 4)
    days.to(2)
    one = plan_review(dated, [MINI], seed=11)
    two = plan_review(dated, [MINI], seed=11)
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


def test_an_answer_the_store_fails_on_in_any_way_is_counted_as_unsaved_in_one_line(
    history: SqliteHistory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    game = session(count=2)
    history.start(game)
    answer_next(history, game)

    def refuse(*args: object, **kwargs: object) -> None:
        raise ValueError("datetime must be\ntimezone-aware")

    monkeypatch.setattr(history.store, "record_answer", refuse)
    with pytest.raises(StoreError):  # said once, as for a locked history
        answer_next(history, game)
    assert history.unsaved == 1
    message = history.close()
    assert message is not None and message.startswith("1 answer could not be saved to ")
    assert "\n" not in message
    assert saved(tmp_path)[0] == 1


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


def test_nothing_due_later_today_gives_the_date_and_time() -> None:
    from quiz.game.review import nothing_due_message
    from quiz.records import NextDue

    when = datetime(2026, 5, 4, 20, 30, tzinfo=UTC)
    local = when.astimezone()
    message = nothing_due_message(NextDue(when, 0), "Mini pack")
    assert message == (
        "Nothing is due for review in Mini pack yet; the next question is due later today"
        f" ({local.date().isoformat()} at {local:%H:%M})."
    )
    assert nothing_due_message(NextDue(when, 1)).endswith(f"{local.date().isoformat()} (in 1 day).")
