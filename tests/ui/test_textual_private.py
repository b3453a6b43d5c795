"""Each private Textual use in quiz.ui.textual_private still exists and still does its job."""

from __future__ import annotations

import inspect
import sys

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from quiz.ui.textual_private import (
    FooterKey,
    FooterLabel,
    KeyGroup,
    clicked_option,
    give_result_callback,
    lay_out_in_next_frame,
    tolerate_undecodable_keys,
)


class DefaultScreenApp(App):
    """An app whose first screen is its default screen, given a result callback or not."""

    def __init__(self, give: bool) -> None:
        super().__init__()
        self.give = give

    def get_default_screen(self) -> Screen:
        screen = Screen(id="first")
        if self.give:
            give_result_callback(screen)
        return screen


def test_the_private_method_it_calls_takes_requester_callback_and_future() -> None:
    parameters = inspect.signature(Screen._push_result_callback).parameters
    assert list(parameters) == ["self", "requester", "callback", "future"]
    assert parameters["future"].default is None


async def test_switching_away_from_a_bare_default_screen_still_fails() -> None:
    # If this starts passing, Textual copes by itself and give_result_callback can go.
    app = DefaultScreenApp(give=False)
    async with app.run_test():
        with pytest.raises(IndexError):
            app.switch_screen(Screen(id="second"))


async def test_a_default_screen_given_a_result_callback_can_be_switched_away_from() -> None:
    app = DefaultScreenApp(give=True)
    async with app.run_test() as pilot:
        second = Screen(id="second")
        await app.switch_screen(second)
        await pilot.pause()
        assert app.screen is second
        assert [screen.id for screen in app.screen_stack] == ["second"]


class ClickRecorder(OptionList):
    """An OptionList that notes what clicked_option says of each click."""

    def __init__(self) -> None:
        super().__init__("one\nline two", "three", "four")
        self.clicked: list[int | None] = []

    def on_click(self, event: events.Click) -> None:
        self.clicked.append(clicked_option(event))


class OptionsApp(App):
    CSS = "OptionList { height: 10; }"

    def compose(self) -> ComposeResult:
        yield ClickRecorder()


@pytest.mark.parametrize(
    ("line", "option"),
    [(0, 0), (1, 0), (2, 1), (3, 2), (8, None)],  # the first option takes two lines
)
async def test_a_click_on_an_option_line_gives_that_options_index(
    line: int, option: int | None
) -> None:
    app = OptionsApp()
    async with app.run_test(size=(40, 12)) as pilot:
        options = app.query_one(ClickRecorder)
        top = options.content_region.y - options.region.y
        await pilot.click(ClickRecorder, offset=(3, top + line))
        await pilot.pause()
        assert options.clicked == [option]


@pytest.mark.skipif(sys.platform == "win32", reason="Textual's Linux driver needs termios")
def test_the_linux_driver_still_makes_its_input_decoder_from_its_module_global() -> None:
    # tolerate_undecodable_keys replaces that global; if the driver stops using it (or
    # starts decoding leniently by itself), this says so.
    from textual.drivers import linux_driver

    source = inspect.getsource(linux_driver.LinuxDriver.run_input_thread)
    assert 'getincrementaldecoder("utf-8")()' in source
    tolerate_undecodable_keys()
    decode = linux_driver.getincrementaldecoder("utf-8")().decode
    assert decode(b"1\xf8", final=False) + decode(b"\xc3", final=False) + decode(b"\xa9") == "1é"


def test_footer_still_builds_its_entries_from_the_widgets_quiz_builds_them_from() -> None:
    # QuizFooter makes FooterKeys with these arguments and sets their `compact` itself;
    # tests/ui/test_footer.py checks that what it shows matches Textual's Footer.
    parameters = list(inspect.signature(FooterKey.__init__).parameters)
    assert parameters == [
        "self", "key", "key_display", "description", "action", "disabled", "tooltip", "classes"
    ]  # fmt: skip
    assert isinstance(FooterKey.__dict__["compact"], Reactive)
    source = inspect.getsource(Footer.compose)
    for widget in (FooterKey, FooterLabel, KeyGroup):
        assert f"{widget.__name__}(" in source


class Growing(App):
    """A line of text in a box, to be given more lines."""

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static("one", id="line")


async def test_laying_out_in_the_next_frame_asks_the_screen_at_once() -> None:
    app = Growing()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        box, line = app.query_one("#box"), app.query_one("#line", Static)
        box.arrange(box.size)
        line.update("one\ntwo\nthree")
        assert line._layout_required and box._arrangement_cache
        lay_out_in_next_frame(app.screen)
        # What the line's idle handler would have done: its request is sent, the stale
        # arrangement of its box dropped.
        assert not line._layout_required and not box._arrangement_cache
        await pilot.pause()
        assert line.size.height == 3
