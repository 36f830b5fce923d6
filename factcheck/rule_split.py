"""The rules on several cores: forked processes take the next rule as each finishes one.

Every rule reads the run's claims and clusters and changes none of them, so a rule
gives the same findings in any process. A forked child inherits the parent's
context as it is (nothing is pickled on the way in); only its findings come back.
The parent runs rules too, and puts every rule's findings back in the rules'
order, which makes the report the same, byte for byte, as one process running
them in turn. A rule a child did not finish (it failed, or died) is run again in
the parent, so an error in a rule surfaces as it would with one process.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from multiprocessing.connection import Connection
from multiprocessing.sharedctypes import Synchronized
from typing import TypeVar

from .models import Finding

T = TypeVar("T")
# the kinds that cost the most on a large corpus (conflict and sum walk every cluster, weekday every text):
# taken first, so that the last rule left to one process is a short one
HEAVY_FIRST = ("conflict", "sum", "weekday", "scale", "stale", "trend")


def order(kinds: Sequence[str]) -> list[int]:
    """The order rules are taken in: heavy kinds first, otherwise as listed (only the speed depends on it)."""
    rank = {kind: place for place, kind in enumerate(HEAVY_FIRST)}
    return sorted(range(len(kinds)), key=lambda i: (rank.get(kinds[i], len(HEAVY_FIRST)), i))


def run_rules(
    rules: Sequence[T], kinds: Sequence[str], run_one: Callable[[T], list[Finding]], processes: int = 1
) -> Iterator[list[Finding]]:
    """Each rule's findings, in the rules' order, run by `processes` processes (this one and forked children).

    Without fork (Windows, macOS's default) or with one process, the rules run here in turn, each
    rule's findings given as soon as it returns (a caller that shares their parts keeps few copies).
    """
    children = min(processes, len(rules)) - 1
    if children < 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(run_one, rules)
        return
    context = multiprocessing.get_context("fork")
    taken: Synchronized[int] = context.Value("i", 0)
    queue = order(kinds)
    found: dict[int, list[Finding]] = {}
    started = []
    for _ in range(children):
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(rules, queue, taken, run_one, send), daemon=True)
        child.start()
        send.close()  # the child's end: the parent's copy would keep the pipe open after the child died
        started.append((child, receive))
    try:
        _take(rules, queue, taken, run_one, found)
    except BaseException:
        for child, _ in started:  # the run is over: what the children would find is not wanted
            child.terminate()
        raise
    finally:
        for child, receive in started:
            with suppress(EOFError, OSError):  # the child died (or was stopped) before it sent: its rules run below
                found.update(receive.recv())
            receive.close()
            child.join()
    for index, rule in enumerate(rules):
        yield found.pop(index) if index in found else run_one(rule)


def _take(
    rules: Sequence[T],
    queue: list[int],
    taken: Synchronized[int],
    run_one: Callable[[T], list[Finding]],
    done: dict[int, list[Finding]],
) -> None:
    """Run the next rule no process has taken, until none is left; `done` holds each one's findings."""
    while True:
        with taken.get_lock():
            place = taken.value
            taken.value = place + 1
        if place >= len(queue):
            return
        done[queue[place]] = run_one(rules[queue[place]])


def _child(
    rules: Sequence[T],
    queue: list[int],
    taken: Synchronized[int],
    run_one: Callable[[T], list[Finding]],
    send: Connection,
) -> None:
    done: dict[int, list[Finding]] = {}
    with suppress(BaseException):  # the rule it failed in is run again in the parent, which raises its error
        _take(rules, queue, taken, run_one, done)
    send.send(done)
    send.close()
