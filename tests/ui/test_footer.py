"""The footer: rebuilt when the keys it shows change, left alone when they don't."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Button, Footer, Static
from ui_helpers import settle

from quiz.ui.widgets.footer import QuizFooter


class WithKey(Static, can_focus=True):
    """A focusable widget that adds a key to the footer while focused."""

    BINDINGS = [("x", "extra", "Extra")]


class FooterApp(App):
    def __init__(self, footer: type[Footer]) -> None:
        super().__init__()
        self.footer = footer

    def compose(self) -> ComposeResult:
        yield Button("a", id="a")
        yield Button("b", id="b")
        yield WithKey("c", id="c")
        yield self.footer()


def shown(app: App) -> list[str]:
    return [str(entry.render()) for entry in app.query_one(Footer).query("*")]


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
