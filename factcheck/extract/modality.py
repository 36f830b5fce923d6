"""Modality: is a figure a level, a change, a gap, a target, a projection or a share, and is it a base?

Sets `figure.modality`, `direction`, `baseline`, `rank` and `modality_evidence`.
Reads `doc._.figures`, `doc._.sentences` and the language's `modality_cues`.
The words right before a figure decide first (a direction word makes a change,
"turun menjadi" names the new level, "dari X menjadi Y" makes X the base,
"dibandingkan Maret 2023 yang sebesar 7,58 persen" makes 7,58 the compared
level); then the clause (gap, target and projection cues, "P persen dari
total ..."); a cue behind ";", "sedangkan" or "namun" belongs to another
clause and does not count.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.language import Language as SpacyLanguage
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..lexicon import Language
from ..periods import find_periods
from .doc import (
    POSSESSIVES,
    Figure,
    Sentence,
    context_of,
    figures_of,
    in_sentence,
    lowers_of,
    sentences_of,
    spaces_of,
    span_text,
    texts_of,
    words_between,
)

GOAL_LABEL = re.compile(r"^\s*(?P<words>[^\d:;,.]{2,40}?)(?:\s+(?:19|20)\d\d)?\s*:")  # "Target 2025:"
CLAUSE_PUNCT = {",", ";", ":", "—", "–", '"', "“", "”", "(", ")"}
DATE_BETWEEN = re.compile(r"\b(?:19|20)\d\d\b")
CUE_KINDS = (
    "target_verbs",
    "target",
    "projection",
    "rise",
    "fall",
    "result",
    "change_verbs",
    "baseline",
    "comparison",
    "gap",
    "share_links",
    "anaphora",
)


@SpacyLanguage.factory("factcheck_modality")
def make_modality(nlp: SpacyLanguage, name: str) -> Any:
    return Modality(nlp)


class Modality:
    def __init__(self, nlp: SpacyLanguage) -> None:
        self.nlp = nlp
        self.matchers: dict[int, PhraseMatcher] = {}

    def matcher(self, language: Language) -> PhraseMatcher:
        key = id(language)
        if key not in self.matchers:
            matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
            for kind in CUE_KINDS:
                words = language.modality_cues.get(kind, [])
                matcher.add(kind, [self.nlp.make_doc(w) for w in words])
            matcher.add("extremes", [self.nlp.make_doc(w) for w in language.extremes])
            matcher.add("strong_break", [self.nlp.make_doc(w) for w in language.strong_breaks])
            self.matchers[key] = matcher
        return self.matchers[key]

    def __call__(self, doc: Doc) -> Doc:
        context = context_of(doc)
        language = context.language
        cues = [(doc.vocab.strings[k], s, e) for k, s, e in self.matcher(language)(doc)]
        doc.spans["cue"] = [Span(doc, s, e, label=kind) for kind, s, e in cues]  # labelled as they are made
        figures = figures_of(doc)
        sentences = sentences_of(doc)
        for figure in figures:
            if sentences:
                _decide(doc, figure, sentences[figure.sentence], figures, cues, language)
                if figure.modality == "actual":
                    _projected_after(doc, figure, language)
        return doc


def _clause_floor(doc: Doc, figure: Figure, sentence: Sentence, cues: list[tuple[str, int, int]]) -> int:
    """Where the figure's clause starts, for cues: after the last strong break before the figure."""
    floor = sentence.start
    for kind, start, end in cues:
        if kind == "strong_break" and sentence.start <= start and end <= figure.start:
            floor = max(floor, end)
    texts = texts_of(doc)
    for position in range(figure.start - 1, floor - 1, -1):
        if texts[position] == ";":
            return position + 1
    return floor


