"""Places and scope: where each figure applies (a province, regency, city, country or breakdown).

Sets `doc.spans["place"]`, `context.region`, `figure.scope` and
`figure.scope_evidence`. Reads `doc._.sentences` (rows, labels, headers),
`doc._.figures` and the lexicon's gazetteer (rules/gazetteer.yml, countries
from pycountry), breakdown words and national words.

A figure takes the place written right after it ("4,95 juta di Jawa Timur"),
else the nearest before it in its clause, else one named in its sentence, else
its row's label ("- Papua Barat: 30%"), its list header's, or the previous
sentence's while the paragraph goes on; a sentence that says "nasional"
stops the carry. Breakdowns ("perkotaan", "laki-laki", "usia 24-35 bulan")
stack on the place: "Jambi/perkotaan". A place in a speaker's title ("Kepala
BPS Provinsi Jambi") or where something was said ("kata Amalia di Jakarta,
Senin") is not a scope. In a regional story a figure the text does not place
is marked with the story's region and a question mark ("Jambi?").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.language import Language as SpacyLanguage
from spacy.tokens import Doc, Span

from ..anchors import finditer as anchored
from ..lexicon import Lexicon
from .doc import (
    Context,
    Figure,
    Sentence,
    attribute_of,
    context_of,
    figures_of,
    lowers_of,
    positions_in,
    sentences_of,
    span_text,
    text_of,
    texts_of,
    words_between,
)
from .doc import in_sentence as sentence_figures  # "in_sentence" names the spans of a sentence here
from .phrases import Phrases, longest_first, phrases, tokenized

TITLE_ROLES = {
    "kepala",
    "kakanwil",
    "kacab",
    "direktur",
    "deputi",
    "head",
    "director",
    "gubernur",
    "bupati",
    "wali",
    "pj",
    "plt",
    "plh",
    "sekda",
    "ketua",
}
AGE_GROUP = re.compile(
    r"\b(?:kelompok\s+)?(?:usia|umur|aged?)\s+(\d{1,2}\s*[-–]\s*\d{1,2})\s*(bulan|tahun|months|years)?", re.I
)
OWN_PLACE_WORDS = 8
PREPOSITIONS = {"di", "in", "at", "untuk", "for", "dari", "of", "se-", "wilayah"}


@SpacyLanguage.factory("factcheck_places")
def make_places(nlp: SpacyLanguage, name: str) -> Any:
    return Places(nlp)


class Places:
    def __init__(self, nlp: SpacyLanguage) -> None:
        self.nlp = nlp
        self.matchers: dict[int, tuple[Phrases, Phrases, Phrases]] = {}

    def matchers_for(self, lexicon: Lexicon) -> tuple[Phrases, Phrases, Phrases]:
        """The gazetteer's names as written, their long names in any case after the first word, and the words."""
        key = id(lexicon)
        if key not in self.matchers:
            by_name: dict[str, list[str]] = {}
            for form, name in lexicon.places.items():
                by_name.setdefault(name, []).append(form)
            forms = [(form, name) for name, written in by_name.items() for form in written]
            words = [*lexicon.breakdown_words, *lexicon.national_words]
            # every text tokenized once, for all three, and kept in the language-data cache (phrases.py)
            tokens = tokenized(self.nlp, [*(form for form, _ in forms), *words])
            named = list(zip(tokens, forms))
            places = phrases((t, name) for t, (_, name) in named)
            # "Papua tengah", "Jawa barat": a name of two words or more, whatever its case after the first
            loose = phrases(
                (tuple(w.lower() for w in t), name)
                for t, (form, name) in named
                if len(form.split()) > 1 and form.split()[0][:1].isupper()
            )
            labels = ["breakdown"] * len(lexicon.breakdown_words) + ["national"] * len(lexicon.national_words)
            found = phrases((tuple(w.lower() for w in t), label) for t, label in zip(tokens[len(forms) :], labels))
            self.matchers[key] = (places, loose, found)
        return self.matchers[key]

    def __call__(self, doc: Doc) -> Doc:
        context = context_of(doc)
        places_matcher, loose_matcher, words_matcher = self.matchers_for(context.lexicon)
        texts, lowers = texts_of(doc), lowers_of(doc)
        title, upper = attribute_of(doc, "IS_TITLE"), attribute_of(doc, "IS_UPPER")
        found = [(s, e, name) for name, s, e in places_matcher.find(texts)]
        found += [
            (s, e, name)
            for name, s, e in loose_matcher.find(lowers)
            if title[s] or upper[s]  # the first word still starts the name
        ]
        datelines = [(s.start, s.body_start) for s in sentences_of(doc) if s.body_start > s.start]
        spans = [
            s
            for s in (Span(doc, s, e, label=name) for s, e, name in longest_first(found))  # Spans of the kept only
            if not _not_a_scope(doc, s, context) and not any(a <= s.start < b for a, b in datelines)
        ]
        spans = _subdivisions(doc, spans, context)
        spans = sorted([*spans, *_venues(doc, spans, context)], key=lambda s: s.start)
        doc.spans["place"] = spans
        words = words_matcher.find(lowers)
        breakdowns = [doc[s:e] for k, s, e in words if k == "breakdown"]
        national = [doc[s:e] for k, s, e in words if k == "national"]
        doc.spans["national"] = national
        doc.spans["breakdown"] = breakdowns
        sentences = sentences_of(doc)
        figures = figures_of(doc)
        _skip_ages(doc, sentences, figures, context)
        context.region = _region(doc, spans, sentences, context)
        previous_scope: dict[int, str] = {}
        venue_keys = _venue_keys(context)
        venues_named: dict[tuple[str, ...], str] = {}  # a venue's head words -> the venue last named with them
        gone_national = (
            False  # a regional story that moved on to the nation: its unplaced figures are no longer the region's
        )
        for sentence in sentences:
            if sentence.kind == "boilerplate":
                continue
            in_sentence = [s for s in spans if sentence.start <= s.start < sentence.end]
            says_national = any(sentence.start <= s.start < sentence.end for s in national)
            for index in sentence.figures:
                figure = figures[index]
                place, evidence = self._place(doc, figure, sentence, in_sentence, figures, sentences, context)
                if not place and says_national:
                    place, evidence = "", "national"
                if not place and not says_national and evidence == "default" and venues_named:
                    pointed = _venue_pointed_back(doc, figure, sentence, venues_named, context)
                    if pointed:
                        place, evidence = pointed, "venue named before"
                if not place and not says_national and evidence == "default":
                    carried = self._carried(sentence, sentences, previous_scope)
                    if carried:
                        place, evidence = carried, "previous sentence"
                if not place and not says_national and evidence == "default" and context.region and not gone_national:
                    place, evidence = f"{context.region}?", "article region"
                breakdown = self._breakdown(doc, figure, sentence, breakdowns, context)
                if evidence == "previous sentence" and "/" in place:
                    place, carried = place.split("/", 1)
                    breakdown = breakdown or carried
                if not breakdown and figure.rank and not place:
                    breakdown = figure.rank  # "tertinggi sebesar 37,9 persen" is no national figure
                figure.scope = f"{place}/{breakdown}" if breakdown else place
                figure.scope_evidence = evidence
            placed = [
                figures[i].scope
                for i in sentence.figures
                if figures[i].scope_evidence not in ("article region", "default") or "/" in figures[i].scope
            ]
            places_named = {p.split("/")[0] for p in placed}
            if context.region and sentence.kind == "prose":
                if any(s.label_ == context.region for s in in_sentence) or any(places_named):
                    gone_national = False
                elif says_national and sentence.figures:
                    gone_national = True
            for span in in_sentence:
                key = _venue_key(span.label_, venue_keys)
                if key:
                    venues_named[key] = span.label_
            if says_national:
                previous_scope[sentence.index] = ""
            elif len(places_named) > 1:
                previous_scope[sentence.index] = ""  # a comparison of places: the next sentence is about none of them
            elif placed:
                previous_scope[sentence.index] = placed[-1]
            elif in_sentence and not sentence.figures:
                previous_scope[sentence.index] = in_sentence[0].label_
        return doc

    @staticmethod
    def _place(
        doc: Doc,
        figure: Figure,
        sentence: Sentence,
        in_sentence: list[Span],
        figures: list[Figure],
        sentences: list[Sentence],
        context: Context,
    ) -> tuple[str, str]:
        lexicon = context.lexicon
        if sentence.label:
            label = sentence.label
            name = lexicon.places.get(label) or lexicon.places.get(
                re.sub(r"^(?:Provinsi|Prov\.|Kab\.|Kabupaten)\s+", "", label)
            )
            if name:
                return name, "row label"
        others = [f for f in sentence_figures(figures, figure.sentence) if f is not figure]
        opening = figure.start - 1
        while opening >= 0 and doc[opening].is_space:
            opening -= 1
        if opening > 0 and doc[opening].text == "(":
            labelled = [
                s for s in in_sentence if s.end == opening or (s.end == opening - 1 and doc[opening - 1].is_space)
            ]
            if labelled:
                return labelled[-1].label_, "clause"  # "Bali (7,2%), Jambi (13,5%)": the place the bracket follows
        clause_start, clause_end = _clause(doc, figure, sentence)
        after = [
            s
            for s in in_sentence
            if figure.end <= s.start < clause_end
            and len(words_between(doc, figure.end, s.start)) <= OWN_PLACE_WORDS
            and not any(figure.end <= o.start < s.start for o in others)
            and any(w in PREPOSITIONS for w in lowers_of(doc)[max(figure.end, s.start - 3) : s.start])
        ]
        if after:
            return after[0].label_, "clause"
        before = [s for s in in_sentence if clause_start <= s.start and s.end <= figure.start]
        national = [s for s in doc.spans.get("national", []) if clause_start <= s.start < clause_end]
        if before and not any(
            before[-1].end <= s.start and s.end <= figure.start and _names_the_nation(doc, s, context) for s in national
        ):
            # the nearest place word is the figure's: "Pemerintah Arab Saudi menetapkan kuota haji Indonesia
            # sebesar ..." counts Indonesia's quota, which the government of another country set
            return before[-1].label_, "clause"
        if national:
            return "", "national"  # "lebih rendah dari rata-rata nasional 9,4 persen"
        first = min([figure.start, *(o.start for o in others)])
        subject = [s for s in in_sentence if s.end <= first]
        if subject and not _broken_off(doc, subject[-1], figure, others, context):
            return subject[-1].label_, "sentence"
        if sentence.header is not None:
            header = sentences[sentence.header]
            header_places = [s for s in doc.spans.get("place", []) if header.start <= s.start < header.end]
            if header_places:
                return header_places[0].label_, "header"
        return "", "default"

    @staticmethod
    def _carried(sentence: Sentence, sentences: list[Sentence], previous_scope: dict[int, str]) -> str:
        position = sentence.index - 1
        while position >= 0 and sentences[position].kind == "boilerplate":
            position -= 1
        if position < 0 or sentences[position].paragraph != sentence.paragraph:
            return ""
        return previous_scope.get(position, "")

    @staticmethod
    def _breakdown(doc: Doc, figure: Figure, sentence: Sentence, breakdowns: list[Span], context: Context) -> str:
        clause_start, clause_end = _clause(doc, figure, sentence)
        near = [s for s in breakdowns if clause_start <= s.start < clause_end]
        if sentence.label:
            label_end = sentence.label_end - context.offset
            near += [s for s in breakdowns if sentence.start <= s.start and s.end_char <= label_end]
        if not near:
            others = [f for f in sentence_figures(figures_of(doc), figure.sentence) if f is not figure]
            first = min([figure.start, *(o.start for o in others)])
            near = [s for s in breakdowns if sentence.start <= s.start and s.end <= first]
        if near:
            figures = sentence_figures(figures_of(doc), figure.sentence)
            owner = {id(s): _attached_to(doc, s, figures) for s in near}
            own = [s for s in near if owner[id(s)] is figure]
            free = [s for s in near if owner[id(s)] is None]
            before = [s for s in free if s.end <= figure.start]
            chosen = own[0] if own else before[-1] if before else free[0] if free else None
            if chosen is not None:
                word = chosen.text.lower()
                return context.lexicon.breakdown_forms.get(word, word)
            return ""
        clause_text = span_text(doc, clause_start, clause_end)
        age = AGE_GROUP.search(clause_text)
        if not age:
            others = [f for f in sentence_figures(figures_of(doc), figure.sentence) if f is not figure]
            first = min([figure.start, *(o.start for o in others)])
            age = AGE_GROUP.search(span_text(doc, sentence.start, first))
        if age:
            span = "".join(age.group(1).split())
            return f"usia {span} {(age.group(2) or '').lower()}".strip()
        return ""


