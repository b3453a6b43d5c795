"""Helpers for command-line tests: a stand-in for the Textual app."""

from __future__ import annotations

from quiz import collector


class FakeApp:
    """Stands in for the Textual app: records how it was built and that it ran."""

    made: list[FakeApp] = []

    def __init__(self, packs, start=None, **kwargs) -> None:
        self.packs, self.start, self.kwargs = packs, start, kwargs
        self.ran, self.return_code = False, None
        FakeApp.made.append(self)

    def run(self) -> None:
        self.ran = True
        collector.resume()  # as the real app does once its first screen is painted