def _decide(
    doc: Doc,
    figure: Figure,
    sentence: Sentence,
    figures: list[Figure],
    cues: list[tuple[str, int, int]],
    language: Language,
) -> None:
    modality_cues = language.modality_cues
    floor = _clause_floor(doc, figure, sentence, cues)
    skippable = _skippable(language)
    spaces, lowers = spaces_of(doc), lowers_of(doc)
    words = [lowers[i] for i in range(max(floor, figure.start - 8), figure.start) if not spaces[i]]
    cue_sets = _cue_sets(language)
    # "naik sebesar sekitar 7 persen": the qualifiers and links stand between a direction and its figure
    position = len(words)
    while position > 0:
        two = " ".join(words[max(0, position - 2) : position])
        if position >= 2 and two in skippable:
            position -= 2
        elif words[position - 1] in skippable:
            position -= 1
        else:
            break
    head = words[:position]
    if head and head[-1] == ",":
        # "menurun lebih drastis, yakni sebanyak 1,84 juta": an aside between a direction and its figure
        trimmed = head[:-1]
        while trimmed and trimmed[-1] in skippable:
            trimmed = trimmed[:-1]
        if trimmed and _direction_near(trimmed[-1:], modality_cues):
            head = trimmed

    # the last three, two and one words before the figure, joined once: each kind of cue asks for them
    tails = [" ".join(head[-size:]) for size in (3, 2, 1) if len(head) >= size]

    def ends_with(kind: str) -> str:
        phrases = cue_sets.get(kind, frozenset())
        for tail in tails:
            if tail in phrases:
                return tail
        return ""

    previous = _previous_figure(figure, figures)
    figure.rank = _rank(doc, figure, sentence, floor, cues, language)
    following = _next_figure(figure, figures)
    if (
        following is not None
        and _result_between(doc, figure, following, modality_cues)
        and not _direction_near(head, modality_cues)
    ):
        # "Jawa Timur 24,8 persen menjadi 19,2 persen": the first is the base of the second
        figure.baseline, figure.modality_evidence = True, "base of 'X menjadi Y'"
        return
    if ends_with("baseline") and (
        _direction_near(head[:-1], modality_cues) or _result_follows(doc, figure, sentence, modality_cues)
    ):
        figure.baseline, figure.modality_evidence = True, f"base of 'dari ... menjadi' ({' '.join(words[-3:])})"
        return
    result = ends_with("result")
    if result == "hingga":
        nominal = _nominal_change(doc, figure, figures, floor, cues, language)
        if nominal:  # "menurunkan angka stunting hingga sekitar 5%": by up to 5 percent
            figure.modality, figure.direction = "change", nominal[0]
            figure.modality_evidence = f"'{nominal[1]} ... hingga' before the figure"
            return
    if result:
        direction = _direction_near(head[: len(head) - len(result.split())], modality_cues)
        evidence = f"new level after '{result}'" + (f" ({direction})" if direction else "")
        figure.modality_evidence = evidence
        if _goal(doc, figure, sentence, floor, cues, language):
            # "diperkirakan turun 2,43 persen menjadi 30,34 juta ton": a projected level is still the new level
            figure.modality_evidence = f"{evidence}; {figure.modality_evidence}"
        return
    for direction in ("rise", "fall"):
        cue = ends_with(direction)
        if cue:
            figure.modality, figure.direction = "change", direction
            figure.modality_evidence = f"direction word '{cue}'"
            return
        adverb = ends_with(f"{direction}_adverbs")
        if adverb and (figure.unit in ("percent", "pp", "bp") or _from_follows(doc, figure, sentence, modality_cues)):
            figure.modality, figure.direction = (
                "change",
                direction,
            )  # "down 0.1 percentage point", "down 0.68 million from March 2023", not "sign up 45 million"
            figure.modality_evidence = f"'{adverb}' before a percentage or a base"
            return
    named_after = _change_named_after(doc, figure, cue_sets)
    if named_after:
        figure.modality, figure.direction = "change", named_after[0]
        figure.modality_evidence = f"'{named_after[1]}' after the percentage"
        return
    comparative = _comparative_after(doc, figure, language)
    if comparative:
        figure.modality, figure.direction = "change", comparative[0]
        figure.modality_evidence = f"'{comparative[1]}' after the figure"
        return
    if ends_with("change_verbs") and figure.unit in ("percent", "pp", "bp"):
        # "posted a 5.2% rise"; "recorded 88,593 cases" is a level
        figure.modality, figure.modality_evidence = "change", f"'{head[-1]}' and a figure"
        return
    nominal = _nominal_change(doc, figure, figures, floor, cues, language)
    if nominal:
        figure.modality, figure.direction = "change", nominal[0]
        figure.modality_evidence = f"'{nominal[1]} ... sebesar' before the figure"
        return
    if previous is not None and _in_brackets_after(doc, previous, figure):
        # "berkurang 1,16 juta (0,46 persen) orang": the bracket restates the figure before it
        figure.modality, figure.direction, figure.baseline = previous.modality, previous.direction, previous.baseline
        figure.modality_evidence = "in brackets after another figure"
        return
    if previous is not None and previous.modality == "change" and previous.sentence == figure.sentence:
        between = span_text(doc, previous.end, figure.start).lower().split()
        if between and between[0] in language.statement.get("classifiers", []):
            between = between[1:]  # "turun 1,32 juta ton atau 2,45 persen": the unit of the first figure
        if 0 < len(between) <= 3 and " ".join(between) in modality_cues.get("share_links", []):
            figure.modality, figure.direction = "change", previous.direction
            figure.modality_evidence = "second figure of 'naik X atau Y'"
            return
    comparison = _comparison_before(doc, figure, figures, floor, cues, language)
    if comparison:
        figure.baseline, figure.modality_evidence = True, f"compared level after '{comparison}'"
        return
    gap = _cue_before(doc, cues, "gap", max(floor, figure.start - 6), figure.start)
    if gap:
        figure.modality, figure.modality_evidence = "gap", f"gap cue '{gap}'"
        return
    if _goal(doc, figure, sentence, floor, cues, language):
        return
    if figure.unit == "percent":
        after = words_between(doc, figure.end, figure.end + 3)
        if after[:1] == ["dari"] or after[:2] == ["of", "the"] or after[:2] == ["of", "all"]:
            figure.modality, figure.modality_evidence = "share", "'P persen dari ...'"


