"""Metric: what a figure counts, read from how the sentence states the quantity.

Sets `figure.metric`, `metric_text`, `metric_evidence`, `noun` and
`population`. Reads the figures' modality, `doc.spans["entity"]`,
`doc.spans["place"]`, the sentences' period mentions, and the statement
grammar of the language (`statement` in rules/lexicon/<lang>.yml).

The grammar, in the order a reader weighs it:
- the noun phrase right after the figure when it says what is counted
  ("35,3 juta peserta aktif", "83.000 desa"), and the category a predicate
  gives it ("25 juta peserta aktif merupakan pekerja penerima upah (PU)");
- the subject of the figure's clause ("jumlah penduduk miskin pada Maret
  2024 mencapai 25,22 juta orang"): a classifier after the figure ("orang",
  "jiwa") defers to it, and so does a generic noun ("pekerja");
- a list's header ("Berikut daftar provinsi dengan jumlah peserta aktif ...:")
  or a table's column ("Kepesertaan Aktif");
- an anaphor ("Jumlah ini", "Angka tersebut", "jumlahnya") takes its
  antecedent's metric, and a figure with no subject at all ("Kemudian, pada
  2019 mencapai 34,17 juta") the metric of the figure before it.

A metric is a head phrase normalized with a stemmer (snowball, for
Indonesian and English) and matched against the synonyms in
rules/metrics.yml, which give labels and join spellings; a phrase no synonym
matches is a metric of its own. Status words and acronyms that narrow it
("terdaftar", "nonaktif", "JHT") are kept as qualifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language as SpacyLanguage
from spacy.tokens import Doc, Token

from ..anchors import finditer as anchored
from ..lexicon import Language, Lexicon, Metric, Segment
from ..stems import ACRONYM, stem
from .doc import (
    Context,
    Figure,
    Sentence,
    attribute_of,
    context_of,
    expanded_span,
    figures_of,
    has_word,
    in_sentence,
    lowers_of,
    positions_in,
    sentence_before,
    sentences_of,
    spaces_of,
    text_of,
    texts_of,
    word_positions,
    words_between,
)

CLAUSE_PUNCT = {",", ";", ":", "—", "–", '"', "“", "”"}
POSSESSIVE_MARKS = {"'s", "’s", "'", "’"}
MAX_PHRASE = 5
READ_CACHE = 100_000  # phrases a metric index keeps the reading of
NEGATIONS = {"bukan", "non", "not", "tidak", "belum"}
AUXILIARIES = {
    *("sudah", "telah", "masih", "baru", "sedang", "belum", "tidak", "kini", "yang"),
    *("already", "still", "now", "had", "has", "have"),
}
# what a noun phrase may be preceded by: skipped when looking for its first word
LEADING = {"measure", "link", "function", "period", "place", "entity", "dateline", "relative"}


@dataclass(frozen=True)
class Synonym:
    stems: tuple[str, ...]
    metric: Metric | None = None
    segment: Segment | None = None


class MetricIndex:
    """The lexicon's metric and segment synonyms, by the stems of their words."""

    def __init__(self, lexicon: Lexicon, language: Language) -> None:
        self.lexicon = lexicon
        self._generic_words: frozenset[str] | None = None
        self.code = language.code
        self.language = language
        by_first: dict[str, list[Synonym]] = {}

        # a phrase is read without its function words, so a synonym with one inside ("people in poverty", "dana
        # yang dikelola") is looked for without it too; one that starts or ends it ("total pekerja") stays
        compound_words = {w for phrase in language.statement.get("compounds", []) for w in phrase.split()}
        function = (language.function_words | language.stopwords) - compound_words - NEGATIONS

        def add(words: str, **what: Any) -> None:
            split = words.split()
            kept = [w for i, w in enumerate(split) if i in (0, len(split) - 1) or w.lower() not in function]
            stems = tuple(stem(w, self.code) for w in kept)
            if stems:
                by_first.setdefault(stems[0], []).append(Synonym(stems, **what))

        synonyms = [s for m in lexicon.metrics for s in m.synonyms] + [s for g in lexicon.segments for s in g.synonyms]
        self.words = {w for synonym in synonyms for w in synonym.lower().split()}
        for metric in lexicon.metrics:
            for synonym in metric.synonyms:
                add(synonym, metric=metric)
        for segment in lexicon.segments:
            for synonym in segment.synonyms:
                add(synonym, segment=segment)
        for entries in by_first.values():
            entries.sort(key=lambda s: -len(s.stems))
        self.by_first = by_first
        self.status = set(language.statement.get("status_words", [])) | set(lexicon.metric_modifiers)
        noise = set(lexicon.metric_noise) | set(lexicon.breakdown_words)  # a breakdown is scope, not metric
        self.noise = {stem(w, self.code) for w in noise} | noise
        # a compound's words are content ("lalu lintas"), though one alone is a function word
        compound_words = {w for phrase in language.statement.get("compounds", []) for w in phrase.split()}
        self.function = (language.function_words | language.stopwords) - compound_words
        self.generic = {s for m in lexicon.metrics if m.generic for s in m.synonyms}
        self.rate_of = {m.as_percent: m.id for m in lexicon.metrics if m.as_percent}
        self.segment_ids = frozenset(s.id for s in lexicon.segments)  # asked per figure: built once here
        # read() is a pure function of its arguments, asked of the same phrases for many figures
        self._read: dict[tuple[tuple[str, ...], str, bool], tuple[str, str]] = {}

    def read(self, words: list[str], unit: str = "", anywhere: bool = False) -> tuple[str, str]:
        """(metric, what matched) for a phrase (see `_read_phrase`), kept for the phrases already read."""
        key = (tuple(words), unit, anywhere)
        found = self._read.get(key)
        if found is None:
            if len(self._read) >= READ_CACHE:
                self._read.clear()  # a bound on memory over a long run; the phrases of one article come back
            found = self._read[key] = self._read_phrase(words, unit, anywhere)
        return found

    def _read_phrase(self, words: list[str], unit: str = "", anywhere: bool = False) -> tuple[str, str]:
        """(metric, what matched) for a phrase: a lexicon id with its qualifiers, else the phrase itself.

        A generic word ("pekerja", "orang") names the metric only at the head
        of the phrase; a segment ("PU", "jasa konstruksi") is a qualifier, or
        the metric it counts when nothing else is named; the words that follow
        a metric's own words inside the phrase narrow it, unless they are
        noise ("program", "jaminan sosial").
        """
        words = [w for w in _join_negations(words) if w.lower() not in self.function or w.lower() in NEGATIONS]
        if not words:
            return "", ""
        stems = [stem(w, self.code) for w in words]
        metrics: list[tuple[int, Synonym]] = []
        segments: list[tuple[int, Synonym]] = []
        taken: set[int] = set()
        for position, first in enumerate(stems):
            if position in taken:
                continue
            for synonym in self.by_first.get(first, []):
                size = len(synonym.stems)
                if tuple(stems[position : position + size]) != synonym.stems:
                    continue
                if synonym.metric is not None and synonym.metric.generic and position > 0:
                    continue  # "anak pekerja" counts children, not workers
                (metrics if synonym.metric is not None else segments).append((position, synonym))
                taken.update(range(position, position + size))
                break
        consumed = {p + i for p, s in metrics + segments for i in range(len(s.stems))}
        qualifiers = [segment.segment.id for _, segment in segments if segment.segment is not None]
        head_last = (
            # English puts the head last: "benchmark BI-Rate" is the policy rate when nothing before it narrows it
            # ("rice exports", "youth unemployment rate" are narrower metrics and stay phrases)
            self.code == "en"
            and len(words) - 1 in consumed
            and all(i in consumed or stems[i] in self.noise or w.lower() in self.noise for i, w in enumerate(words))
        )
        if metrics and not anywhere and 0 not in consumed and not head_last and words[0].lower() not in self.status:
            # "23 provinsi memiliki prevalensi stunting": the head counts provinces; what follows describes them
            phrase = [w.lower() for w in words[:MAX_PHRASE] if stem(w, self.code) not in self.noise]
            return " ".join(phrase), ""
        if metrics:
            position, best = max(
                metrics,
                key=lambda m: (0 if m[1].metric.generic else m[1].metric.specificity, len(m[1].stems), -m[0]),  # type: ignore[union-attr]
            )
            metric = best.metric
            assert metric is not None
            if metric.generic and qualifiers:
                return self._segment_alone(segments, words)
            if metric.generic and not anywhere:
                rest = [w.lower() for w in words[position + len(best.stems) :] if stem(w, self.code) not in self.noise]
                if rest:
                    # "pekerja penuh waktu", "anak pekerja": the words around the generic noun make the metric
                    return " ".join([w.lower() for w in words[: position + len(best.stems)]] + rest)[:80].strip(), ""
            base = metric.id
            if unit in ("percent", "pp", "bp") and metric.as_percent:
                base = metric.as_percent  # "persentase penduduk miskin": a rate, not the count
            elif unit == "count" and metric.id in self.rate_of:
                base = self.rate_of[metric.id]  # "tingkat kemiskinan ekstrem mencapai 2,38 juta orang": the count
            end = position + len(best.stems)
            for index in range(end, min(len(words), end + 2)):
                if index in consumed:
                    continue
                lower = words[index].lower()
                if stems[index] in self.noise or lower in self.noise:
                    break
                if self._generic_word(lower):
                    break  # "jobless Indonesians", "poor people": the people the metric counts, not a narrower one
                if lower in self.status or ACRONYM.match(words[index]) or metric.broad or not metric.generic:
                    qualifiers.append(lower)
            for index, word in enumerate(words[:position]):
                # "total loans" are the loans: a status word that is noise ("total") narrows nothing
                if index not in consumed and word.lower() in self.status and stems[index] not in self.noise:
                    qualifiers.append(word.lower())
            owners = {s.segment.of for _, s in segments if s.segment is not None and s.segment.of}
            # "bukan penerima upah" spelled out, not a bare code ("BPU", "Jakon") a list may have put there
            spelled = any(len(syn.stems) > 1 for _, syn in segments)
            if len(owners) == 1 and spelled and not any(q in self.status for q in qualifiers):
                owner = owners.pop()
                if owner.startswith(f"{base}-"):
                    base = owner  # "peserta bukan penerima upah" counts what the segment is a segment of
            text = " ".join(words[position:end])
            return " ".join([base, *dict.fromkeys(qualifiers)]), text
        ownerless = all(s.segment is not None and not s.segment.of for _, s in segments)
        after = range(max(consumed, default=-1) + 1, len(words))
        if segments and not (ownerless and any(stems[i] not in self.noise for i in after)):
            # "JHT", "pekerja informal": the segment is what is counted; "core capital ratio" is no count of "core"
            return self._segment_alone(segments, words)
        phrase = [w.lower() for w in words[:MAX_PHRASE] if stem(w, self.code) not in self.noise]
        return " ".join(phrase), ""

    def _generic_word(self, word: str) -> bool:
        """A generic unit noun as the lexicon spells it ("people", "orang"; not "kerja", which stems like "pekerja")."""
        if self._generic_words is None:
            self._generic_words = frozenset(
                synonym.lower() for metric in self.lexicon.metrics if metric.generic for synonym in metric.synonyms
            )
        return word in self._generic_words

    @staticmethod
    def _segment_alone(segments: list[tuple[int, Synonym]], words: list[str]) -> tuple[str, str]:
        ids = [s.segment.id for _, s in segments if s.segment is not None]
        base = next((s.segment.of for _, s in segments if s.segment is not None and s.segment.of), "")
        position, first = segments[0]
        text = " ".join(words[position : position + len(first.stems)])
        return " ".join([base, *dict.fromkeys(ids)]).strip(), text