ATTACHED_WORDS = 3  # "1.750.474 pemilih di luar negeri", "1.75 million voters abroad"
CONNECTORS = {"dan", "serta", "atau", "sedangkan", "sementara", "and", "or", "while", ",", ";"}


def _attached_to(doc: Doc, breakdown: Span, figures: list[Figure]) -> Figure | None:
    """The figure a breakdown word follows closely, with no connector between ("203 juta pemilih di dalam negeri").

    "perkotaan 7,09 persen dan di perdesaan 11,79 persen": "dan" parts "perdesaan" from the figure before it.
    """
    before = [f for f in figures if f.end <= breakdown.start]
    if not before:
        return None
    figure = before[-1]
    between = words_between(doc, figure.end, breakdown.start)
    if len(between) > ATTACHED_WORDS or any(w in CONNECTORS for w in between):
        return None
    return figure


def _venue_keys(context: Context) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """How a venue is named again without its name: "bandara tersebut", "the airport".

    The venue word written before a name ("Bandara Juanda") is its key whole, the one written after it
    ("Juanda International Airport") by its last word; each beside the form that starts (or ends) a name.
    """
    lexicon = context.lexicon
    before = [(w.lower() + " ", tuple(w.lower().split())) for w in lexicon.venue_words]
    after = [(" " + w.lower(), tuple(w.lower().split()[-1:])) for w in lexicon.venue_words_after]
    return tuple(sorted(before + after, key=lambda pair: -len(pair[0])))


