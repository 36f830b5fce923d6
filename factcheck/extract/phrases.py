"""Phrases found by their first token's text: what spaCy's PhraseMatcher finds, without a lexeme per word.

The places component looks for 4,625 gazetteer names (and the breakdown and national words) in
every Doc. A PhraseMatcher needs each name as a tokenized Doc, and spaCy makes a lexeme for every
new word of them: 0.1 to 0.15 s of CPU in every process, a tenth of a draft's whole check. Here a
name is kept as its token texts (lowercased for a matcher on LOWER, as spaCy's LOWER of a lexeme
is `str.lower()` of its text), in the language-data cache (langcache.py) so that a process
tokenizes none of them, and a Doc is read by one dict lookup per token: the same matches in the
order PhraseMatcher gives them, by start and then shorter first (tests/test_fast_paths.py compares
the two on every article of corpus/). Two labels of one token sequence (two spellings that the
tokenizer splits alike) come in the order they were added, where PhraseMatcher's order is its
hash map's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress
from pathlib import Path

from spacy import about
from spacy.language import Language as SpacyLanguage

from .. import langcache

# a phrase as its token texts, and its label
Phrase = tuple[tuple[str, ...], str]


@dataclass(frozen=True)
class Phrases:
    """Phrases of one token by their text, longer ones by their first two, each pair's shortest first.

    A few first words start hundreds of names ("Kabupaten", "Kota", "Provinsi"): one lookup by the first
    two tokens finds the few that can match there, where comparing each name of the first word in turn
    took 8 % of a generated article's extraction.
    """

    singles: dict[str, tuple[str, ...]]  # every first word: the labels of its one-token phrases
    by_pair: dict[tuple[str, str], tuple[tuple[list[str], str], ...]]  # longer ones by their first two words

    def find(self, tokens: list[str]) -> list[tuple[str, int, int]]:
        """(label, start, end) of every phrase spelled by the tokens, by start, then by length."""
        found: list[tuple[str, int, int]] = []
        singles, by_pair = self.singles, self.by_pair
        size = len(tokens)
        for start in compress(range(size), map(singles.__contains__, tokens)):  # the few first words, found in C
            token = tokens[start]
            for label in singles[token]:  # a one-token phrase is shorter than any other starting here
                found.append((label, start, start + 1))
            if start + 1 == size:
                continue
            for words, label in by_pair.get((token, tokens[start + 1]), ()):
                end = start + len(words)
                if end > size:
                    break  # the rest are longer still
                if end == start + 2 or tokens[start:end] == words:
                    found.append((label, start, end))
        return found


def phrases(entries: Iterable[Phrase]) -> Phrases:
    """An index of these phrases; an empty one, or one added again under its label, is left out."""
    singles: dict[str, list[str]] = {}
    by_pair: dict[tuple[str, str], list[tuple[list[str], str]]] = {}
    seen: set[Phrase] = set()
    for words, label in entries:
        if words and (words, label) not in seen:
            seen.add((words, label))
            labels = singles.setdefault(words[0], [])
            if len(words) == 1:
                labels.append(label)
            else:
                by_pair.setdefault((words[0], words[1]), []).append((list(words), label))
    # shortest first, in the order added among equals (a stable sort)
    return Phrases(
        {first: tuple(labels) for first, labels in singles.items()},
        {pair: tuple(sorted(found, key=lambda p: len(p[0]))) for pair, found in by_pair.items()},
    )


def longest_first(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`spacy.util.filter_spans` on (start, end, label) bounds: no Span made for a match that is dropped.

    The longest first (the earlier of equal ones, then the order given), none overlapping one kept; by start.
    """
    kept: list[tuple[int, int, str]] = []
    seen: set[int] = set()
    for bounds in sorted(found, key=lambda b: (b[1] - b[0], -b[0]), reverse=True):
        if bounds[0] not in seen and bounds[1] - 1 not in seen:
            kept.append(bounds)
            seen.update(range(bounds[0], bounds[1]))
    return sorted(kept, key=lambda b: b[0])


def tokenized(nlp: SpacyLanguage, texts: list[str]) -> list[tuple[str, ...]]:
    """Each text's token texts as this pipeline's tokenizer splits it, from the language-data cache.

    The entry is named by the texts, the language, spaCy's version (its language data) and factcheck's
    tokenizer code; it holds plain strings, so reading it back needs nothing of spaCy.
    """
    package = Path(__file__).resolve().parent
    sources = [package / name for name in ("__init__.py", "tokenizer.py", "affixes.py", "phrases.py")]
    named = hashlib.sha256("\0".join(texts).encode()).hexdigest()
    language = nlp.lang or ""
    key = langcache.digest(sources, [], [about.__version__, language, str(len(texts)), named])
    return langcache.cached(f"tokens-{language}", key, lambda: [tuple(t.text for t in nlp.make_doc(x)) for x in texts])
