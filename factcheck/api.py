"""The Python API: the same pipeline the command line runs."""

from __future__ import annotations

from typing import Any

from .lexicon import load_lexicon
from .models import Claim, Report, Skipped
from .read import read_corpus


def claims(paths: list[str], rule_dirs: tuple[str, ...] = ()) -> tuple[list[Claim], list[Skipped]]:
    from .extract import extract_all  # spaCy loads only when something is extracted

    lexicon = load_lexicon(rule_dirs)
    corpus = read_corpus(paths, lexicon)
    found, _ = extract_all(corpus.articles, lexicon)
    return found, corpus.skipped


def check(paths: list[str], config: str | None = None, **options: Any) -> Report:
    """Run the whole pipeline: `check(["corpus/"], against=["archive/"], disable=["FC901"])`.

    Options are those of factcheck.check.Options; the checked folder's config
    file is read as on the command line.
    """
    from .check import Options, run_check

    return run_check(list(paths), Options.resolve(list(paths), config, **options))