def _venue_key(label: str, keys: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...]:
    lower = label.lower()
    for affix, key in keys:
        if (affix.endswith(" ") and lower.startswith(affix)) or (affix.startswith(" ") and lower.endswith(affix)):
            return key
    return ()


def _venue_pointed_back(
    doc: Doc, figure: Figure, sentence: Sentence, venues_named: dict[tuple[str, ...], str], context: Context
) -> str:
    """ "The airport served 52.8 million passengers", "Bandara tersebut melayani ...": the venue named before."""
    statement = context.language.statement
    pointers = {w.lower() for w in [*statement.get("demonstratives", []), *statement.get("definite_articles", [])]}
    lowers = lowers_of(doc)
    start = max(sentence.start, sentence.body_start)
    for key, label in venues_named.items():
        size = len(key)
        for position in range(start, figure.start - size + 1):
            if tuple(lowers[position : position + size]) != key:
                continue
            before = lowers[position - 1] if position > start else ""
            after = lowers[position + size] if position + size < figure.start else ""
            if before in pointers or after in pointers:
                return label
    return ""


def _names_the_nation(doc: Doc, span: Span, context: Context) -> bool:
    """ "kuota haji Indonesia": the nation a noun is of, not a yardstick ("target nasional", "14 persen nasional")."""
    if span.start == 0:
        return False
    before = lowers_of(doc)[span.start - 1]
    language = context.language
    yardsticks = {w for phrase in language.partition_references for w in phrase.split()}
    return doc[span.start - 1].is_alpha and before not in yardsticks and before not in language.percent_words


