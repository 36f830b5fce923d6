"""What keeps the peak of `check --db --statistics` at 100k articles down: memory given back, indexes not copied."""

from __future__ import annotations

import copyreg
import io
import pickle
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from factcheck.check import Options, active_rules, combine
from factcheck.checks import Context, kind_function
from factcheck.cli import main
from factcheck.cluster import cluster_claims
from factcheck.heap import _glibc
from factcheck.lexicon import load_lexicon
from factcheck.load import read_and_extract
from factcheck.models import RARE, Claim, Period

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

# blocks freed in the middle of glibc's heap: how much of them leaves the process's resident memory
FREED = """
import sys
from factcheck.heap import give_back, keep_large_blocks_apart

def resident():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024

if sys.argv[1] == "apart":
    keep_large_blocks_apart()
big = bytearray(20 << 20)
del big  # unmapped; glibc's own threshold for a mapping of its own is now 20 MiB
blocks, kept = [], []
for _ in range(100):
    blocks.append(bytearray(1 << 20))
    kept.append(bytearray(4000))  # a block that stays between two freed ones: the heap cannot shrink from its top
before = resident()
del blocks
if sys.argv[1] == "trim":
    give_back()
print(before - resident())
"""


def _freed(how: str) -> int:
    result = subprocess.run(
        [sys.executable, "-c", FREED, how],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={"PYTHONPATH": str(ROOT)},
    )
    return int(result.stdout)


@pytest.mark.skipif(_glibc() is None, reason="glibc's malloc only")
def test_freed_large_blocks_leave_the_process() -> None:
    # what a rule builds and drops stayed resident for the rest of the run (37 MiB at 100k, in every process)
    assert _freed("as-is") < 50
    assert _freed("apart") >= 90
    assert _freed("trim") >= 90


def _context(tmp_path: Path, figures: bool) -> Context:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    db = str(tmp_path / "archive.sqlite")
    assert CliRunner().invoke(main, ["index", str(folder), "--db", db], catch_exceptions=False).exit_code == 0
    lexicon = load_lexicon()
    (archived,) = read_and_extract([[db]], lexicon)
    claims, mentions, corpus = combine(archived, None, [])
    known, statistics = {m.id for m in lexicon.metrics}, {m.id for m in lexicon.metrics if m.statistic}
    clusters = cluster_claims(claims, known, statistics)
    articles = {a.id: a for a in corpus.articles}
    return Context(articles, claims, clusters, mentions, lexicon, figures=figures)


def test_each_claim_is_found_in_its_cluster(tmp_path: Path) -> None:
    context = _context(tmp_path, figures=True)
    owner = {id(c): cluster for cluster in context.clusters for c in cluster.claims}
    assert [context.cluster_of(c) for c in context.claims] == [owner.get(id(c)) for c in context.claims]
    assert any(context.cluster_of(c) is None for c in context.claims)  # a figure without a metric is in none
    # a claim whose number is not its place (none, as the check numbers them) is still found
    moved = context.clusters[0].claims[0]
    moved.index = len(context.claims) + 5
    fresh = Context(context.articles, context.claims, context.clusters, context.mentions, context.lexicon)
    assert fresh.cluster_of(moved) is context.clusters[0]


def test_a_tally_quotes_each_figure_once_while_its_rule_runs(tmp_path: Path) -> None:
    # FC101 quotes the first 12 figures of a national statistic in every pair: 378k quotes at 100k, one object each
    context = _context(tmp_path, figures=False)
    claim = context.claims[3]
    first = context.evidence(claim)
    assert context.evidence(claim) is first and first.sentence == ""  # a tally's figure: its place and text alone
    assert (first.article, first.start, first.end, first.text) == (claim.article_id, claim.start, claim.end, claim.text)
    rules = {r.id: r for r in active_rules(context.lexicon, Options())}
    found = kind_function("conflict")(context, rules["FC101"])
    context.rule_done()  # the next rule keeps none of them
    assert context.evidence(claim) is not first
    again = kind_function("conflict")(context, rules["FC101"])
    assert found and [(f.message, [(e.article, e.start) for e in f.evidence]) for f in again] == [
        (f.message, [(e.article, e.start) for e in f.evidence]) for f in found
    ]
    whole = _context(tmp_path / "whole", figures=True)
    kept = whole.evidence(whole.claims[3])
    whole.rule_done()  # a full report's figures are shared by every rule's findings
    assert whole.evidence(whole.claims[3]) is kept


def test_equal_boilerplate_is_one_list(tmp_path: Path) -> None:
    # an outlet's articles repeat their header and footer spans: 100k lists at 100k of a few dozen distinct
    articles = list(_context(tmp_path, figures=True).articles.values())
    pairs = [(a, b) for a in articles for b in articles if a is not b and a.boilerplate == b.boilerplate]
    assert pairs and all(a.boilerplate is b.boilerplate for a, b in pairs)
    assert len({id(a.boilerplate) for a in articles}) == len({repr(a.boilerplate) for a in articles})


