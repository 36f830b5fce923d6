"""name-variant: one person or organization spelled differently.

Persons are the names around speech verbs ("kata Direktur Utama ...
Rahmat Hidayat Saputra"); two spellings that differ in one word by at most
`max_edits` letters (default 1) are reported when their titles name the same
organization (or, with none, the same role): two different people may well
share a name but one letter.
Organizations are near-misses of a known alias ("BPJS Ketenagakerjan").
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz.distance import Levenshtein

from ..models import Evidence, Finding, Mention
from . import Context, Rule


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


def _close(a: str, b: str, max_edits: int, min_length: int) -> bool:
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b) or a == b:
        return False
    different = [(x, y) for x, y in zip(words_a, words_b) if x != y]
    if len(different) != 1:
        return False
    x, y = different[0]
    return min(len(x), len(y)) >= min_length and Levenshtein.distance(x.lower(), y.lower()) <= max_edits


def _same_role(first: list[Mention], second: list[Mention]) -> bool:
    def parts(mentions: list[Mention]) -> tuple[set[str], set[str]]:
        words = {w for m in mentions for w in m.context}
        organizations = {w for w in words if any(c.isupper() for c in w)}
        return organizations, words - organizations

    orgs_a, roles_a = parts(first)
    orgs_b, roles_b = parts(second)
    if orgs_a and orgs_b:
        return bool(orgs_a & orgs_b)
    return bool(roles_a & roles_b)


def run(context: Context, rule: Rule) -> list[Finding]:
    max_edits = int(rule.option("max_edits", 1))
    min_length = int(rule.option("min_word_length", 4))
    findings: list[Finding] = []
    persons: dict[str, list[Mention]] = defaultdict(list)
    for mention in context.mentions:
        if mention.kind == "person":
            persons[" ".join(mention.text.split())].append(mention)
    names = sorted(persons, key=lambda n: (-len({m.article_id for m in persons[n]}), n))
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
                if rank[a] < rank[b] and _close(a, b, max_edits, min_length) and _same_role(persons[a], persons[b]):
                    pairs.add((a, b))
    for first, second in sorted(pairs, key=lambda pair: (rank[pair[0]], rank[pair[1]])):
        message = f"'{second}' in {persons[second][0].article_id} looks like a misspelling of '{first}'"
        evidence = [_evidence(persons[second][0], context), _evidence(persons[first][0], context)]
        findings.append(Finding(rule.id, rule.kind, rule.severity, message, evidence, group=first))
    variants: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for mention in context.mentions:
        if mention.kind == "entity":
            variants[(mention.article_id, mention.text)].append(mention)
    for (_, text), mentions in sorted(variants.items()):
        canonical = mentions[0].canonical
        times = f" ({len(mentions)} times)" if len(mentions) > 1 else ""
        message = f"'{text}'{times} looks like a misspelling of '{canonical}'"
        evidence = [_evidence(m, context) for m in mentions]
        findings.append(Finding(rule.id, rule.kind, rule.severity, message, evidence, group=canonical))
    return findings
