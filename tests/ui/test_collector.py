"""Start-up pauses the garbage collector; the app resumes it once its first screen shows."""

from __future__ import annotations

import gc
import threading

import pytest
from ui_helpers import make_app, settle

from quiz import collector
from quiz.game.selection import GameOptions


@pytest.fixture
def collecting():
    """Leave the collector on and unfrozen after each test, whatever it did."""
    yield
    collector._paused = False
    collector._after.clear()
    gc.unfreeze()
    gc.enable()


def test_pause_stops_collection_and_resume_restarts_it(collecting) -> None:
    collector.pause()
    assert not gc.isenabled()
    collector.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0  # start-up objects are out of the collector's sight


def test_resume_leaves_a_collector_it_did_not_pause_alone(collecting) -> None:
    gc.disable()
    collector.pause()  # already off: someone else turned it off
    collector.resume()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_work_put_off_during_start_up_starts_once_it_is_over(collecting) -> None:
    started, finish = threading.Event(), threading.Event()

    def work() -> None:
        started.set()
        finish.wait(10)

    def working() -> bool:  # a thread started for it would still be waiting for `finish`
        return started.is_set() or any(
            t.name == "quiz-after-start-up" for t in threading.enumerate()
        )

    collector.pause()
    collector.after_start_up(work)
    assert not working()
    collector.resume()
    assert started.wait(10)
    finish.set()


def test_work_put_off_outside_start_up_starts_at_once(collecting) -> None:
    done = threading.Event()
    collector.after_start_up(done.set)
    assert done.wait(10)


@pytest.mark.parametrize("start", [None, GameOptions(count=2, seed=1)], ids=["home", "play"])
async def test_the_app_resumes_collection_after_its_first_screen(collecting, start) -> None:
    collector.pause()
    app = make_app(start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert gc.isenabled()
