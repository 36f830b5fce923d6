"""scale: a figure off by a power of a thousand, or written in the wrong unit.

Four slips, each flagged only where the figures around it say which reading is right:

- **Same figure, two magnitudes.** Two figures for one metric and period a power
  of a thousand apart ("Rp 752 miliar" against "Rp 752 triliun"), or the same
  digits as persen and as juta in one group.
- **Off its series, and written so.** A figure a power of a thousand away from its
  series (the same entity, scope and metric within `series_months`) whose writing
  explains the slip: a fractional count with no magnitude word ("4,2 penumpang"
  among "3,9 juta penumpang"), a magnitude word after a number already written in
  thousands ("12.500 ribu" where the series is near 12.500), or digits written out
  with the zeros of the wrong magnitude ("272.200.000 orang" where the series is
  near 265 ribu).
- **Rate and count twins.** A count written with the rate's unit, or the reverse
  ("September 2021 sebesar 26,50 persen" in a list of counts in juta, while
  another article gives 26,50 juta for that month and the rate is near 10
  persen). A count metric's rate is its `as_percent` in rules/metrics.yml. Two of
  three signs are needed: the twin with the same digits for the same period, the
  figure's own sentence counting in the other unit, and its own series far away.
- **Basis points for points.** A change in basis poin that fits its two levels
  only when read in persen poin, or the reverse ("turun 0,19 basis poin dari
  4,60 persen menjadi 4,41 persen": the levels are 0,19 points, 19 basis poin).

Options: `factors` (ratios that count as a slip, default 1e3, 1e6, 1e9),
`tolerance` (how close to the factor two figures of one period must be,
relative, default 0.005), `series_tolerance` (how close a figure must come to
its series once the slip is undone, relative, default 0.2), `series_months`
(how far apart in time a series' figures may be, default 12) and
`points_slack` (extra tolerance for a change in points, default 0.005).
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from functools import lru_cache

from ..cluster import Cluster, scope_key
from ..lexicon import Language
from ..messages import Items, Message, Number, Value, message
from ..models import Claim, Finding
from ..numfmt import amount
from . import Context, Rule
from ._util import MONTH_DAYS, figure, figure_in, group_label, metric_label, metric_strength, months_between, overlaps
from .conflict import period_key

# The numeral a claim's text starts with (after any currency) and the word right after it.
NUMERAL = re.compile(r"(\d(?:[\d.,]*\d)?)\s*([^\W\d_]+)?")
# Series points are levels: changes, gaps, shares and targets are other series.
LEVEL = "actual"


def run(context: Context, rule: Rule) -> list[Finding]:
    """Every slip of scale or unit in the corpus; the checks that can say which figure is wrong go first.

    Example: "12.500 ribu" (Maret 2024) beside 12.100 (Februari 2024) and 11.800
    (Januari 2024) of one series gives one finding, which names "12.500 ribu" as
    the figure whose "ribu" is one magnitude too many; the same-period pairing
    then leaves that figure alone.
    """
    series = _series_slips(context, rule)
    suspects = {_uids(finding)[0] for finding in series}
    findings = series + _same_period(context, rule, suspects)
    findings += _twins(context, rule, {uid for finding in findings for uid in _uids(finding)})
    findings += _basis_points(context, rule)
    return findings


def _uids(finding: Finding) -> list[str]:
    """The claims a finding quotes, as Claim.uid ("article:offset"), in its order."""
    return [f"{e.article}:{e.start}" for e in finding.evidence]


# --- same figure, two magnitudes ------------------------------------------------------------------


def _same_period(context: Context, rule: Rule, suspects: set[str]) -> list[Finding]:
    """Two figures of one metric and period a power of a thousand apart, or persen and juta with one set of digits."""
    factors = [float(f) for f in rule.option("factors", [1e3, 1e6, 1e9])]
    tolerance = float(rule.option("tolerance", 0.005))
    groups: dict[tuple[str, str, str, str, str], list[Claim]] = defaultdict(list)
    for claim in context.claims:
        period = period_key(claim, context.lexicon.is_flow(claim.metric))
        if period is None or claim.in_title or not claim.metric or claim.modality == "change" or claim.baseline:
            continue
        groups[(claim.entity, claim.scope.lower(), claim.metric, claim.modality, period)].append(claim)
    findings = []
    for key in sorted(groups):
        ordered = sorted(groups[key], key=lambda c: (c.value, c.unit, c.article_id, c.start))
        # one representative per distinct figure keeps the pairing small in a large archive
        first_of: dict[tuple[float, str], Claim] = {}
        for claim in ordered:
            first_of.setdefault((claim.value, claim.unit), claim)
        claims = list(first_of.values())
        reported: set[tuple[float, float, str]] = set()
        candidates = _Candidates(claims, factors, tolerance)
        for small in claims:
            for large in candidates.of(small):
                if small.value <= 0 or large.value <= small.value:
                    continue
                if small.uid in suspects or large.uid in suspects:
                    continue  # the series check already said which of the two is wrong, and why
                ratio = large.value / small.value
                same_unit = small.unit == large.unit
                slip = same_unit and any(abs(ratio / f - 1) <= tolerance for f in factors)
                unit_swap = {small.unit, large.unit} == {"percent", "count"} and overlaps(
                    *_as_written(small), *_as_written(large)
                )
                signature = (small.value, large.value, small.unit + large.unit)
                if not (slip or unit_swap) or signature in reported or small.article_id == large.article_id:
                    continue
                reported.add(signature)
                if slip:
                    said = message(
                        "scale.factor",
                        small=figure(small),
                        small_article=small.article_id,
                        large=figure(large),
                        large_article=large.article_id,
                        factor=Number(round(ratio)),
                    )
                else:
                    said = message("scale.unit-swap", small=figure(small), large=figure(large))
                findings.append(context.finding(rule, said, [small, large], group_label(small)))
    return findings


class _Candidates:
    """The figures of a group (sorted by value) that can pair with one: a factor away, or sharing its digits.

    Pairing every figure with every other was quadratic in a group, which grows with an archive; the
    pairs that can pass the checks in `_same_period` are found by bisection instead, and met in the
    group's order, so the findings are the same.
    """

    def __init__(self, claims: list[Claim], factors: list[float], tolerance: float) -> None:
        self.claims = claims
        self.values = [c.value for c in claims]
        self.factors = factors
        self.tolerance = tolerance
        # each unit's figures by their digits as written, for the persen-for-juta swap
        self.written: dict[str, tuple[list[float], list[tuple[float, float, int]], float]] = {}
        for unit in ("percent", "count"):
            spans = sorted((*_as_written(c), i) for i, c in enumerate(claims) if c.unit == unit)
            widest = max((high - low for low, high, _ in spans), default=0.0)
            self.written[unit] = ([low for low, _, _ in spans], spans, widest)

    def of(self, small: Claim) -> list[Claim]:
        found: set[int] = set()
        if small.value > 0:
            for factor in self.factors:
                # a little wider than the tolerance: the check itself decides, on the ratio as computed
                low = small.value * factor * (1 - self.tolerance) * (1 - 1e-9)
                high = small.value * factor * (1 + self.tolerance) * (1 + 1e-9)
                found.update(range(bisect_left(self.values, low), bisect_right(self.values, high)))
        other = {"percent": "count", "count": "percent"}.get(small.unit)
        if other is not None:
            lows, spans, widest = self.written[other]
            low, high = _as_written(small)
            start = bisect_left(lows, low - 2 * widest - 1e-9 * abs(low))  # widened: rounding of the widths
            for _, span_high, index in spans[start : bisect_right(lows, high)]:
                if span_high >= low:
                    found.add(index)
        return [self.claims[i] for i in sorted(found)]


def _as_written(claim: Claim) -> tuple[float, float]:
    """The number as the article writes it, without its magnitude (35,3 juta -> 35,3)."""
    if claim.unit == "percent" or claim.value == 0:
        return claim.low, claim.high
    magnitude = _magnitude(claim.value)
    return claim.low / magnitude, claim.high / magnitude


def _magnitude(value: float) -> float:
    """The power of a thousand a value is written in: 26500000 -> 1e6 (26,5 juta)."""
    return float(10 ** (3 * _thousands(value)))


def _thousands(value: float) -> int:
    count = 0
    while abs(value) >= 1000:
        value /= 1000
        count += 1
    return count


# --- off its series, and written so ---------------------------------------------------------------


def slip_form(claim: Claim, language: Language) -> str:
    """How a figure's writing can hide a slip of a power of a thousand, or "" when it cannot.

    "missing": a fractional count with no magnitude word beside counts that have one ("4,2 penumpang").
    "doubled": a magnitude word after a number already written in thousands ("12.500 ribu").
    "padded": millions written out in digits with trailing zero groups ("272.200.000").

    >>> from factcheck.lexicon import load_lexicon
    >>> from factcheck.models import Claim
    >>> claim = Claim("a", "a.md", 0, 11, "12.500 ribu", "", 0, 12_500_000.0, "count", 0, 0, 3)
    >>> slip_form(claim, load_lexicon().language("id"))
    'doubled'
    """
    if claim.magnitude_missing:
        return "missing"
    numeral, word = _numeral(claim.text)
    grouped = rf"\d{{1,3}}(?:{re.escape(language.group_mark)}\d{{3}})+"
    if not re.fullmatch(grouped, numeral):
        return ""  # "2.45 juta" is a sloppy decimal point, not thousands
    magnitude = language.magnitudes.get(word, 1.0)
    if magnitude > 1.0 and word not in language.approximate_magnitudes:
        return "doubled"
    groups = numeral.split(language.group_mark)
    if magnitude == 1.0 and len(groups) >= 3 and groups[-1] == "000":
        return "padded"
    return ""


def _numeral(text: str) -> tuple[str, str]:
    """The first numeral of a figure as written and the word after it ("12.500 ribu" -> "12.500", "ribu")."""
    found = NUMERAL.search(text)
    if found is None:
        return "", ""
    return found.group(1), (found.group(2) or "").lower()


def _levels(claims: list[Claim]) -> list[Claim]:
    """The levels of a cluster that can stand for its series: dated, stated in the body."""
    return [
        c
        for c in claims
        if c.modality == LEVEL
        and c.period is not None
        and c.period.granularity != "current"
        and not c.in_title
        and c.value > 0
        and metric_strength(c) >= 1
    ]


def _apart(a: Claim, b: Claim) -> float:
    """Months between the ends of two figures' periods."""
    assert a.period is not None and b.period is not None
    return abs(months_between(a.period.end, b.period.end))


