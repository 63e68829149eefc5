"""Shared inputs for the benchmarks: a news-like corpus from the seeds and synthetic gazetteers.

Everything is deterministic (fixed seeds), so runs compare like with like.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Real entities of the seeds (so that every gazetteer size has real hits), then synthetic ones.
SEED_ALIASES = [
    ("Q423", "North Korea"),
    ("Q423", "DPRK"),
    ("Q423", "North Korean"),
    ("Q884", "South Korea"),
    ("Q884", "South Korean"),
    ("Q159", "Russia"),
    ("Q159", "Russian"),
    ("Q212", "Ukraine"),
    ("Q212", "Ukrainian"),
    ("Q30", "United States"),
    ("Q18808", "Pyongyang"),
    ("Q8684", "Seoul"),
    ("Q649", "Moscow"),
    ("Q1930", "Kyiv"),
    ("Q959", "Vladivostok"),
    ("Q239", "Brussels"),
    ("Q2634", "Naples"),
    ("Q3505", "Lloyd Austin"),
    ("Q3874799", "Volodymyr Zelenskyy"),
    ("Q3874799", "Volodymyr Zelensky"),
    ("Q56226", "Kim Jong Un"),
    ("Q7747", "Vladimir Putin"),
    ("Q6279", "Joe Biden"),
    ("Q20", "Yoon Suk Yeol"),
    ("Q21", "Dmitry Peskov"),
    ("Q22", "Andrii Sybiha"),
    ("Q23", "National Intelligence Service"),
    ("Q7184", "NATO"),
    ("Q1065", "United Nations"),
    ("Q37230", "Group of Seven"),
    ("Q48340", "CNN"),
    ("Q130879", "Reuters"),
    ("Q40469", "AFP"),
    ("Q24", "Yonhap"),
    ("Q25", "NBC News"),
    ("Q35525", "White House"),
    ("Q26", "Kremlin"),
    ("Q27", "Donetsk"),
    ("Q5783", "Siberia"),
    ("Q28", "Mike Turner"),
]

_SYLLABLES = (
    "ka ri mo na to lu sa ve de an el or is um ba gi po ne ta ko ra mi sho chen li "
    "wa ng ha su jo ve ar ost berg ville ton ham ia ova ski yev ez ez os"
).split()


def corpus(target_bytes: int = 2_000_000) -> list[str]:
    """News-like documents: the seed articles' paragraphs, shuffled into ~3 KB documents.

    Single newlines inside paragraphs become spaces so that every tool sees names on one line
    (wirescan also matches across line breaks; the peers do not).
    """
    paras: list[str] = []
    for p in sorted(SEEDS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        for para in re.split(r"\n\s*\n", text):
            para = " ".join(para.split())
            if para:
                paras.append(para)
    rng = random.Random(7)
    docs: list[str] = []
    size = 0
    while size < target_bytes:
        doc = "\n\n".join(rng.sample(paras, 12))
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def aliases(n: int) -> list[tuple[str, str]]:
    """``n`` (id, alias) pairs: the seed entities, then synthetic names of 1-3 words.

    A third of the synthetic names start with a word that news text uses (``North``, ``South``,
    ``National``, ``Russian`` ...) so that the automaton walks real prefixes, as a gazetteer of
    world places and organisations does.
    """
    rng = random.Random(n)
    common = (
        "North South East West National United Russian Korean American New Great Central "
        "Saint Port Lake Mount Upper Lower Democratic People's Republic State Defence Foreign"
    ).split()
    out = list(SEED_ALIASES[: min(n, len(SEED_ALIASES))])
    seen = {a.lower() for _, a in out}
    i = 0
    while len(out) < n:
        i += 1
        k = rng.choice((1, 2, 2, 2, 3))
        words = [_word(rng) for _ in range(k)]
        if k > 1 and rng.random() < 0.33:
            words[0] = rng.choice(common)
        alias = " ".join(words)
        if alias.lower() in seen:
            continue
        seen.add(alias.lower())
        out.append((f"S{i}", alias))
    return out
