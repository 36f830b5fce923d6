"""Read and extract in one pass: paths in, articles with their claims out, on one core or on all of them.

`check` and `claims` read each group of paths (the checked articles, then
`--against` folders) as `read_corpus` does, and extract every article; a
file is read and extracted by the same worker (see extract/workers.py), so
that reading, the larger half of the work for short articles, runs on all
cores too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .lexicon import Lexicon
from .models import Article, Claim, Mention, Skipped
from .read import select_files, unique_ids


@dataclass
class Extracted:
    """A group's articles and skipped files, as read_corpus gives them, and each article's claims and mentions."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    found: list[tuple[list[Claim], list[Mention]]] = field(default_factory=list)  # one per article

    def relabel(self) -> None:
        """Claims and mentions name their article by its final id (unique_ids may have changed it)."""
        for article, (claims, mentions) in zip(self.articles, self.found):
            for claim in claims:
                claim.article_id = article.id
            for mention in mentions:
                mention.article_id = article.id


def read_and_extract(
    groups: list[list[str]],
    lexicon: Lexicon,
    include: list[str] | None = None,
    exclude: list[str] | None = None,
    jobs: int = 1,
    languages: Iterable[str] = (),
    progress: Callable[[int, int], None] | None = None,
) -> list[Extracted]:
    """One Extracted per group of paths; `jobs` processes share the work (0: the cores available)."""
    from .extract.workers import process_files

    results = [Extracted() for _ in groups]
    files: list[tuple[Path, str]] = []
    owner: list[int] = []
    for number, paths in enumerate(groups):
        found, results[number].skipped = select_files(paths, include, exclude)
        files.extend(found)
        owner.extend([number] * len(found))
    for number, unit in zip(owner, process_files(files, lexicon, jobs, languages, progress)):
        group = results[number]
        articles = iter(unit.found)
        for item in unit.items:
            if isinstance(item, Skipped):
                group.skipped.append(item)
            else:
                group.articles.append(item)
                group.found.append(next(articles))
    for group in results:
        unique_ids(group.articles)
        group.relabel()
    return results
