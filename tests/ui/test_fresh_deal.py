"""Play again and a new run deal questions not seen yet, even with the same seed."""

from __future__ import annotations

from test_game import finish_a_game
from ui_helpers import make_app, settle

from quiz.game.selection import GameOptions
from quiz.history.sqlite import SqliteHistory
from quiz.store import Store
from quiz.ui.screens.question import QuestionScreen


def dealt(screen) -> set[str]:
    assert isinstance(screen, QuestionScreen)
    return {asked.question.id for asked in screen.session.asked}


async def test_play_again_deals_new_questions_even_with_nothing_saved() -> None:
    app = make_app(start=GameOptions(count=2, seed=5))  # NoHistory: nothing is saved
    async with app.run_test(size=(80, 24)) as pilot:
        first = dealt(app.screen)
        await finish_a_game(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert not dealt(app.screen) & first


async def test_a_new_run_deals_the_questions_the_history_has_not_seen(studio) -> None:
    history = SqliteHistory(Store.in_memory())
    options = GameOptions(count=3, seed=5)
    app = make_app([studio], start=options, history=history)
    async with app.run_test(size=(80, 24)) as pilot:
        first = dealt(app.screen)
        await finish_a_game(pilot)
    again = make_app([studio], start=options, history=history)
    async with again.run_test(size=(80, 24)):
        second = dealt(again.screen)
    everything = {q.id for q in studio.questions}
    assert everything - first <= second  # the two never seen are dealt, then one seen
    assert len(second) == 3
