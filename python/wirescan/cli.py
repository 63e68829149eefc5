"""The ``wirescan`` command line (also ``python -m wirescan``).

``wirescan extract PATH... [--gazetteer FILE] [--what entities,numbers,quotes]
[--out results.parquet|.jsonl|.csv] [--text-field F] [--id-field F] [--threads N]``

Inputs: ``.txt`` files, JSONL (``.jsonl``/``.ndjson``, optionally ``.gz``), CSV/TSV (optionally
``.gz``) and Parquet, given as files or found under directories. Records stream through in
chunks, so memory stays bounded whatever the archive's size.

Without ``--out`` a summary per document is printed. ``--out FILE.jsonl`` writes one JSON object
per document (``id``, ``file``, ``line`` and the lists asked for with ``--what``). ``--out
FILE.parquet`` / ``FILE.csv`` writes tidy tables (schema in :mod:`wirescan.schema`): one file per
``--what`` (``FILE.entities.parquet``, ...; just ``FILE.parquet`` when one is asked for) and
``FILE.documents.parquet`` listing every document processed with its counts. Outputs are written
under temporary names and renamed at the end: a failure or Ctrl-C leaves no half-written file.

A record that cannot be used (invalid JSON, a JSON value that is not an object, undecodable
bytes, a missing or non-string text field, a truncated gzip member, an unreadable file) is
written with its file and line to the errors file (``--errors``, default ``FILE.errors.jsonl``
next to the output, or stderr without ``--out``), and the rest is processed: every input record
is in the output or in the errors file. A summary goes to stderr.

Before any work the command refuses (exit 2) an output or errors file that is one of the inputs
(also through a symlink or ``./x``), two outputs that are the same file, a missing output
directory, a missing input path, inputs in which no known file is found, and ``--threads``
outside 1..4 per core. Results and the errors file are committed together: all are flushed and
closed before any is renamed into place, so a full disk leaves neither. A record whose text or id
holds a lone surrogate (a JSON escape such as ``\\ud800``) is processed with U+FFFD in its place,
as the Python API does. A gzip member's records are passed on only once its CRC is verified (up to
64 MB of decompressed data a member). FIFOs and other non-regular files under an input directory
are skipped with a note.

Exit codes: 0 success (also when the output pipe closes early, as with ``| head``); 1 some
records or inputs were bad (see the errors file; the rest was processed); 2 usage or gazetteer
error (nothing written); 3 an output could not be written (disk full, read-only or unwritable
directory; nothing written); 130 interrupted by Ctrl-C, 143 by SIGTERM, 129 by SIGHUP (nothing
written).
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import queue
import signal
import sys
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import IO, Any

from . import (
    Extractor,
    Gazetteer,
    __version__,
    _archive,
    _core,
    _frames,
    default_gazetteer_info,
    schema,
)
from .errors import WirescanError

CHUNK_DOCS = 512
CHUNK_BYTES = 16 << 20
TABLE_EXT = (".parquet", ".csv")


class _Sink:
    """Where results go: printed summaries, JSONL, or Parquet/CSV tables."""

    def __init__(self, ex: Extractor, out: str | None, whats: list[str], threads: int | None):
        self.ex = ex
        self.whats = whats
        self.threads = threads
        self.files: list[_archive.AtomicFile] = []
        self.jsonl: IO[str] | None = None
        self.writers: dict[str, Any] = {}
        self.meta: dict[str, dict[bytes, bytes]] = {}
        self.kind = "print"
        if out is None:
            return
        low = out.lower()
        if low.endswith((".jsonl", ".ndjson", ".json")):
            self.kind = "jsonl"
            self.out = out
        elif low.endswith(TABLE_EXT):
            self.kind = "parquet" if low.endswith(".parquet") else "csv"
            schema._need("pyarrow", "arrow")
            stem, ext = os.path.splitext(out)
            self.paths = {w: out if len(whats) == 1 else f"{stem}.{w}{ext}" for w in whats}
            self.paths["documents"] = f"{stem}.documents{ext}"
        else:
            raise ValueError(f"--out must end in .jsonl, .parquet or .csv: {out}")

    def open(self) -> None:
        """Opens the JSONL output (table writers open with their first batch)."""
        if self.kind == "jsonl":
            af = _archive.AtomicFile(self.out)
            self.files.append(af)
            self.jsonl = open(af.tmp, "w", encoding="utf-8")

    def _pandas_meta(self, what: str) -> dict[bytes, bytes]:
        if what not in self.meta:
            self.meta[what] = schema.pandas_metadata(what) or {}
        return self.meta[what]

    def _writer(self, name: str, sch: Any) -> Any:
        if name not in self.writers:
            af = _archive.AtomicFile(self.paths[name])
            self.files.append(af)
            if self.kind == "parquet":
                import pyarrow.parquet as pq

                self.writers[name] = pq.ParquetWriter(af.tmp, sch)
            else:
                import pyarrow.csv as pcsv

                self.writers[name] = pcsv.CSVWriter(af.tmp, sch)
        return self.writers[name]

    def extract(self, recs: list[_archive.Record]) -> Any:
        """The extraction step for one chunk (the GIL is released while it runs)."""
        texts = [r.text for r in recs]
        if self.kind in ("print", "jsonl"):
            return self.ex.extract_batch(texts, n_threads=self.threads, progress=False)
        return self.ex._columns(texts, self.whats, self.threads)

    def emit(self, recs: list[_archive.Record], result: Any) -> None:
        """Writes one extracted chunk (on the writer thread, in input order)."""
        if self.kind in ("print", "jsonl"):
            for r, doc in zip(recs, result):
                if self.kind == "print":
                    _print_summary(r.key, doc)
                else:
                    d = doc.to_dict(sentences=False)
                    rec = {"id": r.key, "file": r.file, "line": r.line}
                    rec.update({w: d[w] for w in self.whats})
                    assert self.jsonl is not None
                    self.jsonl.write(json.dumps(rec, ensure_ascii=False) + "\n")
            return
        import numpy as np
        import pyarrow as pa

        keys = [r.key for r in recs]
        key_arr = pa.array(keys, pa.large_string())
        counts = {}
        for what, (rows, cols) in zip(self.whats, result):
            doc_pos = np.frombuffer(cols[0][2], dtype="<i8")
            counts[what] = (
                np.bincount(doc_pos, minlength=len(recs))
                if rows
                else np.zeros(len(recs), dtype=np.int64)
            )
            batch = _frames.to_record_batch(what, rows, cols, key_arr)
            sch = schema.arrow_schema(what, pa.large_string())
            if self.kind == "parquet":
                sch = sch.with_metadata(self._pandas_meta(what))
            self._writer(what, sch).write_batch(batch.cast(sch) if batch.schema != sch else batch)
        docs = pa.record_batch(
            {
                "doc": key_arr,
                "file": pa.array([r.file for r in recs], pa.large_string()),
                "line": pa.array([r.line for r in recs], pa.int64()),
                "chars": pa.array([len(r.text) for r in recs], pa.int64()),
                **{f"n_{w}": pa.array(counts[w], pa.int64()) for w in self.whats},
            }
        )
        self._writer("documents", docs.schema).write_batch(docs)

    def close(self) -> None:
        """Flushes and closes every output (a full disk fails here, before any rename)."""
        if self.jsonl is not None:
            self.jsonl.close()
        for w in self.writers.values():
            w.close()

    def commit(self) -> list[str]:
        for f in self.files:
            f.commit()
        return [f.path for f in self.files]

    def abort(self) -> None:
        if self.jsonl is not None:
            try:
                self.jsonl.close()
            except OSError:  # a full disk: the file is removed anyway
                pass
        for w in self.writers.values():
            try:
                w.close()
            except Exception:  # pragma: no cover - best effort while failing
                pass
        for f in self.files:
            f.abort()


class _Reader:
    """Reads the inputs on a background thread and hands over chunks of records.

    Bad records go to the errors file (or stderr) as they are met and are counted. Iterating
    yields chunks in input order and re-raises an error the thread hit; ``stop()`` ends the
    thread early (after a failure or Ctrl-C).
    """

    _DONE = object()

    def __init__(
        self, args: argparse.Namespace, inputs: list[str], err_out: IO[str] | None
    ) -> None:
        self.args = args
        self.inputs = inputs
        self.err_out = err_out
        self.n_bad = 0
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wirescan-reader", daemon=True)
        self._thread.start()

    def _put(self, item: Any) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _bad(self, item: _archive.Bad) -> None:
        self.n_bad += 1
        if self.err_out is not None:
            self.err_out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        else:
            where = f"{item.file}:{item.line}" if item.line else item.file
            print(f"wirescan: {where}: {item.reason}", file=sys.stderr)

    def _run(self) -> None:
        args = self.args
        chunk: list[_archive.Record] = []
        size = 0
        try:
            for path in self.inputs:
                for item in _archive.read(
                    path, args.text_field, args.id_field, _note, args.encoding
                ):
                    if self._stop.is_set():
                        return
                    if isinstance(item, _archive.Bad):
                        self._bad(item)
                        continue
                    chunk.append(item)
                    size += len(item.text)
                    if len(chunk) >= CHUNK_DOCS or size >= CHUNK_BYTES:
                        if not self._put(chunk):
                            return
                        chunk, size = [], 0
            if chunk and not self._put(chunk):
                return
            self._put(self._DONE)
        except BaseException as e:  # handed to the main thread
            self._put(e)

    def __iter__(self) -> Iterator[list[_archive.Record]]:
        while True:
            try:
                item = self._queue.get(timeout=0.1)
            except queue.Empty:
                continue
            if item is self._DONE:
                self._thread.join()
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


class _UsageError(Exception):
    """A bad command line: one line on stderr, exit 2, before any work."""


class _Signalled(KeyboardInterrupt):
    """SIGTERM or SIGHUP, handled like Ctrl-C (outputs removed), exit 128 + the signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