_indexes: dict[tuple[int, int], MetricIndex] = {}


def metric_index(lexicon: Lexicon, language: Language) -> MetricIndex:
    key = (id(lexicon), id(language))
    if key not in _indexes:
        _indexes[key] = MetricIndex(lexicon, language)
    return _indexes[key]


def normalize_metric(phrase: str, lexicon: Lexicon, language: Language, unit: str = "") -> str:
    """The metric a phrase names, as the extractor would name it ("kepesertaan aktif" -> "peserta-aktif")."""
    metric, _ = metric_index(lexicon, language).read(phrase.split(), unit)
    return metric


def _join_negations(words: list[str]) -> list[str]:
    """ "non aktif" and "non-aktif" are "nonaktif"."""
    joined: list[str] = []
    skip = False
    for index, word in enumerate(words):
        if skip:
            skip = False
            continue
        lower = word.lower()
        if lower == "non" and index + 1 < len(words):
            joined.append("non" + words[index + 1].lower())
            skip = True
        elif lower.startswith("non-"):
            joined.append("non" + lower[4:])
        else:
            joined.append(word)
    return joined


@SpacyLanguage.factory("factcheck_metric")
def make_metric(nlp: SpacyLanguage, name: str) -> Any:
    return read_metrics


@dataclass
class WordClasses:
    """The statement grammar's word classes of one language and lexicon: built once, not once per Doc."""

    link: set[str]
    measure: set[str]
    classifiers: set[str]
    units: set[str]  # of measure: the noun after one is what it measures
    passive_prefixes: tuple[str, ...]
    passive_auxiliaries: set[str]
    measured_links: set[str]
    source: set[str]
    openers: set[str]
    predicate: set[str]
    remainder: set[str]
    relative: set[str]
    status: set[str]
    verb_endings: tuple[str, ...]
    not_verb_endings: tuple[str, ...]
    not_verbs: set[str]
    verbs: set[str]
    function: set[str]
    cue_words: set[str]
    metric_openers: set[tuple[str, str]]  # the first two words of the lexicon's metric names of several words
    comparison: set[str]
    months: set[str]
    qualifiers: set[str]
    scope_heads: set[str]
    discourse: dict[str, list[tuple[str, ...]]]  # first word -> the discourse phrases it starts
    prepositions: set[str]
    recipients: set[str]
    recipient_word: str
    role_words: set[str]
    value_words: set[str]
    capacity_words: set[str]
    locative: set[str]
    parts_cues: set[str]
    lexicon: Lexicon  # kept so that the cache key (its id) is never reused


_classes: dict[tuple[int, int], WordClasses] = {}


def word_classes(lexicon: Lexicon, language: Language) -> WordClasses:
    key = (id(lexicon), id(language))
    if key not in _classes:
        statement = language.statement
        cues = language.modality_cues
        discourse: dict[str, list[tuple[str, ...]]] = {}
        # a qualifier of several words ("at least", "lebih dari") is read as one function word, like a
        # discourse phrase: "least" alone is no subject
        qualifier_phrases = [w for w in language.qualifiers if " " in w]
        for phrase in [*statement.get("discourse", []), *qualifier_phrases]:
            words = tuple(phrase.split())
            if words not in discourse.get(words[0], []):
                discourse.setdefault(words[0], []).append(words)
        _classes[key] = WordClasses(
            link=set(statement.get("link_words", [])),
            measure=set(statement.get("measure_words", [])),
            classifiers=set(statement.get("classifiers", [])),
            units=set(statement.get("measure_units", [])),
            passive_prefixes=tuple(statement.get("passive_prefixes", [])),
            passive_auxiliaries=set(statement.get("passive_auxiliaries", [])),
            measured_links=set(statement.get("measured_links", [])),
            source=set(statement.get("source_verbs", [])) | language.speech_verbs,
            openers=set(statement.get("clause_openers", [])) | set(language.strong_breaks),
            predicate=set(statement.get("predicate_links", [])),
            remainder=set(statement.get("remainder_words", [])),
            relative=set(statement.get("relative_markers", [])),
            status=set(statement.get("status_words", [])),
            verb_endings=tuple(statement.get("verb_endings", [])),
            not_verb_endings=tuple(statement.get("not_verb_endings", [])),
            not_verbs=set(statement.get("not_verbs", [])),
            verbs=set(statement.get("verbs", [])),
            function=language.function_words | language.stopwords,
            cue_words={
                w
                for k in ("rise", "fall", "target_verbs", "projection", "comparison")
                for w in cues.get(k, [])
                if " " not in w
            },
            metric_openers={
                (parts[0], parts[1])
                for metric in lexicon.metrics
                for synonym in metric.synonyms
                if len(parts := synonym.split()) >= 2
            },
            # "from" alone is a change's base word ("Exports fell from US$24 billion"), the subject still before it
            comparison={w for w in cues.get("comparison", []) if " " not in w and w not in cues.get("baseline", [])}
            | {"dengan"},
            months=set(language.months) | set(language.weekdays) | set(language.extremes),
            qualifiers={w for w in language.qualifiers if " " not in w},
            scope_heads={w.lower() for phrase in lexicon.scope_words for w in phrase.split()},
            discourse=discourse,
            prepositions=set(statement.get("prepositions", [])),
            recipients=set(statement.get("recipient_prepositions", [])),
            recipient_word=(statement.get("recipient_word") or ["penerima"])[0],
            role_words=set(statement.get("role_words", [])),
            value_words=set(statement.get("value_words", [])),
            capacity_words={w.lower() for w in statement.get("capacity_words", [])},
            locative=set(statement.get("locative_prepositions", [])),
            parts_cues=set(language.modality_cues.get("parts_total", [])),
            lexicon=lexicon,
        )
    return _classes[key]


@lru_cache(maxsize=16)
def _compounds(language: Language) -> dict[str, list[tuple[str, ...]]]:
    """The language's compound nouns by their first word, built once per language rather than per Doc."""
    compounds: dict[str, list[tuple[str, ...]]] = {}
    for phrase in language.statement.get("compounds", []):
        words = tuple(phrase.split())
        compounds.setdefault(words[0], []).append(words)
    return compounds


_STEMS: dict[str, dict[str, str]] = {}  # language code -> token text -> its stem, "" when not alphabetic
_MAX_STEMS = 200_000  # texts remembered per language (numbers vary without end)


def _stems(texts: list[str], tokens: list[int], alpha: list[int], code: str) -> list[str]:
    """`[stem(texts[i], code) if alpha[i] else "" for i in tokens]`, each text's looked up in one table.

    A token's alphabetic flag is its lexeme's, a function of its text, so text -> stem-or-"" is too; the
    lookups run in C (`map`) and only texts not seen before go through `stem`.
    """
    known = _STEMS.get(code)
    if known is None or len(known) >= _MAX_STEMS:
        known = _STEMS[code] = {}
    words = list(map(texts.__getitem__, tokens))
    stems: list[str | None] = list(map(known.get, words))
    if None in stems:
        for position, found in enumerate(stems):
            if found is None:
                i = tokens[position]
                stems[position] = known[texts[i]] = stem(texts[i], code) if alpha[i] else ""
    return stems  # type: ignore[return-value]  # no None is left