def _near(value: float, other: float, tolerance: float) -> bool:
    return other > 0 and abs(value / other - 1) <= tolerance


def _series_slips(context: Context, rule: Rule) -> list[Finding]:
    """Figures a power of a thousand off their series whose writing shows where the slip is."""
    factors = [float(f) for f in rule.option("factors", [1e3, 1e6, 1e9])]
    tolerance = float(rule.option("series_tolerance", 0.2))
    window = float(rule.option("series_months", 12))
    findings = []
    for cluster in context.clusters:
        if cluster.unit in ("percent", "pp", "bp"):
            continue  # magnitude words belong to counts and money
        points = _levels(cluster.claims)
        forms = {c.uid: slip_form(c, _language(context, c)) for c in points}
        series: _Window | None = None
        for suspect in points:
            form = forms[suspect.uid]
            if not form:
                continue
            if series is None:
                series = _Window([p for p in points if not forms[p.uid]])
            # the series is the plainly written figures near in time; a copy of the slip says nothing
            near = series.near(suspect, window)
            if not near or any(_near(suspect.value, p.value, tolerance) for p in near):
                continue  # no series, or figures like this one in it: nothing to say which is right
            nearest = _neighbours(suspect, near)
            for factor in factors:
                restored = suspect.value * factor if form == "missing" else suspect.value / factor
                if all(_near(restored, p.value, tolerance) for p in nearest):
                    said = _series_message(context, suspect, form, factor, restored, nearest)
                    findings.append(context.finding(rule, said, [suspect, *nearest[:3]], _label(cluster)))
                    break
    return findings


