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
    """None and float NaN (pandas' missing values) are missing texts: they yield no rows."""
    if x is None:
        return True
    if isinstance(x, float) and math.isnan(x):
        return True
    pd = sys.modules.get("pandas")  # pandas' own missing values, if pandas is in use
    return pd is not None and (x is pd.NA or x is pd.NaT)


def progress_bar(total: int | None, enabled: bool | None, desc: str) -> Any:
    """A tqdm.auto bar, or None. ``enabled=None``: shown when tqdm is installed and the input is
    long (more than one chunk); ``True`` insists (ImportError naming the extra if missing)."""
    if enabled is False:
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError as e:
        if enabled:
            raise ImportError(
                "progress=True needs tqdm, which is not installed: pip install 'wirescan[progress]'"
            ) from e
        return None
    if enabled is None and (total is None or total <= DEFAULT_CHUNK):
        return None
    return tqdm(total=total, desc=desc, unit="doc")


def chunks(
    texts: Iterable[Any], keys: Iterable[Any] | None, size: int
) -> Iterator[tuple[list[str], list[Any], int]]:
    """Chunks of (texts, their keys, how many inputs the chunk covered); missing texts are
    dropped, a non-str raises TypeError naming its key."""
    key_iter = iter(keys) if keys is not None else None
    batch: list[str] = []
    batch_keys: list[Any] = []
    seen = 0
    for pos, t in enumerate(texts):
        if key_iter is not None:
            try:
                key = next(key_iter)
            except StopIteration:
                raise ValueError(f"ids has fewer items than texts ({pos})") from None
        else:
            key = pos
        seen += 1
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
            yield batch, batch_keys, seen
            batch, batch_keys, seen = [], [], 0
    if key_iter is not None and next(key_iter, _END) is not _END:
        raise ValueError("ids has more items than texts")
    if seen:
        yield batch, batch_keys, seen


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
    bar = progress_bar(total, progress, f"wirescan {what}")
    try:
        for batch, keys, covered in chunks(texts, ids, chunk_size):
            rows, cols = ex._core.columns(batch, what, n_threads)
            yield to_record_batch(what, rows, cols, keys, ids is not None)
            if bar is not None:
                bar.update(covered)
    finally:
        if bar is not None:
            bar.close()


def to_record_batch(what: str, rows: int, cols: Any, keys: list[Any], typed_keys: bool) -> Any:
    """A ``pyarrow.RecordBatch`` from the core's columns; ``doc`` positions become ``keys``."""
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
            arr = pa.array(keys, None if typed_keys else pa.int64()).take(arr)
        arrays.append(arr)
    return pa.RecordBatch.from_arrays(arrays, schema=schema.arrow_schema(what, arrays[0].type))


def table(
    ex: Extractor, texts: Iterable[Any], what: str, ids: Iterable[Any] | None, **kw: Any
) -> Any:
    pa = schema._need("pyarrow", "arrow")
    batches = list(record_batches(ex, texts, what, ids, **kw))
    if not batches:
        return schema.arrow_schema(what).empty_table()
    # Key types can differ between chunks (an empty chunk's keys are null-typed): unify them.
    return pa.concat_tables(
        [pa.Table.from_batches([b]) for b in batches], promote_options="default"
    ).combine_chunks()


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
        raise ValueError(f"ids has {len(keys)} items for {len(docs)} documents")
    pa = schema._need("pyarrow", "arrow")
    rows, cols = _core.columns_from_documents(docs, what)
    return pa.Table.from_batches([to_record_batch(what, rows, cols, keys, ids is not None)])


def documents_frame(docs: Iterable[Any], what: str, ids: Iterable[Any] | None) -> Any:
    pd = schema._need("pandas", "pandas")
    t = documents_table(docs, what, ids)
    dtypes = schema.pandas_dtypes(what)
    df = t.to_pandas(types_mapper={t.schema.field("text").type: pd.StringDtype("pyarrow")}.get)
    if ids is not None:
        dtypes.pop("doc")
    return df.astype(dtypes)