class Grammar:
    """Word classes for reading noun phrases around a figure."""

    def __init__(self, doc: Doc, context: Context) -> None:
        self.doc = doc
        language = context.language
        self.language = language
        classes = word_classes(context.lexicon, language)
        self.link = classes.link
        self.measure = classes.measure
        self.classifiers = classes.classifiers
        self.units = classes.units
        self.passive_prefixes = classes.passive_prefixes
        self.passive_auxiliaries = classes.passive_auxiliaries
        self.measured_links = classes.measured_links
        self.source = classes.source
        self.openers = classes.openers
        self.predicate = classes.predicate
        self.remainder = classes.remainder
        self.relative = classes.relative
        self.status = classes.status
        self.verb_endings = classes.verb_endings
        self.not_verb_endings = classes.not_verb_endings
        self.not_verbs = classes.not_verbs
        self.verbs = classes.verbs
        # a word the lexicon's metric names use is no verb, whatever its ending ("unemployed", "insured")
        self.metric_words = metric_index(context.lexicon, language).words
        self.metric_openers = classes.metric_openers
        self.function = classes.function
        self.cue_words = classes.cue_words
        self.comparison = classes.comparison
        self.months = classes.months
        self.qualifiers = classes.qualifiers
        self.texts = texts_of(doc)
        self.lowers = lowers = lowers_of(doc)
        self.spaces = spaces_of(doc)
        self.alpha, self.like_num = attribute_of(doc, "IS_ALPHA"), attribute_of(doc, "LIKE_NUM")
        self.title = attribute_of(doc, "IS_TITLE")
        self._kinds: dict[int, str] = {}  # token index -> kind, once `blocked` is complete
        self.blocked: dict[int, str] = {}
        for name, kind in (("entity", "entity"), ("place", "place"), ("national", "place"), ("breakdown", "place")):
            for span in doc.spans.get(name, []):
                for i in range(span.start, span.end):
                    self.blocked.setdefault(i, kind)
        scope_heads = classes.scope_heads
        for span in doc.spans.get("place", []):
            # "kantor cabang Bandung", "the Bandung branch": the office words belong to the scope
            position = span.start - 1
            while position >= max(0, span.start - 3) and lowers[position] in scope_heads:
                self.blocked.setdefault(position, "place")
                position -= 1
            if span.end < len(doc) and lowers[span.end] in scope_heads:
                self.blocked.setdefault(span.end, "place")
        by_first = classes.discourse
        for position in positions_in(lowers, by_first):  # the few tokens that start a phrase
            for words in by_first[lowers[position]]:
                if tuple(lowers[position : position + len(words)]) == words:
                    for i in range(position, position + len(words)):
                        self.blocked.setdefault(i, "function")
        offset = context.offset
        basis = _basis_pattern(language)
        if basis is not None:
            # "inflasi y-on-y", "deflasi m-to-m": a rate's basis is read apart (_qualify_basis), never a metric word
            for found in anchored(basis, text_of(doc)):  # tried only where a basis word begins
                bounds = expanded_span(doc, found.start(), found.end())
                if bounds is not None and bounds[1] - bounds[0] > 1:
                    for i in range(*bounds):
                        self.blocked.setdefault(i, "function")
        for sentence in sentences_of(doc):
            for mention in sentence.periods:
                bounds = expanded_span(doc, mention.start - offset, mention.end - offset)
                if bounds is not None:
                    for i in range(*bounds):
                        self.blocked.setdefault(i, "period")
        for figure in figures_of(doc):
            if _inside_a_date(figure):
                continue  # the "31" of "31 Desember 2024" is part of its date
            for i in range(figure.start, figure.end):
                self.blocked[i] = "figure"
        for sentence in sentences_of(doc):
            for i in range(sentence.start, max(sentence.start, sentence.body_start)):
                self.blocked[i] = "dateline"
        self._names(doc, context)
        self._spelled_out(doc)
        self.inner = {"bukan", "non", "not", "non-"}
        self.prepositions = classes.prepositions
        self.recipients = classes.recipients
        self.recipient_word = classes.recipient_word
        self.role_words = classes.role_words
        self.value_words = classes.value_words
        self.capacity_words = classes.capacity_words
        self.locative = classes.locative
        self.parts_cues = classes.parts_cues
        self.index: MetricIndex
        self._named_phrases(doc, context)

    def _named_phrases(self, doc: Doc, context: Context) -> None:
        """ "korban meninggal dunia", "kecelakaan lalu lintas": one noun phrase, whatever its words look like.

        A metric's own words are one though one looks like a verb; so are the
        language's compound nouns, though one alone is a function word.
        """
        index = metric_index(context.lexicon, context.language)
        code = context.language.code
        # the words (non-space tokens) by their token index, texts and flags from the Doc's lists
        texts, all_lowers, alpha = self.texts, self.lowers, attribute_of(doc, "IS_ALPHA")
        tokens = word_positions(doc)
        lowers = list(map(all_lowers.__getitem__, tokens))
        compounds = _compounds(context.language)
        for position in positions_in(lowers, compounds):
            for words in compounds[lowers[position]]:
                span = tokens[position : position + len(words)]
                if tuple(lowers[position : position + len(words)]) == words and not any(
                    i in self.blocked for i in span
                ):
                    for i in span:
                        self.blocked[i] = "content"
        stems = _stems(texts, tokens, alpha, code)
        closed = self.function | self.role_words
        for position in positions_in(stems, index.by_first):
            for synonym in index.by_first[stems[position]]:
                size = len(synonym.stems)
                if size < 2 or tuple(stems[position : position + size]) != synonym.stems:
                    continue
                span = tokens[position : position + size]
                if any(i in self.blocked or all_lowers[i] in closed for i in span) or not any(
                    self._verb(all_lowers[i]) for i in span
                ):
                    continue  # "terdaftar sebagai peserta" is a relative clause's, read as one
                for i in span:
                    self.blocked[i] = "content"
                break

    def _spelled_out(self, doc: Doc) -> None:
        """ "demam berdarah dengue (DBD)": the words an acronym in brackets spells are one noun phrase.

        Otherwise a word that looks like a verb ("berdarah") would end the phrase before its acronym.
        """
        texts = self.texts
        for position in positions_in(texts, ("(",)):  # the few brackets, found in C
            if position + 2 >= len(texts) or texts[position + 2] != ")":
                continue
            token = doc[position]
            acronym = doc[token.i + 1].text
            if not (ACRONYM.match(acronym) and 2 <= len(acronym) <= 6 or _syllabic(acronym)):
                continue
            before = [t for t in doc[max(0, token.i - 12) : token.i] if not t.is_space][-MAX_PHRASE:]
            run: list[Token] = []
            for t in reversed(before):
                if not t.is_alpha or t.i in self.blocked:
                    break
                run.insert(0, t)
            spelled = _abbreviated(acronym, [t.text for t in run])
            for t in run[len(run) - spelled :] if spelled else []:
                self.blocked[t.i] = "content"

    def _names(self, doc: Doc, context: Context) -> None:
        """A run of capitalized words inside a sentence is a name ("Kalimatan Selatan", "Gerakan SERTAKAN").

        Unless it spells a metric or segment the lexicon knows ("Garis Kemiskinan", "Tingkat Pengangguran Terbuka").
        """
        index = metric_index(context.lexicon, context.language)
        title, alpha = attribute_of(doc, "IS_TITLE"), attribute_of(doc, "IS_ALPHA")
        for sentence in sentences_of(doc):
            if sentence.kind == "title":
                continue  # a headline capitalizes every word
            start = max(sentence.start, sentence.body_start)
            position = start
            while position < sentence.end:
                if title[position] and alpha[position] and position > start and position not in self.blocked:
                    run_end = position
                    while run_end < sentence.end and title[run_end] and alpha[run_end] and run_end not in self.blocked:
                        run_end += 1
                    words = self.texts[position:run_end]
                    metric, _ = index.read(words, anywhere=True)
                    if self._acronym_follows(position, run_end):
                        position = run_end  # "Indeks Harga Saham Gabungan (IHSG)": what the acronym names
                        continue
                    if (
                        not metric
                        or index.lexicon.metric(metric.split()[0]) is None
                        and not any(s.id == metric.split()[0] for s in index.lexicon.segments)
                    ):
                        for i in range(position, run_end):
                            self.blocked[i] = "place"  # a name: skipped like a place
                    position = run_end
                    continue
                position += 1

    def kind(self, token: Token) -> str:
        return self.kind_at(token.i)

    def words_in(self, start: int, end: int) -> list[int]:
        """The positions of the words (non-space tokens) of `doc[start:end]`, its bounds read as spaCy reads them."""
        spaces = self.spaces
        return [i for i in range(*slice(start, end).indices(len(spaces))) if not spaces[i]]

    def kind_at(self, i: int) -> str:
        """`kind(doc[i])` without making the Token: the word's kind from the Doc's lists."""
        known = self._kinds.get(i)
        if known is None:
            if i < 0:
                i += len(self.texts)  # as `doc[i]` reads a negative index
                known = self._kinds.get(i)
            if known is None:
                known = self._kinds[i] = self._kind(i)  # `blocked` no longer changes once read
        return known

    def _kind(self, i: int) -> str:
        if self.spaces[i]:
            return "space"
        blocked = self.blocked.get(i)
        if blocked:
            return blocked
        text = self.texts[i]
        lower = self.lowers[i]
        if text in CLAUSE_PUNCT or text in ("(", ")", "[", "]", "."):
            return "punct"
        if lower in self.status:
            following = self._next_word(i)
            if following is not None and self.blocked.get(following) == "figure" and lower in self.link:
                # "baru Rp 1,2 triliun": before a figure the word means "only", not "new"; "laba bersih Rp 4,6
                # triliun" is still the net profit
                return "link"
            return "status"
        if lower in self.link or lower in self.qualifiers:
            return "link"
        if lower in self.measure:
            return "measure"
        if lower in self.source:
            return "source"
        if lower in self.openers:
            return "opener"
        if lower in self.relative:
            return "relative"
        if lower in self.classifiers:
            return "classifier"
        if lower in self.cue_words and self._opens_a_metric(i):
            return "content"  # "defisit APBN", "surplus neraca perdagangan": the cue word names the metric
        if lower in self.function or lower in self.months or lower in self.cue_words:
            return "function"
        if self.like_num[i] or any(map(str.isdigit, text)):
            return "number"
        if ACRONYM.match(text):
            return "acronym"
        if not (self.alpha[i] or re.fullmatch(r"[A-Za-z]+(?:-[A-Za-z]+)+", text)):
            return "other"
        if self._verb(lower) or self._present_verb(i):
            return "verb"
        return "content"

    def _present_verb(self, i: int) -> bool:
        """English "Each household receives 10 kilograms": a word in -s right before a figure, after a noun.

        English puts a verb between a noun phrase and its figure ("exports rose to"), so a plural noun is
        never followed by the figure itself; the -s word there is the verb.
        """
        lower = self.lowers[i]
        if self.language.code != "en" or not lower.endswith("s") or lower.endswith("ss"):
            return False
        following = self._next_word(i)
        if following is None or self.blocked.get(following) != "figure":
            return False
        before = self._previous_word(i)
        if before is None or not self.alpha[before] or self.blocked.get(before) is not None:
            return False
        home = next((s for s in sentences_of(self.doc) if s.start <= i < s.end), None)
        return home is not None and home.kind != "title"  # a headline drops its verbs: "Rice Exports 3 Million Tonnes"

    def _previous_word(self, position: int) -> int | None:
        previous = position - 1
        spaces = self.spaces
        while previous >= 0 and spaces[previous]:
            previous -= 1
        return previous if previous >= 0 else None

    def _opens_a_metric(self, i: int) -> bool:
        following = self._next_word(i)
        if following is None:
            return False
        return (self.lowers[i], self.lowers[following]) in self.metric_openers

    def _next_word(self, position: int) -> int | None:
        following = position + 1
        spaces = self.spaces
        while following < len(spaces) and spaces[following]:
            following += 1
        return following if following < len(spaces) else None

    def _verb(self, lower: str) -> bool:
        """me-/ber-/di-/ter- derivations are verbs ("mencatat", "bertambah", "dibayarkan", "terjadi").

        A ter- word may still modify a noun inside a phrase ("pekerja terkena
        PHK", "tingkat pengangguran terbuka"); `phrase` lets it in there.
        """
        if self.language.code != "id":
            return lower in self.verbs or (
                lower not in self.metric_words
                and len(lower) >= 5
                and lower.endswith(self.verb_endings or ("\0",))
                and not lower.endswith(self.not_verb_endings or ("\0",))
                and lower not in self.not_verbs
            )
        if len(lower) < 5:
            return False
        if lower.startswith("me") and lower[2] not in "lrwymn":
            return False  # me- takes a nasal before other sounds ("mendukung"): "medium", "meter", "mesin" are nouns
        if lower.startswith(("meng", "meny", "mem", "men", "me", "ber", "di", "diper", "memper", "ter")):
            return stem(lower, "id") != lower
        return False

    def passive(self, verb: Token, before: Token | None) -> bool:
        """ "dijual", "terjual"; "was sold": a verb whose subject is what it acts on."""
        lower = verb.lower_
        if any(lower.startswith(prefix) for prefix in self.passive_prefixes):
            return True
        return before is not None and before.lower_ in self.passive_auxiliaries

    def _modifies(self, words: list[str], position: int, stop: int) -> bool:
        """Whether a verb form inside a noun phrase modifies it ("pekerja terkena PHK", "confirmed cases")."""
        if self.language.code == "id":
            return bool(words) and self.lowers[position].startswith("ter")
        following = self._next_word(position)
        return (
            following is not None
            and following < stop
            and self.kind_at(following) in ("content", "status", "acronym", "classifier")
        )

    def phrase(self, start: int, stop: int) -> tuple[list[str], int]:
        """The noun phrase that starts at or after `start` (leading measure words skipped); where it ended."""
        texts, lowers = self.texts, self.lowers
        words: list[str] = []
        skipped_measure: list[str] = []
        position = start
        while position < stop:
            text, lower = texts[position], lowers[position]
            kind = self.kind_at(position)
            if kind == "space":
                position += 1
                continue
            if not words and kind == "measure":
                skipped_measure.append(text)
            if (
                not words
                and lower in self.inner
                and position + 1 < stop
                and self.kind_at(position + 1) in ("content", "acronym")
            ):
                words.append(text)  # "Bukan angkatan kerja", "bukan penerima upah (BPU)"
                position += 1
                continue
            if not words and kind in LEADING:
                position += 1
                continue
            if not words and kind == "punct" and text in ("(", ")", ","):
                position += 1
                continue
            if (
                not words
                and kind == "classifier"
                and position + 1 < stop
                and self.kind_at(position + 1) in ("content", "verb", "status")
            ):
                words += [text, texts[position + 1]]  # "orang menganggur", "Orang Miskin Baru"
                position += 2
                continue
            if not words and kind == "classifier" and position + 1 < stop and self.kind_at(position + 1) == "relative":
                words.append(text)  # "people who live in poverty": the clause narrows the classifier
                position += 1
                continue
            if (
                words
                and lower in self.inner
                and position + 1 < stop
                and self.kind_at(position + 1) in ("content", "acronym")
            ):
                words.append(text)  # "bukan penerima upah", "bukan angkatan kerja"
                position += 1
                continue
            if kind in ("content", "acronym", "status") or kind == "verb" and self._modifies(words, position, stop):
                words.append(text)
                position += 1
            elif (
                words
                and kind == "measure"
                and position + 1 < stop
                and self.kind_at(position + 1) in ("content", "acronym")
            ):
                position += 1  # "Harga rata-rata beras medium": the measure inside the phrase, as before it
            elif words and lower in POSSESSIVE_MARKS:
                words = []  # "the bank's non-performing loan ratio": the owner, then what it counts
                position += 1
            elif words and kind == "measure" and self._measure_of_follows(position, stop):
                # "the cumulative number of arrivals": what is counted follows "of"; the words before the
                # measure say how it is counted, and stay as its qualifiers
                link = self._next_word(position)
                assert link is not None  # `_measure_of_follows` saw it
                rest, end = self.phrase(link + 1, stop)
                # "the cumulative number of arrivals": a measure after "of" leaves the phrase headless, and
                # what it counts is named before
                words, position = ([*rest, *words], end) if rest else ([], end)
                break
            elif kind == "relative" and words:
                tail, position = self._relative_clause(position + 1, stop)
                words += tail
                break
            elif (
                words
                and lower in ("dan", "and", "&")
                and position + 1 < stop
                and self.kind_at(position + 1) == "acronym"
            ):
                words.append(texts[position + 1])
                position += 2
            elif (
                words
                and text == "("
                and position + 2 < stop
                and (self.kind_at(position + 1) == "acronym" or _syllabic(texts[position + 1]))
                and texts[position + 2] == ")"
            ):
                acronym = texts[position + 1]
                if self.kind_at(position + 1) != "acronym" and not self._acronym_of(words, acronym):
                    break  # a word in brackets that abbreviates nothing before it
                if self._acronym_of(words, acronym):
                    # "kasus demam berdarah dengue (DBD)", "kunjungan wisatawan mancanegara (wisman)": the
                    # acronym names what the words before it spell out, and is what other articles write
                    words = words[: -_abbreviated(acronym, words)]
                words.append(acronym)
                position += 3
            elif (
                words
                and kind == "measure"
                and hasattr(self, "index")
                and not self._names_known(words)
                and self._names_known([*words, text])
            ):
                words.append(text)  # "international arrivals": the measure completes a metric's name
                position += 1
            elif words and kind == "place":
                position += 1  # "penduduk Indonesia yang bekerja": the place is scope, the phrase goes on
            elif words and kind == "classifier" and self._classifier_names_it(words, text):
                words.append(text)  # "poor people": the classifier completes a metric's name
                position += 1
            else:
                break
            if len(words) >= MAX_PHRASE and not self._spelled_next(words, position, stop):
                break
        if words and hasattr(self, "index") and not self._names_known(words):
            words, position = self._of_complement(words, position, stop)
        if words and hasattr(self, "index") and not self._names_known(words):
            words, position = self._through_a_clause(words, position, stop)
        if words and skipped_measure and hasattr(self, "index"):
            # "jumlah pekerja" is a metric of its own (a population), though "jumlah" alone only counts
            with_measure, _ = self.index.read([skipped_measure[-1], *words])
            without, _ = self.index.read(words)
            known = self.index.lexicon.metric(with_measure.split()[0]) if with_measure else None
            plain = self.index.lexicon.metric(without.split()[0]) if without else None
            if known is not None and not known.generic and (plain is None or plain.generic):
                words = [skipped_measure[-1], *words]
        return words, position

    def _measure_of_follows(self, position: int, stop: int) -> bool:
        """A measure word, then its measured link ("number of"), then a content word."""
        link = self._next_word(position)
        if link is None or link >= stop or self.lowers[link] not in self.measured_links:
            return False
        noun = self._next_word(link)
        return noun is not None and noun < stop and self.kind_at(noun) in ("content", "acronym", "classifier", "status")

    def _of_complement(self, words: list[str], position: int, stop: int) -> tuple[list[str], int]:
        """ "the price of medium rice": a head the lexicon does not know is narrowed by what follows "of".

        Read alone, "price" would be the price of anything, and two prices of two goods would meet.
        """
        if position >= stop or self.lowers[position] not in self.measured_links:
            return words, position
        noun = self._next_word(position)
        if noun is None or noun >= stop or self.kind_at(noun) not in ("content", "acronym", "status"):
            return words, position
        tail, end = self.phrase(noun, stop)
        if not tail:
            return words, position
        if self._names_known([*tail, *words]):
            return [*tail, *words], end  # "the rate of unemployment" is the unemployment rate
        return [*words, *tail], end

    def _names_known(self, words: list[str]) -> bool:
        read, _ = self.index.read(words)
        known = self.index.lexicon.metric(read.split()[0]) if read else None
        return known is not None and not known.generic

    def _through_a_clause(self, words: list[str], position: int, stop: int) -> tuple[list[str], int]:
        """ "people living in poverty", "people who live in poverty": the noun with what the clause puts it in.

        Taken only when together they name a metric the lexicon knows and the noun alone does not, so a
        clause that only places or times the noun ("penduduk yang tinggal di Jambi") changes nothing.
        """
        doc = self.doc
        at = self._next_word(position - 1) if position > 0 else None
        if at is not None and at < stop and self.kind_at(at) == "relative":
            at = self._next_word(at)
        verb = at is not None and at < stop and self.kind_at(at) in ("verb", "content")
        participle = words[-1] if len(words) > 1 else ""
        if verb and at is not None:
            participle, at = doc[at].text, self._next_word(at)
        if not participle or at is None or at >= stop or doc[at].lower_ not in self.prepositions:
            return words, position
        tail, end = self.phrase(at + 1, stop) if at + 1 < stop else ([], at)
        if not tail:
            return words, position
        head = words if verb else words[:-1]
        if not head or not self._names_known([*head, *tail]):
            return words, position
        return [*head, *tail], end

    def _spelled_next(self, words: list[str], position: int, stop: int) -> bool:
        """ "penyaluran Fasilitas Likuiditas Pembiayaan Perumahan (FLPP)": a long name's acronym ends the phrase."""
        texts = self.texts
        if position + 2 >= stop or texts[position] != "(" or texts[position + 2] != ")":
            return False
        # spelling all but the head word: a shorter acronym is a segment's ("peserta aktif kategori penerima upah
        # (PU)"), which the words already name
        return bool(ACRONYM.match(texts[position + 1])) and _abbreviated(texts[position + 1], words) >= len(words) - 1

    def _acronym_follows(self, start: int, end: int) -> bool:
        """Whether "(ACRONYM)" right after the words spells them, with the word before them at most."""
        texts = self.texts
        if end + 2 >= len(texts) or texts[end] != "(" or texts[end + 2] != ")" or not ACRONYM.match(texts[end + 1]):
            return False
        return _abbreviated(texts[end + 1], texts[max(0, start - 1) : end]) >= end - start

    def _acronym_of(self, words: list[str], acronym: str) -> bool:
        """Whether the acronym spells the words before it, which name nothing the lexicon knows."""
        count = _abbreviated(acronym, words)
        if not count:
            return False
        spelled = words[-count:]
        if not hasattr(self, "index"):
            return False
        read, _ = self.index.read(spelled)
        lexicon = self.index.lexicon
        segments = {segment.id for segment in lexicon.segments}
        return lexicon.metric((read.split() or [""])[0]) is None and not set(read.split()) & segments

    def _classifier_names_it(self, words: list[str], classifier: str) -> bool:
        """Whether "poor" + "people" names a known metric that "poor" alone does not."""
        if not hasattr(self, "index"):
            return False
        lexicon = self.index.lexicon
        with_it, _ = self.index.read([*words, classifier])
        without, _ = self.index.read(words)
        known = lexicon.metric(with_it.split()[0]) if with_it else None
        return known is not None and not known.generic and lexicon.metric((without.split() or [""])[0]) is None

    def _relative_clause(self, start: int, stop: int) -> tuple[list[str], int]:
        """ "yang terdaftar aktif", "yang bekerja": up to three words that narrow the noun."""
        texts, lowers = self.texts, self.lowers
        words: list[str] = []
        position = start
        while position < stop and len(words) < 3:
            text, lower = texts[position], lowers[position]
            kind = self.kind_at(position)
            if kind == "space":
                position += 1
                continue
            if kind in ("content", "status", "verb", "acronym") or lower == "terdaftar":
                words.append(text)
                position += 1
                continue
            if kind == "link" and lower in ("tercatat", "sudah", "telah", "masih", "baru"):
                position += 1
                continue
            break
        return words, position


