"""Frames and Arrow tables from columns built in Rust, chunk by chunk."""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Iterator, Sized
from typing import TYPE_CHECKING, Any

from . import schema
from .errors import OptionError

if TYPE_CHECKING:
    from . import Extractor

DEFAULT_CHUNK = 512


def is_missing(x: object) -> bool:
    """Missing texts yield no rows: None, pandas' NA and NaT, and any NaN or NaT value (a float
    of any width, ``numpy.datetime64('NaT')``, ``Decimal('NaN')``: whatever is not equal to
    itself)."""
    if x is None:
        return True
    if type(x) is str:
        return False
    if isinstance(x, float):
        return math.isnan(x)
    pd = sys.modules.get("pandas")  # pandas' own missing values, if pandas is in use
    if pd is not None and (x is pd.NA or x is pd.NaT):
        return True
    try:
        return bool(x != x)
    except Exception:  # an object whose comparison fails is not a missing value
        return False


def _in_notebook() -> bool:
    """Is this a Jupyter kernel (IPython's ZMQ shell)?"""
    ipython = sys.modules.get("IPython")
    get = getattr(ipython, "get_ipython", None) if ipython is not None else None
    shell = get() if callable(get) else None
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def _interactive() -> bool:
    """Is someone watching stderr: a terminal, or a Jupyter kernel's output area?"""
    try:
        if sys.stderr is not None and sys.stderr.isatty():
            return True
    except (AttributeError, ValueError):
        pass
    return _in_notebook()


def _tqdm_class() -> Any:
    """tqdm's notebook bar where ipywidgets can draw it, else the plain one (``tqdm.auto``
    without ipywidgets prints a TqdmWarning instead of a bar)."""
    import importlib.util

    from tqdm import tqdm as plain

    if _in_notebook() and importlib.util.find_spec("ipywidgets") is not None:
        from tqdm.notebook import tqdm as notebook

        return notebook
    return plain


def progress_bar(total: int | None, enabled: bool | None, desc: str, unit: str = "doc") -> Any:
    """A tqdm bar, or None.

    ``enabled=None`` (the default): a bar only when someone watches (stderr is a terminal, or a
    notebook) and the input is long (more than one chunk, or of unknown length), and tqdm is
    installed; never into a captured log. ``True`` insists (ImportError naming the extra if tqdm
    is missing); ``False`` never. With an unknown ``total`` the bar is a counter (items, rate).
    """
    if enabled is False:
        return None
    if enabled is None:
        if not _interactive() or (total is not None and total <= DEFAULT_CHUNK):
            return None
    try:
        cls = _tqdm_class()
    except ImportError as e:
        if enabled:
            raise ImportError(
                "progress=True needs tqdm, which is not installed: pip install 'wirescan[progress]'"
            ) from e
        return None
    return cls(total=total, desc=desc, unit=unit)


