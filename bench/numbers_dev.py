"""Scorer of the hand-annotated numbers set (tests/data/numbers_dev/, rules in its RULES.md).

The sentences are read at run time from PolNeAR's train articles (``polnear/polnear_train``);
the set holds only their ids, offsets and the annotations. Each article is extracted whole (the
sentence keeps its context) with the default gazetteer, and the numbers inside a sentence's
span are its predictions. The set is split in two: sentences with an even number (``S0``,
``S2``, ...) are for tuning rules (``tune``), the odd ones are reported (``dev``).

Scoring rules:

- **gold counts** are the annotated numbers whose kind is not a non-count (``year``, ``date``,
  ``time``, ``score``, ``code``). A prediction matches a gold number when their spans overlap;
  each is matched at most once, the largest overlap first. Span precision, recall and F1 are
  over gold counts: a prediction matching nothing, or matching a gold non-count, is a false
  positive; ``exact`` also reports the share of matched counts whose span is exactly the gold's.
- **non-counts counted**: predictions matching a gold non-count (should be 0); with
  ``include_non_counts=True``, ``non-count kinds`` is the share of gold non-counts found with a
  non-count kind.
- on matched count pairs: **value** is right when within 0.1 % of the gold (0.001 absolute for
  values under 1); **unit** when both are absent or equal after normalisation (``$``/``USD``,
  ``percent``/``%``, a unit's name and its symbol: ``hour``/``h``, ``yard``/``yd``, ``mile``/
  ``mi``), counted over pairs where either has a unit; **approx** when the
  qualifiers are equal (absent = absent); **change** when equal (``up``/``down``/absent; a
  prediction without a ``change`` field counts as absent); **object** when the predicted object
  overlaps the gold object, or both are absent.
"""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path
from typing import Any

import wirescan

SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "numbers_dev"
NON_COUNTS = {"year", "date", "time", "score", "code"}
# Names of one unit, written either way in the annotations or the output, compared as one.
UNITS = {
    "$": "usd",
    "usd": "usd",
    "%": "percent",
    "percent": "percent",
    "hour": "h",
    "hours": "h",
    "minute": "min",
    "second": "s",
    "yard": "yd",
    "mile": "mi",
    "foot": "ft",
    "feet": "ft",
}


def _norm_unit(u: str | None) -> str | None:
    if u in (None, "-", ""):
        return None
    assert u is not None
    return UNITS.get(u.lower(), u.lower())


