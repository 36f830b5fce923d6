"""Configuration, in cascade: defaults, config file, flags.

The file is found as ruff and ESLint find theirs: from the first checked PATH
up to the repository root (the folder holding `.git`), the nearest folder
with `.factcheck.toml`, `pyproject.toml` `[tool.factcheck]` or `setup.cfg`
`[factcheck]` (in that order) wins; --config FILE names one, --no-config
ignores them. Flags given on the command line win over the file.

Every source is checked against one JSON schema (`schema.config_schema`):
first keys and types, then, once the rules are loaded, rule ids, their
options and language codes, each error naming the file and key with a
"did you mean".

Every setting has a type, a default and a one-line description; the README
lists them from SETTINGS.
"""

from __future__ import annotations

import configparser
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .schema import FAIL_ON, config_schema, ignore_schema, validate


@dataclass(frozen=True)
class Setting:
    key: str
    kind: str  # list, choice, severities, options, path, seconds
    default: Any
    help: str
    choices: tuple[str, ...] = ()


SETTINGS = (
    Setting("rules", "list", [], "extra folders with rules.yml, metrics.yml or entities.yml"),
    Setting("enable", "list", [], "rules to turn on (ids or names)"),
    Setting("disable", "list", [], "rules to turn off (ids or names)"),
    Setting("select", "list", [], "only these rules (ids or names), as ruff's select; enable and disable then adjust"),
    Setting("severity", "severities", {}, "severity per rule, e.g. FC201 = info"),
    Setting("options", "options", {}, "rule options (tolerances), e.g. FC201.max_age_months = 3"),
    Setting("fail-on", "choice", "warning", "lowest severity that makes the run exit 1", tuple(FAIL_ON)),
    Setting("languages", "list", [], "only check articles in these languages (id, en); others are skipped"),
    Setting("include", "list", [], "glob patterns of files to read (default: every supported file)"),
    Setting("exclude", "list", [], "glob patterns of files to leave out"),
    Setting("baseline", "path", None, "baseline file: report and fail only on findings not in it"),
    Setting("time-budget", "seconds", 120, "seconds one article may take before it is skipped (0: no limit)"),
)
KEYS = {s.key: s for s in SETTINGS}


CONFIG_FILES = (".factcheck.toml", "pyproject.toml", "setup.cfg")


def find_config(paths: list[str]) -> Path | None:
    """The nearest config file above the first PATH that has one, searched up to its repository root."""
    for given in paths:
        start = Path(given).resolve()
        folder = start if start.is_dir() else start.parent
        for candidate in (folder, *folder.parents):
            for name in CONFIG_FILES:
                path = candidate / name
                if path.is_file() and _has_section(path):
                    return path
            if (candidate / ".git").exists():
                break  # the repository root: a config above it belongs to something else
    return None


def _has_section(path: Path) -> bool:
    """Whether the file speaks to factcheck; a file that cannot be parsed does, so that its error is shown."""
    if path.name == ".factcheck.toml":
        return True
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
            return True
        return "factcheck" in data.get("tool", {})
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return True
    return parser.has_section("factcheck")


def describe_source(path: Path) -> str:
    """How messages name a config file: with its section, where it has one."""
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
            return str(path)
        if "factcheck" in data.get("tool", {}):
            return f"{path} [tool.factcheck]"
        return f"{path} [factcheck]" if isinstance(data.get("factcheck"), dict) else str(path)
    return f"{path} [factcheck]"


def load_config(path: Path) -> dict[str, Any]:
    """Read one config file and check its keys and types; rule ids and languages are checked by `check_names`."""
    if not path.is_file():
        raise ConfigError(str(path), "config file does not exist")
    where = describe_source(path)
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(str(path), f"not valid TOML ({exc})") from exc
        if "factcheck" in data.get("tool", {}):
            raw = data["tool"]["factcheck"]
        elif isinstance(data.get("factcheck"), dict):
            raw = data["factcheck"]
        elif path.name == "pyproject.toml":
            raw = {}
        else:
            raw = data  # .factcheck.toml: the keys at top level, as in ruff.toml
        if not isinstance(raw, dict):
            raise ConfigError(where, "must be a table of settings")
        settings = dict(raw)  # TOML has types of its own: "24" for a number is an error, not a guess
    else:
        parser = configparser.ConfigParser()
        try:
            parser.read(path, encoding="utf-8")
        except (configparser.Error, UnicodeDecodeError) as exc:
            raise ConfigError(str(path), f"not a valid INI file ({getattr(exc, 'message', exc)})") from exc
        if not parser.has_section("factcheck"):
            raise ConfigError(str(path), "no [factcheck] section")
        settings = {key: _from_ini(key, value) for key, value in parser.items("factcheck")}
    validate(settings, config_schema(), where, ConfigError)
    return settings


def check_names(settings: dict[str, Any], where: str, rules: list[dict[str, Any]], languages: list[str]) -> None:
    """Rule ids and names, their options and language codes, against the rules and languages loaded."""
    validate(settings, config_schema(rules, languages), where, ConfigError)


def check_ignores(articles: list[Any], rules: list[dict[str, Any]]) -> None:
    """A misspelt `factcheck-ignore` id would silently suppress nothing: it is an error naming the article."""
    schema = ignore_schema(rules)
    for article in articles:
        if article.ignore_rules:
            where = f"{article.path} front matter"
            validate({"factcheck-ignore": list(article.ignore_rules)}, schema, where, ConfigError)
        for line, ids in sorted(article.ignore_lines.items()):
            where = f"{article.path}:{line - 1} comment"  # the comment stands on the line before the figure
            validate({"factcheck-ignore": list(ids)}, schema, where, ConfigError)


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
    if setting.kind == "seconds":
        return _scalar(value.strip())
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
