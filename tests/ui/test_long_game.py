"""A long game keeps its memory flat: nothing is built per question, and a finished
game's screen is let go once the next game shows."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from textual.widget import Widget
from ui_helpers import answer, make_app, settle

from quiz.game.selection import GameOptions
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.screens.results import ResultsScreen


def long_pack(folder: Path, questions: int) -> Pack:
    """A pack of choice and true/false questions, every third without a source."""
    lines = ["format: 1", "id: long", 'title: "Long"', "sources:", "  - {id: s, title: S}"]
    lines.append("questions:")
    for i in range(questions):
        lines += [f"  - id: q{i}", f'    prompt: "Question {i}?"']
        if i % 4 == 3:
            lines += ["    type: true-false", "    answer: true"]
        else:
            lines += [f'    answer: "A{i}"', f'    distractors: ["B{i}", "C{i}"]']
        if i % 3:
            lines += ["    source:", "      ref: s", f'      excerpt: "Proof {i}."']
        if i % 2:
            lines.append(f'    explanation: "Because {i}."')
    path = folder / "long.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_pack(path)


def live_widgets() -> int:
    gc.collect()
    return sum(isinstance(thing, Widget) for thing in gc.get_objects())


async def next_question(pilot) -> None:
    await answer(pilot)
    await pilot.press("n")
    await pilot.pause()


async def test_answering_builds_nothing_that_stays(tmp_path: Path) -> None:
    app = make_app([long_pack(tmp_path, 40)], start=GameOptions(count=40, seed=2))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        counts = []
        for number in range(1, 31):
            await next_question(pilot)
            if number in (6, 30):  # by 6 each kind of question and reveal has been shown
                await settle(pilot)
                counts.append(live_widgets())
        assert counts[1] <= counts[0]


async def play_to_results(pilot, questions: int) -> None:
    for _ in range(questions):
        await next_question(pilot)
    await settle(pilot)
    assert isinstance(pilot.app.screen, ResultsScreen)


async def test_a_finished_games_screen_is_let_go_when_the_next_game_shows(
    tmp_path: Path,
) -> None:
    # The first game's screen is the app's default screen, which Textual keeps; each
    # game after it (played again, here) must be let go.
    app = make_app([long_pack(tmp_path, 8)], start=GameOptions(count=3, seed=2))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await play_to_results(pilot, 3)
        await pilot.press("p")  # play again
        await settle(pilot)
        second = weakref.ref(app.screen)
        assert isinstance(second(), QuestionScreen)
        await play_to_results(pilot, 3)
        await pilot.press("p")
        await settle(pilot)
        await next_question(pilot)
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen) and app.screen is not second()
        gc.collect()
        assert second() is None
