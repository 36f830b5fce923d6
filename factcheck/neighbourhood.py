"""A draft's neighbourhood in a claim archive: the archived articles it can meet, loaded alone.

`check DRAFT --against archive.sqlite` must not load the whole archive. The
draft's blocking keys (blocking.py) select the archived articles that share
one with it; the clusters its claims fall in are loaded whole (the heads that
a typo joins to theirs are followed through the block's metric spellings,
whose counts also name the clusters as the whole archive would); the report
still names and counts every archived article, from their rows alone. Reading
lives here and not in archive.py, whose code is part of the extractor version.
"""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .archive import Archive, extractor_version
from .blocking import SEP, article_keys, block_entity, cluster_key, head
from .cluster import Block, Cluster, canonical_names
from .lexicon import Lexicon
from .load import Extracted
from .models import Article, Claim, Mention, Skipped
from .read import unique_ids
from .stems import scope_key


@dataclass
class Neighbourhood:
    """The part of an archive a draft can meet, and what the report needs of the rest (names and counts)."""

    extracted: Extracted  # the archived articles loaded in full, in archive order
    catalogue: list[Article]  # every archived article (stubs without text but for the loaded ones), in order
    skipped: list[Skipped]
    claims: int  # claims in the whole archive
    spellings: dict[Block, Counter[str]]  # each block's metric spellings over the draft and the whole archive
    complete: set[tuple[str, str, str]]  # (entity, scope, metric head) whose clusters are loaded whole


def load_neighbourhood(path: str, drafts: Extracted, lexicon: Lexicon) -> Neighbourhood | None:
    """The archived articles that share a blocking key with a draft (see blocking.py), loaded alone.

    None when the archive holds a file extracted by another version: the whole
    archive is then loaded and stale files are read again, as without drafts.
    """
    archive = Archive(path)
    try:
        if not _current(archive, extractor_version(lexicon)):
            return None
        statistics = {m.id for m in lexicon.metrics if m.statistic}
        known = {m.id for m in lexicon.metrics}
        draft_claims = [c for claims, _ in drafts.found for c in claims]
        keys: set[str] = set()
        for claims, mentions in drafts.found:
            keys |= article_keys(claims, mentions, lexicon)
        cache: dict[tuple[str, str], dict[str, Counter[str]]] = {}

        def spellings(entity: str, scope: str) -> dict[str, Counter[str]]:
            if (entity, scope) not in cache:
                counted = _spellings(archive, entity, scope)
                for claim in draft_claims:
                    if claim.metric and (block_entity(claim, statistics), scope_key(claim.scope)) == (entity, scope):
                        counted.setdefault(claim.unit, Counter())[claim.metric] += 1
                cache[(entity, scope)] = counted
            return cache[(entity, scope)]

        complete = _follow_typos(keys, spellings, known)
        keys |= {cluster_key(*block) for block in complete}
        wanted = _neighbours(archive, keys)
        rows, skipped, total = _catalogue(archive)
        catalogue = [stub for _, _, stub in rows]
        extracted = Extracted()
        for number, (file, position, _) in enumerate(rows):
            if (file, position) in wanted:
                article, claims, mentions = _article_unit(archive, file, position)
                catalogue[number] = article
                extracted.articles.append(article)
                extracted.found.append((claims, mentions))
        unique_ids(catalogue)  # as reading the whole archive would name its articles
        draft_ids = {a.id for a in drafts.articles}
        for article in catalogue:
            if article.id in draft_ids:
                article.id = f"archive:{article.id}"
        extracted.relabel()
        loaded = [c for claims, _ in extracted.found for c in claims]
        blocks = {(block_entity(c, statistics), scope_key(c.scope)) for c in [*loaded, *draft_claims] if c.metric}
        counts = {
            (entity, scope, unit): counted
            for entity, scope in sorted(blocks)
            for unit, counted in spellings(entity, scope).items()
        }
        return Neighbourhood(extracted, catalogue, skipped, total, counts, complete)
    finally:
        archive.close()


