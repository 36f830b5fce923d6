"""Links: a change to its level and base, a compared level to the figure it is compared with, a share to its count.

Sets `figure.links` ("level", "base", "compared", "count", "share", "total")
and completes what a linked figure leaves unsaid: a change takes its level's
metric, scope, entity and period; a compared level takes the metric and scope
of the figure it is compared with; "P persen atau N orang" gives the share
and the count one metric. Reads everything the components before it set.

A change finds its level earlier in its sentence ("25,22 juta orang, menurun
0,68 juta orang"), or after an anaphor in the sentences before ("Angka ini
turun 15,26 ribu orang"), or the same metric named again with "tersebut";
never across "sementara", "sedangkan" or ";", where the words speak of
something else.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from spacy.language import Language as SpacyLanguage
from spacy.tokens import Doc

from ..lexicon import Language, Lexicon
from .doc import Context, Figure, Sentence, context_of, figures_of, has_word, sentences_of
from .metric import ACRONYM

WEAK_METRIC = {"", "sentence", "previous sentence", "generic noun", "header"}
OWN_METRIC = {"subject", "noun after the figure", "predicate"}
WEAK_PERIOD = {"", "article", "previous sentence", "previous paragraph", "publication date (undated)"}
LEVELS = ("actual", "target", "projection", "share")


@SpacyLanguage.factory("factcheck_links")
def make_links(nlp: SpacyLanguage, name: str) -> Any:
    return link_figures


MAX_WHOLE_WORDS_CHARS = 60  # "dari target APBN 2024 sebesar": the words between a share and its whole


def link_figures(doc: Doc) -> Doc:
    context = context_of(doc)
    figures = figures_of(doc)
    sentences = sentences_of(doc)
    text = context.article.text
    language = context.language
    for sentence in sentences:
        if sentence.kind == "boilerplate":
            continue
        members = [i for i in sentence.figures if not figures[i].skip]
        _pairs(members, figures, text, language, context.lexicon)
        _parallel(doc, members, figures, sentence, context)
        _parts_of_total(members, figures, sentence, sentences, context)
        for index in members:
            _whole_named_after(index, members, figures, context)
            _whole_before(doc, index, figures, sentence, sentences, context)
            _stock_range(figures[index], context)
            _carried_scope(figures[index], sentence, sentences, figures, context)
            _segment_of_list(figures[index], sentence, sentences, figures, context)
        for position, index in enumerate(members):
            figure = figures[index]
            if figure.modality == "change":
                _link_change(index, members[:position], figures, sentence, sentences, context)
            elif figure.baseline:
                _link_baseline(index, members[:position], figures, sentence, sentences, context)
    _date_bases_by_the_article(figures)
    return doc


def _date_bases_by_the_article(figures: list[Figure]) -> None:
    """ "TPAK dari 69,80 persen menjadi 70,60 persen" in a report whose every dated change is year on year.

    An undated base takes the one comparison the article makes elsewhere (its
    changes all compare a month with the same month N months before), so that
    it can be checked against the figure other reports give for that month.
    """
    offsets = {
        (f.period.start.year - f.base_period.start.year) * 12 + f.period.start.month - f.base_period.start.month
        for f in figures
        if f.modality == "change"
        and f.period is not None
        and f.base_period is not None
        and f.period.granularity == f.base_period.granularity == "month"
    }
    if len(offsets) != 1 or (months := offsets.pop()) <= 0:
        return
    from ..periods import shift_period

    for figure in figures:
        if not figure.baseline or figure.period is not None or "compared" not in figure.links:
            continue
        level = figures[figure.links["compared"]]
        if level.period is not None and level.period.granularity == "month":
            period = shift_period(level.period, months=-months)
            figure.period = replace(period, text=f"{period.label}, as the article's other comparisons")
            figure.period_evidence = "article comparison"


def _parallel(doc: Doc, members: list[int], figures: list[Figure], sentence: Sentence, context: Context) -> None:
    """One name for each figure of a parallel list.

    "program JKP dan BPJS memberikan hasil investasi Rp629 miliar dan Rp907,6 miliar",
    "Papua Barat dan Nusa Tenggara Barat ... masing-masing sebesar 34,6% dan 32,7%".

    When k names joined by "dan" or commas stand before k figures of one
    metric joined the same way, the i-th figure is the i-th name's: a segment
    becomes its qualifier, a place its scope.
    """
    if len(members) < 2:
        return
    run = [members[0]]
    text = context.article.text
    for index in members[1:]:
        between = text[figures[run[-1]].end_char : figures[index].start_char].strip().lower()
        words = re.sub(r"[^\w\s]", " ", between).split()
        if (
            figures[index].unit == figures[run[0]].unit
            and len(words) <= 3
            and (not words or words[-1] in ("dan", "and", "serta") or between.endswith(","))
        ):
            run.append(index)
        else:
            break
    if len(run) < 2:
        return
    first = figures[run[0]]
    start_token = max(sentence.start, sentence.body_start)
    names = _listed_names(doc, start_token, first.start, context)
    if len(names) != len(run):
        return
    kinds = {kind for kind, _ in names}
    if len(kinds) != 1:
        return
    kind = kinds.pop()
    for (_, name), index in zip(names, run):
        figure = figures[index]
        if kind == "segment":
            words = [w for w in figure.metric.split() if w not in {s.id for s in context.lexicon.segments}]
            figure.metric = " ".join([*words[:1], name, *words[1:]]) if words else name
            figure.metric_evidence = figure.metric_evidence or "respectively"
        else:
            breakdown = figure.scope.split("/", 1)[1] if "/" in figure.scope else ""
            figure.scope = f"{name}/{breakdown}" if breakdown else name
            figure.scope_evidence = "respectively"


def _listed_names(doc: Doc, start: int, end: int, context: Context) -> list[tuple[str, str]]:
    """Segment acronyms or places listed with "dan" or commas before a run of figures."""
    places = [s for s in doc.spans.get("place", []) if start <= s.start and s.end <= end]
    segments = {s.id for s in context.lexicon.segments}
    acronyms = [(t.i, t.lower_) for t in doc[start:end] if t.lower_ in segments and ACRONYM.match(t.text)]
    if len(places) >= 2 and _joined(doc, [(p.start, p.end) for p in places]):
        return [("place", p.label_) for p in places]
    if len(acronyms) >= 2 and _joined(doc, [(i, i + 1) for i, _ in acronyms]):
        return [("segment", name) for _, name in acronyms]
    return []


def _joined(doc: Doc, spans: list[tuple[int, int]]) -> bool:
    """Whether names stand in one list: only commas, "dan" and bracketed acronyms between them."""
    for (_, end), (start, _) in zip(spans, spans[1:]):
        between = [t.lower_ for t in doc[end:start] if not t.is_space]
        rest = [w for w in between if w not in (",", "dan", "and", "serta", "(", ")") and not w.isupper()]
        if rest and not all(doc[i].text.isupper() for i in range(end, start) if doc[i].lower_ in rest):
            return False
    return True


def _parts_of_total(
    members: list[int], figures: list[Figure], sentence: Sentence, sentences: list[Sentence], context: Context
) -> None:
    """ "dari total 40 juta peserta tersebut, 26 juta pekerja PU, 7 juta BPU ...": parts count what the total counts.

    A part named only by its segment ("PU", "jasa konstruksi") takes the
    total's metric with the segment as qualifier.
    """
    text = context.article.text[sentence.start_char : sentence.end_char].lower()
    cues = context.language.modality_cues
    if not any(has_word(text, c) for c in cues.get("part_of", []) + cues.get("parts_total", [])):
        return
    segments = {s.id for s in context.lexicon.segments}
    total: Figure | None = None
    for index in members:
        figure = figures[index]
        words = figure.metric.split()
        if not words or words[0] in segments:
            continue
        if all(w in segments for w in words[1:]) and len(words) > 1:
            continue
        if figure.modality in LEVELS and not figure.baseline:
            total = figure
            break
    if total is None:
        antecedent = _antecedent_level(sentence, sentences, figures)
        total = antecedent
    if total is None or not total.metric:
        return
    base = total.metric.split()[0]
    spelled = {syn for s in context.lexicon.segments for syn in s.synonyms}
    for index in members:
        figure = figures[index]
        words = figure.metric.split()
        if figure is total or len(words) < 2 or not all(w in segments for w in words[1:]):
            continue
        if figure.metric_text.lower() not in spelled:
            continue  # "peserta aktif kategori penerima upah (PU)": the part names its own metric
        segment_bases = {s.of for s in context.lexicon.segments if s.id in words[1:]}
        if words[0] in segment_bases and words[0] != base:
            figure.metric = " ".join([base, *words[1:]])
            figure.metric_evidence = "part of a total"
        if total.period is not None and figure.period_evidence in WEAK_PERIOD:
            figure.period, figure.period_evidence = total.period, "part of a total"  # the parts are as of the total


def _antecedent_level(sentence: Sentence, sentences: list[Sentence], figures: list[Figure]) -> Figure | None:
    for position in range(sentence.index - 1, max(-1, sentence.index - 3), -1):
        candidates = [
            figures[i]
            for i in sentences[position].figures
            if figures[i].modality in LEVELS and not figures[i].baseline and figures[i].metric
        ]
        if candidates:
            return candidates[0]
    return None


def _segment_of_list(
    figure: Figure, sentence: Sentence, sentences: list[Sentence], figures: list[Figure], context: Context
) -> None:
    """ "dana investasi pada program JHT ... 63,49%. Kemudian, program JP mencapai 22,9%": a list goes on.

    A figure named only by a segment that counts nothing by itself takes the
    metric of the figures of other segments just before it.
    """
    words = figure.metric.split()
    segments = {s.id: s for s in context.lexicon.segments}
    if not words or any(w not in segments for w in words) or any(segments[w].of for w in words):
        return
    for position in range(sentence.index, max(-1, sentence.index - 4), -1):
        candidates = [
            figures[i]
            for i in sentences[position].figures
            if figures[i] is not figure and figures[i].unit.split("/")[0] == figure.unit.split("/")[0]
        ]
        for other in reversed(candidates):
            parts = other.metric.split()
            if len(parts) >= 2 and parts[0] not in segments and any(p in segments for p in parts[1:]):
                figure.metric = " ".join([parts[0], *words])
                figure.metric_evidence = "list of segments"
                return


def _carried_scope(
    figure: Figure, sentence: Sentence, sentences: list[Sentence], figures: list[Figure], context: Context
) -> None:
    """A place carried from the sentence before holds only while the subject goes on (the same metric)."""
    if figure.scope_evidence != "previous sentence" or figure.metric_evidence in ("previous sentence", "anaphora", ""):
        return
    position = sentence.index - 1
    while position >= 0 and sentences[position].kind == "boilerplate":
        position -= 1
    previous = [figures[i] for i in sentences[position].figures] if position >= 0 else []
    if any(f.metric == figure.metric for f in previous):
        return
    breakdown = "/".join(figure.scope.split("/")[1:])
    place = f"{context.region}?" if context.region else ""
    figure.scope = f"{place}/{breakdown}" if breakdown else place
    figure.scope_evidence = "article region" if context.region else "default"


def _whole_before(
    doc: Doc, index: int, figures: list[Figure], sentence: Sentence, sentences: list[Sentence], context: Context
) -> None:
    """ "... sebanyak 412 ribu pekerja. Dari jumlah itu, 36 persen atau 148 ribu ...": the share's whole.

    Only a share pair without a named population, in a sentence that refers back
    to a whole ("dari jumlah itu", "of whom") or opens on a headless subset ("Namun
    yang baru terdaftar ..."), and only the last count of the sentence before.
    """
    share = figures[index]
    if share.unit != "percent" or "count" not in share.links or share.population or share.modality != "share":
        return
    part = figures[share.links["count"]]
    text = context.article.text
    language = context.language
    head = text[sentence.start_char : share.start_char].lower().strip()
    cues = language.modality_cues
    opening = _opening_whole(doc, share, part, figures, sentence, context)
    if opening is not None:
        share.links["whole"] = opening  # "Dari 1.250 desa di provinsi itu, 312 desa atau 35 persen ..."
        return
    refers_back = any(has_word(head, c) for c in cues.get("part_of", []))
    contrast = _alternation_of(language.statement.get("clause_openers", []))
    relative = _alternation_of(language.statement.get("relative_markers", []))
    subset = bool(re.match(rf"(?:(?:{contrast})\W+)?(?:{relative})\W", head))
    if not (refers_back or subset) or sentence.index == 0:
        return
    previous = sentences[sentence.index - 1]
    if previous.kind != sentence.kind or sentence.paragraph - previous.paragraph > 1:
        return
    counts = [i for i in previous.figures if not figures[i].skip]
    if not counts:
        return
    whole = figures[counts[-1]]
    if (
        whole.unit != part.unit
        or whole.modality != "actual"
        or whole.baseline
        or whole.links
        or whole.high <= part.high
    ):
        return
    share.links["whole"] = counts[-1]


def _whole_named_after(index: int, members: list[int], figures: list[Figure], context: Context) -> None:
    """ "Rp 893,8 triliun atau 44,9 persen dari target APBN 2024 sebesar Rp 1.988,9 triliun": the share's whole.

    The whole is the next figure of the sentence, in the part's unit and larger, when the words between
    the share and it open with a word for "of" and run on for a few words only (no clause between).
    """
    share = figures[index]
    if share.unit != "percent" or "count" not in share.links or "whole" in share.links or share.modality != "share":
        return
    part = figures[share.links["count"]]
    later = [i for i in members if figures[i].start > share.start]
    if not later:
        return
    whole = figures[later[0]]
    if whole.unit != part.unit or whole.baseline or whole.modality == "change" or whole.high <= part.high:
        return
    between = context.article.text[share.end_char : whole.start_char].lower()
    if len(between) > MAX_WHOLE_WORDS_CHARS or any(mark in between for mark in (",", ";", ".", "(")):
        return
    words = between.split()
    cues = sorted((str(c).lower().split() for c in context.language.modality_cues.get("whole_of", [])), key=len)
    if any(words[: len(cue)] == cue for cue in cues):
        share.links["whole"] = later[0]


def _opening_whole(
    doc: Doc, share: Figure, part: Figure, figures: list[Figure], sentence: Sentence, context: Context
) -> int | None:
    """The whole a sentence opens with: "Dari 1.250 desa, ...", "Of the 1,250 villages, ...".

    A count right after a word for "of" at the start of the sentence (past its dateline), before the
    share's part, in the same unit and larger, is the whole the part is split from.
    """
    counts = [i for i in sentence.figures if not figures[i].skip]
    if not counts or figures[counts[0]] is part or figures[counts[0]] is share:
        return None
    whole = figures[counts[0]]
    text = context.article.text
    body = sentence.start_char
    if sentence.body_start > sentence.start:
        body = doc[sentence.body_start].idx + context.offset  # past the dateline
    head = text[body : whole.start_char].lower().strip()
    cues = [str(c).lower() for c in context.language.modality_cues.get("whole_of", [])]
    if head not in cues or whole.end_char > part.start_char:
        return None
    if whole.unit != part.unit or whole.modality != "actual" or whole.baseline or whole.links:
        return None
    return counts[0] if whole.high > part.high else None


def _alternation_of(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"


def _stock_range(figure: Figure, context: Context) -> None:
    """ "41,38 juta pekerja terdaftar pada Januari-Februari 2025": a stock over a range is its position at the end."""
    period = figure.period
    if period is None or period.granularity != "range" or figure.modality == "change" or figure.baseline:
        return
    metric = context.lexicon.metric(figure.metric.split()[0]) if figure.metric else None
    if metric is None or metric.flow:
        return
    last = period.label.split("/")[-1]
    if len(last) == 7:
        from ..periods import make_period

        figure.period = make_period("month", period.text, int(last[:4]), int(last[5:]))


def _past_own_period(first: Figure, between: str) -> str:
    """ "Rp 507,8 triliun pada 2024, atau 2,29 persen": the words between two figures, past the first one's date."""
    period = first.period
    if period is None or first.period_evidence != "clause":
        return between
    own = " ".join(re.sub(r"[^\w\s%]", " ", period.text.lower()).split())
    return between[len(own) + 1 :] if own and between.startswith(own + " ") else between


def _between(text: str, first: Figure, second: Figure) -> str:
    return " ".join(re.sub(r"[^\w\s%]", " ", text[first.end_char : second.start_char].lower()).split())


def _rate_of_count(metric: str, lexicon: Lexicon) -> str:
    """ "penduduk-miskin" -> "tingkat-kemiskinan": the rate written beside a count ("25,22 juta atau 9,03 persen")."""
    words = metric.split()
    known = lexicon.metric(words[0]) if words else None
    return " ".join([known.as_percent, *words[1:]]) if known is not None and known.as_percent else ""


def _count_of_rate(metric: str, lexicon: Lexicon) -> str:
    """ "tingkat-kemiskinan" is a percentage of "penduduk-miskin": the count a rate is of."""
    base = metric.split()[0] if metric else ""
    for candidate in lexicon.metrics:
        if candidate.as_percent and candidate.as_percent == base:
            return " ".join([candidate.id, *metric.split()[1:]])
    return ""


def _pairs(members: list[int], figures: list[Figure], text: str, language: Language, language_lexicon: Lexicon) -> None:
    """ "44 persen atau sekitar 580 ribu", "20,9 juta dibanding 22,58 juta": pairs next to each other."""
    cues = language.modality_cues
    links = sorted(cues.get("share_links", []), key=len, reverse=True)
    comparison = cues.get("comparison", [])
    for a, b in zip(members, members[1:]):
        first, second = figures[a], figures[b]
        between = _between(text, first, second)
        raw = text[first.end_char : second.start_char]
        if ("," not in raw and ";" not in raw and _share_pair(first, second, between, links, language)) or _share_pair(
            first, second, _past_own_period(first, between), links
        ):
            share, count = (a, b) if first.unit == "percent" else (b, a)
            figures[share].links["count"] = count
            figures[count].links["share"] = share
            shared, counted = figures[share], figures[count]
            if counted.entity_evidence == "named subject" and shared.entity_evidence not in ("sentence", "source"):
                # "Budi-Santo meraih 1,2 juta suara atau 45,2 persen": the share is the same candidate's
                shared.entity, shared.entity_text, shared.entity_evidence = (
                    counted.entity,
                    counted.entity_text,
                    "named subject",
                )
            if shared.modality == "actual" and not shared.baseline:
                shared.modality, shared.modality_evidence = "share", "'P persen atau N'"
            if counted.modality == "actual" and shared.modality in ("target", "projection"):
                counted.modality, counted.modality_evidence = shared.modality, "share of a goal"
            _part_of_population(shared, counted, [figures[m] for m in members if m < share])
            counted_rate = _rate_of_count(counted.metric, language_lexicon) if not shared.metric else ""
            counts = _count_of_rate(shared.metric or counted_rate, language_lexicon)
            if counts and shared.modality == "share":
                shared.modality, shared.modality_evidence = (
                    "actual",
                    "a rate: 'P persen atau N'",
                )  # a poverty rate is no share
            segment = _segment_alone(shared.metric, counted.metric, language_lexicon) or _segment_alone(
                counted.metric, shared.metric, language_lexicon
            )
            if segment:
                # "program JKK yang mencapai 8,38% dengan nominal dana investasi Rp59,71 triliun": JKK's dana investasi
                shared.metric = counted.metric = segment
                shared.metric_evidence = counted.metric_evidence = "share"
            elif shared.metric and (
                not counted.metric
                or counted.metric_evidence in WEAK_METRIC | {"generic noun"}
                and shared.metric_evidence not in WEAK_METRIC
            ):
                metric = counts or shared.metric
                counted.metric, counted.metric_text, counted.metric_evidence = metric, shared.metric_text, "share"
            elif (
                shared.metric_evidence in WEAK_METRIC | {"subject"}
                and counted.metric
                and counted.metric_evidence not in WEAK_METRIC
            ):
                metric = counted.metric
                known = language_lexicon.metric(metric.split()[0])
                if known is not None and known.as_percent:
                    metric = " ".join([known.as_percent, *metric.split()[1:]])  # "2,38 juta orang atau 0,85 persen"
                shared.metric, shared.metric_text, shared.metric_evidence = metric, counted.metric_text, "count"
        elif first.unit == second.unit and len(between.split()) <= 3 and any(w in between for w in comparison):
            first.links["compared"] = b
            second.links["compared"] = a
            if second.metric_evidence in WEAK_METRIC:
                second.metric, second.metric_text, second.metric_evidence = first.metric, first.metric_text, "compared"


def _part_of_population(share: Figure, count: Figure, earlier: list[Figure]) -> None:
    """ "jumlah peserta dari 44 persen menjadi 55 persen dari total jumlah pekerja atau 782 ribu orang".

    The count of a share of a population is a part of it, not the population,
    though the population is the phrase before it: it counts what the level
    the share rises or falls from counts.
    """
    population = share.population.split()[:1]
    if not population or count.metric.split()[:1] != population or count.metric_evidence != "subject":
        return
    bases = [
        f for f in earlier if f.unit == share.unit and f.baseline and f.metric and f.metric.split()[:1] != population
    ]
    if bases:
        level = bases[-1]
        share.metric = count.metric = level.metric
        share.metric_text = count.metric_text = level.metric_text
        share.metric_evidence = count.metric_evidence = "level before 'menjadi'"


def _segment_alone(segment: str, whole: str, lexicon: Lexicon) -> str:
    """ "jkk" and "dana-investasi": the whole's metric for that segment ("dana-investasi jkk")."""
    ids = {s.id for s in lexicon.segments}
    words = whole.split()
    if segment in ids and words and lexicon.metric(words[0]) is not None and not set(words[1:]) & ids:
        return f"{whole} {segment}"
    return ""


def _share_pair(
    first: Figure, second: Figure, between: str, links: list[str], language: Language | None = None
) -> bool:
    """ "44 persen atau sekitar 580 ribu", "22,9% mencapai Rp158,78 triliun", "Rp16,5 triliun mencapai 2,32%"."""
    if (first.unit == "percent") == (second.unit == "percent") or "pp" in (first.unit, second.unit):
        return False
    if "change" in (first.modality, second.modality):
        return False
    if language is not None:
        # "25,22 juta orang atau 9,03 persen", "1,2 juta suara atau 45,2 persen": the classifier or the noun
        # a count names right after it belongs to that count
        own = set(language.statement.get("classifiers", []))
        if first.unit != "percent":
            own |= set(first.metric_text.lower().split())
        words = between.split()
        while words and words[0] in own:
            words = words[1:]
        between = " ".join(words)
    for link in links:
        if between == link:
            return True
        if (
            first.unit == "percent"
            and between.startswith("dari ")
            and between.endswith(" " + link)
            and len(between.split()) <= 9
        ):
            return True  # "55 persen dari total jumlah pekerja saat ini atau sebanyak 782 ribu"
    if language is None:
        return False
    words = between.split()
    joining = (
        set(language.statement.get("link_words", []))
        | set(links)
        | {"dengan", "yang", "nominal", "berkontribusi", "kontribusi", "with", "or"}
    )
    others = [w for w in words if w not in joining]
    return 1 <= len(words) <= 6 and len(others) <= 2 and words[0] in joining and words[-1] in joining


def _strong_break(text: str, first: Figure, second: Figure, language: Language) -> bool:
    between = text[first.end_char : second.start_char].lower()
    words = set(re.findall(r"\w+", between))
    return ";" in between or bool(words & {w for w in language.strong_breaks if " " not in w})


def _level_before(
    index: int,
    earlier: list[int],
    figures: list[Figure],
    sentence: Sentence,
    sentences: list[Sentence],
    context: Context,
) -> int | None:
    change = figures[index]
    text = context.article.text
    own = change.metric if change.metric_evidence in OWN_METRIC else ""
    for candidate in reversed(earlier):
        other = figures[candidate]
        if other.modality in ("change", "gap") or other.baseline:
            continue
        if _strong_break(text, other, change, context.language):
            return None
        if not _fits(change, other):
            continue
        if own and other.metric and other.metric != own and change.unit != "percent":
            continue  # the change names another metric than this level
        return candidate
    opening = text[sentence.start_char : change.start_char].lower()
    anaphora = context.language.modality_cues.get("anaphora", [])
    pointed = any(has_word(opening, a) for a in anaphora)
    # "jumlah penduduk miskin tersebut menurun": a demonstrative after the metric's own words, not "Sementara itu"
    demonstrative = bool(change.metric_text) and bool(
        re.search(rf"{re.escape(change.metric_text.lower())}\s+(?:tersebut|itu|ini)\b", opening)
    )
    for position in range(sentence.index - 1, max(-1, sentence.index - 4), -1):
        previous = sentences[position]
        if previous.kind == "boilerplate":
            continue
        levels = [
            i
            for i in previous.figures
            if figures[i].modality in LEVELS and not figures[i].baseline and not figures[i].skip
        ]
        if pointed and levels:
            fitting = [i for i in levels if _fits(change, figures[i])]
            return fitting[0] if fitting else None
        if change.metric and change.metric_evidence in OWN_METRIC:
            # "jumlah penduduk miskin menurun 0,68 juta" after the sentence that gave the level
            same = [
                i
                for i in levels
                if (figures[i].metric == change.metric or demonstrative and _narrows(figures[i].metric, change.metric))
                and figures[i].modality == "actual"
                and _fits(change, figures[i])
            ]
            if same and (demonstrative or figures[same[-1]].scope == change.scope):
                # "Penerimaan pajak ... Rp 1.517,5 triliun. Penerimaan tersebut tumbuh 0,1 persen": the one named
                change.metric = figures[same[-1]].metric
                return same[-1]
            if levels:
                break
            continue
        break
    return None


def _narrows(metric: str, head: str) -> bool:
    """ "penerimaan pajak" narrows "penerimaan", "peserta-aktif bpu" narrows "peserta-aktif"."""
    return bool(head) and metric.startswith(head) and metric[len(head) : len(head) + 1] in (" ", "-")


def _level_in_next_sentence(
    index: int, earlier: list[int], figures: list[Figure], sentence: Sentence, sentences: list[Sentence]
) -> int | None:
    """ "Tahun lalu ... di angka 1,9 juta, naiknya 16 persen. Untuk tahun ini sudah di 2,5 juta": the level comes after.

    Only when the change follows its base in its own sentence, and the next
    sentence gives the same metric for a later period.
    """
    change = figures[index]
    bases = [i for i in earlier if figures[i].modality in LEVELS and figures[i].period is not None]
    if not bases or sentence.index + 1 >= len(sentences):
        return None
    base = figures[bases[-1]]
    following = sentences[sentence.index + 1]
    for candidate in following.figures:
        other = figures[candidate]
        if (
            other.unit == base.unit
            and other.period is not None
            and base.period is not None
            and other.period.start > base.period.end
            and (other.metric in ("", base.metric) or base.metric == "")
        ):
            change.links["base"] = bases[-1]
            base.baseline = True
            other.metric = other.metric or base.metric
            return candidate
    return None


def _new_level_after(index: int, figures: list[Figure], sentence: Sentence) -> int | None:
    """The level a change leads to: "turun 0,19 basis poin menjadi 4,41%", "(... menjadi 13,58 juta)"."""
    change = figures[index]
    for later in [i for i in sentence.figures if i > index][:3]:
        following = figures[later]
        if following.modality_evidence.startswith("new level") and (_fits(change, following) or change.unit == "bp"):
            return later
    return None


def _fits(change: Figure, level: Figure) -> bool:
    if change.unit in ("pp", "bp"):
        return level.unit == "percent"
    if change.unit == "percent":
        return True
    return change.unit == level.unit


def _link_change(
    index: int,
    earlier: list[int],
    figures: list[Figure],
    sentence: Sentence,
    sentences: list[Sentence],
    context: Context,
) -> None:
    change = figures[index]
    level_index = _new_level_after(index, figures, sentence) if not earlier else None
    if level_index is None:
        level_index = _level_before(index, earlier, figures, sentence, sentences, context)
    if level_index is None:
        level_index = _new_level_after(index, figures, sentence)
    if level_index is None:
        level_index = _level_in_next_sentence(index, earlier, figures, sentence, sentences)
    if level_index is None:
        # "meningkat 83.000 orang yang naik 1,11%": the second figure of one change
        siblings = [i for i in earlier if figures[i].modality == "change" and figures[i].metric]
        if siblings and not change.metric:
            source = figures[siblings[-1]]
            change.metric, change.metric_text, change.metric_evidence = source.metric, source.metric_text, "sentence"
            change.scope, change.period = source.scope, change.period or source.period
        if siblings and _restates(change, figures[siblings[-1]], _text_between(context, figures[siblings[-1]], change)):
            # the same change as a percentage of the level before it: the count and the level give the percentage
            source = figures[siblings[-1]]
            change.links["level"], change.links["counted"] = source.links["level"], siblings[-1]
            change.entity, change.entity_evidence = source.entity, "level"
        return
    level = figures[level_index]
    paired = level.links.get("compared")
    if level.baseline and paired is not None:
        # "dari 6,28 persen menjadi 5,90 persen, atau turun 0,38 poin": the change is of the new level
        change.links["base"] = level_index
        level_index, level = paired, figures[paired]
    elif paired is not None and figures[paired].baseline:
        change.links["base"] = paired
    change.links["level"] = level_index
    counted = [i for i in earlier if figures[i].modality == "change" and figures[i].links.get("level") == level_index]
    if (
        "base" not in change.links
        and counted
        and _restates(change, figures[counted[-1]], _text_between(context, figures[counted[-1]], change))
    ):
        change.links["counted"] = counted[-1]  # "7,28 juta, naik 83.000 orang atau 1,16 persen"
    if not level.metric and change.metric and change.metric_evidence in OWN_METRIC:
        # "Persentase penduduk miskin turun 0,33 poin dari 9,36 persen menjadi 9,03 persen": the levels' metric
        for named in [level_index, change.links.get("base")]:
            if named is not None and not figures[named].metric:
                figures[named].metric, figures[named].metric_text = change.metric, change.metric_text
                figures[named].metric_evidence = "change"
    if change.metric_evidence in WEAK_METRIC or not change.metric or (change.unit == "percent" and level.metric):
        change.metric, change.metric_text, change.metric_evidence = level.metric, level.metric_text, "level"
    change.entity, change.entity_evidence = level.entity, "level"
    if change.scope_evidence not in ("clause", "row label"):
        change.scope, change.scope_evidence = level.scope, "level"
    if change.period is None or change.period_evidence not in ("clause",):
        change.period, change.period_evidence = level.period, "level"
    for later in sentence.figures:
        other = figures[later]
        if later > index and other.baseline and other.unit == level.unit and "base" not in change.links:
            levels_between = [j for j in sentence.figures if level_index < j < later and figures[j].unit == level.unit]
            if any(not figures[j].baseline and figures[j].modality in LEVELS for j in levels_between):
                # "Imports rose 17.49% to $21.94 billion, leaving a surplus of $2.48 billion, compared with
                # $3.26 billion": the base is the surplus's, not the imports'
                break
            change.links["base"] = later
            if change.base_period is None and other.period is not None:
                change.base_period = other.period
            break


def _text_between(context: Context, first: Figure, second: Figure) -> str:
    return context.article.text[first.end_char : second.start_char]


def _restates(change: Figure, counted: Figure, between: str) -> bool:
    """ "meningkat 83.000 orang yang naik 1,11%", "bertambah 1,2 juta orang atau 2,5 persen": one change twice."""
    return (
        change.unit == "percent"
        and counted.unit not in ("percent", "pp", "bp")
        and "level" in counted.links
        and "base" not in counted.links
        and counted.direction == change.direction != ""
        and len(between) <= 40
        and not any(mark in between for mark in ";(")  # "1,84 juta (0,79 persen)": points of the rate, in brackets
    )


def _link_baseline(
    index: int,
    earlier: list[int],
    figures: list[Figure],
    sentence: Sentence,
    sentences: list[Sentence],
    context: Context,
) -> None:
    """ "dibandingkan Maret 2023 yang sebesar 7,58 persen": the level it is compared with, and what that counts."""
    base = figures[index]
    level_index: int | None = None
    later = [i for i in sentence.figures if i > index]
    if later and figures[later[0]].modality_evidence.startswith("new level") and figures[later[0]].unit == base.unit:
        level_index = later[0]  # "dari 14,16 juta ... menjadi 13,58 juta": the base and its new level
    for candidate in reversed(earlier if level_index is None else []):
        other = figures[candidate]
        if other.unit == base.unit and not other.baseline and other.modality in LEVELS:
            level_index = candidate
            break
        if other.modality == "change" and "level" in other.links and figures[other.links["level"]].unit == base.unit:
            level_index = other.links["level"]
            break
    if level_index is None:
        level_index = _level_before(index, [], figures, sentence, sentences, context)
        if level_index is not None and figures[level_index].unit != base.unit:
            level_index = None
    if level_index is None:
        return
    level = figures[level_index]
    base.links["compared"] = level_index
    level.links.setdefault("compared", index)
    if base.metric_evidence in WEAK_METRIC or not base.metric:
        base.metric, base.metric_text, base.metric_evidence = level.metric, level.metric_text, "compared level"
    if (
        base.scope_evidence not in ("clause", "row label", "national")
        or base.scope.split("/")[0] == level.scope.split("/")[0]
    ):
        base.scope, base.scope_evidence = level.scope, "compared level"
    if not base.entity or base.entity_evidence != "sentence":
        base.entity = level.entity
