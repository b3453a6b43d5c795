"""Games played in the UI are saved as they go: every answer, unfinished games, new bests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from ui_helpers import Notices, answer, make_app, settle

from quiz.game.kinds import GameKind, Mode
from quiz.game.selection import GameOptions
from quiz.history.sqlite import SqliteHistory
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.results import ResultsScreen

TWO = GameOptions(count=2, categories=("cinematography", "effects"), seed=5)


@pytest.fixture
def recorder(tmp_path: Path):
    made = SqliteHistory.open(tmp_path)
    yield made
    made.close()


def rows(folder: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(folder / "quiz.db") as conn:
        found = conn.execute(sql).fetchall()
    conn.close()
    return found


async def play_through(pilot, rights: list[bool]) -> None:
    for right in rights:
        await answer(pilot, right)
        await pilot.press("n")
        await settle(pilot)


async def test_each_answer_is_on_disk_as_soon_as_it_is_given(
    recorder: SqliteHistory, tmp_path: Path
) -> None:
    app = make_app(history=recorder, start=TWO)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first = app.screen.session.current.question.id
        await answer(pilot, right=True)
        # Read by another connection, as a crash would leave it: already committed.
        saved = rows(tmp_path, "SELECT pack_id, question_id, correct FROM answers")
        assert saved == [("studio", first, 1)]
        assert rows(tmp_path, "SELECT count(*) FROM games WHERE ended_at IS NULL") == [(1,)]


async def test_an_answer_given_just_before_quitting_is_saved(
    recorder: SqliteHistory, tmp_path: Path
) -> None:
    # Answers are saved once their reveal is painted; quitting before then saves them too.
    app = make_app(history=recorder, start=TWO)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first = app.screen.session.current.question.id
        await pilot.press("1")
        app.exit()
    saved = rows(tmp_path, "SELECT question_id FROM answers")
    assert saved == [(first,)]


async def test_an_answer_whose_message_is_still_queued_at_quitting_is_saved(
    recorder: SqliteHistory, tmp_path: Path
) -> None:
    # A key that quits can be handled before the Answered message of the answer key just
    # before it (as `1` then ctrl+q typed at once): the app ends with the message unread.
    app = make_app(history=recorder, start=TWO)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        first = screen.session.current.question.id
        screen.action_answer(0)  # posts Answered; the pump does not run before unmount
        app.on_unmount()
        assert rows(tmp_path, "SELECT question_id FROM answers") == [(first,)]
        await settle(pilot)  # the message arrives late: it must not be saved twice
        app.on_unmount()
    assert rows(tmp_path, "SELECT question_id FROM answers") == [(first,)]


async def test_leaving_mid_game_keeps_the_answers_and_the_game_stays_unfinished(
    recorder: SqliteHistory, tmp_path: Path
) -> None:
    app = make_app(history=recorder, start=GameOptions(count=None, seed=5))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await play_through(pilot, [True])
        await answer(pilot, right=False)
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    [stats] = recorder.stats()
    assert (stats.games, stats.unfinished, stats.overall.total, stats.best) == (1, 1, 2, None)
    assert recorder.best_scores() == {}


async def test_a_first_game_sets_the_score_to_beat_and_a_best_says_of_how_many_games(
    recorder: SqliteHistory,
) -> None:
    app = make_app(history=recorder, start=TWO)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await play_through(pilot, [True, False])
        assert isinstance(app.screen, ResultsScreen)
        first = app.screen.session.score
        shown = str(app.screen.query_one("#stats").render())
        assert "New best" not in shown
        assert f"First game of this kind (2q): {first:,} is the score to beat" in shown
        await pilot.press("p")
        await settle(pilot)
        await play_through(pilot, [True, True])
        best = app.screen.session.score
        shown = str(app.screen.query_one("#stats").render())
        assert (
            f"★ New best! {best:,}, up from {first:,}: the best of 2 games of this kind (2q)"
            in shown
        )
        await pilot.press("p")
        await settle(pilot)
        await play_through(pilot, [False, False])
        shown = str(app.screen.query_one("#stats").render())
        assert "New best" not in shown and f"Best of 3 games of this kind (2q): {best:,}" in shown
    assert recorder.best_scores() == {"studio": {GameKind(Mode.PLAY, 2): best}}


async def test_a_retry_round_is_saved_as_practice_never_a_game_or_a_best(
    recorder: SqliteHistory,
) -> None:
    app = make_app(history=recorder, start=TWO)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await play_through(pilot, [False, False])
        assert "\n" not in str(app.screen.query_one("#stats").render())  # no best line
        await pilot.press("m")
        await settle(pilot)
        await play_through(pilot, [True, True])
        assert "\n" not in str(app.screen.query_one("#stats").render())  # no best line
    [stats] = recorder.stats()
    assert [(k.count, k.timed, k.games) for k in stats.kinds] == [(2, False, 1)]
    # The retry round is saved as practice: not a game played, not in accuracy.
    assert (stats.games, stats.practice) == (1, 1)
    assert (stats.overall.right, stats.overall.total) == (0, 2)
    assert recorder.best_scores() == {}


async def test_a_data_folder_that_cannot_be_written_plays_on_and_says_so_once(
    tmp_path: Path,
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    recorder = SqliteHistory.open(blocked)
    assert not recorder.store.saving
    app = make_app(history=recorder, start=TWO)
    messages: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kwargs: (messages.append(message), notify(message, **kwargs))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await play_through(pilot, [True, True])
        await pilot.press("p")
        await settle(pilot)
        await play_through(pilot, [True, True])
        assert isinstance(app.screen, ResultsScreen)
        assert len(messages) == 1 and messages[0].endswith("; playing on without saving")
        assert "it is a file, not a folder" in messages[0]
    assert recorder.stats()[0].games == 2  # kept for this run, in memory
    assert blocked.read_text() == "a file where the data folder should be"
    recorder.close()


async def test_a_locked_history_never_stops_the_game_and_is_written_once_free(
    recorder: SqliteHistory, tmp_path: Path
) -> None:
    other = sqlite3.connect(tmp_path / "quiz.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the history throughout the game
    app = make_app(history=recorder, start=TWO)
    notices = Notices()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await settle(pilot)
        await play_through(pilot, [True, True])
        assert isinstance(app.screen, ResultsScreen)
        assert len(notices.messages) == 1  # told once that saving waits, not per answer
        assert "\n" not in str(app.screen.query_one("#stats").render())  # no best line yet
        assert recorder.unsaved == 2
        other.execute("ROLLBACK")
        app.history.flush()  # as the app does every few seconds
        assert recorder.unsaved == 0
    other.close()
    assert rows(tmp_path, "SELECT count(*) FROM answers") == [(2,)]
    assert rows(tmp_path, "SELECT ended_at IS NOT NULL, score > 0 FROM games") == [(1, 1)]