EXIT_BAD_RECORDS = 1
EXIT_USAGE = 2
EXIT_IO = 3


def _output_paths(out: str | None, errors: str | None, whats: list[str]) -> list[str]:
    """Every file the run may write: results, tables, documents, the errors file."""
    paths: list[str] = []
    if out is not None:
        low = out.lower()
        if low.endswith(TABLE_EXT):
            stem, ext = os.path.splitext(out)
            paths += [out if len(whats) == 1 else f"{stem}.{w}{ext}" for w in whats]
            paths.append(f"{stem}.documents{ext}")
        else:
            paths.append(out)
    if errors is not None:
        paths.append(errors)
    return paths


def _check_paths(inputs: list[str], outputs: list[str]) -> None:
    """Refuses outputs that are inputs (through symlinks and ``./x`` too), outputs that collide,
    and outputs whose directory is missing."""
    real_in = {os.path.realpath(p): p for p in inputs}
    seen: dict[str, str] = {}
    for out in outputs:
        real = os.path.realpath(out)
        if real in real_in:
            raise _UsageError(
                f"output {out} is the input {real_in[real]}: refusing to overwrite an input"
            )
        if real in seen:
            raise _UsageError(f"outputs {seen[real]} and {out} are the same file")
        seen[real] = out
        d = os.path.dirname(os.path.abspath(out))
        if not os.path.isdir(d):
            raise _UsageError(f"output directory {d} does not exist (for {out})")


