"""A compact Button that brings only the styles a compact button uses."""

from __future__ import annotations

from textual.widgets import Button

from quiz.ui.styles import tcss


class CompactButton(Button, inherit_css=False):
    """A Button, always compact and of the default variant, with a tenth of Button's styles.

    Textual's Button carries style rules for every variant and look, and parses them the
    first time a Button is shown, which delays a typed first question. The answer row needs just two compact buttons, which look and act as
    Button(compact=True) does.
    """

    DEFAULT_CSS = tcss(__file__)

    def __init__(self, label: str, *, id: str | None = None) -> None:
        super().__init__(label, id=id, compact=True)
