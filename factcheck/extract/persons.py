"""Names for the name-variant rule: people with their titles, near misses of gazetteer places, venues.

Adds to `context.mentions`:

- `person`: a name beside a speech verb ("kata Direktur Utama BPJS Ketenagakerjaan Rahmat Hidayat
  Saputra", "Amalia Adininggar Widyasanti menyampaikan"), after a speaker cue ("disampaikan oleh Kepala
  BPS, Amalia Adininggar Widyasanti, dalam ...", "ungkap Kepala BPS ..."), or after a capitalized title
  word ("Kepala BPS Amalia Adininggar Widyasanti telah melaporkan"). Its `context` is the title's role
  words and organizations; a place in the title ("Kepala Cabang Bandung Dedi Kurniawan") is not part of
  the name.
- `place`: capitalized words that a multi-word gazetteer form almost spells and that are no place of
  their own ("Kalimatan Selatan", "Kabupaten Bgoor": one word off by at most `MAX_EDITS`, a swap of two
  letters counting one); `canonical` is that form, and the rule decides how many edits it accepts.
- `location`: a capitalized name after a locative preposition ("di Moms Kitchen Resto"), so that the rule can
  find one venue written with and without an apostrophe in different articles.

Reads `doc._.sentences`, `doc.spans["entity"]`, the lexicon's gazetteer and the language's speech verbs,
speaker cues, agent words, title words, role words and place words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import OSA
from spacy.language import Language as SpacyLanguage
from spacy.tokens import Doc, Span, Token

from ..anchors import finditer as anchored
from ..lexicon import Language, Lexicon
from ..models import Mention
from .doc import Context, context_of, lowers_of, positions_in, sentences_of, span_text

Run = tuple[list[Token], int]  # capitalized words, and the first of them that may begin the name
MAX_EDITS = 2  # the most a place near miss may be off; the rule's options narrow it
MIN_WORD = 4  # a shorter word is too easily another real name to call a misspelling
MAX_NAME_WORDS = 5  # a longer capitalized run is a title-case headline, not a person
PLACE_KINDS = ("province", "kabupaten", "kota", "regency")
# a capitalized word: letters, with apostrophes or hyphens inside ("Ma'ruf") and an abbreviation's dot ("Plt.")
CAPITALIZED = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W\d_])?\.?")
NAME_RUN = re.compile(r"[^\W\d_a-z][\w'’-]*(?:[ \t]+[^\W\d_a-z][\w'’-]*)+")  # two capitalized words or more


@SpacyLanguage.factory("factcheck_persons")
def make_persons(nlp: SpacyLanguage, name: str) -> Any:
    return Persons()


@dataclass
class NameIndex:
    """What the lexicon knows about names, indexed once per lexicon.

    `blocks` holds the multi-word gazetteer forms by "the form without word i", so that a near miss is
    found by lookup; `titles` the places and portfolios that may stand between a title and a name
    ("Menteri Kesehatan ...": "kesehatan", from the entity Kementerian Kesehatan).
    """

    blocks: dict[tuple[int, int, tuple[str, ...]], list[tuple[str, str]]]  # -> (word i, form), lowercased key
    forms: set[str]  # every place form, lowercased
    words: set[str]  # every word of a place form, lowercased: a real place word is no misspelling
    titles: set[str]  # lowercased
    aliases: set[str]  # every alias of a known entity, as written
    # (block, word) -> the nearest form of that block and its distance: the same capitalized runs recur from
    # article to article, and the answer depends only on the block and the word (see `_nearest_in_block`)
    nearest: dict[tuple[tuple[int, int, tuple[str, ...]], str], tuple[tuple[str, str], int] | None] = field(
        default_factory=dict
    )

    @classmethod
    def build(cls, lexicon: Lexicon) -> NameIndex:
        blocks: dict[tuple[int, int, tuple[str, ...]], list[tuple[str, str]]] = {}
        words: set[str] = set()
        for form, canonical in lexicon.places.items():
            words.update(w.lower() for w in form.split())
            parts = form.split()
            if len(parts) < 2 or lexicon.place_kinds.get(canonical) not in PLACE_KINDS:
                continue
            lowered = tuple(p.lower() for p in parts)
            for i in range(len(parts)):
                blocks.setdefault((len(parts), i, lowered[:i] + lowered[i + 1 :]), []).append((lowered[i], form))
        forms = {f.lower() for f in lexicon.places}
        heads = tuple(f"{w.lower()} " for w in lexicon.organization_words)
        portfolios = {
            alias.lower()[len(head) :]
            for entity in lexicon.entities
            for alias in entity.aliases
            for head in heads
            if alias.lower().startswith(head)
        }
        aliases = {a for e in lexicon.entities for a in e.aliases}
        return cls(blocks, forms, words, forms | portfolios, aliases)


class Persons:
    """The component: `Persons()(doc)` adds the person, place and location mentions of one Doc."""

    def __init__(self) -> None:
        self.indexes: dict[int, NameIndex] = {}

    def index(self, lexicon: Lexicon) -> NameIndex:
        key = id(lexicon)  # a lexicon is loaded once per set of rule folders
        if key not in self.indexes:
            self.indexes[key] = NameIndex.build(lexicon)
        return self.indexes[key]

    def __call__(self, doc: Doc) -> Doc:
        context = context_of(doc)
        index = self.index(context.lexicon)
        find_persons(doc, index)
        # the Doc's text, sliced from the article's rather than joined again from the tokens
        end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        text = context.article.text[context.offset : context.offset + end]
        sentences = Sentences(doc, context)
        _place_near_misses(doc, text, context, index, sentences)
        _locations(text, context, index, sentences)
        return doc


class Sentences:
    """The sentence text at a character offset of the Doc, found by bisection."""

    def __init__(self, doc: Doc, context: Context) -> None:
        self.doc = doc
        self.sentences = list(sentences_of(doc))
        self.starts = [s.start_char - context.offset for s in self.sentences]

    def at(self, char: int) -> str:
        position = bisect_right(self.starts, char) - 1
        if position < 0:
            return ""
        sentence = self.sentences[position]
        return " ".join(span_text(self.doc, sentence.start, sentence.end).split())

    def boilerplate(self, char: int) -> bool:
        position = bisect_right(self.starts, char) - 1
        return position >= 0 and self.sentences[position].kind == "boilerplate"


def find_persons(doc: Doc, index: NameIndex) -> Doc:
    """People beside speech verbs, after speaker cues and after titles, e.g.

    "ujar Plt. Kepala BPS, Amalia Adininggar Widyasanti, di Jakarta" gives the person "Amalia Adininggar
    Widyasanti" with the context ("Badan Pusat Statistik", "kepala", "plt").
    """
    context = context_of(doc)
    language = context.language
    entity_tokens = {i for s in doc.spans.get("entity", []) for i in range(s.start, s.end)}
    # "Kepala Dinas Kesehatan ...": an organization's head word belongs to the title, too
    organization_words = {w.lower() for w in context.lexicon.organization_words}
    titles = language.role_words | language.title_words | language.place_words | organization_words
    found: dict[tuple[int, int], Mention] = {}
    # only the tokens that are cues, found in the Doc's list of lowercase forms (no Token made for the others)
    cues = _cue_words(language)
    positions = positions_in(lowers_of(doc), cues)
    sentences = sentences_of(doc)
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[int]] = {}
    for position in positions:
        by_sentence.setdefault(bisect_right(starts, position) - 1, []).append(position)
    for number, cue_positions in sorted(by_sentence.items()):
        if number < 0:
            continue
        sentence = sentences[number]
        if sentence.kind == "boilerplate" or _title_case(doc[sentence.start : sentence.end], language):
            continue  # a title-case headline is capitalized throughout: no run there ends at a name
        text = " ".join(span_text(doc, sentence.start, sentence.end).split())
        for position in cue_positions:
            token = doc[position]
            word = _bare(token)
            runs: list[Run] = []
            if word in language.speech_verbs:
                runs.append(_run_before(doc, token.i, sentence.start, language))
            if word in language.speech_verbs or word in language.speaker_cues:
                after = token.i + 1
                while after < sentence.end and doc[after].lower_ in language.agent_words:
                    after += 1  # "disampaikan oleh Kepala BPS ..."
                runs.append(_run_after(doc, after, sentence.end, language, entity_tokens, titles))
            if word in language.title_words and _capitalized(token):
                runs.append(_run_after(doc, token.i, sentence.end, language, entity_tokens, titles))
            for run in runs:
                person = _person(doc, run, context, index, entity_tokens, titles, text)
                if person is None:
                    continue
                key = (person.start, person.end)
                if key in found:  # found from two cues: keep what both titles say
                    merged = tuple(sorted(set(found[key].context) | set(person.context)))
                    found[key] = replace(found[key], context=merged)
                else:
                    found[key] = person
    context.mentions.extend(found[key] for key in sorted(found))
    return doc


@lru_cache(maxsize=16)
def _cue_words(language: Language) -> frozenset[str]:
    """The words a person's name follows or precedes ("kata", "Plt.", ...), as a token's lowercase form."""
    cues = language.speech_verbs | language.speaker_cues | language.title_words
    return frozenset(w for c in cues for w in (c, f"{c}."))


def _person(
    doc: Doc,
    found_run: Run,
    context: Context,
    index: NameIndex,
    entity_tokens: set[int],
    titles: set[str],
    sentence: str,
) -> Mention | None:
    """Split a run of capitalized words into title and name; None when no name of two words or more is left."""

    def is_title(token: Token) -> bool:
        return _is_title(token, entity_tokens, titles)

    # "... Cabang Bandung Dedi Kurniawan mengatakan", "kata Kepala BPS Amalia ...": the name follows the last
    # title word; a run that ends in one ("Menteri Koordinator Bidang Pemberdayaan Masyarakat RI") names none
    run, boundary = found_run
    end = len(run)
    start = end
    while start > boundary and not is_title(run[start - 1]):
        start -= 1
    start += _leading_title(run[start:end], index)
    name = run[start:end]
    if not 2 <= len(name) <= MAX_NAME_WORDS:
        return None
    roles, organizations, places = _title_parts(doc, run[:start], context, entity_tokens)
    begin = context.offset + name[0].idx
    finish = context.offset + name[-1].idx + len(name[-1].text.rstrip("."))
    return Mention(
        context.article.id,
        context.article.path,
        begin,
        finish,
        context.article.text[begin:finish],
        "person",
        sentence=sentence,
        context=tuple(sorted(roles | organizations)),
        places=tuple(sorted(places)),
    )


def _title_parts(
    doc: Doc, title: list[Token], context: Context, entity_tokens: set[int]
) -> tuple[set[str], set[str], set[str]]:
    """Role words, organizations and places of a title.

    "Kepala Dinas Kesehatan Kota Bogor" gives ({"kepala"}, {"Dinas", "Kesehatan"}, {"Kota Bogor"}): an
    organization the lexicon does not know is kept word by word, so that two titles still compare.
    """
    language, lexicon = context.language, context.lexicon
    role_words = language.role_words | language.title_words
    roles: set[str] = set()
    organizations = {s.label_ for s in doc.spans.get("entity", []) if any(s.start <= t.i < s.end for t in title)}
    places: set[str] = set()
    position = 0
    while position < len(title):
        token = title[position]
        size = next((n for n in (4, 3, 2, 1) if _joined(title[position : position + n]) in lexicon.places), 0)
        if token.i in entity_tokens:
            position += 1
        elif size and all(t.i == token.i + k for k, t in enumerate(title[position : position + size])):
            places.add(lexicon.places[_joined(title[position : position + size])])
            position += size
        else:
            if _bare(token) in role_words:
                roles.add(_bare(token))
            elif _bare(token) not in language.place_words:
                organizations.add(token.text.rstrip("."))
            position += 1
    return roles, organizations, places


def _leading_title(tokens: list[Token], index: NameIndex) -> int:
    """How many leading tokens name a place or a portfolio, not the person; two must remain.

    "Jawa Timur Bambang Setiawan" (Kepala Kantor Wilayah ...) gives 2, "Kesehatan Budi Gunadi Sadikin"
    (Menteri ...) gives 1.
    """
    taken = 0
    while len(tokens) - taken > 2:
        size = next(
            (
                n
                for n in (3, 2, 1)
                if len(tokens) - taken - n >= 2 and _joined(tokens[taken : taken + n]).lower() in index.titles
            ),
            0,
        )
        if not size:
            break
        taken += size
    return taken


def _joined(tokens: Iterable[Token]) -> str:
    return " ".join(t.text for t in tokens)


def _bare(token: Token) -> str:
    """The word without an abbreviation's dot, lowercased ("Plt." -> "plt")."""
    return token.lower_.rstrip(".") or token.lower_


