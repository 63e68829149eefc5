"""Entity extraction with the bundled default gazetteer on distinct real news, old beside new.

Corpus: every article text of ``../shared/dev/polnear`` (train and dev) and
``../shared/dev/linking`` (read at run time, never copied; about 4.5 MB, each document once).
Each configuration runs in a fresh interpreter: load (`Gazetteer.default()` or `from_records`
of a given file), first compile, then the median of ``--passes`` passes of
``Extractor(numbers=False, quotes=False).extract`` over the documents one at a time on one
thread; it reports MB/s, mentions per MB and the peak resident memory of the process.

Configurations: ``--old FILE`` (a default_gazetteer.json.gz of an earlier version, e.g. from
``git show REV:python/wirescan/data/default_gazetteer.json.gz``) with the person finder off, as
that version ran; the current default with the person finder off (the matcher alone); and the
current default as shipped (person finder on).

Run: python bench/bench_default_entities.py [--old FILE] [--passes 5] [--dev DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CODE = r"""
import gzip, json, resource, statistics, sys, time
from pathlib import Path
import wirescan
dev, data, people, passes = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "1", int(sys.argv[4])
texts = []
for f in ["polnear/polnear_train.jsonl.gz", "polnear/polnear_dev.jsonl.gz",
          "linking/newsfair_dev.jsonl.gz", "linking/msnbc.jsonl.gz"]:
    with gzip.open(dev / f, "rt", encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in fh if line.strip()]
t0 = time.perf_counter()
if data == "default":
    g = wirescan.Gazetteer.default()
else:
    with gzip.open(data, "rt", encoding="utf-8") as fh:
        g = wirescan.Gazetteer.from_records(json.load(fh))
g.compile()
load = time.perf_counter() - t0
ex = wirescan.Extractor(g, numbers=False, quotes=False, people=people)
mb = sum(len(t.encode()) for t in texts) / 1e6
times, n = [], 0
for _ in range(passes):
    t = time.perf_counter()
    n = sum(len(ex.extract(x).entities) for x in texts)
    times.append(time.perf_counter() - t)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"docs": len(texts), "mb": mb, "load_s": load,
                  "median_s": statistics.median(times), "mentions": n, "entities": len(g),
                  "rss_mb": rss}))
"""


def run(dev: Path, data: str, people: bool, passes: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CODE, str(dev), data, "1" if people else "0", str(passes)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--old", help="an earlier default_gazetteer.json.gz")
    ap.add_argument("--passes", type=int, default=5)
    ap.add_argument(
        "--dev", default=os.environ.get("WIRESCAN_DEV") or ROOT.parent / "shared" / "dev"
    )
    args = ap.parse_args()
    dev = Path(args.dev)
    rows = []
    if args.old:
        rows.append(("old default, matcher only", run(dev, args.old, False, args.passes)))
    rows.append(
        ("new default, matcher only (people=False)", run(dev, "default", False, args.passes))
    )
    rows.append(("new default as shipped (people=True)", run(dev, "default", True, args.passes)))
    d = rows[0][1]
    print(
        f"{d['docs']} distinct documents, {d['mb']:.2f} MB, one thread, median of {args.passes}\n"
    )
    print("| gazetteer | entities | load + compile s | MB/s | mentions per MB | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in rows:
        print(
            f"| {name} | {r['entities']:,} | {r['load_s']:.2f} | {r['mb'] / r['median_s']:.1f} "
            f"| {r['mentions'] / r['mb']:,.0f} | {r['rss_mb']:.0f} |"
        )


if __name__ == "__main__":
    main()
