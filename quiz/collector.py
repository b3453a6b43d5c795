"""Start-up runs without the cyclic garbage collector, until the first screen is painted.

Starting the UI allocates many long-lived objects (Textual's modules, styles, widgets)
and little cyclic garbage, yet every automatic collection meanwhile scans them all,
which delays the first question. Once the first screen is painted, the
objects alive then are frozen out of the collector's sight (as the gc.freeze docs
suggest for long-lived start-up state) and collection resumes as usual.

Work that only a later moment needs (importing FSRS for the first answer's card) waits
for the same moment: on a thread during start-up it would still take the interpreter's
lock from the thread painting the first screen.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable

_paused = False
_lock = threading.Lock()
_after: list[Callable[[], object]] = []


def pause() -> None:
    """Stop automatic collection until `resume` (a no-op if it is already off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what start-up built and collect as usual again, if `pause` stopped it; start
    the work put off until then."""
    global _paused
    with _lock:
        resumed, _paused = _paused, False
        waiting = _after[:]
        _after.clear()
    if resumed:
        gc.freeze()
        gc.enable()
    for work in waiting:
        _start(work)


def after_start_up(work: Callable[[], object]) -> None:
    """Run WORK on a thread of its own once start-up is over (now, if it is not under way)."""
    with _lock:
        if _paused:
            _after.append(work)
            return
    _start(work)


def _start(work: Callable[[], object]) -> None:
    threading.Thread(target=work, name="quiz-after-start-up", daemon=True).start()
