"""Reading gazetteer files (CSV, JSONL) into records, with errors that name the file and line.

Files are data only: nothing in them is executed, and no other file is opened because of what
they contain.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from .errors import GazetteerError, OptionError

REQUIRED_COLUMNS = ("id", "name", "kind")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_RECORD_PREFIX = re.compile(r"^record \d+: ")
_RECORD_REF = re.compile(r"\brecord (\d+)\b")


def _open_bytes(path: str | os.PathLike[str]) -> bytes:
    p = os.fspath(path)
    try:
        with open(p, "rb") as f:
            data = f.read()
    except OSError as e:
        raise GazetteerError(f"{p}: cannot read gazetteer file: {e.strerror or e}", path=p) from e
    if p.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as e:
            raise GazetteerError(f"{p}: not a valid gzip file: {e}", path=p) from e
    return data


def _decode(data: bytes, path: str, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except (LookupError, TypeError):
        raise OptionError(f"unknown encoding {encoding!r} (for {path})") from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise GazetteerError(
            f"{path}:{line}: invalid {encoding} (byte 0x{data[e.start]:02x} at offset {e.start})",
            path=path,
            line=line,
        ) from e
    return text[1:] if text.startswith("\ufeff") else text


def _cell(value: str) -> Any:
    """A CSV cell: numbers that round-trip become int/float, everything else stays a string."""
    v = value.strip()
    if _NUMBER.fullmatch(v):
        try:
            return int(v)
        except ValueError:
            return float(v)
    return v


def read_csv(
    path: str | os.PathLike[str], *, encoding: str = "utf-8", delimiter: str = ","
) -> tuple[list[dict[str, Any]], list[int]]:
    """Records and the 1-based line each starts on."""
    p = os.fspath(path)
    text = _decode(_open_bytes(p), p, encoding)
    # A cell may be as long as the file (the csv module's default limit is 128 KB).
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[dict[str, Any]] = []
    lines: list[int] = []
    try:
        header = next(reader)
    except StopIteration:
        raise GazetteerError(f"{p}:1: empty file (expected a header row)", path=p, line=1) from None
    except csv.Error as e:
        raise GazetteerError(f"{p}:1: malformed CSV header: {e}", path=p, line=1) from e
    header = [h.strip() for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise GazetteerError(
            f"{p}:1: the header lacks column(s) {', '.join(missing)} "
            f"(columns: id, name, kind, aliases, then any attributes)",
            path=p,
            line=1,
        )
    dupes = sorted(h for h, n in Counter(header).items() if n > 1)
    if dupes:
        raise GazetteerError(f"{p}:1: repeated column(s) {', '.join(dupes)}", path=p, line=1)
    prev_end = reader.line_num
    while True:
        start = prev_end + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            raise GazetteerError(f"{p}:{start}: malformed CSV: {e}", path=p, line=start) from e
        prev_end = reader.line_num
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise GazetteerError(
                f"{p}:{start}: {len(row)} fields, but the header has {len(header)}",
                path=p,
                line=start,
            )
        rec: dict[str, Any] = {}
        for key, value in zip(header, row):
            if value.strip() == "":
                continue
            rec[key] = value.strip() if key in ("id", "name", "kind", "aliases") else _cell(value)
        records.append(rec)
        lines.append(start)
    return records, lines


def read_jsonl(
    path: str | os.PathLike[str], *, encoding: str = "utf-8"
) -> tuple[list[dict[str, Any]], list[int]]:
    """Records and the 1-based line of each."""
    p = os.fspath(path)
    text = _decode(_open_bytes(p), p, encoding)
    records: list[dict[str, Any]] = []
    lines: list[int] = []
    # Lines end at \n only: U+2028, U+2029 and U+0085 are valid inside JSON strings (and
    # str.splitlines() would cut there and shift every later line number).
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise GazetteerError(
                f"{p}:{n}: invalid JSON: {e.msg} (column {e.colno})", path=p, line=n
            ) from e
        except RecursionError:
            raise GazetteerError(
                f"{p}:{n}: invalid JSON: nested too deeply", path=p, line=n
            ) from None
        if not isinstance(rec, dict):
            raise GazetteerError(
                f"{p}:{n}: a record must be a JSON object, not {type(rec).__name__}",
                path=p,
                line=n,
            )
        records.append(rec)
        lines.append(n)
    return records, lines


def build_with_lines(
    build: Callable[[list[dict[str, Any]]], Any],
    records: list[dict[str, Any]],
    lines: list[int],
    path: str,
) -> Any:
    """Calls ``build(records)``; a record error is re-raised naming the file and line."""
    try:
        return build(records)
    except GazetteerError as e:
        if e.record is not None and 0 <= e.record < len(lines):
            line = lines[e.record]
            msg = _RECORD_PREFIX.sub("", e.message)

            def to_line(m: re.Match[str]) -> str:
                k = int(m.group(1))
                return f"line {lines[k]}" if 0 <= k < len(lines) else m.group(0)

            msg = _RECORD_REF.sub(to_line, msg)  # "first defined by record 0" -> "line 2"
            raise GazetteerError(f"{path}:{line}: {msg}", e.record, path, line) from None
        raise


def iter_records_of(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Records of a CSV or JSONL file, by extension (for the CLI)."""
    p = os.fspath(path)
    low = p.lower()
    reader = read_jsonl if ".jsonl" in low or ".ndjson" in low else read_csv
    records, _ = reader(p)
    yield from records
