"""The default gazetteer's precision rules: which aliases and records a bulk source may bring.

Quality over bulk: an alias that is a common word, a person's name or particle, or a short code
needs evidence before it can match alone; a town no source links to Wikidata needs inhabitants;
an alias several bulk records share is nobody's. `build.py` calls these passes in order.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from typing import Any

import lexicon

# A city that no source links to Wikidata is kept only from this size up: smaller unlinked towns
# cannot be linked, and in world news their names are more often something else.
MIN_UNLINKED_CITY = 30_000
SHORT_CODES = {"US", "UK", "USA", "UAE", "PRC", "ROK", "DPRK", "DRC", "U.S.", "U.K.", "U.S.A."}
# How strongly a source's record claims a shared alias (and which record wins a tie of names).
PRIORITY = {
    "country": 100,
    "curated": 90,
    "intl": 70,
    "state": 60,
    "region": 55,
    "agency": 50,
    "party": 45,
    "person": 40,
    "legislator": 35,
    "research": 30,
    "county": 25,
    "newspaper": 25,
    "brand": 20,
    "town": 8,
}


def latin(s: str) -> bool:
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith(("LATIN", "GREEK")):
            return False
    return True


def acceptable_alias(a: str, name: str) -> bool:
    a = a.strip()
    if not a or a == name:
        return False
    if a in SHORT_CODES:
        return True
    if not latin(a) or ", " in a or any(ord(c) > 0x2FFF for c in a):
        return False
    if a.lower().startswith("the "):
        return False  # "the US": the article is not part of the name
    letters = [c for c in a if c.isalpha()]
    if len(letters) < 3:
        return False
    # Bare ISO-style codes (KOR, PRK) are not how news names countries.
    return not (len(a) <= 3 and a.isupper())


def drop_unlinked_towns(records: dict[str, dict[str, Any]], counts: dict[str, int]) -> None:
    """Drops the GeoNames cities under `MIN_UNLINKED_CITY` inhabitants that no source links
    to Wikidata (capitals stay)."""
    for rid in [
        rid
        for rid, r in records.items()
        if r.get("kind") == "place"
        and r.get("feature") == "city"
        and not r.get("wikidata")
        and (r.get("population") or 0) < MIN_UNLINKED_CITY
    ]:
        del records[rid]
        counts["cities_dropped_unlinked_small"] += 1


def place_name_ok(name: str, taken: set[str], non_place: set[str], lex: lexicon.Lexicon) -> bool:
    """May a small place's bare name match alone? Not when another entity, a person's name
    or a common word has it, nor when it is short or not Latin."""
    f = lexicon.fold(name)
    return (
        len(f) >= 5
        and latin(name)
        and f not in taken
        and f not in non_place
        and not lex.needs_evidence(name)
        and not any(lex.is_name_word(w) or lex.is_common(w) for w in name.split())
    )


def filter_aliases(
    records: dict[str, dict[str, Any]], lex: lexicon.Lexicon, counts: dict[str, int]
) -> None:
    """Quality over bulk: an alias that is a common word, a person's name or particle, or a
    short code may not match alone for an entity of a bulk source. Such a record is named by
    its longest acceptable alias, or left out when it has none."""
    trusted = {"curated", "mledoze"}
    drop = []
    for rid, r in records.items():
        if trusted & set(r["sources"]) or (
            r.get("feature") == "admin1" and "geonames" in r["sources"]
        ):
            continue
        if "geonames" in r["sources"] and (r.get("population") or 0) >= 500_000:
            continue  # a big city's own name (`Houston`) is evidence enough
        # A first-level region's name is not blocked by a person's name (`Scotland`,
        # `Wales`), only by a common word (`North`, `East`).
        if r.get("division") == "country":
            continue  # England, Scotland, Wales
        region = r.get("feature") in ("country", "admin1")
        keep_acr = [
            a
            for a in r.get("acronyms", [])
            if len(a) >= 3 and a.isupper() and not lex.is_common(a) and latin(a)
        ]
        if r["kind"] != "person":
            r["acronyms"] = keep_acr
        names = [r["name"], *r.get("aliases", [])]
        ok = [
            a
            for a in names
            if latin(a)
            and len(a) < 80
            and not (lex.is_common(a) if region else lex.needs_evidence(a))
        ]
        counts["aliases_dropped_need_evidence"] += len(names) - len(ok)
        if not ok:
            drop.append(rid)
            continue
        if r["name"] not in ok:
            r["name"] = max(ok, key=len)
        r["aliases"] = [a for a in ok if a != r["name"]]
    for rid in drop:
        del records[rid]
    counts["records_dropped_need_evidence"] = len(drop)


def dedupe_aliases(records: dict[str, dict[str, Any]], counts: dict[str, int]) -> None:
    """An alias claimed by a trusted entity and by bulk-source records is left to the
    trusted one (`Apple` the curated company, not a shop of the same name); among bulk
    records of one kind, an alias claimed by more than three is dropped from all."""
    owners: dict[str, list[str]] = defaultdict(list)
    for rid, r in records.items():
        for a in {lexicon.fold(x) for x in [r["name"], *r.get("aliases", [])]}:
            owners[a].append(rid)
    for a, ids in owners.items():
        if len(ids) < 2:
            continue
        bulk = [i for i in ids if records[i].get("priority", 0) < PRIORITY["region"]]
        if len(bulk) == len(ids) and len(bulk) <= 3:
            continue
        losers = bulk if len(bulk) < len(ids) or len(bulk) > 3 else []
        for i in losers:
            r = records[i]
            before = len(r.get("aliases", []))
            r["aliases"] = [x for x in r.get("aliases", []) if lexicon.fold(x) != a]
            counts["aliases_dropped_shared"] += before - len(r["aliases"])
            if lexicon.fold(r["name"]) == a:
                if r["aliases"]:
                    r["name"] = r["aliases"].pop(0)
                elif r["kind"] != "place" or len(bulk) < len(ids):
                    r["_drop"] = True
    gone = [i for i, r in records.items() if r.pop("_drop", False)]
    for i in gone:
        del records[i]
    counts["records_dropped_shared_name"] = len(gone)
