"""Word stems and metric keys: what extraction and clustering both compare metrics by.

Kept outside `factcheck.extract` so that clustering and the rules (and with them
`factcheck rules` and `factcheck explain`) load without spaCy.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import snowballstemmer

STEMMERS = {"id": "indonesian", "en": "english"}
ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z]{1,7}$")  # PU, JHT, JKm, TPAK


@lru_cache(maxsize=4)
def _stemmer(code: str) -> Any:
    name = STEMMERS.get(code)
    return snowballstemmer.stemmer(name) if name else None


@lru_cache(maxsize=200_000)
def stem(word: str, code: str) -> str:
    """A word's stem: "kepesertaan" and "peserta" are one word, "pengangguran" and "penganggur" another."""
    lower = word.lower()
    if ACRONYM.match(word) or not lower.isalpha():
        return lower
    stemmer = _stemmer(code)
    return str(stemmer.stemWord(lower)) if stemmer is not None else lower


def metric_key(metric: str, code: str) -> str:
    """What two metric names must share to be one metric: the id (or stems) and the sorted qualifiers."""
    words = metric.split()
    if not words:
        return ""
    head, rest = words[0], words[1:]
    if "-" in head or len(words) == 1:
        return " ".join([head, *sorted(stem(w, code) for w in rest)])
    # word order is no part of a metric: "penyaluran kredit" and "kredit (yang) disalurkan", "mobil terjual" and
    # "penjualan mobil" are one, as their stems are the same words
    return " ".join(sorted(stem(w, code) for w in words))


def scope_key(scope: str) -> str:
    """A scope as compared: "Jambi?" (a regional story's unplaced figure) is compared with "Jambi"."""
    return "/".join(part.strip().rstrip("?") for part in " ".join(scope.lower().split()).split("/"))
