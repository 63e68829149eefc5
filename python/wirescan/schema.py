"""The columns of wirescan's frames, with fixed types.

Every frame has one row per item and a ``doc`` column first: the document's key (its position in
the input, the ``ids`` you passed, or the Series index for the pandas accessor). Types are named
once here and mapped to pandas and Arrow:

========  =============================  ===================
type      pandas dtype                   Arrow type
========  =============================  ===================
int64     ``int64``                      ``int64``
Int64     ``Int64`` (nullable)           ``int64``
float64   ``float64`` (NaN when absent)  ``float64``
bool      ``bool``                       ``bool``
string    ``string[pyarrow]``            ``large_string``
========  =============================  ===================

>>> import wirescan
>>> wirescan.schema.columns("entities")[:4]
[('doc', 'int64'), ('start', 'int64'), ('end', 'int64'), ('text', 'string')]
"""

from __future__ import annotations

from typing import Any

from . import _core
from .errors import OptionError

WHAT = ("entities", "numbers", "quotes")

# The columns are stated once, in the core's schema tables (src/frames/schema.rs), and read here.
ENTITIES: tuple[tuple[str, str], ...] = tuple(_core.schema("entities"))
NUMBERS: tuple[tuple[str, str], ...] = tuple(_core.schema("numbers"))
QUOTES: tuple[tuple[str, str], ...] = tuple(_core.schema("quotes"))

_BY_WHAT = {"entities": ENTITIES, "numbers": NUMBERS, "quotes": QUOTES}


def check_what(what: str) -> str:
    if what not in _BY_WHAT:
        raise OptionError(f"what must be one of {', '.join(WHAT)}, not {what!r}")
    return what


def columns(what: str) -> list[tuple[str, str]]:
    """``(name, type)`` of each column of a frame of ``what``."""
    return list(_BY_WHAT[check_what(what)])


def _need(module: str, extra: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(
            f"this needs {module}, which is not installed: pip install 'wirescan[{extra}]'"
        ) from e


def pandas_dtypes(what: str) -> dict[str, Any]:
    """pandas dtype of each column."""
    pd = _need("pandas", "pandas")
    _need("pyarrow", "pandas")
    m = {
        "int64": "int64",
        "Int64": pd.Int64Dtype(),
        "float64": "float64",
        "bool": "bool",
        "string": pd.StringDtype("pyarrow"),
    }
    return {name: m[t] for name, t in columns(what)}


def arrow_schema(what: str, doc_type: Any = None) -> Any:
    """The ``pyarrow.Schema`` of a table of ``what`` (``doc_type`` overrides the key's type)."""
    pa = _need("pyarrow", "arrow")
    m = {
        "int64": pa.int64(),
        "Int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "string": pa.large_string(),
    }
    fields = []
    for name, t in columns(what):
        ty = doc_type if (name == "doc" and doc_type is not None) else m[t]
        fields.append(pa.field(name, ty, nullable=t in ("Int64", "float64", "string")))
    return pa.schema(fields)


def empty_frame(what: str, doc_dtype: Any = None) -> Any:
    """An empty DataFrame with the frame's columns and dtypes (Dask's ``meta``)."""
    pd = _need("pandas", "pandas")
    dtypes = pandas_dtypes(what)
    if doc_dtype is not None:
        dtypes["doc"] = doc_dtype
    return pd.DataFrame({n: pd.Series([], dtype=d) for n, d in dtypes.items()})


def pandas_metadata(what: str) -> dict[bytes, bytes] | None:
    """The ``pandas`` schema metadata of a table of ``what`` keyed by string ids (what the CLI
    writes), so that ``pd.read_parquet`` gives the frame's dtypes back (``Int64`` for nullable
    integers, not float64); None without pandas."""
    try:
        import pandas as pd
        import pyarrow as pa
    except ImportError:
        return None
    frame = empty_frame(what, doc_dtype=pd.StringDtype("pyarrow"))
    meta = pa.Schema.from_pandas(frame, preserve_index=False).metadata
    return {b"pandas": meta[b"pandas"]} if meta and b"pandas" in meta else None