class _Window:
    """A series' plainly written figures by the end of their period: those near a figure, by bisection.

    Scanning the whole cluster for every suspect figure made the check quadratic in an archive
    whose clusters grow with it; the figures come back in the cluster's order, as the scan gave them.
    """

    def __init__(self, plain: list[Claim]) -> None:
        self.plain = plain
        self.order = sorted(range(len(plain)), key=lambda i: _end_day(plain[i]))
        self.days = [_end_day(plain[i]) for i in self.order]

    def near(self, suspect: Claim, window: float) -> list[Claim]:
        day, reach = _end_day(suspect), _reach(window)
        # the days within reach are exactly the figures `_apart` puts within the window: no test of each one
        # (a national series grows with the archive, and so do its suspects: 2.1M tests at 100k articles)
        return [
            self.plain[i]
            for i in sorted(self.order[bisect_left(self.days, day - reach) : bisect_right(self.days, day + reach)])
        ]


@lru_cache(maxsize=16)
def _reach(window: float) -> int:
    """The most days two periods' ends may be apart for `_apart` to put them within `window` months (-1: none)."""
    days = int(max(window, 0.0) * MONTH_DAYS) + 2
    while days >= 0 and not abs(days / MONTH_DAYS) <= window:  # the same float test as `_apart`'s, at the edge
        days -= 1
    return days