@lru_cache(maxsize=16)
def _skippable(language: Language) -> frozenset[str]:
    """The qualifiers and links that may stand between a direction word and its figure."""
    return frozenset(language.qualifiers) | set(language.modality_cues.get("change_links", []))


@lru_cache(maxsize=16)
def _cue_sets(language: Language) -> dict[str, frozenset[str]]:
    """The language's modality cues as sets, for the many membership tests of one figure."""
    return {kind: frozenset(words) for kind, words in language.modality_cues.items()}


def _change_named_after(doc: Doc, figure: Figure, cue_sets: dict[str, frozenset[str]]) -> tuple[str, str] | None:
    """ "a 4.1 percent increase from May", "an 8% drop": the noun after a percentage is its change."""
    nouns = cue_sets.get("change_nouns_after", frozenset())
    if not nouns or figure.unit not in ("percent", "pp", "bp"):
        return None
    position = figure.end
    while position < len(doc) and (doc[position].is_space or doc[position].text == "-"):
        position += 1  # "a 4.1-percent increase"
    word = doc[position].lower_ if position < len(doc) else ""
    if word not in nouns:
        return None
    return ("rise" if word in cue_sets.get("rise", frozenset()) else "fall"), word


def _comparative_after(doc: Doc, figure: Figure, language: Language) -> tuple[str, str] | None:
    """ "790,000 fewer than in February 2023", "3.000 orang lebih banyak dibanding": a difference, not a level.

    The comparative stands right after the figure (a classifier may come between) and "than" after it;
    "6.03 percent, higher than the national rate" is a level that a comma parts from its comparison.
    """
    cues = language.modality_cues
    after = words_between(doc, figure.end, min(len(doc), figure.end + 6))
    classifiers = set(language.statement.get("classifiers", []))
    start = 1 if after[:1] and after[0] in classifiers else 0
    for direction in ("rise", "fall"):
        for phrase in cues.get(f"{direction}_comparatives", []):
            words = phrase.split()
            end = start + len(words)
            if after[start:end] == words and after[end : end + 1] and after[end] in cues.get("than", []):
                return direction, phrase
    return None