def _capitalized(token: Token) -> bool:
    return token.text[:1].isupper() and CAPITALIZED.fullmatch(token.text) is not None


def _is_title(token: Token, entity_tokens: set[int], titles: set[str]) -> bool:
    """A role or title word, a known organization or an acronym ("BPS", "DPR"): no part of a person's name."""
    bare = _bare(token)
    return token.i in entity_tokens or bare in titles or (token.is_upper and len(bare) > 1)


def _word(token: Token, language: Language) -> bool:
    """A capitalized word that may belong to a title or a name (a month or a weekday ends the run)."""
    return _capitalized(token) and _bare(token) not in language.months and _bare(token) not in language.weekdays


def _title_case(tokens: Span, language: Language) -> bool:
    """A title-case headline: four capitalized words or more, no lowercase one beyond function words.

    "Kepala BPS Sebut Angka Pengangguran Naik" is one; its runs never end at a person's name.
    """
    words = [t for t in tokens if t.is_alpha]
    lowercase = [t for t in words if t.is_lower and t.lower_ not in language.function_words]
    return not lowercase and sum(1 for t in words if t.text[0].isupper()) >= 4


def _run_after(doc: Doc, index: int, end: int, language: Language, entity_tokens: set[int], titles: set[str]) -> Run:
    """Capitalized words from index on, across "(BPS)" and one comma after a title ("Kepala BPS, Amalia ...")."""
    run: list[Token] = []
    boundary = 0
    position = index
    while position < end:
        token = doc[position]
        if _word(token, language):
            run.append(token)
            position += 1
        elif _bracketed(doc, position, end, language, step=1):
            run.append(doc[position + 1])
            position += 3
        elif (
            token.text == ","
            and not boundary
            and any(_is_title(t, entity_tokens, titles) for t in run)
            and position + 1 < end
            and _word(doc[position + 1], language)
        ):
            boundary = len(run)  # the name comes after the comma: "Cabang Jambi, Hendra Elvian"
            position += 1
        else:
            break
    return run, boundary


