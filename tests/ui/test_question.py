"""The question screen: every way to answer, the reveal, going on, and leaving."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Input, Static
from ui_helpers import (
    FakeClock,
    Notices,
    footer_key,
    keys_for,
    make_app,
    option_key,
    settle,
    typed_text,
)

from quiz.game.selection import GameOptions
from quiz.game.session import Phase
from quiz.ui.screens.home import HomeScreen
from quiz.ui.screens.question import QuestionScreen
from quiz.ui.widgets.choices import Choices
from quiz.ui.widgets.excerpt import NO_SOURCE
from quiz.ui.widgets.reveal import RevealPanel


def only(category: str, **kwargs) -> GameOptions:
    return GameOptions(count=None, categories=(category,), seed=7, **kwargs)


def texts(screen, selector: str) -> list[str]:
    """The text of each shown Static matching the selector."""
    return [
        str(static.content) for static in screen.query(selector).results(Static) if shown(static)
    ]


def shown(widget) -> bool:
    """Whether the widget and every container around it are displayed."""
    return all(node.display for node in widget.ancestors_with_self if node is not widget.screen)


def revealed(screen) -> bool:
    """Whether the screen shows an answer's reveal (built once, then shown and hidden)."""
    return any(shown(panel) for panel in screen.query(RevealPanel))


async def start(pilot) -> QuestionScreen:
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, QuestionScreen)
    return screen


