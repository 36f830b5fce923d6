"""The extraction pipeline built without spaCy's `Language` is what `spacy.blank` would build (extract/blank.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import factcheck.extract as extract_module
from factcheck.extract import COMPONENTS, extract, pipeline
from factcheck.extract.tokenizer import CONFIG, build_tokenizer
from factcheck.read import read_corpus

ROOT = Path(__file__).resolve().parent.parent
# every lexeme attribute a component or spaCy's own code reads, set by the vocabulary's getters
ATTRIBUTES = ("norm_", "lower_", "shape_", "prefix_", "suffix_", "is_stop", "like_num", "like_url", "is_alpha", "lang_")


def _spacy_s(code: str) -> spacy.language.Language:
    return spacy.blank(code, config=CONFIG)


@pytest.mark.parametrize("code", ["id", "en", "xx"])
def test_the_same_tokens_and_lexeme_attributes_as_spacy_blank(code: str, lexicon) -> None:
    texts = [a.text for a in read_corpus([str(ROOT / "corpus")], lexicon).articles]
    texts.append("Dr. Budi: naik 5,2% (yoy) jadi Rp1,2 triliun; lima puluh ribu orang, www.bps.go.id. Don't.")
    ours, theirs = pipeline(code), _spacy_s(code)
    assert ours.lang == theirs.lang
    for text in texts:
        mine, stock = ours.make_doc(text), theirs.make_doc(text)
        assert [t.text for t in mine] == [t.text for t in stock]
        assert [t.whitespace_ for t in mine] == [t.whitespace_ for t in stock]
        for attribute in ATTRIBUTES:
            assert [getattr(t, attribute) for t in mine] == [getattr(t, attribute) for t in stock], attribute


def test_the_same_claims_as_through_a_pipeline_spacy_builds(lexicon, monkeypatch) -> None:
    assert [name for name, _ in pipeline("id").pipeline] == list(COMPONENTS)
    articles = read_corpus([str(ROOT / "corpus")], lexicon).articles
    ours = [extract(a, lexicon) for a in articles]
    stock = {}
    for code in ("id", "en"):
        stock[code] = _spacy_s(code)
        for name in COMPONENTS:
            stock[code].add_pipe(name)  # the components are registered with spaCy too
    monkeypatch.setattr(extract_module, "pipeline", stock.__getitem__)
    theirs = [extract(a, lexicon) for a in articles]
    assert sum(len(e.claims) for e in ours) > 100
    assert [e.claims for e in ours] == [e.claims for e in theirs]
    assert [e.mentions for e in ours] == [e.mentions for e in theirs]


def test_a_text_longer_than_spacy_allows_is_refused_as_spacy_refuses_it() -> None:
    nlp = pipeline("id")
    with pytest.raises(ValueError, match="exceeds"):
        nlp.make_doc("a" * (nlp.max_length + 1))


@pytest.mark.parametrize("code", ["id", "en"])
def test_a_tokenizer_built_from_the_cached_cases_is_the_one_built_from_spacy_s(
    code: str, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    first = build_tokenizer(pipeline(code))  # decides, and stores the two lists
    assert list(tmp_path.glob(f"cases-{code}-*.pickle"))
    second = build_tokenizer(pipeline(code))  # reads them back
    assert second.rules == first.rules and len(first.rules) > 100
    text = "Anak-anak Dr. Budi naik 5,2% (yoy), year-on-year low-income: don't."
    assert [t.text for t in second(text)] == [t.text for t in first(text)]
