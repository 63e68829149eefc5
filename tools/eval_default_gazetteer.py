"""Precision and recall of the bundled default gazetteer on the seeds, against the hand-written
annotations in tests/data/seed_annotations.json.

A found mention is correct when its (surface, entity id) is in the gold list (multiset); a
person the gazetteer does not know (`known=False`) counts as the gold's `?`. Prints a
table per seed and in total; `--markdown` prints the README table.

Run: python tools/eval_default_gazetteer.py [--markdown]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import wirescan

ROOT = Path(__file__).resolve().parent.parent


def evaluate() -> dict[str, tuple[int, int, int]]:
    """seed -> (true positives, found, gold)."""
    gold = json.loads((ROOT / "tests" / "data" / "seed_annotations.json").read_text("utf-8"))
    ex = wirescan.Extractor()
    out = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        key = path.name[:3]
        doc = ex.extract(path.read_text(encoding="utf-8"))
        # `?` in the gold is an entity no gazetteer knows: a person the finder found in the
        # document (a `local:` id) is that.
        found = Counter(
            (" ".join(m.text.split()), m.entity_id if m.known else "?") for m in doc.entities
        )
        want = Counter({(s, i): n for s, i, n in gold["seeds"][key]})
        tp = sum((found & want).values())
        out[key] = (tp, sum(found.values()), sum(want.values()))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    res = evaluate()
    rows = [*res.items(), ("all", tuple(sum(x[i] for x in res.values()) for i in range(3)))]
    if args.markdown:
        print("| seed | correct | found | gold | precision | recall |")
        print("|---|---:|---:|---:|---:|---:|")
    for key, (tp, found, gold) in rows:
        p, r = tp / max(found, 1), tp / max(gold, 1)
        if args.markdown:
            print(f"| {key} | {tp} | {found} | {gold} | {p:.3f} | {r:.3f} |")
        else:
            print(f"{key}: precision {p:.3f} ({tp}/{found})  recall {r:.3f} ({tp}/{gold})")


if __name__ == "__main__":
    main()
