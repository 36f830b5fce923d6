"""The fast paths extraction takes give what the slow ones gave: any difference would change claims.

Extraction reads token texts from lists, Span texts from the Doc's text, cue words through a substring
test and period words through a trie of letters (see benchmarks/run.py for what each saves); each is
checked here against the spaCy or `re` construct it replaces, on every article of corpus/.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from spacy.tokens import Doc, Span

from factcheck.extract import pipeline
from factcheck.extract.doc import (
    has_word,
    lowers_of,
    next_word,
    phrase_after,
    phrase_before,
    previous_word,
    spaces_of,
    span_text,
    texts_of,
    word_matches,
)
from factcheck.extract.phrases import Phrases
from factcheck.lexicon import load_lexicon
from factcheck.periods import _alternation
from factcheck.read import read_corpus

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def docs() -> list[Doc]:
    lexicon = load_lexicon()
    articles = read_corpus([str(ROOT / "corpus")], lexicon).articles
    return [pipeline(a.language if a.language in ("id", "en") else "id").make_doc(a.text) for a in articles]


def test_token_lists_are_the_tokens_attributes(docs: list[Doc]) -> None:
    for doc in docs:
        assert texts_of(doc) == [t.text for t in doc]
        assert lowers_of(doc) == [t.lower_ for t in doc]
        assert spaces_of(doc) == [int(t.is_space) for t in doc]


def test_span_text_is_the_spans_text(docs: list[Doc]) -> None:
    doc = max(docs, key=len)
    n = len(doc)
    bounds = [(a, b) for a in range(0, n, 7) for b in range(a, min(n, a + 60) + 1, 3)]
    bounds += [(0, n), (n, n), (5, 2), (-4, n), (0, -3), (n - 1, n + 10)]
    for start, end in bounds:
        assert span_text(doc, start, end) == doc[start:end].text, (start, end)


def test_word_neighbours_skip_spaces_as_tokens_do(docs: list[Doc]) -> None:
    for doc in docs[:8]:
        for index in range(len(doc)):
            before = [t for t in doc[:index] if not t.is_space]
            after = [t for t in doc[index + 1 :] if not t.is_space]
            found_before, found_after = previous_word(doc, index), next_word(doc, index)
            assert (found_before.i if found_before else None) == (before[-1].i if before else None)
            assert (found_after.i if found_after else None) == (after[0].i if after else None)


def test_phrases_around_a_token_are_read_from_the_lowercase_words(docs: list[Doc]) -> None:
    doc = docs[0]
    words = [t.lower_ for t in doc if not t.is_space]
    phrases = {" ".join(words[i : i + 2]) for i in range(0, len(words) - 1, 5)}
    hits = 0
    for index in range(1, len(doc)):
        before = [t.lower_ for t in doc[max(0, index - 12) : index] if not t.is_space][-4:]
        expected = max(
            (" ".join(before[-k:]) for k in range(1, len(before) + 1) if " ".join(before[-k:]) in phrases),
            key=len,
            default="",
        )
        assert phrase_before(doc, index, phrases) == expected
        hits += bool(expected)
        assert phrase_after(doc, index, phrases) in phrases | {""}
    assert hits > 10  # the phrases do stand in the text


def test_cue_words_are_found_as_their_patterns_find_them(docs: list[Doc]) -> None:
    lexicon = load_lexicon()
    cues = sorted({w for code in ("id", "en") for ws in lexicon.language(code).modality_cues.values() for w in ws})
    found = 0
    for doc in docs[:10]:
        text = doc.text.lower()
        for word in cues:
            pattern = re.compile(rf"(?:^|\W){re.escape(word)}(?:\W|$)")
            assert has_word(text, word) == bool(pattern.search(text)), word
            assert [m.span() for m in word_matches(text, word)] == [m.span() for m in pattern.finditer(text)]
            found += has_word(text, word)
    assert found > 20


def test_period_word_trie_matches_as_the_plain_alternation(docs: list[Doc]) -> None:
    lexicon = load_lexicon()
    texts = [doc.text for doc in docs]
    for code in ("id", "en"):
        language = lexicon.language(code)
        cues = language.period_cues
        for words in (
            list(language.months),
            list(language.weekdays),
            list(cues.get("relative", {})),
            cues.get("current", []),
            cues.get("as_of", []),
            ["mar", "Maret", "MAR", "ma", "maret ini"],  # case variants and nested prefixes
        ):
            plain = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
            for shape in (r"\b(?:{})\b", r"(?:{})\s+\d{{4}}", r"(?:{})(?:\s+lalu)?"):
                trie = re.compile(shape.format(_alternation(words)), re.I)
                slow = re.compile(shape.format(plain), re.I)
                for text in texts:
                    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in slow.finditer(text)]
    assert re.fullmatch(_alternation([]), "x") is None  # no word: a pattern that matches nothing


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("factcheck_benchmark", ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def test_peer_benchmark_skips_a_peer_that_is_not_installed(capsys: pytest.CaptureFixture[str]) -> None:
    assert _benchmark()._load_peer("no_such_peer_module", "nosuchpeer") is None
    assert "nosuchpeer: not installed, skipped" in capsys.readouterr().out


def test_peer_benchmark_scores_a_figure_and_a_date_as_the_gold_states_them() -> None:
    from datetime import date

    bench = _benchmark()
    figure = bench.GoldFigure(10, 19, 36_400_000.0, "2022-12")
    assert bench._finds_figure([(8, 14, 36_400_000.0)], figure)  # overlapping, same value
    assert not bench._finds_figure([(8, 14, 364.0)], figure)  # "36,4" read as 364
    assert not bench._finds_figure([(20, 25, 36_400_000.0)], figure)  # elsewhere
    assert bench._dates_as_gold(date(2022, 12, 10), "2022-12")
    assert not bench._dates_as_gold(date(2036, 4, 1), "2022-12")
    assert bench._dates_as_gold(date(2024, 1, 1), "2024")
    assert not bench._dates_as_gold(None, "2024")


def test_every_period_pattern_match_holds_a_word_its_gate_needs(docs: list[Doc]) -> None:
    """A pattern skipped for want of its words could not have matched: each of its matches holds one."""
    from factcheck.periods import _patterns

    lexicon = load_lexicon()
    texts = [doc.text for doc in docs]
    texts.append(
        "Pada kuartal III-2024, semester I 2023 dan pekan ke-20 tahun 2024, Senin (18/1/2021), secara tahunan."
    )
    texts.append("In the first half of 2024 and the third quarter of 2023, on Tuesday, February 3, 2025, year on year.")
    texts.append("Maret tahun lalu 4,1 persen; akhir 2024 (2023) naik (BPS, 2024).\n2021: 5,2 persen, March last year.")
    matched = 0
    gated = set()
    for code in ("id", "en"):
        patterns = _patterns(lexicon.language(code))
        for pattern, words in patterns.needs.items():
            for text in texts:
                for match in pattern.finditer(text):
                    assert any(w in match.group(0).casefold() for w in words), (pattern.pattern[:60], match.group(0))
                    matched += 1
                    gated.add((code, pattern.pattern))
        for pattern in (patterns.month_relative, patterns.citation, patterns.label, patterns.absolute[-1][1]):
            assert (code, pattern.pattern) in gated  # each new gate was tried on a text its pattern matches
    assert matched > 100


def _venues_by_full_scan(doc: Doc, places: list[Span], venue_words: list[str]) -> list[tuple[int, int, str]]:
    """The venue scan before the index by first word: every head tried at every token, longest first."""
    heads = sorted((tuple(w.split()) for w in venue_words), key=len, reverse=True)
    taken = {i for s in places for i in range(s.start, s.end)}
    texts = [t.text for t in doc]
    found, position = [], 0
    while position < len(doc) and heads:
        head = next((h for h in heads if tuple(texts[position : position + len(h)]) == h), None)
        if head is None or position in taken:
            position += 1
            continue
        end = position + len(head)
        while end < len(doc) and end - position < len(head) + 4 and texts[end][:1].isupper() and doc[end].is_alpha:
            end += 1
        if end == position + len(head) or any(i in taken for i in range(position, end)):
            position += 1
            continue
        found.append((position, end, doc[position:end].text))
        position = end
    return found


def test_venue_heads_by_first_word_find_what_every_head_at_every_token_finds(docs: list[Doc]) -> None:
    from dataclasses import replace

    from factcheck.extract.doc import Context
    from factcheck.extract.places import _venues
    from factcheck.models import Article

    lexicon = load_lexicon()
    nlp = pipeline("id")
    texts = [doc.text for doc in docs]
    texts.append("Harga di Pasar Induk Kramat Jati dan Pasar Minggu naik; Bandar Udara Internasional Juanda ramai.")
    texts.append("Antrean di Rumah Sakit Umum Daerah Cibinong, RSUD Koja dan Stasiun Gambir Baru.")
    found = 0
    for words in (lexicon.venue_words, [*lexicon.venue_words, "Pasar Induk Kramat", "Induk"], ["", "Pasar"]):
        custom = replace(lexicon, venue_words=words)
        for text in texts:
            doc = nlp.make_doc(text)
            article = Article(id="a", path="a.md", text=text)
            context = Context(article, custom, lexicon.language("id"), offset=0, published=None)
            places: list[Span] = []  # no place taken: every venue head is free to start
            fast = [(s.start, s.end, s.label_) for s in _venues(doc, places, context)]
            assert fast == _venues_by_full_scan(doc, places, words), (words[-1], text[:40])
            found += len(fast)
    assert found > 5  # the venues do stand in the texts


def _venues_named_before_by_full_scan(
    doc: Doc, tails_words: list[str], function_words: set[str]
) -> list[tuple[int, int]]:
    """The scan for a venue word after its name before the index by first word: every tail at every token."""
    tails = sorted((tuple(w.split()) for w in tails_words), key=len, reverse=True)
    texts = [t.text for t in doc]
    taken: set[int] = set()
    found = []
    for position in range(len(doc)):
        tail = next((t for t in tails if tuple(texts[position : position + len(t)]) == t), None)
        if tail is None or any(i in taken for i in range(position, position + len(tail))):
            continue
        begin = position
        while begin > 0 and position - begin < 6 and begin - 1 not in taken:
            before = texts[begin - 1]
            if before == "-" and begin > 1 and texts[begin - 2][:1].isupper() and doc[begin - 2].is_alpha:
                begin -= 2
                continue
            alphabetic = doc[begin - 1].is_alpha or all(part.isalpha() for part in before.split("-"))
            if not (before[:1].isupper() and alphabetic) or before.lower() in function_words:
                break
            begin -= 1
        if begin < position:
            found.append((begin, position + len(tail)))
            taken.update(range(begin, position + len(tail)))
    return found


def test_venue_tails_by_first_word_find_what_every_tail_at_every_token_finds(docs: list[Doc]) -> None:
    from dataclasses import replace

    from factcheck.extract.doc import Context
    from factcheck.extract.places import _venues_named_before
    from factcheck.models import Article

    lexicon = load_lexicon()
    nlp = pipeline("en")
    language = lexicon.language("en")
    texts = [doc.text for doc in docs if doc.lang_ == "en"]
    texts.append(
        "Flights at Soekarno-Hatta International Airport and Juanda Airport rose; Tanjung Priok Port was calm."
    )
    texts.append("Queues at Cibinong General Hospital, Koja Hospital, Gambir Station and the Cikampek Toll Gate grew.")
    found = 0
    tail_lists = (lexicon.venue_words_after, [*lexicon.venue_words_after, "Airport and", "Port was"], ["", "Hospital"])
    for words in tail_lists:
        custom = replace(lexicon, venue_words_after=words)
        for text in texts:
            doc = nlp.make_doc(text)
            article = Article(id="a", path="a.md", text=text, language="en")
            context = Context(article, custom, language, offset=0, published=None)
            fast = [(s.start, s.end) for s in _venues_named_before(doc, [], context)]
            function_words = language.function_words | language.stopwords
            assert fast == _venues_named_before_by_full_scan(doc, words, function_words), (words[-1], text[:40])
            found += len(fast)
    assert found > 5  # the venues do stand in the texts


def test_doc_attributes_are_read_where_spacy_keeps_them() -> None:
    """`figures_of` and the like read spaCy's store for `doc._.NAME` directly: the same object, every time."""
    from factcheck.extract.doc import Context, context_of, figures_of, sentences_of

    for name in ("context", "sentences", "figures"):
        assert Doc.get_extension(name) == (None, None, None, None)  # a plain attribute: nothing computes it
    lexicon = load_lexicon()
    article = read_corpus([str(ROOT / "corpus")], lexicon).articles[0]
    nlp = pipeline("id")
    doc = nlp.make_doc(article.text)
    assert figures_of(doc) == [] and sentences_of(doc) == [] and doc._.figures is None
    doc._.context = Context(article, lexicon, lexicon.language("id"), offset=0, published=article.published)
    for _, component in nlp.pipeline[:2]:  # structure, then numbers: each sets what the readers read back
        doc = component(doc)
    assert context_of(doc) is doc._.context
    assert sentences_of(doc) is doc._.sentences and len(sentences_of(doc)) > 1
    assert figures_of(doc) is doc._.figures and len(figures_of(doc)) > 1
    from factcheck.extract.doc import set_context

    other = Context(article, lexicon, lexicon.language("id"), offset=3, published=None)
    set_context(doc, other)  # written where `doc._.context = other` writes it
    assert doc._.context is other and context_of(doc) is other


