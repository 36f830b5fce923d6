"""A per-article time budget: an article that takes longer is skipped with that reason.

On the main thread of a Unix process a timer signal interrupts the work wherever it is (Python's
regular-expression engine checks for signals, so a pattern that backtracks is stopped too); elsewhere
`check()` between pipeline steps is the only guard.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class OverBudget(Exception):
    """Raised inside the work of one article when its time is up."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than the time budget of {seconds:g} s per article")
        self.seconds = seconds


class Budget:
    """The time one article may take; `seconds` 0 or None means no limit."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds or 0.0
        self.deadline = 0.0

    def check(self) -> None:
        """Raise OverBudget when the current article's time is up (a no-op outside `article()`)."""
        if self.deadline and time.monotonic() > self.deadline:
            raise OverBudget(self.seconds)

    @contextmanager
    def article(self) -> Iterator[None]:
        """Run one article's work under the budget (one article at a time: not reentrant)."""
        if not self.seconds:
            yield
            return
        self.deadline = time.monotonic() + self.seconds
        use_signal = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
        previous = None
        if use_signal:

            def expire(signum: int, frame: FrameType | None) -> None:
                raise OverBudget(self.seconds)

            previous = signal.signal(signal.SIGALRM, expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            yield
        finally:
            self.deadline = 0.0
            if use_signal:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)


NO_BUDGET = Budget(None)