def load(dev: Path) -> tuple[dict[str, tuple[str, int, int]], dict[str, str], list[dict[str, Any]]]:
    with open(SET / "sentences.tsv", encoding="utf-8") as f:
        sents = {
            r["sentence"]: (r["article"], int(r["start"]), int(r["end"]))
            for r in csv.DictReader(f, delimiter="\t")
        }
    wanted = {a for a, _, _ in sents.values()}
    texts: dict[str, str] = {}
    with gzip.open(dev / "polnear" / "polnear_train.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in wanted:
                texts[r["id"]] = r["text"]
    with open(SET / "gold.tsv", encoding="utf-8") as f:
        gold = list(csv.DictReader(f, delimiter="\t"))
    return sents, texts, gold


def _part(key: str) -> int:
    """0 for tuning sentences (``T*`` and even ``S*``), 1 for the reported dev half."""
    return 0 if key[0] in "TUV" else int(key[1:]) % 2


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score(dev: Path) -> list[tuple[str, dict[str, Any]]]:
    sents, texts, gold = load(dev)
    ex = wirescan.Extractor()
    ex_all = wirescan.Extractor(include_non_counts=True)
    docs = {a: ex.extract(t) for a, t in texts.items()}
    docs_all = {a: ex_all.extract(t) for a, t in texts.items()}
    out = []
    for part, parity in (("tune", 0), ("dev", 1)):
        c = {
            k: 0
            for k in (
                "gold",
                "pred",
                "tp",
                "exact",
                "noncount_fp",
                "value",
                "unit_n",
                "unit",
                "approx",
                "change",
                "object",
                "nc_gold",
                "nc_kind",
            )
        }
        errors: list[str] = []
        for key, (art, s0, s1) in sents.items():
            if _part(key) != parity:
                continue
            text = texts[art]
            g = [x for x in gold if x["sentence"] == key]
            gspans = [(s0 + int(x["start"]), s0 + int(x["end"])) for x in g]
            preds = [n for n in docs[art].numbers if n.start >= s0 and n.end <= s1]
            c["gold"] += sum(1 for x in g if x["kind"] not in NON_COUNTS)
            c["pred"] += len(preds)
            pairs = sorted(
                (
                    (_overlap((p.start, p.end), gs), i, j)
                    for i, p in enumerate(preds)
                    for j, gs in enumerate(gspans)
                ),
                reverse=True,
            )
            used_p: set[int] = set()
            used_g: set[int] = set()
            for ov, i, j in pairs:
                if ov <= 0 or i in used_p or j in used_g:
                    continue
                used_p.add(i)
                used_g.add(j)
                p, x = preds[i], g[j]
                if x["kind"] in NON_COUNTS:
                    c["noncount_fp"] += 1
                    errors.append(f"{key} counted a {x['kind']}: {p.text!r}")
                    continue
                c["tp"] += 1
                c["exact"] += (p.start, p.end) == gspans[j]
                gv = None if x["value"] == "-" else float(x["value"])
                ok_value = (
                    gv is not None
                    and p.value is not None
                    and abs(p.value - gv) <= max(1e-3 * abs(gv), 1e-3)
                )
                c["value"] += ok_value
                if not ok_value:
                    errors.append(f"{key} value {p.text!r}: {p.value} (gold {gv})")
                gu, pu = _norm_unit(x["unit"]), _norm_unit(p.unit)
                if gu or pu:
                    c["unit_n"] += 1
                    c["unit"] += gu == pu
                ga = None if x["approx"] == "-" else x["approx"]
                c["approx"] += (p.approx or None) == ga
                gc = None if x["change"] == "-" else x["change"]
                c["change"] += getattr(p, "change", None) == gc
                if x["object_start"] == "-":
                    c["object"] += p.object is None
                else:
                    go = (s0 + int(x["object_start"]), s0 + int(x["object_end"]))
                    c["object"] += (
                        p.object_start is not None
                        and _overlap((p.object_start, p.object_end or 0), go) > 0
                    )
            for j, x in enumerate(g):
                if x["kind"] in NON_COUNTS:
                    c["nc_gold"] += 1
                    found = [
                        n
                        for n in docs_all[art].numbers
                        if _overlap((n.start, n.end), gspans[j]) > 0
                    ]
                    c["nc_kind"] += any(
                        n.kind
                        not in ("cardinal", "money", "percent", "ordinal", "fraction", "range")
                        for n in found
                    )
                elif j not in used_g:
                    errors.append(f"{key} missed {text[gspans[j][0] : gspans[j][1]]!r}")
            for i, p in enumerate(preds):
                if i not in used_p:
                    errors.append(f"{key} extra {p.text!r} ({p.kind})")
        fp = c["pred"] - c["tp"]
        prec = c["tp"] / max(c["tp"] + fp, 1)
        rec = c["tp"] / max(c["gold"], 1)
        tp = max(c["tp"], 1)
        out.append(
            (
                part,
                {
                    "sentences": sum(1 for k in sents if _part(k) == parity),
                    "gold": c["gold"],
                    "pred": c["pred"],
                    "precision": prec,
                    "recall": rec,
                    "f1": 2 * prec * rec / max(prec + rec, 1e-9),
                    "exact": c["exact"] / tp,
                    "value": c["value"] / tp,
                    "unit": c["unit"] / max(c["unit_n"], 1),
                    "approx": c["approx"] / tp,
                    "change": c["change"] / tp,
                    "object": c["object"] / tp,
                    "noncount_fp": c["noncount_fp"],
                    "nc_gold": c["nc_gold"],
                    "nc_kind": c["nc_kind"] / max(c["nc_gold"], 1),
                    "errors": errors,
                },
            )
        )
    return out
