"""stale: a figure presented as current ("sekarang", "saat ini") whose own period is long before the article.

Options: `max_age_months` (default 6).
"""

from __future__ import annotations

from ..models import Finding
from . import Context, Rule
from ._util import group_label, months_between


def run(context: Context, rule: Rule) -> list[Finding]:
    limit = float(rule.option("max_age_months", 6))
    findings = []
    for claim in context.claims:
        period = claim.period
        if not claim.current_cue or period is None or period.granularity == "current" or claim.published is None:
            continue
        if claim.modality not in ("actual", "share"):
            continue
        age = months_between(period.end, claim.published)
        if age <= limit:
            continue
        message = (
            f"{' '.join(claim.text.split())} is presented as current ('{claim.current_cue}') but is dated "
            f"{period.text.strip()}, about {age:.0f} months before the article ({claim.published.isoformat()})"
        )
        findings.append(context.finding(rule, message, [claim], group_label(claim)))
    return findings
