"""The cyclic garbage collector kept out of bulk work that makes no garbage cycles worth collecting.

Python's collector walks every tracked object of a generation when it collects it, and the oldest
generation holds everything long-lived: importing spaCy and building a pipeline leave about a
million objects there, so each full collection that a later burst of allocations sets off (building
the place matchers, unpickling a draft's neighbourhood) walked them all again. In a draft's check
against a 100k archive that was about 0.3 s of CPU in 2.3 s, for nothing: none of it was garbage.

`long_lived()` pauses the collector while objects that live as long as the process are made (spaCy's
modules, a cached pipeline), then freezes them (`gc.freeze`): later collections walk only what the
run makes after. `paused()` only pauses it, for a bulk load whose objects the run may drop before it
ends (they are collected as usual afterwards). Reference counting frees acyclic garbage either way.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block (nested blocks keep it off until the outermost ends)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def long_lived() -> Iterator[None]:
    """Paused inside the block; then every object alive is moved where no collection walks it."""
    with paused():
        yield
        # only on success: after an error the objects of a half-done build are left to the collector
        gc.freeze()
