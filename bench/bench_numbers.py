"""Numbers-only throughput: wirescan side by side with quantulum3 and text2num.

The three tools do different amounts of work, so this compares speed, not equal output:
quantulum3 parses quantities with units (`parser.parse`), text2num rewrites number words as
digits (`alpha2digit`), and wirescan returns values, kinds, qualifiers and counted objects. Each
runs over the same news-like corpus (the seeds' paragraphs), one document at a time, one thread;
the median of several passes is reported, and how many numbers each found.

Run: python bench/bench_numbers.py [--corpus seeds|news] [--corpus-bytes 500000]
       [--out bench/results/numbers.md]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import warnings
from collections.abc import Callable

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import corpus, news_corpus


def tools() -> dict[str, Callable[[str], int]]:
    import wirescan

    # Numbers alone: no gazetteer, no quotes, no person finder.
    ex = wirescan.Extractor(wirescan.Gazetteer.from_records([]), quotes=False, people=False)
    out: dict[str, Callable[[str], int]] = {
        "wirescan": lambda d: len(ex.extract(d).numbers),
    }
    try:
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        out["quantulum3"] = lambda d: len(parser.parse(d))
    except ImportError:
        print("quantulum3 not installed; pip install quantulum3", file=sys.stderr)
    try:
        from text_to_num import alpha2digit

        def text2num(d: str) -> int:
            alpha2digit(d, "en")
            return -1  # it rewrites the text; there is no list of numbers to count

        out["text2num"] = text2num
    except ImportError:
        print("text2num not installed; pip install text2num", file=sys.stderr)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus-bytes", type=int, default=500_000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--out", default=None)
    ap.add_argument(
        "--corpus", choices=("seeds", "news"), default="seeds", help="news: distinct real news"
    )
    args = ap.parse_args()
    docs = news_corpus()[:300] if args.corpus == "news" else corpus(args.corpus_bytes)
    total = sum(len(d.encode("utf-8")) for d in docs)
    rows = []
    for name, run in tools().items():
        found = max(sum(run(d) for d in docs), -1)  # warm-up and count
        reps = args.repeats if name == "wirescan" else max(1, args.repeats // 2)
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            for d in docs:
                run(d)
            times.append(time.perf_counter() - t0)
        med = statistics.median(times)
        rows.append((name, total / 1e6 / med, found))
        print(f"{name:<12} {total / 1e6 / med:9.2f} MB/s  found {found}", flush=True)
    ours = next(r[1] for r in rows if r[0] == "wirescan")
    lines = [
        f"Corpus: {total / 1e6:.2f} MB of "
        + (
            "distinct real news (300 articles of the development data)"
            if args.corpus == "news"
            else "news text (seed paragraphs)"
        )
        + ", one document at a time, one thread; median of passes.",
        "",
        "| tool | MB/s | wirescan's speed / tool's | numbers found |",
        "|---|---:|---:|---:|",
    ]
    for name, mbs, found in rows:
        ratio = "" if name == "wirescan" else f"{ours / mbs:,.1f}x"
        shown = f"{found:,}" if found >= 0 else "n/a (rewrites the text)"
        lines.append(f"| {name} | {mbs:.2f} | {ratio} | {shown} |")
    table = "\n".join(lines) + "\n"
    print(table)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(table)


if __name__ == "__main__":
    main()