def _run_before(doc: Doc, index: int, start: int, language: Language) -> Run:
    """Capitalized words before a speech verb, across "(BPS)" and commas.

    The comma before the verb ("Amalia ..., mengatakan") is skipped; one before the name ("Kepala BPS,
    Amalia ..., mengatakan") ends the name, and what comes before it is read as the title.
    """
    run: list[Token] = []
    after_comma = -1  # how many words were read when the comma before the name was crossed
    position = index - 1
    if position >= start and doc[position].text == ",":
        position -= 1
    while position >= start:
        token = doc[position]
        if _word(token, language):
            run.insert(0, token)
            position -= 1
        elif _bracketed(doc, position, start, language, step=-1):
            run.insert(0, doc[position - 1])
            position -= 3
        elif (
            token.text == ","
            and run
            and after_comma < 0
            and position - 1 >= start
            and _word(doc[position - 1], language)
        ):
            after_comma = len(run)  # what comes before the comma is the title, if anything
            position -= 1
        else:
            break
    return run, (len(run) - after_comma if after_comma >= 0 else 0)


def _bracketed(doc: Doc, position: int, limit: int, language: Language, step: int) -> bool:
    """ "(BPS)" at position, read forwards (step 1, from "(") or backwards (step -1, from ")")."""
    opening, closing = ("(", ")") if step == 1 else (")", "(")
    last = position + 2 * step
    inside = last < limit if step == 1 else last >= limit
    return (
        inside
        and doc[position].text == opening
        and doc[last].text == closing
        and _word(doc[position + step], language)
        and doc[position + step].is_upper
    )


