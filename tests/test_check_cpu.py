"""What keeps `check --db` linear in CPU: the archive's claims are loaded and kept out of the collector's walks."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import gcpause
from factcheck.cli import main
from factcheck.lexicon import load_lexicon
from factcheck.load import read_and_extract

ROOT = Path(__file__).resolve().parent.parent


def _archive(tmp_path: Path) -> str:
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", folder)
    db = str(tmp_path / "archive.sqlite")
    assert CliRunner().invoke(main, ["index", str(folder), "--db", db], catch_exceptions=False).exit_code == 0
    return db


def test_an_archive_loads_without_leaving_garbage_cycles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # what a command-line run freezes after loading must be alive: a frozen cycle would never be freed
    db, lexicon = _archive(tmp_path), load_lexicon()
    monkeypatch.setattr(gcpause, "_one_shot", False)
    gc.collect()
    (archived,) = read_and_extract([[db]], lexicon)
    assert gc.isenabled() and archived.articles
    assert gc.collect() == 0


def test_a_command_line_run_keeps_the_archives_claims_out_of_every_later_collection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # at 100k archived articles each full collection walked 450k claims again: 22 of them, 13 % of the check
    db, lexicon = _archive(tmp_path), load_lexicon()
    monkeypatch.setattr(gcpause, "_one_shot", True)
    before = gc.get_freeze_count()
    try:
        (archived,) = read_and_extract([[db]], lexicon)
        claims = [c for found, _ in archived.found for c in found]
        assert gc.isenabled() and claims
        assert gc.get_freeze_count() >= before + len(claims) + len(archived.articles)
        walked = {id(o) for o in gc.get_objects()}  # what a full collection walks: not the frozen objects
        assert not any(id(c) in walked for c in claims) and not any(id(a) in walked for a in archived.articles)
    finally:
        gc.unfreeze()  # the test process goes on: its other tests' objects stay collectable


def test_the_rules_make_no_garbage_cycles(tmp_path: Path) -> None:
    # each rule runs with the collector paused (check.py): what it drops must be freed by reference counting alone
    from factcheck.check import Options, active_rules, combine
    from factcheck.checks import Context, kind_function
    from factcheck.cluster import cluster_claims

    db, lexicon = _archive(tmp_path), load_lexicon()
    (archived,) = read_and_extract([[db]], lexicon)
    claims, mentions, corpus = combine(archived, None, [])
    known, statistics = {m.id for m in lexicon.metrics}, {m.id for m in lexicon.metrics if m.statistic}
    clusters = cluster_claims(claims, known, statistics)
    for figures in (True, False):
        context = Context({a.id: a for a in corpus.articles}, claims, clusters, mentions, lexicon, figures=figures)
        found = 0
        gc.collect()
        gc.disable()
        try:
            for rule in active_rules(lexicon, Options()):
                found += len(kind_function(rule.kind)(context, rule))
                context.rule_done()
            assert found and gc.collect() == 0
        finally:
            gc.enable()


def test_a_rule_runs_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import import_module

    from factcheck.checks import CheckFunction, Context, Rule
    from factcheck.models import Finding

    check = import_module("factcheck.check")  # the module: the package's `check` is its function
    seen: list[bool] = []
    function = check.kind_function

    def watched(kind: str) -> CheckFunction:
        def run(context: Context, rule: Rule) -> list[Finding]:
            seen.append(gc.isenabled())
            return function(kind)(context, rule)

        return run

    monkeypatch.setattr(check, "kind_function", watched)
    report = check.run_check([str(ROOT / "corpus")], check.Options(jobs=1))
    assert report.findings and len(seen) == len(check.active_rules(load_lexicon(), check.Options()))
    assert not any(seen) and gc.isenabled()


def test_a_place_above_the_nation_is_found_against_the_figure_a_scan_finds_first() -> None:
    # the national figures are grouped by upper end (sum.py `_Nation`) instead of scanned for every place's figure
    import random
    from types import SimpleNamespace
    from typing import Any, cast

    from factcheck.checks.sum import _Nation

    draw = random.Random(7)
    for _ in range(300):
        wholes: list[Any] = []
        for _ in range(draw.randint(0, 12)):
            value = draw.choice([10.0, 10.0, 12.0])
            wholes.append(
                SimpleNamespace(value=value, high=value + draw.choice([0.05, 0.5]), article_id=draw.choice("abcd"))
            )
        part: Any = SimpleNamespace(low=draw.uniform(9.0, 30.0), article_id=draw.choice("abcd"))
        slack = draw.choice([0.0, 0.05])
        nation = _Nation(cast("list[Any]", wholes))
        scanned = [
            w for w in wholes if w.article_id != part.article_id and w.high * (1 + slack) < part.low < 2 * w.high
        ]
        assert nation.agreed == (len({round(w.value, 6) for w in wholes}) == 1)
        assert nation.first_below(part, slack) is (scanned[0] if scanned else None)


def test_a_series_window_holds_exactly_the_figures_within_its_months() -> None:
    # the scale kind's window bisects by days (scale.py `_reach`) instead of testing every figure of a series
    from datetime import date, timedelta

    from factcheck.checks._util import months_between
    from factcheck.checks.scale import _reach

    start = date(2023, 12, 31)
    for window in (0.0, 0.5, 1.0, 3.0, 12.0, 12.5, 24.0):
        reach = _reach(window)
        for days in range(0, 800):
            other = start + timedelta(days=days)
            within = abs(months_between(start, other)) <= window and abs(months_between(other, start)) <= window
            assert within == (days <= reach), (window, days)
    assert _reach(-1.0) == -1
