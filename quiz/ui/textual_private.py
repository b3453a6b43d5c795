"""The only places quiz reaches into Textual's private API, each because no public one serves."""

from __future__ import annotations

from textual import events
from textual.screen import Screen


def give_result_callback(screen: Screen) -> None:
    """Give a default screen the empty result callback every switched-to screen gets.

    App.switch_screen drops the outgoing screen's latest result callback, and only
    push_screen and switch_screen give a screen one: the screen returned by
    App.get_default_screen has none, so switching away from it raises. No public API adds
    a callback to a screen already on the stack, so this does what switch_screen does.
    """
    screen._push_result_callback(screen, None)


def clicked_option(event: events.Click) -> int | None:
    """The index of the OptionList option under a click, or None if between options.

    OptionList has no public way to map a point to an option (options span several
    lines and wrap); it tags each rendered line's style with its option's index under the
    meta key "option" and reads that back in its own click handler, as this does.
    """
    index = event.style.meta.get("option")
    return index if isinstance(index, int) else None
