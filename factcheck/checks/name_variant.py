"""name-variant: one person, organization, place or venue spelled two ways.

Every flag needs a reference form that is known to be right, or that the corpus backs more often:

- Persons (extract/persons.py: beside speech verbs, after speaker cues such as "disampaikan oleh", after
  titles such as "Kepala BPS"): two names of as many words that differ in one word are reported when
  their titles name the same organization (or, with none, the same role); the spelling more articles
  use is the reference (on a tie the finding names both, choosing neither). Two spellings that each
  stand in `repeated_articles` articles or more are taken for two real people.
- Organizations: near misses of a known alias ("BPJS Ketenagakerjan"), from extract/entities.py.
- Places: capitalized words one word off a multi-word gazetteer form that are no place themselves
  ("Kalimatan Selatan" for Kalimantan Selatan, "Kabupaten Bgoor"); two real places ("Kota Bogor",
  "Kabupaten Bogor") are never compared, and a spelling that `repeated_articles` articles use is taken
  for a real name the gazetteer lacks.
- Venues and other names after "di": the same name written with and without an apostrophe or a hyphen
  ("Mom's Kitchen Resto", "Moms Kitchen Resto"); case alone is style, not a variant.

The differing word may be `max_edits` letters off (a swap of two neighbours counts one), or
`long_name_edits` when both spellings have `long_word_length` letters or more; a word shorter than
`min_word_length` letters is never compared.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz.distance import OSA

from ..messages import Message, message
from ..models import Evidence, Finding, Mention
from . import Context, Rule

PUNCTUATION = re.compile(r"['’`-]")


def _evidence(mention: Mention, context: Context) -> Evidence:
    article = context.articles.get(mention.article_id)
    published = article.published.isoformat() if article is not None and article.published else None
    return Evidence(
        published=published,
        article=mention.article_id,
        path=mention.path,
        start=mention.start,
        end=mention.end,
        text=mention.text,
        sentence=mention.sentence,
        entity=mention.canonical or mention.text,
    )


class Tolerance:
    """How far one word of a name may be from the reference's.

    `Tolerance(1, 2, 10, 4).close("Kalimatan Selatan", "Kalimantan Selatan")` is True (one letter left
    out); `close("Kota Bogor", "Kota Bekasi")` is False.
    """

    def __init__(self, max_edits: int, long_edits: int, long_length: int, min_length: int) -> None:
        self.max_edits = max_edits
        self.long_edits = long_edits
        self.long_length = long_length
        self.min_length = min_length

    def close(self, a: str, b: str) -> bool:
        words_a, words_b = a.split(), b.split()
        if len(words_a) != len(words_b) or a == b:
            return False
        different = [(x.lower(), y.lower()) for x, y in zip(words_a, words_b) if x.lower() != y.lower()]
        if len(different) != 1:
            return False
        x, y = different[0]
        shorter = min(len(x), len(y))
        if shorter < self.min_length:
            return False
        allowed = self.long_edits if shorter >= self.long_length else self.max_edits
        return OSA.distance(x, y) <= allowed


def _same_role(first: list[Mention], second: list[Mention]) -> bool:
    """Whether two names' titles could be one post.

    Not when they name two different places ("Kepala BPS Kota Bogor", "Kepala BPS Kabupaten Bogor"); then
    a shared organization when both name one, else a shared role word.
    """
    places_a = {p for m in first for p in m.places}
    places_b = {p for m in second for p in m.places}
    if places_a and places_b and not places_a & places_b:
        return False

    def parts(mentions: list[Mention]) -> tuple[set[str], set[str]]:
        words = {w for m in mentions for w in m.context}
        organizations = {w for w in words if any(c.isupper() for c in w)}
        return organizations, words - organizations

    orgs_a, roles_a = parts(first)
    orgs_b, roles_b = parts(second)
    if orgs_a and orgs_b:
        return bool(orgs_a & orgs_b)
    return bool(roles_a & roles_b)


def _articles(mentions: list[Mention]) -> int:
    """In how many articles a name stands: the corpus's vote for a spelling."""
    return len({m.article_id for m in mentions})


def run(context: Context, rule: Rule) -> list[Finding]:
    """Findings for persons, organizations, places and venues, in that order (the mentions' kinds)."""
    tolerance = Tolerance(
        int(rule.option("max_edits", 1)),
        int(rule.option("long_name_edits", 2)),
        int(rule.option("long_word_length", 10)),
        int(rule.option("min_word_length", 4)),
    )
    repeated = int(rule.option("repeated_articles", 3))
    by_kind: dict[str, list[Mention]] = defaultdict(list)
    for mention in context.mentions:
        by_kind[mention.kind].append(mention)
    findings = _persons(by_kind["person"], context, rule, tolerance, repeated)
    findings += _organizations(by_kind["entity"], context, rule)
    findings += _places(by_kind["place"], context, rule, tolerance, repeated)
    findings += _punctuation(by_kind["location"], context, rule)
    return findings


