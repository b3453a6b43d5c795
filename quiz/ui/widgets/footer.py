"""The footer every screen uses: compact on narrow terminals, rebuilt only when keys change."""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widgets import Footer

NARROW = 60  # columns


class QuizFooter(Footer):
    """A Footer that makes room for every key when narrow, and skips needless rebuilds.

    Textual's Footer recomposes all its key widgets on every bindings signal (focus moves,
    screen resumes, each answer), several times before the first paint; that was the
    largest single cost of showing the first question. Here it recomposes only when what
    it shows would change.
    """

    _shown: tuple[object, ...] | None = None

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW
        if narrow != self.compact:
            self.compact = narrow
            self.show_command_palette = not narrow
            if self._shown is not None:
                self.call_after_refresh(self._recompose_if_changed)

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if not self.is_attached or not self.is_mounted:
            return  # the screen went away before this deferred call ran
        shown = self._what_is_shown()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()

    def _what_is_shown(self) -> tuple[object, ...]:
        keys = tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )
        return (keys, self.compact, self.show_command_palette)