class KeyType:
    """The Arrow type of the ``doc`` column, fixed for a whole call, so that every chunk (also one
    whose texts are all missing) has the same schema.

    Without ids, ``doc`` is the int64 position. With ids, the type is inferred from all ids when
    they are a sized collection (list, tuple, array, pandas Index or Series), else from the first
    chunk's ids. Ids that do not share one Arrow type (mixed ints and strings, tuples of a
    MultiIndex) become strings, ``str(id)``; so do ids that are all None. A later chunk whose ids
    do not fit the type of the first raises a TypeError.
    """

    def __init__(self, ids: Iterable[Any] | None) -> None:
        self.positions = ids is None
        self.type: Any = None
        self.stringify = False
        if ids is not None and isinstance(ids, Sized) and not isinstance(ids, (str, bytes)):
            self._infer(list(ids))

    def _infer(self, keys: list[Any]) -> None:
        pa = schema._need("pyarrow", "arrow")
        try:
            t = pa.array(keys, from_pandas=True).type
            ok = not (pa.types.is_null(t) or pa.types.is_nested(t))
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
            ok = False
        if ok:
            self.type = pa.large_string() if pa.types.is_string(t) else t
        else:
            self.type, self.stringify = pa.large_string(), True

    def array(self, keys: list[Any], chunk_keys: list[Any] | None = None) -> Any:
        """The Arrow array of ``keys``; ``chunk_keys`` (all ids of the chunk) settle the type
        when it is not known yet."""
        pa = schema._need("pyarrow", "arrow")
        if self.positions:
            return pa.array(keys, pa.int64())
        if self.type is None:
            self._infer(chunk_keys if chunk_keys is not None else keys)
        if self.stringify:
            return pa.array([str(k) for k in keys], self.type)
        try:
            return pa.array(keys, self.type, from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
            raise TypeError(
                f"ids must share one type within a call: a later chunk has ids that are not "
                f"{self.type} ({[type(k).__name__ for k in keys[:3]]}); pass ids of one type, "
                "or strings"
            ) from None


def chunks(
    texts: Iterable[Any], keys: Iterable[Any] | None, size: int
) -> Iterator[tuple[list[str], list[Any], int, list[Any]]]:
    """Chunks of (texts, their keys, how many inputs the chunk covered, the keys of all of
    them); missing texts are dropped, a non-str raises TypeError naming its key."""
    if isinstance(texts, str):
        raise TypeError("texts must be an iterable of str, not a single str")
    mod = type(texts).__module__
    if type(texts).__name__ == "DataFrame" and mod.split(".")[0] in ("pandas", "polars"):
        raise TypeError(
            "texts is a DataFrame (iterating it gives its column names): pass its text column, "
            "e.g. ex.frame(df['text'], ids=df['id'])"
        )
    key_iter = iter(keys) if keys is not None else None
    batch: list[str] = []
    batch_keys: list[Any] = []
    all_keys: list[Any] = []
    seen = 0
    for pos, t in enumerate(texts):
        if key_iter is not None:
            try:
                key = next(key_iter)
            except StopIteration:
                raise OptionError(f"ids has fewer items than texts ({pos})") from None
        else:
            key = pos
        seen += 1
        all_keys.append(key)
        if is_missing(t):
            pass
        elif isinstance(t, str):
            batch.append(t)
            batch_keys.append(key)
        else:
            raise TypeError(
                f"text for row {key!r} must be str, None or NaN, not {type(t).__name__}"
            )
        if seen >= size:
            yield batch, batch_keys, seen, all_keys
            batch, batch_keys, seen, all_keys = [], [], 0, []
    if key_iter is not None and next(key_iter, _END) is not _END:
        raise OptionError("ids has more items than texts")
    if seen:
        yield batch, batch_keys, seen, all_keys


_END = object()


def record_batches(
    ex: Extractor,
    texts: Iterable[Any],
    what: str,
    ids: Iterable[Any] | None,
    *,
    chunk_size: int,
    progress: bool | None,
    n_threads: int | None,
) -> Iterator[Any]:
    """One ``pyarrow.RecordBatch`` per chunk, with the schema of ``what``."""
    schema._need("pyarrow", "arrow")
    schema.check_what(what)
    if chunk_size < 1:
        raise OptionError(f"chunk_size must be >= 1, not {chunk_size}")
    total = len(texts) if isinstance(texts, Sized) else None
    key_type = KeyType(ids)
    bar = progress_bar(total, progress, f"wirescan {what}")
    try:
        for batch, keys, covered, all_keys in chunks(texts, ids, chunk_size):
            ((rows, cols),) = ex._columns(batch, [what], n_threads)
            yield to_record_batch(what, rows, cols, key_type.array(keys, all_keys))
            if bar is not None:
                bar.update(covered)
    finally:
        if bar is not None:
            bar.close()


def to_record_batch(what: str, rows: int, cols: Any, keys: Any) -> Any:
    """A ``pyarrow.RecordBatch`` from the core's columns; ``doc`` positions become ``keys`` (an
    Arrow array, one key per text of the chunk)."""
    pa = schema._need("pyarrow", "arrow")
    arrays = []
    for name, ty, values, offsets, valid in cols:
        validity = pa.py_buffer(valid) if valid is not None else None
        if ty == "large_string":
            arr = pa.Array.from_buffers(
                pa.large_string(), rows, [validity, pa.py_buffer(offsets), pa.py_buffer(values)]
            )
        else:
            pa_type = {"int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}[ty]
            arr = pa.Array.from_buffers(pa_type, rows, [validity, pa.py_buffer(values)])
        if name == "doc":
            arr = keys.take(arr)
        arrays.append(arr)
    return pa.RecordBatch.from_arrays(arrays, schema=schema.arrow_schema(what, arrays[0].type))


def table(
    ex: Extractor, texts: Iterable[Any], what: str, ids: Iterable[Any] | None, **kw: Any
) -> Any:
    pa = schema._need("pyarrow", "arrow")
    batches = list(record_batches(ex, texts, what, ids, **kw))
    if not batches:
        return schema.arrow_schema(what).empty_table()
    # Every chunk has the same schema (KeyType fixes the key's type for the call).
    return pa.Table.from_batches(batches).combine_chunks()


def frame(
    ex: Extractor, texts: Iterable[Any], what: str, ids: Iterable[Any] | None, **kw: Any
) -> Any:
    pd = schema._need("pandas", "pandas")
    t = table(ex, texts, what, ids, **kw)
    dtypes = schema.pandas_dtypes(what)
    df = t.to_pandas(types_mapper={t.schema.field("text").type: pd.StringDtype("pyarrow")}.get)
    if ids is not None:
        dtypes.pop("doc")
    return df.astype(dtypes)


def documents_table(docs: Iterable[Any], what: str, ids: Iterable[Any] | None) -> Any:
    from . import _core

    schema.check_what(what)
    docs = list(docs)
    keys = list(ids) if ids is not None else list(range(len(docs)))
    if len(keys) != len(docs):
        raise OptionError(f"ids has {len(keys)} items for {len(docs)} documents")
    pa = schema._need("pyarrow", "arrow")
    rows, cols = _core.columns_from_documents(docs, what)
    arr = KeyType(keys if ids is not None else None).array(keys)
    return pa.Table.from_batches([to_record_batch(what, rows, cols, arr)])


def documents_frame(docs: Iterable[Any], what: str, ids: Iterable[Any] | None) -> Any:
    pd = schema._need("pandas", "pandas")
    t = documents_table(docs, what, ids)
    dtypes = schema.pandas_dtypes(what)
    df = t.to_pandas(types_mapper={t.schema.field("text").type: pd.StringDtype("pyarrow")}.get)
    if ids is not None:
        dtypes.pop("doc")
    return df.astype(dtypes)