def _cmd_extract(args: argparse.Namespace) -> int:
    whats = list(dict.fromkeys(w.strip() for w in args.what.split(",") if w.strip()))
    bad_what = [w for w in whats if w not in schema.WHAT]
    if not whats or bad_what:
        raise _UsageError(f"--what takes {', '.join(schema.WHAT)}; got {args.what!r}")
    if args.threads is not None:
        top = _core.max_threads()
        if not 1 <= args.threads <= top:
            raise _UsageError(
                f"--threads must be between 1 and {top} (4 per core, at least 32), "
                f"not {args.threads}"
            )
    try:
        codecs.lookup(args.encoding)
    except LookupError:
        raise _UsageError(f"--encoding: unknown encoding {args.encoding!r}") from None
    if args.out is not None and not args.out.lower().endswith((".jsonl", ".ndjson", ".json")):
        if not args.out.lower().endswith(TABLE_EXT):
            raise _UsageError(f"--out must end in .jsonl, .parquet or .csv: {args.out}")
    for p in args.paths:
        if not os.path.exists(p):
            raise _UsageError(f"no such input file or directory: {p}")
    inputs = list(_archive.iter_files(args.paths, note=_note))
    if not inputs:
        raise _UsageError(
            "found no input files (.txt, .jsonl[.gz], .ndjson[.gz], .csv[.gz], .tsv[.gz], "
            f".parquet) in {', '.join(args.paths)}"
        )
    err_path = args.errors
    if err_path is None and args.out:
        err_path = os.path.splitext(args.out)[0] + ".errors.jsonl"
    _check_paths(inputs, _output_paths(args.out, err_path, whats))
    try:
        gazetteer = Gazetteer.from_file(args.gazetteer) if args.gazetteer else Gazetteer.default()
    except (WirescanError, OSError) as e:
        raise _UsageError(str(e)) from None
    extractor = Extractor(gazetteer, numbers="numbers" in whats, quotes="quotes" in whats)
    try:
        sink = _Sink(extractor, args.out, whats, args.threads)
    except ImportError as e:
        raise _UsageError(str(e)) from None
    err_file = _archive.AtomicFile(err_path) if err_path else None
    err_out: IO[str] | None = None
    # A percentage of the input bytes when every input says how many bytes its records came
    # from (uncompressed .txt and JSONL), else a counter of documents (with MB read).
    total_bytes = _archive.sized_total(inputs)
    bar = (
        _frames.progress_bar(total_bytes, args.progress, "wirescan", unit="B")
        if total_bytes is not None
        else _frames.progress_bar(None, args.progress, "wirescan", unit="doc")
    )
    if bar is not None and total_bytes is not None:
        bar.unit_scale = True
        bar.unit_divisor = 1024
    mb_read = 0.0
    reader: _Reader | None = None
    writer = ThreadPoolExecutor(1, thread_name_prefix="wirescan-writer")
    pending: Future[None] | None = None
    n_ok = 0
    n_missing = 0
    written: list[str] = []
    try:
        sink.open()
        if err_file is not None:
            err_out = open(err_file.tmp, "w", encoding="utf-8")
        reader = _Reader(args, inputs, err_out)
        # Three stages overlap: the reader thread parses the next chunk and the writer thread
        # writes the previous one while this thread extracts (in Rust, without the GIL). One chunk
        # waits at each stage at most, so memory stays bounded.
        for chunk in reader:
            result = sink.extract(chunk)
            if pending is not None:
                pending.result()
            pending = writer.submit(sink.emit, chunk, result)
            n_ok += len(chunk)
            n_missing += sum(r.missing for r in chunk)
            if bar is not None:
                if total_bytes is not None:
                    bar.update(sum(r.nbytes for r in chunk))
                else:
                    mb_read += sum(len(r.text) for r in chunk) / 1e6
                    bar.update(len(chunk))
                    bar.set_postfix_str(f"{mb_read:,.1f} MB", refresh=False)
        if pending is not None:
            pending.result()
        if bar is not None and total_bytes is not None:
            bar.update(max(0, total_bytes - bar.n))  # blank and bad lines count as read too
        n_bad = reader.n_bad
        # Results and the error report commit together: every file is flushed and closed first
        # (where a full disk shows), and only then renamed into place.
        sink.close()
        if err_out is not None:
            err_out.close()
        written = sink.commit()
        if err_file is not None:
            if n_bad:
                err_file.commit()
                written.append(err_file.path)
            else:
                err_file.abort()
    except BaseException as e:
        if reader is not None:
            reader.stop()
        if pending is not None:
            # Let a write in flight finish before its files are removed.
            try:
                pending.result()
            except BaseException:  # the first error is the one reported
                pass
        sink.abort()
        if err_file is not None:
            if err_out is not None:
                try:
                    err_out.close()
                except OSError:
                    pass
            err_file.abort()
        if isinstance(e, _Signalled):
            name = signal.Signals(e.signum).name
            print(f"\nwirescan: stopped by {name}; no output written", file=sys.stderr)
            return 128 + e.signum
        if isinstance(e, KeyboardInterrupt):
            print("\nwirescan: interrupted; no output written", file=sys.stderr)
            return 130
        if isinstance(e, OSError) and not isinstance(e, BrokenPipeError):
            where = f": {e.filename}" if getattr(e, "filename", None) else ""
            print(
                f"wirescan: cannot write{where}: {e.strerror or e}; no output written",
                file=sys.stderr,
            )
            return EXIT_IO
        raise
    finally:
        writer.shutdown(wait=True)
        if bar is not None:
            bar.close()
    if args.out or n_bad or n_missing:
        missing = f" ({n_missing:,} with a null text)" if n_missing else ""
        msg = (
            f"wirescan: {_plural(n_ok + n_bad, 'record')}: {n_ok:,} processed{missing}, "
            f"{n_bad:,} bad"
        )
        if n_bad and err_path:
            msg += f" (see {err_path})"
        if written:
            msg += "; wrote " + ", ".join(written)
        print(msg, file=sys.stderr)
    return EXIT_BAD_RECORDS if n_bad else 0


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _note(msg: str) -> None:
    print(f"wirescan: {msg}", file=sys.stderr)


