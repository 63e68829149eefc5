"""Accuracy on real, annotated news: quotes (PolNeAR), entities (ELEVANT news sets) and the seeds.

The development data is read at run time from ``../shared/dev/`` next to the repository (or
``--dev DIR`` / ``WIRESCAN_DEV``); nothing of it is copied into the repository. Each set is scored
with the scorer shipped beside it (``score.py``), loaded from there, so the figures are the
scorer's, not ours. Sets whose files are missing are skipped with a note.

- quotes: PolNeAR train and dev (``polnear/``), default Extractor. Quote span F1 at 50 %
  overlap, quote+speaker F1 (the speaker span must overlap the gold speaker), speaker span
  accuracy over found quotes, recall of single-mark and partial quotes.
- entities: ``linking/newsfair_dev`` and ``linking/msnbc``, default gazetteer: detection F1
  (overlap), person recall, linking F1 against Wikidata (an entity's QID is its ``wikidata``
  attribute, or its id when that is a QID).
- numbers: the hand-annotated sentences of tests/data/numbers_dev/ (PolNeAR train articles),
  split into ``tune`` and ``dev`` halves; scoring rules in bench/numbers_dev.py.
- seeds: quotes against tests/test_quotes_seeds.py's expectations are a test; here the default
  gazetteer's entity precision/recall on the seeds (tools/eval_default_gazetteer.py).

Run: ``python bench/accuracy.py [--only quotes,numbers,entities,seeds] [--markdown] [--errors N]``
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import wirescan

ROOT = Path(__file__).resolve().parent.parent


def dev_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("WIRESCAN_DEV") or ROOT.parent / "shared" / "dev")


def load_scorer(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# --- quotes ------------------------------------------------------------------------------------


def quote_predictions(ex: wirescan.Extractor, records: list[dict[str, Any]]) -> dict[str, Any]:
    docs = ex.extract_batch([r["text"] for r in records], progress=False)
    pred = {}
    for r, doc in zip(records, docs):
        qs = []
        for q in doc.quotes:
            qs.append(
                {
                    "start": q.start,
                    "end": q.end,
                    "speaker_start": q.speaker_start,
                    "speaker_end": q.speaker_end,
                    "speaker_text": q.speaker_text,
                }
            )
        pred[r["id"]] = {"id": r["id"], "quotes": qs}
    return pred


def score_quotes(
    scorer: ModuleType, records: list[dict[str, Any]], pred: dict[str, Any]
) -> dict[str, Any]:
    rows, per_gold = [], []
    for g in records:
        r, pg = scorer.score_record(g, pred.get(g["id"]))
        rows.append(r)
        for x in pg:
            x["id"] = g["id"]
        per_gold.extend(pg)
    res = scorer.aggregate(rows)

    def recall(pred_fn: Any) -> tuple[float, int]:
        xs = [x for x in per_gold if pred_fn(x["gold"])]
        return (sum(x["found"] for x in xs) / len(xs) if xs else 0.0), len(xs)

    res["single_recall"] = recall(lambda g: g.get("quote_marks") == "single")
    res["partial_recall"] = recall(lambda g: g.get("type") == "partial")
    res["per_gold"] = per_gold
    return res


def quotes(dev: Path, errors: int) -> list[tuple[str, dict[str, Any]]]:
    folder = dev / "polnear"
    if not (folder / "score.py").exists():
        print(f"(quotes skipped: no {folder})", file=sys.stderr)
        return []
    scorer = load_scorer(folder / "score.py", "polnear_score")
    ex = wirescan.Extractor()
    out = []
    for split in ("train", "dev"):
        path = folder / f"polnear_{split}.jsonl.gz"
        if not path.exists():
            continue
        records = read_jsonl(path)
        t0 = time.perf_counter()
        pred = quote_predictions(ex, records)
        secs = time.perf_counter() - t0
        res = score_quotes(scorer, records, pred)
        res["seconds"] = secs
        out.append((f"polnear_{split}", res))
        if errors and split == "train":
            show_quote_errors(records, pred, res["per_gold"], errors)
    return out


def show_quote_errors(
    records: list[dict[str, Any]], pred: dict[str, Any], per_gold: list[dict[str, Any]], n: int
) -> None:
    """Wrong speakers on the train split (for development), with the predicted speaker."""
    texts = {r["id"]: r["text"] for r in records}
    shown = 0
    for x in per_gold:
        if shown >= n:
            break
        if x["found"] and x["speaker_span"] is False:
            g = x["gold"]
            t = texts[x["id"]]
            p = next(
                (
                    q
                    for q in pred[x["id"]]["quotes"]
                    if min(q["end"], g["end"]) - max(q["start"], g["start"])
                    >= 0.5 * max(q["end"] - q["start"], g["end"] - g["start"])
                ),
                None,
            )
            ctx = t[max(0, g["start"] - 150) : g["end"] + 150].replace("\n", " | ")
            print(
                f"--- gold {g.get('speaker_text')!r} ({g.get('speaker_kind')}) pred "
                f"{p and p['speaker_text']!r}\n    {ctx}"
            )
            shown += 1


# --- entities ----------------------------------------------------------------------------------


def is_name(m: wirescan.Mention) -> bool:
    """A mention of a name, not a demonym (`Iraqi`)."""
    return m.form != "demonym"


def entities(dev: Path) -> list[tuple[str, dict[str, Any]]]:
    folder = dev / "linking"
    if not (folder / "score.py").exists():
        print(f"(entities skipped: no {folder})", file=sys.stderr)
        return []
    ex = wirescan.Extractor(numbers=False, quotes=False)
    g = ex.gazetteer
    qid_cache: dict[str, str | None] = {}

    def qid(eid: str) -> str | None:
        """The entity's Wikidata id: its `wikidata` attribute, or its id when that is one."""
        if eid not in qid_cache:
            q = (g.get(eid) or {}).get("wikidata")
            if not q and eid.startswith("Q") and eid[1:].isdigit():
                q = eid
            qid_cache[eid] = q
        return qid_cache[eid]

    out = []
    tmp = Path(os.environ.get("TMPDIR", "/tmp"))
    # Every QID the gazetteer knows: the scorer's coverage figure, the ceiling of linking
    # recall.
    kb_path = tmp / f"wirescan-acc-{os.getpid()}-kb.txt"
    kb = {q for r in g.records() if (q := (r.get("attributes") or {}).get("wikidata"))}
    kb |= {r["id"] for r in g.records() if r["id"].startswith("Q") and r["id"][1:].isdigit()}
    kb_path.write_text("\n".join(sorted(kb)) + "\n", encoding="utf-8")
    for name in ("newsfair_dev", "msnbc"):
        path = folder / f"{name}.jsonl.gz"
        if not path.exists():
            continue
        records = read_jsonl(path)
        docs = ex.extract_batch([r["text"] for r in records], progress=False)
        # The annotation marks no demonym (`Iraqi officials`, `American voters`); the second
        # run leaves the library's demonym mentions out, to score names alone.
        for label, keep in (("", lambda m: True), (" (demonyms left out)", is_name)):
            pred_path = tmp / f"wirescan-acc-{os.getpid()}-{name}.jsonl"
            with open(pred_path, "w", encoding="utf-8") as f:
                for r, doc in zip(records, docs):
                    ents = [
                        {"start": m.start, "end": m.end, "qid": qid(m.entity_id), "type": m.kind}
                        for m in doc.entities
                        if m.kind in ("person", "org", "place") and keep(m)
                    ]
                    f.write(json.dumps({"id": r["id"], "entities": ents}) + "\n")
            scorer = folder / "score.py"
            proc = subprocess.run(
                [
                    *(sys.executable, str(scorer), "--set", name),
                    *("--pred", str(pred_path), "--kb-qids", str(kb_path)),
                ],
                capture_output=True,
                text=True,
                check=False,
                cwd=folder,
            )
            pred_path.unlink()
            report = proc.stdout.strip()
            if label:
                report = "\n".join(x for x in report.splitlines() if x.startswith("SUMMARY"))
                report = report.replace(
                    f"SUMMARY linking {name}:", f"SUMMARY linking {name}{label}:"
                )
            out.append((name + label, {"report": report, "rc": proc.returncode}))
    kb_path.unlink()
    return out


