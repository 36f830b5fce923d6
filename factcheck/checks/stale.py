"""stale: a figure presented as the current state when it is not.

Two ways a figure is presented as current:
- a current cue ("sekarang", "saat ini") on a figure whose own period is long
  before the article: flagged when it is older than `max_age_months` (default
  12), or older than `newer_available_months` (default 6) while the corpus holds
  a newer figure of the same metric that was published before the article;
- no "saat ini", but the words present the figure as the latest release ("data
  terbaru", cue `latest` in the lexicon) or as today's yardstick ("rata-rata
  nasional 9,4 persen", cue `reference`), and a newer figure of the same metric,
  entity and scope had been published in another article at least
  `newer_published_days` (default 30) days before this one.

Most articles quote older figures for good reasons (history, comparisons, "pada
2020"), so the second way asks for much more: the article's publication date is
known (not only a lower bound), no figure of that metric in the article is as
new as the newer one, the metric is a level and not a flow (a year's claims are
not superseded by next year's), the figure does not agree with the newer one,
and a figure the article does not date in its own clause must agree with an
older release of its series (so it is that release, not a newer one the corpus
lacks). A dated yardstick ("rata-rata nasional tahun 2022") is the writer's choice.

Example: an article of 2024-08-21 compares a province with "rata-rata nasional
9,4 persen (BPS, 2024)"; 9,4 is the Maret 2023 rate (9,36), while 9,03 persen for
Maret 2024 was published on 2024-07-01: flagged, naming 9,03 persen, its article
and its date.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from datetime import date, timedelta

from ..cluster import Cluster
from ..messages import Items, Message, Value, message
from ..models import Claim, Finding
from . import Context, Rule
from ._util import (
    clause_around,
    cue_before,
    figure,
    generic,
    group_label,
    metric_label,
    metric_strength,
    months_between,
    overlaps,
    period_strength,
)

# how close a cue must stand before the figure, in words: a yardstick names its figure at once
# ("rata-rata nasional sebesar 9,4 persen"), "data terbaru" may open the clause
REFERENCE_WINDOW = 4
LATEST_WINDOW = 10


def run(context: Context, rule: Rule) -> list[Finding]:
    return _current_cue(context, rule) + _presented_as_latest(context, rule)


def _current_cue(context: Context, rule: Rule) -> list[Finding]:
    """Figures with "sekarang" or "saat ini" whose own period is long before the article."""
    limit = float(rule.option("max_age_months", 12))
    newer_limit = float(rule.option("newer_available_months", 6))
    newest: dict[int, _Newest] = {}  # per cluster, built on first use
    reported: dict[int, list[Claim]] = {}  # per cluster, its claims of reported articles, built on first use
    findings = []
    for claim in context.claims:
        period = claim.period
        published = claim.published or claim.published_after  # a lower bound gives a lower bound on the age
        if not claim.current_cue or period is None or period.granularity == "current" or published is None:
            continue
        if claim.modality not in ("actual", "share"):
            continue
        age = months_between(period.end, published)
        cluster = context.cluster_of(claim)
        if not context.reports(claim.article_id) and not _reported_newer(context, claim, cluster, reported):
            continue  # its finding would quote it and its newer figure: none of them reported
        newer = None
        if age > newer_limit and cluster is not None and claim.published is not None:
            if id(cluster) not in newest:
                newest[id(cluster)] = _Newest(cluster.claims)
            newer = newest[id(cluster)].newer(claim)
        if age <= limit and newer is None:
            continue
        said = message(
            "stale.current.undated" if claim.published is None else "stale.current",
            figure=" ".join(claim.text.split()),
            cue=claim.current_cue,
            period=period.text.strip(),
            n=round(age),
            published=("≥" if claim.published is None else "") + published.isoformat(),
        )
        involved = [claim]
        if newer is not None:
            when: Value = newer.period.text.strip() if newer.period else message("period.later")
            said = message("stale.current.newer", message=said, newer=" ".join(newer.text.split()), period=when)
            involved.append(newer)
        findings.append(context.finding(rule, said, involved, group_label(claim)))
    return findings


def _reported_newer(context: Context, claim: Claim, cluster: Cluster | None, reported: dict[int, list[Claim]]) -> bool:
    """Whether a reported article (a draft) holds a figure `_Newest.newer` could give for this claim.

    The cluster's reported claims are listed once (`reported`), not looked for among every claim of the
    cluster for each of its figures: a draft's cluster in a large archive holds thousands.
    """
    if cluster is None or claim.period is None or claim.published is None:
        return False
    if id(cluster) not in reported:
        reported[id(cluster)] = [c for c in cluster.claims if context.reports(c.article_id)]
    end, published = claim.period.end, claim.published
    return any(
        c.period is not None and c.period.end > end and c.published is not None and c.published <= published
        for c in reported[id(cluster)]
    )


class _Newest:
    """A cluster's releases by publication date, with the latest figure published up to each.

    With it the latest figure of another article is kept too, so that the newest figure
    before an article is a bisection, not a scan of the cluster.
    """

    def __init__(self, cluster: list[Claim]) -> None:
        releases = sorted(
            (c for c in cluster if _release(c) and c.period is not None and c.published is not None),
            key=lambda c: c.published or date.min,
        )
        self.published = [c.published or date.min for c in releases]
        # the latest period first, then the greatest article id, then the first in the cluster (as max() keeps it)
        order = {id(c): i for i, c in enumerate(cluster)}
        self.best: list[tuple[Claim, Claim | None]] = []
        first: Claim | None = None
        second: Claim | None = None  # the best of the articles other than first's
        for claim in releases:
            if first is None or self._key(claim, order) > self._key(first, order):
                if first is not None and first.article_id != claim.article_id:
                    second = first  # else second, of another article than first's, stays the best of the others
                first = claim
            elif claim.article_id != first.article_id and (
                second is None or self._key(claim, order) > self._key(second, order)
            ):
                second = claim
            self.best.append((first, second))

    @staticmethod
    def _key(claim: Claim, order: dict[int, int]) -> tuple[date, str, int]:
        assert claim.period is not None
        return claim.period.end, claim.article_id, -order[id(claim)]

    def newer(self, claim: Claim) -> Claim | None:
        """A figure of the same metric for a later period, published no later than this article (the latest one)."""
        assert claim.period is not None and claim.published is not None
        count = bisect_right(self.published, claim.published)
        if not count:
            return None
        first, second = self.best[count - 1]
        found = first if first.article_id != claim.article_id else second
        if found is None or found.period is None or found.period.end <= claim.period.end:
            return None
        return found


def _release(claim: Claim) -> bool:
    """Whether a claim states one release of a series plainly: its metric, its own date, a certain place."""
    return (
        claim.modality == "actual"
        and claim.period is not None
        and claim.period.granularity not in ("current", "range")
        and not claim.in_title
        and "?" not in claim.scope
        and metric_strength(claim) == 2
        and period_strength(claim) == 2
    )


def _cue(context: Context, claim: Claim) -> tuple[str, str]:
    """("latest" | "reference", the cue as written) when the words present the figure as today's, else ("", "")."""
    article = context.articles.get(claim.article_id)
    if article is None:
        return "", ""
    language = context.lexicon.language(article.language)
    # a cue before another figure of the sentence is that figure's ("data terbaru 9,03 persen, dan 25,22 juta")
    previous = [c.end for c in context.by_article.get(claim.article_id, []) if c.end <= claim.start]
    before, _ = clause_around(claim, article, language, since=max(previous, default=0))
    cues = language.period_cues
    for kind, window in (("latest", LATEST_WINDOW), ("reference", REFERENCE_WINDOW)):
        found = cue_before(before, [str(c) for c in cues.get(kind, [])], window)
        if found:
            return kind, found
    return "", ""


