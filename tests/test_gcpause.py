"""The collector is paused only inside bulk work, and is back on after it, even when the work fails."""

from __future__ import annotations

import gc

import pytest

from factcheck.gcpause import long_lived, paused


def test_paused_turns_the_collector_back_on_even_after_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError), paused():
        assert not gc.isenabled()
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_nested_pause_leaves_the_collector_off_until_the_outer_one_ends() -> None:
    with paused():
        with paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_caller_that_turned_the_collector_off_keeps_it_off() -> None:
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_long_lived_objects_are_kept_out_of_later_collections() -> None:
    before = gc.get_freeze_count()
    with long_lived():
        kept = [[i] for i in range(1000)]
    assert gc.get_freeze_count() >= before + len(kept)
    assert gc.isenabled()


def test_a_failed_build_is_not_frozen() -> None:
    before = gc.get_freeze_count()
    with pytest.raises(RuntimeError), long_lived():
        raise RuntimeError("half-built")
    assert gc.get_freeze_count() == before
    assert gc.isenabled()
