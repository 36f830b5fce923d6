"""The Python API: the same pipeline the command line runs."""

from __future__ import annotations

from .extract import extract_all
from .lexicon import load_lexicon
from .models import Claim, Skipped
from .read import read_corpus


def claims(paths: list[str], rule_dirs: tuple[str, ...] = ()) -> tuple[list[Claim], list[Skipped]]:
    lexicon = load_lexicon(rule_dirs)
    corpus = read_corpus(paths, lexicon)
    found, _ = extract_all(corpus.articles, lexicon)
    return found, corpus.skipped


def check(paths: list[str], **options: object) -> object:
    from .check import run_check

    return run_check(paths, **options)  # type: ignore[arg-type]