def _suspect(context: Context, claim: Claim) -> bool:
    """A figure that could be presented as the latest: a level, in a certain place, in an article of known date."""
    return (
        claim.published is not None
        and claim.modality == "actual"
        and not claim.baseline
        and not claim.in_title
        and not claim.current_cue  # the first way's business
        and claim.period is not None
        and claim.period.granularity != "range"
        and "?" not in claim.scope
        and metric_strength(claim) >= 1
        and not generic(claim, context.lexicon)
    )


def _presented_as_latest(context: Context, rule: Rule) -> list[Finding]:
    """Figures the words present as the latest, while a newer one had long been published elsewhere."""
    min_days = int(rule.option("newer_published_days", 30))
    findings = []
    for cluster in context.clusters:
        if not any(context.reports(c.article_id) for c in cluster.claims):
            continue  # its findings quote figures of the cluster only: none of them reported
        if context.lexicon.is_flow(cluster.metric):
            continue  # a year's claims paid are not superseded by the next months' claims
        label = metric_label(context.lexicon, cluster.metric)
        releases = [c for c in cluster.claims if _release(c)]
        reported = [c.published or c.published_after for c in releases if context.reports(c.article_id)]
        indexed: _Releases | None = None
        for claim in cluster.claims:
            if not _suspect(context, claim):
                continue
            if not context.reports(claim.article_id) and not _may_cite(reported, claim, min_days):
                continue  # its finding would quote it and releases of unreported articles only
            kind, cue = _cue(context, claim)
            if not kind:
                continue
            if indexed is None:
                indexed = _Releases(cluster.claims, releases)
            found = _superseded(claim, kind, indexed, min_days)
            if found is None:
                continue
            newer, copies, older = found
            findings.append(
                context.finding(
                    rule,
                    _message(claim, cue, newer, copies, older),
                    [claim, newer, *copies, *([older] if older else [])],
                    group_label(claim, label),
                )
            )
    return findings


