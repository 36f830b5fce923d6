"""Where the time of one `factcheck check` goes, process by process: a timeline of its phases.

    python benchmarks/timeline.py CORPUS [check options, e.g. -j 2]

Runs the check in this process with the stages of the run wrapped so that each logs when it starts
and ends, with the wall time since the start and the CPU seconds of the process that ran it
(forked children log too). It then prints the parent's phases (start-up, reading and extraction, the
rules, the report) and, for each child, what it was (the read-ahead, an extraction worker, a rule
process), when it started and ended and the CPU it used, and the CPU seconds each process spent in the
cyclic garbage collector (through `gc.callbacks`; full collections counted apart, as each walks every
object the process tracks). Comparing `-j 1` with `-j 2` shows what the
second process costs and what stays serial. The output goes to stdout as usual; the timeline to stderr.
"""

from __future__ import annotations

import gc
import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LOG = Path(tempfile.mkstemp(prefix="factcheck-timeline-", suffix=".log")[1])
STARTED = time.monotonic()
# the parent's phases, in order: the time between two marks is the phase named by the later one
MARKS = [
    ("read_and_extract>", "start-up (imports, options, lexicon)"),
    ("readahead.finish<", "spaCy imported, pipeline built, first article, read-ahead stopped"),
    ("read_and_extract<", "extraction (and reading what was not read ahead)"),
    ("rules>", "combine, number, cluster"),
    ("rules<", "the rules"),
    ("run_check<", "sort, locate, the report's object"),
    ("exit", "render and write the output"),
]


COLLECTOR = [0.0, 0.0, 0]  # this process's CPU seconds in the collector, in full collections, and how many full ones
_collecting = [0.0]


def _collected(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        _collecting[0] = time.process_time()
        return
    spent = time.process_time() - _collecting[0]
    COLLECTOR[0] += spent
    if info["generation"] == 2:
        COLLECTOR[1] += spent
        COLLECTOR[2] += 1


def event(name: str) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    with LOG.open("a", encoding="utf-8") as log:
        collector = f"{COLLECTOR[0]:.3f} {COLLECTOR[1]:.3f} {COLLECTOR[2]}"
        log.write(
            f"{os.getpid()} {time.monotonic() - STARTED:.3f} {usage.ru_utime + usage.ru_stime:.3f} {collector} {name}\n"
        )


def wrap(module: ModuleType, name: str, label: str | None = None) -> None:
    """`module.name` logs `label>` when called and `label<` when it returns (a pickled function keeps its name)."""
    original = getattr(module, name)

    def logged(*args: Any, **kwargs: Any) -> Any:
        event(f"{label or name}>")
        try:
            return original(*args, **kwargs)
        finally:
            event(f"{label or name}<")

    logged.__qualname__, logged.__module__, logged.__name__ = original.__qualname__, original.__module__, name
    setattr(module, name, logged)


def instrument() -> None:
    from importlib import import_module

    # by module path: `factcheck.check` as an attribute is the package's check() function
    check, rules, workers = (import_module(f"factcheck.{m}") for m in ("check", "rule_split", "workers"))
    for name in ("run_check", "read_and_extract"):
        wrap(check, name)
    wrap(workers, "_run_task", "task")
    wrap(workers, "_read_ahead", "readahead")
    wrap(rules, "_take", "rules")
    finish: Callable[..., Any] = workers.ReadAhead.finish

    def finished(self: Any) -> Any:
        read = finish(self)
        event("readahead.finish<")
        return read

    workers.ReadAhead.finish = finished
    gc.callbacks.append(_collected)
    os.register_at_fork(after_in_child=_forked)


def _forked() -> None:
    COLLECTOR[:] = [0.0, 0.0, 0]  # a child counts its own collections
    event("forked")


def summary() -> list[str]:
    events: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    collected: dict[str, str] = {}
    for line in LOG.read_text(encoding="utf-8").splitlines():
        pid, wall, cpu, spent, full, walks, name = line.split(" ", 6)
        events[pid].append((float(wall), float(cpu), name))
        collected[pid] = f"{float(spent):.2f} CPU s in the collector, {walks} full collections {float(full):.2f} s"
    parent, *children = events  # the parent logs first
    lines = ["phase (parent)" + " " * 54 + "wall s   CPU s"]
    before, pending = (0.0, 0.0), []
    for mark, phase in MARKS:
        found = [e for e in events[parent] if e[2] == mark]
        pending.append(phase)
        if found:  # a phase whose end is not marked (one process: no read-ahead, no rule processes) joins the next
            lines.append(f"  {'; '.join(pending):<66} {found[0][0] - before[0]:6.2f}  {found[0][1] - before[1]:6.2f}")
            before, pending = found[0][:2], []
    own = [e for e in events[parent] if e[2].startswith("task")]
    if own:
        busy = sum(end[1] - begin[1] for begin, end in zip(own[::2], own[1::2]))
        lines.append(f"  of which extraction tasks run by the parent: {len(own) // 2}, {busy:.2f} CPU s")
    lines.append(f"  parent: {collected[parent]}")
    lines.append("children" + " " * 52 + "from     to   CPU s")
    for pid in children:
        names = {e[2] for e in events[pid]}
        kind = "rules" if "rules>" in names else "read-ahead" if "readahead>" in names else "extraction worker"
        tasks = sum(1 for e in events[pid] if e[2] == "task<")
        what = f"{kind}{f', {tasks} tasks' if tasks else ''}"
        first, last = events[pid][0], events[pid][-1]
        lines.append(f"  {pid:>8} {what:<48} {first[0]:6.2f} {last[0]:6.2f}  {last[1]:6.2f}")
        lines.append(f"  {'':>8} {collected[pid]}")
    return lines


def main() -> None:
    instrument()
    from factcheck.cli import main as cli

    event("start")
    try:
        cli(["check", *sys.argv[1:]], standalone_mode=False)
    except SystemExit:
        pass
    finally:
        event("exit")
        print("\n".join(summary()), file=sys.stderr)
        LOG.unlink()


if __name__ == "__main__":
    main()
