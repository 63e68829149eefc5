"""Reading article archives record by record, and writing results atomically.

Readers yield, per input record, either ``Record`` (a text to extract) or ``Bad`` (why it could
not be used, with its file and line), so every record of the input is accounted for: corrupt
JSON lines, undecodable bytes, a missing or non-string text field, a truncated gzip member, an
unreadable file. Nothing is held beyond the current record.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

TEXT_EXT = (".txt",)
JSONL_EXT = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json.gz")
CSV_EXT = (".csv", ".csv.gz", ".tsv", ".tsv.gz")
PARQUET_EXT = (".parquet", ".pq")
ALL_EXT = TEXT_EXT + JSONL_EXT + CSV_EXT + PARQUET_EXT


@dataclass(frozen=True)
class Record:
    key: str
    file: str
    line: int
    text: str


@dataclass(frozen=True)
class Bad:
    file: str
    line: int | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "error": self.reason}


def iter_files(paths: Sequence[str]) -> Iterator[str]:
    """Files named, and files with a known extension under directories named, in sorted order."""
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if f.lower().endswith(ALL_EXT):
                        yield os.path.join(root, f)
        else:
            yield p


def _open_maybe_gz(path: str) -> IO[bytes]:
    f = open(path, "rb")
    if path.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=f)  # type: ignore[return-value]
    return f


def _key(path: str, line: int, value: Any) -> str:
    if value is None:
        return f"{path}:{line}"
    return str(value)


def read_text_file(path: str) -> Iterator[Record | Bad]:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        yield Bad(path, None, f"cannot read: {e.strerror or e}")
        return
    try:
        yield Record(path, path, 1, data.decode("utf-8"))
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        yield Bad(path, line, f"invalid UTF-8 at byte offset {e.start}")


def read_jsonl(path: str, text_field: str, id_field: str | None) -> Iterator[Record | Bad]:
    line = 0
    try:
        with _open_maybe_gz(path) as f:
            for raw in f:
                line += 1
                if not raw.strip():
                    continue
                try:
                    s = raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    yield Bad(path, line, f"invalid UTF-8 at byte {e.start} of the line")
                    continue
                try:
                    obj = json.loads(s)
                except json.JSONDecodeError as e:
                    yield Bad(path, line, f"invalid JSON: {e.msg} at column {e.colno}")
                    continue
                if not isinstance(obj, dict):
                    yield Bad(path, line, f"a JSON {type(obj).__name__}, not an object")
                    continue
                text = obj.get(text_field)
                if not isinstance(text, str):
                    what = "missing" if text is None else f"a {type(text).__name__}, not a string"
                    yield Bad(path, line, f"text field {text_field!r} is {what}")
                    continue
                key = obj.get(id_field) if id_field else None
                yield Record(_key(path, line, key), path, line, text)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as e:
        reason = "truncated or corrupt gzip" if not isinstance(e, FileNotFoundError) else ""
        yield Bad(path, line + 1, f"{reason or 'cannot read'}: {e}")


def read_csv(path: str, text_field: str, id_field: str | None) -> Iterator[Record | Bad]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    delim = "\t" if ".tsv" in path.lower() else ","
    row_no = 1
    try:
        with _open_maybe_gz(path) as fb:
            f = io.TextIOWrapper(fb, encoding="utf-8", errors="surrogateescape", newline="")
            reader = csv.DictReader(f, delimiter=delim)
            if reader.fieldnames is None or text_field not in reader.fieldnames:
                yield Bad(path, 1, f"no column {text_field!r} in the header")
                return
            for row in reader:
                row_no = reader.line_num
                text = row.get(text_field)
                if text is None:
                    yield Bad(path, row_no, f"row has no {text_field!r} cell")
                    continue
                if any("\udc80" <= c <= "\udcff" for c in text):
                    yield Bad(path, row_no, "invalid UTF-8 in the text cell")
                    continue
                key = row.get(id_field) if id_field else None
                yield Record(_key(path, row_no, key), path, row_no, text)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile, csv.Error) as e:
        yield Bad(path, row_no + 1, f"cannot read further: {e}")


def read_parquet(path: str, text_field: str, id_field: str | None) -> Iterator[Record | Bad]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield Bad(path, None, "reading Parquet needs pyarrow: pip install 'wirescan[arrow]'")
        return
    row = 0
    try:
        pf = pq.ParquetFile(path)
        cols = [text_field] + ([id_field] if id_field else [])
        missing = [c for c in cols if c not in pf.schema_arrow.names]
        if missing:
            yield Bad(path, None, f"no column {missing[0]!r}")
            return
        for batch in pf.iter_batches(columns=cols, batch_size=1024):
            texts = batch.column(0).to_pylist()
            ids = batch.column(1).to_pylist() if id_field else [None] * len(texts)
            for text, key in zip(texts, ids):
                row += 1
                if not isinstance(text, str):
                    yield Bad(path, row, f"text field {text_field!r} is null")
                    continue
                yield Record(_key(path, row, key), path, row, text)
    except Exception as e:  # pyarrow raises several types for corrupt files
        yield Bad(path, row + 1, f"cannot read further: {e}")


def read(path: str, text_field: str, id_field: str | None) -> Iterator[Record | Bad]:
    low = path.lower()
    if low.endswith(JSONL_EXT):
        return read_jsonl(path, text_field, id_field)
    if low.endswith(CSV_EXT):
        return read_csv(path, text_field, id_field)
    if low.endswith(PARQUET_EXT):
        return read_parquet(path, text_field, id_field)
    return read_text_file(path)


class AtomicFile:
    """A file written under a temporary name and renamed into place by :meth:`commit`; removed
    instead on :meth:`abort`, so a failure or Ctrl-C never leaves a half-written file."""

    def __init__(self, path: str) -> None:
        self.path = path
        d = os.path.dirname(os.path.abspath(path))
        self.tmp = os.path.join(d, f".{os.path.basename(path)}.tmp-{os.getpid()}")

    def commit(self) -> None:
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        try:
            os.remove(self.tmp)
        except FileNotFoundError:
            pass