def _in_brackets_after(doc: Doc, previous: Figure, figure: Figure) -> bool:
    between = words_between(doc, previous.end, figure.start, lower=False)
    return between == ["("]


def _nominal_change(
    doc: Doc, figure: Figure, figures: list[Figure], floor: int, cues: list[tuple[str, int, int]], language: Language
) -> tuple[str, str] | None:
    """ "terjadi penurunan jumlah penduduk miskin di Provinsi Jambi sebanyak 15,3 ribu": a change named as a noun."""
    links = _nominal_links(language)
    before = words_between(doc, max(floor, figure.start - 3), figure.start)
    if not before or not any(w in links for w in before):
        return None
    clause = _clause_start(doc, figure, floor)
    for kind, start, end in reversed(cues):
        if kind not in ("rise", "fall") or end > figure.start or start < max(clause, figure.start - 10):
            continue
        word = span_text(doc, start, end).lower()
        following = lowers_of(doc)[end] if end < len(doc) else ""
        transitive = word.startswith("me") and word.endswith("kan")  # "menurunkan angka stunting hingga 5%"
        if not (word.endswith("an") or following in ("of", "in") or transitive):
            continue  # a verb ("turun") would stand right before its figure
        between = lowers_of(doc)[end : figure.start]
        if any(other is not figure and end <= other.start < figure.start for other in figures):
            return None
        results = set(language.modality_cues.get("result", [])) - ({"hingga"} if transitive else set())
        if any(w in results for w in between):
            return None
        return kind, word
    return None


@lru_cache(maxsize=16)
def _nominal_links(language: Language) -> frozenset[str]:
    """The words that link a noun of change to its figure ("penurunan ... sebanyak 15,3 ribu"), built once."""
    return frozenset(language.statement.get("link_words", [])) | {"of", "hingga", "sebesar", "sekitar"}


def _goal(
    doc: Doc, figure: Figure, sentence: Sentence, floor: int, cues: list[tuple[str, int, int]], language: Language
) -> bool:
    """A target or projection: its cue before the figure in the clause (a target verb anywhere before it)."""
    in_clause = _clause_start(doc, figure, floor)
    for kind, start, end in cues:
        if not (floor <= start and end <= figure.start):
            continue
        near = start >= in_clause or kind == "target_verbs"
        if kind in ("target", "target_verbs") and near:
            figure.modality, figure.modality_evidence = "target", f"target cue '{span_text(doc, start, end)}'"
            return True
        if kind == "projection" and near:
            figure.modality, figure.modality_evidence = "projection", f"projection cue '{span_text(doc, start, end)}'"
            return True
    before = span_text(doc, sentence.start, figure.start)
    label = GOAL_LABEL.match(before) if ":" in before else None  # every label ends with its colon
    if label and set(label.group("words").lower().split()) & _goal_words(language):
        # "Target 2025: 55 persen atau sekitar 674 ribu": the label says what the figures are
        figure.modality, figure.modality_evidence = "target", f"label '{label.group(0).strip()}'"
        return True
    after = words_between(doc, figure.end, min(sentence.end, figure.end + 4))
    if after[:1] and after[0] == "(" and any(w in language.modality_cues.get("target", []) for w in after):
        figure.modality, figure.modality_evidence = "target", "target in brackets after the figure"
        return True
    return False


