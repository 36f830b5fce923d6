"""The Python API: the same pipeline the command line runs."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from .lexicon import load_lexicon
from .models import Claim, Report, Skipped

Paths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


def as_paths(paths: Paths) -> list[str]:
    """ "corpus/", Path("corpus") or a list of either: one str or Path is one PATH, not its characters."""
    if isinstance(paths, str | os.PathLike):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def claims(
    paths: Paths,
    rule_dirs: tuple[str, ...] = (),
    *,
    jobs: int = 0,
    allow_empty: bool = False,
    stdin_filename: str | None = None,
    time_budget: float | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> tuple[list[Claim], list[Skipped]]:
    """Every claim under `paths` (read by `jobs` processes, 0: the cores available) and what was skipped.

    `engine` "dask" reads and extracts on dask.distributed (the cluster at `scheduler`, else a LocalCluster).

    No article at all is an InputError unless `allow_empty`.
    """
    from .check import DEFAULT_TIME_BUDGET, raise_empty
    from .extract import number_claims
    from .load import engine_runner, read_and_extract

    wanted = as_paths(paths)
    lexicon = load_lexicon(tuple(rule_dirs))
    seconds = DEFAULT_TIME_BUDGET if time_budget is None else time_budget
    runner = engine_runner(engine, scheduler)
    (group,) = read_and_extract(
        [wanted], lexicon, jobs=jobs, stdin_filename=stdin_filename, time_budget=seconds, runner=runner
    )
    if not group.articles and not allow_empty:
        raise_empty(wanted, group.skipped)
    found, _ = number_claims(group.found)
    return found, group.skipped


def check(paths: Paths, config: str | None = None, **options: Any) -> Report:
    """Run the whole pipeline: `check("corpus/", against=["archive/"], disable=["FC901"])`.

    `paths` is a str, a Path or a list of them. Options are those of factcheck.check.Options; the
    checked folder's config file is read as on the command line.
    """
    from .check import Options, run_check

    wanted = as_paths(paths)
    if "against" in options and options["against"] is not None:
        options["against"] = as_paths(options["against"])
    return run_check(wanted, Options.resolve(wanted, config, **options))
