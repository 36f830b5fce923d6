"""The articles a draft's report names when it is checked against a claim archive, listed only when needed.

A run on the whole archive names every archived article in its report (JSON and HTML list them
all), but the text report needs only their number, their languages (for the report's language)
and the few articles its findings quote. Building a stub for each of 100k archived articles took
seconds of a draft's check, so `Catalogue` answers `len()`, `languages()` and `by_id()` from what
the draft's check loaded and from two counts the archive gives, and builds the whole list from the
archive's rows the first time something iterates or indexes it.

It is a list (Report.articles is one) whose items live in Python until it is built: C code that reads
a list's items directly (json.dumps of the list itself, str.join) would see it empty before the first
iteration, and nothing in factcheck hands it to such code; every report iterates it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, SupportsIndex, overload

from .models import Article


class Catalogue(list[Article]):
    """The drafts, then every archived article in archive order, with the ids a run on the whole archive gives."""

    def __init__(
        self,
        head: list[Article],
        known: dict[str, Article],
        total: int,
        languages: Counter[str],
        build: Callable[[], list[Article]],
    ) -> None:
        super().__init__()
        self._head = head  # the drafts
        self._known = known  # id -> every article a finding can quote: the drafts and the archived ones loaded
        self._total = total  # archived articles
        self._languages = languages  # of the archived articles
        self._build: Callable[[], list[Article]] | None = build  # every archived article, loaded ones included

    def _fill(self) -> None:
        if self._build is not None:
            build, self._build = self._build, None
            super().extend([*self._head, *build()])

    def by_id(self) -> dict[str, Article]:
        return self._known

    def languages(self) -> Counter[str]:
        return Counter(a.language for a in self._head) + self._languages

    def __len__(self) -> int:
        return len(self._head) + self._total if self._build is not None else super().__len__()

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self) -> Iterator[Article]:
        self._fill()
        return super().__iter__()

    def __reversed__(self) -> Iterator[Article]:
        self._fill()
        return super().__reversed__()

    @overload
    def __getitem__(self, index: SupportsIndex) -> Article: ...

    @overload
    def __getitem__(self, index: slice) -> list[Article]: ...

    def __getitem__(self, index: Any) -> Any:
        self._fill()
        return super().__getitem__(index)

    def __eq__(self, other: object) -> bool:
        self._fill()
        return super().__eq__(other)

    __hash__ = None  # a list is unhashable


def by_id(articles: Sequence[Article]) -> dict[str, Article]:
    """Id -> article, for looking up the articles findings quote (a Catalogue answers without listing all)."""
    if isinstance(articles, Catalogue):
        return articles.by_id()
    return {a.id: a for a in articles}


def languages(articles: Sequence[Article]) -> Iterable[str]:
    """Every article's language, one per article (a Catalogue answers from the archive's counts)."""
    if isinstance(articles, Catalogue):
        return articles.languages().elements()
    return (a.language for a in articles)
