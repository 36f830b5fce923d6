"""--statistics: how many findings each rule raised, most first, as `ruff --statistics` prints them."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..i18n import DEFAULT
from ..models import Report, severity_rank
from .text import severity_word, summary_line


def render(report: Report, names: dict[str, str] | None = None, lang: str = DEFAULT, **_: Any) -> str:
    """One row per rule that fired: count, id, name, severity; then the summary line."""
    names = names or {}
    counts = Counter(f.rule for f in report.findings)
    severity = {f.rule: f.severity for f in report.findings}
    width = len(str(max(counts.values(), default=0)))
    rows = sorted(counts, key=lambda rule: (-counts[rule], -severity_rank(severity[rule]), rule))
    pad = max((len(names.get(rule, "")) for rule in rows), default=0)
    lines = [
        f"{counts[rule]:>{width}}  {rule}  {names.get(rule, ''):<{pad}}  {severity_word(severity[rule], lang)}".rstrip()
        for rule in rows
    ]
    lines.append(summary_line(report, lang))
    return "".join(line + "\n" for line in lines)
