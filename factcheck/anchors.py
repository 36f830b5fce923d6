r"""Where a pattern's match can start: the literal words it begins with, found for many patterns in one scan.

The period patterns (`periods.py`) each scanned the whole text: Python's engine tries a pattern that starts
with `\b` or a lookbehind at every position, and some thirty of them read every article. Most of them begin
with one of a few words ("Maret", "akhir", "kuartal", "Senin", ...). `first_literals` reads those words off
Python's own parse of a pattern; `Anchors` joins the words of many patterns into one scan of the text that
records, for each pattern, the positions where one of its words begins; `finditer` then tries the pattern only
there, with `pattern.match(text, position)`.

It finds what `pattern.finditer(text)` finds, match for match: `finditer` is `search` from where the last match
ended, `search` tries `match` at each position in turn, and a position where none of the pattern's first words
begins cannot start a match (`match` at a position sees the whole text, as `search` does: lookbehinds, `\b`
and `^` read the characters before it). Every match is at least one word long, so none is empty.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import langcache

_parser: Any = importlib.import_module("re._parser")  # Python's own reading of a pattern
_c: Any = importlib.import_module("re._constants")

# at most this many first words a pattern: more, and the pattern is scanned whole
MAX_LITERALS = 4000
# a beginning this long is long enough to find a match by: it is not grown further (the words would multiply)
LONG_ENOUGH = 12
# a small character class ("[QH]", "[0-3]") is read as its characters; a larger one ends the literal words
MAX_CLASS = 16
# a set of this many patterns or more (the period patterns: 0.05 s to read) is kept in the language-data cache
CACHED_FROM = 8

_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT}
# "\d" is any decimal digit of any script: the ten ASCII ones as words, and this mark for the others, which
# the scan finds as any non-ASCII character (where every pattern is tried)
DIGIT = "\uffff"
_STOP = frozenset({("", False)})  # what can start here is not a literal: the words so far are all that is known


@lru_cache(maxsize=1024)  # `Anchors` and `starts_at_word` ask for the same patterns' words
def first_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    r"""Lowercase words one of which begins every match of `pattern`, or None when that cannot be bounded.

    None for a pattern that can begin with a character class or a digit (`\d`), that can match the empty
    string, or whose words are not ASCII (so that lowering a word is what case-insensitive matching does).
    """
    results = _sequence(_parser.parse(pattern.pattern, pattern.flags).data)
    if results is None:
        return None
    words = {prefix.lower() for prefix, _ in results}
    if "" in words or not all(word.isascii() or word == DIGIT for word in words):
        return None
    # a match that begins with "akhir-agustus" begins with "akhir": the shortest beginnings are enough (a word's
    # own shorter beginnings looked up in the set: comparing every two of up to 4,000 words cost 0.6 s a process)
    return frozenset(w for w in words if not any(w[:end] in words for end in range(1, len(w))))


@lru_cache(maxsize=1024)
def starts_at_word(pattern: re.Pattern[str]) -> bool:
    r"""Whether every match begins where a word begins: after `\b` or `(?<!\w)` before its first word."""
    words = first_literals(pattern)
    if pattern.flags & (re.ASCII | re.LOCALE):
        return False  # its "\w" is not the one `_is_word` tests
    if words is None or not all(_is_word(word[0]) or word == DIGIT for word in words):
        return False  # "\b(" begins after a word character: only a word character after it starts a word
    return _behind_no_word(_parser.parse(pattern.pattern, pattern.flags).data)


def _behind_no_word(items: Any) -> bool:
    if not len(items):
        return False
    op, av = items[0]
    if op is _c.AT:
        return bool(av is _c.AT_BOUNDARY)
    if op is _c.ASSERT_NOT and av[0] == -1:  # a lookbehind: "(?<!\w)", "(?<![\w-])"
        body = av[1].data
        if len(body) != 1 or body[0][0] is not _c.IN:
            return False
        return (_c.CATEGORY, _c.CATEGORY_WORD) in body[0][1] and (_c.NEGATE, None) not in body[0][1]
    if op is _c.SUBPATTERN:
        return _behind_no_word(av[3].data)
    if op is _c.BRANCH:
        return all(_behind_no_word(alternative.data) for alternative in av[1])
    return False


def _is_word(char: str) -> bool:
    r"""Python's `\w` for one character of a str pattern (`_sre`'s test: alphanumeric or the underscore)."""
    return char.isalnum() or char == "_"


def _first_word(prefix: str) -> str:
    """The prefix up to its first character that is neither a letter nor a digit, past its first two ("s.d")."""
    for end in range(2, len(prefix)):
        if not prefix[end].isalnum():
            return prefix[:end]
    return prefix


def _sequence(items: Iterable[tuple[Any, Any]]) -> set[tuple[str, bool]] | None:
    """(prefix, complete) pairs: every match of the items begins with a prefix; complete when it is all of them."""
    results: set[tuple[str, bool]] = {("", True)}
    for op, av in items:
        step = _item(op, av)
        if step is None:
            return None
        grown: set[tuple[str, bool]] = set()
        for prefix, complete in results:
            if not complete:
                grown.add((prefix, False))
                continue
            for word, done in step:
                # after a beginning, a digit of another script ends what is known of it
                grown.add((prefix, False) if word == DIGIT and prefix else (prefix + word, done))
        # a beginning as long as a word is enough to find it by: the longer ones would only multiply
        results = set()
        for prefix, complete in grown:
            word = _first_word(prefix)
            results.add((word, complete and word == prefix and len(word) < LONG_ENOUGH))
        if len(results) > MAX_LITERALS:
            return None
        if not any(complete for _, complete in results):
            break
    return results


def _item(op: Any, av: Any) -> set[tuple[str, bool]] | frozenset[tuple[str, bool]] | None:
    if op in _ZERO_WIDTH:
        return {("", True)}  # "\b", a lookahead or lookbehind: consumes nothing, only restricts
    if op is _c.LITERAL:
        return {(chr(av), True)}
    if op is _c.IN:
        chars = _class_chars(av)
        if chars is None:
            return _STOP
        return {(char, char != DIGIT) for char in chars}
    if op is _c.BRANCH:
        found: set[tuple[str, bool]] = set()
        for alternative in av[1]:
            results = _sequence(alternative.data)
            if results is None:
                return None
            found |= results
        return found
    if op is _c.SUBPATTERN:
        return _sequence(av[3].data)
    if op is _c.ATOMIC_GROUP:
        return _sequence(av.data)
    if op in _REPEATS:
        low, high, body = av
        results = _sequence(body.data)
        if results is None:
            return None
        if high != 1:  # past the first repetition nothing more is known
            results = {(prefix, False) for prefix, _ in results}
        return results | {("", True)} if low == 0 else results
    return _STOP  # any character, a category, a negated literal, a group reference


def _class_chars(items: list[tuple[Any, Any]]) -> list[str] | None:
    chars: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            chars.append(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < MAX_CLASS:
            chars.extend(chr(code) for code in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            chars.extend([*"0123456789", DIGIT])
        else:
            return None  # a category ("\d", "\w"), a negated class
    return chars if len(chars) <= MAX_CLASS else None


# The characters other than a letter's two cases that Python's case-insensitive matching takes for that ASCII
# letter (tests/test_fast_paths.py checks it against every code point); no other ASCII character has any
FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _read(patterns: list[re.Pattern[str]]) -> tuple[list[tuple[int, frozenset[str], bool]], str]:
    """(index, first words, whether it starts at a word) of each pattern worth scanning for, and the scan's pattern."""
    literals: dict[re.Pattern[str], tuple[int, frozenset[str]]] = {}
    for index, pattern in enumerate(patterns):
        words = first_literals(pattern)
        # a pattern one of whose words is a single character ("(") starts too often to gain, and Python's
        # engine already skips to a literal first character by itself; but not if it starts only where a
        # word starts ("\b[0-3]?\d\s+Maret": a number, not every digit of it)
        if words is None or pattern in literals:
            continue
        if min(map(len, words)) > 1 or starts_at_word(pattern):
            literals[pattern] = (index, words)
    chosen = [(index, words, starts_at_word(pattern)) for pattern, (index, words) in literals.items()]
    every = {word for _, words, _ in chosen for word in words}
    # inside a word only the words of a pattern that can start there are looked for
    inner = {word for _, words, at_word in chosen if not at_word for word in words}
    return chosen, _scanner(every, inner) if every else ""


