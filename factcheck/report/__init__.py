"""Report stage: one Report, many small renderers (one module per format)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..models import Report

Renderer = Callable[..., str]


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