def _projected_after(doc: Doc, figure: Figure, language: Language) -> None:
    """A level someone else foresaw: "the $3.1 billion expected by analysts".

    The participle and its agent follow the figure ("Rp 5 triliun yang diperkirakan oleh ekonom");
    "5 million estimated to live ..." names no agent, and is the figure itself.
    """
    after = words_between(doc, figure.end, min(len(doc), figure.end + 6))
    participles, agents = _projection_participles(language), _projection_agents(language)
    for position, word in enumerate(after[:4]):
        if word in CLAUSE_PUNCT or word == ".":
            return
        if word in participles and position + 1 < len(after) and after[position + 1] in agents:
            figure.modality = "projection"
            figure.modality_evidence = f"'{word} {after[position + 1]}' after the figure"
            return


@lru_cache(maxsize=16)
def _projection_participles(language: Language) -> frozenset[str]:
    return frozenset(w for w in language.modality_cues.get("projection", []) if " " not in w)


@lru_cache(maxsize=16)
def _projection_agents(language: Language) -> frozenset[str]:
    """ "by", "oleh": "to" is an agent word of speech ("according to"), not of a forecast."""
    return frozenset(w for w in language.agent_words if w != "to")


@lru_cache(maxsize=16)
def _goal_words(language: Language) -> frozenset[str]:
    """The one-word target cues a row label may hold ("Target 2025:"), built once per language."""
    return frozenset(w for w in language.modality_cues.get("target", []) if " " not in w)


def _clause_start(doc: Doc, figure: Figure, floor: int) -> int:
    texts = texts_of(doc)
    position = figure.start
    while position > floor and texts[position - 1] not in CLAUSE_PUNCT:
        position -= 1
    return position


def _next_figure(figure: Figure, figures: list[Figure]) -> Figure | None:
    later = [f for f in in_sentence(figures, figure.sentence) if f.start >= figure.end]
    return later[0] if later else None


def _result_between(doc: Doc, first: Figure, second: Figure, cues: dict[str, list[str]]) -> bool:
    words = [w for w in words_between(doc, first.end, second.start) if w not in ("(", ")")]  # "(" has no case
    results = {w for w in cues.get("result", []) if " " not in w} - {"hingga", "ke"}
    return 1 <= len(words) <= 6 and words[-1] in results and first.unit == second.unit


def _previous_figure(figure: Figure, figures: list[Figure]) -> Figure | None:
    earlier = [f for f in in_sentence(figures, figure.sentence) if f.end <= figure.start]
    return earlier[-1] if earlier else None


def _direction_near(words: list[str], cues: dict[str, list[str]]) -> str:
    for size in (2, 1):
        for back in range(0, 3):
            end = len(words) - back
            if end - size < 0:
                continue
            phrase = " ".join(words[end - size : end])
            if phrase in cues.get("rise", []):
                return "rise"
            if phrase in cues.get("fall", []):
                return "fall"
    return ""


def _result_follows(doc: Doc, figure: Figure, sentence: Sentence, cues: dict[str, list[str]]) -> bool:
    following = lowers_of(doc)[figure.end : min(sentence.end, figure.end + 8)]
    return any(w in ("menjadi", "jadi", "ke", "to") for w in following)


