"""Start-up: commands that read no article load no spaCy; extraction's lean tokenizer splits as spaCy's does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import create_tokenizer

from factcheck.extract import pipeline
from factcheck.lexicon import load_lexicon
from factcheck.read import read_corpus

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("spacy", "thinc", "trafilatura")

PROBE = """
import sys
from factcheck.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("LOADED", sorted({{m.split(".")[0] for m in sys.modules}} & {heavy!r}))
"""


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["rules"], ["explain", "FC201"], ["check", "--help"]])
def test_commands_that_read_no_article_do_not_import_spacy(args: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=set(HEAVY)), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        # the language-data cache of the tests (conftest.py), never the home folder
        env={
            "PYTHONPATH": str(ROOT),
            "PATH": "/usr/bin:/bin",
            "FACTCHECK_CACHE_DIR": os.environ["FACTCHECK_CACHE_DIR"],
        },
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "LOADED []", result.stdout + result.stderr
    assert "FC201" in result.stdout or "Usage" in result.stdout or "factcheck" in result.stdout


@pytest.fixture(scope="module")
def stock():
    """The stock tokenizers of spaCy (every special case), on the extraction pipelines' vocabularies."""
    return {code: create_tokenizer()(pipeline(code)) for code in ("id", "en")}


def test_the_extraction_tokenizer_has_no_hyphenated_special_cases(stock) -> None:
    assert len(stock["id"].rules) > 15_000  # what each run built before
    assert len(pipeline("id").tokenizer.rules) < 1_000


def _boundaries(tokenizer, text: str) -> list[tuple[int, str]]:
    return [(token.idx, token.text) for token in tokenizer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Anak-anak dan ibu-ibu (kupu-kupu) datang, year-on-year/yoy naik.",
        "Dr. Budi, S.E., No. 5 :-) pasca-pandemi e-KTP COVID-19 Rp10,5 juta 5%-an",
        '"Rata-rata", kata-kata-nya; abu-abu/hitam -nya —sehari-hari.',
    ],
)
def test_hard_cases_split_as_spacy_splits_them(stock, text: str) -> None:
    assert _boundaries(pipeline("id").tokenizer, text) == _boundaries(stock["id"], text)


def test_english_keeps_a_hyphenated_compound_whole_where_spacy_splits_it(stock) -> None:
    text = "22 million low-income households; non-performing loans rose year-on-year, 2020-2024"
    lean = [t.text for t in pipeline("en").tokenizer(text)]
    assert "low-income" in lean and "non-performing" in lean and "year-on-year" in lean
    assert "low-income" not in [t.text for t in stock["en"](text)]
    assert lean[-3:] == ["2020", "-", "2024"]  # a range of years still splits
    # the pieces are the same text: only the hyphens inside words are no longer boundaries
    assert "".join(lean) == "".join(t.text for t in stock["en"](text))


def test_token_boundaries_on_the_corpus_are_spacy_s(stock) -> None:
    lexicon = load_lexicon()
    for article in read_corpus([str(ROOT / "corpus")], lexicon).articles:
        code = "en" if article.language == "en" else "id"
        lean = pipeline(code).tokenizer
        assert _boundaries(lean, article.text) == _boundaries(stock[code], article.text), article.id


def test_check_report_is_byte_identical_with_spacy_s_own_tokenizer(stock) -> None:
    from factcheck.check import Options, run_check
    from factcheck.report import render

    corpus = [str(ROOT / "corpus")]
    lean = render(run_check(corpus, Options()), "json")
    nlp = pipeline("id")
    own = nlp.tokenizer
    nlp.tokenizer = stock["id"]
    try:
        stock = render(run_check(corpus, Options()), "json")
    finally:
        nlp.tokenizer = own
    assert lean == stock
