"""spaCy's command-line package, imported only when something uses it.

`import spacy` imports `spacy.cli` for one name, `spacy.info`, and with it typer, weasel,
requests, httpx, jinja2 and their own imports: about 350 modules and 0.17 s of CPU, a
tenth of a draft's whole check (`check DRAFT --against archive.sqlite`), for code factcheck
never runs. `defer()`, called by the command line before spaCy is first imported, puts a
stand-in for `spacy.cli` and `spacy.cli.info` on the import path; the first use of any of
their names (`spacy.info()`, `spacy.cli.download`, `import spacy.cli.train`) imports spaCy's
own package in their place, so nothing of spaCy is lost, only its cost deferred.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types
from collections.abc import Sequence
from typing import Any

STAND_INS = ("spacy.cli", "spacy.cli.info")


class _Deferred(types.ModuleType):
    """A stand-in module: any name not set on it is looked up in spaCy's own module of this name."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system's probes (__path__, __spec__, ...) need no real module
            raise AttributeError(name)
        return getattr(_real(self.__name__), name)


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, bound by spaCy's `__init__` without calling it: the real one, imported on first use."""
    return _real("spacy.cli.info").info(*args, **kwargs)


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname in STAND_INS:
            return importlib.util.spec_from_loader(fullname, self, is_package=fullname == "spacy.cli")
        if fullname.startswith("spacy.cli."):  # another part of the package: imported by spaCy's own package
            _real(fullname)
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        if spec.name not in STAND_INS:
            # imported just now, by `_real`: the same module, not a second copy (the import system then binds it
            # on its package, so `spacy.cli.download` is the module there, not the function: factcheck uses neither)
            return sys.modules[spec.name]
        return _Deferred(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        if isinstance(module, _Deferred) and module.__name__ == "spacy.cli.info":
            module.info = _info  # type: ignore[attr-defined]


_FINDER = _Finder()


def defer() -> None:
    """Stand in for spaCy's command-line package until it is used (nothing to do once spaCy is imported)."""
    if "spacy" not in sys.modules and _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)


def _real(name: str) -> types.ModuleType:
    """The module of this name in spaCy's own package, the stand-ins removed for good."""
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
    for stand_in in STAND_INS:
        if isinstance(sys.modules.get(stand_in), _Deferred):
            del sys.modules[stand_in]
    package = importlib.import_module("spacy.cli")
    spacy = sys.modules.get("spacy")
    if spacy is not None:
        spacy.cli = package  # type: ignore[attr-defined]  # the stand-in was bound there
    return importlib.import_module(name)