def test_named_subject_word_sets_are_the_unions_each_call_built() -> None:
    from factcheck.extract.entities import _word_sets

    lexicon = load_lexicon()
    for code in ("id", "en"):
        language = lexicon.language(code)
        statement, cues = language.statement, language.modality_cues
        sets = _word_sets(language)
        assert sets.stops == set(statement.get("clause_openers", [])) | set(language.strong_breaks) | set(
            language.speech_verbs
        )
        assert sets.prepositions == set(statement.get("prepositions", [])) | set(statement.get("agent_words", []))
        assert sets.months == set(language.months) | set(language.weekdays)
        listed = (
            set(statement.get("link_words", []))
            | set(statement.get("source_verbs", []))
            | set(statement.get("verbs", []))
            | {w for key in ("rise", "fall", "target_verbs") for w in cues.get(key, [])}
        ) - set(language.function_words)
        assert sets.verb_like == listed and "dengan" not in sets.verb_like
        known = set(language.function_words) | set(language.stopwords) | set(language.speaker_cues)
        known |= set(language.role_words) | set(language.months) | set(language.weekdays)
        for key in ("prepositions", "measure_words", "clause_openers"):
            known |= set(statement.get(key, []))
        assert sets.known == known


def test_remembered_near_misses_are_what_scoring_each_pair_again_gives() -> None:
    from dataclasses import replace

    from rapidfuzz import fuzz, process

    from factcheck.extract import extract
    from factcheck.extract.entities import _two_word_aliases

    lexicon = load_lexicon()
    articles = read_corpus([str(ROOT / "corpus")], lexicon).articles
    text = "Kata Kepala BPJS Ketenagakerjan Cabang Jambi, jumlah peserta 1,2 juta orang."  # one letter off
    article = replace(articles[0], text=text, id="near-miss", title_start=None, body_start=0)
    first = [extract(a, lexicon) for a in [*articles, article]]
    _, choices, nearest = _two_word_aliases(lexicon)
    assert any(best is not None for best in nearest.values())  # a near miss was scored and kept
    for pair, best in nearest.items():
        assert best == process.extractOne(pair, choices, scorer=fuzz.ratio, score_cutoff=90), pair
    again = [extract(a, lexicon) for a in [*articles, article]]  # every pair now answered from memory
    assert [r.mentions for r in again] == [r.mentions for r in first]
    assert [r.claims for r in again] == [r.claims for r in first]


