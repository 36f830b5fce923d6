"""The JSON report's encoder (json_text.py) writes what json.dumps(indent=2, ensure_ascii=False) writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.check import Options, run_check
from factcheck.json_text import dumps

CORPUS = str(Path(__file__).resolve().parent.parent / "corpus")


def standard(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def test_the_corpus_report_is_the_text_json_dumps_gives() -> None:
    report = run_check([CORPUS], Options(jobs=1))
    as_dict = report.to_dict("id")
    assert len(as_dict["findings"]) > 20
    assert report.to_json("id") == standard(as_dict) + "\n"


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": {}, "b": [], "c": [[]], "d": [{}]},
        {"teks": 'Rp 9 triliun — «kutipan» "petik" \\ garis\nbaru\ttab \x00\x1f \u2028 \ud800 😀'},
        [0, -1, 10**30, 1.5, -0.0, 1e-7, 1e22, 35.3, float("nan"), float("inf"), float("-inf")],
        [True, False, None, ("a", 1), {"nested": {"deeper": [1, [2, [3]]]}}],
        {"": "", "kunci dengan spasi": None},
    ],
)
def test_every_kind_of_value_is_written_as_json_dumps_writes_it(value: Any) -> None:
    assert dumps(value) == standard(value)


def test_what_it_does_not_encode_itself_is_left_to_json_dumps() -> None:
    assert dumps({1: "a", None: [2.5], 2.5: {}}) == standard({1: "a", None: [2.5], 2.5: {}})
    with pytest.raises(TypeError):
        dumps({"when": object()})  # as json.dumps: not serializable


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    max_leaves=30,
)


@given(json_values)
def test_any_json_value_is_written_as_json_dumps_writes_it(value: Any) -> None:
    assert dumps(value) == standard(value)