def read_metrics(doc: Doc) -> Doc:
    context = context_of(doc)
    index = metric_index(context.lexicon, context.language)
    grammar = Grammar(doc, context)
    grammar.index = index
    figures = figures_of(doc)
    sentences = sentences_of(doc)
    for sentence in sentences:
        if sentence.kind == "boilerplate":
            continue
        for position in sentence.figures:
            figure = figures[position]
            _read(doc, figure, sentence, figures, sentences, grammar, index, context)
            _segment_pointed_back(doc, figure, sentence, sentences, index, context)
            _qualify_basis(figure, sentence, figures, context)
    _complete_heads(figures, grammar, index)
    _owners_unnamed(doc, figures, context.lexicon, context.language.code)
    return doc


def _owners_unnamed(doc: Doc, figures: list[Figure], lexicon: Lexicon, code: str) -> None:
    """A segment in everyday words counts the metric it is a segment of only where the text names that metric.

    "6,1 juta pekerja informal" counts informal participants in a story about a social security fund,
    which names its participants; in a labour survey ("informal workers made up 59 percent of workers")
    it counts workers, and is no participant figure to meet the fund's. A programme's own term ("BPU")
    always counts its participants.
    """
    owners = _segment_owners(lexicon)
    keys = {id(f): (f.metric.split()[0], code, _stemmed(f.metric_text, code)) for f in figures if " " in f.metric}
    owned = [f for f in figures if keys.get(id(f)) in owners]
    if not owned:
        return
    text = doc.text.lower()
    for figure in owned:
        if not owners[keys[id(figure)]].search(text):
            figure.metric = figure.metric.split(" ", 1)[1]


def _stemmed(words: str, code: str) -> str:
    return " ".join(stem(word, code) for word in words.split())


_owner_patterns: dict[int, dict[tuple[str, str, str], re.Pattern[str]]] = {}


def _segment_owners(lexicon: Lexicon) -> dict[tuple[str, str, str], re.Pattern[str]]:
    """The names of a metric and of those it is within, as one pattern.

    Keyed by (metric, language, a segment's everyday name stemmed), as `_owners_unnamed` looks them up.
    """
    known_owners = _owner_patterns.get(id(lexicon))
    if known_owners is not None:
        return known_owners
    owners: dict[tuple[str, str, str], re.Pattern[str]] = _owner_patterns.setdefault(id(lexicon), {})
    for segment in lexicon.segments:
        metric = lexicon.metric(segment.of) if segment.of else None
        if metric is None or not segment.general:
            continue
        names = list(metric.synonyms)
        for parent in metric.within:
            known = lexicon.metric(parent.split()[0])
            names += known.synonyms if known is not None else []
        words = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{words})")
        for name in segment.general:
            for code in sorted(lexicon.languages):
                owners[(metric.id, code, _stemmed(name, code))] = pattern
    return owners


@lru_cache(maxsize=16)
def _modality_words(language: Language) -> frozenset[str]:
    return frozenset(word for words in language.modality_cues.values() if isinstance(words, list) for word in words)


def _complete_heads(figures: list[Figure], grammar: Grammar, index: MetricIndex) -> None:
    """A metric's head named alone is the full metric the article named before it.

    "Produksi batu bara ... 775,2 juta ton. ... menargetkan produksi 710 juta ton".

    Only for a head the lexicon does not know as a metric, when the article
    named one such metric with that head and that unit ("produksi batu bara"
    and "produksi nikel" leave "produksi" as it is), not a segment, and not
    after a word that means all of it ("total produksi", "seluruh produksi").
    """
    segments = {segment.id for segment in index.lexicon.segments}
    overall = frozenset(grammar.language.statement.get("overall_words", []))
    named: dict[tuple[str, str], set[str]] = {}  # (head, unit) -> the full metrics named so far
    lowers = grammar.lowers
    cues = _modality_words(grammar.language)
    for figure in figures:
        words = figure.metric.split()
        if len(words) > 1 and not segments.intersection(words[1:]):
            named.setdefault((words[0], figure.unit), set()).add(figure.metric)
            continue
        if len(words) != 1 or len(figure.metric_text.split()) != 1 or index.lexicon.metric(words[0]) is not None:
            continue  # a metric the lexicon knows is already all its words say ("peserta")
        if words[0] in cues:
            continue  # "target 14,2% pada 2029" is no ellipsis of "target tahunan"
        full = named.get((words[0], figure.unit), set())
        if len(full) != 1:
            continue
        before = lowers[max(0, figure.start - 8) : figure.start]
        if overall.intersection(before):
            continue
        figure.metric = next(iter(full))