@pytest.mark.parametrize("code", ["id", "en", "xx"])
def test_affix_searches_find_what_spacy_s_compiled_searches_find(code: str) -> None:
    """The affix searches try fewer places; on any string they match what spaCy's patterns match."""
    import random

    import spacy
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    from factcheck.extract.affixes import infix_finditer, prefix_searcher, suffix_searcher
    from factcheck.extract.tokenizer import GLUED_CURRENCIES

    defaults = spacy.blank(code).Defaults
    prefixes, suffixes = [*(defaults.prefixes or []), *GLUED_CURRENCIES], list(defaults.suffixes or [])
    plain_prefix, fast_prefix = compile_prefix_regex(prefixes).search, prefix_searcher(prefixes)
    plain_suffix, fast_suffix = compile_suffix_regex(suffixes).search, suffix_searcher(suffixes)
    plain_infix, fast_infix = compile_infix_regex(defaults.infixes).finditer, infix_finditer(defaults.infixes)
    lexicon = load_lexicon()
    strings = {chunk for a in read_corpus([str(ROOT / "corpus")], lexicon).articles for chunk in a.text.split(" ")}
    strings |= {"<a href=x>", "x<a b>", "<b/>x", "Rp5", "IDR10", "...", "x..", "a...\n", "10km", "5%\n", "“x”)."}
    rng = random.Random(7)
    alphabet = list("ab.,;:!?()[]{}<>\"'“”‘’-–—%$€Rp0123459\n/…+*#@&_=^`~|\\ék")
    strings |= {"".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20_000)}
    split = 0
    for string in sorted(strings):
        slow, fast = plain_prefix(string), fast_prefix(string)
        assert (slow and slow.span()) == (fast and fast.span()), ("prefix", string)
        slow, fast = plain_suffix(string), fast_suffix(string)
        assert (slow and slow.span()) == (fast and fast.span()), ("suffix", string)
        split += slow is not None
        assert [m.span() for m in plain_infix(string)] == [m.span() for m in fast_infix(string)], ("infix", string)
    assert split > 1000  # the strings do end in suffixes


