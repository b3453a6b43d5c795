"""The footer every screen uses: compact on narrow terminals, rebuilt only when keys change."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

NARROW = 60  # columns


class QuizFooter(Footer):
    """A Footer that makes room for every key when narrow, and skips needless rebuilds.

    Textual's Footer recomposes all its key widgets on every bindings signal (focus moves,
    screen resumes, each answer), several times before the first paint, which delays the
    first question. Here it recomposes only when what it shows would change.
    """

    _shown: tuple[object, ...] | None = None

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW
        if narrow != self.compact:
            self.compact = narrow
            self.show_command_palette = not narrow
            if self._shown is not None:
                self.call_after_refresh(self.recompose)

    async def recompose(self) -> None:
        # Footer recomposes on each bindings signal; letting it through only when what is
        # shown changes keeps Footer's own signal handling, which readies the keys.
        if not self.is_attached or not self.is_mounted:
            return  # the screen went away before this deferred call ran
        shown = self._what_is_shown()
        if shown != self._shown:
            self._shown = shown
            await super().recompose()

    def _what_is_shown(self) -> tuple[object, ...]:
        keys = tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )
        return (keys, self.compact, self.show_command_palette)