def seeds() -> list[tuple[str, tuple[int, int, int]]]:
    sys.path.insert(0, str(ROOT / "tools"))
    import eval_default_gazetteer as e

    res = e.evaluate()
    total = tuple(sum(x[i] for x in res.values()) for i in range(3))
    return [("seeds (default gazetteer)", total)]  # type: ignore[list-item]


# --- numbers -----------------------------------------------------------------------------------


def numbers(dev: Path) -> list[tuple[str, dict[str, Any]]]:
    """The hand-annotated numbers set (bench/numbers_dev.py has the scoring rules)."""
    if not (dev / "polnear" / "polnear_train.jsonl.gz").exists():
        print("(numbers skipped: no polnear/polnear_train.jsonl.gz)", file=sys.stderr)
        return []
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import numbers_dev

    return numbers_dev.score(dev)


# --- report ------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--dev", help="the development data folder (default ../shared/dev)")
    ap.add_argument("--only", default="quotes,numbers,entities,seeds")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print N wrong speakers (train)")
    args = ap.parse_args()
    dev = dev_dir(args.dev)
    only = set(args.only.split(","))
    if "quotes" in only:
        rows = quotes(dev, args.errors)
        print("\nQuotes (PolNeAR; scorer: polnear/score.py)\n")
        print(
            "| set | gold | predicted | span P | span R | span F1 | quote+speaker F1 | "
            "speaker span acc | single-mark recall | partial recall |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name, r in rows:
            o, e2e, sp = r["overlap50"], r["quote_and_speaker"], r["speaker"]
            print(
                f"| {name} | {r['n_gold']} | {r['n_pred']} | {o['precision']:.3f} | "
                f"{o['recall']:.3f} | {o['f1']:.3f} | {e2e['f1']:.3f} | {sp['span_acc']:.3f} | "
                f"{r['single_recall'][0]:.3f} | {r['partial_recall'][0]:.3f} |"
            )
    if "numbers" in only:
        rows_n = numbers(dev)
        print("\nNumbers (hand-annotated PolNeAR train sentences; scorer: bench/numbers_dev.py)\n")
        print(
            "| set | sentences | gold counts | predicted | span P | span R | span F1 | exact | "
            "value | unit | approx | change | object | non-counts counted |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name, r in rows_n:
            print(
                f"| numbers_{name} | {r['sentences']} | {r['gold']} | {r['pred']} | "
                f"{r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['exact']:.3f} | "
                f"{r['value']:.3f} | {r['unit']:.3f} | {r['approx']:.3f} | {r['change']:.3f} | "
                f"{r['object']:.3f} | {r['noncount_fp']} of {r['nc_gold']} |"
            )
        for name, r in rows_n:
            if name == "tune" and args.errors:
                for e in r["errors"][: args.errors]:
                    print("   ", e)
    if "entities" in only:
        for name, r in entities(dev):
            print(f"\nEntities: {name} (scorer: linking/score.py)\n")
            print(r["report"])
    if "seeds" in only:
        print("\nSeeds, default gazetteer entities (tools/eval_default_gazetteer.py)\n")
        for name, (tp, found, gold) in seeds():
            print(
                f"{name}: precision {tp / max(found, 1):.3f}, recall {tp / max(gold, 1):.3f} "
                f"({tp} correct, {found} found, {gold} gold)"
            )


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        main()
