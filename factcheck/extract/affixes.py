"""spaCy's prefix, suffix and infix rules, searched only where a match can be.

spaCy joins each set of rules into one pattern and runs `search` (or `finditer`)
on every string the tokenizer looks at: every alternative at every position,
though each prefix is anchored at the start and each suffix at the end. That was
most of the tokenizer's time. The searches here give the same matches (spaCy
reads only their lengths; tests/test_fast_paths.py compares them on every string
of the corpus and on random ones):

- a prefix is matched at 0 with only the rules whose first character can be the
  string's (by character, built on first sight), then the rules spaCy leaves
  unanchored (Indonesian has one: `<a([^>]+)>`, a rule with its own `|`) from 1;
- a suffix rule at most W characters wide can only match from len - W - 1 (`$`
  also matches before a final line break); the unbounded ones ("\\.\\.+") are
  searched whole, and the whole pattern matched at the leftmost start found picks
  the rule the plain search picks; a string of W + 1 characters or fewer is
  searched with only the rules that can end with its last character;
- an infix needs a character one of its rules can start with: a string with none
  (most words) is not searched.

Whatever the analysis cannot read (a negated class first, a rule that may match
nothing, an inline flag) keeps the plain search for that part.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

_parser: Any = importlib.import_module("re._parser")  # Python's own reading of a pattern, for its first characters
_c: Any = importlib.import_module("re._constants")
CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}
UNBOUNDED = 1000  # wider than any suffix rule that has a bound


def top_level_alternatives(expression: str) -> list[str]:
    """The alternatives of a pattern's outermost `|`, as written (outside brackets, classes and escapes)."""
    alternatives, depth, in_class, escaped, start = [], 0, False, False, 0
    for position, char in enumerate(expression):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]" or expression[position - 1] == "[" or expression[position - 2 : position] == "[^"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            alternatives.append(expression[start:position])
            start = position + 1
    alternatives.append(expression[start:])
    return alternatives


def _first(items: Any) -> tuple[list[str], bool] | None:
    """The class members (as pattern text) a match of `items` can start with, and whether it can match nothing.

    None when the pattern is beyond this reading. Zero-width assertions are passed over: the set is what
    the first character consumed can be, a superset of what the assertions allow.
    """
    return _edge(items, from_end=False)


def _last(items: Any) -> tuple[list[str], bool] | None:
    """As `_first`, for the last character a match of `items` consumes (read from the end)."""
    return _edge(items, from_end=True)


def _edge(items: Any, from_end: bool) -> tuple[list[str], bool] | None:
    members: list[str] = []
    for op, av in reversed(items) if from_end else items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        if op is _c.LITERAL:
            return [*members, re.escape(chr(av))], False
        if op is _c.IN:
            found = _class_members(av)
            return None if found is None else ([*members, *found], False)
        if op is _c.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                return None  # "(?i:...)": the other case would be missing
            inner = _edge(av[-1].data, from_end)
        elif op is _c.ATOMIC_GROUP:
            inner = _edge(av.data, from_end)
        elif op is _c.BRANCH:
            readings = [_edge(branch.data, from_end) for branch in av[1]]
            if any(r is None for r in readings):
                return None
            inner = ([m for r in readings if r for m in r[0]], any(r[1] for r in readings if r))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, _, body = av
            reading = _edge(body.data, from_end)
            inner = None if reading is None else (reading[0], reading[1] or low == 0)
        else:
            return None  # any character, a back reference, ...
        if inner is None:
            return None
        members += inner[0]
        if not inner[1]:
            return members, False
    return members, True


def _class_members(items: Any) -> list[str] | None:
    members = []
    for op, av in items:
        if op is _c.LITERAL:
            members.append(re.escape(chr(av)))
        elif op is _c.RANGE:
            members.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _c.CATEGORY and av in CATEGORIES:
            members.append(CATEGORIES[av])
        else:
            return None  # a negated class
    return members


def first_characters(alternative: str, last: bool = False) -> re.Pattern[str] | None:
    """A class of every character a match of `alternative` can start (or end) with.

    None when unknown or when it can match nothing.
    """
    try:
        data = _parser.parse(alternative).data
    except re.error:
        return None
    return _class_of(_last(data) if last else _first(data))


def _test_of(reading: tuple[list[str], bool] | None) -> Callable[[str], object] | None:
    """Whether a character is one of the reading's: a set lookup when they are single characters (most rules)."""
    if reading is None or reading[1] or not reading[0]:
        return None
    pieces = reading[0]
    # re.escape leaves a character alone or puts a backslash before it, never before a letter or digit
    if all(len(p) == 1 or len(p) == 2 and p[0] == "\\" and not p[1].isalnum() for p in pieces):
        return frozenset(p[-1] for p in pieces).__contains__
    return _compiled(f"[{''.join(pieces)}]").fullmatch


def _class_of(reading: tuple[list[str], bool] | None) -> re.Pattern[str] | None:
    if reading is None or reading[1] or not reading[0]:
        return None
    return re.compile(f"[{''.join(reading[0])}]")


def prefix_searcher(prefixes: Sequence[str | re.Pattern[Any]]) -> Callable[[str], re.Match[str] | None]:
    """`compile_prefix_regex(prefixes).search`, trying at 0 only the rules that can start with the first character."""
    whole = compile_prefix_regex(prefixes)
    if whole.flags & (re.MULTILINE | re.IGNORECASE):  # "^" after every line break; the other case
        return whole.search
    alternatives = top_level_alternatives(whole.pattern)
    loose = [a for a in alternatives if not a.startswith("^")]
    try:
        rest = re.compile("|".join(loose)) if loose else None
        starts = [(a, _test_of(_first(_parser.parse(a).data))) for a in alternatives]
    except re.error:
        return whole.search
    by_character: dict[str, Callable[[str], re.Match[str] | None]] = {}

    def at_start(character: str) -> Callable[[str], re.Match[str] | None]:
        kept = "|".join(a for a, first in starts if first is None or first(character))
        by_character[character] = matcher = _compiled(kept).match if kept else _nothing
        return matcher

    def search(string: str) -> re.Match[str] | None:
        if not string:
            return whole.match(string)
        found = (by_character.get(string[0]) or at_start(string[0]))(string)
        if found is None and rest is not None:
            later = rest.search(string, 1)
            found = whole.match(string, later.start()) if later is not None else None
        return found

    return search


@lru_cache(maxsize=1024)
def _compiled(pattern: str) -> re.Pattern[str]:
    """Most characters keep the same few rules: one pattern for each such set, however many characters share it."""
    return re.compile(pattern)


def _nothing(string: str) -> None:
    return None


def suffix_searcher(suffixes: Sequence[str | re.Pattern[Any]]) -> Callable[[str], re.Match[str] | None]:
    """`compile_suffix_regex(suffixes).search`, trying the bounded rules only where a match could start."""
    whole = compile_suffix_regex(suffixes)
    if whole.flags & (re.MULTILINE | re.IGNORECASE):
        return whole.search
    unbounded, ends, width = [], [], 0
    for alternative in top_level_alternatives(whole.pattern):
        try:
            parsed = _parser.parse(alternative)  # read once, for its width and its last characters
        except re.error:
            return whole.search
        widest = parsed.getwidth()[1]
        if widest < UNBOUNDED:
            width = max(width, widest)
        else:
            unbounded.append(alternative)
        ends.append((alternative, _test_of(_last(parsed.data))))
    # the leftmost start of an unbounded rule anywhere, or of any rule from len - W - 1 on, is the plain
    # search's: a bounded rule cannot start before that
    far = re.compile("|".join(unbounded)) if unbounded else None
    plain = whole.search
    by_character: dict[str, Callable[[str], re.Match[str] | None]] = {}

    def at_end(character: str) -> Callable[[str], re.Match[str] | None]:
        kept = "|".join(a for a, last in ends if last is None or last(character))
        by_character[character] = searcher = _compiled(kept).search if kept else _nothing
        return searcher

    def search(string: str) -> re.Match[str] | None:
        if len(string) <= width + 1:
            if not string or string[-1] == "\n":
                return plain(string)  # "$" also matches before a final line break: any rule may end before it
            # a short string: only the rules that can end with its last character
            return (by_character.get(string[-1]) or at_end(string[-1]))(string)
        found = plain(string, len(string) - width - 1)
        start = found.start() if found is not None else len(string) + 1
        if far is not None:
            other = far.search(string)
            if other is not None and other.start() < start:
                start = other.start()
        return whole.match(string, start) if start <= len(string) else None

    return search


def infix_finditer(infixes: Sequence[str | re.Pattern[Any]]) -> Callable[[str], Iterator[re.Match[str]]]:
    """`compile_infix_regex(infixes).finditer`, skipped on a string with no character an infix rule starts with."""
    whole = compile_infix_regex(infixes)
    if whole.flags & re.IGNORECASE:
        return whole.finditer
    firsts = [first_characters(a) for a in top_level_alternatives(whole.pattern)]
    if any(f is None for f in firsts):
        return whole.finditer
    members = "".join(f.pattern[1:-1] for f in firsts if f is not None)
    starts = re.compile(f"[{members}]")

    def finditer(string: str) -> Iterator[re.Match[str]]:
        return whole.finditer(string) if starts.search(string) else iter(())

    return finditer
