"""Two builds of wirescan side by side: entities, numbers, quotes and frames, on real news.

For a restructuring that must change nothing, or an optimisation that must not slow anything: each
build is an interpreter with that build installed (``--python OLD --python NEW``); every pass runs
each workload in a fresh process of each interpreter, alternating, and the table gives the median
MB/s of each and their ratio. The corpus is the article texts of ``../shared/dev/`` (PolNeAR train
and dev, the linking sets), read at run time: about 4 MB of distinct documents.

Each run loads the corpus, warms up, then sweeps all documents three times and keeps its fastest
sweep (a sweep of ~4 MB takes a tenth of a second for entities, short enough for one scheduler
hiccup to show). Workloads, one document at a time on one thread:

- ``entities``: ``Extractor.spans()`` with the default gazetteer;
- ``numbers``: ``extract()`` with an empty gazetteer, ``quotes=False`` and ``people=False``;
- ``quotes``: ``extract()`` with the default gazetteer, everything on (the full pipeline);
- ``frames``: ``Extractor.table(texts, "numbers")`` (extraction plus Arrow columns), one thread.

Run: ``python bench/bench_builds.py --python /old/venv/bin/python --python /new/venv/bin/python``
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORKER = r"""
import gzip, json, sys, time
import wirescan
dev, what = sys.argv[1], sys.argv[2]
texts = []
for rel in ("polnear/polnear_train.jsonl.gz", "polnear/polnear_dev.jsonl.gz",
            "linking/newsfair_dev.jsonl.gz", "linking/msnbc.jsonl.gz"):
    with gzip.open(f"{dev}/{rel}", "rt", encoding="utf-8") as f:
        texts += [json.loads(l)["text"] for l in f if l.strip()]
mb = sum(len(t.encode()) for t in texts) / 1e6
if what == "numbers":
    ex = wirescan.Extractor(wirescan.Gazetteer.from_records([]), quotes=False, people=False)
else:
    ex = wirescan.Extractor()
ex.extract("warm up: Seoul said 3 things.")
best = float("inf")
for _ in range(3):  # three sweeps over the distinct documents; the fastest counts
    t0 = time.perf_counter()
    if what == "entities":
        for t in texts:
            ex.spans(t)
    elif what in ("numbers", "quotes"):
        for t in texts:
            ex.extract(t)
    else:
        ex.table(texts, "numbers", n_threads=1, progress=False)
    best = min(best, time.perf_counter() - t0)
dt = best
print(json.dumps({"mb": mb, "seconds": dt, "version": wirescan.__version__}))
"""


def run(python: str, dev: str, what: str) -> float:
    out = subprocess.run(
        [python, "-c", WORKER, dev, what],
        capture_output=True,
        text=True,
        check=True,
        env={"WIRESCAN_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"},
    ).stdout
    r = json.loads(out.strip().splitlines()[-1])
    return r["mb"] / r["seconds"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--python", action="append", required=True, help="an interpreter (twice)")
    ap.add_argument("--names", default="before,after")
    ap.add_argument("--dev", default=str(ROOT.parent / "shared" / "dev"))
    ap.add_argument("--passes", type=int, default=5)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    if len(args.python) != 2:
        ap.error("give --python twice: the old build, then the new one")
    names = args.names.split(",")
    works = ["entities", "numbers", "quotes", "frames"]
    got: dict[tuple[str, int], list[float]] = {(w, i): [] for w in works for i in (0, 1)}
    for p in range(args.passes):
        for w in works:
            order = (0, 1) if p % 2 == 0 else (1, 0)
            for i in order:
                got[(w, i)].append(run(args.python[i], args.dev, w))
        print(f"pass {p + 1}/{args.passes} done", file=sys.stderr)
    lines = [
        f"| workload | {names[0]} MB/s | {names[1]} MB/s | {names[1]} / {names[0]} |",
        "|---|---:|---:|---:|",
    ]
    for w in works:
        a = statistics.median(got[(w, 0)])
        b = statistics.median(got[(w, 1)])
        lines.append(f"| {w} | {a:.2f} | {b:.2f} | {b / a:.3f} |")
    table = "\n".join(lines)
    print(table)
    if args.out:
        args.out.write_text(
            "# Two builds side by side\n\n"
            f"`python bench/bench_builds.py --python OLD --python NEW --names {args.names} "
            f"--passes {args.passes}` (OLD, NEW: interpreters with each build installed)\n\n"
            f"Median of {args.passes} alternating passes, one fresh process per run (its fastest "
            "of three sweeps), one thread, the dev article texts (~4 MB, distinct "
            "documents).\n\n" + table + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
