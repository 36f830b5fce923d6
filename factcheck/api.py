"""The Python API: the same pipeline the command line runs."""

from __future__ import annotations

from typing import Any

from .lexicon import load_lexicon
from .models import Claim, Report, Skipped


def claims(paths: list[str], rule_dirs: tuple[str, ...] = (), jobs: int = 0) -> tuple[list[Claim], list[Skipped]]:
    """Every figure of the articles under `paths`, extracted by `jobs` processes (0: the cores available)."""
    from .extract import number_claims
    from .load import read_and_extract

    lexicon = load_lexicon(rule_dirs)
    (group,) = read_and_extract([paths], lexicon, jobs=jobs)
    found, _ = number_claims(group.found)
    return found, group.skipped


def check(paths: list[str], config: str | None = None, **options: Any) -> Report:
    """Run the whole pipeline: `check(["corpus/"], against=["archive/"], disable=["FC901"])`.

    Options are those of factcheck.check.Options; the checked folder's config
    file is read as on the command line.
    """
    from .check import Options, run_check

    return run_check(list(paths), Options.resolve(list(paths), config, **options))