@lru_cache(maxsize=16)
def _pointer_pattern(demonstratives: tuple[str, ...]) -> re.Pattern[str]:
    """ "program tersebut": a noun and the demonstrative that points back at it (built once, not per figure)."""
    return re.compile(rf"\b([a-z]+)\s+(?:{'|'.join(map(re.escape, demonstratives))})\b")


def _basis_pattern(language: Language) -> re.Pattern[str] | None:
    cached = _BASIS.get(id(language))
    if cached is None:
        basis = language.period_cues.get("basis") or {}
        groups = [
            rf"(?P<{name}>{'|'.join(re.escape(w) for w in sorted(words, key=len, reverse=True))})"
            for name, words in sorted(basis.items())
            if words
        ]
        cached = (
            language,
            re.compile(rf"(?<![\w-])(?:{'|'.join(groups)})(?![\w-])", re.IGNORECASE) if groups else None,
        )
        _BASIS[id(language)] = cached
    return cached[1]


_BASIS: dict[int, tuple[Language, re.Pattern[str] | None]] = {}


def _qualify_basis(figure: Figure, sentence: Sentence, figures: list[Figure], context: Context) -> None:
    """ "inflasi April 0,25 persen (mtm)" and "3,00 persen (yoy)": the basis of a rate is part of its metric.

    Read between the previous figure (or the last comma) and the figure, and
    after it up to the next figure or comma. A change has its base period
    already; a count has no basis.
    """
    if figure.unit != "percent" or figure.modality == "change" or not figure.metric:
        return
    pattern = _basis_pattern(context.language)
    if pattern is None:
        return
    text = context.article.text
    mine = in_sentence(figures, figure.sentence)
    earlier = [f.end_char for f in mine if f.end_char <= figure.start_char]
    later = [f.start_char for f in mine if f.start_char >= figure.end_char]
    before = text[max([sentence.start_char, *earlier]) : figure.start_char]
    before = re.split(r"[,;]", before)[-1]
    after = re.split(r"[,;]", text[figure.end_char : min([sentence.end_char, *later])])[0]
    found = pattern.search(after) or pattern.search(before) or pattern.search(figure.metric_text or "")
    if found is None and not earlier:
        # "Secara bulanan (m-to-m), Jambi mengalami deflasi 0,08 persen": an opening phrase sets the sentence's basis
        opening = re.split(r"[,;]", text[sentence.start_char : figure.start_char])
        found = pattern.search(opening[0]) if len(opening) > 1 else None
    if found is None:
        return
    basis = next(name for name, value in found.groupdict().items() if value)
    if basis not in figure.metric.split():
        figure.metric = f"{figure.metric} {basis}"


def _segment_pointed_back(
    doc: Doc, figure: Figure, sentence: Sentence, sentences: list[Sentence], index: MetricIndex, context: Context
) -> None:
    """ "Program JHT ... Jumlah peserta program itu pada 2020 sebanyak 36,4 juta": the segment "program itu" names.

    The noun before the demonstrative ("program", "segmen", "sektor") must have
    named a segment in one of the two sentences before ("Program JHT").
    """
    if not figure.metric or figure.metric_evidence not in ("subject", "noun after the figure"):
        return
    segments = index.segment_ids
    if not segments.isdisjoint(figure.metric.split()[1:]):
        return
    demonstratives = context.language.statement.get("demonstratives", [])
    if not demonstratives:
        return
    text = context.article.text
    before = text[sentence.start_char : figure.start_char].lower()
    pointer = _pointer_pattern(tuple(demonstratives)).search(before)
    if pointer is None:
        return
    noun = pointer.group(1)
    earlier = [s for s in sentences[max(0, sentence.index - 2) : sentence.index] if s.kind != "boilerplate"]
    for previous in reversed(earlier):
        words = text[previous.start_char : previous.end_char].split()
        for position in range(len(words) - 1, -1, -1):
            if words[position].lower() != noun:
                continue
            named, _ = index.read(words[position + 1 : position + 4], figure.unit)
            found = [w for w in named.split() if w in segments]
            if named and found and named.split()[0] in segments:
                figure.metric = f"{figure.metric} {found[0]}"
                figure.metric_evidence = "segment pointed back to"
                return


def _read(
    doc: Doc,
    figure: Figure,
    sentence: Sentence,
    figures: list[Figure],
    sentences: list[Sentence],
    grammar: Grammar,
    index: MetricIndex,
    context: Context,
) -> None:
    after, after_end, classifier = _after(doc, figure, sentence, grammar)
    figure.noun = after[0].lower() if after else (classifier or "")
    predicate = _predicate(doc, after_end, sentence, grammar)
    subject, subject_after_figure = _subject(doc, figure, sentence, figures, grammar)
    if not subject and not after and figure.modality_evidence.startswith("new level"):
        # "Total loans grew 8.2 percent to Rp 1,330 trillion": the new level's subject is its change's
        changes = [f for f in in_sentence(figures, figure.sentence) if f.end <= figure.start and f.modality == "change"]
        if changes:
            subject, subject_after_figure = _subject(doc, changes[-1], sentence, figures, grammar)
    if subject and _generic(subject, index):
        subject = []  # "518.632 pekerja atau 40 persen": a generic noun names nothing
    figure.population = _population(doc, figure, sentence, grammar, index)
    unit = figure.unit
    candidates: list[tuple[list[str], str]] = []
    bound = _bound(figure, sentence, subject, after, grammar)
    if bound:
        candidates.append((bound, "subject"))
    if predicate:
        same_head = bool(after) and predicate[0].lower() == after[0].lower()
        candidates.append((predicate if same_head else after + predicate, "predicate"))
    generic_after = bool(after) and _generic(after, index)
    if after and figure.unit == "count" and _governed_by_locative(doc, figure, grammar):
        subject, generic_after = [], False  # "Sosialisasi digelar di tujuh kecamatan": kecamatan are counted
    if after and not generic_after and subject:
        # "jumlah pekerja informal ... 9 juta peserta": the noun after names the metric, the subject its segment
        segments = _segment_ids(index.read(subject, unit)[0], index)
        base = index.read(after, unit)[0].split()
        if segments and len(base) == 1 and index.lexicon.metric(base[0]) is not None:
            candidates.append((after + [s.upper() for s in segments], "noun after the figure"))
    if unit == "count" and (generic_after or (not after and _people_follow(doc, figure, sentence, index))):
        acted = _acting_verb(doc, figure, sentence, grammar)
        if acted and _names_known_metric([acted], grammar):
            # "Banjir menewaskan 12 orang", "The floods displaced 24,000 residents": the people are what the verb
            # did to them, as "12 orang tewas" and "24,000 residents were displaced" say
            candidates.append(([acted], "noun after the figure"))
    if (
        after
        and not generic_after
        and subject
        and unit == "count"
        and not _names_a_known_metric(after, unit, index)
        and _measure_led(doc, figure, sentence, subject, grammar)
    ):
        # "Jumlah investor pasar modal ... mencapai 12,16 juta SID": the measured subject says what is counted,
        # an unknown noun after the figure only what it is counted in
        candidates.append((subject, "subject"))
    if after and not generic_after:
        if (
            subject
            and not subject_after_figure
            and index.read(subject, unit)[0].split()[:1] == index.read(after, unit)[0].split()[:1]
        ):
            candidates.append(
                (subject + [w for w in after if w.lower() not in {s.lower() for s in subject}], "subject")
            )
        candidates.append((after, "noun after the figure"))
    if subject:
        candidates.append((subject, "subject"))
    elif classifier in grammar.units and not after:
        # "Indonesia mengimpor 2,1 juta ton beras", "sold 70.4 TWh of electricity": what the unit measures
        measured = _measured(doc, after_end, sentence, grammar)
        if measured:
            candidates.append((measured, "noun after the figure"))
    column = _column(doc, figure, sentence, context)
    if column:
        candidates.append((column, "column header"))
    if sentence.header is not None:
        header = _header_phrase(doc, sentences[sentence.header], grammar, index)
        if header:
            candidates.append((header, "header"))
    recipient = _recipient(doc, figure, grammar)
    valued = _valued(doc, figure, figures, grammar)
    if valued is not None:
        # "3,1 juta kasus klaim dengan nilai Rp 45,1 triliun": the value of the things just counted
        figure.metric, figure.metric_text, figure.metric_evidence = valued.metric, valued.metric_text, "value of"
        return
    for words, evidence in candidates:
        metric, matched = index.read(words, unit)
        if metric:
            if recipient and evidence in ("noun after the figure", "predicate"):
                metric = (
                    f"{metric} {recipient}"  # "membayar klaim kepada 4,5 juta peserta": the recipients, not the members
                )
            figure.metric, figure.metric_text, figure.metric_evidence = metric, matched or " ".join(words), evidence
            partition = _partition(doc, figure, after_end, sentence, grammar, index)
            if partition and evidence in ("noun after the figure", "predicate"):
                counted = index.read([figure.noun], unit)[0] if figure.noun else ""
                head = (counted or metric).split()[0]
                figure.metric = f"{head} {partition}"  # "15 provinsi ... di bawah angka nasional": provinces
            return
    if _bracket_label(doc, figure, grammar):
        # "... prevalensi stunting paling tinggi adalah Papua Tengah (38,4%), NTT (37,9%)": the sentence's metric
        words = [
            t.text
            for t in doc[max(sentence.start, sentence.body_start) : figure.start]
            if grammar.kind(t) not in ("space", "punct", "entity", "dateline", "place")
        ]
        metric, matched = index.read(words, unit, anywhere=True)
        known = index.lexicon.metric(metric.split()[0]) if metric else None
        if known is not None and not known.generic:
            figure.metric, figure.metric_text, figure.metric_evidence = metric.split()[0], matched, "sentence"
            return
    antecedent = _antecedent(doc, figure, sentence, figures, sentences, context)
    if antecedent is not None and antecedent.metric:
        metric = antecedent.metric
        known = index.lexicon.metric(metric.split()[0])
        if unit == "percent" and antecedent.unit != "percent" and known is not None and known.as_percent:
            metric = " ".join([known.as_percent, *metric.split()[1:]])  # "jumlahnya mencapai 8,74 %" after a count
        figure.metric, figure.metric_text, figure.metric_evidence = metric, antecedent.metric_text, "anaphora"
        return
    if generic_after:
        metric, matched = index.read(after, unit)
        figure.metric, figure.metric_text, figure.metric_evidence = metric, matched or " ".join(after), "generic noun"
        partition = _partition(doc, figure, after_end, sentence, grammar, index) if metric else ""
        if partition:
            # "18 provinsi yang angka stunting di atas angka nasional": provinces on one side of a line
            figure.metric, figure.metric_evidence = f"{metric.split()[0]} {partition}", "noun after the figure"
        return
    earlier = [
        f for f in in_sentence(figures, figure.sentence) if f.end <= figure.start and f.metric and f.unit == unit
    ]
    if earlier and not _broken(doc, earlier[-1], figure, grammar):
        source = earlier[-1]
        figure.metric, figure.metric_text, figure.metric_evidence = source.metric, source.metric_text, "sentence"
        return
    if earlier and _parallel_clause(doc, earlier[-1], figure, grammar):
        # "TPT Jawa Barat 7,4 persen, sedangkan Jawa Tengah 5,1 persen": the same metric for another place or time
        source = earlier[-1]
        figure.metric, figure.metric_text, figure.metric_evidence = source.metric, source.metric_text, "sentence"
        return
    previous = _previous_sentence(sentence, sentences, doc, context)
    if previous is not None:
        same_unit = [figures[i] for i in previous.figures if figures[i].metric and figures[i].unit == unit]
        if same_unit:
            source = same_unit[-1]
            figure.metric, figure.metric_text, figure.metric_evidence = (
                source.metric,
                source.metric_text,
                "previous sentence",
            )
            return
        if not previous.figures:
            # "TPAK mengalami peningkatan. Pada Agustus 2024 mencapai 70,63 persen": the topic just named
            words = [
                t.text
                for t in doc[max(previous.start, previous.body_start) : previous.end]
                if grammar.kind(t) not in ("space", "punct", "entity", "dateline")
            ]
            metric, matched = index.read(words, unit, anywhere=True)
            if metric and index.lexicon.metric(metric.split()[0]) is not None:
                figure.metric, figure.metric_text, figure.metric_evidence = (
                    metric.split()[0],
                    matched,
                    "previous sentence",
                )
                return


