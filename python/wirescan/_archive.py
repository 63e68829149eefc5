"""Reading article archives record by record, and writing results atomically.

Readers yield, per input record, either ``Record`` (a text to extract) or ``Bad`` (why it could
not be used, with its file and line), so every record of the input is accounted for: corrupt
JSON lines, undecodable bytes, a missing or non-string text field, a truncated gzip member, an
unreadable file. Nothing is held beyond the current record.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
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
    # Bytes of the input this record was read from (JSONL: its line; .txt: the file; 0 when the
    # format does not tell), for a progress bar in bytes.
    nbytes: int = 0
    # The text was null (JSON null, a Parquet null): processed as an empty text, as the Python
    # API's frames take None, and counted apart in the summary.
    missing: bool = False


@dataclass(frozen=True)
class Bad:
    file: str
    line: int | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "error": self.reason}


BOM = b"\xef\xbb\xbf"
_SURROGATE = re.compile("[\ud800-\udfff]")
# A gzip member's records are held until its CRC is verified, up to this much decompressed data;
# a larger member is released as it is decoded (its CRC failure is still reported).
GZIP_HOLD = 64 << 20


def clean(s: str) -> str:
    """``s`` with lone surrogates (from JSON escapes such as ``\\ud800``) replaced by U+FFFD, one
    for one, as the Python API does: offsets still index the same characters."""
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", s)


def iter_files(paths: Sequence[str], note: Callable[[str], None] | None = None) -> Iterator[str]:
    """Files named, and regular files with a known extension under directories named, in sorted
    order. A FIFO, socket or device under a directory is skipped (``note`` is told why): reading
    one could block forever."""
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if f.lower().endswith(ALL_EXT):
                        full = os.path.join(root, f)
                        try:
                            regular = stat.S_ISREG(os.stat(full).st_mode)
                        except OSError:
                            regular = True  # let the reader report why it cannot be read
                        if regular:
                            yield full
                        elif note is not None:
                            note(f"{full}: skipped, not a regular file")
        else:
            yield p


class _VerifiedGzip(io.RawIOBase):
    """Decompresses a gzip file member by member and hands out a member's bytes only once its
    CRC and length are verified (up to ``hold`` bytes a member), so records decoded from a
    damaged member are never passed on as good."""

    def __init__(self, f: IO[bytes], hold: int = GZIP_HOLD) -> None:
        self._f = f
        self._hold = hold
        self._d = zlib.decompressobj(31)
        self._in = b""  # compressed input not yet given to the decompressor
        self._in_member = False
        self._held: list[bytes] = []
        self._held_size = 0
        self._ready = b""  # verified bytes not yet read, from self._pos on
        self._pos = 0
        self._unverified = False  # part of this member was released before its CRC
        self._eof = False

    def readable(self) -> bool:
        return True

    def _fill(self) -> None:
        while self._pos >= len(self._ready) and not self._eof:
            if self._d.eof:  # the member's CRC and length checked out: release it
                self._release()
                self._unverified = False
                self._in = self._d.unused_data + self._in
                self._d = zlib.decompressobj(31)
                self._in_member = False
                continue
            if not self._in:
                self._in = self._f.read(1 << 20)
                if not self._in:
                    if self._in_member:
                        raise EOFError("compressed file ended before the end-of-stream marker")
                    self._eof = True
                    return
            if not self._in_member:
                self._in = self._in.lstrip(b"\x00")  # zero padding between members is allowed
                if not self._in:
                    continue
                self._in_member = True
            try:
                out = self._d.decompress(self._in, 1 << 20)
            except zlib.error as e:
                extra = (
                    f"; this member is over {self._hold >> 20} MB, so records decoded from it "
                    "before this point were already passed on"
                    if self._unverified
                    else ""
                )
                raise zlib.error(f"{e}{extra}") from None
            self._in = self._d.unconsumed_tail
            if out:
                self._held.append(out)
                self._held_size += len(out)
                if self._held_size > self._hold:
                    self._release()
                    self._unverified = True

    def _release(self) -> None:
        # Only called once everything released before has been read.
        self._ready = b"".join(self._held)
        self._pos = 0
        self._held.clear()
        self._held_size = 0

    def readinto(self, buf: Any) -> int:
        self._fill()
        n = min(len(buf), len(self._ready) - self._pos)
        buf[:n] = memoryview(self._ready)[self._pos : self._pos + n]
        self._pos += n
        return n

    def close(self) -> None:
        self._f.close()
        super().close()


def _open_maybe_gz(path: str) -> IO[bytes]:
    f = open(path, "rb")
    if path.lower().endswith(".gz"):
        return io.BufferedReader(_VerifiedGzip(f), 1 << 16)  # type: ignore[return-value]
    return f


def _key(path: str, line: int, value: Any) -> str:
    if value is None:
        return f"{path}:{line}"
    return clean(str(value))


def read_text_file(path: str, encoding: str = "utf-8") -> Iterator[Record | Bad]:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        yield Bad(path, None, f"cannot read: {e.strerror or e}")
        return
    if data.startswith(BOM) and codecs.lookup(encoding).name == "utf-8":
        data = data[len(BOM) :]
    try:
        yield Record(path, path, 1, clean(data.decode(encoding)), len(data))
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        name = "UTF-8" if codecs.lookup(encoding).name == "utf-8" else encoding
        yield Bad(path, line, f"invalid {name} at byte offset {e.start}")


class _IdFallback:
    """Says once per file that the id field is missing, and from which line ids are file:line."""

    def __init__(self, path: str, id_field: str | None, warn: Callable[[str], None] | None):
        self.path, self.id_field, self.warn, self.said = path, id_field, warn, False

    def missing(self, line: int) -> None:
        if not self.said and self.warn is not None:
            self.warn(
                f"{self.path}:{line}: no id field {self.id_field!r}; "
                "records without it in this file get FILE:LINE as id"
            )
        self.said = True


def read_jsonl(
    path: str, text_field: str, id_field: str | None, warn: Callable[[str], None] | None = None
) -> Iterator[Record | Bad]:
    line = 0
    ids = _IdFallback(path, id_field, warn)
    try:
        with _open_maybe_gz(path) as f:
            for raw in f:
                line += 1
                if line == 1 and raw.startswith(BOM):
                    raw = raw[len(BOM) :]
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
                    yield Bad(path, line, f"invalid JSON: {e.msg} (column {e.colno})")
                    continue
                except RecursionError:
                    yield Bad(path, line, "invalid JSON: nested too deeply")
                    continue
                if not isinstance(obj, dict):
                    yield Bad(path, line, f"a JSON {_type_name(obj)}, not an object")
                    continue
                text = obj.get(text_field)
                if text is None and text_field in obj:
                    key = obj.get(id_field) if id_field else None
                    yield Record(_key(path, line, key), path, line, "", len(raw), missing=True)
                    continue
                if not isinstance(text, str):
                    what = "missing" if text is None else f"{_a(_type_name(text))}, not a string"
                    yield Bad(path, line, f"text field {text_field!r} is {what}")
                    continue
                key = obj.get(id_field) if id_field else None
                if id_field and key is None:
                    ids.missing(line)
                yield Record(_key(path, line, key), path, line, clean(text), len(raw))
    except (OSError, EOFError, zlib.error) as e:
        reason = "cannot read" if isinstance(e, FileNotFoundError) else "truncated or corrupt gzip"
        yield Bad(path, line + 1, f"{reason}: {e}; nothing from this line on was used")


def _type_name(v: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(v), "number" if isinstance(v, (int, float)) else type(v).__name__
    )


def _a(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


def read_csv(
    path: str,
    text_field: str,
    id_field: str | None,
    warn: Callable[[str], None] | None = None,
    encoding: str = "utf-8",
) -> Iterator[Record | Bad]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    delim = "\t" if ".tsv" in path.lower() else ","
    next_line = 1  # where the next record starts
    try:
        with _open_maybe_gz(path) as fb:
            enc = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
            f = io.TextIOWrapper(fb, encoding=enc, errors="surrogateescape", newline="")
            reader = csv.reader(f, delimiter=delim)
            header = next(reader, None)
            next_line = reader.line_num + 1
            if header is None or text_field not in header:
                found = ", ".join(repr(h) for h in (header or [])[:10]) or "none"
                yield Bad(path, 1, f"no column {text_field!r} in the header (columns: {found})")
                return
            ti = header.index(text_field)
            ii = header.index(id_field) if id_field and id_field in header else None
            if id_field and ii is None and warn is not None:
                warn(f"{path}: no id column {id_field!r}; ids are FILE:LINE")
            for row in reader:
                start, next_line = next_line, reader.line_num + 1
                if not row:
                    continue  # a blank line
                if ti >= len(row):
                    yield Bad(path, start, f"row has no {text_field!r} cell")
                    continue
                text = row[ti]
                if _SURROGATE.search(text):
                    yield Bad(path, start, f"invalid {encoding} in the text cell")
                    continue
                key = row[ii] if ii is not None and ii < len(row) else None
                yield Record(_key(path, start, key), path, start, text)
    except (OSError, EOFError, zlib.error, csv.Error, UnicodeDecodeError) as e:
        yield Bad(path, next_line, f"cannot read further: {e}; nothing from this line on was used")


def read_parquet(
    path: str, text_field: str, id_field: str | None, warn: Callable[[str], None] | None = None
) -> Iterator[Record | Bad]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield Bad(path, None, "reading Parquet needs pyarrow: pip install 'wirescan[arrow]'")
        return
    row = 0
    try:
        pf = pq.ParquetFile(path)
        names = pf.schema_arrow.names
        if text_field not in names:
            found = ", ".join(repr(h) for h in names[:10]) or "none"
            yield Bad(path, None, f"no column {text_field!r} (columns: {found})")
            return
        if id_field and id_field not in names:
            if warn is not None:
                warn(f"{path}: no id column {id_field!r}; ids are FILE:ROW")
            id_field = None
        cols = [text_field] + ([id_field] if id_field else [])
        for batch in pf.iter_batches(columns=cols, batch_size=1024):
            texts = batch.column(0).to_pylist()
            ids = batch.column(1).to_pylist() if id_field else [None] * len(texts)
            for text, key in zip(texts, ids):
                row += 1
                if text is None:
                    yield Record(_key(path, row, key), path, row, "", missing=True)
                    continue
                if not isinstance(text, str):
                    what = f"{_a(type(text).__name__)}, not a string"
                    yield Bad(path, row, f"text field {text_field!r} is {what}")
                    continue
                yield Record(_key(path, row, key), path, row, clean(text))
    except Exception as e:  # pyarrow raises several types for corrupt files
        yield Bad(path, row + 1, f"cannot read further: {e}; nothing from this row on was used")


SIZED_EXT = (".txt", ".jsonl", ".ndjson")


def sized_total(paths: Sequence[str]) -> int | None:
    """Total bytes of the inputs when every one is a file whose records say how many bytes they
    came from (uncompressed .txt and JSONL), else None."""
    total = 0
    for p in paths:
        if not p.lower().endswith(SIZED_EXT):
            return None
        try:
            total += os.path.getsize(p)
        except OSError:
            return None
    return total


def read(
    path: str,
    text_field: str,
    id_field: str | None,
    warn: Callable[[str], None] | None = None,
    encoding: str = "utf-8",
) -> Iterator[Record | Bad]:
    """Records of one input, by extension; ``encoding`` applies to .txt and CSV/TSV (JSON is
    UTF-8 by definition; Parquet carries its own)."""
    low = path.lower()
    if low.endswith(JSONL_EXT):
        return read_jsonl(path, text_field, id_field, warn)
    if low.endswith(CSV_EXT):
        return read_csv(path, text_field, id_field, warn, encoding)
    if low.endswith(PARQUET_EXT):
        return read_parquet(path, text_field, id_field, warn)
    return read_text_file(path, encoding)


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
