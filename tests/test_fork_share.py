"""Tasks shared by the parent and forked children (fork_share.py): results in order, a child's failure is redone."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from factcheck.fork_share import run_in_order

from .test_rule_split import _children

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
PARENT = os.getpid()
# set by a child as it starts a task: the parent's tasks wait for it, so that a child surely takes one
child_started = multiprocessing.get_context("fork").Event()


def _in_child() -> bool:
    return os.getpid() != PARENT


def _after_a_child_started() -> None:
    if _in_child():
        child_started.set()
    else:
        child_started.wait(10)


@pytest.fixture(autouse=True)
def _fresh_event():
    child_started.clear()
    before = _children()
    yield
    assert _children() <= before, "no process left behind"


@pytest.mark.parametrize("processes", [1, 2, 3, 40])
def test_results_come_back_in_the_tasks_order_however_many_processes_share_them(processes: int) -> None:
    tasks = list(range(30))
    assert list(run_in_order(tasks, lambda n: n * n, processes)) == [n * n for n in tasks]


def test_the_children_run_tasks_and_send_their_results_back() -> None:
    def run(n: int) -> tuple[int, int]:
        _after_a_child_started()
        return n, os.getpid()

    results = list(run_in_order(list(range(12)), run, 2))
    assert [n for n, _ in results] == list(range(12))
    assert {pid for _, pid in results} - {PARENT}, "a child gave some of them"


def test_a_task_whose_child_died_is_run_again_by_the_parent() -> None:
    def run(n: int) -> int:
        _after_a_child_started()
        if _in_child():
            os._exit(1)  # killed in the middle of its task
        return n + 1

    assert list(run_in_order(list(range(8)), run, 3)) == list(range(1, 9))


def test_an_error_in_a_task_is_the_runs_whichever_process_met_it() -> None:
    def run(n: int) -> int:
        _after_a_child_started()
        if n == 5:
            raise ValueError(f"broken task {n}")
        return n

    with pytest.raises(ValueError, match="broken task 5"):
        list(run_in_order(list(range(10)), run, 2))


def test_a_task_that_fails_only_in_a_child_gives_the_parents_result() -> None:
    def run(n: int) -> int:
        _after_a_child_started()
        if _in_child():
            raise OSError("a child's trouble")
        return -n

    assert list(run_in_order(list(range(6)), run, 2)) == [-n for n in range(6)]


def test_a_run_stopped_early_leaves_no_process_behind() -> None:
    results = run_in_order(list(range(50)), lambda n: n, 3)
    assert next(results) == 0
    results.close()  # the caller stopped reading (an error further on): the children are stopped