def _end_day(claim: Claim) -> int:
    assert claim.period is not None
    return claim.period.end.toordinal()


def _neighbours(suspect: Claim, near: list[Claim]) -> list[Claim]:
    """The series' figures next to a figure: the closest before it, the closest after it, and any of its period."""
    assert suspect.period is not None
    end = suspect.period.end
    same = [p for p in near if p.period is not None and p.period.end == end]
    before = [p for p in near if p.period is not None and p.period.end < end]
    after = [p for p in near if p.period is not None and p.period.end > end]
    chosen = list(same)
    if before:
        chosen.append(max(before, key=lambda p: (p.period.end if p.period else end, p.article_id, -p.start)))
    if after:
        chosen.append(min(after, key=lambda p: (p.period.end if p.period else end, p.article_id, p.start)))
    return chosen


def _series_message(
    context: Context, suspect: Claim, form: str, factor: float, restored: float, nearest: list[Claim]
) -> Message:
    code = _language(context, suspect).code
    series = Items(tuple(figure_in(p) for p in nearest[:3]))
    numeral, word = _numeral(suspect.text)
    said: dict[str, Value] = {"figure": figure(suspect), "article": suspect.article_id, "series": series}
    if form == "missing":
        return message("scale.series.missing", **said, restored=amount(restored, suspect.unit, code))
    if form == "doubled":
        return message(
            "scale.series.doubled",
            **said,
            value=amount(suspect.value, suspect.unit, code),
            factor=Number(round(factor)),
            word=word,
            numeral=numeral,
        )
    zeros = f"{_language(context, suspect).group_mark}000" * _thousands(factor)
    meant = numeral[: -len(zeros)] if numeral.endswith(zeros) else amount(restored, suspect.unit, code)
    return message("scale.series.zeros", **said, factor=Number(round(factor)), meant=meant)


def _language(context: Context, claim: Claim) -> Language:
    article = context.articles.get(claim.article_id)
    return context.lexicon.language(article.language if article else "id")


def _label(cluster: Cluster) -> str:
    where = f"{cluster.entity} ({cluster.scope})" if cluster.scope else (cluster.entity or "unknown entity")
    return f"{where} · {cluster.metric}"


