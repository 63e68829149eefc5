"""Write every extraction of the development texts and the seeds to one JSON-lines file.

Used to prove that a change to the code leaves the outputs as they were: run it before and after,
then compare the two files (``--compare A B`` prints the first differences and a count). The texts
are read at run time from ``../shared/dev/`` (or ``--dev DIR`` / ``WIRESCAN_DEV``) and from
``seeds/``; the output goes wherever ``--out`` says (never into the repository by default) and
holds, per text, ``Document.to_dict()`` (entities, numbers with their sources, quotes, sentences),
``spans()``, a non-count extraction and the frame columns' names.

Run: ``python tools/snapshot.py --out before.jsonl`` then, after the change,
``python tools/snapshot.py --out after.jsonl --compare before.jsonl``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import wirescan

ROOT = Path(__file__).resolve().parent.parent


def texts(dev: Path) -> Iterator[tuple[str, str]]:
    for rel in (
        "polnear/polnear_train.jsonl.gz",
        "polnear/polnear_dev.jsonl.gz",
        "linking/newsfair_dev.jsonl.gz",
        "linking/msnbc.jsonl.gz",
    ):
        path = dev / rel
        if not path.exists():
            print(f"note: {path} missing, skipped", file=sys.stderr)
            continue
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if line.strip():
                    rec = json.loads(line)
                    yield f"{rel}:{rec.get('id', i)}", rec["text"]
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield f"seeds/{path.name}", path.read_text(encoding="utf-8")


def snapshot(dev: Path, out: Path) -> int:
    gaz = wirescan.Gazetteer.default()
    ex = wirescan.Extractor(gaz)
    ex_all = wirescan.Extractor(gaz, include_non_counts=True)
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for key, text in texts(dev):
            doc = ex.extract(text)
            row = {
                "key": key,
                "doc": doc.to_dict(),
                "spans": ex.spans(text),
                "non_counts": [x.to_dict() for x in ex_all.extract(text).numbers],
            }
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    return n


def compare(a: Path, b: Path, show: int) -> int:
    with open(a, encoding="utf-8") as fa, open(b, encoding="utf-8") as fb:
        left = {json.loads(x)["key"]: x for x in fa}
        right = {json.loads(x)["key"]: x for x in fb}
    differ = [k for k in left if left[k] != right.get(k)]
    missing = [k for k in right if k not in left]
    for k in differ[:show]:
        la = json.loads(left[k])
        rb = json.loads(right[k]) if k in right else {}
        for part in ("spans", "non_counts"):
            if la.get(part) != rb.get(part):
                print(f"{k}: {part} differ")
        for part in sorted(set(la.get("doc", {})) | set(rb.get("doc", {}))):
            x, y = la.get("doc", {}).get(part), rb.get("doc", {}).get(part)
            if x != y:
                xs = (
                    [json.dumps(i, sort_keys=True) for i in x or []] if isinstance(x, list) else [x]
                )
                ys = (
                    [json.dumps(i, sort_keys=True) for i in y or []] if isinstance(y, list) else [y]
                )
                print(f"{k}: doc.{part}: -{[i for i in xs if i not in ys][:3]}")
                print(f"{' ' * len(k)}  +{[i for i in ys if i not in xs][:3]}")
    print(f"{len(left)} texts, {len(differ)} differ, {len(missing)} only in the second file")
    return 1 if differ or missing else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", default=os.environ.get("WIRESCAN_DEV"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--compare", type=Path, help="an earlier snapshot to compare --out with")
    ap.add_argument("--show", type=int, default=10)
    args = ap.parse_args()
    dev = Path(args.dev) if args.dev else ROOT.parent / "shared" / "dev"
    n = snapshot(dev, args.out)
    print(f"wrote {n} texts to {args.out} (wirescan {wirescan.__version__})")
    if args.compare:
        return compare(args.compare, args.out, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