def test_a_tally_of_datelines_keeps_their_place_and_text_alone(tmp_path: Path) -> None:
    # 55k weekday findings at 100k articles, each with its line and message parts until it was tallied
    tally, whole = _context(tmp_path, figures=False), _context(tmp_path / "whole", figures=True)
    rule = next(r for r in active_rules(tally.lexicon, Options()) if r.kind == "weekday")
    light, full = kind_function("weekday")(tally, rule), kind_function("weekday")(whole, rule)
    assert light and [f.message for f in light] == [f.message for f in full]
    assert [(e.article, e.start, e.end, e.text) for f in light for e in f.evidence] == [
        (e.article, e.start, e.end, e.text) for f in full for e in f.evidence
    ]
    assert all(f.template is None and e.sentence == "" and e.published is None for f in light for e in f.evidence)
    assert all(f.template is not None and e.sentence for f in full for e in f.evidence)


def test_each_article_gives_every_article_s_claims_in_the_table_s_order(tmp_path: Path) -> None:
    # the trend rule reads one article at a time instead of a table of every sentence (38 MiB at 100k)
    context = _context(tmp_path, figures=True)
    expected = [(a, [c.index for c in claims]) for a, claims in sorted(context.by_article.items())]
    assert len(expected) > 5 and [(a, [c.index for c in cs]) for a, cs in context.each_article()] == expected
    # an article's claims apart in the list (two runs) still come as one article, in the list's order
    claims = context.claims
    moved = [*claims[3:], *claims[:3]]
    apart = Context(context.articles, moved, context.clusters, context.mentions, context.lexicon)
    assert [(a, [c.index for c in cs]) for a, cs in apart.each_article()] == [
        (a, [c.index for c in cs]) for a, cs in sorted(apart.by_article.items())
    ]


def test_headline_findings_do_not_depend_on_the_claims_being_at_their_numbers(tmp_path: Path) -> None:
    # FC102 places each article's claims in their clusters when it comes to that article (a table of every
    # article's was 34 MiB at 100k): claims found by their number and those found by `id` give the same findings
    context = _context(tmp_path, figures=True)
    rules = {r.id: r for r in active_rules(context.lexicon, Options())}
    claims = context.claims
    moved = [*claims[7:], *claims[:7]]
    apart = Context(context.articles, moved, context.clusters, context.mentions, context.lexicon)
    rule = rules["FC102"]
    here = [(f.message, [(e.article, e.start) for e in f.evidence]) for f in kind_function(rule.kind)(context, rule)]
    there = [(f.message, [(e.article, e.start) for e in f.evidence]) for f in kind_function(rule.kind)(apart, rule)]
    assert here and here == there


def test_a_claim_s_rare_fields_read_and_compare_as_fields(tmp_path: Path) -> None:
    # the nine rarely set fields share one slot (27 MiB at 100k articles): attributes, equality and JSON as before
    period = Period(date(2023, 1, 1), date(2023, 12, 31), "year", "2023", "2023")
    plain = Claim("a", "a.md", 0, 9, "55 persen", "", 0, 55.0, "percent", 54.95, 55.05, 2)
    assert plain.rare is None and (plain.qualifier, plain.base_period, plain.in_title) == ("", None, False)
    marked = Claim("a", "a.md", 0, 9, "55 persen", "", 0, 55.0, "percent", 54.95, 55.05, 2, in_title=True)
    assert marked.in_title is True and marked != plain and marked.to_json()["in_title"] is True
    marked.direction, marked.base_period = "rise", period
    assert (marked.direction, marked.base_period, marked.in_title, marked.rank) == ("rise", period, True, "")
    marked.in_title, marked.direction, marked.base_period = False, "", None
    assert marked.rare is None and marked == plain  # all back to their defaults: nothing kept
    assert pickle.loads(pickle.dumps(marked)) == marked


class _OldLayout(pickle.Pickler):
    """Pickles a Claim as archives indexed before the rare fields shared a slot hold it: every field its own."""

    def reducer_override(self, obj: object) -> Any:
        if type(obj) is not Claim:
            return NotImplemented
        state = {name: getattr(obj, name) for name in Claim.__slots__ if name != "rare"}
        state.update({name: getattr(obj, name) for name in RARE})
        return (copyreg.__newobj__, (Claim,), (None, state))  # type: ignore[attr-defined]


def test_an_archived_claim_of_the_old_layout_loads_with_its_fields_and_shares_them(tmp_path: Path) -> None:
    context = _context(tmp_path, figures=True)
    source = next(c for c in context.claims if c.in_title and c.direction == "" and c.qualifier == "")
    written = io.BytesIO()
    _OldLayout(written).dump(source)
    assert b"in_title" in written.getvalue() and b"rare" not in written.getvalue()
    old = pickle.loads(written.getvalue())
    assert isinstance(old, Claim) and old == source and old.to_json() == source.to_json()
    assert old.rare is not None and old.rare[RARE.index("in_title")] is True
    # once loaded, claims with the same rare fields share one tuple
    marked = [c.rare for c in context.claims if c.rare is not None]
    assert len(marked) > len({id(r) for r in marked}) and len({id(r) for r in marked}) == len(set(marked))