def _persons(
    mentions: list[Mention], context: Context, rule: Rule, tolerance: Tolerance, repeated: int
) -> list[Finding]:
    """ "Rahmat Hidayat Saputro" (1 article) against "Rahmat Hidayat Saputra" (2), both Direktur Utama of BPJS."""
    persons: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        persons[" ".join(mention.text.split())].append(mention)
    counted = {name: context.person_articles.get(name) or _articles(found) for name, found in persons.items()}
    names = sorted(persons, key=lambda n: (-counted[n], n))
    rank = {name: position for position, name in enumerate(names)}
    # Two spellings of one name differ in one word; blocking on "the name without word i"
    # keeps the comparison linear in the number of names.
    blocks: dict[tuple[int, tuple[str, ...]], list[str]] = defaultdict(list)
    for name in names:
        words = tuple(name.split())
        for i in range(len(words)):
            blocks[(i, words[:i] + words[i + 1 :])].append(name)
    pairs: set[tuple[str, str]] = set()
    for members in blocks.values():
        for a in members:
            for b in members:
                if (
                    rank[a] < rank[b]
                    and tolerance.close(a, b)
                    and counted[b] < repeated  # both in many articles: two real people
                    and _same_role(persons[a], persons[b])
                ):
                    pairs.add((a, b))
    findings = []
    for first, second in sorted(pairs, key=lambda pair: (rank[pair[0]], rank[pair[1]])):
        # every article with the variant, once, then the reference
        variant = list({m.article_id: m for m in reversed(persons[second])}.values())[::-1]
        where = ", ".join(m.article_id for m in variant)
        if counted[first] > counted[second]:
            said = message("name.misspelling.in", variant=second, articles=where, reference=first)
        else:  # as many articles each: the corpus does not say which spelling is right
            said = message(
                "name.two-spellings",
                variant=second,
                articles=where,
                reference=first,
                article=persons[first][0].article_id,
            )
        evidence = [*(_evidence(m, context) for m in variant), _evidence(persons[first][0], context)]
        findings.append(Finding.of(rule.id, rule.kind, rule.severity, said, evidence, group=first))
    return findings


def _organizations(mentions: list[Mention], context: Context, rule: Rule) -> list[Finding]:
    """ "BPJS Ketenagakrjaan" for the alias "BPJS Ketenagakerjaan", one finding per article and spelling."""
    variants: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for mention in mentions:
        variants[(mention.article_id, mention.text)].append(mention)
    findings = []
    for (_, text), found in sorted(variants.items()):
        canonical = found[0].canonical
        said = _misspelling(text, len(found), canonical)
        evidence = [_evidence(m, context) for m in found]
        findings.append(Finding.of(rule.id, rule.kind, rule.severity, said, evidence, group=canonical))
    return findings


def _places(
    mentions: list[Mention], context: Context, rule: Rule, tolerance: Tolerance, repeated: int
) -> list[Finding]:
    """ "Kalimatan Selatan" for the gazetteer's "Kalimantan Selatan", one finding per article and spelling."""
    spellings: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        spellings[mention.text].append(mention)
    variants: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for text, found in spellings.items():
        if _articles(found) >= repeated:
            continue  # a spelling this many articles share is a real name the gazetteer lacks
        for mention in found:
            if tolerance.close(mention.text, mention.canonical):
                variants[(mention.article_id, text)].append(mention)
    findings = []
    for (_, text), found in sorted(variants.items()):
        form = found[0].canonical
        place = context.lexicon.places.get(form, form)
        said = _misspelling(text, len(found), form)
        evidence = [_evidence(m, context) for m in found]
        findings.append(Finding.of(rule.id, rule.kind, rule.severity, said, evidence, group=place))
    return findings


def _punctuation(mentions: list[Mention], context: Context, rule: Rule) -> list[Finding]:
    """One name written with and without an apostrophe or a hyphen ("Mom's Kitchen Resto", "Moms Kitchen Resto")."""
    by_key: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for mention in mentions:
        written = " ".join(mention.text.split())
        by_key[PUNCTUATION.sub("", written.lower())][written.lower()].append(mention)
    findings = []
    for key in sorted(by_key):
        forms = by_key[key]
        if len(forms) < 2:
            continue  # one spelling, perhaps in several cases: "Moms Kitchen Resto", "MOMS KITCHEN RESTO"
        # the reference is the spelling more articles use; on a tie, the plain one (no punctuation)
        ordered = sorted(forms, key=lambda f: (-_articles(forms[f]), f != key, f))
        reference = forms[ordered[0]][0]
        for form in ordered[1:]:
            variant = forms[form][0]
            said = message(
                "name.two-writings",
                variant=variant.text,
                article=variant.article_id,
                reference=reference.text,
                reference_article=reference.article_id,
            )
            evidence = [_evidence(variant, context), _evidence(reference, context)]
            findings.append(Finding.of(rule.id, rule.kind, rule.severity, said, evidence, group=reference.text))
    return findings


def _misspelling(text: str, times: int, reference: str) -> Message:
    """ "'Kabupaten Gaurt' looks like a misspelling of 'Kabupaten Garut'", with how often when more than once."""
    if times > 1:
        return message("name.misspelling.times", variant=text, n=times, reference=reference)
    return message("name.misspelling", variant=text, reference=reference)
