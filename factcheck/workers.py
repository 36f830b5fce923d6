"""Reading and extraction on all cores: batches of files go to worker processes, results come back in order.

Reading and extraction look at one file at a time and nothing across files, so
each batch can run anywhere; the parent puts the batches' results together in
the order the files came in, which makes the output the same, byte for byte,
for any number of workers. Workers are forked where the platform allows it
(they then share the parent's loaded lexicon and spaCy, and the parent is one
of them: fork_share.py), else spawned into a pool. While
the parent imports spaCy, a forked process reads the first files (ReadAhead),
and the last batches are cut small, so that no core waits at either end.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event as EventType
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .budget import NO_BUDGET, Budget
from .lexicon import Lexicon
from .models import Article, Claim, Mention, Skipped

if TYPE_CHECKING:
    from .extract import Extraction

T = TypeVar("T")
BATCH = 16  # files per task: enough to amortize the pickling, few enough to balance the load
MIN_AUTO = 4 * BATCH  # fewer files than this are read in-process unless --jobs asks otherwise


@dataclass
class Unit:
    """What one file gives: its articles (a JSON Lines file holds many) or why it was skipped."""

    items: list[Article | Skipped] = field(default_factory=list)
    found: list[tuple[list[Claim], list[Mention]]] = field(default_factory=list)  # per article, in order


_lexicon: Lexicon | None = None  # the worker's lexicon
_languages: tuple[str, ...] = ()
_draft: tuple[date, str] | None = None  # (date, evidence) for an undated draft
_budget: Budget = NO_BUDGET
# A draft checked against an archive: an undated one is dated (--published, else today) before extraction,
# since "tahun ini" and "saat ini" resolve against that date.
DraftDate = tuple[date, str]
# How a run's files are read and extracted: (files, lexicon, jobs, languages, draft date, seconds per article)
# to each file's Unit in the files' order. `_process` (this process or a fork pool) is the default;
# engine_dask.DaskEngine is the other.
Runner = Callable[[list[tuple[Path, str]], Lexicon, int, tuple[str, ...], DraftDate | None, float], Iterator["Unit"]]


def available_cores() -> int:
    """The cores this process may run on (the default for --jobs)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def workers_for(jobs: int, files: int) -> int:
    """How many worker processes a run over `files` gets: 0 means this process does the work.

    `jobs` 0 is the default: the cores available, for corpora big enough to gain from them;
    an explicit `jobs` above 1 always uses that many workers.
    """
    if jobs == 0:
        cores = available_cores()
        return cores if files >= MIN_AUTO and cores > 1 else 0
    return jobs if jobs > 1 and files > 1 else 0