def _valued(doc: Doc, figure: Figure, figures: list[Figure], grammar: Grammar) -> Figure | None:
    """The count right before an amount joined to it only by value words ("dengan nilai", "senilai", "worth")."""
    if figure.unit not in ("IDR", "USD"):
        return None
    earlier = [f for f in figures if f.sentence == figure.sentence and f.end <= figure.start]
    if (
        not earlier
        or earlier[-1].unit != "count"
        or not earlier[-1].metric
        or earlier[-1].metric_evidence not in ("noun after the figure", "subject")
    ):
        return None
    count = earlier[-1]
    _, own_end, classifier = _after(doc, count, sentences_of(doc)[count.sentence], grammar)
    if classifier in grammar.units or (own_end < figure.start and grammar.kind(doc[own_end]) == "classifier"):
        measured, measured_end = grammar.phrase(own_end, figure.start)
        if measured:
            own_end = measured_end  # "166.000 unit rumah senilai Rp 19,8 triliun": what the units are of
    between = [t for t in doc[own_end : figure.start] if not t.is_space]
    if not any(t.lower_ in grammar.value_words for t in between):
        return None
    # "2,07 Juta Klaim JHT, Total Rp 31,71 Triliun", "1.2 million claims in 2024, worth Rp 3.4 trillion"; a word
    # the count's own metric is named with is the same thing ("2,07 juta klaim dengan total manfaat Rp ...",
    # for "klaim manfaat")
    known = grammar.index.lexicon.metric(count.metric.split()[0])
    code = grammar.language.code
    own = {stem(w, code) for synonym in known.synonyms for w in synonym.split()} if known else set()
    if sum(t.text == "," for t in between) > 1 or not all(
        t.lower_ in grammar.value_words
        or t.text == ","
        or grammar.kind(t) in ("measure", "function", "link", "period")
        or stem(t.text, code) in own
        for t in between
    ):
        return None
    return count


def _partition(doc: Doc, figure: Figure, start: int, sentence: Sentence, grammar: Grammar, index: MetricIndex) -> str:
    """ "23 provinsi memiliki prevalensi stunting di atas rata-rata nasional": the side, the line, the metric."""
    if figure.unit != "count":
        return ""
    end = start
    while end < sentence.end and doc[end].text not in (",", ";") and not any(f.start == end for f in figures_of(doc)):
        end += 1
    text = " " + " ".join(t.lower_ for t in doc[figure.end : end]) + " "
    language = grammar.language
    for side, phrases in language.partitions.items():
        for phrase in sorted(phrases, key=len, reverse=True):
            at = text.find(f" {phrase} ")
            if at < 0:
                continue
            rest = " " + text[at + len(phrase) + 2 :][:40]
            found = [
                (rest.find(f" {words} "), len(words), name)
                for words, name in language.partition_references.items()
                if f" {words} " in rest
            ]
            if not found:
                continue
            first = min(at for at, _, _ in found)
            # "di atas rata-rata angka nasional": the line is the reference that reaches furthest in the phrase
            near = [(at + size, name) for at, size, name in found if at - first <= 20]
            reference = max(near)[1]
            named, _ = index.read(text[:at].split(), anywhere=True)
            known = named.split()[0] if named and index.lexicon.metric(named.split()[0]) else ""
            return " ".join(part for part in (f"{side}-{reference}", known) if part)
    return ""


def _parallel_clause(doc: Doc, earlier: Figure, figure: Figure, grammar: Grammar) -> bool:
    """Whether a contrast clause names only another place or time, and so elides the metric before it."""
    between = [t for t in doc[earlier.end : figure.start] if not t.is_space]
    openers = [i for i, t in enumerate(between) if t.lower_ in grammar.openers]
    if not openers or any(t.text == ";" for t in between):
        return False
    rest = between[openers[-1] + 1 :]
    kinds = {grammar.kind(t) for t in rest}
    return bool(kinds & {"place", "period"}) and kinds <= {"place", "period", "link", "function", "punct", "entity"}


def _broken(doc: Doc, earlier: Figure, figure: Figure, grammar: Grammar) -> bool:
    """ "sementara yang tidak bekerja 63,26 juta", "terdiri dari 145,77 juta": the figure after is something else."""
    between = doc[earlier.end : figure.start]
    words = [t.lower_ for t in between]
    text = " ".join(words)
    if any(t.text == ";" for t in between) or any(w in grammar.openers for w in words):
        return True
    return any(cue in text for cue in grammar.parts_cues)


def _recipient(doc: Doc, figure: Figure, grammar: Grammar) -> str:
    """The qualifier a recipient preposition before a count gives ("kepada", "bagi"): what the figure received."""
    if figure.unit != "count":
        return ""
    before = [
        t for t in doc[max(0, figure.start - 3) : figure.start] if not t.is_space and t.lower_ not in grammar.qualifiers
    ]
    if before and before[-1].lower_ in grammar.recipients:
        return grammar.recipient_word
    return ""


def _segment_ids(metric: str, index: MetricIndex) -> list[str]:
    ids = index.segment_ids
    return [w for w in metric.split()[1:] if w in ids]


def _bracket_label(doc: Doc, figure: Figure, grammar: Grammar) -> bool:
    """ "Papua Tengah (38,4%)": a figure in brackets right after the place it is for."""
    if figure.start < 2 or doc[figure.start - 1].text != "(" or figure.end >= len(doc) or doc[figure.end].text != ")":
        return False
    return grammar.kind_at(figure.start - 2) == "place"


def _governed_by_locative(doc: Doc, figure: Figure, grammar: Grammar) -> bool:
    position = figure.start - 1
    while position >= 0 and doc[position].is_space:
        position -= 1
    return position >= 0 and doc[position].lower_ in grammar.locative


def _people_follow(doc: Doc, figure: Figure, sentence: Sentence, index: MetricIndex) -> bool:
    """ "12 orang", "12 people": the count is of people (not "2.1 million tonnes of rice")."""
    position = figure.end
    while position < sentence.end and doc[position].is_space:
        position += 1
    return position < sentence.end and _generic([doc[position].text], index)


def _acting_verb(doc: Doc, figure: Figure, sentence: Sentence, grammar: Grammar) -> str:
    """The verb right before a count, of which the counted are the object ("killed 12 people"), if any."""
    position, skipped = figure.start - 1, 0
    while position >= sentence.start and skipped < 3:
        token = doc[position]
        if not (token.is_space or token.lower_ in grammar.qualifiers or grammar.kind(token) == "function"):
            break  # "killed at least 12 people", "menewaskan sedikitnya 12 warga"
        position, skipped = position - 1, skipped + 1
    if position < max(sentence.start, sentence.body_start):
        return ""
    token = doc[position]
    kind, lower = grammar.kind(token), token.lower_
    # an English past form the lexicon names a metric with ("killed", "displaced") reads as a word, not a verb
    past = bool(grammar.verb_endings) and lower.endswith(grammar.verb_endings) and kind == "content"
    return token.text if kind == "verb" or past else ""


def _names_a_known_metric(words: list[str], unit: str, index: MetricIndex) -> bool:
    base = index.read(words, unit)[0].split()[:1]
    return bool(base) and index.lexicon.metric(base[0]) is not None


def _bound(figure: Figure, sentence: Sentence, subject: list[str], after: list[str], grammar: Grammar) -> list[str]:
    """ "kuota haji ... 241.000 jemaah", "berkapasitas 25 juta penumpang": a bound on the noun, not a count of it.

    A quota, a capacity or a ceiling is a quantity of its own beside the count it bounds (the pilgrims who
    went, the passengers served), so its figure is named by the bound, with the noun it bounds when the
    bound is one word.
    """
    capacity = grammar.capacity_words
    if not capacity:
        return []
    lowered = [w.lower() for w in subject]
    joined = f" {' '.join(lowered)} "
    if subject and any(f" {w} " in joined for w in capacity):
        words = [w for w in subject if not grammar._verb(w.lower()) or w.lower() in capacity]
        return words if len(words) > 1 else [*words, *after]
    # the words right before the figure, past linking words: "berkapasitas 25 juta", "a capacity of 25 million"
    lowers = grammar.lowers
    position = figure.start - 1
    while position >= sentence.start and (
        grammar.kind_at(position) in ("space", "link") or lowers[position] in grammar.prepositions
    ):
        position -= 1
    if position < sentence.start:
        return []
    pair = f"{lowers[position - 1]} {lowers[position]}" if position > sentence.start else ""
    if lowers[position] in capacity or pair in capacity:
        return [*pair.split()] + after if pair in capacity else [grammar.texts[position], *after]
    return []


def _measure_led(doc: Doc, figure: Figure, sentence: Sentence, subject: list[str], grammar: Grammar) -> bool:
    """ "jumlah investor ...", "the number of investors ...": the subject is introduced by a measure word."""
    first = subject[0].lower()
    for position in range(figure.start - 1, max(sentence.start, sentence.body_start) - 1, -1):
        if doc[position].lower_ != first:
            continue
        before = [t.lower_ for t in doc[max(sentence.start, position - 2) : position] if not t.is_space]
        if before and before[-1] in grammar.prepositions and len(before) > 1:
            before = before[:-1]  # "the number of investors"
        return bool(before) and before[-1] in grammar.measure and before[-1] not in grammar.link
    return False


def _generic(words: list[str], index: MetricIndex) -> bool:
    """ "pekerja", "orang": a noun that says what kind of thing is counted, not which figure."""
    metric, _ = index.read(words)
    base = metric.split()[0] if metric else ""
    known = index.lexicon.metric(base)
    return bool(known and known.generic and len(metric.split()) == 1)