def test_top_level_alternatives_split_outside_groups_classes_and_escapes() -> None:
    from factcheck.extract.affixes import first_characters, top_level_alternatives

    assert top_level_alternatives(r"^a|^[|)]b|^(x|y)|c\|d|^[]|]e|^[^]x]f") == [
        "^a",
        "^[|)]b",
        "^(x|y)",
        r"c\|d",
        "^[]|]e",
        "^[^]x]f",
    ]
    assert top_level_alternatives("abc") == ["abc"]
    # the characters a rule's match can start with, past its assertions and optional parts
    infix, prefix = first_characters(r"(?<=[0-9])[+\-](?=[0-9])"), first_characters(r"^(?:x?y|\d)z")
    assert infix is not None and [c for c in "+-1a" if infix.fullmatch(c)] == ["+", "-"]
    assert prefix is not None and [c for c in "xy7z(" if prefix.fullmatch(c)] == ["x", "y", "7"]
    assert first_characters("a?") is None and first_characters("[^a]") is None and first_characters(".b") is None


def test_attributes_fetched_together_are_each_attribute_s_own_array(docs: list[Doc]) -> None:
    from factcheck.extract.doc import ATTRIBUTES, attribute_of

    # twice: the lexeme flags of a text are remembered per vocabulary, the second pass reads them back
    for doc in [*docs, pipeline("id").make_doc(""), *docs]:
        fresh = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        for name in reversed(ATTRIBUTES):  # any first request fetches them all
            assert attribute_of(fresh, name) == (doc.to_array(name).tolist() if len(doc) else []), name
        assert attribute_of(fresh, "IS_PUNCT") == [int(t.is_punct) for t in doc]  # one outside the set


@pytest.mark.parametrize("code", ["id", "en", "fr"])  # French groups digits with a narrow no-break space
def test_numerals_are_parsed_as_babel_parses_them(code: str) -> None:
    import random
    from decimal import InvalidOperation

    from babel.numbers import NumberFormatError
    from babel.numbers import parse_decimal as babel_parse_decimal

    from factcheck.extract.numbers import parse_decimal

    rng = random.Random(3)
    strings = ["35,3", "83.000", "1.234,56", "1,234.56", "12 500", "12\u202f500", "7", "-2,5", "0,21", ",5", "1.2.3"]
    strings += ["".join(rng.choice("0123456789.,  -") for _ in range(rng.randint(1, 9))) for _ in range(3000)]
    readable = 0
    for text in strings:
        try:
            expected: object = babel_parse_decimal(text, locale=code, strict=False)
        except NumberFormatError:
            expected = "refused"
        try:
            found: object = parse_decimal(text, code)
        except (InvalidOperation, ValueError):
            found = "refused"
        assert str(found) == str(expected), (code, text)
        readable += expected != "refused"
    assert readable > 500


def test_cue_spans_carry_their_kind_as_the_relabelled_slices_did() -> None:
    from factcheck.extract.doc import Context

    lexicon = load_lexicon()
    nlp = pipeline("id")
    modality = dict(nlp.pipeline)["factcheck_modality"]
    labelled = 0
    for article in read_corpus([str(ROOT / "corpus")], lexicon).articles:
        language = lexicon.language("en" if article.language == "en" else "id")
        doc = pipeline(language.code).make_doc(article.text)
        doc._.context = Context(article, lexicon, language, offset=0, published=article.published)
        for name, component in pipeline(language.code).pipeline:
            doc = component(doc)
            if name == "factcheck_modality":
                break
        matches = modality.matcher(language)(doc) if language.code == "id" else []
        if matches:
            expected = [(s, e, doc.vocab.strings[k]) for k, s, e in matches]
            assert [(s.start, s.end, s.label_) for s in doc.spans["cue"]] == expected
            labelled += len(expected)
    assert labelled > 20


def test_sentence_starts_of_plain_words_are_what_the_full_test_decides(docs: list[Doc]) -> None:
    from factcheck.extract.structure import (
        MAX_SENTENCE_TOKENS,
        _set_sentence_starts,
        _starts_at_decisions,
        _starts_by_token,
    )

    nlp = pipeline("id")
    texts = [doc.text for doc in docs]
    texts.append("Kep. Bangka naik 2 persen. Rp. 5 miliar\ndisalurkan hingga Desember 2023\ntercatat 37,9 juta.")
    texts.append("1. Jawa Barat 30%\n2. Jawa Timur 28%\n\nNo. 8 tahun 2025 “Kutipan.” Lalu?\u00a0Ya! " * 3)
    texts.append(" ".join(["angka"] * (MAX_SENTENCE_TOKENS * 2 + 5)))  # a run-on line is cut
    for size in (MAX_SENTENCE_TOKENS - 2, MAX_SENTENCE_TOKENS - 1, MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS + 1):
        texts.append("\n  Naik. " + " ".join(["angka"] * size) + ". Lalu turun.\n")  # a run near the cut
    texts += ["", "  \n ", "\n\nJudul\n\nIsi naik.  Lalu\u00a0Turun!\nbaris lanjut", "a.\n\u00a0\nB"]
    abbreviations = frozenset({"kep", "rp", "no"})
    decided = most = 0
    for text in texts:
        fast, full, loop = nlp.make_doc(text), nlp.make_doc(text), nlp.make_doc(text)
        starts = _set_sentence_starts(fast, abbreviations)
        assert starts == _set_sentence_starts(full, abbreviations, fast=False)
        assert [t.is_sent_start for t in fast] == [t.is_sent_start for t in full]
        by_decisions = _starts_at_decisions(loop, abbreviations, 0)  # the words a start can be at, in turn
        if by_decisions is not None:
            assert by_decisions == _starts_by_token(loop, abbreviations, 0, False)
            decided += 1
        most = max(most, len(starts))
    assert most > 2
    assert decided >= len(docs)  # no article of the corpus needs the token loop


