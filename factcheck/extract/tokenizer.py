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
a rupiah symbol glued to its number, split off in English as in Indonesian,
and English compounds ("low-income", "year-on-year"), kept whole.

The prefix, suffix and infix rules are spaCy's, searched in fewer places
(affixes.py). Which cases are hyphenated words and which only repeat their
text is the same in every process with the same spaCy and the same code: the
language-data cache keeps both lists (langcache.py), which saves reading 16k
cases and tokenizing a few hundred in every process.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from spacy import about
from spacy.language import Language as SpacyLanguage
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import registry

from .. import langcache
from .affixes import infix_finditer, prefix_searcher, suffix_searcher

NAME = "factcheck_tokenizer.v1"


# "Rp204.4tn", "IDR1.2bn": a rupiah symbol written against its number, which spaCy's Indonesian rules split
# off and its English ones do not; figures in both languages are read from the symbol as its own token
GLUED_CURRENCIES = [r"Rp\.?(?=\d)", r"IDR(?=\d)"]

HYPHENATED = re.compile(r"\w+(?:-\w+)+")  # words only: emoticons such as ":-)" stay special cases

# English compounds keep their hyphen ("low-income households", "non-performing loans", "year-on-year"):
# split, the phrase a metric is read from lost its first half ("income households"). Indonesian keeps its
# reduplications whole through its own special cases and splits the rest as spaCy does.
WHOLE_HYPHENATED_LANGUAGES = {"en"}


def _splits_hyphenated_words(pattern: str | re.Pattern[str]) -> bool:
    """Whether an infix rule cuts a hyphen between letters ("low-income")."""
    found = re.compile(pattern).search("low-income")
    return found is not None and found.group(0) == "-"


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


def build_tokenizer(nlp: SpacyLanguage) -> Tokenizer:
    exceptions: dict[str, list[dict[Any, Any]]] = dict(nlp.Defaults.tokenizer_exceptions)
    built: list[Tokenizer] = []

    def decide() -> tuple[frozenset[str], list[str]]:
        whole = frozenset(k for k, v in exceptions.items() if _hyphenated_word(k, v))
        tokenizer = _tokenizer(nlp, whole)
        built.append(tokenizer)  # a first process uses it; later ones read the two lists and build their own
        return whole, list(without_identity_cases(tokenizer, {k: v for k, v in exceptions.items() if k not in whole}))

    package = Path(__file__).resolve().parent
    sources = [package / "tokenizer.py", package / "affixes.py"]
    # spaCy's version names its language data (the cases); the count guards against a changed `Defaults`
    key = langcache.digest(sources, [], [about.__version__, nlp.lang or "", str(len(exceptions))])
    whole, kept = langcache.cached(f"cases-{nlp.lang}", key, decide)
    tokenizer = built[0] if built else _tokenizer(nlp, whole)
    tokenizer.rules = {k: exceptions[k] for k in kept}
    return tokenizer


def _tokenizer(nlp: SpacyLanguage, whole: frozenset[str]) -> Tokenizer:
    """The tokenizer without special cases, keeping the hyphenated words of `whole` one token."""
    defaults = nlp.Defaults
    default_match = defaults.token_match

    def token_match(text: str) -> bool:
        return text in whole or bool(default_match and default_match(text))

    # spaCy asks for every string it splits; with no default pattern (the blank id and en have none) the
    # set's own membership test, a C method, answers the same without a Python call each time
    matcher: Callable[[str], bool] = token_match if default_match else whole.__contains__

    prefixes = [*(defaults.prefixes or []), *GLUED_CURRENCIES]
    infixes = list(defaults.infixes or [])
    if nlp.lang in WHOLE_HYPHENATED_LANGUAGES:
        infixes = [p for p in infixes if not _splits_hyphenated_words(p)]
    return Tokenizer(
        nlp.vocab,
        prefix_search=prefix_searcher(prefixes),
        suffix_search=suffix_searcher(defaults.suffixes) if defaults.suffixes else None,
        infix_finditer=_infixes_outside(infix_finditer(infixes), whole) if infixes else None,
        token_match=matcher,
        url_match=defaults.url_match,
    )


def without_identity_cases(
    tokenizer: Tokenizer, rules: dict[str, list[dict[Any, Any]]]
) -> dict[str, list[dict[Any, Any]]]:
    """The special cases less those that say only what the affix rules already do ("\n", " ", "—", "S.E.").

    spaCy saves no string of a Doc in its tokenizer cache once any special case has matched in that
    Doc (one flag per Doc, spaCy issue #1250), and the line break, the space and the dash are special
    cases of both languages: so every word of an article after its first line went through the affix
    rules again, in every article. A case whose key is one token of that same text, which the
    tokenizer without special cases also makes of it, changes no token where it matches (it gives
    the same token, with no attribute but its text) and no split inside a longer string (the affix
    rules find nothing to cut in it); without those cases the cache keeps the words
    (tests/test_fast_paths.py compares the tokens with and without them).
    `tokenizer` has no special cases when this is called.
    """
    kept = {}
    for key, pieces in rules.items():
        identity = len(pieces) == 1 and set(pieces[0]) == {ORTH} and pieces[0][ORTH] == key
        if not identity or [token.text for token in tokenizer(key)] != [key]:
            kept[key] = pieces
    return kept


@registry.tokenizers(NAME)
def create_tokenizer() -> Callable[[SpacyLanguage], Tokenizer]:
    """Registered so that `spacy.blank(..., config=CONFIG)` builds this tokenizer and never the default one."""
    return build_tokenizer


CONFIG = {"nlp": {"tokenizer": {"@tokenizers": NAME}}}
