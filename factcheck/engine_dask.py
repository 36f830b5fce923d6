"""`--engine dask`: reading and extraction as a Dask bag on dask.distributed; clustering and rules stay here.

The run's files become a bag of (position, path, id) entries in partitions; each partition is read
and extracted on a worker by `workers.process_file`, the function the fork pool calls, so an article
is extracted the same way by either engine. Only the Units (articles, claims, mentions, skipped
entries; no spaCy Doc) come back, and they are put in the files' order, so the report is the same,
byte for byte, as with `--jobs 1`.

What does not change within a run (the lexicon, wanted languages, a draft's date, the time budget)
reaches each worker once, through a WorkerPlugin, instead of with every task; spaCy's pipeline is
built once per worker process (`extract.pipeline` is cached per process, and the plugin builds it
when it arrives). Without an address a LocalCluster of `--jobs` worker processes runs on this machine.

This module imports dask; `load.engine_runner` imports it only for `--engine dask`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dask.bag
from distributed import Client, LocalCluster
from distributed.comm.addressing import get_address_host_port
from distributed.diagnostics.plugin import WorkerPlugin

from .budget import Budget
from .errors import ConfigError
from .lexicon import Lexicon
from .workers import DraftDate, Unit, available_cores, batch_size, process_file

CONNECT_TIMEOUT = 10.0  # seconds to reach a --scheduler before the run is a configuration error

Entry = tuple[int, str, str]  # the file's position in the run, its path as given, its article id


@dataclass
class RunState:
    """What every task of one run needs, held by each worker process for the run's duration."""

    lexicon: Lexicon
    languages: tuple[str, ...]
    draft: DraftDate | None
    seconds: float
    root: str  # the client's working folder: relative paths are relative to it


_runs: dict[str, RunState] = {}  # worker side: the runs whose plugin this worker process holds, by token


class RunPlugin(WorkerPlugin):
    """Puts one run's state on a worker and builds the spaCy pipelines there, once per worker process."""

    def __init__(self, token: str, state: RunState) -> None:
        self.token = token
        self.state = state

    def setup(self, worker: Any) -> None:
        from .extract import pipeline

        _runs[self.token] = self.state
        for code in sorted(self.state.lexicon.languages):
            pipeline(code)

    def teardown(self, worker: Any) -> None:
        _runs.pop(self.token, None)


def extract_partition(entries: list[Entry], token: str) -> list[tuple[int, Unit]]:
    """On a worker: read and extract one partition's files, each with its position in the run."""
    state = _runs[token]
    budget = Budget(state.seconds)  # one per task: a worker with several threads runs tasks side by side
    same_folder = os.getcwd() == state.root
    done = []
    for position, given, article_id in entries:
        path, data = Path(given), None
        if not same_folder:
            # A worker on another machine (or started in another folder) finds the file where the
            # client does, on a shared filesystem; the report still names it as the user gave it.
            try:
                data = (Path(state.root) / path).read_bytes()
            except OSError:
                data = None  # read_file tries `path` itself and says why it cannot be read
        unit = process_file(path, article_id, state.lexicon, state.languages, state.draft, budget, data)
        done.append((position, unit))
    return done


@dataclass
class DaskEngine:
    """A Runner (see workers.py) for dask.distributed: the cluster at `scheduler`, else a LocalCluster."""

    scheduler: str | None = None

    def __call__(
        self,
        files: list[tuple[Path, str]],
        lexicon: Lexicon,
        jobs: int,
        wanted: tuple[str, ...],
        draft: DraftDate | None,
        seconds: float,
    ) -> Iterator[Unit]:
        if not files:
            return
        client, cluster = self._connect(jobs)
        token = uuid.uuid4().hex
        name = f"factcheck-{token}"
        try:
            client.register_plugin(RunPlugin(token, RunState(lexicon, wanted, draft, seconds, os.getcwd())), name=name)
            slots = max(1, sum(client.nthreads().values()))  # tasks the cluster runs at once
            entries = [(position, str(path), article_id) for position, (path, article_id) in enumerate(files)]
            bag = dask.bag.from_sequence(entries, partition_size=batch_size(len(files), slots))
            futures = client.compute(bag.map_partitions(extract_partition, token).to_delayed())
            for number, future in enumerate(futures):
                units = future.result()
                future.release()  # the worker may drop it: only the claims gathered here stay
                if number == len(futures) - 1:
                    _close(client, cluster, name)  # before the last yield: the caller need not exhaust us
                # partitions come back in order; sorting by position (the fork pool's order) makes it explicit
                yield from (unit for _, unit in sorted(units, key=lambda pair: pair[0]))
        finally:
            _close(client, cluster, name)

    def _connect(self, jobs: int) -> tuple[Client, LocalCluster | None]:
        if self.scheduler is None:
            cluster = LocalCluster(
                n_workers=jobs or available_cores(),
                threads_per_worker=1,  # extraction is pure Python: processes, not threads, use the cores
                processes=True,
                host="127.0.0.1",
                # the scheduler's HTTP server (health, and a dashboard where bokeh is installed) on a free
                # port: the default 8787 fails the run when another run holds it
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            )
            return Client(cluster, set_as_default=False), cluster
        try:
            # a malformed address is refused before a Client exists: a half-made one hangs on its way out
            get_address_host_port(self.scheduler)
        except ValueError as exc:  # no port, or a scheme dask does not speak
            raise ConfigError(f"--scheduler {self.scheduler}", f"not a scheduler address ({exc})") from None
        try:
            return Client(self.scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False), None
        except OSError as exc:  # refused or timed out
            problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ConfigError(f"--scheduler {self.scheduler}", f"cannot connect: {problem}") from None


def _close(client: Client, cluster: LocalCluster | None, name: str) -> None:
    """Unregister the run's plugin (a shared cluster outlives the run), then disconnect; safe to repeat."""
    if client.status == "running":
        with contextlib.suppress(ValueError, KeyError, OSError):  # never registered, or the cluster is gone
            client.unregister_worker_plugin(name)
        client.close()
    if cluster is not None and cluster.status.name != "closed":
        cluster.close()