# --- rate and count twins -------------------------------------------------------------------------

RATE_UNITS = {"percent": "count", "count": "percent"}


def _twin_metrics(metric: str, unit: str, context: Context) -> list[str]:
    """The metrics a figure's digits would belong to in the other unit: a count's rate, a rate's count."""
    head, *rest = metric.split()
    names = {head}
    if unit == "percent":
        names |= {m.id for m in context.lexicon.metrics if m.as_percent == head}
    else:
        known = context.lexicon.metric(head)
        if known is not None and known.as_percent:
            names.add(known.as_percent)
    return [" ".join([name, *rest]) for name in sorted(names)]


def _digits(claim: Claim) -> tuple[float, float]:
    """The digits as written, as an interval: "26,50 juta" and "26,50 persen" are both 26,495-26,505."""
    return _as_written(claim)


def _digit_form(context: Context, claim: Claim) -> bool:
    """Whether a figure's digits can be another unit's: a percentage, or a count with a magnitude word.

    "26,50 juta" and "26,50 persen" share their digits; "7.300 orang" is not "7,3" of anything.
    """
    if claim.unit == "percent":
        return True
    language = _language(context, claim)
    _, word = _numeral(claim.text)
    return language.magnitudes.get(word, 1.0) > 1.0 or word in language.approximate_magnitudes


class _Index:
    """A cluster's levels, looked up by period and by sentence, so that each figure meets only its candidates."""

    def __init__(self, cluster: Cluster, context: Context) -> None:
        self.flow = context.lexicon.is_flow(cluster.metric)
        self.levels = _levels(cluster.claims)
        self.by_period: dict[str | None, list[Claim]] = defaultdict(list)
        self.by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
        for claim in self.levels:
            self.by_period[period_key(claim, self.flow)].append(claim)
            self.by_sentence[(claim.article_id, claim.sentence_start)].append(claim)
        self._by_digits: dict[str | None, tuple[list[float], list[tuple[float, float, int]], float]] = {}
        self._by_month: dict[tuple[int, int], tuple[list[float], list[Claim]]] | None = None
        self._by_day: tuple[list[int], list[list[Claim]]] | None = None

    def valued(self, claim: Claim, months: float, tolerance: float) -> Iterator[Claim]:
        """The levels at most `months` apart from the figure whose values it is near (within `tolerance`).

        The levels are grouped by the month their period ends and sorted by value there once, so a
        figure bisects the value range in each month of its window instead of reading every level.
        """
        if self._by_month is None:
            grouped: dict[tuple[int, int], list[Claim]] = defaultdict(list)
            for level in self.levels:
                if level.period is not None:
                    grouped[(level.period.end.year, level.period.end.month)].append(level)
            self._by_month = {}
            for key, levels in grouped.items():
                levels.sort(key=lambda c: c.value)
                self._by_month[key] = ([c.value for c in levels], levels)
        assert claim.period is not None
        # _near(value, other): other within [value / (1 + tolerance), value / (1 - tolerance)]; widened by a
        # hair, the exact test decides
        low = claim.value / (1 + tolerance) * (1 - 1e-9)
        high = claim.value / (1 - tolerance) * (1 + 1e-9) if tolerance < 1 else float("inf")
        reach = int(months * 30.44) + 2  # days: a superset of the window, the exact test decides
        day = claim.period.end.toordinal()
        first, last = date.fromordinal(max(1, day - reach)), date.fromordinal(day + reach)
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            values, levels = self._by_month.get((year, month), ([], []))
            for level in levels[bisect_left(values, low) : bisect_right(values, high)]:
                if _apart(level, claim) <= months and _near(claim.value, level.value, tolerance):
                    yield level
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    def closest(self, claim: Claim, months: float, wanted: Callable[[Claim], bool]) -> Claim | None:
        """The wanted level nearest in time to the figure (then by article and place), at most `months` apart.

        The levels are grouped by the day their period ends, each group sorted by article and place, and
        the walk goes out day by day: the first wanted level of a group is its best, so a period stated in
        thousands of articles is not read whole for each figure.
        """
        if self._by_day is None:
            grouped: dict[int, list[Claim]] = defaultdict(list)
            for level in self.levels:
                grouped[level.period.end.toordinal() if level.period else 0].append(level)
            days = sorted(grouped)
            self._by_day = (days, [sorted(grouped[d], key=lambda c: (c.article_id, c.start)) for d in days])
        days, groups = self._by_day
        assert claim.period is not None
        day = claim.period.end.toordinal()
        right = bisect_left(days, day)
        left = right - 1
        while left >= 0 or right < len(days):
            distance = min(
                day - days[left] if left >= 0 else sys.maxsize, days[right] - day if right < len(days) else sys.maxsize
            )
            nearest = []
            if left >= 0 and day - days[left] == distance:
                nearest.append(groups[left])
                left -= 1
            if right < len(days) and days[right] - day == distance:
                nearest.append(groups[right])
                right += 1
            if _apart(nearest[0][0], claim) > months:
                return None  # every level further out is further apart
            found = [next((level for level in group if wanted(level)), None) for group in nearest]
            best = [level for level in found if level is not None]
            if best:
                return min(best, key=lambda c: (c.article_id, c.start))
        return None

    def overlapping(self, period: str | None, low: float, high: float) -> list[Claim]:
        """The period's levels whose digits as written overlap (low, high), in their order.

        A period of a large archive holds thousands of figures: they are sorted by their digits once,
        and each figure bisects them instead of comparing itself with every one.
        """
        claims = self.by_period.get(period, [])
        if period not in self._by_digits:
            spans = sorted((*_digits(c), i) for i, c in enumerate(claims))
            widest = max((b - a for a, b, _ in spans), default=0.0)
            self._by_digits[period] = ([a for a, _, _ in spans], spans, widest)
        lows, spans, widest = self._by_digits[period]
        start = bisect_left(lows, low - 2 * widest - 1e-9 * abs(low))  # widened: rounding of the widths
        found = [i for a, b, i in spans[start : bisect_right(lows, high)] if overlaps(a, b, low, high)]
        return [claims[i] for i in sorted(found)]


