"""Extract stage: every figure an article states, as a Claim.

A blank spaCy pipeline (`id` or `en`) tokenizes; three rule components add
sentence boundaries at paragraph breaks, quantity spans read with the
language's number grammar, and lexicon matches (metrics, entities, cues)
from a PhraseMatcher. `claims_for` then reads each quantity's surroundings
for its period, entity and scope, metric and modality.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

import spacy
from rapidfuzz import fuzz, process
from spacy.language import Language as SpacyLanguage
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .lexicon import Language, Lexicon, load_lexicon
from .models import Article, Claim, Mention, Period
from .periods import PeriodMatch, find_periods
from .read import latest_past_date

CLAUSE_PUNCT = {",", ";", ":", "—", "–", "-", '"', "“", "”"}
RANGE_LINKS = {"dan", "hingga", "sampai", "and", "to", "-", "–"}
STRONG_BREAKS = {";", "namun", "sedangkan", "sementara", "tetapi", "but", "while", "whereas", "however"}
FUTURE_CUES_EXTRA = ["akan", "mulai", "rencana", "will", "plan", "depan"]

if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=None)


@dataclass
class Quantity:
    """A number as written, with its grammar resolved."""

    start: int  # token index
    end: int
    value: float
    unit: str
    low: float
    high: float
    significant: int
    qualifier: str = ""
    trim: int = 0  # characters of the last token that are not the figure ("T." ends a sentence)


# ---------------------------------------------------------------- numbers


def number_shape(language: Language) -> re.Pattern[str]:
    group = re.escape(language.group_mark)
    decimal = re.escape(language.decimal_mark)
    return re.compile(rf"^(?:\d{{1,3}}(?:{group}\d{{3}})+|\d+)(?:{decimal}\d+)?$")


def parse_number(text: str, language: Language) -> tuple[Decimal, int] | None:
    """Value and number of decimals of a numeral as the language writes it.

    Indonesian "35,3" is 35.3 and "83.000" is 83000; English the reverse.
    Babel's parse_decimal does the locale work; the shape check keeps it
    from reading "2.45" as 245 in Indonesian, where a dot followed by fewer
    than three digits is a sloppy decimal point ("0.05%").
    """
    from babel.numbers import NumberFormatError, parse_decimal

    if not number_shape(language).match(text):
        if language.decimal_mark == "," and re.match(r"^\d+\.\d{1,2}$", text):
            text = text.replace(".", ",")
        else:
            return None
    try:
        value = parse_decimal(text, locale=language.code, strict=False)
    except (NumberFormatError, InvalidOperation, ValueError):
        return None
    decimals = len(text.split(language.decimal_mark, 1)[1]) if language.decimal_mark in text else 0
    return value, decimals


GLUED_MAGNITUDE = re.compile(r"^(\d[\d.,]*?)([a-zA-Z]{1,3})$")


def _significant_digits(text: str) -> int:
    return len(re.sub(r"\D", "", text).lstrip("0")) or 1


# ------------------------------------------------------------- components


@SpacyLanguage.factory("factcheck_sentences")
def make_sentences(nlp: SpacyLanguage, name: str) -> Any:
    return _set_sentences


def _set_sentences(doc: Doc) -> Doc:
    """Sentences end at paragraph breaks and at ., ! or ? before a capital or quote.

    Non-breaking spaces become their own tokens in spaCy, so the previous
    *word* is what decides, not the previous token.
    """
    after_break = True
    previous: Token | None = None
    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                after_break = True
            if token.i > 0:
                token.is_sent_start = False
            continue
        if (
            after_break
            or previous is None
            or previous.text in (".", "!", "?", ".”", '."')
            and (token.is_title or token.is_upper or token.text in ("“", '"'))
            or "\n" in previous.whitespace_
        ):
            token.is_sent_start = True
        else:
            token.is_sent_start = False
        after_break = False
        previous = token
    return doc


@SpacyLanguage.factory("factcheck_quantities", default_config={"language": "id", "rule_dirs": []})
def make_quantities(nlp: SpacyLanguage, name: str, language: str, rule_dirs: list[str]) -> Any:
    lexicon = load_lexicon(tuple(rule_dirs))
    return QuantityFinder(lexicon.language(language), lexicon.qualifier_widths)


class QuantityFinder:
    """Finds figures: [currency] number [magnitude] [persen|%] [lebih], with qualifiers."""

    def __init__(self, language: Language, widths: dict[str, float]) -> None:
        self.language = language
        self.widths = widths
        self.shape = number_shape(language)
        self.percent_words = {w for w in language.percent_words if " " not in w}
        self.pp_words = [tuple(w.split()) for w in language.percentage_point_words]
        self.prefix_qualifiers = sorted(language.qualifiers.items(), key=lambda kv: -len(kv[0]))

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = list(self.find(doc))
        return doc

    def find(self, doc: Doc) -> Iterable[Quantity]:
        language = self.language
        index = 0
        n = len(doc)
        while index < n:
            doc[index]
            parsed = self._numeral(doc, index)
            if parsed is None:
                index += 1
                continue
            value, decimals, end, magnitude, approximate = parsed
            start = index
            if self._is_label(doc, start, end) or self._is_conversion(doc, start):
                index = end
                continue
            currency = ""
            previous = _previous_word(doc, start)
            if previous is not None and previous.text == "." and previous.i > 0:
                before_dot = doc[previous.i - 1]
                if before_dot.lower_ in language.currencies and not before_dot.whitespace_:
                    previous = before_dot  # "Rp. 5 miliar"
            if previous is not None and previous.lower_ in language.currencies:
                currency = language.currencies[previous.lower_]
                start = previous.i
            elif previous is not None and previous.lower_ in ("minus", "negatif", "negative") and value > 0:
                value, start = -value, previous.i
            next_token = _next_word(doc, end - 1)
            trim = 0
            magnitude_end = -1
            if magnitude == 1.0 and next_token is not None:
                word = next_token.lower_
                if word.endswith(".") and word[:-1] in language.magnitudes:
                    word, trim = word[:-1], 1  # the tokenizer keeps "T." of a sentence end together
                if word in language.magnitudes and (currency or word not in language.currency_only_magnitudes):
                    magnitude = language.magnitudes[word]
                    approximate = word in language.approximate_magnitudes
                    end = next_token.i + 1
                    magnitude_end = end
                    next_token = _next_word(doc, end - 1)
                else:
                    trim = 0
            unit = currency or "count"
            if next_token is not None:
                pp = self._percentage_point(doc, next_token.i)
                if pp:
                    unit, end = "pp", pp
                elif next_token.lower_ in self.percent_words:
                    unit, end = "percent", next_token.i + 1
            if unit == "count" and magnitude == 1.0 and not currency:
                unit, magnitude = self._range_partner(doc, end, unit, magnitude)
            rate = self._rate(doc, end) if unit == "count" else None
            if rate is not None:
                unit, end = rate  # "189 per 100.000 kelahiran hidup": a rate, and its base is not a figure
            if (
                unit == "count"
                and magnitude == 1.0
                and next_token is not None
                and next_token.lower_ in language.non_figure_units
                and not self._relative_period_follows(doc, next_token.i)
            ):
                index = end
                continue
            if unit == "count" and magnitude == 1.0 and currency == "" and 1900 <= value <= 2100 and decimals == 0:
                # A bare year-like number with no magnitude is a year the period
                # finder did not claim ("2024- 2029"); not a figure.
                index = end
                continue
            step = (10.0**-decimals) * magnitude
            scaled = value * magnitude
            low, high = scaled - step / 2, scaled + step / 2
            if magnitude == 1.0 and decimals == 0 and scaled >= 1000:
                low, high = scaled, scaled  # "83.000" written in full is exact
            qualifier = ""
            postfix = _next_word(doc, end - 1)
            if (
                postfix is not None
                and postfix.text == "-"
                and not doc[end - 1].whitespace_
                and postfix.i + 1 < len(doc)
                and f"-{doc[postfix.i + 1].lower_}" in language.postfix_qualifiers
            ):
                # "4.500-an pekerja": the tokenizer splits the "-an" of an approximate figure
                width = self.widths.get("approximate_magnitude", 0.05)
                qualifier, end = "about", postfix.i + 2
                low, high = min(low, scaled * (1 - width)), max(high, scaled * (1 + width))
            elif postfix is not None and postfix.lower_ in language.postfix_qualifiers:
                qualifier = language.postfix_qualifiers[postfix.lower_]
                end = postfix.i + 1
                low, high = scaled, scaled + step
            if approximate:
                qualifier = qualifier or "about"
                width = self.widths.get("approximate_magnitude", 0.05)
                low, high = min(low, scaled * (1 - width)), max(high, scaled * (1 + width))
            prefix = self._prefix_qualifier(doc, start)
            if prefix:
                qualifier = prefix
                low, high = self._widen(prefix, scaled, low, high)
            yield Quantity(
                start=start,
                end=end,
                value=scaled,
                unit=unit,
                low=low,
                high=high,
                significant=_significant_digits(doc[index].text),
                qualifier=qualifier,
                trim=trim if end == magnitude_end else 0,
            )
            index = end

    def _numeral(self, doc: Doc, index: int) -> tuple[float, int, int, float, bool] | None:
        token = doc[index]
        text = token.text
        language = self.language
        sign = 1.0
        if text[:1] in "-−" and text[1:2].isdigit() and (index == 0 or doc[index - 1].whitespace_):
            text, sign = text[1:], -1.0  # "tumbuh -2,5 persen"
        elif text[:1] == "." and text[1:2].isdigit() and index > 0 and doc[index - 1].lower_ in language.currencies:
            text = text[1:]  # "Rp.7 miliar": the tokenizer keeps the currency's dot on the number
        if text[:1].isdigit():
            parsed = parse_number(text, language)
            if parsed is not None:
                return sign * float(parsed[0]), parsed[1], index + 1, 1.0, False
            glued = GLUED_MAGNITUDE.match(text)
            if glued and glued.group(2).lower() in language.magnitudes:
                parsed = parse_number(glued.group(1), language)
                if parsed is not None:
                    word = glued.group(2).lower()
                    return (
                        float(parsed[0]),
                        parsed[1],
                        index + 1,
                        language.magnitudes[word],
                        word in language.approximate_magnitudes,
                    )
            return None
        lower = token.lower_
        if index + 1 < len(doc):
            pair = f"{lower} {doc[index + 1].lower_}"
            if pair in language.number_words:
                return language.number_words[pair], 0, index + 2, 1.0, False
        if lower in language.number_words:
            value = language.number_words[lower]
            following = _next_word(doc, index)
            # "satu" and "one" are pronouns as often as figures; keep them only before a magnitude.
            if value < 2 and (following is None or following.lower_ not in language.magnitudes):
                return None
            if following is None or not following.is_alpha:
                return None
            return value, 0, index + 1, 1.0, False
        return None

    def _is_label(self, doc: Doc, start: int, end: int) -> bool:
        """Ordinals ("Ke-9"), dates ("19/10"), codes ("Pasal 5") and glued tickers are not figures."""
        language = self.language
        before = doc[start - 1] if start > 0 else None
        if before is not None and not before.whitespace_ and before.text in "-/":
            return True
        if end < len(doc) and not doc[end - 1].whitespace_ and doc[end].text in ("/", ":"):
            return True
        if before is not None and before.lower_.rstrip(".") in language.non_figure_prefixes:
            return True
        return bool(
            before is not None
            and before.text == "-"
            and start > 1
            and doc[start - 2].lower_ in language.ordinal_prefixes
        )

    def _is_conversion(self, doc: Doc, start: int) -> bool:
        """ "Rp 47 triliun (US$3 billion)": a currency conversion in brackets restates the figure before it."""
        previous = _previous_word(doc, start)
        if previous is None or previous.lower_ not in self.language.currencies:
            return False
        opening = _previous_word(doc, previous.i)
        if opening is None or opening.text != "(":
            return False
        before = _previous_word(doc, opening.i)
        return before is not None and (before.lower_ in self.language.magnitudes or before.like_num)

    def _rate(self, doc: Doc, end: int) -> tuple[str, int] | None:
        """ "per 100.000 kelahiran hidup", "per 1.000 penduduk": the unit of a rate, and where it ends."""
        per = _next_word(doc, end - 1)
        if per is None or per.lower_ != "per":
            return None
        base = _next_word(doc, per.i)
        parsed = self._numeral(doc, base.i) if base is not None else None
        if base is None or parsed is None or parsed[0] < 10:
            return None
        value, _, base_end, magnitude, _ = parsed
        after = _next_word(doc, base_end - 1)
        if after is not None and after.lower_ in self.language.magnitudes:
            magnitude, base_end = self.language.magnitudes[after.lower_], after.i + 1
        return f"per {value * magnitude:g}", base_end

    def _range_partner(self, doc: Doc, end: int, unit: str, magnitude: float) -> tuple[str, float]:
        """ "antara 6,5 dan 7,5 persen": the first figure of a range takes the unit of the second."""
        link = _next_word(doc, end - 1)
        if link is None or link.lower_ not in RANGE_LINKS:
            return unit, magnitude
        other = _next_word(doc, link.i)
        if other is None or self._numeral(doc, other.i) is None:
            return unit, magnitude
        after = _next_word(doc, other.i)
        if after is None:
            return unit, magnitude
        if after.lower_ in self.percent_words:
            return "percent", magnitude
        if after.lower_ in self.language.magnitudes and after.lower_ not in self.language.currency_only_magnitudes:
            return unit, self.language.magnitudes[after.lower_]
        return unit, magnitude

    def _relative_period_follows(self, doc: Doc, index: int) -> bool:
        """ "2 tahun" is a duration, but "20,9 juta tahun lalu" is a figure and a period."""
        following = _next_word(doc, index)
        if following is None:
            return False
        phrase = f"{doc[index].lower_} {following.lower_}"
        return phrase in self.language.period_cues.get("relative", {})

    def _percentage_point(self, doc: Doc, index: int) -> int | None:
        for words in self.pp_words:
            span = doc[index : index + len(words)]
            if tuple(t.lower_ for t in span) == words:
                return index + len(words)
        return None

    def _prefix_qualifier(self, doc: Doc, start: int) -> str:
        words: list[str] = []
        position = start - 1
        while position >= 0 and len(words) < 2:
            if not doc[position].is_space:
                words.insert(0, doc[position].lower_)
            position -= 1
        for size in (2, 1):
            phrase = " ".join(words[-size:])
            if phrase in self.language.qualifiers:
                return self.language.qualifiers[phrase]
        return ""

    def _widen(self, kind: str, value: float, low: float, high: float) -> tuple[float, float]:
        width = self.widths.get(kind, 0.0)
        if kind == "about" or kind == "reached":
            return min(low, value * (1 - width)), max(high, value * (1 + width))
        if kind in ("more_than", "at_least"):
            return value, value * (1 + width)
        if kind == "almost":
            return value * (1 - width), value
        if kind == "less_than":
            return value * (1 - width), value
        return low, high


def _previous_word(doc: Doc, index: int) -> Token | None:
    position = index - 1
    while position >= 0 and doc[position].is_space:
        position -= 1
    return doc[position] if position >= 0 else None


def _next_word(doc: Doc, index: int) -> Token | None:
    position = index + 1
    while position < len(doc) and doc[position].is_space:
        position += 1
    return doc[position] if position < len(doc) else None


@SpacyLanguage.factory("factcheck_lexicon", default_config={"language": "id", "rule_dirs": []})
def make_lexicon_matcher(nlp: SpacyLanguage, name: str, language: str, rule_dirs: list[str]) -> Any:
    return LexiconMatcher(nlp, load_lexicon(tuple(rule_dirs)), language)


class LexiconMatcher:
    """PhraseMatcher over metric synonyms, entity aliases and modality cues."""

    def __init__(self, nlp: SpacyLanguage, lexicon: Lexicon, language: str) -> None:
        self.metrics = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entities = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        tokenizer = nlp.tokenizer
        for metric in lexicon.metrics:
            phrases = []
            for synonym in metric.synonyms:
                phrases.append(tokenizer(synonym))
                phrases.append(tokenizer(synonym + "nya"))
            self.metrics.add(metric.id, phrases)
        for entity in lexicon.entities:
            self.entities.add(entity.name, [tokenizer(alias) for alias in entity.aliases])
        for key, words in lexicon.language(language).modality_cues.items():
            self.cues.add(key, [tokenizer(w) for w in words])

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["metric"] = _longest(self.metrics(doc, as_spans=True))
        doc.spans["entity"] = _longest(self.entities(doc, as_spans=True))
        doc.spans["cue"] = list(self.cues(doc, as_spans=True))
        return doc


def _longest(spans: list[Span]) -> list[Span]:
    return list(spacy.util.filter_spans(spans))


@lru_cache(maxsize=8)
def pipeline(language: str, rule_dirs: tuple[str, ...] = ()) -> SpacyLanguage:
    """The blank pipeline for a language, with the rule components reading the same lexicon as the run."""
    nlp = spacy.blank(language if language in ("id", "en") else "xx")
    nlp.add_pipe("factcheck_sentences")
    nlp.add_pipe("factcheck_quantities", config={"language": language, "rule_dirs": list(rule_dirs)})
    nlp.add_pipe("factcheck_lexicon", config={"language": language, "rule_dirs": list(rule_dirs)})
    return nlp


# ------------------------------------------------------------ claim assembly


@dataclass
class SentenceInfo:
    span: Span
    periods: list[PeriodMatch]
    scope: str | None  # None: nothing said; "": national
    line: int


@dataclass
class Extraction:
    claims: list[Claim] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    learned_aliases: dict[str, str] = field(default_factory=dict)  # alias as written -> entity name
    region: str = ""  # the branch or province the headline or lead is about, if any


def extract(article: Article, lexicon: Lexicon | None = None) -> Extraction:
    lexicon = lexicon or load_lexicon()
    language = lexicon.language(article.language)
    nlp = pipeline(article.language if article.language in lexicon.languages else "id", lexicon.extra_dirs)
    if article.published is None:
        found = latest_past_date(article, lexicon, _future_cues(language))
        if found:
            article.published = found[0]
            article.published_evidence = f"latest date the text states as past: {found[1]} (published no earlier)"
    regions = _text_regions(article)
    result = Extraction()
    result.region = _article_region(article, lexicon, regions)
    for region_start, region_end in regions:
        doc = nlp(article.text[region_start:region_end])
        _Assembler(article, lexicon, language, doc, region_start, result).run()
    main_entity = Counter(c.entity for c in result.claims if c.entity and not c.in_title).most_common(1)
    for index, claim in enumerate(result.claims):
        claim.index = index
        if not claim.entity and main_entity:
            claim.entity = main_entity[0][0]
    return result


def _article_region(article: Article, lexicon: Lexicon, regions: list[tuple[int, int]]) -> str:
    """The branch or province a regional story is about, from its headline and lead.

    Figures the story does not place anywhere are then marked "Jawa Barat?"
    rather than taken for national ones: a regional paper's unplaced figure is
    as likely the region's as the country's, and comparing it with national
    figures would raise false alarms.
    """
    body = [r for r in regions if article.title_start is None or r[0] != article.title_start]
    lead = article.text[body[0][0] : body[0][1]].strip().split("\n")[0][:600] if body else ""
    head = f"{article.title}\n{lead}"
    words = "|".join(re.escape(w) for w in sorted(lexicon.scope_words, key=len, reverse=True))
    heads = "|".join(re.escape(h) for h in lexicon.place_heads)
    places = "|".join(re.escape(p) for p in sorted(lexicon.places, key=len, reverse=True))
    candidates = [
        (m.start(), m.group(1)) for m in re.finditer(rf"\b(?:{words})\s+((?:(?:{heads})\s+)?[A-Z][\w\-]+)", head)
    ] + [(m.start(), lexicon.places[m.group(1)]) for m in re.finditer(rf"(?<![\w-])({places})(?![\w-])", head)]
    for position, place in sorted(candidates):
        before = head[max(0, position - 60) : position].lower().split()[-8:]
        if any(w in ("kepala", "kakanwil", "kacab", "direktur", "deputi", "kata", "ujar") for w in before):
            continue  # the speaker's title, not the story's region
        if place in lexicon.places:
            place = lexicon.places[place]
        return place
    return ""


def _future_cues(language: Language) -> list[str]:
    cues = language.modality_cues
    return cues.get("target_verbs", []) + cues.get("target", []) + cues.get("projection", []) + FUTURE_CUES_EXTRA


def _text_regions(article: Article) -> list[tuple[int, int]]:
    """Stretches of the article's own voice: the title line, then the body minus boilerplate."""
    excluded = [(span.start, span.end) for span in article.boilerplate]
    regions: list[tuple[int, int]] = []
    if article.title_start is not None and article.title:
        title_end = article.text.find("\n", article.title_start)
        title_end = len(article.text) if title_end < 0 else title_end
        regions.append((article.title_start, title_end))
        excluded.append((article.title_start, title_end))
    position = article.body_start
    for start, end in sorted(excluded):
        if end <= position:
            continue
        if start > position:
            regions.append((position, start))
        position = max(position, end)
    if position < len(article.text):
        regions.append((position, len(article.text)))
    return sorted(r for r in regions if article.text[r[0] : r[1]].strip())


