"""Entities: the organizations figures belong to, their aliases, and names spelt almost right.

Sets `doc.spans["entity"]`, `context.learned_aliases`, entity mentions in
`context.mentions` (near misses such as "BPJS Ketenagakerjan", for the
name-variant rule), and `figure.entity` with its evidence. Reads
`doc._.sentences` and `doc._.figures`.

Aliases come from rules/entities.yml and are learned from the text ("X atau
Y", "X (Y)" after a known entity, "Badan ... (BKKBN)"). A figure takes the
entity nearest before it in its sentence, else the first after it, else the
last one of the sentences before, else the article's most frequent one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import and_, or_
from typing import Any

import spacy
from rapidfuzz import fuzz, process
from spacy.language import Language as SpacyLanguage
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..lexicon import Language, Lexicon
from ..models import Mention
from .doc import (
    POSSESSIVES,
    Context,
    Figure,
    Sentence,
    attribute_of,
    context_of,
    figures_of,
    in_sentence,
    lowers_of,
    sentences_of,
    spaces_of,
    span_text,
    text_of,
    texts_of,
)
from .metric import metric_index

NAME = r"([A-Z][\w.&/-]*(?:\s+[A-Z][\w.&/-]*){0,3})"


@SpacyLanguage.factory("factcheck_entities")
def make_entities(nlp: SpacyLanguage, name: str) -> Any:
    return Entities(nlp)


class Entities:
    def __init__(self, nlp: SpacyLanguage) -> None:
        self.nlp = nlp
        self.matchers: dict[int, PhraseMatcher] = {}

    def matcher(self, lexicon: Lexicon) -> PhraseMatcher:
        key = id(lexicon)
        if key not in self.matchers:
            matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
            for entity in lexicon.entities:
                matcher.add(entity.name, [self.nlp.make_doc(alias) for alias in entity.aliases])
            self.matchers[key] = matcher
        return self.matchers[key]

    def __call__(self, doc: Doc) -> Doc:
        context = context_of(doc)
        matches = [Span(doc, s, e, label=doc.vocab.strings[k]) for k, s, e in self.matcher(context.lexicon)(doc)]
        spans = list(spacy.util.filter_spans(matches))
        found = [(s.start, s.end, s.label_, span_text(doc, s.start, s.end)) for s in spans]  # no Token per word
        found += _near_misses(doc, found, context)
        _learn_aliases(doc, found, context)
        taken = {i for s in found for i in range(s[0], s[1])}
        text = text_of(doc)
        for alias, name in sorted(context.learned_aliases.items()):
            if alias not in text:
                continue
            for match in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
                span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if span is not None and not any(i in taken for i in range(span.start, span.end)):
                    found.append((span.start, span.end, name, span.text))
                    taken.update(range(span.start, span.end))
        found.sort()
        doc.spans["entity"] = [Span(doc, s, e, label=name) for s, e, name, _ in found]
        _assign(doc, found, context)
        return doc


def _near_misses(doc: Doc, found: list[tuple[int, int, str, str]], context: Context) -> list[tuple[int, int, str, str]]:
    """ "BPJS Ketenagakerjan": two capitalized words within one edit of a known two-word alias."""
    taken = {i for s in found for i in range(s[0], s[1])}
    aliases, choices, nearest = _two_word_aliases(context.lexicon)
    sentences = sentences_of(doc)
    titles = context.language.title_words | context.language.role_words

    def sentence_text(index: int) -> str:  # wanted only for a near miss: most Docs have none
        home = next((s for s in sentences if s.start <= index < s.end), None)
        return " ".join(span_text(doc, home.start, home.end).split()) if home is not None else ""

    misses = []
    index = 0
    skipped = {i for s in sentences if s.kind == "boilerplate" for i in range(s.start, s.end)}
    # the flags and texts of every token at once: making a Token per position was most of the time here
    upper, title = attribute_of(doc, "IS_UPPER"), attribute_of(doc, "IS_TITLE")
    texts = texts_of(doc)
    for position in _capitalized_pairs(upper, title):
        if position < index:
            continue  # the second word of the near miss just found
        index = position
        if index in taken or index in skipped or len(texts[index]) < 2:
            continue
        first = doc[index]
        candidate = f"{texts[index]} {texts[index + 1]}"
        if {texts[index].lower(), texts[index + 1].lower()} & titles:
            continue  # "Health Minister Budi": a title before a name, not a misspelt "Health Ministry"
        if candidate not in nearest:  # the same capitalized pairs recur from article to article
            nearest[candidate] = process.extractOne(candidate, choices, scorer=fuzz.ratio, score_cutoff=90)
        best = nearest[candidate]
        if best is not None and candidate != best[0]:
            name = aliases[best[2]][1]
            misses.append((index, index + 2, name, candidate))
            start = context.offset + first.idx
            context.mentions.append(
                Mention(
                    context.article.id,
                    context.article.path,
                    start,
                    start + len(candidate),
                    candidate,
                    "entity",
                    canonical=name,
                    sentence=sentence_text(index),
                )
            )
            index += 2
    return misses


def _capitalized_pairs(upper: list[int], title: list[int]) -> Iterator[int]:
    """`i` for each capitalized or upper-case token `i` followed by a title-case one, found in C.

    The only pairs a near miss can be; a Python loop over every token cost more than reading them.
    """
    return compress(range(len(title) - 1), map(and_, map(or_, upper, title), title[1:]))


_ALIASES: dict[int, tuple[Lexicon, list[tuple[str, str]], list[str], dict[str, Any]]] = {}
NEAREST_KEPT = 50_000  # pairs of words remembered per lexicon: bounded for a long run


def _two_word_aliases(lexicon: Lexicon) -> tuple[list[tuple[str, str]], list[str], dict[str, Any]]:
    """The aliases of two words or more (with their entity), and the nearest alias found for each pair of words.

    extractOne's answer depends only on the pair and the aliases, so a pair seen before is not scored again.
    """
    cached = _ALIASES.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        if len(_ALIASES) >= 8:  # lexicons a long-lived process loaded and dropped
            _ALIASES.clear()
        aliases = [(a, e.name) for e in lexicon.entities for a in e.aliases if " " in a]
        cached = _ALIASES[id(lexicon)] = (lexicon, aliases, [a for a, _ in aliases], {})
    if len(cached[3]) > NEAREST_KEPT:
        cached[3].clear()
    return cached[1], cached[2], cached[3]


@lru_cache(maxsize=8)
def _long_name_pattern(organization_words: tuple[str, ...]) -> re.Pattern[str] | None:
    """ "Badan Pusat Statistik (BPS)": built once per lexicon, not escaped and joined again for every Doc."""
    organizations = "|".join(re.escape(w) for w in organization_words)
    if not organizations:
        return None
    return re.compile(rf"\b((?:{organizations})(?:\s+(?:[A-Z][\w-]*|dan|and|of|untuk))+)\s*\(([A-Z]{{2,10}})\)")


def _learn_aliases(doc: Doc, found: list[tuple[int, int, str, str]], context: Context) -> None:
    """ "X atau Y" and "X (Y)" after a known entity; "Long Name (ACRONYM)" for an organization."""
    text = text_of(doc)
    texts, offsets = texts_of(doc), attribute_of(doc, "IDX")
    for _start, end, name, _ in found:
        cut = offsets[end - 1] + len(texts[end - 1])  # where the name ends: 80 characters read, not the whole rest
        after = text[cut : cut + 80]
        match = re.match(rf"\s*\(\s*{NAME}\s*\)", after) or re.match(rf"\s+atau\s+(?:afiliasi\s+)?{NAME}", after)
        if match and match.group(1) not in ("BPJS",):
            context.learned_aliases.setdefault(match.group(1), name)
    pattern = _long_name_pattern(tuple(context.lexicon.organization_words))
    if pattern is None:
        return
    for match in pattern.finditer(text):
        long_name, acronym = match.group(1), match.group(2)
        initials = "".join(w[0] for w in long_name.split() if w[0].isupper())
        if _is_subsequence(acronym, initials) and long_name not in context.learned_aliases:
            known = next((n for s, e, n, t in found if t == long_name), None)
            context.learned_aliases.setdefault(long_name, known or long_name)
            context.learned_aliases.setdefault(acronym, known or long_name)


def _assign(doc: Doc, found: list[tuple[int, int, str, str]], context: Context) -> None:
    figures = figures_of(doc)
    counts = Counter(name for s, e, name, _ in found if not context.in_title(context.offset + doc[s].idx))
    main = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if counts else ""
    # a name the body gives once owns the figures from there on, not those stated before it ("Jumlah investor ...
    # 12,6 juta. ... transaksi harian Bursa Efek Indonesia Rp 10,75 triliun"); one named more often, or in the
    # title, is what the whole article is about
    whole = counts[main] > 1 or any(n == main and context.in_title(context.offset + doc[s].idx) for s, _, n, _ in found)
    first = min((s for s, _, n, _ in found if n == main), default=0)

    def owns(figure: Figure) -> bool:
        return whole or figure.start >= first or context.in_title(context.offset + doc[figure.start].idx)

    last: tuple[str, str] | None = None
    sentences = sentences_of(doc)
    prose = [s for s in sentences if s.kind == "prose"]
    lead = prose[0] if prose else None
    sources = _sources(doc, found, context)
    # the paragraph of each source's first token, the only tokens asked for (not a map of every token)
    starts = {e[0] for e in sources}
    paragraph_of = {i: s.paragraph for s in sentences for i in starts if s.start <= i < s.end}
    tells: dict[int, bool] = {}  # read only for the sentences a lead's source could cover
    source: tuple[int, int, str, str] | None = None
    for sentence in sentences:
        in_sentence = [e for e in found if sentence.start <= e[0] < sentence.end]
        named_before = ""  # the company a figure before in this sentence is of
        for index in sentence.figures:
            figure = figures[index]
            before = [e for e in in_sentence if e[1] <= figure.start]
            # a source the lead names covers the report, but for a sentence that names its own teller
            # ("Anggoro merinci, dari 32 juta peserta aktif BP Jamsostek, ..."); one named later, only its paragraph
            stated = [
                e
                for e in sources
                if e[1] <= figure.start
                and (
                    paragraph_of.get(e[0]) == sentence.paragraph
                    or (
                        lead is not None and lead.start <= e[0] < lead.end and not _tells(doc, sentence, context, tells)
                    )
                )
            ]
            source = stated[-1] if stated else None
            if before and source is not None and source[2] != before[-1][2] and _genitive(doc, before[-1]):
                # "Data Kemnaker menunjukkan ... jumlah peserta aktif BPJS Ketenagakerjaan 8,01 juta": Kemnaker's data
                figure.entity, figure.entity_text, figure.entity_evidence = source[2], source[3], "source"
            elif before:
                figure.entity, figure.entity_text, figure.entity_evidence = before[-1][2], before[-1][3], "sentence"
            elif (
                in_sentence and source is not None and source[2] != in_sentence[0][2] and _genitive(doc, in_sentence[0])
            ):
                figure.entity, figure.entity_text, figure.entity_evidence = source[2], source[3], "source"
            elif in_sentence:
                figure.entity, figure.entity_text, figure.entity_evidence = (
                    in_sentence[0][2],
                    in_sentence[0][3],
                    "sentence",
                )
            elif named := _named_subject(doc, figure, sentence, context) or named_before:
                # "PT Astra International Tbk mencatat laba Rp 33,8 triliun", "Honda sold 900,000 cars": an
                # organization no list names is still whose figure it is, so two companies' profits never meet;
                # "..., dengan penyaluran kredit Rp 210 triliun": the same subject's, further on in its sentence
                figure.entity, figure.entity_text, figure.entity_evidence = named, named, "named subject"
                named_before = named
            elif last is not None:
                figure.entity, figure.entity_text, figure.entity_evidence = last[0], last[1], "previous sentence"
            elif main and owns(figure):
                figure.entity, figure.entity_evidence = main, "article"
        if sentence.kind != "boilerplate":
            # "PT Bank Nusantara Tbk membukukan laba ... Penyaluran kredit tumbuh ...": the company's too
            assigned = [
                figures[i]
                for i in sentence.figures
                if figures[i].entity_evidence in ("sentence", "source", "named subject")
            ]
            if assigned:
                last = assigned[-1].entity, assigned[-1].entity_text  # the attribution goes on
            elif in_sentence:
                last = in_sentence[-1][2], in_sentence[-1][3]
    if main:
        for figure in figures:
            if not figure.entity and owns(figure):
                figure.entity, figure.entity_evidence = main, "article"


def _named_subject(doc: Doc, figure: Figure, sentence: Sentence, context: Context) -> str:
    """A capitalized name that is the subject of the figure's clause and no place, organization or metric.

    The clause runs back from the figure to the sentence's start or the last
    clause opener or speech verb; an organization that records its own figure
    before such a verb counts ("PT Astra mencatat laba"). A name at the very start of a sentence
    counts only with a second capitalized word or a hyphen ("Toyota Motor",
    "Prabowo-Gibran"), since every sentence starts with a capital; a name
    after a preposition is a place or a source, one before a speech verb a
    speaker. A headline capitalizes every word, so it names none.
    """
    if sentence.kind == "title":
        return ""
    language = context.language
    words_of = _word_sets(language)
    stops, prepositions = words_of.stops, words_of.prepositions
    blocked: set[int] | None = doc.user_data.get("factcheck_named_blocked")
    if blocked is None:  # the same for every figure of the Doc: its spans are all set by now
        blocked = doc.user_data["factcheck_named_blocked"] = {
            i
            for name in ("place", "national", "breakdown", "entity")
            for s in doc.spans.get(name, [])
            for i in range(s.start, s.end)
        }
    start = max(sentence.start, sentence.body_start)
    earlier = [f for f in in_sentence(figures_of(doc), sentence.index) if f.end <= figure.start and not f.skip]
    if earlier:
        start = max(start, earlier[-1].end)  # "A meraih 40,9 juta suara dan B 27 juta": the words since the last figure
    organizations = frozenset(context.lexicon.owner_words)
    texts, lowers = texts_of(doc), lowers_of(doc)  # the clause read back word by word: no Token each
    position = figure.start - 1
    while position >= start:
        if texts[position] == ")":  # "PT Bank Mandiri (Persero) Tbk": an aside inside the name
            opening = next((i for i in range(position - 1, max(start, position - 8) - 1, -1) if texts[i] == "("), None)
            if opening is not None:
                position = opening - 1
                continue
        if lowers[position] in stops or texts[position] in (";", ":", "(", '"', "“", "”"):
            floor = max(sentence.start, sentence.body_start)
            run = _run_before(doc, position, floor, blocked, context.lexicon.company_marks)
            if (
                len(run) == 1
                and run[0].is_upper
                and run[0].i - 2 >= floor
                and lowers[run[0].i - 1] in words_of.alternatives
            ):
                # "PT Bank Rakyat Indonesia (Persero) Tbk atau BRI mencatat": the name before its short form
                run = _run_before(doc, run[0].i - 1, floor, blocked, context.lexicon.company_marks) or run
            following = texts[position + 1] if position + 1 < len(doc) else ""
            if (
                lowers[position] in language.speech_verbs
                and following not in (",", ":")
                and _a_name(run, organizations, context)
                and any(t.text in organizations for t in run)
            ):
                # "PT Astra International Tbk mencatat laba": its own figure
                return company_name(doc[run[0].i : run[-1].i + 1].text, context.lexicon.company_marks)
            if (
                lowers[position] in language.speech_verbs
                and following.lower() in words_of.owner_pronouns
                and _a_name(run, organizations, context)
            ):
                # "Apex Motors said its third-quarter revenue rose": the pronoun gives the speaker the figure
                return company_name(doc[run[0].i : run[-1].i + 1].text, context.lexicon.company_marks)
            start = position + 1
            break
        position -= 1
    index = metric_index(context.lexicon, language)
    months = words_of.months
    position = start
    while position < figure.start:
        token = doc[position]
        if not _capitalized(token) or position in blocked or token.lower_ in months:
            position += 1
            continue
        end = position
        # "PT Telkom Indonesia (Persero) Tbk", "Bank Rakyat Nusantara's": a name its legal form or an
        # organization word opens runs through the place inside it (not through an entity the lexicon knows)
        legal = texts[position] in context.lexicon.company_marks or texts[position] in organizations
        crossable = blocked - _entity_positions(doc) if legal else set()
        while end < figure.start and (end not in blocked or end in crossable) and doc[end].lower_ not in months:
            if _capitalized(doc[end]):
                end += 1
            elif (
                doc[end].text == "-"
                and end + 1 < figure.start
                and _capitalized(doc[end + 1])
                and not doc[end - 1].whitespace_
            ):
                end += 2  # "Prabowo-Gibran": a ticket of two names
            elif (
                doc[end].text == "("
                and end + 2 < figure.start
                and doc[end + 2].text == ")"
                and _capitalized(doc[end + 1])
            ):
                end += 3  # "PT Bank Mandiri (Persero) Tbk"
            else:
                break
        if end - position >= 2 and _common_noun(texts[position], words_of.circumfixes):
            position += 1  # "Pendapatan Telkom tumbuh": the sentence opens with a noun, the name follows it
            continue
        # "PT Bank Rakyat Indonesia (Persero) Tbk atau BRI mencatat": the name, then its short form
        alias_end = end
        if legal and end + 2 < figure.start and lowers[end] in words_of.alternatives and texts[end + 1].isupper():
            alias_end = end + 2
        words = [t.text for t in doc[position:end]]
        before = doc[position - 1].lower_ if position > sentence.start else ""
        after = doc[alias_end].lower_ if alias_end < len(doc) else ""
        metric, _ = index.read([w for w in words if w not in "()"], anywhere=True)
        base = (metric.split() or [""])[0]
        names_a_metric = index.lexicon.metric(base) is not None or any(g.id == base for g in index.lexicon.segments)
        if (
            (
                _a_name(list(doc[position:end]), organizations, context)
                and (alias_end >= figure.start or _verb_like(doc[alias_end], context))
                or _possessor(doc, position, end, start, figure, words_of)
                or after in POSSESSIVES
                and not _epithet_after(doc, alias_end, language)
                and _possessive_name(list(doc[position:end]), words_of)
            )
            and before not in prepositions
            and after not in stops
            and not names_a_metric
        ):
            hyphens = [i for i in range(position + 1, end - 1) if doc[i].text == "-"]
            if hyphens:
                position = hyphens[-1] - 1  # "Pasangan Budi-Santo" is the ticket "Budi-Santo"
            return company_name(doc[position:end].text, context.lexicon.company_marks)
        position = end
    return ""


def _entity_positions(doc: Doc) -> set[int]:
    return {i for s in doc.spans.get("entity", []) for i in range(s.start, s.end)}


def _epithet_after(doc: Doc, possessive: int, language: Language) -> bool:
    """ "Southeast Asia's largest economy grew 5.05%": the name before the possessive owns nothing.

    A superlative after the possessive describes the subject (Indonesia), not whose the figure is.
    """
    return possessive + 1 < len(doc) and doc[possessive + 1].lower_ in language.extremes


def _possessive_name(run: list[Token], words_of: _WordSets) -> bool:
    """ "Bank Rakyat Nusantara's net profit", "Telkom's revenue": a name whose figure the words after it give."""
    words = [t.text for t in run if t.text not in ("(", ")", "-")]
    return bool(words) and all(len(w) >= 3 and w.lower() not in words_of.known for w in words)


def _possessor(doc: Doc, position: int, end: int, start: int, figure: Figure, words_of: _WordSets) -> bool:
    """ "Laba bersih Indosat pada 2023 sebesar ...": one name right after the words of a metric is whose it is.

    Only a single capitalized word that no lowercase word of the lexicon spells, between a lowercase word of the
    clause and what leads to the figure (a linking word, a preposition of its date, or the figure itself).
    """
    token = doc[position]
    if end != position + 1 or position <= start or not token.is_title or len(token.text) < 4:
        return False
    previous = doc[position - 1]
    common = previous.is_alpha and (previous.is_lower or _common_noun(previous.text, words_of.circumfixes))
    if not common or previous.lower_ in words_of.known:
        return False
    after = doc[end].lower_ if end < len(doc) else ""
    return token.lower_ not in words_of.known and (
        end >= figure.start or after in words_of.verb_like or after in words_of.prepositions
    )


@dataclass(frozen=True)
class _WordSets:
    """The word classes the named-subject reading tests each word against, built once per language."""

    stops: frozenset[str]  # where a subject's clause starts
    prepositions: frozenset[str]  # a name after one is a place or a source
    months: frozenset[str]  # months and weekdays: never a name
    verb_like: frozenset[str]  # words that make the name before them a subject
    alternatives: frozenset[str]  # "atau", "or": between a name and its short form
    owner_pronouns: frozenset[str]  # "its": after a speech verb, the speaker owns what follows
    circumfixes: tuple[tuple[str, str], ...]  # "pe-an": a word so made is a common noun ("Pendapatan")
    known: frozenset[str]  # lowercase words no name is made of ("Tahun Ini", "Menurut Hendra")


@lru_cache(maxsize=16)
def _word_sets(language: Language) -> _WordSets:
    statement = language.statement
    cues = language.modality_cues
    months = frozenset(language.months) | frozenset(language.weekdays)
    return _WordSets(
        stops=frozenset(statement.get("clause_openers", [])) | set(language.strong_breaks) | language.speech_verbs,
        prepositions=frozenset(statement.get("prepositions", [])) | set(statement.get("agent_words", [])),
        alternatives=frozenset(statement.get("alias_links", [])),
        owner_pronouns=frozenset(statement.get("owner_pronouns", [])),
        circumfixes=tuple(tuple(c.split("-", 1)) for c in statement.get("noun_circumfixes", [])),  # type: ignore[misc]
        months=months,
        verb_like=(
            frozenset(statement.get("link_words", []))
            | set(statement.get("source_verbs", []))
            | set(statement.get("verbs", []))
            | {w for key in ("rise", "fall", "target_verbs") for w in cues.get(key, [])}
        )
        - language.function_words,  # "Insya Allah dengan ...": "dengan" links a figure, never follows a subject
        known=(
            frozenset(language.function_words)
            | language.stopwords
            | language.speaker_cues
            | language.role_words
            | months
            | set(statement.get("prepositions", []))
            | set(statement.get("measure_words", []))
            | set(statement.get("clause_openers", []))
        ),
    )


def _verb_like(token: Token, context: Context) -> bool:
    """Whether a word after a name makes the name a subject ("meraup", "mencatat", "sold", "posted")."""
    lower = token.lower_
    language = context.language
    statement = language.statement
    if lower in _word_sets(language).verb_like:
        return True
    if language.code == "id":
        return len(lower) >= 5 and lower.startswith(("me", "ber", "di", "ter"))
    return len(lower) >= 4 and lower.endswith(tuple(statement.get("verb_endings", [])) + ("s",))


def _a_name(run: list[Token], organizations: frozenset[str], context: Context) -> bool:
    """Whether capitalized words name someone, not just start a sentence.

    A company or a party ("PT Astra", "Partai Hijau"), a ticket of two names
    ("Prabowo-Gibran"), or two or more names none of which is a word the
    lexicon knows in lower case ("Toyota Motor", not "Tahun Ini" or "Menurut
    Hendra").
    """
    words = [t.text for t in run if t.text not in ("(", ")", "-")]
    if not words:
        return False
    if any(w in organizations for w in words) and words[0] not in context.language.role_words:
        return len(words) > 1
    if any(w in context.lexicon.organization_words for w in words):
        return False  # "Dinas Kesehatan mencatat ...": an office reports figures about others
    word_sets = _word_sets(context.language)
    known = word_sets.known
    plain = [
        w
        for w in words
        if not w.isupper() and len(w) >= 3 and w.lower() not in known and not _common_noun(w, word_sets.circumfixes)
    ]
    ticket = any(t.text == "-" for t in run)
    return len(plain) == len(words) and (len(words) >= 2 if not ticket else len(words) <= 3)


def _common_noun(word: str, circumfixes: tuple[tuple[str, str], ...]) -> bool:
    """ "Pendapatan", "Kenaikan": a noun the language makes from a verb, capitalized only as a sentence's first."""
    lower = word.lower()
    return any(
        lower.startswith(prefix) and lower.endswith(suffix) and len(lower) >= len(prefix) + len(suffix) + 4
        for prefix, suffix in circumfixes
    )


def company_name(name: str, marks: frozenset[str]) -> str:
    """A company as every article can name it: "PT Bank Nusantara Tbk (BNTR)" and "Bank Nusantara" are one.

    The legal form before or after the name ("PT", "Tbk", "(Persero)") and a ticker in brackets are left out.
    """
    words = [w for w in re.sub(r"\s*\([A-Z0-9]{2,6}\)\s*$", "", name).split() if w.strip("()").rstrip(".") not in marks]
    return " ".join(words) or name


def _run_before(doc: Doc, position: int, floor: int, blocked: set[int], marks: frozenset[str]) -> list[Token]:
    """The capitalized words that end right before `position`, a bracketed word among them.

    A place inside a company's name ("PT Semen Indonesia (Persero) Tbk") is part of the run when the legal
    form opens it.
    """
    whole = _capitalized_run_start(doc, position, floor, set())
    if whole < position and doc[whole].text in marks:
        blocked = set()
    begin = _capitalized_run_start(doc, position, floor, blocked)
    while begin < position and doc[begin].text in ("(", ")"):
        begin += 1
    return list(doc[begin:position])


def _capitalized_run_start(doc: Doc, position: int, floor: int, blocked: set[int]) -> int:
    begin = position
    while begin > floor and begin - 1 not in blocked:
        previous = doc[begin - 1]
        if (
            _capitalized(previous)
            or previous.text in ("(", ")")
            and begin - 2 >= floor
            and _capitalized(doc[begin - 2])
        ):
            begin -= 1
            continue
        break
    return begin


def _capitalized(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and (token.is_alpha or all(p.isalpha() for p in text.split("-") if p))


def _sources(doc: Doc, found: list[tuple[int, int, str, str]], context: Context) -> list[tuple[int, int, str, str]]:
    """Organizations named as the source of what follows ("Data Kemnaker menunjukkan", "menurut data BPS")."""
    statement = context.language.statement
    verbs = set(statement.get("source_verbs", []))
    cues = {w for cue in statement.get("source_cues", []) for w in cue.split()} | {"data"}
    sources = []
    # the words around each organization from the Doc's lists: a Span and a Token per word cost more
    texts, lowers, spaces, alpha = texts_of(doc), lowers_of(doc), spaces_of(doc), attribute_of(doc, "IS_ALPHA")
    for entity in found:
        start, end = entity[0], entity[1]
        before = [lowers[i] for i in range(max(0, start - 2), start) if not spaces[i]]
        after = [i for i in range(end, min(len(doc), end + 5)) if not spaces[i] and texts[i] not in ("(", ")")]
        after_words = [lowers[i] for i in after if alpha[i]]
        named_by = bool(before) and before[-1] in cues
        reports = (
            bool(after_words[:1]) and after_words[0] in verbs or (len(after_words) > 1 and after_words[1] in verbs)
        )
        if named_by or reports:
            sources.append(entity)
    return sources


def _tells(doc: Doc, sentence: Sentence, context: Context, known: dict[int, bool]) -> bool:
    """The sentence names a teller of its own beside a speech or source verb ("Anggoro merinci", "kata Anggoro").

    A pronoun ("Dia menjelaskan") is whoever was named before, so it names no new teller. Each sentence is
    read once (`known`), from the Doc's word lists.
    """
    if sentence.start in known:
        return known[sentence.start]
    verbs, pronouns = _teller_words(context.language)
    texts, lowers, alpha = texts_of(doc), lowers_of(doc), attribute_of(doc, "IS_ALPHA")
    words = [i for i in range(sentence.start, sentence.end) if alpha[i]]
    found = False
    for index, position in enumerate(words):
        if lowers[position] not in verbs:
            continue
        beside = [words[j] for j in (index - 1, index + 1) if 0 <= j < len(words)]
        if any(texts[i][0].isupper() and lowers[i] not in pronouns and lowers[i] not in verbs for i in beside):
            found = True
            break
    known[sentence.start] = found
    return found


@lru_cache(maxsize=16)
def _teller_words(language: Language) -> tuple[frozenset[str], frozenset[str]]:
    """The words a teller is named beside, and the pronouns that name none, once per language."""
    statement = language.statement
    verbs = language.speech_verbs | language.speaker_cues | set(statement.get("source_verbs", []))
    return frozenset(verbs), frozenset(statement.get("pronouns", []))


def _genitive(doc: Doc, entity: tuple[int, int, str, str]) -> bool:
    """ "peserta aktif BPJS Ketenagakerjaan": the organization names whose figure it is, not who states it."""
    position = entity[0] - 1
    while position >= 0 and doc[position].is_space:
        position -= 1
    if position < 0:
        return False
    token = doc[position]
    return token.is_alpha and token.is_lower and len(token.text) > 3


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(letter in letters for letter in short)