def _twins(context: Context, rule: Rule, reported: set[str]) -> list[Finding]:
    """A count written as a percentage, or the reverse, where the figures around it show which unit is right."""
    tolerance = float(rule.option("series_tolerance", 0.2))
    window = float(rule.option("series_months", 12))
    by_key = {(c.entity, scope_key(c.scope), c.metric, c.unit): c for c in context.clusters}
    indexes: dict[int, _Index] = {}

    def index(cluster: Cluster) -> _Index:
        if id(cluster) not in indexes:
            indexes[id(cluster)] = _Index(cluster, context)
        return indexes[id(cluster)]

    findings = []
    for suspect in context.claims:
        other_unit = RATE_UNITS.get(suspect.unit)
        if (
            other_unit is None
            or suspect.uid in reported
            or suspect.magnitude_missing
            or suspect.modality != LEVEL
            or suspect.period is None
            or suspect.in_title
            or suspect.value <= 0
            or not _digit_form(context, suspect)
        ):
            continue
        home = _home(context, suspect, tolerance)
        if home is None:
            continue
        entity, scope, metric = home
        others = [
            index(by_key[key])
            for name in _twin_metrics(metric, suspect.unit, context)
            if (key := (entity, scope, name, other_unit)) in by_key
        ]
        home_cluster = by_key.get((entity, scope, metric, suspect.unit))
        own = index(home_cluster) if home_cluster is not None else None
        finding = _twin(context, rule, suspect, own, others, tolerance, window)
        if finding is not None:
            findings.append(finding)
            reported.update(_uids(finding))
    return findings