class _Assembler:
    def __init__(self, article: Article, lexicon: Lexicon, language: Language, doc: Doc, offset: int, out: Extraction):
        self.article = article
        self.lexicon = lexicon
        self.language = language
        self.doc = doc
        self.offset = offset
        self.out = out
        self.cues = language.modality_cues
        self.title_end = -1
        if article.title_start is not None:
            line_end = article.text.find("\n", article.title_start)
            self.title_end = len(article.text) if line_end < 0 else line_end

    # -- helpers
    def char(self, token_index: int) -> int:
        if token_index >= len(self.doc):
            return self.offset + len(self.doc.text)
        return self.offset + self.doc[token_index].idx

    def run(self) -> None:
        doc = self.doc
        quantities: list[Quantity] = doc._.quantities or []
        sentences = list(doc.sents)
        # Token -> its sentence, computed once: Token.sent walks the document on every call.
        self.sentence_of: list[Span] = [sentence for sentence in sentences for _ in range(sentence.start, sentence.end)]
        infos = [self._sentence_info(s) for s in sentences]
        self._inherit_scope(infos)
        entity_spans = self._entity_mentions()
        by_sentence: dict[int, list[Quantity]] = {}
        sentence_of_token = {}
        for number, sentence in enumerate(sentences):
            for i in range(sentence.start, sentence.end):
                sentence_of_token[i] = number
        for quantity in quantities:
            by_sentence.setdefault(sentence_of_token.get(quantity.start, 0), []).append(quantity)
        last_entity: tuple[str, str] | None = None
        for number, sentence in enumerate(sentences):
            info = infos[number]
            in_sentence = [q for q in by_sentence.get(number, []) if not self._inside_period(q, info)]
            sentence_entities = [e for e in entity_spans if sentence.start <= e[0] < sentence.end]
            claims: list[Claim] = []
            for quantity in in_sentence:
                claim = self._claim(quantity, info, in_sentence, sentence_entities, last_entity)
                if claim is not None:
                    claims.append(claim)
            self._link(claims, info)
            self.out.claims.extend(claims)
            if sentence_entities:
                last_entity = sentence_entities[-1][2], sentence_entities[-1][3]
        self._person_mentions()

    def _inside_period(self, quantity: Quantity, info: SentenceInfo) -> bool:
        start = self.char(quantity.start)
        return any(p.start <= start < p.end for p in info.periods)

    # -- sentence level
    def _sentence_info(self, sentence: Span) -> SentenceInfo:
        start = self.offset + sentence.start_char
        periods = find_periods(sentence.text, start, self.language, self.article.published)
        return SentenceInfo(sentence, periods, self._scope(sentence), self.article.text.count("\n", 0, start))

    def _scope(self, sentence: Span) -> str | None:
        """The branch or region a sentence's figures belong to; "" for national, None if unsaid.

        A branch inside a speaker's title ("kata Kepala Kantor Wilayah ... Jawa
        Timur Bambang") is who speaks, not what the figure covers.
        """
        text = sentence.text
        for word in self.lexicon.national_words:
            if re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE):
                return ""
        if _title_case(text):
            return None
        opening = re.match(r"\s*(?:Sementara itu,\s*|Adapun\s+)?[Dd]i\s+(?:[Pp]rovinsi\s+)?([\w\- ]{2,40}?)\s*,", text)
        if opening:
            place = self._place_in(opening.group(1))
            if place:
                return place
        for match in self._scope_pattern().finditer(text):
            if not self._in_title_of_person(text, match.start()):
                return match.group("place")
        doc = sentence.doc
        for span in doc.spans.get("entity", []):
            if span.start < sentence.start or span.end + 1 >= sentence.end:
                continue
            place, after = doc[span.end], doc[span.end + 1]
            if (
                place.is_title
                and place.is_alpha
                and not self._is_entity_token(place)
                and place.lower_ not in self.language.role_words
                and not self._is_cue_word(place)
                and after.is_alpha
                and after.is_lower
                and not self._in_title_of_person(text, span.start_char - sentence.start_char)
            ):
                return place.text
        return None

    def _place_pattern(self) -> re.Pattern[str]:
        if not hasattr(self.lexicon, "_place_regex"):
            forms = sorted(self.lexicon.places, key=len, reverse=True)
            words = sorted(self.lexicon.breakdown_words, key=len, reverse=True)
            pattern = re.compile(
                r"(?<![\w-])(?:(?P<place>" + "|".join(re.escape(f) for f in forms) + r")"
                r"|(?P<group>(?i:" + "|".join(re.escape(w) for w in words) + r")))(?![\w-])"
            )
            object.__setattr__(self.lexicon, "_place_regex", pattern)
        return self.lexicon._place_regex  # type: ignore[attr-defined]

    def _place_in(self, text: str) -> str:
        """A province ("Papua", "NTT") or a breakdown ("perkotaan") named in text."""
        for match in self._place_pattern().finditer(text):
            if match.group("place"):
                return self.lexicon.places[match.group("place")]
            return match.group("group").lower()
        return ""

    def _clause_scope(self, quantity: Quantity) -> str:
        """A place or breakdown in the figure's own clause, unless it is where someone spoke."""
        start, end = self._clause(quantity)
        clause = self.article.text[start:end]
        place = self._place_in(clause)
        if not place:
            return ""
        words = {w.lower() for w in re.findall(r"\w+", clause)}
        if words & self.language.speech_verbs:
            return ""
        return place

    def _scope_pattern(self) -> re.Pattern[str]:
        if not hasattr(self.lexicon, "_scope_regex"):
            words = "|".join(re.escape(w) for w in sorted(self.lexicon.scope_words, key=len, reverse=True))
            aliases = "|".join(
                re.escape(a) for e in self.lexicon.entities for a in sorted(e.aliases, key=len, reverse=True)
            )
            heads = "|".join(re.escape(h) for h in self.lexicon.place_heads)
            place = rf"(?P<place>(?:(?:{heads})\s+)?[A-Z][\w\-]+)"
            pattern = re.compile(rf"\b(?:{words})\s+(?:(?:{aliases})\s+)?{place}")
            object.__setattr__(self.lexicon, "_scope_regex", pattern)
        return self.lexicon._scope_regex  # type: ignore[attr-defined]

    def _in_title_of_person(self, text: str, position: int) -> bool:
        before = text[max(0, position - 60) : position].lower().split()[-7:]
        return any(word in ("kepala", "kakanwil", "kacab", "direktur", "deputi", "head", "director") for word in before)

    def _is_entity_token(self, token: Token) -> bool:
        return any(s.start <= token.i < s.end for s in token.doc.spans.get("entity", []))

    def _inherit_scope(self, infos: list[SentenceInfo]) -> None:
        """A branch named in one sentence holds for the rest of its paragraph."""
        for previous, current in zip(infos, infos[1:]):
            if current.scope is None and previous.scope and previous.line == current.line:
                current.scope = previous.scope

    def _entity_mentions(self) -> list[tuple[int, int, str, str]]:
        """(start, end, canonical name, text as written); fuzzy near-misses included."""
        doc = self.doc
        found = [(s.start, s.end, s.label_, s.text) for s in doc.spans.get("entity", [])]
        taken = {i for s in found for i in range(s[0], s[1])}
        aliases = [(alias, entity.name) for entity in self.lexicon.entities for alias in entity.aliases if " " in alias]
        choices = [a for a, _ in aliases]
        index = 0
        while index < len(doc) - 1:
            first, second = doc[index], doc[index + 1]
            if index in taken or not (first.is_upper or first.is_title) or not second.is_title or len(first) < 2:
                index += 1
                continue
            candidate = f"{first.text} {second.text}"
            best = process.extractOne(candidate, choices, scorer=fuzz.ratio, score_cutoff=90)
            if best is not None and candidate != best[0]:
                name = aliases[best[2]][1]
                found.append((index, index + 2, name, candidate))
                start = self.char(index)
                self.out.mentions.append(
                    Mention(
                        self.article.id,
                        self.article.path,
                        start,
                        start + len(candidate),
                        candidate,
                        "entity",
                        canonical=name,
                        sentence=self.sentence_of[first.i].text.strip(),
                    )
                )
                index += 2
                continue
            index += 1
        self._learn_aliases(found)
        for alias, name in sorted(self.out.learned_aliases.items()):
            for match in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", doc.text):
                span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if span is not None and not any(i in taken for i in range(span.start, span.end)):
                    found.append((span.start, span.end, name, span.text))
                    taken.update(range(span.start, span.end))
        return sorted(found)

    def _learn_aliases(self, found: list[tuple[int, int, str, str]]) -> None:
        """ "X atau Y" and "X (Y)" after a known entity; "Long Name (ACRONYM)" for an organization."""
        doc = self.doc
        text = doc.text
        name_pattern = r"([A-Z][\w.&/-]*(?:\s+[A-Z][\w.&/-]*){0,3})"
        for _start, end, name, _ in found:
            after = text[doc[end - 1].idx + len(doc[end - 1]) :][:80]
            match = re.match(rf"\s*\(\s*{name_pattern}\s*\)", after) or re.match(
                rf"\s+atau\s+(?:afiliasi\s+)?{name_pattern}", after
            )
            if match and match.group(1) not in ("BPJS",):
                self.out.learned_aliases.setdefault(match.group(1), name)
        organizations = "|".join(re.escape(w) for w in self.lexicon.organization_words)
        if not organizations:
            return
        for match in re.finditer(
            rf"\b((?:{organizations})(?:\s+(?:[A-Z][\w-]*|dan|and|of|untuk))+)\s*\(([A-Z]{{2,10}})\)", text
        ):
            long_name, acronym = match.group(1), match.group(2)
            initials = "".join(w[0] for w in long_name.split() if w[0].isupper())
            if _is_subsequence(acronym, initials) and long_name not in self.out.learned_aliases:
                known = next((n for s, e, n, t in found if t == long_name), None)
                self.out.learned_aliases.setdefault(long_name, known or long_name)
                self.out.learned_aliases.setdefault(acronym, known or long_name)

    # -- claim level
    def _claim(
        self,
        quantity: Quantity,
        info: SentenceInfo,
        siblings: list[Quantity],
        entities: list[tuple[int, int, str, str]],
        last_entity: tuple[str, str] | None,
    ) -> Claim | None:
        doc = self.doc
        sentence = info.span
        start = self.char(quantity.start)
        end = self.char(quantity.end - 1) + len(doc[quantity.end - 1].text) - quantity.trim
        text = self.article.text[start:end]
        modality, direction, baseline = self._modality(quantity, sentence)
        period, current_cue = self._period(quantity, info, siblings, modality)
        entity, entity_text = self._entity(quantity, entities, last_entity)
        metric, metric_text, noun = self._metric(quantity, sentence, siblings)
        sentence_start = self.offset + sentence.start_char
        scope = self._clause_scope(quantity)
        if not scope:
            scope = info.scope if info.scope is not None else (f"{self.out.region}?" if self.out.region else "")
        claim = Claim(
            article_id=self.article.id,
            path=self.article.path,
            start=start,
            end=end,
            text=text,
            sentence=" ".join(sentence.text.split()),
            sentence_start=sentence_start,
            value=quantity.value,
            unit=quantity.unit,
            low=quantity.low,
            high=quantity.high,
            significant=quantity.significant,
            qualifier=quantity.qualifier,
            entity=entity,
            entity_text=entity_text,
            scope=scope,
            metric=metric,
            metric_text=metric_text,
            noun=noun,
            period=period,
            current_cue=current_cue,
            modality=modality,
            direction=direction,
            baseline=baseline,
            in_title=self.article.title_start is not None and self.article.title_start <= start < self.title_end,
            published=self.article.published,
        )
        if modality == "change":
            claim.base_period = self._base_period(quantity, info)
        return claim

    def _period(
        self, quantity: Quantity, info: SentenceInfo, siblings: list[Quantity], modality: str
    ) -> tuple[Period | None, str]:
        periods = info.periods
        if modality in ("target", "projection"):
            # A goal is for a year, not for "saat ini" (which then dates the base it is taken of).
            periods = [m for m in periods if m.kind != "current"]
        q_start, q_end = self.char(quantity.start), self.char(quantity.end)
        others = [self.char(s.start) for s in siblings if s is not quantity]
        clause_start, clause_end = self._clause(quantity)
        current_cue = ""
        for match in info.periods:
            if match.kind == "current" and clause_start <= match.start < clause_end:
                current_cue = match.current_cue
        # A period right after the figure is its own ("20,9 juta tahun lalu").
        following = [m for m in periods if m.start >= q_end and m.start - q_end <= 60]
        if modality == "change":
            following = [m for m in following if not self._compared(m)]
        for match in following:
            between = self.article.text[q_end : match.start]
            if any(q_end <= o < match.start for o in others) or re.search(
                r"[,;]", between.replace("(", "").replace(")", "")
            ):
                break
            if len(between.split()) <= 6 and not self._start_marker(match) and match.period is not None:
                # "20,9 juta tahun lalu" is dated by its own words, whatever "sekarang" said before.
                return match.period, (current_cue if match.kind in ("absolute", "current") else "")
        preceding = [m for m in periods if m.end <= q_start and not self._start_marker(m)]
        if preceding:
            return preceding[-1].period, current_cue
        # "membayar Rp 47 triliun kepada 3,6 juta peserta sepanjang 2023": one period for the whole sentence
        dated = [m for m in periods if m.period is not None and m.kind == "absolute"]
        if len(dated) == 1 and len(periods) == 1 and not self._compared(dated[0]) and not self._start_marker(dated[0]):
            return dated[0].period, current_cue
        return None, current_cue

    def _start_marker(self, match: PeriodMatch) -> bool:
        """ "mulai Mei 2023" dates a campaign's start, not a figure."""
        before = self.article.text[max(0, match.start - 8) : match.start].lower()
        return bool(re.search(r"\b(mulai|sejak|since|starting)\s*$", before))

    def _base_period(self, quantity: Quantity, info: SentenceInfo) -> Period | None:
        q_end = self.char(quantity.end)
        later = [m for m in info.periods if m.start >= q_end and m.period is not None]
        compared = [m for m in later if self._compared(m)]
        for match in compared or later:
            return match.period
        return None

    def _compared(self, match: PeriodMatch) -> bool:
        """ "dibandingkan Maret 2023", "terhadap September 2022", "from 9.57 percent in ...": a base period."""
        before = self.article.text[max(0, match.start - 40) : match.start].lower()
        cues = self.cues.get("comparison", []) + ["terhadap", "dari", "from", "than"]
        return any(re.search(rf"\b{re.escape(c)}\b(?:\s+\S+){{0,3}}\s*$", before) for c in cues) or bool(
            re.match(r"(?:dibanding|dibandingkan|terhadap|compared)", match.text.strip().lower())
        )

    def _clause(self, quantity: Quantity) -> tuple[int, int]:
        """Character bounds of the comma-delimited clause around a figure."""
        start, end = self._clause_tokens(quantity)
        return self.char(start), self.char(end)

    def _entity(
        self, quantity: Quantity, entities: list[tuple[int, int, str, str]], last_entity: tuple[str, str] | None
    ) -> tuple[str, str]:
        before = [e for e in entities if e[1] <= quantity.start]
        if before:
            return before[-1][2], before[-1][3]
        if entities:
            return entities[0][2], entities[0][3]
        if last_entity:
            return last_entity
        return self._article_entity()

    def _article_entity(self) -> tuple[str, str]:
        names = Counter(s.label_ for s in self.doc.spans.get("entity", []))
        if names:
            name = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            return name, ""
        return "", ""

    def _metric(self, quantity: Quantity, sentence: Span, siblings: list[Quantity]) -> tuple[str, str, str]:
        doc = self.doc
        spans = [s for s in doc.spans.get("metric", []) if sentence.start <= s.start < sentence.end]
        lexicon = self.lexicon
        noun = ""
        after_word = _next_word(doc, quantity.end - 1)
        if after_word is not None and after_word.is_alpha and after_word.i < sentence.end:
            noun = after_word.lower_
        if quantity.unit.startswith("per "):
            noun = ""  # "189 per 100.000 kelahiran hidup": the noun after a rate is its base, not its metric
        immediate = [
            s
            for s in spans
            if not quantity.unit.startswith("per ")
            and quantity.end <= s.start <= quantity.end + 1
            and not _has_space_break(doc, quantity.end, s.start)
            and not (quantity.unit == "percent" and doc[quantity.end].lower_ == "dari")
        ]
        if immediate:
            metric = lexicon.metric(immediate[0].label_)
            if metric is not None and not metric.generic:
                return self._refined(immediate[0]), immediate[0].text, noun
        content_noun = (
            bool(noun)
            and noun not in self.language.function_words
            and noun not in self.language.period_cues.get("as_of", [])
            and not self._is_cue_word(after_word)
            and noun not in self.language.months
        )
        if content_noun and not immediate:
            fuzzy = self._fuzzy_metric(doc, quantity.end, sentence.end)
            return fuzzy if fuzzy else (noun, noun, noun)
        clause_start = quantity.start
        while (
            clause_start > sentence.start
            and doc[clause_start - 1].text not in (";", ":", ",")
            and doc[clause_start - 1].lower_ not in STRONG_BREAKS
        ):
            clause_start -= 1
        window_start = max(clause_start, quantity.start - 14)
        before = [s for s in spans if window_start <= s.start and s.end <= quantity.start]
        before = [s for s in before if not (lexicon.metric(s.label_) or _GENERIC).generic]
        if before:
            nearest = max(before, key=lambda s: (s.end, (lexicon.metric(s.label_) or _GENERIC).specificity))
            return self._refined(nearest), nearest.text, noun
        later = [s for s in spans if quantity.end <= s.start <= quantity.end + 6]
        for span in later:
            between = doc[quantity.end : span.start]
            if any(t.text in (",", ";") for t in between) or any(
                quantity.end <= o.start < span.start for o in siblings
            ):
                break
            if quantity.unit == "percent" and any(t.lower_ == "dari" for t in between):
                break  # "55 persen dari jumlah pekerja": the base, not the metric
            metric = lexicon.metric(span.label_)
            if metric is not None and not metric.generic:
                return self._refined(span), span.text, noun
        if immediate:
            return immediate[0].label_, immediate[0].text, noun
        return "", "", noun

    def _refined(self, span: Span) -> str:
        """A metric narrowed by the words next to it.

        "penduduk miskin ekstrem" is not "penduduk miskin" (a listed modifier),
        and a broad metric takes the noun after it: "anggaran kesehatan" is not
        "anggaran pendidikan", "klaim JHT" is not all claims.
        """
        doc = span.doc
        modifiers = self.lexicon.metric_modifiers
        following = doc[span.end] if span.end < len(doc) else None
        if following is not None and following.lower_ in modifiers:
            return f"{span.label_} {following.lower_}"
        if span.start > 0 and doc[span.start - 1].lower_ in modifiers:
            return f"{doc[span.start - 1].lower_} {span.label_}"
        metric = self.lexicon.metric(span.label_)
        if metric is not None and metric.broad and following is not None and self._narrowing_noun(following):
            # "klaim Jaminan Hari Tua (JHT)" is narrowed by its acronym, as "klaim JHT" is
            acronym = re.match(
                r"(?:[A-Z]\w*\s+){1,5}\(\s*([A-Z]{2,8})\s*\)", doc.text[following.idx : following.idx + 80]
            )
            return f"{span.label_} {(acronym.group(1) if acronym else following.text).lower()}"
        return span.label_

    def _narrowing_noun(self, token: Token) -> bool:
        word = token.lower_
        return (
            token.is_alpha
            and len(word) > 1
            and word not in self.language.function_words
            and word not in self.language.stopwords
            and word not in self.language.months
            and word not in self.language.period_cues.get("as_of", [])
            and word not in self.language.speech_verbs
            and not self._is_cue_word(token)
            and not any(s.start == token.i for s in token.doc.spans.get("metric", []))
            and not any(s.start <= token.i < s.end for s in token.doc.spans.get("entity", []))
        )

    def _is_cue_word(self, token: Token | None) -> bool:
        if token is None:
            return False
        return any(s.start <= token.i < s.end for s in token.doc.spans.get("cue", []))

    def _fuzzy_metric(self, doc: Doc, start: int, limit: int) -> tuple[str, str, str] | None:
        words = [t.text for t in doc[start : min(limit, start + 3)] if t.is_alpha]
        if len(words) < 2:
            return None
        phrase = " ".join(words[:2]).lower()
        choices = {syn: m.id for m in self.lexicon.metrics for syn in m.synonyms if " " in syn}
        best = process.extractOne(phrase, list(choices), scorer=fuzz.ratio, score_cutoff=90)
        if best is None:
            return None
        return choices[best[0]], phrase, words[0].lower()

    def _cue_kinds(self, start: int, end: int) -> list[tuple[str, Span]]:
        return [(s.label_, s) for s in self.doc.spans.get("cue", []) if start <= s.start and s.end <= end]

    def _modality(self, quantity: Quantity, sentence: Span) -> tuple[str, str, bool]:
        doc = self.doc
        previous_words = [t for t in doc[max(sentence.start, quantity.start - 4) : quantity.start] if not t.is_space]
        lowers = [t.lower_ for t in previous_words]
        direction = ""
        cues = self.cues
        immediate = lowers[-1] if lowers else ""
        links = cues.get("change_links", [])
        before_qualifier = [w for w in lowers if w not in self.language.qualifiers and w not in links]
        baseline = immediate in cues.get("baseline", []) or (
            len(lowers) >= 2 and lowers[-2] in cues.get("baseline", []) and lowers[-1] in self.language.qualifiers
        )
        level = immediate in cues.get("result", [])
        for word in reversed(before_qualifier[-3:]):
            if word in cues.get("rise", []):
                direction = "rise"
                break
            if word in cues.get("fall", []):
                direction = "fall"
                break
        if direction and not level and not baseline:
            return "change", direction, False
        clause_start, clause_end = self._clause_tokens(quantity)
        in_clause = {kind for kind, _ in self._cue_kinds(clause_start, clause_end)}
        sentence_before = {kind for kind, span in self._cue_kinds(sentence.start, quantity.start)}
        paren = self._parenthetical_after(quantity)
        if "projection" in in_clause or "projection" in sentence_before:
            return ("actual" if baseline else "projection"), direction, baseline
        if (
            "target_verbs" in sentence_before
            or "target" in in_clause
            or "target_verbs" in in_clause
            or "target" in paren
        ):
            return ("actual" if baseline else "target"), direction, baseline
        return "actual", direction, baseline

    def _parenthetical_after(self, quantity: Quantity) -> set[str]:
        doc = self.doc
        following = _next_word(doc, quantity.end - 1)
        if following is None or following.text != "(":
            return set()
        close = following.i
        while close < len(doc) and doc[close].text != ")":
            close += 1
        return {kind for kind, _ in self._cue_kinds(following.i, close)}

    def _clause_tokens(self, quantity: Quantity) -> tuple[int, int]:
        """Token bounds of the clause around a figure: up to commas, dashes, quotes and contrast words."""
        doc = self.doc
        sentence = self.sentence_of[quantity.start]

        def boundary(token: Token) -> bool:
            return token.text in CLAUSE_PUNCT or token.lower_ in STRONG_BREAKS

        start = quantity.start
        while start > sentence.start and not boundary(doc[start - 1]):
            start -= 1
        end = quantity.end
        while end < sentence.end and not boundary(doc[end]):
            end += 1
        return start, end

    def _link(self, claims: list[Claim], info: SentenceInfo) -> None:
        """Tie comparisons to their pair, shares to their count, and changes to their level."""
        if not claims:
            return
        base = len(self.out.claims)
        comparison = self.cues.get("comparison", [])
        for position, claim in enumerate(claims[:-1]):
            following = claims[position + 1]
            between = " ".join(re.sub(r"[^\w\s]", " ", self.article.text[claim.end : following.start].lower()).split())
            if self._is_share_link(claim, following, between):
                share, count = (claim, following) if claim.unit == "percent" else (following, claim)
                share.links["count"] = base + claims.index(count)
                count.links["share"] = base + claims.index(share)
                if share.modality == "actual":
                    share.modality = "share"
                generic = (self.lexicon.metric(count.metric) or _GENERIC).generic
                if not count.metric or generic or count.metric in (count.noun, self._share_base(share)):
                    count.metric, count.metric_text = share.metric, share.metric_text
                if count.modality == "actual" and share.modality in ("target", "projection"):
                    count.modality = share.modality
                if not share.metric:
                    share.metric, share.metric_text = count.metric, count.metric_text
            elif claim.unit == following.unit and len(between.split()) <= 3 and any(w in between for w in comparison):
                claim.links["compared"] = base + position + 1
                following.links["compared"] = base + position
                if not following.metric or following.metric == following.noun:
                    following.metric, following.metric_text = claim.metric, claim.metric_text
        sentence_text = info.span.text.strip().lower()
        if any(sentence_text.startswith(a) for a in self.cues.get("anaphora", [])):
            earlier = [c for c in self.out.claims if c.sentence_start < info.span.start_char + self.offset]
            for claim in claims:
                match = next((c for c in reversed(earlier[-5:]) if c.unit == claim.unit and c.metric), None)
                if not claim.metric and match is not None:
                    claim.metric, claim.metric_text = match.metric, match.metric_text
        for position, claim in enumerate(claims):
            if not claim.metric and position > 0 and claims[position - 1].unit == claim.unit:
                # "peserta aktif sekitar 39 juta, dan saat ini jumlahnya 42,1 juta"
                claim.metric, claim.metric_text = claims[position - 1].metric, claims[position - 1].metric_text
        for position, claim in enumerate(claims):
            if claim.modality != "change":
                continue
            level, level_index = self._level_of(claims, position, info)
            if level is None:
                continue
            # "27,8 juta dibanding 25,3 juta tahun lalu, naiknya 8 persen": the change is
            # of the newer figure, the first of the compared pair.
            paired = level.links.get("compared")
            if level_index is not None and paired is not None and paired - base < level_index:
                claim.links["base"] = base + level_index
                level_index = paired - base
                level = claims[level_index]
            claim.links["level"] = level.index if level_index is None else base + level_index
            for later in claims[position + 1 :]:
                between = self.article.text[claim.end : later.start].lower()
                cues = [*comparison, *self.cues.get("baseline", [])]
                if later.unit == level.unit and any(re.search(rf"\b{re.escape(w)}\b", between) for w in cues):
                    claim.links["base"] = base + claims.index(later)
                    later.metric, later.metric_text = level.metric, level.metric_text
                    break
            claim.metric, claim.metric_text = level.metric, level.metric_text
            claim.entity, claim.scope = level.entity, level.scope
            if claim.period is None or claim.period != level.period:
                if claim.period is not None and claim.base_period is None:
                    claim.base_period = claim.period
                claim.period = level.period
            same_period = self.cues.get("same_period_last_year", [])
            if level.period is not None and any(cue in claim.sentence.lower() for cue in same_period):
                # "meningkat 14,01 persen dari periode yang sama tahun sebelumnya": the level's month a year before
                claim.base_period = _year_before(level.period)
        for claim in claims:
            population = self._share_base(claim)
            if population:
                claim.population = population
                if not claim.metric or claim.metric == population:
                    claim.metric = f"share-of-{population}"

    def _level_of(self, claims: list[Claim], position: int, info: SentenceInfo) -> tuple[Claim | None, int | None]:
        """The figure a change is of: earlier in its sentence, or, after "Angka itu", in the one before.

        A change after "sementara", "sedangkan" or ";" speaks of something else
        ("..., sementara upah buruh naik 2,5 persen").
        """
        for index in range(position - 1, -1, -1):
            if claims[index].modality not in ("change", "share"):
                between = self.article.text[claims[index].end : claims[position].start].lower()
                if ";" in between or set(re.findall(r"\w+", between)) & STRONG_BREAKS:
                    return None, None
                return claims[index], index
        sentence_text = info.span.text.strip().lower()
        this_sentence = info.span.start_char + self.offset
        earlier_claims = [c for c in self.out.claims if c.sentence_start < this_sentence]
        if any(sentence_text.startswith(a) for a in self.cues.get("anaphora", [])):
            for earlier in reversed(earlier_claims):
                if earlier.modality not in ("change", "share"):
                    return earlier, None
                break
        # "jumlah penduduk miskin tersebut menurun 0,68 juta": the same metric, named again and pointed back to.
        change = claims[position]
        before = self.article.text[this_sentence : change.start].lower()
        if change.metric and re.search(r"\b(tersebut|itu|ini|that|this)\b", before):
            for earlier in reversed(earlier_claims[-5:]):
                if earlier.metric == change.metric and earlier.modality == "actual" and not earlier.in_title:
                    return earlier, None
        return None, None

    def _is_share_link(self, first: Claim, second: Claim, between: str) -> bool:
        """ "44 persen atau sekitar 580 ribu", also across "dari total jumlah pekerja saat ini"."""
        if (first.unit == "percent") == (second.unit == "percent") or "pp" in (first.unit, second.unit):
            return False
        links = sorted(self.cues.get("share_links", []), key=len, reverse=True)
        for link in links:
            if between == link:
                return True
            if (
                first.unit == "percent"
                and between.startswith("dari ")
                and between.endswith(" " + link)
                and len(between.split()) <= 9
            ):
                return True
        return False

    def _share_base(self, claim: Claim) -> str:
        """ "55 persen dari (total) jumlah pekerja": the population a percent is taken of."""
        if claim.unit != "percent":
            return ""
        after = self.article.text[claim.end : claim.end + 60].lower()
        match = re.match(
            r"\s*dari\s+(?:total\s+|jumlah\s+total\s+|total\s+jumlah\s+)?(jumlah\s+)?(\w+(?:\s+\w+)?)", after
        )
        if not match:
            return ""
        phrase = " ".join(match.group(0).split()[1:])
        for metric in self.lexicon.metrics:
            if metric.population and any(phrase.startswith(s) or s in phrase for s in metric.synonyms if " " in s):
                return metric.id
        return ""

    def _person_mentions(self) -> None:
        """Names before a speech verb or after "kata"/"ujar" ("kata Direktur Utama ... Rahmat Hidayat Saputra")."""
        doc = self.doc
        language = self.language
        entity_tokens = {i for s in doc.spans.get("entity", []) for i in range(s.start, s.end)}
        for token in doc:
            if token.lower_ not in language.speech_verbs or self.article.is_boilerplate(self.char(token.i)):
                continue
            runs = []
            position = token.i - 1
            run: list[Token] = []
            while position >= 0 and (doc[position].is_title or doc[position].is_upper) and doc[position].is_alpha:
                run.insert(0, doc[position])
                position -= 1
            runs.append(run)
            run = []
            position = token.i + 1
            while position < len(doc) and (doc[position].is_title or doc[position].is_upper) and doc[position].is_alpha:
                run.append(doc[position])
                position += 1
            runs.append(run)
            for candidate in runs:
                name: list[Token] = []
                for part in reversed(candidate):
                    if part.i in entity_tokens or part.lower_ in language.role_words or part.is_upper:
                        break
                    name.insert(0, part)
                title = candidate[: len(candidate) - len(name)]
                context = sorted(
                    {t.lower_ for t in title if t.lower_ in language.role_words}
                    | {s.label_ for s in doc.spans.get("entity", []) if any(s.start <= t.i < s.end for t in title)}
                )
                if len(name) >= 2 and not any(
                    t.lower_ in language.weekdays or t.lower_ in language.months for t in name
                ):
                    start = self.char(name[0].i)
                    end = self.char(name[-1].i) + len(name[-1].text)
                    self.out.mentions.append(
                        Mention(
                            self.article.id,
                            self.article.path,
                            start,
                            end,
                            self.article.text[start:end],
                            "person",
                            sentence=" ".join(self.sentence_of[token.i].text.split()),
                            context=tuple(context),
                        )
                    )


