"""The tokenizer extraction runs on: spaCy's rules for the language, without most of its special cases.

spaCy's Indonesian tokenizer carries about 16,000 special cases, nearly all of
them reduplicated or hyphenated words ("anak-anak", "kupu-kupu") that must stay
one token although the hyphen infix would split them. Building them (each one
also becomes a pattern of the special-case matcher) takes seconds on every run.
Here the single-token hyphenated cases become one lookup in a set, passed as the
tokenizer's `token_match`, which spaCy consults at the same points of its
affix loop, and one infix rule: a hyphen inside such a word is no split
point, so "year-on-year/yoy" keeps "year-on-year" whole as spaCy's
special-case matcher would. The few hundred other cases (abbreviations such as
"Dr." and "No.", English contractions) stay special cases. Token boundaries
are the same (tests/test_startup.py compares them on the corpus), but for
a rupiah symbol glued to its number, split off in English as in Indonesian.

The prefix and suffix rules are spaCy's, searched in fewer places: spaCy joins
them into one pattern that `search` tries at every position of every string,
though each rule is anchored at the start (prefixes) or the end (suffixes);
that was half the tokenizer's time. The searches here find the same matches
(tests/test_fast_paths.py compares them on every string of the corpus and on
random strings).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from spacy.language import Language as SpacyLanguage
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

NAME = "factcheck_tokenizer.v1"


# "Rp204.4tn", "IDR1.2bn": a rupiah symbol written against its number, which spaCy's Indonesian rules split
# off and its English ones do not; figures in both languages are read from the symbol as its own token
GLUED_CURRENCIES = [r"Rp\.?(?=\d)", r"IDR(?=\d)"]

HYPHENATED = re.compile(r"\w+(?:-\w+)+")  # words only: emoticons such as ":-)" stay special cases


def _hyphenated_word(key: str, pieces: list[dict[Any, Any]]) -> bool:
    one = len(pieces) == 1 and pieces[0].get(ORTH) == key and set(pieces[0]) == {ORTH}
    return one and HYPHENATED.fullmatch(key) is not None


def _infixes_outside(
    finditer: Callable[[str], Iterator[re.Match[str]]], whole: frozenset[str]
) -> Callable[[str], list[re.Match[str]]]:
    """The infix matches of a string, less those inside a run of pieces that spells one of `whole`."""

    def find(string: str) -> list[re.Match[str]]:
        matches = list(finditer(string))
        if not matches or "-" not in string:
            return matches
        # the pieces spaCy would cut (as in Tokenizer._attach_tokens): text, then each non-empty infix
        pieces: list[tuple[int, int, int]] = []  # start, end, index of the match (-1 for text)
        start = 0
        for index, match in enumerate(matches):
            if match.start() == 0:
                continue  # spaCy never splits at the very start
            if match.start() != start:
                pieces.append((start, match.start(), -1))
            if match.start() != match.end():
                pieces.append((match.start(), match.end(), index))
            start = match.end()
        if start < len(string):
            pieces.append((start, len(string), -1))
        dropped: set[int] = set()
        first = 0
        while first < len(pieces):
            for last in range(len(pieces) - 1, first, -1):  # the longest run first
                if string[pieces[first][0] : pieces[last][1]] in whole:
                    dropped.update(p[2] for p in pieces[first : last + 1] if p[2] >= 0)
                    first = last
                    break
            first += 1
        return [m for i, m in enumerate(matches) if i not in dropped]

    return find


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


def prefix_searcher(prefixes: Sequence[str | re.Pattern[Any]]) -> Callable[[str], re.Match[str] | None]:
    """`compile_prefix_regex(prefixes).search`, without trying every alternative at every position of the string.

    spaCy anchors each rule with `^`, so a match starts at 0 but for the alternatives a rule's own `|` leaves
    unanchored (Indonesian has one: `<a([^>]+)>`); the search tries all at 0, in their order, and only
    those after. spaCy reads only the match's length. Any doubt (an inline flag, a split that does not
    compile) keeps the plain search. A scoped flag inside a rule cannot reach a leading `^`.
    """
    whole = compile_prefix_regex(prefixes)
    alternatives = top_level_alternatives(whole.pattern)
    loose = [a for a in alternatives if not a.startswith("^")]
    try:
        rest = re.compile("|".join(loose)) if loose else None
    except re.error:
        return whole.search
    if whole.flags & re.MULTILINE:  # "^" would match after every line break
        return whole.search

    def search(string: str) -> re.Match[str] | None:
        found = whole.match(string)
        if found is None and rest is not None:
            later = rest.search(string, 1)
            found = whole.match(string, later.start()) if later is not None else None
        return found

    return search


def suffix_searcher(suffixes: Sequence[str | re.Pattern[Any]]) -> Callable[[str], re.Match[str] | None]:
    """`compile_suffix_regex(suffixes).search`, trying the bounded rules only where a match could start.

    Each rule is anchored with `$`: a rule at most W characters wide can only match from len - W - 1 on
    (`$` also matches before a final newline). The unbounded rules ("\\.\\.+") are searched whole; the
    leftmost start of any rule is where the plain search stops, and matching the whole pattern there picks
    the same rule, the first in order that matches.
    """
    whole = compile_suffix_regex(suffixes)
    parser: Any = importlib.import_module("re._parser")
    bounded, unbounded, width = [], [], 0
    for alternative in top_level_alternatives(whole.pattern):
        try:
            widest = parser.parse(alternative).getwidth()[1]
        except re.error:
            return whole.search
        if widest < 1000:
            bounded.append(alternative)
            width = max(width, widest)
        else:
            unbounded.append(alternative)
    if whole.flags & re.MULTILINE or not bounded:
        return whole.search
    near = re.compile("|".join(bounded))
    far = re.compile("|".join(unbounded)) if unbounded else None

    def search(string: str) -> re.Match[str] | None:
        found = near.search(string, max(0, len(string) - width - 1))
        start = found.start() if found is not None else len(string) + 1
        if far is not None:
            other = far.search(string)
            if other is not None and other.start() < start:
                start = other.start()
        return whole.match(string, start) if start <= len(string) else None

    return search


def build_tokenizer(nlp: SpacyLanguage) -> Tokenizer:
    defaults = nlp.Defaults
    exceptions: dict[str, list[dict[Any, Any]]] = dict(defaults.tokenizer_exceptions)
    whole = frozenset(k for k, v in exceptions.items() if _hyphenated_word(k, v))
    rules = {k: v for k, v in exceptions.items() if k not in whole}
    default_match = defaults.token_match

    def token_match(text: str) -> bool:
        return text in whole or bool(default_match and default_match(text))

    prefixes = [*(defaults.prefixes or []), *GLUED_CURRENCIES]
    return Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=prefix_searcher(prefixes),
        suffix_search=suffix_searcher(defaults.suffixes) if defaults.suffixes else None,
        infix_finditer=_infixes_outside(compile_infix_regex(defaults.infixes).finditer, whole)
        if defaults.infixes
        else None,
        token_match=token_match,
        url_match=defaults.url_match,
    )


@registry.tokenizers(NAME)
def create_tokenizer() -> Callable[[SpacyLanguage], Tokenizer]:
    """Registered so that `spacy.blank(..., config=CONFIG)` builds this tokenizer and never the default one."""
    return build_tokenizer


CONFIG = {"nlp": {"tokenizer": {"@tokenizers": NAME}}}
