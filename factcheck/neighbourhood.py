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
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .archive import Archive, extractor_version
from .blocking import SEP, article_keys, block_entity, cluster_key, head
from .catalogue import Catalogue
from .checks._util import overlaps
from .checks.sum import place_part
from .cluster import Block, Cluster, canonical_names
from .gcpause import kept
from .lexicon import Lexicon
from .load import Extracted
from .models import Article, Claim, Mention, Skipped
from .stems import scope_key


@dataclass
class Neighbourhood:
    """The part of an archive a draft can meet, and what the report needs of the rest (names and counts)."""

    extracted: Extracted  # the archived articles loaded in full, in archive order
    catalogue: Callable[[list[Article]], Catalogue]  # the drafts, then every archived article (built when listed)
    skipped: list[Skipped]
    claims: int  # claims in the whole archive
    spellings: dict[Block, Counter[str]]  # each block's metric spellings over the draft and the whole archive
    complete: set[tuple[str, str, str]]  # (entity, scope, metric head) whose clusters are loaded whole
    person_articles: dict[str, int]  # each name the draft's person names can be compared with: articles naming it


@dataclass
class Whole:
    """What a draft's check reads of the whole archive whatever the draft: its version, counts and skipped files."""

    current: bool  # every file extracted by this version
    claims: int
    articles: int
    languages: Counter[str]
    skipped: list[Skipped]


def _whole(archive: Archive, lexicon: Lexicon) -> Whole:
    prepare(archive)
    if not _current(archive, extractor_version(lexicon)):
        return Whole(False, 0, 0, Counter(), [])
    total, languages = _articles(archive)
    (claims,) = archive.db.execute("SELECT count(*) FROM claims").fetchone()
    return Whole(True, int(claims), total, languages, _skipped(archive))


class Ahead:
    """`Whole` read in a thread of its own while the draft is extracted.

    SQLite lets go of Python's lock while it reads, so counting 450k claims and the rest (a few
    hundredths of a second at 100k articles, more on a busy machine) runs on the other core beside
    spaCy's import and the draft's extraction. Its error, if any, is raised where the check would
    have met it: when the neighbourhood is loaded.
    """

    def __init__(self, path: str, lexicon: Lexicon) -> None:
        self.found: Whole | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._read, args=(path, lexicon), daemon=True)
        self.thread.start()

    def _read(self, path: str, lexicon: Lexicon) -> None:
        try:
            archive = Archive(path)
            try:
                self.found = _whole(archive, lexicon)
            finally:
                archive.close()
        except BaseException as exc:  # noqa: BLE001  (raised again in the check's own thread)
            self.error = exc

    def result(self) -> Whole:
        self.thread.join()
        if self.error is not None:
            raise self.error
        assert self.found is not None
        return self.found