def _year_before(period: Period) -> Period:
    """The same period a year earlier ("periode yang sama tahun sebelumnya")."""
    from dataclasses import replace

    def shift(day: date) -> date:
        last = calendar.monthrange(day.year - 1, day.month)[1]
        return day.replace(year=day.year - 1, day=min(day.day, last))

    label = period.label.replace(str(period.start.year), str(period.start.year - 1), 1)
    text = f"{period.text.strip()} (a year before)"
    return replace(period, start=shift(period.start), end=shift(period.end), label=label, text=text)


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(letter in letters for letter in short)


def _has_space_break(doc: Doc, start: int, end: int) -> bool:
    return any("\n" in doc[i].text for i in range(start, end))


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.7


class _Generic:
    generic = False
    specificity = 0


_GENERIC: Any = _Generic()


def extract_all(
    articles: list[Article],
    lexicon: Lexicon | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Claim], list[Mention]]:
    claims: list[Claim] = []
    mentions: list[Mention] = []
    for done, article in enumerate(articles, 1):
        if progress is not None:
            progress(done, len(articles))
        result = extract(article, lexicon)
        offset = len(claims)
        for claim in result.claims:
            claim.index += offset
            claim.links = {k: v + offset for k, v in claim.links.items()}
        claims.extend(result.claims)
        mentions.extend(result.mentions)
    return claims, mentions


__all__ = ["Extraction", "extract", "extract_all", "parse_number", "pipeline"]