def _place_near_misses(doc: Doc, text: str, context: Context, index: NameIndex, sentences: Sentences) -> None:
    """Capitalized words one word off a multi-word gazetteer form, e.g. "Kalimatan Selatan" for "Kalimantan Selatan".

    Not a near miss: a place form itself ("Papua Barat Daya" is no misspelling of "Papua Barat"), a run
    that holds a place or an organization, or a differing word that is a real place word ("Kota Tual"), an
    ordinary word of the article ("baru") or shorter than `MIN_WORD` letters.
    """
    entities = [(s.start_char, s.end_char) for s in doc.spans.get("entity", [])]
    for match in NAME_RUN.finditer(text):
        if sentences.boilerplate(match.start()):
            continue
        words = [(m.start() + match.start(), m.group()) for m in re.finditer(r"\S+", match.group())]
        lowers = [w.lower() for _, w in words]  # once per run, not once per window
        if not any(w in index.words for w in lowers):
            continue  # all but one word of a near miss are a place form's: without one, no window can be
        taken: list[tuple[int, int]] = []  # word spans already inside a place form or a near miss
        for size in (4, 3, 2):
            for first in range(len(words) - size + 1):
                window = words[first : first + size]
                begin, end = window[0][0], window[-1][0] + len(window[-1][1])
                if any(begin < b and a < end for a, b in taken):
                    continue
                lowered = tuple(lowers[first : first + size])
                if " ".join(lowered) in index.forms:
                    taken.append((begin, end))
                    continue
                if any(begin < b and a < end for a, b in entities):
                    continue
                form = _near_form(lowered, index, text, context.language)
                if form is None:
                    continue
                taken.append((begin, end))
                _mention(context, sentences, begin, text[begin:end], "place", canonical=form)