def _scanner(words: set[str], inner: set[str]) -> str:
    r"""A lookahead at every position where one of `words` begins, as case-insensitive matching finds them (its text).

    After a word character (`\w`, as Python's engine reads it) only the `inner` words are looked for, in a
    second group: most positions are inside words, and there most patterns cannot start.

    The letters are classes of their cases ("[aA]") in a case-sensitive pattern: Python's engine then skips
    in C to a character that can begin a word and tries only the branches of the trie whose class admits
    the next character, where a case-insensitive trie enters every branch. Longest first, as
    `periods._alternation` (greedy: the longer word first, then the word that ends here).
    """
    trie, inside = _trie(words), _trie(inner)
    first = "".join(sorted({_first_class(char) for char in trie}))
    at_start = f"(?<!\\w)(?=({_trie_pattern(trie)}))"
    if not inside:
        return f"(?=[{first}]){at_start}"
    return f"(?=[{first}])(?:{at_start}|(?<=\\w)(?=({_trie_pattern(inside)})))"


def _trie(words: Iterable[str]) -> dict[str, Any]:
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word.lower():
            node = node.setdefault(char, {})
        node[""] = {}
    return trie


def _first_class(char: str) -> str:
    """What the class of the characters a word can begin with holds for this one."""
    if char == DIGIT:
        return "\x80-\U0010ffff"
    return _char_class(char)[1:-1] if char.isalpha() else re.escape(char)


