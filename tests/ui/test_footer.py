"""The footer: shows what Textual's Footer shows, and keeps its entries instead of rebuilding."""

from __future__ import annotations

import gc

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Button, Footer, Static
from ui_helpers import footer_entries, settle

from quiz.ui.textual_private import FooterKey
from quiz.ui.widgets.footer import QuizFooter

GROUP = Binding.Group("Pick", compact=True)


class WithKey(Static, can_focus=True):
    """A focusable widget that adds a key to the footer while focused."""

    BINDINGS = [("x", "extra", "Extra")]


class WithGroup(Static, can_focus=True):
    """A focusable widget that adds a group of keys, one of them disabled."""

    BINDINGS = [
        *(Binding(str(n), f"pick({n})", str(n), group=GROUP) for n in (1, 2, 3)),
        Binding("y", "off", "Off"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "off" else True


class FooterApp(App):
    BINDINGS = [("ctrl+t", "top", "Top")]

    def __init__(self, footer: type[Footer]) -> None:
        super().__init__()
        self.footer = footer

    def compose(self) -> ComposeResult:
        yield Button("a", id="a")
        yield Button("b", id="b")
        yield WithKey("c", id="c")
        yield WithGroup("d", id="d")
        yield self.footer()


def shown(app: App) -> list[str]:
    return [str(entry.render()) for entry in footer_entries(app.query_one(Footer))]


def looks(app: App) -> list[tuple[str, str, list[str]]]:
    """Each shown entry: its type, what it renders and its classes, in order."""
    return [
        (type(entry).__name__, "" if entry.children else str(entry.render()), sorted(entry.classes))
        for entry in footer_entries(app.query_one(Footer))
    ]


@pytest.mark.parametrize("width", [80, 50])
@pytest.mark.parametrize("focused", ["#a", "#c", "#d"])
async def test_the_footer_shows_what_textuals_footer_shows(focused: str, width: int) -> None:
    seen = []
    for footer in (Footer, QuizFooter):
        app = FooterApp(footer)
        async with app.run_test(size=(width, 10)) as pilot:
            app.query_one(focused).focus()
            await settle(pilot)
            if footer is Footer and width < 60:  # QuizFooter turns compact when narrow
                textuals = app.query_one(Footer)
                textuals.compact, textuals.show_command_palette = True, False
                textuals.call_later(textuals.recompose)  # as a bindings change would
                await settle(pilot)
            seen.append(looks(app))
    assert seen[0] and seen[0] == seen[1]


@pytest.mark.parametrize(("footer", "rebuilt"), [(Footer, True), (QuizFooter, False)])
async def test_a_focus_change_that_keeps_the_keys_rebuilds_only_textuals_footer(
    footer: type[Footer], rebuilt: bool
) -> None:
    # Textual's own footer is the control: it shows the focus change reached the footer.
    app = FooterApp(footer)
    async with app.run_test(size=(80, 10)) as pilot:
        app.query_one("#a").focus()
        await settle(pilot)
        before = list(app.query_one(Footer).children)
        app.query_one("#b").focus()
        await settle(pilot)
        after = list(app.query_one(Footer).children)
        assert before  # the footer shows keys
        assert (after != before) is rebuilt


async def test_the_footer_shows_a_key_that_comes_and_goes_with_focus() -> None:
    app = FooterApp(QuizFooter)
    async with app.run_test(size=(80, 10)) as pilot:
        app.query_one("#a").focus()
        await settle(pilot)
        assert not any("Extra" in entry for entry in shown(app))
        app.query_one("#c").focus()
        await settle(pilot)
        assert any("Extra" in entry for entry in shown(app))
        app.query_one("#a").focus()
        await settle(pilot)
        assert not any("Extra" in entry for entry in shown(app))


def key_widgets() -> int:
    gc.collect()
    return sum(isinstance(o, FooterKey) for o in gc.get_objects())


@pytest.mark.parametrize(("footer", "piles_up"), [(Footer, True), (QuizFooter, False)])
async def test_keys_that_come_and_go_do_not_pile_up(footer: type[Footer], piles_up: bool) -> None:
    # Textual's Footer is the control: each rebuild leaves its old keys bound to the
    # footer. If it stops piling up, Textual has fixed it.
    app = FooterApp(footer)
    async with app.run_test(size=(80, 10)) as pilot:
        counts = []
        for _ in range(2):
            for _ in range(10):
                for focused in ("#c", "#d"):
                    app.query_one(focused).focus()
                    await settle(pilot)
            counts.append(key_widgets())
        assert (counts[1] > counts[0]) is piles_up
