"""Shared inputs for the benchmarks: distinct real news and gazetteers of real names (the
realistic inputs), and the older seed-paragraph corpus and synthetic gazetteers.

Everything is deterministic (fixed seeds), so runs compare like with like.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import random
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEFAULT_GAZETTEER = ROOT / "python" / "wirescan" / "data" / "default_gazetteer.json.gz"
# The article texts of the development data (never copied here; read at run time).
NEWS_FILES = (
    "polnear/polnear_train.jsonl.gz",
    "polnear/polnear_dev.jsonl.gz",
    "linking/newsfair_dev.jsonl.gz",
    "linking/msnbc.jsonl.gz",
)


def dev_dir(arg: str | None = None) -> Path:
    """The development data: ``arg``, ``WIRESCAN_DEV`` or ``../shared/dev`` next to the repo."""
    return Path(arg or os.environ.get("WIRESCAN_DEV") or ROOT.parent / "shared" / "dev")


def sources_dir(arg: str | None = None) -> Path:
    """The gazetteer sources: ``arg``, ``WIRESCAN_SOURCES`` or ``../shared/gazetteer-sources``."""
    return Path(
        arg or os.environ.get("WIRESCAN_SOURCES") or ROOT.parent / "shared" / "gazetteer-sources"
    )


def news_corpus(dev: Path | None = None) -> list[str]:
    """Distinct real news: every article text of the development data, each once (about 4.5 MB,
    981 documents), in a fixed shuffled order. As in :func:`corpus`, single newlines inside
    a paragraph become spaces (the peers do not match across line breaks)."""
    dev = dev or dev_dir()
    docs: list[str] = []
    for rel in NEWS_FILES:
        with gzip.open(dev / rel, "rt", encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                text = json.loads(line)["text"]
                paras = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
                doc = "\n\n".join(p for p in paras if p)
                if doc:
                    docs.append(doc)
    random.Random(11).shuffle(docs)
    return docs


# Typographic dashes and apostrophes as plain ones, which wirescan's normalisation makes of them in
# text and aliases alike (the peers only see what is written).
_TYPOGRAPHY = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2019": "'"})


def _name_ok(alias: str) -> bool:
    # A name as a gazetteer holds it: three characters or more, with a capital letter (so the
    # lower-case words some sources carry, `van`, `of`, do not turn into junk matches).
    # Names that start with `The` are left out: wirescan drops a leading article from an alias
    # (`The Associated Press` also matches `Associated Press`), the peers cannot, and the
    # benchmark compares identical output.
    # Names with diacritics too: wirescan folds them (`Palín` matches `Palin`), the peers do not.
    plain = "".join(c for c in unicodedata.normalize("NFKD", alias) if not unicodedata.combining(c))
    return (
        plain == alias
        and alias.isascii()
        and len(alias) >= 3
        and any(c.isupper() for c in alias)
        and not alias.lower().startswith("the ")
    )


def real_aliases(n: int, sources: Path | None = None) -> list[tuple[str, str]]:
    """``n`` (id, alias) pairs of real names, most prominent first, so that a smaller gazetteer
    is the head of a larger one: the bundled default gazetteer's names and aliases, records in
    order of priority and population (~190k aliases); then the names in the open-data sources
    it is built from (cities of countries-states-cities, EveryPolitician people, ROR research
    organisations, name-suggestion-index brands); then, to reach a million, person names made
    of a real given name (``src/people/given_names.txt``) and a real surname (those of the
    sources' people), drawn at random with a fixed seed. Aliases are unique after lower-casing.
    """
    sources = sources or sources_dir()
    out: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(i: str, alias: str) -> bool:
        alias = " ".join(alias.translate(_TYPOGRAPHY).split())
        key = alias.lower()
        if not _name_ok(alias) or key in seen:
            return len(out) >= n
        seen.add(key)
        out.append((i, alias))
        return len(out) >= n

    with gzip.open(DEFAULT_GAZETTEER, "rt", encoding="utf-8") as f:
        recs = json.load(f)
    recs.sort(key=lambda r: (-(r.get("priority") or 0), -(r.get("population") or 0), r["id"]))
    surnames: set[str] = set()
    for r in recs:
        if r.get("kind") == "person" and " " in r["name"]:
            surnames.add(r["name"].split()[-1])
        for a in [r["name"], *r.get("aliases", []), *r.get("demonyms", [])]:
            if add(r["id"], a):
                return out

    def jsonl(rel: str) -> list[dict]:
        with gzip.open(sources / rel, "rt", encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]

    with gzip.open(sources / "countries-states-cities/csc-cities.csv.gz", "rb") as fb:
        for row in csv.DictReader(io.TextIOWrapper(fb, encoding="utf-8")):
            if add(f"csc:{row['id']}", row["name"]):
                return out
    for p in jsonl("everypolitician/everypolitician-persons.jsonl.gz"):
        if p.get("family_name"):
            surnames.add(p["family_name"])
        if add(p.get("qid") or f"ep:{p['ep_ids'][0]}", p["name"]):
            return out
    for o in jsonl("ror-records/ror-latest-active.jsonl.gz"):
        extra = [*o.get("aliases", []), *o.get("acronyms", [])]
        names = [o["name"], *(a["value"] if isinstance(a, dict) else a for a in extra)]
        for a in names:
            if add(o["ror_id"].rsplit("/", 1)[-1], a):
                return out
    for b in jsonl("name-suggestion-index/nsi-wikidata-items.jsonl.gz"):
        if b.get("name") and add(b["qid"] or b["nsi_id"], b["name"]):
            return out
    given_file = ROOT / "src" / "people" / "given_names.txt"
    given = sorted(
        w.strip().lstrip("*").capitalize()
        for w in given_file.read_text(encoding="utf-8").split()
        if w.strip() and not w.startswith("#")
    )
    family = sorted(s for s in surnames if s.isalpha() and len(s) >= 3)
    rng = random.Random(n)
    k = 0
    while True:
        k += 1
        if add(f"P{k}", f"{rng.choice(given)} {rng.choice(family)}"):
            return out


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
    ("Q40464", "AFP"),
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