def _broken_off(doc: Doc, place: Span, figure: Figure, others: list[Figure], context: Context) -> bool:
    """A strong break ("while", "sementara", ";") after the place's own figure and before this one.

    "Bali received 625,665 visitors, while arrivals in January-July stood at 7.46 million": the
    second clause is about the whole country again.
    """
    breaks = context.language.strong_breaks
    lowers = lowers_of(doc)
    own = [o.start for o in others if place.end <= o.start < figure.start]
    if not own:
        return False
    return any(lowers[i] in breaks for i in range(min(own), figure.start))


def _clause(doc: Doc, figure: Figure, sentence: Sentence) -> tuple[int, int]:
    """Token bounds of the comma-delimited clause around a figure."""
    texts = texts_of(doc)
    start = figure.start
    while start > sentence.start and texts[start - 1] not in (",", ";", "—", "(", ")"):
        start -= 1
    end = figure.end
    while end < sentence.end and texts[end] not in (",", ";", "—"):
        end += 1
    return start, end


def _not_a_scope(doc: Doc, span: Span, context: Context) -> bool:
    """A place in a speaker's title, where something was said, or a dateline."""
    language = context.language
    before = words_between(doc, max(0, span.start - 6), span.start)
    if any(word in TITLE_ROLES for word in before[-5:]):
        return True
    if before and before[-1] in ("di", "in", "at"):
        window = doc[_sentence_floor(doc, span.start, 10) : span.start]
        wider = {t.lower_ for t in window}
        if wider & set(context.lexicon.location_words):
            return True
        if wider & language.speech_verbs and not _a_figure_counted_there(doc, span, window, context):
            return True
        after = [t for t in doc[span.end : span.end + 4] if not t.is_space]
        if len(after) >= 2 and after[0].text == "," and after[1].lower_ in language.weekdays:
            return True
    following = words_between(doc, span.end, span.end + 3, lower=False)
    # a token's trailing whitespace is one space at most, never a line break
    at_line_start = span.start == 0 or "\n" in texts_of(doc)[span.start - 1]
    # "Semarang (ANTARA) -", "Jambi – ...": a dateline
    return bool(at_line_start and following and following[0] in ("-", "–", "—", "(", ","))


