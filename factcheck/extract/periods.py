"""Periods: every period expression, resolved, and the period of each figure, inherited as a reader does.

Sets `sentence.periods`, `sentence.reference`, `figure.period`,
`figure.base_period`, `figure.current_cue` and `figure.period_evidence`.
Reads `doc._.figures` with their modality (a change's base, a compared
level), `doc._.sentences` (paragraphs, rows and headers) and the article's
publication date.

A figure takes, in this order: the period written right after it ("20,9 juta
tahun lalu", "7,10 persen pada Maret 2024"); the nearest one before it in its
clause, then in its sentence; the only one after it in its sentence; its row
label ("2013: 37,2%"); its list's header; its antecedent after "Jumlah ini";
the previous sentence of its paragraph; a citation ("(BPS, 2024)"); and
finally the publication date, for "saat ini" or an undated figure (the
evidence says which). Relative expressions resolve against the period in
context ("tahun sebelumnya", "periode yang sama") or the publication date
("tahun lalu", "saat ini").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import lru_cache
from typing import Any

from spacy.language import Language as SpacyLanguage
from spacy.tokens import Doc

from ..lexicon import Language
from ..models import Period
from ..periods import Dateline, PeriodMention, find_datelines, find_periods, resolve, valid_date
from .doc import (
    Context,
    Figure,
    Sentence,
    context_of,
    figures_of,
    has_word,
    in_sentence,
    sentence_before,
    sentences_of,
    text_of,
    word_matches,
)

OWN_GAP_WORDS = 6


@SpacyLanguage.factory("factcheck_periods")
def make_periods(nlp: SpacyLanguage, name: str) -> Any:
    return assign_periods


def assign_periods(doc: Doc) -> Doc:
    context = context_of(doc)
    sentences = sentences_of(doc)
    figures = figures_of(doc)
    mentions = find_periods(text_of(doc), context.offset, context.language)
    lines = find_datelines(text_of(doc), context.language)  # read once: both uses below only read them
    mentions = _with_weekday_dates(mentions, text_of(doc), context, lines)
    mentions = _with_bare_weekdays(mentions, text_of(doc), context)
    _distribute(mentions, sentences)
    comparison = _comparison_cues(context)
    words = _word_sets(context.language)
    qualifiers, own_cues = words.qualifiers, words.own_cues
    text = context.article.text
    for sentence in sentences:
        for mention in sentence.periods:
            if (
                mention.role == ""
                and not mention.ends_stretch
                and _is_comparison(text, mention, comparison, qualifiers, own_cues)
            ):
                mention.role = "compared"
    _resolve_mentions(sentences, context, figures)
    speech, weekdays = words.speech, words.weekdays
    datelines = [(d.start + context.offset, d.end + context.offset) for d in lines]
    for sentence in sentences:
        prefix_end = doc[sentence.body_start].idx + context.offset if sentence.body_start > sentence.start else -1
        for listed in sentence.periods:
            if listed.start < prefix_end:
                listed.role = "dateline"  # " date 2023-07-17 Update Terbaru, ...": when the page was made
            # "menyebut penyaluran hingga 20 Februari 2024 mencapai ...": a day a running total reaches is the
            # figure's, however near a speech verb
            if (
                listed.granularity == "day"
                and not listed.cumulative
                and _said_on(text, sentence, listed, speech, weekdays)
            ):
                listed.role = "dateline"  # "kata Ida, Senin (18/1/2021)", "ujar Hendra, 21 Agustus 2024"
    spans = [(m.start, m.end) for s in sentences for m in s.periods if m.granularity != "current"] + datelines
    for figure in figures:
        if any(a <= figure.start_char < b for a, b in spans):
            figure.skip = True  # the "3" of "Senin, 3 Juni 2024" is a date, not a figure
    for sentence in sentences:
        sentence.figures = [i for i in sentence.figures if not figures[i].skip]
    for sentence in sentences:
        if sentence.kind == "boilerplate":
            continue
        own: dict[int, PeriodMention] = {}
        attached: dict[int, int] = {}  # a mention written right after a figure -> that figure
        for index in sentence.figures:
            after = _own_after(context.article.text, figures[index], sentence, figures)
            if after is not None:
                own[index] = after
                attached[id(after)] = index
        for index in sentence.figures:
            _assign(figures[index], index, sentence, own.get(index), attached, figures, sentences, context)
        _respectively(sentence, figures, text, context)
        for index in sentence.figures:
            _split_range(figures[index])
            figure = figures[index]
            if figure.baseline and figure.period_evidence not in ("clause", "respectively", "range start"):
                # "dari 69,80 persen menjadi 70,60 persen": an undated base is of an earlier, unknown period
                figure.period, figure.period_evidence = None, "base of unknown date"
    return doc


@dataclass(frozen=True)
class _Words:
    """The word sets the period assignment reads, built once per language rather than for every Doc."""

    qualifiers: frozenset[str]
    own_cues: frozenset[str]
    speech: frozenset[str]
    weekdays: frozenset[str]
    day_prepositions: frozenset[str]
    links: frozenset[str]


@lru_cache(maxsize=16)
def _word_sets(language: Language) -> _Words:
    cues, statement = language.period_cues, language.statement
    return _Words(
        qualifiers=frozenset(language.qualifiers),
        own_cues=frozenset(w.lower() for w in cues.get("as_of", [])),
        speech=frozenset(language.speech_verbs | set(statement.get("source_verbs", []))),
        weekdays=frozenset(language.weekdays),
        day_prepositions=frozenset(w.lower() for w in cues.get("day_prepositions", [])),
        links=frozenset(w.lower() for w in statement.get("link_words", []) if " " not in w),
    )


def _with_weekday_dates(
    mentions: list[PeriodMention], text: str, context: Context, lines: list[Dateline]
) -> list[PeriodMention]:
    """ "mencapai Rp 85.000 pada Senin (4/3/2024)": a weekday's date after "pada" is a day like "4 Maret 2024".

    Also one set off by commas right before the word that links a level ("Harga cabai di Pasar Johar,
    Senin (4/3/2024), mencapai Rp 80.000"). Elsewhere it is when someone spoke ("kata Ida, Senin (18/1)")
    or when an edition appeared ("edisi Senin (8/7/2024)").
    """
    words = _word_sets(context.language)
    prepositions, links = words.day_prepositions, words.links
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for line in lines:
        start, end = line.start + context.offset, line.end + context.offset
        # "pada Senin (4/3)", "pada perdagangan Selasa (14/5/2024)": the preposition, at most two words before
        before = re.split(r"[,;:()]", text[max(0, line.start - 40) : line.start].lower())[-1].split()[-3:]
        linked = re.match(r"\s*,\s*(\w+)", text[line.end : line.end + 30])
        between_commas = text[: line.start].rstrip().endswith(",") and linked and linked.group(1).lower() in links
        if not (set(before) & prepositions or between_commas) or any(a < end and start < b for a, b in taken):
            continue
        kind = "absolute" if line.year is not None else "month"
        mention = PeriodMention(start, end, line.text, kind, "day", line.year, line.month, line.day)
        if line.year is not None and valid_date(line.year, line.month, line.day) is None:
            continue
        added.append(mention)
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


@lru_cache(maxsize=16)
def _bare_weekday_pattern(language: Language) -> re.Pattern[str] | None:
    words = _word_sets(language)
    if not words.weekdays or not words.day_prepositions:
        return None
    prepositions = "|".join(sorted(map(re.escape, words.day_prepositions), key=len, reverse=True))
    weekdays = "|".join(sorted(map(re.escape, words.weekdays), key=len, reverse=True))
    # not a weekday with its date after it ("on Tuesday, March 12", "pada Senin (4/3)"): the datelines read those
    return re.compile(
        rf"\b(?:{prepositions})\s+(?P<wd>{weekdays})\b(?![\s,(]*(?:\d|[A-Z][a-z]+\.?\s+\d))", re.IGNORECASE
    )


def _with_bare_weekdays(mentions: list[PeriodMention], text: str, context: Context) -> list[PeriodMention]:
    """ "kept its rate at 6.25% on Wednesday", "ditahan di 6,25 persen pada Rabu": a weekday without its date.

    News names the days of the week it reports without their dates: the weekday is the last one on or before
    the publication day (a week of news at most). A speech verb before it still makes it when someone spoke.
    """
    published = context.published
    pattern = _bare_weekday_pattern(context.language)
    if (
        published is None
        or pattern is None
        or not any(w in text.lower() for w in _word_sets(context.language).weekdays)
    ):
        return mentions
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for m in pattern.finditer(text):
        start, end = m.start("wd") + context.offset, m.end("wd") + context.offset
        if any(a < end and start < b for a, b in taken):
            continue
        weekday = context.language.weekdays[m.group("wd").lower()]
        day = published - timedelta(days=(published.weekday() - weekday) % 7)
        added.append(PeriodMention(start, end, m.group("wd"), "absolute", "day", day.year, day.month, day.day))
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


def _respectively(sentence: Sentence, figures: list[Figure], text: str, context: Context) -> None:
    """ "Maret 2022 dan September 2022 masing-masing tercatat 26,16 juta dan 26,36 juta": one period each."""
    members = [figures[i] for i in sentence.figures if not figures[i].skip]
    if len(members) < 2:
        return  # tested first: most sentences hold fewer than two figures, and lowering each cost more
    words = text[sentence.start_char : sentence.end_char].lower()
    if not re.search(r"\bmasing-masing\b|\brespectively\b", words):
        return
    first = members[0].start_char
    dated = [
        m
        for m in sentence.periods
        if m.end <= first and period_of(m) is not None and m.role not in ("compared", "base", "dateline")
    ]
    if len(dated) == len(members):
        for figure, mention in zip(members, dated):
            _set(figure, period_of(mention), "respectively")


def _split_range(figure: Figure) -> None:
    """Over "Maret 2023 hingga Maret 2024", a base is the first month, a change and its new level the last."""
    period = figure.period
    if period is None or period.granularity != "range" or "/" not in period.label:
        return
    first_label, last_label = period.label.split("/", 1)
    first, last = _edge_period(first_label, period.text), _edge_period(last_label, period.text)
    if first is None or last is None or (first.start.year == last.start.year and first.start.month == 1):
        return  # "Januari-Maret 2024" is a year-to-date stretch (its base the same stretch a year before)
    if figure.baseline:
        stated = figure.period_evidence in ("clause", "sentence", "header", "row label", "respectively")
        figure.period, figure.period_evidence = first, "range start" if stated else "range start (carried)"
    elif figure.modality == "change":
        figure.period = last
        figure.base_period = figure.base_period or first
    elif figure.modality_evidence.startswith("new level"):
        figure.period = last


def _edge_period(label: str, text: str) -> Period | None:
    from ..periods import make_period

    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", label)
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2) or 0)
    return make_period("month", text, year, month) if month else make_period("year", text, year)


def _distribute(mentions: list[PeriodMention], sentences: list[Sentence]) -> None:
    position = 0
    for mention in mentions:
        while position < len(sentences) and sentences[position].end_char <= mention.start:
            position += 1
        if position < len(sentences) and sentences[position].start_char <= mention.start:
            sentences[position].periods.append(mention)


def _resolve_mentions(sentences: list[Sentence], context: Context, figures: list[Figure]) -> None:
    """Resolve each mention against the period in context when it is read."""
    published = context.published
    goals = {s.index: any(figures[i].modality in ("target", "projection") for i in s.figures) for s in sentences}
    article_reference: Period | None = None
    paragraph = -1
    paragraph_reference: Period | None = None
    goal_reference: Period | None = None
    paragraph_month: Period | None = None  # the last month the paragraph named without its year
    for sentence in sentences:
        if sentence.kind == "boilerplate":
            continue
        if sentence.paragraph != paragraph:
            paragraph, paragraph_reference, goal_reference = sentence.paragraph, None, None
            paragraph_month = None
        actual_reference = paragraph_reference
        if goals.get(sentence.index):
            # "targetkan 7,5 persen pada 2025. Hingga Juni, ...": a target year dates the goals after it
            paragraph_reference = goal_reference or paragraph_reference
        sentence_reference: Period | None = None
        sentence_month: Period | None = None  # "pada Februari": dated by the publication, a reference only here
        previous: PeriodMention | None = None
        for mention in sentence.periods:
            if mention.kind == "month":
                # a month without its year takes the year named nearby, else the publication's
                reference = sentence_reference or paragraph_reference
                if reference is None and published is None:
                    reference = article_reference or goal_reference  # undated: a target's year beats none
                if (
                    previous is not None
                    and previous.period is not None
                    and previous.kind in ("deictic", "anaphoric")
                    and previous.granularity == "year"
                    and 0 <= mention.start - previous.end <= 12
                ):
                    reference = previous.period  # "tahun ini sampai September": this year's September
            elif mention.kind in ("anaphoric", "same-period"):
                # "turun menjadi 4,76 persen pada Februari dari 4,82 persen setahun sebelumnya": Februari a year before
                # "reached 310,000 tonnes in March. ... from US$1.6 billion a month earlier": March's month before
                reference = sentence_reference or sentence_month or paragraph_reference or paragraph_month
                reference = reference or article_reference
            else:
                reference = sentence_reference or paragraph_reference or article_reference
            try:
                period = resolve(mention, reference, published)
            except ValueError:
                period = None
            if period is not None and mention.cumulative:
                period = replace(period, cumulative=True)
            mention.period = period
            previous = mention
            if period is not None and mention.kind in ("month", "range") and mention.role not in ("base", "compared"):
                sentence_month = period  # "pada Januari-Juni, ... setahun sebelumnya": that stretch a year before
            if (
                period is not None
                and mention.explicit
                and not mention.start_marker
                and mention.role not in ("base", "compared")
            ):
                sentence_reference = period
        sentence.reference = sentence_reference or paragraph_reference
        paragraph_month = sentence_month or paragraph_month
        paragraph_reference = actual_reference
        if sentence_reference is not None:
            if goals.get(sentence.index):
                goal_reference = sentence_reference  # a target year is no context for the actual figures after it
            else:
                paragraph_reference = article_reference = sentence_reference


def period_of(mention: PeriodMention) -> Period | None:
    return mention.period


def _said_on(
    text: str, sentence: Sentence, mention: PeriodMention, speech: frozenset[str], weekdays: frozenset[str]
) -> bool:
    before = text[max(sentence.start_char, mention.start - 60) : mention.start].lower()
    words = re.findall(r"[\w']+", before)
    if words and words[-1] in weekdays:
        return True
    return bool(set(words[-8:]) & speech)


def _comparison_cues(context: Context) -> re.Pattern[str]:
    return _comparison_pattern(context.language)


@lru_cache(maxsize=16)
def _comparison_pattern(language: Language) -> re.Pattern[str]:
    """ "terhadap jumlah penduduk miskin Maret 2023", "dibandingkan periode", "dari": what makes a date the base."""
    cues = language.modality_cues
    strong = "|".join(re.escape(c) for c in sorted(set(cues.get("comparison", [])), key=len, reverse=True)) or r"(?!x)x"
    weak = "|".join(re.escape(c) for c in sorted(set(cues.get("baseline", [])), key=len, reverse=True)) or r"(?!x)x"
    filler = r"(?:\s+(?:periode|dengan|kondisi|bulan|tahun|posisi|data|the|period|of))*"
    # "compared with $3.26 billion in September": the figure compared may stand between the cue and its date
    compared_figure = r"(?:\s+(?:Rp\.?|US\$|\$)?\s?\d[\d.,]*(?:\s+[^\s,.;:\d]+)?)?"
    return re.compile(
        rf"(?:(?:^|\W)(?:{strong}){compared_figure}(?:\s+[^\s,.;:\d]+){{0,5}}|(?:^|\W)(?:{weak}){filler})\s*$", re.I
    )


def _is_comparison(
    text: str,
    mention: PeriodMention,
    pattern: re.Pattern[str],
    qualifiers: frozenset[str] = frozenset(),
    own_cues: frozenset[str] = frozenset(),
) -> bool:
    """ "turun 0,68 juta orang terhadap Maret 2023", "dibandingkan September 2022": a base period.

    Not when the cue ends a figure's qualifier ("more than 30 patients died in March").
    """
    if mention.kind == "range":
        return False  # "dari tahun 2021 ke 2022": the "dari" opens the range
    # a month without its year, or a year, is read with the word before it ("dibandingkan Mei", "from May",
    # "dibandingkan 2023"): that word is the mention's own, and may be the cue; a quarter or a half keeps
    # its own words ("semester I 2024" is no cue of "semester")
    words = mention.text.split()
    lead = next((i for i, w in enumerate(words) if w.lower() not in own_cues), 0)
    before = text[max(0, mention.start - 40) : mention.start]
    found = pattern.search(before)
    if found is None and lead and (mention.kind == "month" or mention.granularity == "year"):
        before += "".join(f"{w} " for w in words[:lead])
        found = pattern.search(before)
    if found is None:
        return False
    cue_start = found.start() + len(found.group(0)) - len(found.group(0).lstrip(" \t\n\r.,;:()\"'"))
    leading = " ".join(before[:cue_start].lower().split()[-2:])
    cue = before[cue_start:].lower().split()[:1]
    return not any(f"{leading} {cue[0]}".endswith(q) for q in qualifiers if cue and " " in q)


def _own_after(text: str, figure: Figure, sentence: Sentence, figures: list[Figure]) -> PeriodMention | None:
    """A period written right after the figure is its own ("20,9 juta tahun lalu", "7,10 persen pada Maret 2024")."""
    others = [
        f.start_char
        for f in in_sentence(figures, figure.sentence)
        if f is not figure and sentence.start_char <= f.start_char < sentence.end_char
    ]
    for mention in sentence.periods:
        if mention.start < figure.end_char:
            continue
        between = text[figure.end_char : mention.start]
        if any(figure.end_char <= o < mention.start for o in others):
            return None
        if re.search(r"[,;:]", between.replace("(", "").replace(")", "")) or len(between.split()) > OWN_GAP_WORDS:
            return None
        if re.search(r"\b(?:dan|serta|and|sedangkan|sementara)\b", between.lower()):
            return None  # "40,2 juta orang dan posisi per Desember 2024 ...": the next item's period
        if mention.start_marker or period_of(mention) is None:
            return None
        return mention
    return None


def _assign(
    figure: Figure,
    index: int,
    sentence: Sentence,
    own: PeriodMention | None,
    attached: dict[int, int],
    figures: list[Figure],
    sentences: list[Sentence],
    context: Context,
) -> None:
    text = context.article.text
    goal = figure.modality in ("target", "projection")
    change = figure.modality == "change"
    clause_start = _clause_start(text, figure, sentence)
    reach = _reach_start(text, figure, sentence, context)
    # the clause's end is the same for every mention: searched once, and only when the sentence has one
    near_end = _clause_end(text, figure, sentence) if sentence.periods else 0
    for mention in sentence.periods:
        near = clause_start <= mention.start < near_end
        opening = reach <= mention.start < figure.start_char  # "Posisi hari ini, peserta ... 40 juta"
        if mention.kind == "current" and (near or opening) and mention.role != "dateline":
            figure.current_cue = mention.current_cue  # not "JAKARTA, Kabar Kini -": the outlet's name

    def usable(mention: PeriodMention) -> bool:
        period = period_of(mention)
        if period is None or mention.start_marker:
            return False
        owner = attached.get(id(mention))
        if owner is not None and owner != index and figures[owner].baseline:
            return False  # "naik dari Rp 60.000 pekan lalu": the date written right after a base is the base's own
        if goal and mention.kind == "current":
            return False
        if mention.role in ("base", "dateline"):
            return False
        if mention.role == "compared":
            return figure.baseline
        return not (change and mention.role == "compared")

    if change:
        figure.base_period = _base_period(text, figure, sentence, figures)
    if own is not None:
        if change and own.role in ("compared", "base"):
            pass
        elif usable(own) or (figure.baseline and period_of(own) is not None):
            _set(figure, period_of(own), "clause")
            return
    at_that_time = [
        m
        for m in sentence.periods
        if m.end <= figure.start_char
        and period_of(m) is not None
        and m.role in ("", "compared")
        and re.search(
            r"\b(?:saat itu|ketika itu|kala itu|at the time|then)\b|,\s*(?:saat|ketika|when)\b",
            text[m.end : figure.start_char].lower(),
        )
    ]
    if at_that_time and not change and not goal:
        _set(
            figure, period_of(at_that_time[-1]), "clause"
        )  # "pada Februari 2024, yang saat itu setara dengan 7,20 juta orang"
        return
    adjacent = [
        m
        for m in sentence.periods
        if m.end <= figure.start_char
        and usable(m)
        # "dari 9,36 persen pada Maret 2023 menjadi 9,03 persen": the base's own date is not the new level's
        and not (id(m) in attached and figures[attached[id(m)]].baseline and not figure.baseline)
        and _links_only(text[m.end : figure.start_char], context)
    ]
    if adjacent and not change:
        _set(figure, period_of(adjacent[-1]), "clause")  # "pada Februari 2025 sebanyak 153,05 juta"
        return
    before = [m for m in sentence.periods if m.end <= figure.start_char and id(m) not in attached and usable(m)]
    if figure.baseline:
        compared = [m for m in sentence.periods if m.end <= figure.start_char and m.role == "compared"]
        if compared and figure.start_char - compared[-1].end < 80:
            _set(figure, period_of(compared[-1]), "clause")
            return
    in_clause = [m for m in before if m.start >= clause_start]
    if in_clause:
        _set(figure, period_of(in_clause[-1]), "clause")
        return
    if before:
        _set(figure, period_of(before[-1]), "sentence")
        return
    cited = [m for m in sentence.periods if m.role == "citation" and period_of(m) is not None]
    if cited:
        _set(figure, period_of(cited[0]), "citation")  # "(BPS, 2024)" dates the sentence's source
        return
    clause_end = _clause_end(text, figure, sentence)
    after = [
        m
        for m in sentence.periods
        if m.start >= figure.end_char and id(m) not in attached and usable(m) and m.kind != "current"
    ]
    # a change with no level in its sentence takes the sentence's date itself ("Consumer prices fell 0.03
    # percent month-on-month in August 2024"); one with a level takes the level's (links)
    levelled = change and any(
        figures[i].modality != "change" and not figures[i].baseline
        for i in sentence.figures
        if figures[i] is not figure
    )
    if len(after) == 1 and not levelled and after[0].start < clause_end:
        _set(figure, period_of(after[0]), "sentence")
        return
    dated = [m for m in sentence.periods if usable(m) and m.kind != "current" and m.role not in ("compared",)]
    if len(dated) == 1 and figure.end_char <= dated[0].start < clause_end and not change:
        # "membayar Rp 47 triliun kepada 3,6 juta peserta sepanjang 2023": one period for the whole sentence
        _set(figure, period_of(dated[0]), "sentence")
        return
    if (
        len(dated) == 1
        and dated[0].end <= figure.start_char
        and not change
        and not figure.current_cue
        and figure.modality in ("actual", "share")
        and not any(figures[i].modality in ("target", "projection") for i in sentence.figures)  # a goal's year
        and not any(
            figures[i].period is not None and figures[i].period_evidence == "clause"
            for i in sentence.figures
            if figures[i] is not figure
            and figures[i].start_char > dated[0].end
            and figures[i].start_char < figure.start_char
        )
    ):
        # "... dengue cases as of week 36 of 2024, with 712 deaths": the sentence's one date dates what follows it
        _set(figure, period_of(dated[0]), "sentence")
        return
    closing = _closing_period(text, figure, sentence, figures, usable, context)
    if closing is not None and not change:
        # "Rp735 triliun dengan klaim Rp53 triliun ..., serta beasiswa Rp347 miliar ... di tahun 2023"
        _set(figure, period_of(closing), "sentence")
        return
    if change:
        return  # a change takes its level's period (links)
    if sentence.kind == "title":
        return  # an undated headline figure is the story's figure, whatever its date; the body says which
    if figure.current_cue and (context.published or context.published_after) is not None and not goal:
        # "Pekerja formalnya sekarang 22,58 juta": now, whatever the sentence before was dated
        _set(figure, _now(context, figure.current_cue), f"publication date ('{figure.current_cue}')")
        return
    if sentence.label and re.fullmatch(r"(?:19|20)\d\d", sentence.label):
        from ..periods import make_period

        _set(figure, make_period("year", sentence.label, int(sentence.label)), "row label")
        return
    if sentence.header is not None:
        header = sentences[sentence.header]
        periods = [period_of(m) for m in header.periods if m.role not in ("compared", "base") and not m.start_marker]
        header_dated = [p for p in periods if p is not None and p.granularity != "current"]
        if header_dated:
            _set(figure, header_dated[-1], "header")
            return
    restated = _restated(figure, sentence, figures, sentences, context)
    if restated is not None and restated.period is not None:
        _set(figure, restated.period, "anaphora")  # "dari total 40 juta peserta tersebut": the 40 juta before
        return
    antecedent = _antecedent(figure, sentence, figures, sentences, context)
    if antecedent is not None and antecedent.period is not None:
        _set(figure, antecedent.period, "anaphora")
        return
    if not goal:
        for previous, evidence in _context_sentences(sentence, sentences):
            before_dated = [
                period
                for i in previous.figures
                if (period := figures[i].period) is not None
                and period.granularity != "current"
                and not figures[i].baseline
                and figures[i].modality not in ("target", "projection")
            ]
            only_goals = bool(previous.figures) and all(
                figures[i].modality in ("target", "projection") for i in previous.figures
            )
            if (
                not before_dated
                and not only_goals  # "aims to cut ... by 2029." dates no figure of the next sentence
                and previous.reference is not None
                and previous.reference.granularity != "current"
            ):
                before_dated = [previous.reference]
            if before_dated:
                _set(figure, before_dated[-1], evidence)
                return
    citations = [m for m in sentence.periods if m.role == "citation" and period_of(m) is not None]
    if citations:
        _set(figure, period_of(citations[0]), "citation")
        return
    if not goal and not figure.current_cue:
        main = _main_period(sentences, figures)
        if main is not None:
            _set(figure, main, "article")  # the period the article is about
            return
    published = context.published
    if published is None or goal:
        return
    current = Period(published, published, "current", figure.current_cue, published.isoformat())
    if figure.current_cue:
        _set(figure, current, f"publication date ('{figure.current_cue}')")
    else:
        _set(figure, current, "publication date (undated)")


def _now(context: Context, cue: str) -> Period:
    """The publication date as a period; "≥2023-05-01" when only its lower bound is known."""
    if context.published is not None:
        return Period(context.published, context.published, "current", cue, context.published.isoformat())
    bound = context.published_after
    assert bound is not None
    return Period(bound, bound, "current", cue, f"≥{bound.isoformat()}")


def _set(figure: Figure, period: Period | None, evidence: str) -> None:
    if (
        period is not None
        and figure.modality in ("target", "projection")
        and period.granularity == "month"
        and period.label.endswith("-12")
        and _year_end(period.text)
    ):
        from ..periods import make_period

        period = make_period("year", period.text, period.start.year, edge="end")  # a goal for "akhir 2024" is for 2024
    elif period is not None and period.cumulative and period.granularity == "day" and period.label.endswith("-12-31"):
        from ..periods import make_period

        # "realisasi belanja hingga 31 Desember 2024": a running total through the year's last day is the year's
        period = replace(make_period("year", period.text, period.start.year), cumulative=True)
    figure.period, figure.period_evidence = period, evidence


def _year_end(text: str) -> bool:
    return not re.search(r"(?i)desember|december|des\b|dec\b", text)


CLAUSE_BREAK = re.compile(r";|,(?!\d)|(?<!\d),")  # a comma inside "3,6 juta" is a decimal mark


def _clause_start(text: str, figure: Figure, sentence: Sentence) -> int:
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(text, sentence.start_char, figure.start_char)]
    return max(breaks[-1] if breaks else -1, sentence.start_char - 1) + 1


def _reach_start(text: str, figure: Figure, sentence: Sentence, context: Context) -> int:
    """Where the words that can date a figure begin: after the last strong break before it."""
    start = sentence.start_char
    lowered = text[sentence.start_char : figure.start_char].lower()
    # the substring test first, in C, for every word: most break words are in no figure's sentence
    for word in filter(lowered.__contains__, context.language.strong_breaks):
        for match in word_matches(lowered, word):
            start = max(start, sentence.start_char + match.end())
    return start


def _clause_end(text: str, figure: Figure, sentence: Sentence) -> int:
    match = CLAUSE_BREAK.search(text, figure.end_char, sentence.end_char)
    return match.start() if match else sentence.end_char


def _base_period(text: str, figure: Figure, sentence: Sentence, figures: list[Figure]) -> Period | None:
    """ "turun 0,68 juta terhadap Maret 2023", "naik 27,75% secara year on year": what a change is measured from."""
    later = [m for m in sentence.periods if m.start >= figure.end_char and m.role in ("compared", "base")]
    earlier = [m for m in sentence.periods if m.end <= figure.start_char and m.role == "compared"]
    claimed = [
        f for f in figures if f.baseline and f.start_char >= sentence.start_char and f.end_char <= sentence.end_char
    ]
    if not later and earlier and not claimed:
        later = earlier[-1:]  # "Dibandingkan Maret 2023, jumlah penduduk miskin menurun 0,68 juta orang"
    for mention in later:
        if mention.role == "base":
            level = [f for f in figures if f.end_char <= figure.start_char and f.period is not None and not f.baseline]
            reference = level[-1].period if level else sentence.reference
            return resolve(mention, reference, None) if reference is not None else None
        return period_of(mention)
    return None


def _links_only(between: str, context: Context) -> bool:
    """Whether only linking words ("sebanyak", "yang sebesar", "tercatat") stand between a date and a figure."""
    words = re.findall(r"[\w-]+", between.lower())
    links = _link_words(context.language)
    return len(words) <= 3 and all(w in links for w in words)


@lru_cache(maxsize=16)
def _link_words(language: Language) -> frozenset[str]:
    return frozenset(language.statement.get("link_words", [])) | set(language.qualifiers) | {"yang", "which"}


def _context_sentences(sentence: Sentence, sentences: list[Sentence]) -> list[tuple[Sentence, str]]:
    """The sentence before in the same paragraph (boilerplate skipped)."""
    position = sentence.index - 1
    while position >= 0 and sentences[position].kind in ("boilerplate",):
        position -= 1
    if position < 0 or sentences[position].paragraph != sentence.paragraph or sentences[position].kind == "title":
        return []
    return [(sentences[position], "previous sentence")]


def _main_period(sentences: list[Sentence], figures: list[Figure]) -> Period | None:
    """The period an article is about: the one its figures are most often dated with in their own words.

    Ties go to the period the text names first. A paragraph that digresses to
    an older survey does not date the figures after it.
    """
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, Period]] = {}
    for sentence in sentences:
        if sentence.kind in ("boilerplate", "title"):
            continue
        for index in sentence.figures:
            figure = figures[index]
            period = figure.period
            if (
                period is None
                or period.granularity == "current"
                or period.granularity == "range"
                and not _stretch_of_one_year(period)
                or figure.baseline
                or figure.modality in ("target", "projection")
            ):
                continue
            if figure.period_evidence not in ("clause", "sentence", "row label", "header"):
                continue
            counts[period.label] = counts.get(period.label, 0) + 1
            first.setdefault(period.label, (sentence.index, period))
    if not counts:
        return None
    label = min(counts, key=lambda k: (-counts[k], first[k][0]))
    return first[label][1]


def _stretch_of_one_year(period: Period) -> bool:
    """ "Januari-Juni 2024": a stretch an article can be about, not a span of years ("2015-2024")."""
    return period.start.year == period.end.year


def _closing_period(
    text: str,
    figure: Figure,
    sentence: Sentence,
    figures: list[Figure],
    usable: Any,
    context: Context,
) -> PeriodMention | None:
    """The one period of a sentence, written after all its figures, with nothing breaking the list before it."""
    dated = [m for m in sentence.periods if usable(m) and m.kind != "current" and m.role not in ("compared",)]
    if len(dated) != 1 or len(sentence.periods) != 1:
        return None
    mention = dated[0]
    last_end = max(figures[i].end_char for i in sentence.figures) if sentence.figures else figure.end_char
    if mention.start < last_end or mention.start < figure.end_char:
        return None
    between = text[figure.end_char : mention.start].lower()
    if ";" in between or any(has_word(between, w) for w in context.language.strong_breaks):
        return None
    return mention


RESTATED_REACH = 6  # sentences back a "<value> ... tersebut" may point


def _restated(
    figure: Figure, sentence: Sentence, figures: list[Figure], sentences: list[Sentence], context: Context
) -> Figure | None:
    """The figure a "<value> <noun> tersebut" repeats: the same value and unit stated in the sentences before."""
    text = context.article.text[figure.end_char : min(sentence.end_char, figure.end_char + 40)].lower()
    demonstratives = context.language.statement.get("demonstratives", [])
    if not demonstratives or not re.match(
        rf"^\s*(?:[a-z-]+\s+){{0,2}}(?:{'|'.join(map(re.escape, demonstratives))})\b", text
    ):
        return None
    same = [
        figures[i]
        for previous in reversed(sentences[max(0, sentence.index - RESTATED_REACH) : sentence.index])
        if previous.kind != "boilerplate"
        for i in reversed(previous.figures)
        if figures[i].unit == figure.unit and figures[i].value == figure.value and not figures[i].baseline
    ]
    # "hingga April 2024 ... 40 juta" and "posisi hari ini ... 40 juta": the dated statement is the one restated
    dated = [f for f in same if f.period is not None and f.period.granularity in ("month", "quarter", "half", "year")]
    chosen = dated or same
    return chosen[0] if chosen else None


def _previous_sentence(sentence: Sentence, sentences: list[Sentence]) -> Sentence | None:
    """The sentence before, in the same paragraph (boilerplate in between is skipped)."""
    previous = sentence_before(sentence, sentences)
    return previous if previous is not None and previous.paragraph == sentence.paragraph else None


def _antecedent(
    figure: Figure, sentence: Sentence, figures: list[Figure], sentences: list[Sentence], context: Context
) -> Figure | None:
    """ "Jumlah ini", "Angka tersebut", "Dari jumlah itu": the last level of the sentences before."""
    opening = context.article.text[sentence.start_char : figure.start_char].lower()
    anaphora = context.language.modality_cues.get("anaphora", [])
    if not any(has_word(opening, a) for a in anaphora):
        return None
    for position in range(sentence.index - 1, max(-1, sentence.index - 4), -1):
        earlier = sentences[position]
        if earlier.kind == "boilerplate":
            continue
        levels = [
            figures[i]
            for i in earlier.figures
            if figures[i].modality in ("actual", "target", "share") and not figures[i].baseline
        ]
        if levels:
            return levels[0] if len(levels) > 1 and levels[0].unit == figure.unit else levels[-1]
    return None