def _may_cite(reported: list[date | None], claim: Claim, min_days: int) -> bool:
    """Whether a reported release, published (or at least) on these dates, can be one `_superseded` quotes.

    It quotes the newer release (published `min_days` before the claim's article), its copies and the
    older release (no later than the article), or of no known date: a draft dated after every archived
    article quotes none.
    """
    if claim.published is None:
        return True
    latest = claim.published + timedelta(days=max(0, -min_days))  # a negative `newer_published_days` reaches past it
    return any(when is None or when <= latest for when in reported)


def _superseded(
    claim: Claim, kind: str, releases: _Releases, min_days: int
) -> tuple[Claim, list[Claim], Claim | None] | None:
    """The newer release that supersedes `claim`, its other statements, and the older release `claim` repeats.

    The older release is looked for only for a figure its clause does not date. None
    when the figure may well be current.
    """
    assert claim.period is not None and claim.published is not None
    published = claim.published
    dated = period_strength(claim) == 2 and claim.period.granularity != "current"
    if dated and kind == "reference":
        return None  # "rata-rata nasional tahun 2022": the writer chose the year
    try:
        cutoff = published - timedelta(days=min_days)  # a release this old or older was available
    except OverflowError:
        return None
    newest_end = releases.newest_end(cutoff, claim.article_id)
    if newest_end is None:
        return None
    newest = [
        r
        for r in releases.by_end[newest_end]
        if r.article_id != claim.article_id and r.published is not None and r.published <= cutoff
    ]
    # every two of them agree exactly when their intervals share a point
    if max(r.low for r in newest) > min(r.high for r in newest):
        return None  # the newer release itself is disputed: the conflict kind's business
    if any(overlaps(claim.low, claim.high, r.low, r.high) for r in newest):
        return None  # the figure is the newer one
    own = [
        c
        for c in releases.by_article.get(claim.article_id, [])
        if c is not claim
        and c.modality == "actual"
        and period_strength(c) == 2
        and c.period is not None
        and c.period.granularity != "current"
        and c.period.end >= newest_end
    ]
    if own:
        return None  # the article knows a figure as new: this one is history or a comparison
    newer = min(newest, key=lambda r: (r.published, r.article_id, r.start))
    older = None
    if dated:
        if claim.period.end >= newest_end:
            return None
    else:
        # undated or dated only by a citation ("BPS, 2024"): it must be an older release, not a newer one we lack
        older = releases.repeated(claim, newest_end)
        if older is None:
            return None
    copies = _copies(newer, releases.by_label.get(newer.period.label if newer.period else "", []), published)
    return newer, copies, older


