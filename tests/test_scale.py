"""The scale kind's docstring examples run as tests, so that they stay true."""

from __future__ import annotations

import doctest

from factcheck.checks import scale


def test_scale_docstring_examples() -> None:
    failed, attempted = doctest.testmod(scale, optionflags=doctest.ELLIPSIS)
    assert attempted > 0 and failed == 0
