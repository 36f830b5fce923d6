"""Tasks shared by this process and forked children, taken from one counter, results given in the tasks' order.

On 2 cores, `--jobs 2` as two pool workers left the parent idle but for unpickling every result and
pickling every task (the read-ahead's articles, 4 MB at 1000 articles) through a feeder thread that
competed with the workers for the same two cores. Here the parent is one of the N processes: a forked
child inherits the tasks as they are (nothing is pickled on the way in, a task is its index), only
the children's results come back, and the parent's own results are never pickled at all.

Each process takes the next task no one has taken as it finishes one, so a slow task holds up no one.
A child's results are sent as each task is done, into a pipe made large enough that a child seldom
waits for the parent to read it (the parent reads between its own tasks). A task a child did not
finish (it raised, or the child died) is run again in the parent, so an error surfaces as it would
in one process. What a task gives does not depend on which process runs it, so the output is the same,
byte for byte, for any number of processes.
"""

from __future__ import annotations

import gc
import heapq
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from multiprocessing.connection import Connection, wait
from multiprocessing.sharedctypes import Synchronized
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
PIPE_BYTES = 1 << 20  # Linux's default limit for an unprivileged pipe (/proc/sys/fs/pipe-max-size)
TOOK, DONE, FAILED = 0, 1, 2  # what a child says: it took a task, it gives a task's result, a task raised


def run_in_order(tasks: Sequence[T], run: Callable[[T], R], processes: int) -> Iterator[R]:
    """`run(task)` for each task, in the tasks' order, by this process and `processes - 1` forked children.

    Needs fork (the children inherit `tasks` and `run`); the caller falls back elsewhere.
    """
    children = min(processes, len(tasks)) - 1
    if children < 1:
        yield from map(run, tasks)
        return
    context = multiprocessing.get_context("fork")
    taken: Synchronized[int] = context.Value("i", 0)
    share = _Share(len(tasks), taken)
    try:
        for _ in range(children):
            receive, send = context.Pipe(duplex=False)
            _widen(send)
            child = context.Process(target=_child, args=(tasks, run, taken, send), daemon=True)
            child.start()
            send.close()  # the child's end: the parent's copy would keep the pipe open after the child died
            share.children[receive] = child
        for index in range(len(tasks)):
            while index not in share.done:
                share.step(tasks, run, index)
            yield share.done.pop(index)
    finally:
        share.stop()


class _Share:
    """The parent's side: what the children took and gave, and the tasks it runs itself."""

    def __init__(self, count: int, taken: Synchronized[int]) -> None:
        self.count = count
        self.taken = taken
        self.children: dict[Connection, multiprocessing.process.BaseProcess] = {}
        self.owner: dict[int, Connection] = {}  # the tasks children took and have not given yet
        self.done: dict[int, Any] = {}
        self.again: list[int] = []  # a heap of the tasks a child failed or died in: the parent runs them

    def step(self, tasks: Sequence[T], run: Callable[[T], R], waiting: int) -> None:
        """One move towards task `waiting`'s result: read what children sent, else run a task, else wait."""
        self.read(block=False)
        if waiting in self.done:
            return
        # the lowest task first: the results are given in order, so it is the one most likely waited for
        index = heapq.heappop(self.again) if self.again else _take(self.taken, self.count)
        if index is not None:
            self.done[index] = run(tasks[index])
            return
        if not self.children:  # taken by a child that died before it could say so
            heapq.heappush(self.again, waiting)
            return
        self.read(block=True)  # every task is taken: the one waited for is a child's

    def read(self, block: bool) -> None:
        """Take in every message the children have sent (waiting for one when `block`)."""
        ready = wait(list(self.children), timeout=None if block else 0)
        for receive in ready:
            assert isinstance(receive, Connection)
            while True:
                try:
                    what, index, result = receive.recv()
                except (EOFError, OSError):  # the child ended: what it took and did not give is run here
                    for index in [i for i, owner in self.owner.items() if owner is receive]:
                        heapq.heappush(self.again, index)
                    self.owner = {i: owner for i, owner in self.owner.items() if owner is not receive}
                    self.children.pop(receive).join()
                    receive.close()
                    break
                if what == TOOK:
                    self.owner[index] = receive
                else:
                    del self.owner[index]
                    if what == DONE:
                        self.done[index] = result
                    else:
                        heapq.heappush(self.again, index)
                if not receive.poll():
                    break

    def stop(self) -> None:
        """The run is over, or failed: children still at work are stopped, every pipe closed."""
        for receive, child in self.children.items():
            child.terminate()
            child.join()
            receive.close()
        self.children.clear()


def _take(taken: Synchronized[int], count: int) -> int | None:
    """The next task no process has taken (each index once, to one process), or None when none is left."""
    with taken.get_lock():
        index = taken.value
        if index >= count:
            return None
        taken.value = index + 1
    return index


def _child(tasks: Sequence[T], run: Callable[[T], R], taken: Synchronized[int], send: Connection) -> None:
    # what the child inherited (the pipeline, the articles read ahead) is out of its collections' walks: a
    # walk writes to every object it visits, which would copy each inherited page (copy-on-write)
    gc.freeze()
    while (index := _take(taken, len(tasks))) is not None:
        send.send((TOOK, index, None))  # before the work: should this process die, the parent knows what to redo
        try:
            result = run(tasks[index])
        except Exception:  # run again in the parent, which raises the error as one process would
            send.send((FAILED, index, None))
            continue
        send.send((DONE, index, result))
    send.close()


def _widen(connection: Connection) -> None:
    """A pipe that holds many results, so a child goes on while the parent is busy with a task of its own."""
    with suppress(AttributeError, OSError):  # not Linux, or the limit is lower: the default size still works
        import fcntl

        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
