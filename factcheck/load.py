"""Read and extract in one pass: paths in, articles with their claims out, on one core or on all of them.

`check` and `claims` read each group of paths (the checked articles, then
`--against` folders) as `read_corpus` does, and extract every article; a
file is read and extracted by the same worker (see workers.py), so
that reading, the larger half of the work for short articles, runs on all
cores too.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .lexicon import Lexicon
from .models import Article, Claim, Mention, Skipped
from .read import select_files, unique_ids

if TYPE_CHECKING:
    from .workers import DraftDate, Runner, Unit

ENGINES = ("local", "dask")
T = TypeVar("T")
DASK_INSTALL = "pip install 'factcheck-figures[dask]'"


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
    db: str | None = None,
    draft: DraftDate | None = None,
    seen: set[str] | None = None,
    stdin_filename: str | None = None,
    time_budget: float = 0.0,
    runner: Runner | None = None,
) -> list[Extracted]:
    """One Extracted per group of paths; `jobs` processes share the work (0: the cores available).

    A path that is a claim archive stands for every file archived in it; `db` is an archive
    whose files, where unchanged, are not read or extracted again. `draft` dates every undated
    article read (the drafts of a check against an archive). A file is read once however often it is
    named (`seen`, real paths already read, may be shared between calls); "-" is standard input, read
    here before any worker starts; `time_budget` is each article's limit in seconds (0: none);
    `runner` reads and extracts elsewhere (see `engine_runner`).
    """
    from .archive import Archive, extractor_version, is_archive
    from .budget import Budget
    from .compact import Pool
    from .read import STDIN
    from .texts import ArchivedTexts, detach_text
    from .workers import Unit, process_file, process_files

    seen = set() if seen is None else seen
    wanted = tuple(languages)
    budget = Budget(time_budget)

    version = extractor_version(lexicon) if db or any(is_archive(p) for g in groups for p in g) else ""
    opened: dict[str, Archive] = {}

    def archive(path: str) -> Archive:
        if path not in opened:
            opened[path] = Archive(path)
        return opened[path]

    pool = Pool()  # equal values of different files as one object: an archive's files repeat most of them
    results = [Extracted() for _ in groups]
    entries: list[tuple[int, Unit | None]] = []  # per file in order: its group, and its Unit when already known
    files: list[tuple[Path, str]] = []  # the files still to read (or to find in `db`)
    for number, paths in enumerate(groups):
        for raw in paths:
            if is_archive(raw):
                texts = ArchivedTexts(raw)  # an archived article's text stays in the archive (texts.py)
                for path, article_id, unit in _kept(archive(raw).units(version)):
                    if unit is None and not path.is_file():
                        reason = "archived with another factcheck or rules version and gone from disk; index again"
                        unit = Unit([Skipped(str(path), reason)])
                    elif unit is not None:
                        archived = [i for i in unit.items if isinstance(i, Article)]
                        file = pool.one(str(path))  # the same string as the article's path, where it is that
                        for position, article in enumerate(archived):
                            detach_text(article, texts, file, position)
                        # shared as each file is unpickled, not once all are: its copies never pile up
                        pool.unit(archived, unit.found)
                        if not entries and not any(isinstance(i, Skipped) for i in unit.items):
                            # nothing before it is still to read: placed now, so its Unit's objects die here and
                            # the next file's take their place (kept to the end, 100k Units left ~20 MiB of holes);
                            # a file skipped when archived is placed in turn, after the skipped files of the paths
                            _place(results[number], unit)
                            continue
                    entries.append((number, unit))
                    if unit is None:
                        files.append((path, article_id))
                continue
            found, skipped = select_files([raw], include, exclude)
            results[number].skipped.extend(skipped)
            for path, article_id in found:
                key = f"<stdin>{stdin_filename}" if str(path) == STDIN else os.path.realpath(path)
                if key in seen:
                    continue  # "corpus/ corpus/", a folder and a file in it: the same article is one article
                seen.add(key)
                if str(path) == STDIN:
                    name = stdin_filename or "stdin.txt"
                    data = sys.stdin.buffer.read()
                    entries.append((number, process_file(Path(name), name, lexicon, wanted, draft, budget, data)))
                    continue
                files.append((path, article_id))
                entries.append((number, None))
    cache = archive(db).cached(version) if db else None
    fresh = process_files(
        files, lexicon, jobs, languages, progress, cache=cache, draft=draft, time_budget=time_budget, runner=runner
    )
    for number, known in entries:
        unit = known if known is not None else next(fresh)
        if known is None:  # an archive's units were shared as they were loaded
            pool.unit([i for i in unit.items if isinstance(i, Article)], unit.found)
        _place(results[number], unit)
    for handle in opened.values():
        handle.close()
    for group in results:
        unique_ids(group.articles)
        group.relabel()
    return results


def _kept(units: Iterator[T]) -> Iterator[T]:
    """An archive's units, loaded as the run's longest-lived objects (gcpause.py `kept`).

    Its articles and claims (450k claims at 100k articles) live to the run's end and hold no cycles:
    the collector is paused while they load and, in a command-line run, they are frozen out of it
    after, so that neither loading nor any rule walks them again in a full collection (at 100k
    archived articles, 22 such walks were 18 s of the check's 136 s of CPU; at 10k, 7 walks, 0.8 s).
    """
    from .gcpause import kept

    with kept():
        yield from units


def _place(group: Extracted, unit: Unit) -> None:
    """A file's articles (with their claims and mentions) and skipped files, in order, into its group."""
    articles = iter(unit.found)
    for item in unit.items:
        if isinstance(item, Skipped):
            group.skipped.append(item)
        else:
            group.articles.append(item)
            group.found.append(next(articles))


def engine_runner(engine: str = "local", scheduler: str | None = None) -> Runner | None:
    """The runner for `--engine` (None: this process or a fork pool); checked before any article is read.

    `--engine dask` needs the optional dask extra; without it, or with `--scheduler` for another
    engine, the run is a configuration error that says what to do.
    """
    from .errors import ConfigError

    if engine not in ENGINES:
        raise ConfigError("--engine", f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise ConfigError("--scheduler", "needs --engine dask")
    if engine == "local":
        return None
    try:
        from .engine_dask import DaskEngine
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in ("dask", "distributed"):
            raise
        raise ConfigError("--engine dask", f"needs dask.distributed, which is not installed: {DASK_INSTALL}") from None
    return DaskEngine(scheduler)
