"""What keeps `check --db` small on a large archive: no spaCy, and one object for each equal value it holds."""

from __future__ import annotations

import copy
import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main
from factcheck.compact import Pool, share_findings
from factcheck.lexicon import load_lexicon
from factcheck.load import read_and_extract
from factcheck.messages import Items, Number, message
from factcheck.models import Evidence, Finding

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

PROBE = """
import sys
from factcheck.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("LOADED", sorted({m.split(".")[0] for m in sys.modules} & {"spacy", "thinc", "numpy"}))
"""


def _archive(tmp_path: Path) -> str:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    db = str(tmp_path / "archive.sqlite")
    result = CliRunner().invoke(main, ["index", str(folder), "--db", db], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


def test_checking_an_archive_imports_no_spacy(tmp_path: Path) -> None:
    # its claims are extracted already: spaCy, thinc and numpy were 70 MiB of the check's memory
    db = _archive(tmp_path)
    for args in (["--statistics"], ["--format", "json"], ["--format", "html"]):
        result = subprocess.run(
            [sys.executable, "-c", PROBE, "check", "--db", db, "-q", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
            check=True,
        )
        assert result.stdout.strip().splitlines()[-1] == "LOADED []", result.stdout + result.stderr
        assert "24 temuan" in result.stdout + result.stderr


def test_numbers_are_shared_by_type_and_sign() -> None:
    pool = Pool()
    one, two = 123_456, int("123456")
    assert pool.number(one) is one and pool.number(two) is one
    assert type(pool.number(1.0)) is float and type(pool.number(1)) is int and pool.number(True) is True
    assert math.copysign(1.0, pool.number(-0.0)) == -1.0 and math.copysign(1.0, pool.number(0.0)) == 1.0
    assert math.isnan(pool.number(float("nan")))


def _finding(first: str, count: float) -> Finding:
    side = message("figure.outlets", figure="38,6 juta", period="Desember 2023", n=3)
    said = message(
        "conflict.figures",
        metric="peserta aktif",
        first=side,
        first_article=first,
        second=message("figure.outlets", figure=Items(("37,9 juta", "38 juta"), "and"), period="2023", n=1),
        second_article="b.md",
    )
    evidence = [Evidence(first, first, 0, 9, "38,6 juta", "38,6 juta peserta.", 38_600_000)]
    found = Finding.of("FC101", "conflict", "error", said, evidence, group=f"BPJS {'Ketenagakerjaan'} · peserta aktif")
    found.support = [{"value": "38,6 juta", "sources": 3}, {"value": Number(count, 1), "sources": 1}]
    return found


def test_findings_share_equal_parts_and_report_as_before() -> None:
    findings = [_finding("a.md", 1.0), _finding("c.md", 1.0), _finding("a.md", 1)]
    before = [json.dumps(f.to_json("id"), default=repr) for f in findings]
    texts = [f.text("id") for f in findings]
    share_findings(findings, Pool())
    assert [json.dumps(f.to_json("id"), default=repr) for f in findings] == before
    assert [f.text("id") for f in findings] == texts
    first, second, third = findings
    assert first.group is second.group and first.support[0] is second.support[0]
    assert first.template is not None and second.template is not None
    assert first.template.params["first"] is second.template.params["first"]  # the same side of two pairs
    assert first.template.params["second"] is second.template.params["second"]  # a list of values too
    assert first.template is not second.template  # other articles
    # Number(1.0) and Number(1) are equal but print apart: not made one
    assert repr(third.support[1]["value"]) == repr(Number(1, 1)) != repr(first.support[1]["value"])


def test_an_archived_article_keeps_no_boilerplate_index_and_finds_the_same_spans(tmp_path: Path) -> None:
    db = _archive(tmp_path)
    (archived,) = read_and_extract([[db]], load_lexicon())
    (on_files,) = read_and_extract([[str(CORPUS)]], load_lexicon())
    for article, original in zip(archived.articles, on_files.articles, strict=True):
        offsets = range(0, len(original.text) + 1, 5)
        assert [article.boilerplate_at(o) for o in offsets] == [original.boilerplate_at(o) for o in offsets]
        assert [article.is_boilerplate(o) for o in offsets] == [original.is_boilerplate(o) for o in offsets]
        assert article._span_index is None  # rebuilt per lookup: 100k articles would each keep one
        assert article.metadata == original.metadata and article.boilerplate == original.boilerplate
    empty = [a.ignore_lines for a in archived.articles if not a.ignore_lines]
    assert len(empty) > 1 and all(lines is empty[0] for lines in empty)  # one empty dict, not one each
    copied = copy.deepcopy(archived.articles[0].ignore_lines)
    assert copied == {}


def test_a_tally_counts_what_the_full_run_finds_and_keeps_no_figures(tmp_path: Path) -> None:
    from factcheck.check import Options, run_check
    from factcheck.report.statistics import render

    db = _archive(tmp_path)
    full = run_check([db], Options(jobs=1))
    tally = run_check([db], Options(jobs=1, tally=True))
    assert render(tally, lang="en") == render(full, lang="en")
    assert "24 findings (7 errors, 17 warnings, 0 info)" in render(tally, lang="en")
    assert sorted((f.rule, f.severity) for f in tally.findings) == sorted((f.rule, f.severity) for f in full.findings)
    assert all(not f.evidence and not f.message for f in tally.findings)
    assert len({id(f) for f in tally.findings}) == len({f.rule for f in full.findings})  # one object per rule


def test_statistics_beside_a_report_file_keep_that_report_whole(tmp_path: Path) -> None:
    db = _archive(tmp_path)
    alone = CliRunner().invoke(main, ["check", "--db", db, "--statistics", "--lang", "en"])
    target = tmp_path / "report.json"
    both = CliRunner().invoke(main, ["check", "--db", db, "--statistics", "--lang", "en", "-o", f"json:{target}"])
    assert alone.exit_code == both.exit_code == 1 and alone.stdout == both.stdout
    reported = json.loads(target.read_text(encoding="utf-8"))["findings"]
    assert len(reported) == 24 and all(f["evidence"] and f["message"] for f in reported)
