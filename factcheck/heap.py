"""Freed memory given back to the system: what keeps a large check's peak where its live data is.

glibc's malloc serves a large block (a dict or list of hundreds of thousands of entries, which a
rule builds and drops) from a mapping of its own and unmaps it when freed, but then raises its
threshold for such mappings to that block's size, so the next blocks of that size come from the
heap, whose freed middle is never returned. At 100k archived articles a rule that built and
dropped one index per claim left 37 MiB resident for the rest of the run, and every rule after
it, and the rule processes forked from it, counted it. A fixed threshold keeps large blocks
mapped (freed, they are gone), and a trim after each bulk step returns the heap's free pages.
Elsewhere than glibc (macOS, musl, Windows) both are no-ops.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache

M_MMAP_THRESHOLD = -3  # mallopt's parameter (glibc's malloc.h)
MMAP_THRESHOLD = 128 * 1024  # glibc's own starting value, kept fixed


@cache
def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt  # noqa: B018  (musl has no mallopt: no glibc, nothing to do)
        libc.malloc_trim  # noqa: B018
    except (OSError, AttributeError):
        return None
    return libc


def keep_large_blocks_apart() -> None:
    """Large blocks always in mappings of their own, returned when freed (for the rest of the process)."""
    libc = _glibc()
    if libc is not None:
        libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)


def give_back() -> None:
    """Return the heap's free pages to the system (after loading, after a rule)."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
