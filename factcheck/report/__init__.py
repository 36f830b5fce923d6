"""Report stage: one Report, many small renderers (one module per format)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..models import Report

Renderer = Callable[..., str]


def renderer(fmt: str) -> Renderer:
    if fmt == "text":
        from .text import render
    elif fmt == "json":
        from .json_format import render
    else:
        raise KeyError(fmt)
    return render


FORMATS = ["text", "json"]


def render(report: Report, fmt: str, **options: Any) -> str:
    return renderer(fmt)(report, **options)
