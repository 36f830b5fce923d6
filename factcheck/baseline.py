"""Baselines: accept today's findings, fail only on new ones.

Findings are matched by rule and the figures they quote (article, text,
value, unit), never by line numbers, so that edits elsewhere in an article do
not revive them.
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import ConfigError
from .models import Finding, Report
from .output import write_file


def write_baseline(report: Report, path: str) -> None:
    entries = sorted(
        ({"fingerprint": f.fingerprint, "rule": f.rule, "message": f.message} for f in report.findings),
        key=lambda e: e["fingerprint"],
    )
    payload = {"version": report.version, "findings": entries}
    # Atomic: a failed or killed run leaves the previous baseline as it was, never a truncated one.
    write_file(path, json.dumps(payload, ensure_ascii=False, indent=2) + "\n", "--write-baseline")


def read_baseline(path: str) -> set[str]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(path, "baseline file does not exist; create it with --write-baseline") from exc
    except json.JSONDecodeError as exc:
        raise ConfigError(path, f"baseline is not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ConfigError(path, "baseline needs a 'findings' list; create it with --write-baseline")
    return {str(entry.get("fingerprint")) for entry in data["findings"] if isinstance(entry, dict)}


def apply_baseline(report: Report, known: set[str]) -> None:
    """Drop findings already in the baseline; count the baseline's findings that are gone."""
    current = {f.fingerprint for f in report.findings}
    report.findings = [f for f in report.findings if f.fingerprint not in known]
    report.baseline_fixed = len(known - current)


__all__ = ["apply_baseline", "read_baseline", "write_baseline", "Finding"]