def _print_summary(name: str, doc: object) -> None:
    from ._core import Document

    assert isinstance(doc, Document)
    print(f"== {name}")
    counts: Counter[tuple[str, str, str]] = Counter(
        (m.kind, m.entity_id, m.name) for m in doc.entities
    )
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    # Columns as wide as this document's longest name and id (names beyond 40 characters are
    # cut with an ellipsis), so a long name never pushes the rest out of line.
    name_w = min(40, max((len(c) for (_, _, c), _ in rows), default=0))
    id_w = max((len(e) for (_, e, _), _ in rows), default=0)
    for (kind, eid, canon), n in rows:
        forms = sorted({m.text.replace("\n", " ") for m in doc.entities if m.entity_id == eid})
        shown = canon if len(canon) <= name_w else canon[: name_w - 1] + "\u2026"
        print(f"  {kind:<7} {shown:<{name_w}}  {eid:<{id_w}}  x{n}  ({'; '.join(forms)})")
    for num in doc.numbers:
        value = f"{num.value:>14,.6g}" if num.value is not None else f"{'-':>14}"
        parts = [f"{num.kind:<8}", value]
        if num.approx:
            parts.append(f"[{num.approx}]")
        if num.low is not None and num.high is not None:
            parts.append(f"{num.low:,.6g}-{num.high:,.6g}")
        if num.unit:
            parts.append(num.unit)
        if num.object:
            # `1,500 soldiers`, `dozens of ships`: "of" only where the text has it.
            obj = num.object.replace("\n", " ")
            parts.append(f"of {obj}" if num.vague else obj)
        if num.source is not None:
            parts.append("per " + _who(num.source.speaker_text, num.source.speaker_name))
        print(f"  number  {' '.join(parts)}  ({num.text.replace(chr(10), ' ')!r})")
    for q in doc.quotes:
        text = " ".join(q.text.split())
        if len(text) > 70:
            text = text[:67] + "..."
        who = _who(q.speaker_text, q.speaker_name) if q.speaker_text else "(no speaker)"
        kind = "partial" if q.partial else "quote"
        print(f"  {kind:<7} {who}: \u201c{text}\u201d")


