"""Period patterns tried only where one of their first words begins find what a scan of the whole text finds.

`factcheck/anchors.py` reads each pattern's first words off Python's parse and finds them for every pattern in
one scan; each pattern is then matched only at those positions. Checked here match for match against
`pattern.finditer` on corpus/, the dev-set pages when ../shared is there, and random text built to trip it:
words glued to one another, odd cases, the non-ASCII letters Python's case folding equates with ASCII ones.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from factcheck.anchors import DIGIT, FOLDS, Anchors, first_literals, starts_at_word
from factcheck.lexicon import load_lexicon
from factcheck.periods import Patterns, _patterns
from factcheck.read import read_corpus

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset" / "articles"


def _all_patterns(patterns: Patterns) -> list[re.Pattern[str]]:
    found = [pattern for _, pattern in patterns.absolute] + list(patterns.ranges)
    for value in vars(patterns).values():
        if isinstance(value, re.Pattern):
            found.append(value)
    return found


def _random_texts(words: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pieces = [*words, "2024", "19", "20", "1999", "(", ")", "-", "/", ",", ".", ":", "\n", "  ", "12", "3", "Rp"]
    pieces += [
        "İ",
        "ı",
        "\u212a",
        "ſ",
        "é",
        "—",
        "“",
        "kondisi",
        "ke-3",
        "s.d.",
        "Q3",
        "1H24",
        "\u0662",
        "\u0967\u0968",
    ]
    texts = []
    for _ in range(count):
        out = []
        for _ in range(rng.randint(5, 60)):
            piece = rng.choice(pieces)
            piece = rng.choice([piece, piece.upper(), piece.capitalize(), piece.lower()])
            out.append(piece + rng.choice(["", " ", " ", "-", "\n", ", "]))
        texts.append("".join(out))
    return texts


def _texts(code: str) -> list[str]:
    lexicon = load_lexicon()
    folders = [str(ROOT / "corpus")] + ([str(DEVSET)] if DEVSET.is_dir() else [])
    articles = read_corpus(folders, lexicon).articles
    language = lexicon.language(code)
    words = [*language.months, *language.weekdays]
    for key in ("edge", "quarter_words", "half_words", "as_of", "year_words", "week_words", "same_period", "current"):
        words += [str(w) for w in language.period_cues.get(key, [])]
    words += [str(w) for w in language.period_cues.get("relative", {})]
    glued = ["Naik dari periode2021-2023 ke Rp2020 - 2024, lalu x1999 hingga 2005.", "Data BPS2024:angka Mar2024"]
    glued += ["Pada \u0662 Maret 2024 dan \u0967\u0968 Mei 2023, lalu Juni \u0663 naik; x\u0664 April 2022."]
    return [a.text for a in articles] + glued + _random_texts(words, 400, seed=len(code))


@pytest.mark.parametrize("code", ["id", "en"])
def test_anchored_matches_are_the_whole_scan_s_matches(code: str) -> None:
    patterns = _patterns(load_lexicon().language(code))
    anchors = patterns.anchors
    assert anchors is not None
    anchored = [p for p in _all_patterns(patterns) if p in anchors]
    assert len(anchored) >= 20  # most period patterns are tried at their words only
    matched = 0
    for text in _texts(code):
        for pattern in anchored:
            fast = [(m.span(), m.groupdict()) for m in anchors.finditer(pattern, text)]
            assert fast == [(m.span(), m.groupdict()) for m in pattern.finditer(text)], (pattern.pattern[:50], text)
            matched += len(fast)
    assert matched > 1000


def test_the_scan_starts_anew_on_each_text() -> None:
    """Two equal texts that are different objects, and a text read again after another, are scanned right."""
    anchors = Anchors([re.compile(r"\bmaret\b", re.IGNORECASE)])
    pattern = anchors.order[0]
    first = "".join(["Maret ", "lalu"])
    assert [m.start() for m in anchors.finditer(pattern, first)] == [0]
    assert [m.start() for m in anchors.finditer(pattern, "pada MARET dan maret")] == [5, 15]
    assert [m.start() for m in anchors.finditer(pattern, first)] == [0]


def test_case_folds_of_ascii_letters_are_every_code_point_python_matches() -> None:
    others = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for char in map(chr, range(0x21, 0x7F)):  # every printable ASCII character a word can hold
        found = "".join(re.findall(re.escape(char), others, re.IGNORECASE))
        assert found == FOLDS.get(char.lower(), ""), char  # a capital folds as its small letter


def test_first_words_are_read_from_the_pattern() -> None:
    assert first_literals(re.compile(r"\b(?:the\s+)?(?:akhir|awal)-?(?:Maret|Mei)", re.I)) == {"the", "akhir", "awal"}
    assert first_literals(re.compile(r"\bs\.d\.\s+\d")) == {"s.d"}  # cut after the first word, not before it
    # a word another one begins is not needed: a match that starts with "kuartal" starts with "kuart"
    assert first_literals(re.compile(r"(?:kuartal|kuart|semester|sem|tri)\s")) == {"kuart", "sem", "tri"}
    # a digit is any script's: the ASCII ones, and a mark the scan finds as any non-ASCII character
    assert first_literals(re.compile(r"\b\d+\s+Maret")) == {*"0123456789", DIGIT}
    assert first_literals(re.compile(r"\b\w+\s+Maret")) is None  # a word character: too many to list
    assert first_literals(re.compile(r"(?:kuartal)?")) is None  # can match nothing
    assert first_literals(re.compile(r"[A-Z]{2,10}\s+2024")) is None  # a class too wide to list
    assert first_literals(re.compile(r"ç[ae]")) is None  # not ASCII: lowering is not what matching does
    assert starts_at_word(re.compile(r"(?:\bmaret|(?<![\w-])april)"))
    assert not starts_at_word(re.compile(r"(?<![\d.,])(?:19|20)\d\d"))  # "Rp2024": inside a word
    assert not starts_at_word(re.compile(r"\bmaret", re.ASCII))  # its \b knows only ASCII letters
    assert not starts_at_word(re.compile(r"\b\(2024\)"))  # "\b(" follows a word


@pytest.mark.parametrize("code", ["id", "en"])
def test_other_whole_text_scans_anchored_find_what_they_found(code: str) -> None:
    """Age groups, a rate's basis and a name after a locative preposition, tried only at their first words."""
    from factcheck.anchors import finditer
    from factcheck.extract.metric import _basis_pattern
    from factcheck.extract.persons import _after
    from factcheck.extract.places import AGE_GROUP

    language = load_lexicon().language(code)
    basis = _basis_pattern(language)
    assert basis is not None
    after = _after(tuple(language.statement.get("locative_prepositions", [])))
    words = ["usia", "Umur", "aged", "kelompok", "15-24", "tahun", "yoy", "y-on-y", "m-to-m", "ytd", "di", "Di"]
    words += ["in", "across", "Pasar", "Kota Bandung", "Jawa Barat", "x-yoy", "kondisi", "Juanda"]
    texts = _texts(code) + _random_texts(words, 300, seed=3)
    matched = 0
    for pattern in (AGE_GROUP, basis, after):
        for text in texts:
            fast = [(m.span(), m.groups()) for m in finditer(pattern, text)]
            assert fast == [(m.span(), m.groups()) for m in pattern.finditer(text)], (pattern.pattern[:40], text)
            matched += len(fast)
    assert matched > 100


@pytest.mark.parametrize("code", ["id", "en"])
def test_anchors_from_the_cache_scan_as_anchors_read_off_the_patterns(
    code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The period patterns' words and scan come from the language-data cache in every process but the first."""
    patterns = _patterns(load_lexicon().language(code))
    assert patterns.anchors is not None
    scanned = [p for p in _all_patterns(patterns) if p in patterns.anchors]
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    read = Anchors(scanned)
    monkeypatch.delenv("FACTCHECK_NO_CACHE")
    Anchors(scanned)  # stored
    (entry,) = tmp_path.glob("anchors-*.pickle")
    cached = Anchors(scanned)
    assert cached.literals == read.literals and cached.at_word == read.at_word
    assert cached.scanner is not None and read.scanner is not None and cached.scanner.pattern == read.scanner.pattern
    for text in _texts(code)[:40]:
        assert cached.starts(text) == read.starts(text)
    entry.write_bytes(b"cut sho")  # a corrupt entry: read off the patterns again
    assert Anchors(scanned).literals == read.literals
