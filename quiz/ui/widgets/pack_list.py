"""The list of packs on the home screen: a click chooses a pack, a double-click plays it."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.content import Content
from textual.widgets import OptionList

from quiz.packs.model import Pack
from quiz.ui.text import plain


def pack_entry(pack: Pack) -> Content:
    """Title, description and question count of a pack, as three plain lines."""
    count = len(pack.questions)
    lines = [plain(pack.title, "bold")]
    if pack.description:
        lines.append(plain(pack.description, "$text-muted"))
    lines.append(Content(f"{count} question{'s' if count != 1 else ''}"))
    return Content("\n").join(lines)


class PackList(OptionList):
    """Packs to play; Enter or a double-click selects, a single click only highlights."""

    def __init__(self, packs: Sequence[Pack], **kwargs: object) -> None:
        super().__init__(*(pack_entry(pack) for pack in packs), **kwargs)  # type: ignore[arg-type]

    async def _on_click(self, event: events.Click) -> None:
        # OptionList selects on any click; here one click chooses and a second plays, so
        # a mouse player can pick a pack and then press Setup. prevent_default stops
        # OptionList's own click handler (Textual calls each class's handler in turn).
        event.prevent_default()
        index = event.style.meta.get("option")
        if index is None or self.get_option_at_index(index).disabled:
            return
        if event.chain >= 2 or self.highlighted == index:
            self.highlighted = index
            self.action_select()
        else:
            self.highlighted = index