def _home(context: Context, suspect: Claim, tolerance: float) -> tuple[str, str, str] | None:
    """(entity, scope, metric) of the series a figure belongs to, as its cluster keys them.

    A figure with no metric of its own borrows the metric of a figure in the other
    unit in its sentence whose digits it nearly shares: "jumlah penduduk miskin
    pada Maret 2022 tercatat 26,16 juta, September 2022 sebesar 26,36 persen".
    """
    cluster = context.cluster_of(suspect)
    if cluster is not None:
        if metric_strength(suspect) == 0:
            return None
        return cluster.entity, scope_key(cluster.scope), cluster.metric
    middle = sum(_digits(suspect)) / 2
    for other in context.by_article.get(suspect.article_id, []):
        listed = context.cluster_of(other)
        if (
            listed is not None
            and other.sentence_start == suspect.sentence_start
            and other.unit == RATE_UNITS[suspect.unit]
            and other.modality == LEVEL
            and metric_strength(other) == 2
            and _digit_form(context, other)
            and _near(middle, sum(_digits(other)) / 2, tolerance)
        ):
            # a percentage takes the count's rate metric, a count the rate's count metric
            names = [n for n in _twin_metrics(listed.metric, listed.unit, context) if n != listed.metric]
            return listed.entity, scope_key(listed.scope), (names or [listed.metric])[0]
    return None


def _twin(
    context: Context,
    rule: Rule,
    suspect: Claim,
    own_series: _Index | None,
    others: list[_Index],
    tolerance: float,
    window: float,
) -> Finding | None:
    """The finding for a figure whose digits belong to the other unit, when two of three signs say so."""
    digits = _digits(suspect)
    middle = sum(digits) / 2
    flow = own_series.flow if own_series is not None else False
    period = period_key(suspect, flow)
    twins = [
        o
        for other in others
        for o in (other.overlapping(period, *digits) if period is not None else [])
        if _digit_form(context, o)
    ]
    in_sentence = [
        o
        for other in others
        for o in other.by_sentence.get((suspect.article_id, suspect.sentence_start), [])
        if o not in twins and _digit_form(context, o) and _near(middle, sum(_digits(o)) / 2, tolerance)
    ]
    if not twins and not in_sentence:
        return None  # nothing in the other unit shares the digits: the two-of-three rule cannot be met

    # the figure's own series, without copies of the same digits (the slip repeated, or the figure itself)
    def own(p: Claim) -> bool:
        return p is not suspect and not overlaps(*_digits(p), *digits)

    if own_series is not None and any(own(p) for p in own_series.valued(suspect, window, tolerance)):
        return None  # the figure fits its own series: its unit is right
    closest = own_series.closest(suspect, window, own) if own_series is not None else None
    if bool(twins) + bool(in_sentence) + (closest is not None) < 2:
        return None
    code = _language(context, suspect).code
    other = (twins or in_sentence)[0]
    other_label = metric_label(context.lexicon, other.metric)
    reasons: list[Value] = []
    if twins:
        reasons.append(
            message("scale.twin.same-digits", figure=figure(twins[0]), article=twins[0].article_id, metric=other_label)
        )
    if in_sentence:
        listed = Items(tuple(figure(o) for o in in_sentence[:2]))
        reasons.append(message("scale.twin.own-sentence", metric=other_label, figures=listed))
    if closest is not None:
        reasons.append(
            message(
                "scale.twin.own-series",
                metric=metric_label(context.lexicon, closest.metric),
                figure=figure(closest),
                article=closest.article_id,
            )
        )
    written, meant = _unit_word(suspect, code), _unit_word(other, code)
    said = message(
        "scale.twin.percent" if suspect.unit == "percent" else "scale.twin.count",
        figure=figure(suspect),
        article=suspect.article_id,
        reasons=Items(tuple(reasons), ";"),
        written=written,
        meant=meant,
    )
    evidence = [suspect, *twins[:2], *in_sentence[:1]]
    return context.finding(rule, said, evidence, group_label(other))