def test_pointer_pattern_built_once_finds_what_the_per_figure_pattern_found(docs: list[Doc]) -> None:
    from factcheck.extract.metric import _pointer_pattern

    lexicon = load_lexicon()
    texts = [doc.text.lower() for doc in docs] + ["peserta program tersebut naik; the programme itself rose"]
    found = 0
    for code in ("id", "en"):
        demonstratives = lexicon.language(code).statement.get("demonstratives", [])
        slow = re.compile(rf"\b([a-z]+)\s+(?:{'|'.join(map(re.escape, demonstratives))})\b")
        for text in texts:
            fast = [m.span(1) for m in _pointer_pattern(tuple(demonstratives)).finditer(text)]
            assert fast == [m.span(1) for m in slow.finditer(text)]
            found += len(fast)
    assert found > 0


@pytest.mark.parametrize("code", ["id", "en"])
def test_token_match_is_the_membership_test_the_python_function_made(code: str) -> None:
    """With no default token pattern, the tokenizer asks the set of whole hyphenated words directly."""
    import spacy

    from factcheck.extract.tokenizer import _hyphenated_word

    defaults = spacy.blank(code).Defaults
    assert defaults.token_match is None  # else the Python function, which also asks that pattern, is kept
    exceptions = dict(defaults.tokenizer_exceptions)
    whole = {k for k, v in exceptions.items() if _hyphenated_word(k, v)}
    token_match = pipeline(code).tokenizer.token_match
    words = [*sorted(whole)[:200], *sorted(exceptions)[:200], "kupu", "x-y", "", "2024", "Rp5"]
    for word in words:
        assert token_match(word) is (word in whole), word
    if code == "id":
        assert whole  # Indonesian keeps its hyphenated words ("kupu-kupu") whole
        word = sorted(whole)[0]
        assert [t.text for t in pipeline(code).make_doc(f"ada {word} di sini")] == ["ada", word, "di", "sini"]


def test_remembered_range_openers_are_what_reading_the_words_again_gives() -> None:
    """The periods a text opens with are remembered per text: asked again, they are what a fresh reading gives."""
    from factcheck.extract.modality import _opening_periods, _opens_range

    language = load_lexicon().language("en")
    texts = [" January to October, ", " from ", " Januari-Maret ", " between 2021 and 2023 ", " a year earlier ", ""]
    for _ in range(2):
        for text in texts:
            assert _opening_periods(text, language) == _opening_periods.__wrapped__(text, language), text
    assert _opens_range(" January to October, ", language)  # "From January to October, the surplus ..."


@pytest.mark.parametrize("code", ["id", "en"])
def test_tokens_without_the_identity_special_cases_are_the_tokens_with_them(code: str) -> None:
    """Special cases that only repeat their own text ("\\n", " ", "—", "S.E.") are dropped: same tokens.

    They kept spaCy from caching any word of a Doc after its first line; the tokenizer that keeps them
    (the same affix rules) splits every article and every string of glued keys, affixes and words alike.
    """
    import random

    import spacy
    from spacy.tokenizer import Tokenizer

    from factcheck.extract.tokenizer import _hyphenated_word

    lean = pipeline(code).tokenizer
    exceptions = dict(spacy.blank(code).Defaults.tokenizer_exceptions)
    every = {k: v for k, v in exceptions.items() if not _hyphenated_word(k, v)}
    dropped = sorted(set(every) - set(lean.rules))
    assert {"\n", " ", "’"} <= set(dropped)  # the line break and the space matched in every article
    assert "Dr." in lean.rules  # a case that changes a split stays
    full = Tokenizer(
        lean.vocab,
        rules=every,
        prefix_search=lean.prefix_search,
        suffix_search=lean.suffix_search,
        infix_finditer=lean.infix_finditer,
        token_match=lean.token_match,
        url_match=lean.url_match,
    )
    rng = random.Random(10)
    pieces = [*dropped, *sorted(lean.rules)[:60], "(", ")", ".", ",", "-", '"', "kata", "2024", "Rp5", "\n\n", " "]
    texts = [a.text for a in read_corpus([str(ROOT / "corpus")], load_lexicon()).articles]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for text in texts:
        expected = [(t.idx, t.text, t.whitespace_, t.norm_) for t in full(text)]
        assert [(t.idx, t.text, t.whitespace_, t.norm_) for t in lean(text)] == expected, repr(text)
        assert [(t.idx, t.text) for t in lean(text)] == [(t.idx, t.text) for t in lean(text)]  # cached: the same


def test_remembered_nearest_place_form_is_what_scoring_the_block_again_gives() -> None:
    """A near miss's nearest gazetteer form is remembered per block and word: the same as a fresh scoring."""
    from rapidfuzz.distance import OSA

    from factcheck.extract.persons import NameIndex, _nearest_in_block

    index = NameIndex.build(load_lexicon())
    blocks = sorted(index.blocks)[::97][:60]
    words = ["barat", "bart", "selatan", "selatn", "kalimatan", "utara", "tengah", "jaya", "xq"]
    for _ in range(2):  # the second time from memory
        for block in blocks:
            for word in words:
                candidates = index.blocks[block]
                best = min(candidates, key=lambda c: (OSA.distance(word, c[0]), c[1]))
                assert _nearest_in_block(index, block, word) == (best, OSA.distance(word, best[0]))
    assert _nearest_in_block(index, (9, 0, ("no", "such")), "barat") is None