class _Releases:
    """A cluster's releases indexed for `_superseded`: by period end, by publication date, by article, by label.

    Scanning every release of the cluster for each figure presented as the latest made the check
    quadratic in an archive whose clusters grow with it; each question is now a bisection or a
    look at one period's releases, with the same answers in the same order.
    """

    def __init__(self, cluster: list[Claim], releases: list[Claim]) -> None:
        self.by_end: dict[date, list[Claim]] = defaultdict(list)  # in the cluster's order
        for release in releases:
            assert release.period is not None
            self.by_end[release.period.end].append(release)
        self.ends = sorted(self.by_end)
        dated = sorted((r for r in releases if r.published is not None), key=lambda r: r.published or date.min)
        self.published = [r.published or date.min for r in dated]
        # up to each release by date: the latest period end, and the latest of another article than its own
        self.latest: list[tuple[tuple[date, str], tuple[date, str] | None]] = []
        best: tuple[date, str] | None = None
        other: tuple[date, str] | None = None
        for release in dated:
            assert release.period is not None
            end, article = release.period.end, release.article_id
            if best is None:
                best = (end, article)
            elif end > best[0]:
                if article != best[1]:
                    other = best
                best = (end, article)
            elif article != best[1] and (other is None or end > other[0]):
                other = (end, article)
            self.latest.append((best, other))
        self.by_article: dict[str, list[Claim]] = defaultdict(list)
        for claim in cluster:
            self.by_article[claim.article_id].append(claim)
        # each period's releases as `_copies` reads them (sorted, ties in the cluster's order)
        self.by_label: dict[str, list[Claim]] = defaultdict(list)
        for release in sorted(releases, key=lambda r: (r.article_id, r.start)):
            assert release.period is not None
            self.by_label[release.period.label].append(release)

    def newest_end(self, cutoff: date, article_id: str) -> date | None:
        """The latest period end of the releases published by `cutoff` in articles other than `article_id`."""
        count = bisect_right(self.published, cutoff)
        if not count:
            return None
        best, other = self.latest[count - 1]
        found = best if best[1] != article_id else other
        return found[0] if found is not None else None

    def repeated(self, claim: Claim, newest_end: date) -> Claim | None:
        """The latest older release (before `newest_end`) of another article that `claim` agrees with."""
        assert claim.published is not None
        published = claim.published
        for end in reversed(self.ends[: bisect_left(self.ends, newest_end)]):
            found = [
                r
                for r in self.by_end[end]
                if r.article_id != claim.article_id
                and overlaps(claim.low, claim.high, r.low, r.high)
                and (r.published or r.published_after or published) <= published
            ]
            if found:  # the latest period wins; among its releases, a known date, then the greatest article
                return max(found, key=lambda r: (r.published is not None, r.article_id))
        return None


def _copies(newer: Claim, releases: list[Claim], published: date) -> list[Claim]:
    """Every other statement of the newer figure in articles not known to be later than the checked one.

    As the conflict kind quotes every statement of each value, so does this: the
    reader sees how widely the newer figure had been reported. `releases` are those of the
    newer figure's period, sorted by article and offset.
    """
    copies = []
    for release in releases:
        when = release.published or release.published_after
        if (
            release is newer
            or release.period is None
            or newer.period is None
            or release.period.label != newer.period.label
            or not overlaps(release.low, release.high, newer.low, newer.high)
            or when is None
            or when > published
        ):
            continue
        copies.append(release)
    return copies


def _message(claim: Claim, cue: str, newer: Claim, copies: list[Claim], older: Claim | None) -> Message:
    assert claim.published is not None and newer.published is not None
    days = (claim.published - newer.published).days
    text = " ".join(claim.text.split())
    when = claim.period.text.strip().strip("()") if claim.period and claim.period.granularity != "current" else ""
    own = f" ({when})" if when else ""  # a citation's own brackets: "(BPS, 2024)"
    latest: dict[str, Value] = {
        "figure": text + own,
        "cue": cue,
        "article": claim.article_id,
        "published": claim.published.isoformat(),
    }
    if older is not None:
        said = message("stale.latest.matches", **latest, older=figure(older), older_article=older.article_id)
    else:
        said = message("stale.latest", **latest)
    said = message(
        "stale.latest.newer",
        message=said,
        newer=figure(newer),
        newer_article=newer.article_id,
        date=newer.published.isoformat(),
        n=days,
    )
    others = {c.article_id: _date_text(c) for c in copies if c.article_id != newer.article_id}
    if others:
        also = Items(tuple(_in_on(article, on) for article, on in others.items()))
        said = message("stale.latest.also", message=said, articles=also)
    return said


def _in_on(article: str, on: Value) -> Value:
    """ "a.md (2024-05-07)": an article and its date (a date the tool does not know is said in words)."""
    return f"{article} ({on})" if isinstance(on, str) else message("article.on", article=article, date=on)


def _date_text(claim: Claim) -> Value:
    if claim.published is not None:
        return claim.published.isoformat()
    return f"≥{claim.published_after.isoformat()}" if claim.published_after else message("date.unknown")