def _follow_typos(
    keys: set[str], spellings: Callable[[str, str], dict[str, Counter[str]]], known: set[str]
) -> set[tuple[str, str, str]]:
    """(entity, scope, head) of every cluster a draft's claims fall in, with the heads typos join to theirs.

    Clusters never cross a metric head except where clustering joins two
    spellings as a typo of each other ("pengangguaran"); the block's spellings
    and their counts (the whole archive's, without loading its claims) say
    which, so those heads' articles are loaded too.
    """
    heads: dict[tuple[str, str], set[str]] = {}
    for key in keys:
        kind, *fields = key.split(SEP)
        if kind == "c" and len(fields) == 3:
            heads.setdefault((fields[0], fields[1]), set()).add(fields[2])
    for (entity, scope), wanted in heads.items():
        groups: list[set[str]] = []
        for counted in spellings(entity, scope).values():
            names = canonical_names(counted, known)
            by_name: dict[str, set[str]] = {}
            for metric, name in names.items():
                by_name.setdefault(name, set()).add(head(metric))
            groups.extend(by_name.values())
        grown = True
        while grown:
            grown = False
            for group in groups:
                if group & wanted and not group <= wanted:
                    wanted |= group
                    grown = True
    return {(entity, scope, h) for (entity, scope), wanted in heads.items() for h in wanted}


def in_neighbourhood(cluster: Cluster, complete: set[tuple[str, str, str]]) -> bool:
    """Whether a cluster was loaded whole (the others hold only claims of articles loaded for another key)."""
    scope = scope_key(cluster.scope)
    return any((cluster.entity, scope, head(c.metric)) in complete for c in cluster.claims)


def _current(archive: Archive, version: str) -> bool:
    """Whether every archived file was extracted by this version (a draft's neighbourhood needs that)."""
    return archive.db.execute("SELECT 1 FROM files WHERE version != ? LIMIT 1", (version,)).fetchone() is None


def _catalogue(archive: Archive) -> tuple[list[tuple[str, int, Article]], list[Skipped], int]:
    """Every archived article as a stub without its text (in the order `units` gives), skipped files, claims.

    A draft's report names and counts the whole archive from these rows alone.
    """
    files = archive.db.execute(
        "SELECT files.path, files.id, roots.seq FROM files JOIN roots ON files.root = roots.seq"
    ).fetchall()
    files.sort(key=lambda r: (r[2], Path(r[1]).parts))
    rows: dict[str, list[tuple[str, int, Article]]] = {}
    for file, position, *fields in archive.db.execute(
        "SELECT file, position, id, path, title, url, outlet, published, published_evidence, language,"
        " published_after FROM articles ORDER BY file, position"
    ):
        article_id, path, title, url, outlet, published, evidence, language, after = fields
        stub = Article(article_id, path, "", language, title or "", None, url or "", outlet or "")
        stub.published = date.fromisoformat(published) if published else None
        stub.published_evidence = evidence
        stub.published_after = date.fromisoformat(after) if after else None
        rows.setdefault(file, []).append((file, position, stub))
    skipped: dict[str, list[Skipped]] = {}
    for file, path, reason in archive.db.execute("SELECT file, path, reason FROM skipped ORDER BY rowid"):
        skipped.setdefault(file, []).append(Skipped(path, reason))
    (claims,) = archive.db.execute("SELECT count(*) FROM claims").fetchone()
    order = [path for path, _, _ in files]
    return (
        [row for path in order for row in rows.get(path, [])],
        [item for path in order for item in skipped.get(path, [])],
        int(claims),
    )


def _neighbours(archive: Archive, keys: set[str]) -> set[tuple[str, int]]:
    """(file, position) of every article with one of these blocking keys."""
    found: set[tuple[str, int]] = set()
    ordered = sorted(keys)
    for start in range(0, len(ordered), 500):  # SQLite caps the parameters of one statement
        chunk = ordered[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        query = f"SELECT DISTINCT file, position FROM blocking WHERE key IN ({marks})"  # noqa: S608  (marks only)
        found.update((file, int(position)) for file, position in archive.db.execute(query, chunk))
    return found


def _spellings(archive: Archive, entity: str, scope: str) -> dict[str, Counter[str]]:
    """Unit -> metric spellings with how many archived claims use each, in one entity and scope."""
    found: dict[str, Counter[str]] = {}
    for unit, metric, count in archive.db.execute(
        "SELECT unit, metric, count(*) FROM spellings WHERE entity = ? AND scope = ? GROUP BY unit, metric",
        (entity, scope),
    ):
        found.setdefault(unit, Counter())[metric] = int(count)
    return found


def _article_unit(archive: Archive, file: str, position: int) -> tuple[Article, list[Claim], list[Mention]]:
    """One archived article with its claims and mentions, as extraction gave them."""
    (blob,) = archive.db.execute(
        "SELECT unit FROM article_units WHERE file = ? AND position = ?", (file, position)
    ).fetchone()
    loaded = pickle.loads(blob)  # noqa: S301  (an archive is trusted, as the module says)
    assert isinstance(loaded, tuple) and isinstance(loaded[0], Article)
    return loaded
