"""The footer every screen uses: compact on narrow terminals, its keys updated in place."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator
from functools import partial
from itertools import groupby

from textual import events
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Footer

from quiz.ui.textual_private import FooterKey, FooterLabel, KeyGroup

NARROW = 60  # columns
KEPT_HIDDEN = 24  # entries kept for reuse while hidden; past this they are removed

Shown = tuple[Binding, bool, str]  # a binding, whether it is enabled, its tooltip
Build = Callable[[], tuple[Widget, ...]]  # makes an entry's widgets


class QuizFooter(Footer):
    """A Footer that builds each entry once, then shows, hides and orders it in place.

    Textual's Footer recomposes all its key widgets on every bindings signal (each focus
    move, each answer), and binds each new key's `compact` to the footer with a watcher
    that is dropped only when `compact` changes, so a long game piled up detached keys.
    Here an entry (a key, or a group of keys and its label) is built the first time it is
    shown and kept, hidden, while other keys show: a question screen switches between
    its asking and revealed keys without building, styling or leaving behind a widget.
    Entries look and act as Footer's own, which this reads its keys and classes from.
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._entries: dict[Hashable, tuple[Widget, ...]] = {}

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW
        if narrow != self.compact:
            self.compact = narrow
            self.show_command_palette = not narrow
            for key in self.query(FooterKey).exclude(".-command-palette"):
                key.compact = narrow
            if self._entries:
                self.call_after_refresh(self.recompose)

    async def recompose(self) -> None:
        # Footer calls this on each bindings signal; it updates the entries instead.
        if not self.is_attached or not self.is_mounted:
            return  # the screen went away before this deferred call ran
        wanted = dict(self._wanted())
        new = [widget for name, build in wanted.items() if name not in self._entries
               for widget in self._remember(name, build())]  # fmt: skip
        for name, widgets in list(self._entries.items()):
            for widget in widgets:
                widget.styles.display = None if name in wanted else "none"
        order = [widget for name in wanted for widget in self._entries[name]]
        if new:
            await self.mount_all(new)
        if [child for child in self.children if child.display] != order:
            rank = {widget: place for place, widget in enumerate(order)}
            self.sort_children(key=lambda widget: rank.get(widget, len(rank)))
        await self._forget_hidden(wanted)

    def _remember(self, name: Hashable, widgets: tuple[Widget, ...]) -> tuple[Widget, ...]:
        self._entries[name] = widgets
        return widgets

    async def _forget_hidden(self, wanted: dict[Hashable, object]) -> None:
        """Remove the hidden entries once there are many (bindings that change their text)."""
        hidden = [name for name in self._entries if name not in wanted]
        if len(hidden) > KEPT_HIDDEN:
            await self.remove_children([w for name in hidden for w in self._entries.pop(name)])

    def _key(
        self, shown: Shown, description: str, classes: str = "", compact: bool | None = None
    ) -> FooterKey:
        """A FooterKey for a binding, compact when the footer is, as Footer makes them."""
        compact = self.compact if compact is None else compact
        binding, enabled, tooltip = shown
        key = FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            description,
            binding.action,
            disabled=not enabled,
            tooltip=tooltip,
            classes=classes,
        )
        key.set_reactive(FooterKey.compact, compact)
        key.set_class(compact, "-compact", update=False)
        return key

    def _wanted(self) -> Iterator[tuple[Hashable, Build]]:
        """Each entry to show, in order, named by everything it shows (as Footer.compose)."""
        active = self.screen.active_bindings
        by_action: defaultdict[str, list[Shown]] = defaultdict(list)
        for _, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
        firsts = [shown[0] for shown in by_action.values()]
        for group, members in groupby(firsts, lambda shown: shown[0].group):
            keys = list(members)
            if group is not None and len(keys) > 1:
                name = ("group", group.description, group.compact, *map(_looks, keys))
                yield name, partial(self._group, group, keys)
            else:
                for shown in keys:
                    yield ("key", *_looks(shown)), partial(self._single, shown)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _, binding, enabled, _ = found
                shown = (binding, enabled, binding.tooltip or binding.description)
                yield ("palette", *_looks(shown)), partial(self._palette, shown)

    def _single(self, shown: Shown) -> tuple[Widget, ...]:
        return (self._key(shown, shown[0].description),)

    def _palette(self, shown: Shown) -> tuple[Widget, ...]:
        # Footer leaves its palette key compact (FooterKey's default) at any width.
        return (self._key(shown, shown[0].description, "-command-palette", compact=True),)

    def _group(self, group: Binding.Group, keys: list[Shown]) -> tuple[Widget, ...]:
        grouped = [
            self._key((binding, enabled, tooltip or binding.description), "", "-grouped")
            for binding, enabled, tooltip in keys
        ]
        box = KeyGroup(*grouped, classes="-compact" if group.compact else "")
        return (box, FooterLabel(group.description))


def _looks(shown: Shown) -> tuple[object, ...]:
    """Everything an entry shows of a binding: another value is another entry."""
    binding, enabled, tooltip = shown
    return (binding.key, binding.key_display, binding.description, binding.action, enabled,
            tooltip)  # fmt: skip
