"""Load time of the bundled default gazetteer, in a fresh interpreter each run.

Reports the median over runs of: `Gazetteer.default()` (decompress + parse + validate) and the
first `compile()` (automaton build), plus the size of the shipped data.

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
import json, time
t0 = time.perf_counter()
import wirescan
t1 = time.perf_counter()
g = wirescan.Gazetteer.default()
t2 = time.perf_counter()
g.compile()
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "compile": t3 - t2,
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
    med = {k: statistics.median(r[k] for r in runs) for k in ("import", "load", "compile")}
    print(
        f"Default gazetteer: {runs[0]['entities']:,} entities, "
        f"{data.stat().st_size / 1e6:.2f} MB gzipped, automaton {runs[0]['automaton_mb']:.1f} MB"
    )
    print(
        f"median of {args.runs} fresh interpreters: import {med['import'] * 1000:.0f} ms, "
        f"Gazetteer.default() {med['load'] * 1000:.0f} ms, first compile() "
        f"{med['compile'] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
