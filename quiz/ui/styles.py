"""Each screen's and widget's styles, read from the .tcss file beside its module."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.geometry import Size
    from textual.screen import Screen

# Why not app.tcss for all, or a screen's CSS_PATH: Textual parses the app's CSS whole
# before the first paint, and re-parses every style sheet each time a screen with a
# CSS_PATH is first shown. A class's DEFAULT_CSS is parsed once, when the first widget of
# that class is mounted: `quiz play` parses only what its first question shows.


def tcss(module_file: str) -> str:
    """The styles in the .tcss file named like MODULE_FILE: home.py reads home.tcss.

    Use as `DEFAULT_CSS = tcss(__file__)`. Textual scopes a class's DEFAULT_CSS to that
    class, so every selector in the file starts with the class name.
    """
    return Path(module_file).with_suffix(".tcss").read_text(encoding="utf-8")


def breakpoint_classes(screen: type[Screen], size: Size) -> str:
    """The classes a screen's HORIZONTAL_ and VERTICAL_BREAKPOINTS give it at SIZE.

    A screen born with them (`super().__init__(classes=...)`) is styled once as it
    mounts, not a second time when Textual adds them at its first resize.
    """
    names = []
    for breakpoints, length in (
        (screen.HORIZONTAL_BREAKPOINTS, size.width),
        (screen.VERTICAL_BREAKPOINTS, size.height),
    ):
        fitting = [name for low, name in breakpoints or () if length >= low]
        names += fitting[-1:]
    return " ".join(names)
