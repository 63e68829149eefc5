"""The ``Series.wirescan`` accessor, registered as soon as pandas is imported (before or after
wirescan), without importing pandas ourselves."""

from __future__ import annotations

import functools
import importlib.abc
import importlib.util
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from . import Extractor, What


# The package hands in its Extractor class at import (install), so this module, which the
# package imports, never imports the package back.
_EXTRACTOR: list[Callable[[], Extractor]] = []


@functools.lru_cache(maxsize=1)
def _default_extractor() -> Extractor:
    return _EXTRACTOR[0]()


class SeriesAccessor:
    """``s.wirescan.entities()``, ``.numbers()``, ``.quotes()``: frames keyed by the Series
    index (the ``doc`` column). None/NaN rows yield no rows; a non-string value raises a
    TypeError naming its row. ``extractor=`` picks the Extractor (default: the bundled
    gazetteer); other keywords go to :meth:`wirescan.Extractor.frame`.

    Type checkers see ``Series.wirescan`` as this class with the mypy plugin
    ``wirescan.mypy_plugin`` (pandas-stubs types unknown Series attributes otherwise)."""

    def __init__(self, series: Any) -> None:
        self._s = series

    def _frame(self, what: What, extractor: Extractor | None, kw: dict[str, Any]) -> pd.DataFrame:
        ex = extractor if extractor is not None else _default_extractor()
        return ex.frame(self._s.array, what, ids=self._s.index, **kw)

    def entities(self, extractor: Extractor | None = None, **kw: Any) -> pd.DataFrame:
        return self._frame("entities", extractor, kw)

    def numbers(self, extractor: Extractor | None = None, **kw: Any) -> pd.DataFrame:
        return self._frame("numbers", extractor, kw)

    def quotes(self, extractor: Extractor | None = None, **kw: Any) -> pd.DataFrame:
        return self._frame("quotes", extractor, kw)


def register() -> None:
    """Registers ``Series.wirescan`` (idempotent)."""
    import pandas as pd

    if "wirescan" in getattr(pd.Series, "_accessors", set()):
        return
    pd.api.extensions.register_series_accessor("wirescan")(SeriesAccessor)


class _PandasHook(importlib.abc.MetaPathFinder):
    """Registers the accessor right after ``import pandas`` finishes."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: Any = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != "pandas":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec("pandas")
        loader = spec.loader if spec is not None else None
        if loader is None or not hasattr(loader, "exec_module"):
            return spec
        run = loader.exec_module

        def exec_module(module: Any) -> None:
            run(module)
            try:
                register()
            except Exception:  # pragma: no cover - never break pandas' import
                pass

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def install(extractor: Callable[[], Extractor]) -> None:
    """Registers the accessor now or when pandas is imported; ``extractor()`` makes the default
    Extractor on first use."""
    _EXTRACTOR[:] = [extractor]
    if "pandas" in sys.modules:
        register()
    elif not any(isinstance(f, _PandasHook) for f in sys.meta_path):
        sys.meta_path.insert(0, _PandasHook())