def batch_size(files: int, workers: int) -> int:
    """Files per task: about four tasks per worker, so that a slow batch does not leave the others idle."""
    return max(1, min(BATCH, files // (workers * 4)))


def process_file(
    path: Path,
    article_id: str,
    lexicon: Lexicon,
    languages: tuple[str, ...] = (),
    draft: DraftDate | None = None,
    budget: Budget = NO_BUDGET,
    data: bytes | None = None,
) -> Unit:
    """Read one file and extract its articles (those in `languages`, when given); `draft` dates undated ones.

    An article over its time `budget`, or one that breaks the extractor, becomes a skipped entry.
    """
    from .read import read_file

    return extract_items(
        read_file(path, article_id, lexicon, data=data, budget=budget), lexicon, languages, draft, budget
    )


def extract_items(
    items: list[Article | Skipped],
    lexicon: Lexicon,
    languages: tuple[str, ...] = (),
    draft: DraftDate | None = None,
    budget: Budget = NO_BUDGET,
) -> Unit:
    """The Unit of a file already read (`read_file`'s articles and skipped entries): its articles extracted."""
    extract_guarded = _extractor()
    unit = Unit()
    for item in items:
        if isinstance(item, Article):
            if draft is not None and item.published is None:
                item.published, item.published_evidence, item.published_after = draft[0], draft[1], None
            if languages and item.language not in languages:
                unit.items.append(item)
                unit.found.append(([], []))  # dropped by the run; nothing to extract
                continue
            result = extract_guarded(item, lexicon, budget)
            if isinstance(result, Skipped):
                unit.items.append(result)
                continue
            unit.found.append((result.claims, result.mentions))
        unit.items.append(item)
    return unit


@lru_cache(maxsize=1)
def _extractor() -> Callable[[Article, Lexicon, Budget], Extraction | Skipped]:
    """The extraction function, spaCy imported on first use with its objects kept out of the collector's walks."""
    from .gcpause import long_lived

    with long_lived():
        from .extract import extract_guarded
    return extract_guarded


def _start(lexicon: Lexicon, languages: tuple[str, ...], draft: DraftDate | None = None, seconds: float = 0.0) -> None:
    global _lexicon, _languages, _draft, _budget
    _lexicon, _languages, _draft, _budget = lexicon, languages, draft, Budget(seconds)


def _process_batch(batch: list[tuple[Path, str]]) -> list[Unit]:
    assert _lexicon is not None, "the pool's initializer sets the lexicon"
    return [process_file(path, article_id, _lexicon, _languages, _draft, _budget) for path, article_id in batch]


def _extract_batch(batch: list[list[Article | Skipped]]) -> list[Unit]:
    assert _lexicon is not None, "the pool's initializer sets the lexicon"
    return [extract_items(items, _lexicon, _languages, _draft, _budget) for items in batch]


Task = tuple[bool, list[Any]]  # (already read, the batch): files to read and extract, or read files to extract


def _run_task(task: Task) -> list[Unit]:
    read, batch = task
    return _extract_batch(batch) if read else _process_batch(batch)


def _batches(files: list[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(files), size):
        yield files[start : start + size]


def _finer_tail(tasks: list[Task], workers: int) -> list[Task]:
    """The last tasks cut in four: a worker left with a long last batch would make the others wait for it."""
    cut = max(0, len(tasks) - 2 * workers)
    tail = [(read, part) for read, batch in tasks[cut:] for part in _batches(batch, max(1, len(batch) // 4))]
    return tasks[:cut] + tail


def _read_ahead(
    files: list[tuple[Path, str]], lexicon: Lexicon, seconds: float, stop: EventType, send: Connection
) -> None:
    """Read files in order until told to stop, then send what was read (a forked process's work)."""
    from .read import read_file

    budget = Budget(seconds)
    read: list[list[Article | Skipped]] = []
    with suppress(BaseException):  # a file that breaks reading is read again by a worker, which raises
        for path, article_id in files:
            if stop.is_set():
                break
            read.append(read_file(path, article_id, lexicon, budget=budget))
    send.send(read)
    send.close()


class ReadAhead:
    """Reading the first files in a process of its own while this one imports spaCy and builds the pipeline.

    Reading needs no spaCy, and before the pipeline is built the other cores have nothing to do; the
    files read meanwhile go to the workers to be extracted only. What is read is the same whichever
    process reads it, so the output does not change.
    """

    def __init__(self, files: list[tuple[Path, str]], lexicon: Lexicon, seconds: float) -> None:
        context = multiprocessing.get_context("fork")
        self.stop = context.Event()
        self.receive, send = context.Pipe(duplex=False)
        self.process = context.Process(target=_read_ahead, args=(files, lexicon, seconds, self.stop, send), daemon=True)
        self.process.start()
        send.close()

    def finish(self) -> list[list[Article | Skipped]]:
        """What the first files gave, in order (as many as were read by now)."""
        self.stop.set()
        read: list[list[Article | Skipped]] = []
        with suppress(EOFError, OSError):  # it died: the workers read every file
            read = self.receive.recv()
        self.receive.close()
        self.process.join()
        return read


def process_files(
    files: list[tuple[Path, str]],
    lexicon: Lexicon,
    jobs: int = 1,
    languages: Iterable[str] = (),
    progress: Callable[[int, int], None] | None = None,
    cache: Callable[[Path, str], Unit | None] | None = None,
    draft: DraftDate | None = None,
    time_budget: float = 0.0,
    runner: Runner | None = None,
) -> Iterator[Unit]:
    """Each file's Unit, in the files' order, read and extracted by `jobs` processes (0: the cores available).

    `cache` gives the Unit of a file already read and extracted (an archive's), or None; `draft`
    dates the undated articles (a draft's date is the run's, so drafts are never taken from a cache);
    `runner` does the reading and extraction elsewhere (`--engine dask`).
    """
    wanted = tuple(languages)
    known = [cache(path, article_id) if cache and draft is None else None for path, article_id in files]
    todo = [file for file, unit in zip(files, known) if unit is None]
    fresh = (runner or _process)(todo, lexicon, jobs, wanted, draft, time_budget)
    for done, unit in enumerate(known, 1):
        if progress is not None:
            progress(done, len(files))
        yield unit if unit is not None else next(fresh)


def _process(
    files: list[tuple[Path, str]],
    lexicon: Lexicon,
    jobs: int,
    wanted: tuple[str, ...],
    draft: DraftDate | None,
    seconds: float,
) -> Iterator[Unit]:
    workers = workers_for(jobs, len(files))
    if not workers:
        budget = Budget(seconds)
        for path, article_id in files:
            yield process_file(path, article_id, lexicon, wanted, draft, budget)
        return
    fork = "fork" in multiprocessing.get_all_start_methods()
    first: list[Unit] = []
    read: list[list[Article | Skipped]] = []
    if fork:
        # the first file is extracted here, when it is one article: a pipeline's lazy parts (the gazetteer's
        # matchers, a third of a second) are then made once and inherited, not once in every worker
        here = 1 if _one_article(files[0][0]) else 0
        ahead = ReadAhead(files[here:], lexicon, seconds)  # started before spaCy is imported
        _extractor()  # spaCy imported with the collector paused, as one process does (two full walks, 0.1 s)
        from .extract import pipeline

        # built once here and inherited by every worker: the default language's (see extract()); another
        # is built by a worker that meets an article in it, in parallel with the others' work
        pipeline("id")
        first = [
            process_file(path, article_id, lexicon, wanted, draft, Budget(seconds)) for path, article_id in files[:here]
        ]
        read = ahead.finish()
    files = files[len(first) :]
    size = batch_size(len(files), workers)
    tasks: list[Task] = [(True, batch) for batch in _batches(read, size)]
    tasks += [(False, batch) for batch in _batches(files[len(read) :], size)]
    tasks = _finer_tail(tasks, workers)
    if fork:
        # this process is one of the workers: it would otherwise sit idle but for pickling (fork_share.py)
        from .fork_share import run_in_order

        _start(lexicon, wanted, draft, seconds)
        yield from first
        for units in run_in_order(tasks, _run_task, workers):
            yield from units
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start, initargs=(lexicon, wanted, draft, seconds)
    ) as pool:
        results = pool.map(_run_task, tasks)  # every task is sent now
        yield from first
        for units in results:
            yield from units


def _one_article(path: Path) -> bool:
    """Whether a file is a single article of a usual size (not a JSON Lines file of many, nor a huge page)."""
    try:
        return path.suffix.lower() != ".jsonl" and path.stat().st_size <= 64_000
    except OSError:
        return False
