"""Report stage: one Report, many small renderers (one module per format)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..models import Finding, Report

Renderer = Callable[..., str]


def omitted_note(finding: Finding, lang: str) -> str:
    """ "and 412 more figures" when a finding quotes only a selection of its figures (else "")."""
    if not finding.omitted:
        return ""
    from ..i18n import translations

    catalog = translations(lang)
    return catalog.ngettext("and {n} more figure", "and {n} more figures", finding.omitted).format(n=finding.omitted)


def message_with_omitted(finding: Finding, lang: str) -> str:
    """The finding's message, followed by how many figures it does not list, for formats of one line a finding."""
    note = omitted_note(finding, lang)
    return f"{finding.text(lang)} ({note})" if note else finding.text(lang)


def renderer(fmt: str) -> Renderer:
    """The render function of a format's module (imported on demand)."""
    from importlib import import_module

    module = import_module(f".{MODULES[fmt]}", __name__)
    return module.render


MODULES = {
    "text": "text",
    "json": "json_format",
    "html": "html",
    "sarif": "sarif",
    "github": "github",
    "markdown": "markdown",
    "csv": "csv_format",
    "concise": "concise",
}


FORMATS = list(MODULES)


def render(report: Report, fmt: str, **options: Any) -> str:
    return renderer(fmt)(report, **options)