def test_expanded_span_is_spacy_s_expanded_char_span(docs: list[Doc]) -> None:
    """`expanded_span` gives the tokens `doc.char_span(..., alignment_mode="expand")` gives, or None as it does."""
    import random

    from factcheck.extract.doc import expanded_span

    rng = random.Random(3)
    for doc in [*docs[:6], pipeline("id").make_doc(""), pipeline("id").make_doc("  a "), pipeline("en").make_doc("x")]:
        size = len(doc.text)
        bounds = [(c, c + 1) for c in range(-2, size + 2)]
        bounds += [(a, a + rng.randint(0, 40)) for a in (rng.randint(-3, size + 3) for _ in range(300))]
        for start, end in bounds:
            span = doc.char_span(start, end, alignment_mode="expand")
            assert expanded_span(doc, start, end) == (None if span is None else (span.start, span.end)), (start, end)


def test_a_window_without_a_dash_holds_no_dateline() -> None:
    """The dateline pattern is tried only on a window with a dash: every dateline it matches has one."""
    from factcheck.extract.structure import DATELINE, _may_hold_dateline

    lexicon = load_lexicon()
    lines = [line for a in read_corpus([str(ROOT / "corpus")], lexicon).articles for line in a.text.splitlines()]
    lines += ["JAKARTA, Warta — BPS", "Bisnis.com, JAKARTA - Harga", " date 2023-07-17 Update", "JAKARTA-Kemnaker"]
    matched = 0
    for line in lines:
        for start in range(0, min(len(line), 40)):
            window = line[start : start + 90]
            if DATELINE.match(window):
                matched += 1
                assert _may_hold_dateline(window), window
    assert matched > 4


def test_period_scans_by_pattern_id_find_what_each_pattern_finds(docs: list[Doc]) -> None:
    """A scan looks its pattern's gate and anchors up by the pattern's id: the matches of the plain scan, twice."""
    from factcheck.periods import _patterns

    lexicon = load_lexicon()
    for code in ("id", "en"):
        patterns = _patterns(lexicon.language(code))
        every = [p for _, p in patterns.absolute] + [*patterns.ranges, *patterns.needs, patterns.source]
        for doc in docs[:8]:
            text = doc.text
            folded = text.casefold()
            for _ in range(2):  # the second time from the remembered plan
                seen: dict[int, bool] = {}
                for pattern in every:
                    words = patterns.needs.get(pattern)
                    gated = words is not None and not any(w in folded for w in words)
                    plain = [] if gated else [m.span() for m in pattern.finditer(text)]
                    assert [m.span() for m in patterns.scan(pattern, text, folded, seen)] == plain, pattern.pattern


def test_words_between_and_neighbour_positions_are_what_spans_and_tokens_give(docs: list[Doc]) -> None:
    from factcheck.extract.doc import next_position, previous_position, words_between

    doc = max(docs, key=len)
    n = len(doc)
    for start in range(-3, n + 3, 5):
        for end in (start - 1, start, start + 1, start + 4, start + 9, n + 2):
            assert words_between(doc, start, end) == [t.lower_ for t in doc[start:end] if not t.is_space]
            assert words_between(doc, start, end, lower=False) == [t.text for t in doc[start:end] if not t.is_space]
    for index in range(n):
        before = [t.i for t in doc[:index] if not t.is_space]
        after = [t.i for t in doc[index + 1 :] if not t.is_space]
        assert previous_position(doc, index) == (before[-1] if before else None)
        assert next_position(doc, index) == (after[0] if after else None)


def test_word_kinds_by_index_read_what_the_tokens_hold() -> None:
    """The statement grammar reads each word's kind from the Doc's lists by index, no Token made.

    What it reads there is each Token's text, lowercase form, space, alpha, number and title flags; a
    negative index is the word `doc[i]` gives, and a word's neighbours skip spaces as the Tokens do.
    """
    from factcheck.extract.doc import Context, next_position, previous_position, set_context
    from factcheck.extract.metric import Grammar

    lexicon = load_lexicon()
    articles = read_corpus([str(ROOT / "corpus")], lexicon).articles
    kinds: set[str] = set()
    for article in articles:
        code = article.language if article.language in ("id", "en") else "id"
        nlp = pipeline(code)
        doc = nlp.make_doc(article.text)
        context = Context(article, lexicon, lexicon.language(code), offset=0, published=article.published)
        set_context(doc, context)
        for name, component in nlp.pipeline:
            if name == "factcheck_metric":
                break
            doc = component(doc)
        grammar = Grammar(doc, context)
        assert grammar.texts == [t.text for t in doc] and grammar.lowers == [t.lower_ for t in doc]
        assert grammar.spaces == [int(t.is_space) for t in doc]
        assert grammar.alpha == [int(t.is_alpha) for t in doc] and grammar.title == [int(t.is_title) for t in doc]
        assert grammar.like_num == [int(t.like_num) for t in doc]
        n = len(doc)
        for i in range(n):
            assert grammar.kind_at(i) == grammar.kind(doc[i]) == grammar.kind_at(i - n)
            assert grammar._next_word(i) == next_position(doc, i)
            assert grammar._previous_word(i) == previous_position(doc, i)
            kinds.add(grammar.kind_at(i))
    assert {"space", "figure", "content", "verb", "link", "number", "punct", "acronym"} <= kinds


def test_long_name_pattern_built_once_finds_what_the_per_doc_pattern_found() -> None:
    """ "Badan Pusat Statistik (BPS)": the organization words are escaped and joined once per lexicon."""
    from factcheck.extract.entities import _long_name_pattern

    lexicon = load_lexicon()
    words = lexicon.organization_words
    organizations = "|".join(re.escape(w) for w in words)
    per_doc = rf"\b((?:{organizations})(?:\s+(?:[A-Z][\w-]*|dan|and|of|untuk))+)\s*\(([A-Z]{{2,10}})\)"
    pattern = _long_name_pattern(tuple(words))
    assert pattern is not None and _long_name_pattern(()) is None
    found = 0
    for article in read_corpus([str(ROOT / "corpus")], lexicon).articles:
        expected = [m.groups() for m in re.finditer(per_doc, article.text)]
        assert [m.groups() for m in pattern.finditer(article.text)] == expected
        found += len(expected)
    assert found > 0  # the corpus does name organizations with their acronyms


