"""Frames and the archive CLI.

1. Building the entity frame for ~1M mentions: `Extractor.frame` (Arrow columns built in Rust,
   one call per chunk) against the naive path (`extract_batch`, a Python tuple per mention, then
   `pd.DataFrame`). Each runs in a fresh interpreter; seconds (median of runs) and peak RSS.
2. The CLI over a generated JSONL archive (default 1 GB) on 2 threads, writing Parquet tables:
   throughput and the process's peak RSS.

Run: python bench/bench_frames.py [--mentions 1000000] [--archive-gb 1.0] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import corpus

FRAME_CODE = textwrap.dedent(
    """
    import json, resource, sys, time
    sys.path.insert(0, {bench!r})
    from common import corpus
    import pandas as pd, wirescan
    docs = corpus({size})
    ex = wirescan.Extractor(wirescan.Gazetteer.default(), numbers=False, quotes=False)
    ex.extract(docs[0])
    if {build_only}:
        extracted = ex.extract_batch(docs, progress=False)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    if {build_only} and not {naive}:
        df = wirescan.to_frame(extracted, "entities")
    elif {naive}:
        rows = []
        got = extracted if {build_only} else ex.extract_batch(docs, progress=False)
        for i, d in enumerate(got):
            for m in d.entities:
                rows.append((i, m.start, m.end, m.text, m.entity_id, m.name, m.kind, m.form,
                             m.ambiguous))
        df = pd.DataFrame(rows, columns=["doc", "start", "end", "text", "entity_id", "name",
                                         "kind", "form", "ambiguous"])
    else:
        df = ex.frame(docs, "entities", progress=False)
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({{"seconds": dt, "rows": len(df), "peak_mb": (peak - base) / 1024}}))
    """
)


def frame_run(naive: bool, build_only: bool, size: int) -> dict[str, float]:
    code = FRAME_CODE.format(
        bench=os.path.dirname(os.path.abspath(__file__)),
        size=size,
        naive=naive,
        build_only=build_only,
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def make_archive(path: str, target_bytes: int) -> int:
    docs = corpus(2_000_000)
    rng = random.Random(3)
    n = 0
    size = 0
    with open(path, "w", encoding="utf-8") as f:
        while size < target_bytes:
            line = json.dumps({"id": f"a{n}", "text": rng.choice(docs)}, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mentions", type=int, default=1_000_000)
    ap.add_argument("--archive-gb", type=float, default=1.0)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    # ~19 entity mentions per KB of the corpus with the default gazetteer.
    size = int(args.mentions / 19 * 1000)
    lines = []
    res = {}
    for build_only in (False, True):
        for naive in (False, True):
            runs = [frame_run(naive, build_only, size) for _ in range(args.repeats)]
            sec = statistics.median(r["seconds"] for r in runs)
            peak = statistics.median(r["peak_mb"] for r in runs)
            res[build_only, naive] = (sec, peak, runs[0]["rows"])
            print(
                f"build_only={build_only} naive={naive}: {sec:7.2f} s  peak +{peak:6.0f} MB  "
                f"rows {runs[0]['rows']:,}",
                flush=True,
            )
    rows = res[False, False][2]
    lines += [
        f"Entity frame for {rows:,} mentions ({size / 1e6:.0f} MB of news text, default "
        f"gazetteer, entities only, extraction on 2 threads); median of {args.repeats} fresh "
        "interpreters. *End to end* includes extraction, which both paths share; *frame only* "
        "starts from documents already extracted.",
        "",
        "| path | end to end (s) | peak RSS added (MB) | frame only (s) | peak RSS added (MB) |",
        "|---|---:|---:|---:|---:|",
    ]
    for naive, name in (
        (False, "wirescan (`Extractor.frame` / `wirescan.to_frame`)"),
        (True, "naive: Mention objects, tuples, `pd.DataFrame`"),
    ):
        e, f = res[False, naive], res[True, naive]
        lines.append(f"| {name} | {e[0]:.2f} | {e[1]:.0f} | {f[0]:.2f} | {f[1]:.0f} |")
    lines += [
        f"| speed-up | {res[False, True][0] / res[False, False][0]:.1f}x | | "
        f"{res[True, True][0] / res[True, False][0]:.1f}x | |",
        "",
    ]
    if args.archive_gb > 0:
        with tempfile.TemporaryDirectory() as tmp:
            arc = os.path.join(tmp, "archive.jsonl")
            n = make_archive(arc, int(args.archive_gb * 1e9))
            gb = os.path.getsize(arc) / 1e9
            out = os.path.join(tmp, "res.parquet")
            cmd = [
                sys.executable,
                "-m",
                "wirescan",
                "extract",
                arc,
                "--out",
                out,
                "--threads",
                "2",
                "--id-field",
                "id",
                "--no-progress",
            ]
            # A wrapper process runs the CLI, so that its RUSAGE_CHILDREN sees only the CLI.
            wrapper = (
                "import json, resource, subprocess, sys, time\n"
                "t0 = time.perf_counter()\n"
                f"r = subprocess.run({cmd!r}, capture_output=True, text=True)\n"
                "print(json.dumps({'rc': r.returncode, 'err': r.stderr, "
                "'seconds': time.perf_counter() - t0, "
                "'peak': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))\n"
            )
            w = subprocess.run(
                [sys.executable, "-c", wrapper], capture_output=True, text=True, check=True
            )
            info = json.loads(w.stdout)
            dt = info["seconds"]
            peak = info["peak"] / 1024
            r = subprocess.CompletedProcess(cmd, info["rc"], "", info["err"])
            if r.returncode != 0:
                raise SystemExit(r.stderr)
            sizes = {
                f: os.path.getsize(os.path.join(tmp, f)) / 1e6
                for f in os.listdir(tmp)
                if f.startswith("res.")
            }
        print(r.stderr.strip())
        lines += [
            f"CLI: `wirescan extract archive.jsonl --out res.parquet --threads 2` over a generated "
            f"{gb:.2f} GB JSONL archive ({n:,} articles), entities + numbers + quotes.",
            "",
            "| input | seconds | MB/s | articles/s | peak RSS (MB) |",
            "|---:|---:|---:|---:|---:|",
            f"| {gb:.2f} GB | {dt:.1f} | {gb * 1e3 / dt:.1f} | {n / dt:,.0f} | {peak:.0f} |",
            "",
            "Outputs: " + ", ".join(f"{k} {v:.0f} MB" for k, v in sorted(sizes.items())),
            "",
        ]
    table = "\n".join(lines)
    print(table)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(table)


if __name__ == "__main__":
    main()
