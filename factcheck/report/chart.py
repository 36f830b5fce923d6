"""Geometry of the HTML report's charts: one metric's figures over its periods.

The value axis spans the data's range (not zero to the maximum) with "nice"
ticks (1, 2, 2.5 or 5 times a power of ten), so a 2 % disagreement is a
visible gap rather than two dots on one spot. The period axis has one slot
per period the figures speak of, in time order, each named ("Dec 2023",
"2023", "Q1 2024"): a yearly figure sits at its year, not at 31 December.
Actuals sit left of a slot's centre and targets or projections right of it,
so a target never hides an actual. Figures with one value, period and
modality are one marker that lists every article stating it. Only numbers
and plain strings leave this module; the template escapes them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from ..models import Claim, Period

WIDTH_MIN = 640
SLOT_WIDTH = 64  # wide enough for a period name at 11 px
HEIGHT = 230
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 18, 46
LABEL_GAP = 13  # vertical room a point label needs
CHAR_WIDTH = 6.3  # about the advance of an 11 px bold sans-serif character
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MAGNITUDES = {
    "id": ((1e12, "T"), (1e9, "M"), (1e6, "juta"), (1e3, "ribu")),
    "en": ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")),
}
ZOOM_BELOW = 4  # a disagreement under a quarter of the axis is shown again on its own axis
MIN_APART = 24  # px between two flagged values of one period: a 2 % conflict must read as two points
MAX_PLOT_HEIGHT = 420  # the most a chart grows for that; past it the close-up alone shows the gap
CHARTED = ("actual", "target", "projection")


SlotKey = tuple[date, date, str]  # a period's place on the axis: by end, then start
GroupKey = tuple[SlotKey, str, float]  # slot, actual or target, value: one marker


@dataclass
class Tick:
    position: float
    label: str


@dataclass
class Marker:
    x: float
    y: float
    modality: str  # actual, or target/projection (drawn as a diamond)
    flagged: bool
    claims: list[Claim]
    outlets: list[str]
    articles: list[str]
    tip: str
    label: str = ""  # shown next to figures a finding involves: value as written and outlets
    label_x: float = 0.0
    label_y: float = 0.0
    label_anchor: str = "start"


@dataclass
class Chart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    value_ticks: list[Tick]
    period_ticks: list[Tick]
    rotate_periods: bool
    markers: list[Marker] = field(default_factory=list)
    omitted: list[str] = field(default_factory=list)  # targets far outside the actuals, named instead of drawn
    conflicts: list[list[Claim]] = field(default_factory=list)  # per period, the flagged figures that disagree


def nice_number(value: float, round_it: bool) -> float:
    """Heckbert's nice number: 1, 2, 5 (or 2.5 when rounding) times a power of ten near value."""
    exponent = math.floor(math.log10(value))
    fraction = value / 10**exponent
    if round_it:
        steps = ((1.5, 1.0), (2.25, 2.0), (3.5, 2.5), (7.5, 5.0))
        nice = next((n for limit, n in steps if fraction < limit), 10.0)
    else:
        nice = next((n for n in (1.0, 2.0, 2.5, 5.0) if fraction <= n), 10.0)
    return nice * 10**exponent


def nice_ticks(low: float, high: float, count: int = 5) -> tuple[list[float], float]:
    """Tick values covering [low, high], at least three, and their step."""
    if high < low:
        low, high = high, low
    if high == low:  # one value: a band of 5 % around it, so the axis still reads
        pad = abs(low) * 0.05 or 1.0
        low, high = low - pad, high + pad
    step = nice_number(nice_number(high - low, False) / (count - 1), True)
    while True:
        first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
        if last - first >= 2:
            break
        step /= 2  # a guard: the nice step of a quarter of the span leaves at least three ticks
    # round away binary noise (0.30000000000000004) so labels and output stay stable
    return [float(f"{i * step:.12g}") for i in range(first, last + 1)], step


def tick_label(value: float, step: float, unit: str, language: str) -> str:
    """A short axis label: "38,5 juta", "5,25%", "Rp 750 T"; decimals follow the step, not the value."""
    suffix = {"percent": "%", "pp": " pp", "bp": " bp"}.get(unit, "")
    prefix = {"IDR": "Rp ", "USD": "$"}.get(unit, "")
    word, scale = "", 1.0
    if not suffix:
        top = max(abs(value), step)
        for threshold, name in MAGNITUDES.get(language, MAGNITUDES["id"]):
            if top >= threshold:
                word, scale = " " + name, threshold
                break
    decimals = 0  # as many places as the step has: 2.5 needs one, 0.25 two, 5 none
    shifted = step / scale
    while decimals < 12 and abs(shifted - round(shifted)) > 1e-6 * shifted:
        decimals += 1
        shifted *= 10
    text = f"{value / scale:,.{decimals}f}"
    if language == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return f"{prefix}{text}{word}{suffix}"


