"""The ``wirescan`` command line.

``wirescan extract PATH...`` reads text files (and directories of them), extracts entities,
numbers and quotes and prints what it found, or writes one JSON object per document with
``--out FILE.jsonl``.

Exit codes: 0 success (also when the output pipe closes early, as with `| head`); 1 some inputs
could not be read (reported on stderr, the rest was processed); 2 usage or gazetteer error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence

from . import Extractor, Gazetteer, __version__
from .errors import WirescanError


def _iter_text_files(paths: Sequence[str]) -> Iterator[str]:
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if f.endswith(".txt"):
                        yield os.path.join(root, f)
        else:
            yield p


def _read_text(path: str) -> tuple[str | None, str | None]:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return None, f"{path}: cannot read: {e.strerror or e}"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return None, f"{path}:{line}: invalid UTF-8 at byte offset {e.start}"


def _cmd_extract(args: argparse.Namespace) -> int:
    try:
        gazetteer = Gazetteer.from_file(args.gazetteer) if args.gazetteer else Gazetteer.default()
    except WirescanError as e:
        print(f"wirescan: {e}", file=sys.stderr)
        return 2
    extractor = Extractor(gazetteer)
    files = list(_iter_text_files(args.paths))
    errors = 0
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    try:
        batch: list[tuple[str, str]] = []

        def flush() -> None:
            docs = extractor.extract_batch([t for _, t in batch], n_threads=args.threads)
            for (name, _), doc in zip(batch, docs):
                if out is not None:
                    rec = {"id": name, **doc.to_dict()}
                    rec.pop("text", None)
                    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                else:
                    _print_summary(name, doc)
            batch.clear()

        for path in files:
            text, err = _read_text(path)
            if err is not None or text is None:
                print(f"wirescan: {err}", file=sys.stderr)
                errors += 1
                continue
            batch.append((path, text))
            if len(batch) >= 256:
                flush()
        if batch:
            flush()
    finally:
        if out is not None:
            out.close()
    if errors:
        print(f"wirescan: {errors} of {len(files)} inputs could not be read", file=sys.stderr)
        return 1
    return 0


def _print_summary(name: str, doc: object) -> None:
    from ._core import Document

    assert isinstance(doc, Document)
    print(f"== {name}")
    counts: Counter[tuple[str, str, str]] = Counter(
        (m.kind, m.entity_id, m.name) for m in doc.entities
    )
    for (kind, eid, canon), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        forms = sorted({m.text.replace("\n", " ") for m in doc.entities if m.entity_id == eid})
        print(f"  {kind:<7} {canon:<32} {eid:<12} x{n}  ({'; '.join(forms)})")
    for num in doc.numbers:
        parts = [f"{num.kind:<8}", f"{num.value:>14,.6g}"]
        if num.approx:
            parts.append(f"[{num.approx}]")
        if num.low is not None and num.high is not None:
            parts.append(f"{num.low:,.6g}-{num.high:,.6g}")
        if num.unit:
            parts.append(num.unit)
        if num.object:
            parts.append("of " + num.object.replace("\n", " "))
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="wirescan", description="Entities, numbers and quotes from news text."
    )
    parser.add_argument("--version", action="version", version=f"wirescan {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract from text files and directories of .txt files")
    ex.add_argument("paths", nargs="+", help="files, or directories searched for .txt files")
    ex.add_argument("--gazetteer", help="a .csv or .jsonl gazetteer (default: the bundled one)")
    ex.add_argument("--out", help="write one JSON object per document to this .jsonl file")
    ex.add_argument("--threads", type=int, default=None, help="worker threads (default: cores)")
    args = parser.parse_args(argv)
    try:
        if args.command == "extract":
            return _cmd_extract(args)
    except BrokenPipeError:
        # The reader went away (`wirescan extract ... | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return 2  # pragma: no cover - argparse enforces the subcommand


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