def load_neighbourhood(
    path: str, drafts: Extracted, lexicon: Lexicon, repeated: int | None = 3, ahead: Ahead | None = None
) -> Neighbourhood | None:
    """The archived articles that share a blocking key with a draft (see blocking.py), loaded alone.

    `repeated` is the name-variant rule's `repeated_articles` (None when no name-variant rule runs: then
    no name key is followed). None when the archive holds a file extracted by another version: the whole
    archive is then loaded and stale files are read again, as without drafts. `ahead` has read what
    does not depend on the draft (`Ahead`).
    """
    whole = ahead.result() if ahead is not None else None
    archive = Archive(path)
    try:
        whole = whole or _whole(archive, lexicon)
        if not whole.current:
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
        persons: dict[str, int] = {}
        names = {k for k in keys if k.split(SEP, 1)[0] in ("p", "pl", "v")}
        keys -= names
        wanted: set[tuple[str, int]] = set()
        if repeated is not None:
            person_keys = {k for k in names if k.startswith("p" + SEP)}
            wanted |= _neighbours(archive, names - person_keys)
            found, persons = _persons(archive, drafts, person_keys, repeated)
            wanted |= found
        by_place = _metric_places(draft_claims, lexicon)
        narrowed = {k for k in keys if by_place.get(k)}
        targets = {k for k in keys if k.startswith("g" + SEP)}
        wanted |= _neighbours(archive, keys - narrowed - targets)
        wanted |= _near_targets(archive, targets, draft_claims)
        wanted |= _near_places(archive, {k: by_place[k] for k in narrowed} if narrowed else {})
        extracted = Extracted()
        loaded: dict[tuple[str, int], Article] = {}
        with kept():  # a bulk load of the run's longest-lived objects: no collection walks them half-made
            for (file, position), (article, claims, mentions) in _article_units(archive, _in_order(archive, wanted)):
                loaded[(file, position)] = article
                extracted.articles.append(article)
                extracted.found.append((claims, mentions))
        draft_ids = {a.id for a in drafts.articles}
        counts = _id_counts(archive, {a.id for a in extracted.articles})
        for article in extracted.articles:  # as reading the whole archive would name them
            article.id = _final_id(article, counts[article.id], draft_ids)
        extracted.relabel()
        loaded_claims = [c for claims, _ in extracted.found for c in claims]
        blocks = {
            (block_entity(c, statistics), scope_key(c.scope)) for c in [*loaded_claims, *draft_claims] if c.metric
        }
        spelled = {
            (entity, scope, unit): counted
            for entity, scope in sorted(blocks)
            for unit, counted in spellings(entity, scope).items()
        }
        total, languages = whole.articles, whole.languages

        def catalogue(head: list[Article]) -> Catalogue:
            known = {a.id: a for a in [*head, *extracted.articles]}
            return Catalogue(head, known, total, languages, lambda: _listed(path, loaded, draft_ids))

        return Neighbourhood(extracted, catalogue, whole.skipped, whole.claims, spelled, complete, persons)
    finally:
        archive.close()


def prepare(archive: Archive) -> None:
    """Indexes a draft's check reads the archive by: ids, languages, versions, places, figures and names.

    They are not in the archive's schema (archive.py is part of the extractor's version); `index` makes
    them, and a draft's check makes them on an archive made before they existed.
    """
    archive.db.execute("CREATE INDEX IF NOT EXISTS articles_id ON articles (id)")
    archive.db.execute("CREATE INDEX IF NOT EXISTS articles_language ON articles (language)")
    archive.db.execute("CREATE INDEX IF NOT EXISTS files_version ON files (version)")
    archive.db.execute("CREATE INDEX IF NOT EXISTS claims_place ON claims (scope, file)")
    archive.db.execute("CREATE INDEX IF NOT EXISTS claims_figure ON claims (metric, entity, scope, period, file)")
    archive.db.execute("CREATE INDEX IF NOT EXISTS mentions_name ON mentions (kind, text, file, article)")


def _final_id(article: Article, count: int, draft_ids: set[str]) -> str:
    """The id reading the whole archive gives an article: read.unique_ids, then marked where a draft has it."""
    name = article.id
    if count > 1:  # read.unique_ids: two folders may both hold "a.md"
        name = article.path if article.path != article.id else f"{article.path}#{article.id}"
    return f"archive:{name}" if name in draft_ids else name