@pytest.mark.parametrize("code", ["id", "en"])
def test_period_word_sets_built_once_are_what_each_doc_built(code: str) -> None:
    from factcheck.extract.periods import _word_sets

    language = load_lexicon().language(code)
    words = _word_sets(language)
    assert _word_sets(language) is words  # once per language
    cues, statement = language.period_cues, language.statement
    assert words.qualifiers == set(language.qualifiers)
    assert words.own_cues == {w.lower() for w in cues.get("as_of", [])}
    assert words.speech == language.speech_verbs | set(statement.get("source_verbs", []))
    assert words.weekdays == set(language.weekdays) and words.weekdays
    assert words.day_prepositions == {w.lower() for w in cues.get("day_prepositions", [])}
    assert words.links == {w.lower() for w in statement.get("link_words", []) if " " not in w} and words.links


def test_place_phrases_by_first_word_find_what_the_phrase_matchers_find(docs: list[Doc]) -> None:
    """The gazetteer's names, their loose long forms and the breakdown and national words, as spaCy found them."""
    from spacy.matcher import PhraseMatcher

    from factcheck.extract.places import Places

    lexicon = load_lexicon()
    texts = [doc.text for doc in docs]
    texts.append("Di Jawa barat dan JAWA TIMUR, penduduk perkotaan dan perdesaan; angka nasional di Papua Tengah.")
    texts.append("Jakarta Selatan, Kota Sabang\nAceh dan Kabupaten Bandung Barat: laki-laki dan perempuan.")
    found = 0
    for language in ("id", "en"):
        nlp = pipeline(language)
        places, loose, words = Places(nlp).matchers_for(lexicon)
        exact_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        loose_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        words_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for form, name in lexicon.places.items():
            exact_matcher.add(name, [nlp.make_doc(form)])
            if len(form.split()) > 1 and form.split()[0][:1].isupper():
                loose_matcher.add(name, [nlp.make_doc(form)])
        words_matcher.add("breakdown", [nlp.make_doc(w) for w in lexicon.breakdown_words])
        words_matcher.add("national", [nlp.make_doc(w) for w in lexicon.national_words])
        for text in texts:
            doc = nlp.make_doc(text)
            for index, matcher, tokens in (
                (places, exact_matcher, texts_of(doc)),
                (loose, loose_matcher, lowers_of(doc)),
                (words, words_matcher, lowers_of(doc)),
            ):
                expected = [(nlp.vocab.strings[k], s, e) for k, s, e in matcher(doc)]
                assert index.find(tokens) == expected, (language, text[:40])
                found += len(expected)
    assert found > 100  # names and words do stand in the texts


def test_phrases_keep_shorter_first_and_drop_repeats() -> None:
    """ "Jawa" and "Jawa Barat" both match where the text says "Jawa Barat", the shorter first, as spaCy lists them."""
    from factcheck.extract.phrases import phrases

    index = phrases([(("Jawa", "Barat"), "Jawa Barat"), (("Jawa",), "Jawa"), (("Jawa",), "Jawa"), ((), "empty")])
    tokens = ["di", "Jawa", "Barat", "dan", "Jawa"]
    assert index.find(tokens) == [("Jawa", 1, 2), ("Jawa Barat", 1, 3), ("Jawa", 4, 5)]


def test_positions_found_in_c_are_the_loops_they_replace(docs: list[Doc]) -> None:
    from factcheck.extract.doc import positions_in, word_positions

    cues = {"naik", "turun", "(", "peserta", "the"}
    found = 0
    for doc in docs:
        lowers = lowers_of(doc)
        assert positions_in(lowers, cues) == [i for i, w in enumerate(lowers) if w in cues]
        assert word_positions(doc) == [t.i for t in doc if not t.is_space]
        found += len(positions_in(lowers, cues))
    assert positions_in([], cues) == [] and found > 20


def test_stems_from_one_table_are_each_word_s_stem() -> None:
    from factcheck.extract.doc import attribute_of, word_positions
    from factcheck.extract.metric import _stems
    from factcheck.stems import stem

    lexicon = load_lexicon()
    articles = read_corpus([str(ROOT / "corpus")], lexicon).articles
    for _ in range(2):  # the second pass reads every text's stem back from the table
        for article in articles:
            code = "en" if article.language == "en" else "id"
            doc = pipeline(code).make_doc(article.text + " 12,5 (BPJS) kepesertaan-aktif")
            texts, alpha, tokens = texts_of(doc), attribute_of(doc, "IS_ALPHA"), word_positions(doc)
            assert _stems(texts, tokens, alpha, code) == [stem(texts[i], code) if alpha[i] else "" for i in tokens]


def test_compounds_by_first_word_built_once_are_what_each_doc_built() -> None:
    from factcheck.extract.metric import _compounds

    for code in ("id", "en"):
        language = load_lexicon().language(code)
        per_doc: dict[str, list[tuple[str, ...]]] = {}
        for phrase in language.statement.get("compounds", []):
            per_doc.setdefault(phrase.split()[0], []).append(tuple(phrase.split()))
        assert _compounds(language) == per_doc and _compounds(language) is _compounds(language)


def test_list_opener_gate_says_what_the_pattern_finds() -> None:
    from factcheck.extract.structure import LIST_FOLLOWS, _says_list_follows

    lexicon = load_lexicon()
    sentences = [
        line for a in read_corpus([str(ROOT / "corpus")], lexicon).articles for line in re.split(r"[.\n]", a.text)
    ]
    # "ſ" (long s) and "İ" match "s" and "i" under (?i): a sentence that is not ASCII is searched whole
    sentences += ["Rinciannya SEBAGAI BERIKUT", "Data berikut ini", "as ſollows", "aſ follows", "the followİng"]
    sentences += ["Angka berikutnya", "as followed", "The Following", "ſebagai berikut", ""]
    said = [_says_list_follows(s) for s in sentences]
    assert said == [LIST_FOLLOWS.search(s) is not None for s in sentences]
    assert sum(said) >= 5


