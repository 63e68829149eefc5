"""Entity matching: wirescan side by side with flashtext, pyahocorasick and ahocorasick_rs.

Semantics for every tool: case-insensitive, whole words, leftmost-longest, from a Python ``str``
to (start, end, id) in character offsets. How each peer is made to match them:

- flashtext: ``KeywordProcessor(case_sensitive=False)``; it matches whole words at word starts,
  longest first, by design.
- pyahocorasick / ahocorasick_rs: all overlapping matches on ``text.lower()``, then a word
  boundary filter, then a greedy leftmost-longest pass (filtering a leftmost-longest result
  instead would lose the shorter match when the longest one fails the boundary check).
- wirescan: every alias with ``case="insensitive"``; word boundaries are part of the matching.

Each tool and gazetteer size runs in a fresh interpreter (so memory is its own): build time,
resident memory added by the build, then the median of several passes over the corpus, one
document at a time, on one thread. The outputs of all tools are compared.

Run: python bench/bench_entities.py [--sizes 1000,100000,1000000] [--out bench/results/entities.md]
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import aliases, corpus, news_corpus, real_aliases

Match = tuple[int, int, str]


def rss_mb() -> float:
    """Resident memory, after handing freed heap back to the OS (the same for every tool)."""
    import ctypes

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except OSError:
        pass
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def peer_text(text: str) -> str:
    """What wirescan's normalisation does that the peers cannot, done for them on the text (each
    character to one character, so offsets stay): typographic apostrophes and no-break spaces.
    ``str.replace`` (C speed; ``str.translate`` with a table would cost the peers more than
    their matching)."""
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")


def _word(c: str) -> bool:
    return c.isalnum()


def leftmost_longest_words(text: str, cands: list[Match]) -> list[Match]:
    """Boundary filter, then leftmost-longest greedy selection."""
    n = len(text)
    ok = [
        (s, e, i)
        for s, e, i in cands
        if (s == 0 or not _word(text[s - 1])) and (e == n or not _word(text[e]))
    ]
    ok.sort(key=lambda m: (m[0], m[0] - m[1]))
    out: list[Match] = []
    last = 0
    for m in ok:
        if m[0] >= last:
            out.append(m)
            last = m[1]
    return out


def build_wirescan(pairs: list[tuple[str, str]]) -> Callable[[str], list[Match]]:
    import wirescan

    by_id: dict[str, list[str]] = {}
    for i, a in pairs:
        by_id.setdefault(i, []).append(a)
    recs = [
        {"id": i, "name": al[0], "kind": "x", "aliases": al[1:], "case": "insensitive"}
        for i, al in by_id.items()
    ]
    g = wirescan.Gazetteer.from_records(recs, auto_surnames=False).compile()
    del recs
    ex = wirescan.Extractor(g, numbers=False, quotes=False, people=False)  # matching alone

    def run(text: str) -> list[Match]:
        return [(m.start, m.end, m.entity_id) for m in ex.extract(text).entities]

    run.extractor = ex  # type: ignore[attr-defined]
    return run


def build_wirescan_spans(pairs: list[tuple[str, str]]) -> Callable[[str], list[Match]]:
    run_objects = build_wirescan(pairs)
    ex = run_objects.extractor  # type: ignore[attr-defined]
    return ex.spans  # type: ignore[no-any-return]


def build_flashtext(pairs: list[tuple[str, str]]) -> Callable[[str], list[Match]]:
    from flashtext import KeywordProcessor

    kp = KeywordProcessor(case_sensitive=False)
    for i, a in pairs:
        kp.add_keyword(a, i)

    def run(text: str) -> list[Match]:
        found = kp.extract_keywords(peer_text(text), span_info=True)
        return [(s, e, i) for i, s, e in found]

    return run


def build_pyahocorasick(pairs: list[tuple[str, str]]) -> Callable[[str], list[Match]]:
    import ahocorasick

    auto = ahocorasick.Automaton()
    for i, a in pairs:
        key = a.lower()
        auto.add_word(key, (i, len(key)))
    auto.make_automaton()

    def run(text: str) -> list[Match]:
        low = peer_text(text).lower()
        cands = [(end - n + 1, end + 1, i) for end, (i, n) in auto.iter(low)]
        return leftmost_longest_words(text, cands)

    return run


def build_ahocorasick_rs(pairs: list[tuple[str, str]]) -> Callable[[str], list[Match]]:
    import ahocorasick_rs

    keys: dict[str, str] = {}
    for i, a in pairs:
        keys.setdefault(a.lower(), i)
    patterns = list(keys)
    ids = [keys[p] for p in patterns]
    ac = ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.Standard)

    def run(text: str) -> list[Match]:
        low = peer_text(text).lower()
        cands = [(s, e, ids[k]) for k, s, e in ac.find_matches_as_indexes(low, overlapping=True)]
        return leftmost_longest_words(text, cands)

    return run


BUILDERS = {
    "wirescan": build_wirescan,
    "wirescan.spans": build_wirescan_spans,
    "flashtext": build_flashtext,
    "pyahocorasick": build_pyahocorasick,
    "ahocorasick_rs": build_ahocorasick_rs,
}


def inputs(kind: str, size: int, corpus_bytes: int) -> tuple[list[str], list[tuple[str, str]]]:
    """``news``: distinct real news and real names (the realistic run); ``seeds``: the seed
    paragraphs shuffled into documents and synthetic names (the older run, kept beside it)."""
    if kind == "news":
        return news_corpus(), real_aliases(size)
    return corpus(corpus_bytes), aliases(size)


def worker(
    tool: str, size: int, corpus_bytes: int, repeats: int, kind: str = "news", dump: str = ""
) -> dict[str, object]:
    docs, pairs = inputs(kind, size, corpus_bytes)
    total = sum(len(d.encode("utf-8")) for d in docs)
    before = rss_mb()
    # Bulk-building millions of Python objects triggers repeated full GC passes; the build step
    # runs with the cyclic GC off for every tool alike.
    gc.disable()
    t0 = time.perf_counter()
    run = BUILDERS[tool](pairs)
    build_s = time.perf_counter() - t0
    gc.enable()
    mem = rss_mb() - before
    ex = getattr(run, "extractor", None) or getattr(run, "__self__", None)
    heap = (
        (ex.gazetteer._core.definition_memory() + ex.gazetteer.automaton_memory) / 1e6
        if ex is not None
        else None
    )
    out = [[tuple(m) for m in run(d)] for d in docs]  # warm-up; compared across tools
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for d in docs:
            run(d)
        times.append(time.perf_counter() - t0)
    digest = hashlib.sha256(json.dumps(out).encode()).hexdigest()[:16]
    if dump:
        with open(dump, "w", encoding="utf-8") as f:
            json.dump(out, f)
    return {
        "tool": tool,
        "corpus": kind,
        "size": size,
        "build_s": build_s,
        "mem_mb": mem,
        "heap_mb": heap,
        "median_s": statistics.median(times),
        "mb_s": total / 1e6 / statistics.median(times),
        "matches": sum(len(o) for o in out),
        "per_mb": sum(len(o) for o in out) / (total / 1e6),
        "digest": digest,
        "bytes": total,
    }


def _reference_pair() -> tuple[float, float]:
    """The machine's own two-thread ceiling at this moment: SHA-256 of a 256 KB buffer (hashlib
    releases the GIL; no shared data, no allocation), the same total work on 1 and on 2 threads."""
    import threading

    buf = bytes(range(256)) * 1024

    def work(k: int) -> None:
        for _ in range(k):
            hashlib.sha256(buf).digest()

    def run(n: int, total: int = 240) -> float:
        ts = [threading.Thread(target=work, args=(total // n,)) for _ in range(n)]
        t0 = time.perf_counter()
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        return time.perf_counter() - t0

    return run(1), run(2)


def threads_worker(size: int, corpus_bytes: int, repeats: int) -> dict[str, object]:
    """1 and 2 threads alternately on the same batch, so that drift in the machine's speed hits
    both alike; the speed-up is the median of the paired ratios. CPU time per batch shows how
    much of the work is parallel (equal CPU time for 1 and 2 threads: no serial overhead). Each
    pair is followed by a reference pair (`_reference_pair`), the speed-up a perfectly parallel
    job got on this shared VM at the same moment."""
    import wirescan

    docs, pairs = inputs("news", size, corpus_bytes)
    docs = docs * 4
    ex = build_wirescan(pairs).extractor  # type: ignore[attr-defined]
    assert isinstance(ex, wirescan.Extractor)
    total = sum(len(d.encode("utf-8")) for d in docs)
    for n in (1, 2):
        ex.extract_batch(docs[:50], n_threads=n, progress=False)
    walls: dict[int, list[float]] = {1: [], 2: []}
    cpus: dict[int, list[float]] = {1: [], 2: []}
    reference: list[float] = []
    for _ in range(max(repeats, 9)):
        for n in (1, 2):
            c0, w0 = time.process_time(), time.perf_counter()
            ex.extract_batch(docs, n_threads=n, progress=False)
            walls[n].append(time.perf_counter() - w0)
            cpus[n].append(time.process_time() - c0)
        one, two = _reference_pair()
        reference.append(one / two)
    ratios = [a / b for a, b in zip(walls[1], walls[2])]
    return {
        "size": size,
        "mb_s_1": total / 1e6 / statistics.median(walls[1]),
        "mb_s_2": total / 1e6 / statistics.median(walls[2]),
        "speedup": statistics.median(ratios),
        "speedups": sorted(round(r, 2) for r in ratios),
        "reference": statistics.median(reference),
        "cpu_1": statistics.median(cpus[1]),
        "cpu_2": statistics.median(cpus[2]),
    }


def py_threads_worker(size: int, repeats: int, what: str) -> dict[str, object]:
    """Python threads, each calling ``spans()`` (or ``extract()``, or ``frame()`` on its share
    of the documents, a call per document, or per 50 for ``frame``): 1 and 2 threads
    alternately over the realistic corpus, four sweeps per run, with the same reference pair
    as ``threads_worker``."""
    import threading

    docs, pairs = inputs("news", size, 0)
    docs = docs * 4
    ex = build_wirescan(pairs).extractor  # type: ignore[attr-defined]
    total = sum(len(d.encode("utf-8")) for d in docs)
    if what == "frame":
        chunks = [docs[i : i + 50] for i in range(0, len(docs), 50)]

        def work(part: list[list[str]]) -> None:
            for c in part:
                ex.frame(c, "entities", n_threads=1, progress=False)

        shares = {1: [chunks], 2: [chunks[0::2], chunks[1::2]]}
    else:
        fn = ex.spans if what == "spans" else ex.extract

        def work(part: list[str]) -> None:  # type: ignore[misc]
            for d in part:
                fn(d)

        shares = {1: [docs], 2: [docs[0::2], docs[1::2]]}  # type: ignore[dict-item]
    work(shares[2][0][:50])  # type: ignore[arg-type]
    walls: dict[int, list[float]] = {1: [], 2: []}
    reference: list[float] = []
    for _ in range(max(repeats, 9)):
        for n in (1, 2):
            ts = [threading.Thread(target=work, args=(p,)) for p in shares[n]]
            w0 = time.perf_counter()
            for t in ts:
                t.start()
            for t in ts:
                t.join()
            walls[n].append(time.perf_counter() - w0)
        one, two = _reference_pair()
        reference.append(one / two)
    ratios = [a / b for a, b in zip(walls[1], walls[2])]
    return {
        "size": size,
        "what": what,
        "mb_s_1": total / 1e6 / statistics.median(walls[1]),
        "mb_s_2": total / 1e6 / statistics.median(walls[2]),
        "speedup": statistics.median(ratios),
        "speedups": sorted(round(r, 2) for r in ratios),
        "reference": statistics.median(reference),
    }


def _differences(a: str, b: str) -> int:
    """Matches in one output and not in the other (both are lists of per-document lists)."""
    with open(a, encoding="utf-8") as f:
        x = json.load(f)
    with open(b, encoding="utf-8") as f:
        y = json.load(f)
    return sum(
        len({tuple(m) for m in p} ^ {tuple(m) for m in q}) for p, q in zip(x, y, strict=True)
    )


def _run(args: list[str]) -> dict:
    cmd = [sys.executable, __file__, *args]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,100000,1000000")
    ap.add_argument("--tools", default=",".join(BUILDERS))
    ap.add_argument("--corpus-bytes", type=int, default=2_000_000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--corpus", default="news,seeds", help="news (real), seeds, or both")
    ap.add_argument("--out", default=None)
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--threads-worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--py-threads-worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--dump", default="", help=argparse.SUPPRESS)
    ap.add_argument("--size", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        r = worker(args.worker, args.size, args.corpus_bytes, args.repeats, args.corpus, args.dump)
        print(json.dumps(r))
        return
    if args.py_threads_worker:
        print(json.dumps(py_threads_worker(args.size, args.repeats, args.py_threads_worker)))
        return
    if args.threads_worker:
        print(json.dumps(threads_worker(args.size, args.corpus_bytes, args.repeats)))
        return

    import tempfile

    rows = []
    sizes = [int(s) for s in args.sizes.split(",")]
    tmp = tempfile.mkdtemp()
    common = ["--corpus-bytes", str(args.corpus_bytes), "--repeats", str(args.repeats)]
    for kind in args.corpus.split(","):
        for size in sizes:
            for tool in args.tools.split(","):
                dump = os.path.join(tmp, f"{kind}-{size}-{tool}.json")
                r = _run(["--worker", tool, "--size", str(size), "--corpus", kind, "--dump", dump])
                r["dump"] = dump
                rows.append(r)
                print(
                    f"{kind:>6} {size:>8} {tool:<15} {r['mb_s']:7.1f} MB/s  build "
                    f"{r['build_s']:6.2f} s  mem {r['mem_mb']:7.1f} MB  matches {r['matches']}",
                    flush=True,
                )
            ours = next((r for r in rows if r["corpus"] == kind and r["size"] == size), None)
            for r in rows:
                if ours and r["corpus"] == kind and r["size"] == size:
                    r["differences"] = _differences(ours["dump"], r["dump"])
    scaling = []
    for size in sizes:
        r = _run(["--threads-worker", "--size", str(size), *common])
        scaling.append(r)
        print(
            f"{size:>8} extract_batch: 1 -> {r['mb_s_1']:.1f} MB/s, 2 -> {r['mb_s_2']:.1f} MB/s "
            f"({r['speedup']:.2f}x; reference {r['reference']:.2f}x; pairs {r['speedups']})",
            flush=True,
        )
    py_threads = []
    for size, what in [(s, "spans") for s in sizes] + [(100_000, "extract"), (100_000, "frame")]:
        if size not in sizes:
            continue
        r = _run(["--py-threads-worker", what, "--size", str(size), *common])
        py_threads.append(r)
        print(
            f"{size:>8} Python threads {what}: 1 -> {r['mb_s_1']:.1f} MB/s, 2 -> "
            f"{r['mb_s_2']:.1f} MB/s ({r['speedup']:.2f}x; reference {r['reference']:.2f}x)",
            flush=True,
        )
    table = render(rows, scaling, py_threads, args)
    print(table)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(table)


def render(
    rows: list[dict], scaling: list[dict], py_threads: list[dict], args: argparse.Namespace
) -> str:
    lines: list[str] = []
    titles = {
        "news": "Distinct real news (every article of the development data, each once) and "
        "gazetteers of real names (`common.real_aliases`)",
        "seeds": "Seed paragraphs shuffled into documents and synthetic names (`common.corpus`, "
        "`common.aliases`): the older run, kept for comparison",
    }
    for kind in [k for k in ("news", "seeds") if any(r["corpus"] == k for r in rows)]:
        part = [r for r in rows if r["corpus"] == kind]
        lines += [
            f"{titles[kind]}: {part[0]['bytes'] / 1e6:.2f} MB, one document at a time, one "
            f"thread; median of {args.repeats} passes.",
            "",
            "| aliases | tool | MB/s | vs fastest peer | build (s) | RSS added (MB) | heap (MB) "
            "| matches | matches per MB | differences from wirescan |",
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for size in sorted({r["size"] for r in part}):
            group = [r for r in part if r["size"] == size]
            peers = [r for r in group if not r["tool"].startswith("wirescan")]
            best = max((r["mb_s"] for r in peers), default=None)
            for r in group:
                ratio = f"{r['mb_s'] / best:.2f}x" if best else ""
                heap = f"{r['heap_mb']:.0f}" if r.get("heap_mb") is not None else ""
                lines.append(
                    f"| {size:,} | {r['tool']} | {r['mb_s']:.1f} | {ratio} | {r['build_s']:.2f} | "
                    f"{r['mem_mb']:.0f} | {heap} | {r['matches']:,} | {r['per_mb']:,.0f} | "
                    f"{r.get('differences', '')} |"
                )
        lines.append("")
    lines += [
        "`extract_batch(docs, n_threads=1 | 2)` on the realistic corpus (4 sweeps a run):",
        "",
        "| aliases | 1 thread MB/s | 2 threads MB/s | speed-up (median of paired runs) "
        "| reference speed-up (SHA-256, same moments) | CPU s per batch, 1 / 2 threads |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for s in scaling:
        lines.append(
            f"| {s['size']:,} | {s['mb_s_1']:.1f} | {s['mb_s_2']:.1f} | {s['speedup']:.2f}x "
            f"| {s['reference']:.2f}x | {s['cpu_1']:.3f} / {s['cpu_2']:.3f} |"
        )
    lines += [
        "",
        "Python threads, each calling the method on its share of the documents (4 sweeps a run):",
        "",
        "| aliases | call | 1 thread MB/s | 2 threads MB/s | speed-up (median of paired runs) "
        "| reference speed-up |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for s in py_threads:
        lines.append(
            f"| {s['size']:,} | `{s['what']}()` | {s['mb_s_1']:.1f} | {s['mb_s_2']:.1f} "
            f"| {s['speedup']:.2f}x | {s['reference']:.2f}x |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