def _after(doc: Doc, figure: Figure, sentence: Sentence, grammar: Grammar) -> tuple[list[str], int, str]:
    """The noun phrase right after the figure, and the classifier before it if any ("orang")."""
    position = figure.end
    classifier = ""
    lowers, title = grammar.lowers, grammar.title
    while position < sentence.end:
        kind = grammar.kind_at(position)
        lower = lowers[position]
        if kind == "space" or lower in grammar.remainder:
            position += 1
            continue
        if kind == "classifier" and not classifier:
            following = position + 1
            if (
                following < sentence.end
                and lower not in grammar.units
                and grammar.kind_at(following) in ("content", "status")
                and title[position] == title[following]
            ):
                break  # "7.300 Orang Miskin Baru": the classifier heads a phrase that says what is counted
            classifier = lower
            position += 1
            continue
        break
    if figure.unit.startswith("per "):
        return [], position, classifier  # "189 per 100.000 kelahiran hidup": the base of a rate
    if figure.unit == "percent" and position < sentence.end and doc[position].lower_ in ("dari", "of"):
        return [], position, classifier  # "55 persen dari jumlah pekerja": the total, not the metric
    cursor = position
    while (
        classifier
        and cursor < sentence.end
        and (
            doc[cursor].is_space
            or doc[cursor].lower_ in AUXILIARIES
            or doc[cursor].lower_ in grammar.passive_auxiliaries
        )
    ):
        cursor += 1
    if (
        classifier in grammar.units
        and cursor < sentence.end
        and grammar.kind_at(cursor) == "verb"
        and _names_known_metric([doc[cursor].text], grammar)
    ):
        # "518 juta ton diekspor", "2.1 million tonnes were exported": what is done with the measured goods is
        # the metric the lexicon knows ("ekspor")
        return [doc[cursor].text], cursor + 1, classifier
    if (
        classifier
        and cursor < sentence.end
        and cursor > position
        and grammar.kind_at(cursor) in ("verb", "content", "status")
    ):
        # "145,77 juta orang sudah bekerja", "7,28 juta orang masih menganggur": what the counted people do
        return [classifier, doc[cursor].text], cursor + 1, classifier
    if (
        classifier
        and cursor < sentence.end
        and grammar.kind_at(cursor) == "verb"
        and _names_known_metric([classifier, doc[cursor].text], grammar)
    ):
        # "Two people died", "145,77 juta orang bekerja": the people and what they do name a metric the lexicon knows
        return [classifier, doc[cursor].text], cursor + 1, classifier
    if position < sentence.end and grammar.kind_at(position) == "relative":
        # "145,77 juta orang yang telah bekerja", "7,28 juta yang masih menganggur": the clause says what is counted
        words, end = grammar._relative_clause(position + 1, sentence.end)
        words = [w for w in words if w.lower() not in grammar.function]
        if words:
            return ([classifier] if classifier else []) + words, end, classifier
        return [], position, classifier
    if classifier or _comparative_at(doc, position, sentence, grammar):
        # "790,000 fewer than in February": a difference of what was named before, no noun of its own
        return [], position, classifier
    words, end = grammar.phrase(position, sentence.end)
    if words and grammar.kind_at(position) not in ("content", "acronym", "status"):
        return [], position, classifier
    return words, end, classifier


def _comparative_at(doc: Doc, position: int, sentence: Sentence, grammar: Grammar) -> bool:
    """A comparative and its "than" at `position`: "fewer than", "lebih sedikit dibanding"."""
    cues = grammar.language.modality_cues
    after = words_between(doc, position, min(sentence.end, position + 4))
    for phrase in [*cues.get("rise_comparatives", []), *cues.get("fall_comparatives", [])]:
        words = phrase.split()
        if (
            after[: len(words)] == words
            and after[len(words) : len(words) + 1]
            and after[len(words)] in cues.get("than", [])
        ):
            return True
    return False


def _predicate(doc: Doc, position: int, sentence: Sentence, grammar: Grammar) -> list[str]:
    """ "... merupakan pekerja penerima upah (PU)", "... di antaranya adalah pekerja dari segmen PU".

    The category after a predicate link is read greedily to the clause's end,
    so that a segment named after "dari segmen" or "kategori" is found.
    """
    texts, lowers, spaces = grammar.texts, grammar.lowers, grammar.spaces
    # the words' positions, as `doc[position : min(sentence.end, position + 6)]` reads
    words = [i for i in range(*slice(position, min(sentence.end, position + 6)).indices(len(texts))) if not spaces[i]]
    for size in (3, 2, 1):
        if len(words) >= size and " ".join(lowers[i] for i in words[:size]) in grammar.predicate:
            start = words[size - 1] + 1
            found: list[str] = []
            cursor = start
            while cursor < sentence.end and len(found) < 8:
                kind = grammar.kind_at(cursor)
                if kind in ("figure",) or texts[cursor] in (",", ";", "."):
                    break
                if kind in ("content", "acronym", "status") or lowers[cursor] in grammar.inner:
                    found.append(texts[cursor])
                cursor += 1
            return found
    return []


def _measured(doc: Doc, position: int, sentence: Sentence, grammar: Grammar) -> list[str]:
    """The noun phrase after a unit of measure ("ton beras", "tonnes of rice"), if one follows at once."""
    while position < sentence.end and doc[position].is_space:
        position += 1
    if position < sentence.end and doc[position].lower_ in grammar.measured_links:
        position += 1
    while position < sentence.end and doc[position].is_space:
        position += 1
    if position >= sentence.end or grammar.kind_at(position) not in ("content", "acronym"):
        return []
    words, _ = grammar.phrase(position, sentence.end)
    return words


def _qualifies_a_figure(doc: Doc, position: int, grammar: Grammar) -> bool:
    """ "an estimated", "a projected": a source word the language's change links use before a figure."""
    previous = grammar._previous_word(position)
    if previous is None:
        return False
    links = grammar.language.modality_cues.get("change_links", [])
    return f"{doc[previous].lower_} {doc[position].lower_}" in links


def _subject(
    doc: Doc, figure: Figure, sentence: Sentence, figures: list[Figure], grammar: Grammar
) -> tuple[list[str], bool]:
    """The noun phrase a figure's clause is about, after who reports it ("BPS mencatat", "bahwa").

    The clause's comma-separated parts are read from the figure backwards, and
    the first with a noun phrase wins ("Hingga Februari 2023, jumlah peserta
    aktif ... 35,3 juta"; "Persentase penduduk miskin ..., adalah 7,10 persen").
    Inside a part, the phrase that only linking words separate from the figure
    wins ("Batang Hari menjadi daerah paling progresif dengan partisipasi 50,71
    persen", "... turut menurunkan tingkat kemiskinan Jambi menjadi 6,33
    persen"), else the part's first phrase. After another figure, only the
    words since that figure count ("7,47 juta penganggur atau setara dengan TPT
    sebesar 4,91 persen").
    """
    others = [f for f in in_sentence(figures, figure.sentence) if f.end <= figure.start and not _inside_a_date(f)]
    floor = max(sentence.start, sentence.body_start)
    after_figure = False
    if others:
        # the words right after the figure before are that figure's own ("15 provinsi yang memiliki ...")
        _, own_end, _ = _after(doc, others[-1], sentence, grammar)
        floor, after_figure = max(floor, min(own_end, figure.start)), True
    if figure.baseline:
        for position in range(figure.start - 1, floor - 1, -1):
            if grammar.lowers[position] in grammar.comparison:
                floor, after_figure = position + 1, False
                break
    start = floor
    aside = _relative_asides(doc, grammar, floor, figure.start)
    for position in range(figure.start - 1, floor - 1, -1):
        if position in aside:
            continue  # "Core inflation, which strips out food and energy prices, stood at": no new clause
        kind = grammar.kind_at(position)
        if kind == "source" and _qualifies_a_figure(doc, position, grammar):
            continue  # "to an estimated 30.34 million tonnes": no one is reporting here
        if kind in ("source", "opener") or grammar.texts[position] in (";", '"', "“", "”"):
            start, after_figure = position + 1, False
            break
    segments = _segments(doc, start, figure.start)
    if after_figure:
        segments = segments[-1:]
    segments = _without_appositives(doc, grammar, segments)
    for number, (segment_start, segment_end) in enumerate(reversed(segments)):
        if number == 0:
            headless = _headless(doc, grammar, segment_start, segment_end)
            if headless:
                return headless, after_figure  # "yang terdaftar sebagai peserta 30 persen"
        phrases = [
            p for p in _phrases(grammar, segment_start, segment_end, subjects=True) if not _only_cue(p[0], grammar)
        ]
        if not phrases and number == 0:
            # "dari total angkatan kerja pada Februari 2025 sebanyak 153,05 juta": the whole is this figure
            adjacent_whole = [
                p
                for p in _phrases(grammar, segment_start, segment_end)
                if _only_links_between(doc, grammar, p[1], segment_end)
            ]
            phrases = adjacent_whole[-1:]
        if not phrases:
            continue
        adjacent = [p for p in phrases if _only_links_between(doc, grammar, p[1], segment_end)]
        ordered = [*adjacent[-1:], phrases[0], *phrases[1:]]
        known = [p for p in ordered if _names_known_metric(p[0], grammar)]
        chosen = known[0] if known else ordered[0]
        if (
            not known
            and number == 0
            and figure.unit not in ("percent", "pp", "bp")  # "beras menyumbang 18,28 persen": a part's share
            and _object_of_a_verb(doc, grammar, chosen[1], figure.start)
        ):
            # "The government allocated Rp 20 trillion for ...", "Kementerian mengalokasikan Rp 12 triliun": the
            # figure is what the verb acts on; the subject is who acts, not what is counted
            return [], after_figure
        return chosen[0] + _segments_between(doc, grammar, chosen[1], figure.start), after_figure
    return [], after_figure


def _relative_asides(doc: Doc, grammar: Grammar, start: int, end: int) -> set[int]:
    """The positions of relative clauses set off by commas (", which ... ,", ", yang ... ,") before a figure."""
    texts = texts_of(doc)
    commas = [i for i in range(start, end) if texts[i] == ","]
    aside: set[int] = set()
    for opening, closing in zip(commas, commas[1:]):
        if opening + 1 < closing and doc[opening + 1].lower_ in grammar.relative:
            aside.update(range(opening + 1, closing))
    return aside


def _object_of_a_verb(doc: Doc, grammar: Grammar, start: int, end: int) -> bool:
    """Whether an active verb stands between a phrase and the figure, with only linking words after it.

    A passive one makes the phrase what the figure is of ("cabai rawit dijual Rp 75.000", "rice was sold at").
    """
    words = grammar.words_in(start, end)
    verbs = [i for i, position in enumerate(words) if grammar.kind_at(position) == "verb"]
    if not verbs:
        return False
    last = verbs[-1]
    if grammar.passive(doc[words[last]], doc[words[last - 1]] if last else None):
        return False
    return all(grammar.kind_at(position) in ("link", "function", "period", "punct") for position in words[last + 1 :])


def _names_known_metric(words: list[str], grammar: Grammar) -> bool:
    """Whether the lexicon knows what a phrase counts (it breaks ties between phrases, never makes a metric)."""
    metric, _ = grammar.index.read(words)
    base = metric.split()[0] if metric else ""
    known = grammar.index.lexicon.metric(base)
    return bool(known and not known.generic)


def _headless(doc: Doc, grammar: Grammar, start: int, end: int) -> list[str]:
    """ "sementara yang tidak bekerja berjumlah 63,26 juta": a subject that is only a relative clause."""
    position = start
    while position < end and doc[position].is_space:
        position += 1
    if position >= end or grammar.kind_at(position) != "relative":
        return []
    words: list[str] = []
    role: list[str] | None = None  # "yang terdaftar sebagai peserta": the role is what is counted
    for token in doc[position + 1 : end]:
        if token.is_space:
            continue
        if role is None and words and token.lower_ in grammar.role_words:
            role = []
            continue
        if token.lower_ in NEGATIONS or grammar.kind(token) in ("verb", "content", "status"):
            (words if role is None else role).append(token.lower_)
            continue
        break
    if role:
        return role
    return words if any(w not in NEGATIONS for w in words) else []