def _comparison_before(
    doc: Doc,
    figure: Figure,
    figures: list[Figure],
    floor: int,
    cues: list[tuple[str, int, int]],
    language: Language,
) -> str:
    """ "dibandingkan Maret 2023 yang sebesar 7,58 persen", "dari 31 Januari 2023 yang sebesar Rp 630,72 triliun".

    A comparison cue with no other figure between; "dari" counts when a date
    stands between it and the figure.
    """
    for kind, start, end in reversed(cues):
        if kind not in ("comparison", "baseline") or end > figure.start or start < floor or figure.start - end > 12:
            continue
        if kind == "baseline":
            # "dari tahun sebelumnya sebanyak ...": a period right after "dari" is the base's, even after a
            # percentage ("naik 48 persen dari tahun sebelumnya")
            dated = _opens_with_period(span_text(doc, end, figure.start), language)
            if not dated and not DATE_BETWEEN.search(span_text(doc, end, min(figure.start, end + 4))):
                continue  # "dari 31 Januari 2023 yang sebesar ...", not "dari total angkatan kerja pada Februari 2025"
            if not dated and any(f.unit == "percent" and f.end == start for f in figures):
                continue  # "76,3 persen dari target APBN 2024 sebesar Rp 1.988,9 triliun": the whole of a share
        if _opens_range(span_text(doc, end, figure.start), language):
            continue  # "From January to October, the surplus was ...": the word opens the stretch, no base
        if figure.qualifier and not span_text(doc, end, figure.start).strip():
            continue  # "more than 30 patients": the cue is the figure's own qualifier, no comparison
        following = words_between(doc, end, min(figure.start, end + 2))
        if following[:1] and following[0] in ("total", "seluruh", "keseluruhan", "jumlah"):
            continue  # "persentase penduduk miskin terhadap total penduduk ... 8,47 persen": a denominator
        if any(start <= other.start < figure.start for other in figures if other is not figure):
            return ""
        if ";" in texts_of(doc)[end : figure.start]:
            return ""
        return span_text(doc, start, end)
    return ""


@lru_cache(maxsize=4096)
def _opening_periods(text: str, language: Language) -> tuple[str, ...]:
    """The kinds of the period expressions `text` begins with.

    Remembered: the words between a cue and its figure recur from article to article (" dari ", " from ").
    """
    return tuple(m.kind for m in find_periods(text, 0, language) if not text[: m.start].strip())


def _opens_range(text: str, language: Language) -> bool:
    return "range" in _opening_periods(text, language)


def _opens_with_period(text: str, language: Language) -> bool:
    return bool(_opening_periods(text, language))


def _cue_before(doc: Doc, cues: list[tuple[str, int, int]], kind: str, low: int, high: int) -> str:
    found = [(s, e) for k, s, e in cues if k == kind and low <= s and e <= high]
    return doc[found[-1][0] : found[-1][1]].text if found else ""


def _rank(
    doc: Doc, figure: Figure, sentence: Sentence, floor: int, cues: list[tuple[str, int, int]], language: Language
) -> str:
    """ "tertinggi sebesar 37,9 persen", "provinsi dengan balita stunting terbanyak yaitu 35,4 persen"."""
    near = [
        (s, e)
        for k, s, e in cues
        if k == "extremes"
        and floor <= s
        and e <= figure.start
        and figure.start - e <= 8
        and not _named(doc, e)
        and not (s > 0 and texts_of(doc)[s - 1] in POSSESSIVES)  # "the world's largest producer": an epithet
    ]
    if not near:
        return ""
    start, end = near[-1]
    return language.extremes.get(span_text(doc, start, end).lower(), "")


def _named(doc: Doc, end: int) -> bool:
    """ "harga eceran tertinggi (HET)": the word ends a name spelled out before its acronym, no rank."""
    texts = texts_of(doc)
    return end + 2 < len(texts) and texts[end] == "(" and texts[end + 1].isupper() and texts[end + 2] == ")"


def _from_follows(doc: Doc, figure: Figure, sentence: Sentence, modality_cues: dict[str, list[str]]) -> bool:
    """ ", down 0.68 million from March 2023": a base follows, so the figure is the change between them.

    The adverb must open its clause (after a comma or a bracket) and the base
    follow the figure or its classifier: "signed up 2 million more from ..." is no change.
    """
    before = [t for t in doc[max(sentence.start, figure.start - 3) : figure.start] if not t.is_space]
    if len(before) < 2 or before[-2].text not in (",", "(", ";", "—", "–"):
        return False
    after = [t for t in doc[figure.end : min(sentence.end, figure.end + 2)] if not t.is_space]
    words = [t.lower_ for t in after]
    bases = set(modality_cues.get("baseline", []))
    return bool(words) and (words[0] in bases or len(words) > 1 and words[1] in bases and after[0].is_alpha)
