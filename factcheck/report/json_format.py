"""--format json: the stable contract documented in the README."""

from __future__ import annotations

from typing import Any

from ..models import Report


def render(report: Report, **_: Any) -> str:
    return report.to_json()
