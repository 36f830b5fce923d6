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
from pathlib import Path

from spacy import about
from spacy.language import Language as SpacyLanguage

from .. import langcache

# a phrase as its token texts, and its label
Phrase = tuple[tuple[str, ...], str]


@dataclass(frozen=True)
class Phrases:
    """Phrases by their first token text, each first word's shortest first."""

    by_first: dict[str, tuple[Phrase, ...]]

    def find(self, tokens: list[str]) -> list[tuple[str, int, int]]:
        """(label, start, end) of every phrase spelled by the tokens, by start, then by length."""
        found: list[tuple[str, int, int]] = []
        by_first = self.by_first
        size = len(tokens)
        for start, token in enumerate(tokens):
            candidates = by_first.get(token)
            if candidates is None:
                continue
            for words, label in candidates:
                end = start + len(words)
                if end > size:
                    break  # the rest are longer still
                if all(tokens[start + i] == words[i] for i in range(1, len(words))):
                    found.append((label, start, end))
        return found


def phrases(entries: Iterable[Phrase]) -> Phrases:
    """An index of these phrases; an empty one, or one added again under its label, is left out."""
    by_first: dict[str, list[Phrase]] = {}
    seen: set[Phrase] = set()
    for words, label in entries:
        if words and (words, label) not in seen:
            seen.add((words, label))
            by_first.setdefault(words[0], []).append((words, label))
    return Phrases({first: tuple(sorted(found, key=lambda p: len(p[0]))) for first, found in by_first.items()})


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