def _who(text: str | None, name: str | None) -> str:
    shown = " ".join((text or "").split())
    return f"{shown} [{name}]" if name and name != shown else shown


def _gazetteer_version() -> str:
    try:
        return str(default_gazetteer_info().get("version", "unknown"))
    except (OSError, ValueError):  # a broken install: --version still answers
        return "missing"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="wirescan", description="Entities, numbers and quotes from news text."
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"wirescan {__version__} (default gazetteer {_gazetteer_version()})",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser(
        "extract",
        help="extract from .txt, JSONL(.gz), CSV(.gz) and Parquet files, and directories of them",
    )
    ex.add_argument("paths", nargs="+", help="files, or directories searched for known files")
    ex.add_argument("--gazetteer", help="a .csv or .jsonl gazetteer (default: the bundled one)")
    ex.add_argument(
        "--what", default="entities,numbers,quotes", help="comma-separated: entities,numbers,quotes"
    )
    ex.add_argument("--out", help="results file: .jsonl (per document), .parquet or .csv (tables)")
    ex.add_argument("--errors", help="where bad records go (default: OUT stem + .errors.jsonl)")
    ex.add_argument("--text-field", default="text", help="JSONL/CSV/Parquet text field (text)")
    ex.add_argument(
        "--id-field", default=None, help="JSONL/CSV/Parquet id field (default: file:line)"
    )
    ex.add_argument(
        "--encoding",
        default="utf-8",
        help="encoding of .txt and CSV/TSV inputs, e.g. cp1252, latin-1 (default: utf-8)",
    )
    ex.add_argument("--threads", type=int, default=None, help="worker threads (default: cores)")
    ex.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: when stderr is a terminal and tqdm is installed)",
    )
    args = parser.parse_args(argv)
    if args.progress is None and not sys.stderr.isatty():
        args.progress = False
    old = _catch_signals()
    try:
        if args.command == "extract":
            return _cmd_extract(args)
    except _UsageError as e:
        print(f"wirescan: {e}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`wirescan extract ... | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    finally:
        for signum, handler in old.items():
            signal.signal(signum, handler)
    return 2  # pragma: no cover - argparse enforces the subcommand


def _catch_signals() -> dict[int, Any]:
    """SIGTERM and SIGHUP raise :class:`_Signalled` (handled like Ctrl-C) while the CLI runs;
    returns the handlers to restore. Only the main thread can set handlers."""
    if threading.current_thread() is not threading.main_thread():
        return {}

    def raise_signalled(signum: int, frame: object) -> None:
        raise _Signalled(signum)

    old = {}
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None:
            old[signum] = signal.signal(signum, raise_signalled)
    return old


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
