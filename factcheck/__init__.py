"""factcheck: find where news articles disagree about their own figures."""

from __future__ import annotations

__version__ = "0.1.0"

from .api import check, claims  # noqa: E402

__all__ = ["__version__", "check", "claims"]
