"""Open the history on a thread, so the caller can load the UI meanwhile."""

from __future__ import annotations

import os
import threading

from quiz import collector
from quiz.history.sqlite import SqliteHistory

# SQLite checks the history's pages when opening it (PRAGMA quick_check, see
# quiz.store.db), in C and without Python's lock, so a thread started first does it while
# the main thread imports Textual.


class OpeningHistory:
    """SqliteHistory.open(directory), started on a thread at once; `history()` waits for it."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self._history: SqliteHistory | None = None
        self._error: Exception | None = None
        self._thread = threading.Thread(
            target=self._open, args=(directory,), name="quiz-open-history"
        )
        self._thread.start()
        # The first answer reviews a card: FSRS is imported before then, not by it.
        collector.after_start_up(_import_fsrs)

    def _open(self, directory: str | os.PathLike[str]) -> None:
        try:
            self._history = SqliteHistory.open(directory)
        except Exception as error:  # raised again on the caller's thread, by history()
            self._error = error

    def history(self) -> SqliteHistory:
        """The open history; raises what opening raised (StoreError: one line to show)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._history is not None
        return self._history


def _import_fsrs() -> None:
    import fsrs  # noqa: F401
