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

`kept()` is for a bulk load the run keeps to its end (a draft's neighbourhood, 1,292 archived articles
at 100k): in a process that runs one command and exits (`one_shot()`, which the command line calls)
it is `long_lived()`, since after `paused()` the next two collections walked the 300k new objects
again (0.05 s, then 0.13 s inside a rule); elsewhere (the Python API, tests) it is `paused()`, so that
a long-lived caller's dropped objects stay collectable.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_one_shot = False


def one_shot() -> None:
    """Mark the process as one that runs one command and exits: what `kept()` loads lives as long as it."""
    global _one_shot
    _one_shot = True


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


@contextmanager
def kept() -> Iterator[None]:
    """A bulk load the run keeps to its end: `long_lived()` in a one-shot process, else `paused()`."""
    with long_lived() if _one_shot else paused():
        yield