def _id_counts(archive: Archive, ids: set[str]) -> Counter[str]:
    """How many archived articles have each of these ids."""
    counts: Counter[str] = Counter()
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):  # SQLite caps the parameters of one statement
        chunk = ordered[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        query = f"SELECT id, count(*) FROM articles WHERE id IN ({marks}) GROUP BY id"  # noqa: S608  (marks only)
        counts.update({name: int(n) for name, n in archive.db.execute(query, chunk)})
    return counts


def _articles(archive: Archive) -> tuple[int, Counter[str]]:
    """How many articles the archive holds, and in which languages (from the index, not the rows)."""
    languages = Counter(
        {language: int(n) for language, n in archive.db.execute("SELECT language, count(*) FROM articles GROUP BY 1")}
    )
    return sum(languages.values()), languages


def _listed(path: str, loaded: dict[tuple[str, int], Article], draft_ids: set[str]) -> list[Article]:
    """Every archived article in archive order: the loaded ones, and stubs without text for the rest."""
    archive = Archive(path)
    try:
        rows = _catalogue(archive)
    finally:
        archive.close()
    counts = Counter(stub.id for _, _, stub in rows)
    listed = []
    for file, position, stub in rows:
        article = loaded.get((file, position))
        if article is None:
            article = stub
            article.id = _final_id(stub, counts[stub.id], draft_ids)
        listed.append(article)
    return listed


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
    """Whether every archived file was extracted by this version (a draft's neighbourhood needs that).

    Two ranges of the version index (see `prepare`), not a scan of the files' rows and their blobs.
    """
    query = "SELECT 1 FROM files WHERE version < ? OR version > ? LIMIT 1"
    return archive.db.execute(query, (version, version)).fetchone() is None


def _file_order(archive: Archive, files: Iterable[str] | None = None) -> dict[str, int]:
    """The rank of each archived file (or of these) in the order `units` gives: root, then path."""
    if files is None:
        rows = archive.db.execute(
            "SELECT files.path, files.id, roots.seq FROM files JOIN roots ON files.root = roots.seq"
        ).fetchall()
    else:
        rows = []
        ordered = sorted(set(files))
        for start in range(0, len(ordered), 500):  # SQLite caps the parameters of one statement
            chunk = ordered[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            query = (
                "SELECT files.path, files.id, roots.seq FROM files JOIN roots ON files.root = roots.seq"
                f" WHERE files.path IN ({marks})"  # noqa: S608  (marks only)
            )
            rows.extend(archive.db.execute(query, chunk))
    rows.sort(key=lambda r: (r[2], Path(r[1]).parts))
    return {path: rank for rank, (path, _, _) in enumerate(rows)}


def _in_order(archive: Archive, wanted: set[tuple[str, int]]) -> list[tuple[str, int]]:
    rank = _file_order(archive, {file for file, _ in wanted})
    return sorted(wanted, key=lambda item: (rank[item[0]], item[1]))


def _catalogue(archive: Archive) -> list[tuple[str, int, Article]]:
    """Every archived article as a stub without its text, in the order `units` gives."""
    rank = _file_order(archive)
    rows: list[tuple[str, int, Article]] = []
    for file, position, *fields in archive.db.execute(
        "SELECT file, position, id, path, title, url, outlet, published, published_evidence, language,"
        " published_after FROM articles"
    ):
        article_id, path, title, url, outlet, published, evidence, language, after = fields
        stub = Article(article_id, path, "", language, title or "", None, url or "", outlet or "")
        stub.published = date.fromisoformat(published) if published else None
        stub.published_evidence = evidence
        stub.published_after = date.fromisoformat(after) if after else None
        rows.append((file, position, stub))
    rows.sort(key=lambda row: (rank.get(row[0], len(rank)), row[1]))
    return rows


def _skipped(archive: Archive) -> list[Skipped]:
    """The archive's skipped files and records, in archive order."""
    found = archive.db.execute("SELECT file, path, reason, rowid FROM skipped").fetchall()
    rank = _file_order(archive, {file for file, _, _, _ in found})
    found.sort(key=lambda row: (rank.get(row[0], len(rank)), row[3]))
    return [Skipped(path, reason) for _, path, reason, _ in found]


def _metric_places(claims: list[Claim], lexicon: Lexicon) -> dict[str, tuple[set[str], set[str]]]:
    """Each `m|` key of the draft's regional claims -> (their places, the periods the nation's figures matter).

    A metric as written (or a share's whole) is compared across articles within one place (the whole
    of a share, with or without a breakdown: "Jambi/perkotaan") and, for the same entity, metric and
    period, between a place's count and the nation's (sum.py, only for a figure `place_part` takes); the other
    comparisons across places (a regency and its province) stay inside one article. A key that a
    national figure of the draft has is not here: it meets every place.
    """
    places: dict[str, tuple[set[str], set[str]]] = {}
    national: set[str] = set()
    for claim in claims:
        written = [claim.metric] if claim.metric else []
        if claim.population:
            written.append(claim.population.split()[0])
        place = claim.scope.split("/")[0].rstrip("?")
        for metric in written:
            key = SEP.join(("m", claim.entity, metric))  # as blocking.claim_keys writes it
            if not place:
                national.add(key)
                continue
            own, periods = places.setdefault(key, (set(), set()))
            own.add(place)
            if claim.period is not None and metric == claim.metric and place_part(claim, lexicon.place_kinds):
                periods.add(claim.period.label)
    return {key: near for key, near in places.items() if key not in national}


def _near_places(archive: Archive, keys: dict[str, tuple[set[str], set[str]]]) -> set[tuple[str, int]]:
    """(file, position) of every article with one of these keys that has a figure its key's draft can meet.

    That is any figure in one of the draft's places (so a share whose whole is the key and whose part
    is there is kept too), or a national figure of the key's entity and metric in one of its periods.
    Both are index ranges (see `prepare`); the key's articles are then kept by their file.
    """
    placed: dict[str, set[str]] = {}  # place -> the files with a figure there
    for place in sorted({place for own, _ in keys.values() for place in own}):
        # "Jambi", "Jambi?", "Jambi/perkotaan", "Jambi?/perkotaan" sort before "Jambi@"; "Jambi Baru" is not Jambi
        # DISTINCT: a file states a place's figures many times over (20k rows for a kota of 5k files at 100k)
        query = "SELECT DISTINCT scope, file FROM claims INDEXED BY claims_place WHERE scope >= ? AND scope < ?"
        rows = archive.db.execute(query, (place, place + "@"))
        placed[place] = {file for scope, file in rows if scope.split("/")[0].rstrip("?") == place}
    found: set[tuple[str, int]] = set()
    for key, (own, periods) in sorted(keys.items()):
        _, entity, metric = key.split(SEP, 2)
        marks = ", ".join("?" * len(periods))
        meeting = {
            file
            for (file,) in archive.db.execute(
                f"SELECT file FROM claims WHERE metric = ? AND entity = ? AND scope = '' AND period IN ({marks})",  # noqa: S608  (marks only)
                [metric, entity, *sorted(periods)],
            )
        }
        for place in own:
            meeting |= placed[place]
        rows = archive.db.execute("SELECT file, position FROM blocking WHERE key = ?", (key,))
        found.update((file, int(position)) for file, position in rows if file in meeting)
    return found


def _near_targets(archive: Archive, keys: set[str], drafts: list[Claim]) -> set[tuple[str, int]]:
    """(file, position) of the articles with a `g|` key whose target can echo a draft's gap or be echoed by it.

    A gap's echo (sum.py `_echoes`) stands in the first article, in id order, stating a target of the
    same unit, entity and year whose interval meets the gap's target. So a draft's gap meets the
    articles whose target meets a draft target (the first set), an archived gap that a draft could echo
    stands in one of those, and whether an earlier article echoes it instead needs the articles whose
    target meets one of theirs (the second set).
    """
    found: set[tuple[str, int]] = set()
    for key in sorted(keys):
        _, entity, unit, year = key.split(SEP, 3)
        mine = [
            (c.low, c.high)
            for c in drafts
            if c.modality == "target"
            and c.period is not None
            and (c.entity, c.unit, str(c.period.end.year)) == (entity, unit, year)
        ]
        rows = archive.db.execute(
            "SELECT b.file, b.position, c.low, c.high FROM blocking b JOIN claims c ON c.file = b.file"
            " WHERE b.key = ? AND c.modality = 'target' AND c.entity = ? AND c.unit = ?"
            " AND substr(c.period_end, 1, 4) = ?",
            (key, entity, unit, year),
        ).fetchall()
        first = [r for r in rows if any(overlaps(r[2], r[3], low, high) for low, high in mine)]
        met = [(r[2], r[3]) for r in first]
        second = [r for r in rows if any(overlaps(r[2], r[3], low, high) for low, high in met)]
        found.update((file, int(position)) for file, position, _, _ in [*first, *second])
    return found


def _persons(
    archive: Archive, drafts: Extracted, keys: set[str], repeated: int
) -> tuple[set[tuple[str, int]], dict[str, int]]:
    """The archived articles a draft's person names need, and how many articles name each name they meet.

    The name-variant rule pairs two spellings that differ in one word (the `p|` keys), and a pair needs
    one of the two in fewer than `repeated` articles (both more often: two real people). A draft's
    name in thousands of articles beside a variant in thousands is then no pair: only the counts are
    needed, read from the mentions table; the articles of both names are loaded when a pair is possible,
    since the rule reads every mention of the two (their titles, every article of the variant).
    """
    if not keys:
        return set(), {}
    ordered = sorted(keys)
    marks = ", ".join("?" * len(ordered))
    # every name one word apart from a draft's, as a LIKE pattern each (words apart by anything, so that a
    # name written across a line break is found too, and any case; the names are then compared word by word)
    patterns = sorted(
        {
            "%" + "%".join("%" if j == i else _escape(w) for j, w in enumerate(name.split())) + "%"
            for article in drafts.found
            for mention in article[1]
            if mention.kind == "person"
            for name in [" ".join(mention.text.split())]
            for i in range(len(name.split()))
        }
    )
    likes = " OR ".join("text LIKE ? ESCAPE '\\'" for _ in patterns)
    rows = archive.db.execute(
        f"SELECT DISTINCT file, article, text FROM mentions WHERE kind = 'person' AND ({likes})",  # noqa: S608
        patterns,
    ).fetchall()
    draft_names: dict[str, set[str]] = {}
    for article, (_, mentions) in zip(drafts.articles, drafts.found):
        for mention in mentions:
            if mention.kind == "person":
                draft_names.setdefault(" ".join(mention.text.split()), set()).add(article.id)
    files: dict[str, set[str]] = {}
    articles: dict[str, set[tuple[str, str]]] = {}
    for file, article, text in rows:
        name = " ".join(text.split())
        articles.setdefault(name, set()).add((file, article))
        files.setdefault(name, set()).add(file)
    counts = {name: len(articles.get(name, ())) + len(ids) for name, ids in draft_names.items()}
    counts |= {name: len(found) for name, found in articles.items() if name not in draft_names}
    needed: set[str] = set()
    met: dict[str, int] = {}
    for name in draft_names:
        for other in counts:
            if _one_word_apart(name, other):
                met[name], met[other] = counts[name], counts[other]
                if min(counts[name], counts[other]) < repeated:
                    needed |= files.get(name, set()) | files.get(other, set())
            elif other == name:
                met[name] = counts[name]
    if not needed:
        return set(), met  # no pair is possible: the names' keys, shared by thousands of articles, load none
    wanted = {
        (file, int(position))
        for file, position in archive.db.execute(
            f"SELECT DISTINCT file, position FROM blocking WHERE key IN ({marks})",  # noqa: S608  (marks only)
            ordered,
        )
        if file in needed
    }
    return wanted, met


def _escape(word: str) -> str:
    """A word as a LIKE pattern matches it (backslash escapes)."""
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _one_word_apart(a: str, b: str) -> bool:
    """Two names of as many words that differ in exactly one: the rule's blocks (a name without word i)."""
    words_a, words_b = a.split(), b.split()
    return len(words_a) == len(words_b) and sum(x != y for x, y in zip(words_a, words_b)) == 1


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


def _article_units(
    archive: Archive, wanted: list[tuple[str, int]]
) -> Iterator[tuple[tuple[str, int], tuple[Article, list[Claim], list[Mention]]]]:
    """Each wanted archived article with its claims and mentions, as extraction gave them, in this order.

    The blobs are read 500 files to a statement, not one statement per article.
    """
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        files = sorted({file for file, _ in chunk})
        marks = ", ".join("?" * len(files))
        query = f"SELECT file, position, unit FROM article_units WHERE file IN ({marks})"  # noqa: S608  (marks only)
        blobs = {(file, int(position)): blob for file, position, blob in archive.db.execute(query, files)}
        for item in chunk:
            loaded = pickle.loads(blobs[item])  # noqa: S301  (an archive is trusted, as the module says)
            assert isinstance(loaded, tuple) and isinstance(loaded[0], Article)
            yield item, loaded
