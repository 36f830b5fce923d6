"""--format json: the stable contract documented in the README."""

from __future__ import annotations

from typing import Any

from ..i18n import DEFAULT
from ..models import Report


def render(report: Report, lang: str = DEFAULT, **_: Any) -> str:
    return report.to_json(lang)
