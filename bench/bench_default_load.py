"""Load time of the bundled default gazetteer, in a fresh interpreter each run.

Reports the median over runs of: `import wirescan`, `Gazetteer.default()` (decompress + parse +
validate), the first `compile()` (automaton build), and what a user waits for in a fresh
interpreter: `Gazetteer.default()` plus the first `Extractor().extract(text)` (the compile
included), with the resident memory after it (current and peak RSS of the process, the
interpreter itself included), plus the size of the shipped data.

Run: python bench/bench_default_load.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

CODE = """
import json, resource, time
def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 1e6
t0 = time.perf_counter()
import wirescan
t1 = time.perf_counter()
base = rss_mb()
g = wirescan.Gazetteer.default()
t2 = time.perf_counter()
g.compile()
t3 = time.perf_counter()
ex = wirescan.Extractor(g)
doc = ex.extract("President Biden met Olaf Scholz in Berlin, officials said on Tuesday.")
t4 = time.perf_counter()
assert doc.entities, "the first extraction found nothing"
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "compile": t3 - t2,
                  "first_extract": t4 - t1, "rss": rss_mb(), "rss_base": base,
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3,
                  "entities": len(g), "automaton_mb": g.automaton_memory / 1e6}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", CODE], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(args.runs)
    ]
    import wirescan

    data = Path(wirescan.__file__).parent / "data" / "default_gazetteer.json.gz"
    keys = ("import", "load", "compile", "first_extract", "rss", "rss_base", "peak")
    med = {k: statistics.median(r[k] for r in runs) for k in keys}
    print(
        f"Default gazetteer: {runs[0]['entities']:,} entities, "
        f"{data.stat().st_size / 1e6:.2f} MB gzipped, automaton {runs[0]['automaton_mb']:.1f} MB"
    )
    print(
        f"median of {args.runs} fresh interpreters: import {med['import'] * 1000:.0f} ms, "
        f"Gazetteer.default() {med['load'] * 1000:.0f} ms, first compile() "
        f"{med['compile'] * 1000:.0f} ms; default() + first extract() {med['first_extract']:.2f} s "
        f"(targets: under 1 s)"
    )
    print(
        f"resident after the first extract {med['rss']:.0f} MB (the interpreter with wirescan "
        f"imported: {med['rss_base']:.0f} MB), peak {med['peak']:.0f} MB (target: under 300 MB)"
    )


if __name__ == "__main__":
    main()
