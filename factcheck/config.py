"""Configuration, in cascade: defaults, config file, flags.

The file is the checked folder's setup.cfg `[factcheck]` or pyproject.toml
`[tool.factcheck]`, or --config FILE; flags given on the command line win.

Every setting has a type, a default and a one-line description; `factcheck
check --help` and the README list them from SETTINGS.
"""

from __future__ import annotations

import configparser
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError

SEVERITIES = ("info", "warning", "error")
FAIL_ON = ("info", "warning", "error", "never")


@dataclass(frozen=True)
class Setting:
    key: str
    kind: str  # list, choice, severities, options, path
    default: Any
    help: str
    choices: tuple[str, ...] = ()


SETTINGS = (
    Setting("rules", "list", [], "extra folders with rules.yml, metrics.yml or entities.yml"),
    Setting("enable", "list", [], "rules to turn on (ids or names)"),
    Setting("disable", "list", [], "rules to turn off (ids or names)"),
    Setting("severity", "severities", {}, "severity per rule, e.g. FC201 = info"),
    Setting("options", "options", {}, "rule options (tolerances), e.g. FC201.max_age_months = 3"),
    Setting("fail-on", "choice", "warning", "lowest severity that makes the run exit 1", FAIL_ON),
    Setting("languages", "list", [], "only check articles in these languages (id, en); others are skipped"),
    Setting("include", "list", [], "glob patterns of files to read (default: every supported file)"),
    Setting("exclude", "list", [], "glob patterns of files to leave out"),
    Setting("baseline", "path", None, "baseline file: report and fail only on findings not in it"),
    Setting("time-budget", "seconds", 120, "seconds one article may take before it is skipped (0: no limit)"),
)
KEYS = {s.key: s for s in SETTINGS}


def find_config(paths: list[str]) -> Path | None:
    """The checked folder's setup.cfg with [factcheck], else its pyproject.toml with [tool.factcheck]."""
    if not paths:
        return None
    first = Path(paths[0])
    folder = first if first.is_dir() else first.parent
    setup = folder / "setup.cfg"
    if setup.is_file():
        parser = configparser.ConfigParser()
        try:
            parser.read(setup, encoding="utf-8")
        except configparser.Error:
            return setup  # load_config reports the problem
        if parser.has_section("factcheck"):
            return setup
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError:
            return pyproject
        if "factcheck" in data.get("tool", {}):
            return pyproject
    return None


def load_config(path: Path) -> dict[str, Any]:
    """Read and validate one config file; keys come back normalised and typed."""
    if not path.is_file():
        raise ConfigError(str(path), "config file does not exist")
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(str(path), f"not valid TOML ({exc})") from exc
        raw = data.get("tool", {}).get("factcheck", data.get("factcheck", {}))
        where = f"{path} [tool.factcheck]"
        return {key: _typed(where, key, value) for key, value in raw.items()}
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except configparser.Error as exc:
        raise ConfigError(str(path), f"not a valid INI file ({exc.message})") from exc
    if not parser.has_section("factcheck"):
        raise ConfigError(str(path), "no [factcheck] section")
    where = f"{path} [factcheck]"
    return {key: _typed(where, key, _from_ini(key, value)) for key, value in parser.items("factcheck")}


def _from_ini(key: str, value: str) -> Any:
    setting = KEYS.get(key)
    if setting is None:
        return value
    if setting.kind == "list":
        return [v.strip() for line in value.splitlines() for v in line.split(",") if v.strip()]
    if setting.kind in ("severities", "options"):
        pairs: dict[str, Any] = {}
        for line in value.splitlines():
            if not line.strip():
                continue
            name, _, setting_value = line.replace(":", "=", 1).partition("=")
            pairs[name.strip()] = setting_value.strip()
        if setting.kind == "options":
            nested: dict[str, dict[str, Any]] = {}
            for name, option_value in pairs.items():
                rule, _, option = name.partition(".")
                nested.setdefault(rule, {})[option] = _scalar(option_value)
            return nested
        return pairs
    return value.strip()


def _scalar(text: Any) -> Any:
    if not isinstance(text, str):
        return text
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return text


def _typed(where: str, key: str, value: Any) -> Any:
    setting = KEYS.get(key)
    if setting is None:
        raise ConfigError(f"{where} {key}", f"unknown key; allowed: {', '.join(KEYS)}")
    if setting.kind == "list":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where} {key}", "must be a list of strings")
        return value
    if setting.kind == "choice":
        if value not in setting.choices:
            raise ConfigError(f"{where} {key}", f"{value!r} is not allowed; use one of {', '.join(setting.choices)}")
        return value
    if setting.kind == "severities":
        if not isinstance(value, dict):
            raise ConfigError(f"{where} {key}", "must map rule ids to severities")
        for rule, severity in value.items():
            if severity not in SEVERITIES:
                allowed = ", ".join(SEVERITIES)
                raise ConfigError(f"{where} {key}.{rule}", f"{severity!r} is not a severity; use {allowed}")
        return dict(value)
    if setting.kind == "options":
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise ConfigError(f"{where} {key}", "must map rule ids to option tables, e.g. FC201.max_age_months = 3")
        return {rule: {k: _scalar(v) for k, v in opts.items()} for rule, opts in value.items()}
    if setting.kind == "seconds":
        number = _scalar(value)
        if isinstance(number, bool) or not isinstance(number, int | float) or not 0 <= number < 1e9:
            raise ConfigError(f"{where} {key}", f"{value!r} is not a number of seconds (0 for no limit)")
        return float(number)
    if setting.kind == "path":
        if not isinstance(value, str):
            raise ConfigError(f"{where} {key}", "must be a file path")
        return value
    return value