def _sentence_floor(doc: Doc, position: int, reach: int) -> int:
    """Where to stop looking back from `position`: `reach` tokens, or the end of the sentence before.

    "... BPS said.\n\nIn Jakarta, the rate stood at 6.03 percent": the verb before the full stop says
    nothing of where the next sentence's figure is.
    """
    texts = texts_of(doc)
    floor = max(0, position - reach)
    for i in range(position - 1, floor - 1, -1):
        if texts[i] in (".", "!", "?") or "\n" in texts[i]:
            return i + 1
    return floor


def _a_figure_counted_there(doc: Doc, span: Span, window: Span, context: Context) -> bool:
    """ "BPS mencatat jumlah penduduk miskin di Provinsi Bengkulu ... sebanyak 272,2 ribu": a scope.

    After a speech verb, "di" names where something was said ("kata Amalia di
    Jakarta") when only a name stands between; when common nouns do (what was
    counted) and a figure follows in the same clause, the place is the figure's.
    """
    language = context.language
    verbs = [t.i for t in window if t.lower_ in language.speech_verbs]
    between = [t for t in doc[verbs[-1] + 1 : span.start - 1] if not t.is_space and not t.is_punct]
    if all(t.is_title or t.is_upper or t.lower_ in language.role_words for t in between):
        return False
    clause_end = span.end
    while (
        clause_end < len(doc)
        and doc[clause_end].text not in (",", ";", ".", '"', "“", "”")
        and "\n" not in doc[clause_end].text
    ):
        clause_end += 1
    return any(span.end <= f.start < clause_end for f in figures_of(doc))


