"""factcheck: find where news articles disagree about their own figures."""

from __future__ import annotations

__version__ = "0.1.0"

# The check stage lives in factcheck/check.py; load it before binding the API
# function of the same name, so that the package attribute stays the function.
from . import check as _check_stage  # noqa: E402, F401
from .api import check, claims  # noqa: E402

__all__ = ["__version__", "check", "claims"]