def period_name(period: Period) -> str:
    """A period as a tick names it: "Dec 2023", "2023", "Q1 2024", "19 Oct 2023"."""
    start, end = period.start, period.end
    if period.granularity == "month":
        return f"{MONTHS[start.month - 1]} {start.year}"
    if period.granularity == "year":
        return "end " + str(start.year) if period.label.endswith("-end") else str(start.year)
    if period.granularity == "day" or (period.granularity == "current" and start == end):
        return f"{start.day} {MONTHS[start.month - 1]} {start.year}"
    if period.granularity in ("quarter", "half"):
        return f"{period.label.split('-', 1)[1]} {start.year}"
    if period.granularity == "isoweek":
        return f"{period.label.split('-', 1)[1]} {period.label.split('-', 1)[0]}"  # "W20 2024"
    return period.label


def _slot_key(period: Period) -> SlotKey:
    return (period.end, period.start, period.label)


def build_chart(
    claims: list[Claim],
    flagged: set[tuple[str, int]],
    unit: str,
    outlet_of: dict[str, str],
    language: str = "id",
    width_min: int = WIDTH_MIN,
) -> Chart | None:
    """The chart of a cluster's dated actuals and targets, or None when it would be a lone point.

    The value axis spans the actuals, the figures a finding involves and the
    targets near them; a target far beyond (a 2030 goal over a series of
    actuals) would squash the series into a line, so it is named under the
    chart instead.
    """
    points = [c for c in claims if c.period is not None and c.modality in CHARTED]
    actuals = [c.value for c in points if c.modality == "actual"]
    omitted: list[str] = []
    if actuals:
        kept = [c.value for c in points if c.modality == "actual" or (c.article_id, c.start) in flagged]
        low, high = min(kept), max(kept)
        reach = max(high - low, abs(high) * 0.1)  # a target within about the series' own span is drawn
        near = [c.value for c in points if low - reach <= c.value <= high + reach]
        low, high = min(near), max(near)
        outside = [c for c in points if not low <= c.value <= high]
        omitted = [
            f"{' '.join(c.text.split())} ({period_name(c.period)}, {c.modality}, "  # type: ignore[arg-type]
            f"{outlet_of.get(c.article_id) or c.article_id})"
            for c in outside
        ]
        points = [c for c in points if low <= c.value <= high]
    groups: dict[GroupKey, list[Claim]] = {}
    for claim in sorted(points, key=lambda c: (_slot_key(c.period), c.article_id, c.start)):  # type: ignore[arg-type]
        assert claim.period is not None
        kind = "actual" if claim.modality == "actual" else "target"
        groups.setdefault((_slot_key(claim.period), kind, round(claim.value, 9)), []).append(claim)
    if len(groups) < 2:  # a lone figure (or one figure stated many times) has nothing to compare against
        return None
    slots = sorted({key[0] for key in groups})
    names: dict[SlotKey, str] = {}
    for key, members in groups.items():
        assert members[0].period is not None
        names.setdefault(key[0], period_name(members[0].period))
    width = max(width_min, LEFT + RIGHT + SLOT_WIDTH * len(slots))
    plot_width = width - LEFT - RIGHT
    slot_width = plot_width / len(slots)
    rotate = len(slots) > 1 and slot_width < 70 and any(len(n) > 8 for n in names.values())
    bottom = BOTTOM + (28 if rotate else 0)
    height = HEIGHT + (28 if rotate else 0)
    values = [c.value for c in points]
    ticks, step = nice_ticks(min(values), max(values))
    low, high = ticks[0], ticks[-1]
    plot_height = height - TOP - bottom
    gap = _closest_flagged(groups, flagged)
    if gap and high > low:
        # tall enough that the figures a finding sets against each other stand MIN_APART apart
        wanted = min(MAX_PLOT_HEIGHT, math.ceil(MIN_APART * (high - low) / gap))
        if wanted > plot_height:
            height += wanted - plot_height
            plot_height = wanted

    def y(value: float) -> float:
        return round(TOP + (high - value) / (high - low) * plot_height, 1)

    def x(slot: SlotKey) -> float:
        if len(slots) == 1:  # a close-up of one period: the point near the axis leaves room for its labels
            return LEFT + min(50.0, plot_width / 2)
        return LEFT + (slots.index(slot) + 0.5) * slot_width

    chart = Chart(
        width=width,
        height=height,
        left=LEFT,
        right=RIGHT,
        top=TOP,
        bottom=bottom,
        value_ticks=[Tick(y(t), tick_label(t, step, unit, language)) for t in ticks],
        period_ticks=[Tick(round(x(s), 1), names[s]) for s in slots],
        rotate_periods=rotate,
        omitted=omitted,
    )
    has_targets = {key[0] for key in groups if key[1] == "target"}
    has_actuals = {key[0] for key in groups if key[1] == "actual"}
    for (slot, kind, _value), members in groups.items():
        offset = 0.0
        if slot in has_targets and slot in has_actuals:
            offset = -min(10.0, slot_width / 5) if kind == "actual" else min(10.0, slot_width / 5)
        outlets = sorted({outlet_of.get(c.article_id) or c.article_id for c in members})
        is_flagged = any((c.article_id, c.start) in flagged for c in members)
        first = members[0]
        written = " ".join(first.text.split())
        assert first.period is not None
        tip = "; ".join(
            f"{' '.join(c.text.split())} · {c.period.text.strip() if c.period else ''} · "
            f"{outlet_of.get(c.article_id) or c.article_id} ({c.article_id}) · {c.modality}"
            for c in members
        )
        label = ""
        if is_flagged:
            shown = ", ".join(outlets[:2]) + (f" +{len(outlets) - 2}" if len(outlets) > 2 else "")
            label = f"{written} · {shown}"
        chart.markers.append(
            Marker(
                x=round(x(slot) + offset, 1),
                y=y(first.value),
                modality=kind,
                flagged=is_flagged,
                claims=members,
                outlets=outlets,
                articles=sorted({c.article_id for c in members}),
                tip=tip,
                label=label,
            )
        )
    if len(slots) == 1:  # room for the labels right of the one column
        longest = max((len(m.label) for m in chart.markers), default=0)
        chart.width = max(chart.width, int(LEFT + 60 + longest * CHAR_WIDTH + 8))
    _place_labels(chart)
    for slot in slots:  # flagged figures of one period that the series axis squeezes together get a close-up
        for kind in ("actual", "target"):
            here = [m for m in chart.markers if m.flagged and m.modality == kind and m.claims[0].period is not None]
            here = [m for m in here if _slot_key(m.claims[0].period) == slot]  # type: ignore[arg-type]
            spread = max((m.claims[0].value for m in here), default=0) - min(
                (m.claims[0].value for m in here), default=0
            )
            if len(slots) > 1 and len(here) >= 2 and spread < (high - low) / ZOOM_BELOW:
                chart.conflicts.append([c for m in here for c in m.claims])
    return chart


