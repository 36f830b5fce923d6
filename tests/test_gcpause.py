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


def test_a_kept_load_is_frozen_only_in_a_one_shot_process(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import gcpause

    monkeypatch.setattr(gcpause, "_one_shot", False)
    before = gc.get_freeze_count()
    with gcpause.kept():
        assert not gc.isenabled()
        loaded = [[i] for i in range(1000)]
    assert gc.get_freeze_count() == before  # a library caller may drop what it loaded: still collectable
    monkeypatch.setattr(gcpause, "_one_shot", True)
    with gcpause.kept():
        loaded += [[i] for i in range(1000)]
    assert gc.get_freeze_count() >= before + 1000
    assert gc.isenabled()


def test_only_the_processs_own_command_line_is_one_shot() -> None:
    """A test's runner passes its arguments; the console script and `python -m factcheck` read sys.argv."""
    import subprocess
    import sys

    from click.testing import CliRunner

    from factcheck import gcpause
    from factcheck.cli import main

    assert CliRunner().invoke(main, ["rules"]).exit_code == 0
    assert not gcpause._one_shot
    probe = "import sys, factcheck.gcpause as g, factcheck.cli as c; sys.argv = ['factcheck', 'rules']\n"
    probe += "try:\n    c.main()\nexcept SystemExit:\n    pass\nprint(g._one_shot, file=sys.stderr)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stderr.strip().endswith("True")
