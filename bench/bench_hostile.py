"""Hostile input: time and peak memory per case, each in a fresh interpreter (the matching
tests in tests/test_hostile.py check the results; nothing here is a pass/fail limit).

Run: python bench/bench_hostile.py [--out bench/results/hostile.md]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap

SETUP = """
import resource, time, wirescan
g = wirescan.Gazetteer.from_records([
    {"id": "seoul", "name": "Seoul", "kind": "place"},
    {"id": "moscow", "name": "Moscow", "kind": "place", "aliases": ["Москва"]},
    {"id": "cairo", "name": "Cairo", "kind": "place", "aliases": ["القاهرة"]},
    {"id": "smith", "name": "Jane Smith", "kind": "person"},
])
ex = wirescan.Extractor(g)
ex.extract("warm up Seoul")
"""

CASES = {
    "100 MB single text (news-like)": (
        'unit = "Seoul said 1,500 troops moved. \\"It is over,\\" Jane Smith said.\\n\\n"\n'
        "text = unit * (100_000_000 // len(unit))",
        "n = sum(ex.table([text], w).num_rows for w in ('entities',))",
    ),
    "1M-alias gazetteer: build + match 1 MB": (
        "recs = [{'id': f'e{i}', 'name': f'Zorvak {i:07d} Quell', 'kind': 'org'}"
        " for i in range(1_000_000)]\n"
        "text = 'Zorvak 0000007 Quell met Zorvak 0999999 Quell. ' * 20_000",
        "big = wirescan.Gazetteer.from_records(recs); del recs\n"
        "d = wirescan.Extractor(big).extract(text); n = len(d.entities)",
    ),
    "10^5 alternating quote marks": (
        "text = '\"\\'\\u201c\\u201d\\u2018\\u2019\\u00ab\\u00bb' * 12_500",
        "d = ex.extract(text); n = len(d.quotes)",
    ),
    "50,000 quotes with speakers": (
        "text = '\"We won,\" Jane Smith said. ' * 50_000",
        "d = ex.extract(text); n = len(d.quotes)",
    ),
    "a million-digit number": (
        "text = 'They counted ' + '7' * 1_000_000 + ' troops.'",
        "d = ex.extract(text); n = len(d.numbers)",
    ),
    "10 MB of control characters and NULs": (
        "text = ('Seoul\\x00\\x01 \\x1f\\x7f Moscow\\x0b said \\x00' * 400_000)[:10_000_000]",
        "n = ex.table([text], 'entities').num_rows",
    ),
    "10 MB of mixed scripts and RTL": (
        "text = ('\\u200f\\u0645\\u062d\\u0627\\u062f\\u062b\\u0627\\u062a \\u0627\\u0644\\u0642"
        "\\u0627\\u0647\\u0631\\u0629 \\u041c\\u043e\\u0441\\u043a\\u0432\\u0430 \\u05e9\\u05dc"
        "\\u05d5\\u05dd Seoul \\u202e3,000\\u202c ' * 300_000)[:10_000_000]",
        "n = ex.table([text], 'entities').num_rows",
    ),
    "20 MB of numbers (`1,000 ` repeated) to an Arrow table": (
        "text = '1,000 ' * (20_000_000 // 6)\nex = wirescan.Extractor(g, quotes=False)",
        "n = ex.table([text], 'numbers').num_rows",
    ),
    "20 MB of numbers, then every Number object": (
        "text = '1,000 ' * (20_000_000 // 6)\nex = wirescan.Extractor(g, quotes=False)",
        "d = ex.extract(text); n = len(d.numbers)",
    ),
    "130 M x U+FDFA (400 MB, 18 letters each under NFKC): refused": (
        "text = '\\ufdfa' * 130_000_000",
        "try:\n    ex.extract(text); n = 1\nexcept wirescan.TextError:\n    n = 0",
    ),
    "one 100 MB word": (
        "text = 'x' * 100_000_000",
        "d = ex.extract(text); n = len(d.entities)",
    ),
}

RUN = """
{setup}
{prepare}
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
{work}
dt = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
import json
print(json.dumps({{"seconds": dt, "peak_mb": (peak - base) / 1024, "found": n,
                  "input_mb": len(text.encode("utf-8", "surrogatepass")) / 1e6}}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    lines = [
        "Each case in a fresh interpreter; time of the call and peak RSS added by it (the input "
        "string is built before the measurement starts). Cases with millions of matches build "
        "an Arrow table (`Extractor.table`) instead of a Python object per match.",
        "",
        "| case | input (MB) | seconds | peak RSS added (MB) | items found | bytes per item |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, (prepare, work) in CASES.items():
        code = RUN.format(setup=SETUP, prepare=prepare, work=work)
        out = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True
        )
        if out.returncode != 0:
            raise SystemExit(f"{name}: {out.stderr}")
        r = json.loads(out.stdout.strip().splitlines()[-1])
        per = f"{r['peak_mb'] * 1048576 / r['found']:,.0f}" if r["found"] else "-"
        row = (
            f"| {name} | {r['input_mb']:.1f} | {r['seconds']:.2f} | {r['peak_mb']:.0f} | "
            f"{r['found']:,} | {per} |"
        )
        print(row, flush=True)
        lines.append(row)
    table = "\n".join(lines) + "\n"
    print(table)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(table)


if __name__ == "__main__":
    main()