async def test_question_shows_progress_prompt_and_numbered_options() -> None:
    app = make_app(start=only("cinematography"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        asked = screen.session.current
        assert "Question 1 of 1" in str(screen.query_one("#scoreboard", Static).content)
        assert str(screen.query_one("#prompt", Static).content) == asked.question.prompt
        prompts = [str(option.prompt) for option in screen.query_one(Choices).options]
        assert prompts == [f"{n}  {text}" for n, text in enumerate(asked.options, start=1)]


@pytest.mark.parametrize("right", [True, False])
async def test_number_keys_answer_and_reveal_the_verdict(right: bool) -> None:
    app = make_app(start=only("cinematography"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        asked = screen.session.current
        await pilot.press(option_key(asked, right))
        await pilot.pause()
        assert screen.session.phase is Phase.REVEALED
        record = screen.session.last
        assert record is not None and record.correct is right
        verdict = texts(screen, ".verdict")[0]
        assert verdict.startswith("✓ Right" if right else "✗ Wrong")
        assert f"+{record.points} points" in verdict
        assert f"Answer: {asked.question.answer_text}" in texts(screen, ".answers")[0]


async def test_a_number_key_beyond_the_options_does_nothing() -> None:
    app = make_app(start=only("cinematography"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        count = len(screen.session.current.options)
        await pilot.press(str(count + 1))
        await pilot.pause()
        assert screen.session.phase is Phase.ASKING
        assert screen.session.records == []


async def test_arrows_and_enter_answer_the_highlighted_option() -> None:
    app = make_app(start=only("cinematography"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert screen.session.last.given == screen.session.current.options[2]


async def test_clicking_an_option_answers_it() -> None:
    app = make_app(start=only("cinematography"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        # Options sit one per row from the top of the list (no border).
        await pilot.click(Choices, offset=(6, 3))
        await pilot.pause()
        assert screen.session.last.given == screen.session.current.options[3]
        assert revealed(screen)


@pytest.mark.parametrize(("key", "given"), [("t", "True"), ("f", "False"), ("1", "True")])
async def test_true_false_by_letter_or_number(key: str, given: str) -> None:
    app = make_app(start=only("effects"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        assert screen.session.current.options == ("True", "False")
        prompts = [str(option.prompt) for option in screen.query_one(Choices).options]
        assert prompts == ["1/t  True", "2/f  False"]  # the letter keys are shown on screen
        await pilot.press(key)
        await pilot.pause()
        assert screen.session.last.given == given
        assert screen.session.last.correct is (given == "False")


async def test_typed_answer_is_submitted_with_enter() -> None:
    app = make_app(start=only("music"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        assert screen.query_one("#answer", Input).has_focus
        await pilot.press(*"holt", "enter")
        await pilot.pause()
        assert screen.session.last.correct
        assert "Your answer: holt" in texts(screen, ".answers")[0]  # it differs: shown


async def test_typed_digits_do_not_trigger_the_number_keys() -> None:
    app = make_app(start=only("production", difficulties=("medium",)))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        while screen.session.current.question.type.value != "number":
            await pilot.press(*keys_for(screen.session.current), "n")
            await pilot.pause()
        assert str(screen.query_one("#unit", Static).content) == "days"
        await pilot.press(*typed_text(screen.session.current, True), "enter")
        await pilot.pause()
        assert screen.session.last.correct
        assert screen.session.last.given == typed_text(screen.session.current, True)


async def test_a_number_question_refuses_text_that_is_no_number() -> None:
    app = make_app(start=GameOptions(count=None, categories=("production",), seed=1))
    notices = Notices()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        screen = await start(pilot)
        if screen.session.current.question.type.value != "number":
            await pilot.press(*keys_for(screen.session.current), "n")
            await pilot.pause()
        await pilot.press(*"lots", "enter")
        await pilot.pause()
        assert screen.session.phase is Phase.ASKING
        assert any("not a number" in message for message in notices.messages)


async def test_enter_on_an_empty_answer_asks_and_y_skips() -> None:
    app = make_app(start=only("music"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.session.phase is Phase.ASKING and not screen.session.records
        assert pilot.app.screen is not screen  # the question asked
        await pilot.press("y")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert screen.session.last.skipped
        assert texts(screen, ".verdict")[0].startswith("→ Skipped")


async def test_enter_again_on_the_skip_question_keeps_the_question() -> None:
    app = make_app(start=only("music"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert screen.session.phase is Phase.ASKING and not screen.session.records


@pytest.mark.parametrize("how", ["key", "click"])
async def test_skip_a_choice_by_key_or_its_footer_key(how: str) -> None:
    app = make_app(start=only("cinematography"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        if how == "key":
            await pilot.press("s")
        else:
            await pilot.click(footer_key(screen, "skip"))
        await pilot.pause()
        assert screen.session.last.skipped


async def test_reveal_shows_explanation_excerpt_highlight_and_attribution() -> None:
    app = make_app(start=only("cinematography"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        question = screen.session.current.question
        await pilot.press(option_key(screen.session.current, True))
        await pilot.pause()
        assert texts(screen, ".explanation") == [question.explanation]
        quote = screen.query_one(".quote", Static).content
        assert str(quote) == f"“{question.source.text}”"
        highlighted = [str(quote)[s.start : s.end] for s in quote.spans]
        assert question.source.highlight in highlighted
        assert texts(screen, ".attribution") == [
            "— A Shoot Diary, by Rosa Lind, Film Weekly, 17 May 2024"
        ]


async def test_a_question_without_a_source_says_so() -> None:
    app = make_app(start=GameOptions(count=None, categories=("production",), seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        if screen.session.current.question.source is not None:
            await pilot.press(*keys_for(screen.session.current), "n")
            await pilot.pause()
        await pilot.press(*keys_for(screen.session.current))
        await pilot.pause()
        assert texts(screen, ".no-source") == [NO_SOURCE]
        assert not texts(screen, ".quote")


@pytest.mark.parametrize("key", ["enter", "space", "n", "click"])
async def test_enter_space_n_or_the_next_button_go_on(key: str) -> None:
    app = make_app(start=GameOptions(count=2, seed=3))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await pilot.press(*keys_for(screen.session.current))
        await pilot.pause()
        if key == "click":
            await pilot.click("#next")
        else:
            await pilot.press(key)
        await pilot.pause()
        assert screen.session.number == 2
        assert screen.session.phase is Phase.ASKING
        assert not revealed(screen)
        assert "Question 2 of 2" in str(screen.query_one("#scoreboard", Static).content)


async def test_escape_asks_before_leaving() -> None:
    app = make_app(start=GameOptions(seed=3))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("escape")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert screen.session.phase is Phase.FINISHED


async def test_the_timer_runs_out_from_the_injected_clock() -> None:
    clock = FakeClock()
    app = make_app(start=GameOptions(count=2, seed=3, timer=15), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        clock.advance(10)
        screen.tick()
        await pilot.pause()
        bar = screen.query_one("#timer")
        assert bar.display and bar.left == pytest.approx(5)
        assert "Time   5 s" in str(bar.render())
        assert screen.session.phase is Phase.ASKING
        clock.advance(5)
        screen.tick()
        await pilot.pause()
        assert screen.session.last.timed_out
        assert texts(screen, ".verdict")[0].startswith("⏱ Time's up")
        assert screen.query_one("#next", Button).has_focus


async def test_an_untimed_game_has_no_timer_bar() -> None:
    app = make_app(start=GameOptions(count=1, seed=3))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        assert not screen.query("#timer")


async def test_the_next_question_of_the_same_kind_hides_the_reveal_again() -> None:
    app = make_app(start=GameOptions(count=None, seed=0))  # two choice questions in a row
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        session = screen.session
        for _ in range(session.total - 1):  # answer on until two questions in a row share a kind
            if session.asked[session.index + 1].question.type is session.current.question.type:
                break
            await pilot.press(*keys_for(session.current), "n")
            await pilot.pause()
        else:
            pytest.fail("the fixture pack needs two questions of one kind in a row")
        await pilot.press(*keys_for(session.current))
        await pilot.pause()
        assert revealed(screen) and not shown(screen.query_one("#hint"))
        await pilot.press("n")
        await pilot.pause()
        assert not revealed(screen) and shown(screen.query_one("#hint"))


async def test_a_close_spelling_is_accepted_and_the_reveal_says_so() -> None:
    app = make_app(start=only("music"))  # "Who wrote the score?" Mira Holt
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await pilot.press(*"Mira Holtt", "enter")
        await pilot.pause()
        verdict = " ".join(str(s.content) for s in screen.query(RevealPanel).first().query(Static))
        assert "✓ Right" in verdict and "accepted: close spelling" in verdict
        assert screen.session.last.correct and screen.session.last.close_spelling


@pytest.mark.parametrize("seed", [1, 0], ids=["typed-first", "choice-first"])
async def test_each_kind_of_answer_widget_is_built_at_the_first_question_that_needs_it(
    seed: int,
) -> None:
    app = make_app(start=GameOptions(count=None, seed=seed))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        session = screen.session
        first_typed = session.current.question.type.value in ("text", "number")
        assert bool(screen.query("#typed")) is first_typed
        assert bool(screen.query(Choices)) is not first_typed
        while session.phase is not Phase.FINISHED:
            typed = session.current.question.type.value in ("text", "number")
            shown = screen.query_one("#typed" if typed else "#choices")
            assert shown.display and shown.has_focus_within
            await pilot.press(*keys_for(session.current), "n")
            await pilot.pause()
            if session.phase is not Phase.FINISHED:
                assert len(screen.query("#typed")) <= 1 and len(screen.query(Choices)) <= 1
        assert screen.session.summary().right == screen.session.total


async def test_a_typed_answer_longer_than_the_cap_is_refused_as_in_plain_mode() -> None:
    from textual import events

    from quiz.game.limits import MAX_ANSWER

    app = make_app(start=only("music"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        field = app.screen.query_one("#answer", Input)
        field.post_message(events.Paste("x" * (MAX_ANSWER + 1)))
        await pilot.pause()
        assert field.value == ""  # refused whole, not kept to be saved
        field.post_message(events.Paste("Mira Holt"))
        await pilot.pause()
        assert field.value == "Mira Holt"