@lru_cache(maxsize=8)
def venue_heads(words: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """The venue words as word tuples by their first word, longest first: a token that starts none is passed over.

    A blank word is kept under "" (the empty head). Only heads of one length can match at one place
    together, and then only one, so the first match among a first word's heads is the longest of all
    the heads, as a scan of every head longest first finds.
    """
    heads = sorted((tuple(w.split()) for w in words), key=len, reverse=True)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for head in heads:
        by_first.setdefault(head[0] if head else "", []).append(head)
    return by_first


def _skip_ages(doc: Doc, sentences: list[Sentence], figures: list[Figure], context: Context) -> None:
    """ "among those aged 15-24", "usia 15-24 tahun": the bounds of an age group name a breakdown, not figures."""
    # tried only at its first words ("usia", "aged"), which reads far less than testing every character
    # for a digit first did (a match holds a digit, so that test only ever skipped texts without one)
    text = text_of(doc)
    ages = [(m.start(1) + context.offset, m.end(1) + context.offset) for m in anchored(AGE_GROUP, text)]
    if not ages:
        return
    for figure in figures:
        if any(a <= figure.start_char < b for a, b in ages):
            figure.skip = True
    for sentence in sentences:
        sentence.figures = [i for i in sentence.figures if not figures[i].skip]


def _subdivisions(doc: Doc, places: list[Span], context: Context) -> list[Span]:
    """ "Kecamatan Depok", "Desa Sukamaju": a unit below the regency, named as the text writes it."""
    words = set(context.lexicon.subdivision_words)
    if not words:
        return places
    kept = []
    for span in places:
        before = span.start - 1
        while before >= 0 and doc[before].is_space:
            before -= 1
        if before >= 0 and doc[before].text in words:
            kept.append(Span(doc, before, span.end, label=doc[before : span.end].text))
        else:
            kept.append(span)
    return kept


def _venues(doc: Doc, places: list[Span], context: Context) -> list[Span]:
    """ "Pasar Induk Cibitung", "Bandara Juanda": a venue word and the capitalized name after it, one scope."""
    by_first = venue_heads(tuple(context.lexicon.venue_words))
    if not by_first:
        return []
    taken = {i for s in places for i in range(s.start, s.end)}
    texts = texts_of(doc)
    found: list[Span] = []
    position = 0  # the first token not yet read
    # only the tokens a venue word starts at (found in C), unless a blank venue word starts one anywhere
    for position_at in range(len(doc)) if "" in by_first else positions_in(texts, by_first):
        if position_at < position:
            continue  # inside the venue just found
        position = position_at
        candidates = by_first.get(texts[position])
        head = None
        if candidates is not None:
            head = next((h for h in candidates if tuple(texts[position : position + len(h)]) == h), None)
        if head is None and "" in by_first:
            head = ()  # a blank venue word in a user's list matches anywhere, last, as the full scan did
        if head is None or position in taken:
            continue
        end = position + len(head)
        while end < len(doc) and end - position < len(head) + 4 and texts[end][:1].isupper() and doc[end].is_alpha:
            end += 1
        if end == position + len(head) or any(i in taken for i in range(position, end)):
            continue
        found.append(Span(doc, position, end, label=doc[position:end].text))
        position = end
    return [*found, *_venues_named_before(doc, [*places, *found], context)]


def _venues_named_before(doc: Doc, places: list[Span], context: Context) -> list[Span]:
    """ "Juanda International Airport": a venue word after the capitalized name it closes, as English writes it."""
    # by first word, as `_venues` reads its heads: a token that starts no tail is passed over at once
    # instead of being compared with every tail (tests/test_fast_paths.py checks it against that scan)
    by_first = venue_heads(tuple(context.lexicon.venue_words_after))
    if not by_first:
        return []
    taken = {i for s in places for i in range(s.start, s.end)}
    function_words = context.language.function_words | context.language.stopwords
    texts = texts_of(doc)
    found: list[Span] = []
    for position in range(len(doc)) if "" in by_first else positions_in(texts, by_first):
        tail = _head_at(texts, position, by_first)
        if tail is None or any(i in taken for i in range(position, position + len(tail))):
            continue
        begin = position
        while begin > 0 and position - begin < 6 and begin - 1 not in taken:
            before = texts[begin - 1]
            glued = begin > 1 and not doc[begin - 2].whitespace_ and not doc[begin - 1].whitespace_
            if before == "-" and glued and texts[begin - 2][:1].isupper() and doc[begin - 2].is_alpha:
                begin -= 2  # "Soekarno-Hatta", split at its hyphen; "JAKARTA - Soekarno-Hatta" is a dateline
                continue
            alphabetic = doc[begin - 1].is_alpha or all(part.isalpha() for part in before.split("-"))
            if not (before[:1].isupper() and alphabetic) or before.lower() in function_words:
                break
            begin -= 1
        if begin < position:
            end = position + len(tail)
            found.append(Span(doc, begin, end, label=doc[begin:end].text))
            taken.update(range(begin, end))
    return found


def _head_at(texts: list[str], position: int, by_first: dict[str, list[tuple[str, ...]]]) -> tuple[str, ...] | None:
    """The longest head of `venue_heads` that the tokens at `position` spell, or None."""
    candidates = by_first.get(texts[position])
    if candidates is not None:
        for head in candidates:
            if tuple(texts[position : position + len(head)]) == head:
                return head
    return () if "" in by_first else None  # a blank word matches anywhere, last, as the full scan did


def _region(doc: Doc, spans: list[Span], sentences: list[Sentence], context: Context) -> str:
    """The province or regency a regional story is about, from its headline and lead."""
    kinds = context.lexicon.place_kinds
    title = [s for s in sentences if s.kind == "title"]
    body = [s for s in sentences if s.kind == "prose"]
    lead = body[:1]
    for sentence in [*title, *lead]:
        for span in spans:
            if sentence.start <= span.start < sentence.end and kinds.get(span.label_) in (
                "province",
                "kabupaten",
                "kota",
                "regency",
            ):
                if _is_national(doc, sentence, context):
                    return ""
                return span.label_
    return ""


def _is_national(doc: Doc, sentence: Sentence, context: Context) -> bool:
    text = span_text(doc, sentence.start, sentence.end).lower()
    return any(
        w.lower() in text and re.search(rf"\b{re.escape(w.lower())}\b", text) for w in context.lexicon.national_words
    )
