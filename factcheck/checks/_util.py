"""Small helpers shared by the check kinds."""

from __future__ import annotations

from datetime import date

from ..models import Claim
from ..numfmt import amount


def overlaps(low_a: float, high_a: float, low_b: float, high_b: float, slack: float = 0.0) -> bool:
    """Whether two intervals can agree, each widened by a relative slack."""
    width_a = abs(high_a) * slack
    width_b = abs(high_b) * slack
    return low_a - width_a <= high_b + width_b and low_b - width_b <= high_a + width_a


def period_text(claim: Claim) -> str:
    if claim.period is None:
        return "no period"
    return claim.period.text.strip() or claim.period.label


def figure(claim: Claim) -> str:
    """The figure as the article wrote it, with its period: "35,3 juta (Hingga Februari 2023)"."""
    text = " ".join(claim.text.split())
    return f"{text} ({period_text(claim)})" if claim.period else text


def short_article(claim: Claim) -> str:
    return claim.article_id


def language_of(claim: Claim) -> str:
    return (
        "en"
        if any(w in claim.text.lower() for w in ("million", "billion", "thousand", "%")) and "," not in claim.text
        else "id"
    )


def value_text(value: float, claim: Claim) -> str:
    return amount(value, claim.unit, "id")


def months_between(earlier: date, later: date) -> float:
    return (later - earlier).days / 30.44


def group_label(claim: Claim, metric_label: str = "") -> str:
    where = f"{claim.entity} ({claim.scope})" if claim.scope else (claim.entity or "unknown entity")
    return f"{where} · {metric_label or claim.metric}"
