"""The only places quiz reaches into Textual's private API, each because no public one serves."""

from __future__ import annotations

import codecs
import functools
from collections.abc import Callable

from textual import events
from textual.screen import Screen
from textual.widget import Widget

# The widgets Footer builds its entries from. Textual exports Footer only; QuizFooter
# builds the same entries itself so that it can keep them instead of rebuilding them.
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

__all__ = [
    "FooterKey",
    "FooterLabel",
    "KeyGroup",
    "clicked_option",
    "give_result_callback",
    "lay_out_in_next_frame",
    "tolerate_undecodable_keys",
]


def give_result_callback(screen: Screen) -> None:
    """Give a default screen the empty result callback every switched-to screen gets.

    App.switch_screen drops the outgoing screen's latest result callback, and only
    push_screen and switch_screen give a screen one: the screen returned by
    App.get_default_screen has none, so switching away from it raises. No public API adds
    a callback to a screen already on the stack, so this does what switch_screen does.
    """
    screen._push_result_callback(screen, None)


def lay_out_in_next_frame(root: Widget) -> None:
    """Have the screen lay out ROOT's changed widgets in its next frame, not the one after.

    A widget whose size may have changed asks its screen for a layout from its own idle
    handler; the screen paints when it goes idle, often before those requests reach it,
    so it paints the widgets' new content at their old sizes (or not at all, if they were
    hidden) and lays them out a frame (15 to 30 ms) later. This makes those requests now,
    as each widget's idle handler would; no public API does.
    """
    for widget in root.walk_children(with_self=True):
        widget._check_refresh()


def clicked_option(event: events.Click) -> int | None:
    """The index of the OptionList option under a click, or None if between options.

    OptionList has no public way to map a point to an option (options span several
    lines and wrap); it tags each rendered line's style with its option's index under the
    meta key "option" and reads that back in its own click handler, as this does.
    """
    index = event.style.meta.get("option")
    return index if isinstance(index, int) else None


def _lenient_decoder(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
    """codecs.getincrementaldecoder(ENCODING), making decoders that drop bytes they can't
    decode instead of raising."""
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="ignore")


def tolerate_undecodable_keys() -> None:
    """Make the terminal input thread drop a byte that is not UTF-8, not die of it.

    Textual's Linux driver decodes the terminal's bytes with a strict UTF-8 decoder it
    makes from the `getincrementaldecoder` its module imported; a single byte that is not
    UTF-8 (Alt+x on a terminal that sends meta as the eighth bit gives 0xf8) raises in the
    input thread, and the app exits. No public API sets the errors policy, so the
    driver's module is given a maker of decoders that ignore such bytes.
    """
    try:
        from textual.drivers import linux_driver
    except ImportError:  # no termios (Windows): another driver reads the keys
        return
    linux_driver.getincrementaldecoder = _lenient_decoder  # type: ignore[attr-defined]