def _closest_flagged(groups: dict[GroupKey, list[Claim]], flagged: set[tuple[str, int]]) -> float:
    """The smallest gap between two flagged values of one period and kind (0 when no period has two)."""
    by_slot: dict[tuple[SlotKey, str], list[float]] = {}
    for (slot, kind, value), members in groups.items():
        if any((c.article_id, c.start) in flagged for c in members):
            by_slot.setdefault((slot, kind), []).append(value)
    gaps = [
        later - earlier
        for values in by_slot.values()
        for earlier, later in zip(sorted(values), sorted(values)[1:])
        if later > earlier
    ]
    return min(gaps, default=0.0)


def _place_labels(chart: Chart) -> None:
    """Put each flagged marker's label beside it, pushed apart so that two close values read as two labels.

    A label goes right of its point unless only the left has room for it.
    """
    labelled = sorted((m for m in chart.markers if m.label), key=lambda m: (m.x, m.y))
    placed: list[Marker] = []
    for marker in labelled:
        fits_right = marker.x + 10 + len(marker.label) * CHAR_WIDTH <= chart.width - 4
        fits_left = marker.x - 10 - len(marker.label) * CHAR_WIDTH >= chart.left
        marker.label_anchor = "end" if not fits_right and fits_left else "start"
        marker.label_x = round(marker.x + (-10 if marker.label_anchor == "end" else 10), 1)
        wanted = marker.y + 4
        for other in placed:  # labels on the same side of the same slot
            if other.label_anchor == marker.label_anchor and abs(other.x - marker.x) < 1:
                wanted = max(wanted, other.label_y + LABEL_GAP)
        marker.label_y = round(min(wanted, chart.height - chart.bottom - 2), 1)
        placed.append(marker)