def _only_links_between(doc: Doc, grammar: Grammar, start: int, end: int) -> bool:
    """Whether only linking words, dates, places and organizations stand between a phrase and a figure."""
    for position in range(*slice(start, end).indices(len(grammar.texts))):  # as `doc[start:end]` reads
        kind = grammar.kind_at(position)
        if kind in (
            "space",
            "link",
            "function",
            "period",
            "place",
            "entity",
            "measure",
            "status",
            "relative",
            "dateline",
        ):
            continue
        if kind == "punct" and grammar.texts[position] in ("(", ")"):
            continue
        return False
    return True


def _segments_between(doc: Doc, grammar: Grammar, start: int, end: int) -> list[str]:
    """Segment names between a phrase and its figure ("peserta aktif dari PU mencapai ..."): qualifiers."""
    found = []
    for position in range(*slice(start, end).indices(len(grammar.texts))):  # as `doc[start:end]` reads
        if grammar.kind_at(position) == "acronym":
            found.append(grammar.texts[position])
    return found


def _phrases(grammar: Grammar, start: int, end: int, subjects: bool = False) -> list[tuple[list[str], int]]:
    """The noun phrases between two tokens, with where each ends.

    With `subjects`, a phrase a preposition introduces ("di Provinsi Jambi",
    "dari angkatan kerja tersebut") is left out: it names a place, a time or a
    whole, never what the figure counts.
    """
    found: list[tuple[list[str], int]] = []
    position = start
    doc = grammar.doc
    texts, lowers = grammar.texts, grammar.lowers
    previous_end, previous_prepositional = -1, False
    while position < end:
        words, stop = grammar.phrase(position, end)
        if words:
            first = _first_word(doc, grammar, position, stop, words[0])
            before = [lowers[i] for i in grammar.words_in(max(start, first - 2), first)]
            prepositional = bool(before) and (
                before[-1] in grammar.prepositions
                or (
                    len(before) > 1
                    and before[-2] in grammar.prepositions
                    and before[-1] in grammar.measure | grammar.function
                )
            )
            if (
                prepositional
                and len(before) > 1
                and before[-1] in grammar.prepositions
                and before[-2] in grammar.measure
            ):
                prepositional = False  # "the number of unemployed people": what the measure counts
            if previous_prepositional and previous_end >= 0:
                between = {lowers[i] for i in grammar.words_in(previous_end, first)}
                if between <= {"atau", "dan", "serta", "or", "and", ","} | grammar.measure:
                    prepositional = True  # "terhadap total populasi atau total penduduk"
            following = grammar.words_in(stop, min(len(doc), stop + 2))
            gloss = (
                previous_end >= first - 2
                and first > 0
                and texts[first - 1] == "("
                and bool(following)
                and texts[following[0]] == ")"
                and (len(words) > 1 or words[0].islower())  # "(Jakon)", "(BPU)" name a segment: no gloss
            )  # "inflasi bulanan (month to month) tercatat 0,08 persen": the bracket restates the phrase before
            if not (subjects and (prepositional or gloss and found)):
                found.append((words, stop))
            previous_end, previous_prepositional = stop, prepositional
        position = max(stop, position + 1)
    return found


def _first_word(doc: Doc, grammar: Grammar, start: int, stop: int, word: str) -> int:
    texts = grammar.texts
    for position in range(start, stop):
        if texts[position] == word:
            return position
    return start


def _without_appositives(doc: Doc, grammar: Grammar, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "Produksi padi di Jawa Timur, sentra terbesar, tercatat 9,71 juta ton": an appositive is no subject.

    A short part between commas right after a place or an organization
    describes that place or organization, not what the figure counts; a
    relative clause between commas ("Core inflation, which strips out
    volatile food prices, stood at ...", "Inflasi inti, yang ..., mencapai")
    describes the part before it.
    """
    kept = []
    for number, (begin, end) in enumerate(segments):
        words = grammar.words_in(begin, end)
        before = grammar.words_in(*segments[number - 1]) if number else []
        if 0 < number < len(segments) - 1 and words and before and grammar.lowers[words[0]] in grammar.relative:
            continue
        if (
            0 < number < len(segments) - 1
            and 0 < len(words) <= 3
            and before
            and grammar.kind_at(before[-1]) in ("place", "entity")
            and not any(grammar.kind_at(i) in ("verb", "link", "source", "figure", "number") for i in words)
        ):
            continue
        kept.append((begin, end))
    return kept


def _segments(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The comma-separated parts of a clause, first to last (the last may be empty)."""
    parts = []
    begin = start
    texts = texts_of(doc)
    for position in range(start, end):
        if texts[position] == ",":
            parts.append((begin, position))
            begin = position + 1
    parts.append((begin, end))
    return [p for p in parts[:-1] if p[0] < p[1]] + parts[-1:]


def _inside_a_date(figure: Figure) -> bool:
    """The day of "hingga 31 Desember 2024": no figure, so no boundary of the subject before the amount.

    A year read as a number ("data SSGI 2022") still ends the phrase before it, as a figure would.
    """
    return figure.skip and not (1900 <= figure.value < 2100 and figure.value == int(figure.value))


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w).upper()


def _syllabic(text: str) -> bool:
    """Whether a bracketed word could be a syllable acronym ("wisman", "balita", "Puskesmas")."""
    return text.isalpha() and 4 <= len(text) <= 10


def _abbreviated(acronym: str, words: list[str]) -> int:
    """How many of the last words an acronym abbreviates, 0 for none.

    Each word gives the acronym its first letters, in order: one each for
    initials ("demam berdarah dengue" DBD), more for Indonesian syllable
    acronyms ("wisatawan mancanegara" wisman, "bawah lima tahun" balita). The
    longest run of at least two words wins.
    """
    letters = acronym.lower()

    def spells(rest: str, tail: list[str]) -> bool:
        if not tail:
            return not rest
        word = tail[0].lower()
        return any(rest.startswith(word[:n]) and spells(rest[n:], tail[1:]) for n in range(1, len(word) + 1))

    for count in range(min(len(words), len(letters), MAX_PHRASE), 1, -1):
        if spells(letters, words[-count:]):
            return count
    return 0


def _only_cue(words: list[str], grammar: Grammar) -> bool:
    return all(w.lower() in grammar.cue_words for w in words)


def _population(doc: Doc, figure: Figure, sentence: Sentence, grammar: Grammar, index: MetricIndex) -> str:
    """ "55 persen dari (total) jumlah pekerja": the total a percentage is taken of."""
    if figure.unit != "percent":
        return ""
    words = [t for t in doc[figure.end : min(sentence.end, figure.end + 3)] if not t.is_space]
    if not words or words[0].lower_ not in ("dari", "of", "terhadap"):
        return ""
    position = words[0].i + 1
    while position < sentence.end and (
        doc[position].lower_ in ("total", "the", "all", "seluruh", "keseluruhan") or doc[position].is_space
    ):
        position += 1
    phrase, _ = grammar.phrase(position, sentence.end)
    if not phrase:
        return ""
    metric, _ = index.read(phrase)
    return metric


def _column(doc: Doc, figure: Figure, sentence: Sentence, context: Context) -> list[str]:
    """A table cell's column header ("Kepesertaan Aktif")."""
    if sentence.kind != "row" or not sentence.columns:
        return []
    for position, (begin, end) in enumerate(sentence.cells):
        if begin <= figure.start_char < end and position < len(sentence.columns):
            return sentence.columns[position].split()
    return []


def _header_phrase(doc: Doc, header: Sentence, grammar: Grammar, index: MetricIndex) -> list[str]:
    """The metric a list's header names.

    The most specific known metric among its phrases ("daerah dengan populasi
    terbanyak ... angka stunting ... turun": stunting, not the population the
    regions are ranked by); else the phrase after "dengan"/"terkait"; else the
    first with a known metric.
    """
    phrases: list[list[str]] = []
    position = header.start
    after_marker: list[str] = []
    while position < header.end:
        token = doc[position]
        if token.lower_ in ("dengan", "terkait", "tentang", "mengenai", "with", "on", "of") and not after_marker:
            words, end = grammar.phrase(position + 1, header.end)
            if words:
                after_marker = words
                phrases.append(words)
                position = max(end, position + 1)
                continue
        kind = grammar.kind(token)
        if kind in ("content", "acronym", "status"):
            words, end = grammar.phrase(position, header.end)
            if words:
                phrases.append(words)
                position = max(end, position + 1)
                continue
        position += 1
    ranked = []
    for order, phrase in enumerate(phrases):
        metric = index.lexicon.metric((index.read(phrase)[0].split() or [""])[0])
        if metric is not None and not metric.generic and not metric.population:
            ranked.append((-metric.specificity, order, phrase))
    if ranked:
        return min(ranked)[2]
    if after_marker:
        return after_marker
    known = [p for p in phrases if "-" in index.read(p)[0].split()[0]]
    if known:
        return known[0]
    # "angka putus sekolah SMA menurut provinsi": the rows are provinces, the metric is what they give
    specific = [p for p in phrases if not _generic_phrase(p, index)]
    return (specific or phrases or [[]])[-1]


def _generic_phrase(phrase: list[str], index: MetricIndex) -> bool:
    words = index.read(phrase)[0].split()
    metric = index.lexicon.metric(words[0]) if words else None
    return metric is not None and metric.generic


def _antecedent(
    doc: Doc, figure: Figure, sentence: Sentence, figures: list[Figure], sentences: list[Sentence], context: Context
) -> Figure | None:
    """ "Jumlah ini", "Angka tersebut", "jumlahnya": the figure the words point back to."""
    text = context.article.text[sentence.start_char : figure.start_char].lower()
    anaphora = _anaphora(context.language, context.lexicon)
    if not any(has_word(text, a) for a in anaphora):
        return None
    if any(a in text and re.search(rf"(?:^|\W)(?:dari|of|among)\s+{re.escape(a)}(?:\W|$)", text) for a in anaphora):
        return None  # "Dari jumlah tersebut, 4,6 juta ...": a part of the antecedent, not the antecedent
    earlier = [f for f in figures if f.sentence == figure.sentence and f.end <= figure.start and f.metric]
    if earlier:
        return earlier[-1]
    for position in range(sentence.index - 1, max(-1, sentence.index - 4), -1):
        previous = sentences[position]
        if previous.kind == "boilerplate":
            continue
        levels = [figures[i] for i in previous.figures if figures[i].metric and not figures[i].baseline]
        if levels:
            same = [f for f in levels if f.unit == figure.unit and f.modality not in ("change",)]
            return (same or levels)[0]
    return None


_anaphora_phrases: dict[tuple[int, int], list[str]] = {}


def _anaphora(language: Language, lexicon: Lexicon) -> list[str]:
    """The language's pointing-back phrases, and a flow's head with a demonstrative.

    "realisasi tersebut turun 7,9 persen", "this revenue": the flow named before, whatever it was.
    """
    key = (id(language), id(lexicon))
    if key not in _anaphora_phrases:
        demonstratives = language.statement.get("demonstratives", [])
        heads = [h for h in lexicon.flow_heads if h not in lexicon.metric_noise]
        built = [f"{head} {d}" for head in heads for d in demonstratives] + [
            f"{d} {head}" for head in heads for d in demonstratives
        ]
        _anaphora_phrases[key] = [*language.modality_cues.get("anaphora", []), *built]
    return _anaphora_phrases[key]


def _previous_sentence(sentence: Sentence, sentences: list[Sentence], doc: Doc, context: Context) -> Sentence | None:
    """The sentence a subjectless one continues: the one before in its paragraph, or the paragraph before."""
    previous = sentence_before(sentence, sentences)
    if previous is not None and (previous.paragraph == sentence.paragraph or previous.kind in ("prose", "item")):
        return previous
    return None
