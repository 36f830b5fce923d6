"""spaCy's command-line package, imported only when something uses it.

`import spacy` imports `spacy.cli` for one name, `spacy.info`, and with it typer, weasel,
requests, httpx, jinja2 and their own imports: about 350 modules and 0.17 s of CPU, a
tenth of a draft's whole check (`check DRAFT --against archive.sqlite`), for code factcheck
never runs. `defer()`, called by the command line before spaCy is first imported, puts a
stand-in for `spacy.cli` and `spacy.cli.info` on the import path; the first use of any of
their names (`spacy.info()`, `spacy.cli.download`, `import spacy.cli.train`) imports spaCy's
own package in their place, so nothing of spaCy is lost, only its cost deferred.

`spacy.pipeline` is deferred too, differently: spaCy's tokenizer imports one module inside it
(`spacy.pipeline._parser_internals.nonproj`, through `spacy.training`), and the package's own
`__init__` imports every trained component spaCy has (parser, tagger, entity linker, text
categorizer, ... with thinc's layers): about 70 modules and 0.1 s of CPU that a pipeline of
rule components never runs (extract/blank.py builds it without `spacy.Language`, which would
import them again). Its stand-in is a package of the same folder: its modules are imported
for real beneath it, and the first use of any of the package's own names (`from spacy.pipeline
import EntityRuler`, `spacy.blank`, English's lemmatizer) runs its `__init__`.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import types
from collections.abc import Sequence
from typing import Any

STAND_INS = ("spacy.cli", "spacy.cli.info")
PACKAGES = ("spacy.pipeline",)  # stand-ins whose modules are imported beneath them (see above)


class _Deferred(types.ModuleType):
    """A stand-in module: any name not set on it is looked up in spaCy's own module of this name."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system's probes (__path__, __spec__, ...) need no real module
            raise AttributeError(name)
        if self.__name__ in PACKAGES:
            return getattr(_real_package(self.__name__), name)
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
        if fullname in PACKAGES and fullname not in _realized and path:
            spec = importlib.util.spec_from_loader(fullname, self, is_package=True)
            if spec is not None:  # the package's own folder: its modules are found there, as usual
                spec.submodule_search_locations = [os.path.join(path[0], fullname.rsplit(".", 1)[1])]
            return spec
        if fullname.startswith("spacy.cli."):  # another part of the package: imported by spaCy's own package
            _real(fullname)
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        if spec.name in PACKAGES:
            return _Deferred(spec.name)
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


_realized: set[str] = set()


def _real_package(name: str) -> types.ModuleType:
    """The package of this name with its own `__init__` run, in place of its stand-in."""
    _realized.add(name)
    stand_in = sys.modules.get(name)
    if isinstance(stand_in, _Deferred):
        del sys.modules[name]
    package = importlib.import_module(name)
    parent, _, last = name.rpartition(".")
    if parent in sys.modules:
        setattr(sys.modules[parent], last, package)  # the stand-in was bound there
    prefix = name + "."
    for module_name, module in list(sys.modules.items()):  # modules imported beneath the stand-in
        if (
            module_name.startswith(prefix)
            and "." not in module_name[len(prefix) :]
            and not hasattr(package, module_name[len(prefix) :])
        ):
            setattr(package, module_name[len(prefix) :], module)
    return package


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