def test_numeral_starts_found_in_c_are_the_tokens_the_loop_tested(docs: list[Doc]) -> None:
    from factcheck.extract.numbers import _finder, _numeral_starts

    lexicon = load_lexicon()
    nlp = pipeline("id")
    extra = [nlp.make_doc("Naik -3,5 persen, −2 poin, .5 dan ² serta ٣ juta; dua puluh ribu, Rp. 5 miliar")]
    found = 0
    for doc in [*docs, *extra]:
        language = lexicon.language(doc.lang_ if doc.lang_ in ("id", "en") else "id")
        starts = _finder(language, tuple(sorted(lexicon.qualifier_widths.items()))).number_starts
        texts, lowers = texts_of(doc), lowers_of(doc)
        loop = [i for i, t in enumerate(texts) if t[:1].isdigit() or t[:1] in "-−." or lowers[i] in starts]
        assert _numeral_starts(texts, lowers, starts) == loop
        found += len(loop)
    assert _numeral_starts(["", "a"], ["", "a"], set()) == [0]  # an empty text, as `"" in "-−."` says
    assert found > 100


def test_capitalized_pairs_found_in_c_are_the_pairs_the_loop_read(docs: list[Doc]) -> None:
    from factcheck.extract.doc import attribute_of
    from factcheck.extract.entities import _capitalized_pairs

    found = 0
    for doc in [*docs, pipeline("id").make_doc(""), pipeline("id").make_doc("BPJS")]:
        upper, title = attribute_of(doc, "IS_UPPER"), attribute_of(doc, "IS_TITLE")
        loop = [i for i in range(len(doc) - 1) if (upper[i] or title[i]) and title[i + 1]]
        assert list(_capitalized_pairs(upper, title)) == loop
        found += len(loop)
    assert found > 50


def test_period_gate_without_words_that_hold_another_says_what_every_word_says(docs: list[Doc]) -> None:
    from factcheck.periods import _needed

    lexicon = load_lexicon()
    texts = [doc.text.casefold() for doc in docs] + ["", "maret", "bulan lalu", "pebruari", "mar"]
    sets = [["Maret", "Mar", "mar", "MARET"], ["bulan lalu", "lalu", "tahun lalu"], ["", "x"], []]
    for code in ("id", "en"):
        language = lexicon.language(code)
        sets += [list(language.months), list(language.weekdays), list(language.period_cues.get("current", []))]
    for words in sets:
        every = {w.casefold() for w in words}
        kept = _needed(words)
        assert set(kept) <= every and len(kept) == len(set(kept))
        for text in texts:
            assert any(w in text for w in kept) == any(w in text for w in every), (words[:3], text[:30])
    assert len(_needed(lexicon.language("id").months)) < len(set(lexicon.language("id").months))


def _find_by_first_word(index: Phrases, tokens: list[str]) -> list[tuple[str, int, int]]:
    """What `Phrases.find` did before its lookup by the first two tokens: every phrase of a first word in turn."""
    entries = [((first,), label) for first, labels in index.singles.items() for label in labels]
    entries += [(tuple(words), label) for found in index.by_pair.values() for words, label in found]
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, label in sorted(entries, key=lambda entry: len(entry[0])):
        by_first.setdefault(words[0], []).append((words, label))
    found = []
    for start, token in enumerate(tokens):
        for words, label in by_first.get(token, ()):
            end = start + len(words)
            if end > len(tokens):
                break
            if all(tokens[start + i] == words[i] for i in range(1, len(words))):
                found.append((label, start, end))
    return found


def test_place_phrases_by_their_first_two_words_are_those_by_their_first_word(docs: list[Doc]) -> None:
    """ "Kabupaten" starts 547 names: looked up with the word after it, the same names match, in the same order."""
    import random

    from factcheck.extract.places import Places

    lexicon = load_lexicon()
    rng = random.Random(3)
    found = 0
    for language in ("id", "en"):
        nlp = pipeline(language)
        indexes = Places(nlp).matchers_for(lexicon)
        for index, lower in zip(indexes, (False, True, True)):
            first = "kabupaten" if lower else "Kabupaten"
            names = [words for (word, _), found in index.by_pair.items() if word == first for words, _ in found]
            sample = rng.sample(sorted(index.by_pair.values()), min(40, len(index.by_pair)))
            names += [words for found in sample for words, _ in found] + [[word] for word in index.singles]
            for doc in docs:
                tokens = lowers_of(doc) if lower else texts_of(doc)
                assert index.find(tokens) == _find_by_first_word(index, tokens)
                found += len(index.find(tokens))
            for _ in range(200):  # names glued, cut short, at the very end: every branch of the lookup
                tokens = [w for _ in range(rng.randint(1, 6)) for w in rng.choice(names)[: rng.randint(1, 4)]]
                tokens.insert(rng.randint(0, len(tokens)), rng.choice(["di", "Kota", "kota", "dan"]))
                assert index.find(tokens) == _find_by_first_word(index, tokens), tokens
                found += len(index.find(tokens))
    assert found > 1000


def test_longest_first_on_bounds_keeps_what_filter_spans_keeps(docs: list[Doc]) -> None:
    """Places filter their matches as (start, end, name) and make Spans of the kept only: the same spans, labels too."""
    import random

    from spacy.util import filter_spans

    from factcheck.extract.phrases import longest_first

    rng = random.Random(5)
    doc = max(docs, key=len)
    kept = 0
    for _ in range(300):
        found = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 40)
            found.append((start, start + rng.randint(1, 4), rng.choice(["Jawa", "Jawa Barat", "Bandung"])))
        found += found[: rng.randint(0, 2)]  # the same bounds twice, as an exact and a loose match give them
        expected = [(s.start, s.end, s.label_) for s in filter_spans([Span(doc, s, e, label=n) for s, e, n in found])]
        assert longest_first(found) == expected, found
        kept += len(expected)
    assert kept > 300
