"""Every message factcheck shows for bad input, with a stable code."""

from __future__ import annotations


class FactcheckError(Exception):
    """An error the user can fix; shown as one line, exit status 2."""

    code = "E000"

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem} [{self.code}]")
        self.where = where
        self.problem = problem


class RuleFileError(FactcheckError):
    """A file under rules/ (or a user's rule folder) is malformed."""

    code = "E001"


class ConfigError(FactcheckError):
    """A setup.cfg / pyproject.toml / --config value is unknown or invalid."""

    code = "E002"


class InputError(FactcheckError):
    """A PATH that does not exist, or a run that read no article at all."""

    code = "E003"


class OutputError(FactcheckError):
    """A report, graph or baseline file cannot be written (checked before the run)."""

    code = "E004"