def _near_form(words: tuple[str, ...], index: NameIndex, text: str, language: Language) -> str | None:
    """The gazetteer form these lowercased words almost spell, if exactly one word differs and it is no real word.

    `text` is the article's: a word it also writes in lowercase is an ordinary word ("Kota Lama"), no name.
    """
    for i, word in enumerate(words):
        if len(word) < MIN_WORD or word in index.words:
            continue
        if word in language.stopwords or word in language.months or word in language.weekdays:
            continue
        nearest = _nearest_in_block(index, (len(words), i, words[:i] + words[i + 1 :]), word)
        if nearest is None or nearest[1] > MAX_EDITS or len(nearest[0][0]) < MIN_WORD:
            continue
        best = nearest[0]
        if word not in text or not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            return best[1]
    return None


NEAREST_KEPT = 50_000  # (block, word) answers remembered per lexicon: bounded for a long run


def _nearest_in_block(
    index: NameIndex, block: tuple[int, int, tuple[str, ...]], word: str
) -> tuple[tuple[str, str], int] | None:
    """The block's (word, form) nearest `word` (least distance, then form), with that distance; remembered."""
    key = (block, word)
    if key in index.nearest:
        return index.nearest[key]
    best = min(index.blocks.get(block, []), key=lambda c: (OSA.distance(word, c[0]), c[1]), default=None)
    if len(index.nearest) >= NEAREST_KEPT:
        index.nearest.clear()
    found = index.nearest[key] = None if best is None else (best, OSA.distance(word, best[0]))
    return found


def _locations(text: str, context: Context, index: NameIndex, sentences: Sentences) -> None:
    """Capitalized names after a locative preposition ("di Moms Kitchen Resto"), places and organizations aside."""
    prepositions = tuple(context.language.statement.get("locative_prepositions", []))
    if not prepositions:
        return
    lexicon = context.lexicon
    for match in anchored(_after(prepositions), text):  # tried only where a preposition begins
        written = match.group(1)
        if written in lexicon.places or written in index.aliases or sentences.boilerplate(match.start(1)):
            continue
        _mention(context, sentences, match.start(1), written, "location")


def _mention(context: Context, sentences: Sentences, begin: int, written: str, kind: str, canonical: str = "") -> None:
    """Record a name as written at `begin` (an offset in this piece's text)."""
    start = context.offset + begin
    context.mentions.append(
        Mention(
            context.article.id,
            context.article.path,
            start,
            start + len(written),
            written,
            kind,
            canonical=canonical,
            sentence=sentences.at(begin),
        )
    )


@lru_cache(maxsize=8)
def _after(prepositions: tuple[str, ...]) -> re.Pattern[str]:
    """A capitalized name after one of these prepositions, in any case ("di", "Di")."""
    words = "|".join(re.escape(p) for p in prepositions)
    return re.compile(rf"(?<![\w-])(?i:{words})[ \t]+({NAME_RUN.pattern})")