def _unit_word(claim: Claim, code: str) -> str:
    """The word after a figure's digits: "26,50 juta" -> "juta", "9,36 persen" -> "persen", "9,36%" -> "%"."""
    numeral, _ = _numeral(claim.text)
    after = claim.text.split(numeral, 1)[-1].split() if numeral else []
    if after:
        return after[0]
    return ("persen" if code == "id" else "percent") if claim.unit == "percent" else amount(claim.value).split()[-1]


# --- basis points for points ----------------------------------------------------------------------


def points_slip(change: Claim, level: Claim, base: Claim, slack: float = 0.005) -> str:
    """The unit a change in points should have been written in, or "" when its own unit fits (or neither does).

    The levels give the change in percentage points; a change in basis points is
    a hundredth of that. "turun 0,19 basis poin" from 4,60 to 4,41 persen fits
    only as 0,19 points: the answer is "pp". "naik 25 persen poin" from 5,75 to
    6,00 persen fits only as 25 basis points: "bp".

    >>> from factcheck.models import Claim
    >>> def c(value, unit, low, high):
    ...     return Claim("a", "a.md", 0, 1, "", "", 0, value, unit, low, high, 2)
    >>> points_slip(c(0.19, "bp", 0.185, 0.195), c(4.41, "percent", 4.405, 4.415), c(4.6, "percent", 4.595, 4.605))
    'pp'
    """
    if change.unit not in ("pp", "bp") or level.unit != "percent" or base.unit != "percent":
        return ""
    ends = (abs(level.low - base.high), abs(level.high - base.low))
    crosses = (level.low - base.high) * (level.high - base.low) <= 0
    gap_low, gap_high = (0.0 if crosses else min(ends)) - slack, max(ends) + slack
    scale = {"pp": 1.0, "bp": 0.01}
    other = "bp" if change.unit == "pp" else "pp"

    def fits(unit: str) -> bool:
        return change.low * scale[unit] <= gap_high and change.high * scale[unit] >= gap_low

    return other if not fits(change.unit) and fits(other) else ""


_POINT_WORDS = {
    "id": {"pp": "persen poin", "bp": "basis poin"},
    "en": {"pp": "percentage points", "bp": "basis points"},
}


def _text(claim: Claim) -> str:
    return " ".join(claim.text.split())


def _decimal(value: float, code: str) -> str:
    """A small number with the decimals it needs, in the article's notation (0.0019 -> "0,0019")."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if code == "id" else text


def _basis_points(context: Context, rule: Rule) -> list[Finding]:
    """Changes in basis poin that fit their levels only in persen poin, or the reverse."""
    slack = float(rule.option("points_slack", 0.005))
    findings = []
    for change in context.claims:
        if change.modality != "change" or "level" not in change.links or "base" not in change.links:
            continue  # only the levels the sentence itself gives say what the change was
        if not context.reports(change.article_id):
            continue
        level, base = context.claims[change.links["level"]], context.claims[change.links["base"]]
        meant = points_slip(change, level, base, slack)
        if not meant:
            continue
        code = _language(context, change).code
        points = abs(level.value - base.value)
        words = _POINT_WORDS.get(code, _POINT_WORDS["en"])
        # the points are written as the article writes them ("0,33 persen poin"): they quote its words
        given = message(
            "scale.points.given",
            base=_text(base),
            level=_text(level),
            points=f"{_decimal(points, code)} {words['pp']}",
            basis_points=f"{_decimal(points * 100, code)} {words['bp']}",
        )
        unit_words: dict[str, Value] = {"written": words[change.unit], "meant": words[meant]}
        if change.unit == "bp":
            as_points = f"{_decimal(change.value / 100, code)} {words['pp']}"
            said = message("scale.points.bp", change=_text(change), as_points=as_points, given=given, **unit_words)
        else:
            said = message("scale.points.pp", change=_text(change), given=given, **unit_words)
        findings.append(context.finding(rule, said, [change, base, level], group_label(level)))
    return findings
