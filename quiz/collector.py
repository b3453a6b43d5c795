"""Start-up runs without the cyclic garbage collector, until the first screen is painted.

Starting the UI allocates many long-lived objects (Textual's modules, styles, widgets)
and little cyclic garbage, yet every automatic collection meanwhile scans them all,
which delays the first question. Once the first screen is painted, the
objects alive then are frozen out of the collector's sight (as the gc.freeze docs
suggest for long-lived start-up state) and collection resumes as usual.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop automatic collection until `resume` (a no-op if it is already off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what start-up built and collect as usual again, if `pause` stopped it."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