def _char_class(char: str) -> str:
    if char == DIGIT:
        return "[^\x00-\x7f]"  # a digit of another script, or any other non-ASCII character
    if not char.isalpha():
        return re.escape(char)
    return f"[{char}{char.upper()}{FOLDS.get(char, '')}]"


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [_char_class(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


class Anchors:
    """One scan of a text for the first words of many patterns: where each pattern can start.

    The scan is a lookahead over a trie of every pattern's first words (`_scanner`), so it stops at every
    position where any of them begins and reads the longest. A shorter word found there is a beginning of
    the longest; which patterns can start there follows from the lowercase longest word (remembered per
    word); a non-ASCII stretch ("Kamıs"), which only Python's case folding compares with a word, counts as
    a start for every pattern.
    """

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        patterns = list(patterns)
        if len(patterns) >= CACHED_FROM:
            # the same patterns read the same: the words and the scan come from the language-data cache
            key = langcache.digest([Path(__file__)], [], [f"{p.flags}\0{p.pattern}" for p in patterns])
            chosen, scan = langcache.cached(f"anchors-{key[:12]}", key, lambda: _read(patterns))
        else:
            chosen, scan = _read(patterns)
        self.literals: dict[re.Pattern[str], frozenset[str]] = {patterns[i]: words for i, words, _ in chosen}
        self.order = list(self.literals)
        self.index = {pattern: i for i, pattern in enumerate(self.order)}
        # the same, by the pattern object's id (`order` keeps each alive): hashing a compiled pattern hashes
        # its whole compiled code each time, microseconds for a long alternation, and scans ask per text
        self._ids = {id(pattern): i for i, pattern in enumerate(self.order)}
        # a pattern that begins at a word's beginning is not tried inside a word ("di" in "kondisi")
        self.at_word = [at_word for _, _, at_word in chosen]
        self.scanner = re.compile(scan) if scan else None
        self._by_word: dict[tuple[str, bool], tuple[int, ...]] = {}
        self._last: tuple[str, list[list[int]]] | None = None

    def __contains__(self, pattern: re.Pattern[str]) -> bool:
        return id(pattern) in self._ids or pattern in self.literals

    def starts(self, text: str) -> list[list[int]]:
        """For each pattern (in `order`), the positions of `text` where one of its first words begins."""
        last = self._last  # find_periods and find_datelines read the same text one after the other
        if last is not None and last[0] is text:
            return last[1]
        found: list[list[int]] = [[] for _ in self.order]
        if self.scanner is not None:
            by_word = self._by_word
            for m in self.scanner.finditer(text):
                position = m.start()
                inside = m.lastindex == 2  # after a word character: the inner words' group
                word = m.group(m.lastindex or 1)
                word = word.lower() if word.isascii() else ""  # "": any pattern may start here
                indexes = by_word.get((word, inside))
                if indexes is None:
                    indexes = by_word[word, inside] = tuple(
                        i
                        for i, pattern in enumerate(self.order)
                        if not (inside and self.at_word[i])
                        and (not word or any(map(word.startswith, self.literals[pattern])))
                    )
                for i in indexes:
                    found[i].append(position)
        self._last = (text, found)
        return found

    def finditer(self, pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
        """`pattern.finditer(text)`, tried only where the pattern can start."""
        at = self._ids.get(id(pattern))
        starts = self.starts(text)[self.index[pattern] if at is None else at]
        # most patterns can start nowhere in a given text: no generator made for them
        return self._matches(pattern, text, starts) if starts else iter(())

    @staticmethod
    def _matches(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
        position = 0
        for start in starts:
            if start < position:
                continue  # inside the last match: `finditer` goes on from its end
            m = pattern.match(text, start)
            if m is not None:
                yield m
                position = m.end()


_ANCHORS: dict[int, tuple[re.Pattern[str], Anchors]] = {}  # by id(pattern), the pattern kept alive beside it


def _anchors_of(pattern: re.Pattern[str]) -> Anchors:
    """One pattern's Anchors, built once: looked up by the object's id, not by hashing its compiled code."""
    found = _ANCHORS.get(id(pattern))
    if found is None or found[0] is not pattern:
        if len(_ANCHORS) >= 256:
            _ANCHORS.clear()
        found = _ANCHORS[id(pattern)] = (pattern, Anchors([pattern]))
    return found[1]


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`: tried only where one of its first words begins when it has such words."""
    anchors = _anchors_of(pattern)
    return anchors.finditer(pattern, text) if pattern in anchors else pattern.finditer(text)
