"""Scale-out helpers: Dask and Spark run wirescan on each partition.

Each worker gets the extractor by pickling: a small definition (the bundled gazetteer travels as
a reference, not as data), and the automaton is rebuilt once per worker process on first use.
Each partition runs on one thread (``n_threads=1``): the engine already runs one task per core.

Dask::

    import dask.dataframe as dd, wirescan.engines
    articles = dd.read_parquet("archive/")          # columns: id, text
    ents = wirescan.engines.dask_frame(articles, "entities", text_col="text", id_col="id")
    ents.groupby("entity_id").size().compute()

Spark::

    import wirescan.engines
    df = spark.read.parquet("archive/")             # columns: id, text
    ents = wirescan.engines.spark_frame(df, "entities", text_col="text", id_col="id")

Spark's Python workers need wirescan installed in the interpreter they run: set
``PYSPARK_PYTHON`` (or ``spark.pyspark.python``) to it when that is not the ``python3`` on PATH.
"""

from __future__ import annotations

from typing import Any

from . import Extractor, What, schema

_SPARK_TYPES = {
    "int64": "long",
    "Int64": "long",
    "float64": "double",
    "bool": "boolean",
    "string": "string",
}


def _partition_frame(texts: Any, ids: Any, what: What, extractor: Extractor | None) -> Any:
    ex = extractor if extractor is not None else _default()
    return ex.frame(texts, what, ids=ids, n_threads=1, progress=False)


_DEFAULT: list[Extractor] = []


def _default() -> Extractor:
    if not _DEFAULT:
        _DEFAULT.append(Extractor())
    return _DEFAULT[0]


def _series_partition(s: Any, what: What, extractor: Extractor | None) -> Any:
    return _partition_frame(s.array, s.index, what, extractor)


def _frame_partition(
    df: Any, text_col: str, id_col: str, what: What, extractor: Extractor | None
) -> Any:
    return _partition_frame(df[text_col].array, df[id_col].array, what, extractor)


def dask_frame(
    data: Any,
    what: What = "entities",
    extractor: Extractor | None = None,
    *,
    text_col: str = "text",
    id_col: str | None = "id",
) -> Any:
    """A Dask DataFrame of ``what``, partition by partition (``map_partitions`` with ``meta``
    from :mod:`wirescan.schema`); the partitions stay as they are, so no article text is
    shuffled across the cluster.

    ``data`` is a Dask DataFrame with a text column and an id column (``text_col``, ``id_col``:
    ``doc`` is the id), or a Dask Series of texts keyed by its index."""
    schema.check_what(what)
    import dask.dataframe as dd

    if isinstance(data, dd.DataFrame):
        missing = [c for c in (text_col, id_col) if c is not None and c not in data.columns]
        if missing:
            raise KeyError(f"dask_frame: no column {missing[0]!r} in {list(data.columns)}")
        if id_col is None:
            return dask_frame(data[text_col], what, extractor)
        meta = schema.empty_frame(what, doc_dtype=data[id_col].dtype)
        return data.map_partitions(_frame_partition, text_col, id_col, what, extractor, meta=meta)
    meta = schema.empty_frame(what, doc_dtype=data.index.dtype)
    return data.map_partitions(_series_partition, what, extractor, meta=meta)


def spark_schema(what: str, id_type: str = "string") -> str:
    """The Spark DDL schema of a frame of ``what`` (``doc`` has ``id_type``)."""
    cols = []
    for name, t in schema.columns(what):
        ty = id_type if name == "doc" else _SPARK_TYPES[t]
        cols.append(f"`{name}` {ty}")
    return ", ".join(cols)


def spark_frame(
    df: Any,
    what: What = "entities",
    *,
    text_col: str = "text",
    id_col: str = "id",
    id_type: str = "string",
    extractor: Extractor | None = None,
) -> Any:
    """A Spark DataFrame of ``what`` for a Spark DataFrame with text and id columns:
    ``df.mapInPandas`` with the schema of :func:`spark_schema`."""
    schema.check_what(what)

    def run(batches: Any) -> Any:
        for pdf in batches:
            out = _partition_frame(pdf[text_col].array, pdf[id_col].array, what, extractor)
            # Spark takes plain NumPy/object columns most reliably.
            yield out.astype({c: object for c, t in out.dtypes.items() if str(t) == "string"})

    return df.select(text_col, id_col).mapInPandas(run, spark_schema(what, id_type))
