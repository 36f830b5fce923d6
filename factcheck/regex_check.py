"""Refuse line patterns that can backtrack exponentially, before they meet a hostile line.

A quantifier over a group that itself holds a quantifier, `(\\w+\\s?)*` or `(\\d{1,3}\\.?)+`, can split
one run of characters in exponentially many ways when the rest of the pattern fails. Such a pattern
is refused unless the outer quantifier is possessive (`*+`, `++`) or the inner part is an atomic
group (`(?>...)`), which Python (3.11+) never backtracks into.
"""

from __future__ import annotations

import re
from re import _constants as constants  # type: ignore[attr-defined]  # what re.compile parses with (3.11+)
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

REPEATS = {constants.MAX_REPEAT, constants.MIN_REPEAT}


def nested_quantifier(pattern: str) -> str | None:
    """The first quantified part of `pattern` that holds another quantifier, or None when safe."""
    try:
        parsed = parser.parse(pattern)
    except re.error:
        return None  # re.compile reports the syntax error itself
    return _find(list(parsed), inside=False)


def _repeats(items: list[Any]) -> bool:
    """Whether a parsed sequence can repeat something (outside atomic groups)."""
    return _find(items, inside=True) is not None


def _find(items: list[Any], inside: bool) -> str | None:
    """With `inside`, any repeat; else a repeat whose body repeats."""
    for op, av in items:
        if op in REPEATS or op == constants.POSSESSIVE_REPEAT:
            low, high, body = av
            if inside and high > 1:
                return "repeat"
            if op in REPEATS and high > 1 and _repeats(list(body)):
                return "a quantifier over a group that holds a quantifier"
            found = _find(list(body), inside)
            if found:
                return found
        elif op == constants.SUBPATTERN:
            found = _find(list(av[-1]), inside)
            if found:
                return found
        elif op == constants.BRANCH:
            for branch in av[1]:
                found = _find(list(branch), inside)
                if found:
                    return found
        elif op in (constants.ASSERT, constants.ASSERT_NOT):
            found = _find(list(av[1]), inside)
            if found:
                return found
        elif op == constants.ATOMIC_GROUP and not inside:  # nothing inside one is backtracked into
            found = _find(list(av), inside)
            if found:
                return found
    return None
