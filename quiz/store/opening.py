"""Open the history on a thread, so the caller can load the UI meanwhile."""

from __future__ import annotations

import os
import threading

from quiz.store.recorder import Recorder

# SQLite checks a history's every page when opening it (PRAGMA quick_check: 20 to 30 ms
# for 100,000 answers), in C and without Python's lock, while importing Textual takes
# longer than that on the main thread. Started first, the check costs start-up little:
# what is left is the two threads sharing the machine.


class OpeningHistory:
    """Recorder.open(directory), started on a thread at once; `recorder()` waits for it."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self._recorder: Recorder | None = None
        self._error: Exception | None = None
        self._thread = threading.Thread(
            target=self._open, args=(directory,), name="quiz-open-history"
        )
        self._thread.start()

    def _open(self, directory: str | os.PathLike[str]) -> None:
        try:
            self._recorder = Recorder.open(directory)
        except Exception as error:  # raised again on the caller's thread, by recorder()
            self._error = error

    def recorder(self) -> Recorder:
        """The open history; raises what opening raised (StoreError: one line to show)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._recorder is not None
        return self._recorder
