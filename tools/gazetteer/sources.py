"""Readers for the Wikidata-linked open sources of the default gazetteer (used by build.py).

Each reader takes the gazetteer-sources folder and returns plain records in the build's format
(``id``, ``name``, ``kind``, ``aliases``, ``acronyms``, ``wikidata``, attributes); the build
merges them by Wikidata id and filters their aliases. See SOURCES.md in that folder for each
file's origin and licence.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

QID = re.compile(r"Q[1-9][0-9]*")


def qid(s: Any) -> str | None:
    s = str(s or "").strip()
    return s if QID.fullmatch(s) else None


def read_csv_gz(path: Path, delimiter: str = ",") -> Iterator[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, delimiter=delimiter)


def read_jsonl_gz(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def num(s: Any) -> float | None:
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


# -- places -------------------------------------------------------------------------------------


def country_qids(src: Path) -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> QID (countries-states-cities)."""
    out = {}
    for r in read_csv_gz(src / "countries-states-cities" / "csc-countries.csv.gz"):
        q = qid(r["wikiDataId"])
        if q and r["qid_shared"] != "true":
            out[r["iso2"]] = q
    return out


# Words that name a first-level division's type, for the `X Oblast` / `X Province` aliases.
REGION_WORD = {
    "oblast": "Oblast",
    "province": "Province",
    "region": "Region",
    "state": "State",
    "governorate": "Governorate",
    "prefecture": "Prefecture",
    "county": "County",
    "department": "Department",
    "administrative region": "Region",
    "autonomous republic": "Republic",
    "republic": "Republic",
    "krai": "Krai",
}


def regions(src: Path) -> Iterator[dict[str, Any]]:
    """First-level divisions of every country (states, provinces, oblasts, UK nations)."""
    for r in read_csv_gz(src / "countries-states-cities" / "csc-states.csv.gz"):
        if r["parent_id"] or r["level"] not in ("", "1", "2"):
            continue
        q = qid(r["wikiDataId"])
        if not q or r["qid_shared"] == "true":
            continue
        name = r["name"].strip()
        typ = r["type"].strip().lower()
        aliases = []
        if r["native"] and r["native"] != name:
            aliases.append(r["native"])
        word = REGION_WORD.get(typ)
        if word and not name.endswith(word):
            aliases.append(f"{name} {word}")
        pop = num(r["population"])
        yield {
            "id": q,
            "name": name,
            "kind": "place",
            "aliases": aliases,
            "wikidata": q,
            "feature": "country" if typ == "country" else "admin1",
            "division": typ,
            "country": r["country_code"],
            "iso3166_2": r["iso3166_2"] or None,
            "lat": num(r["latitude"]),
            "lon": num(r["longitude"]),
            "population": int(pop) if pop else None,
        }


def us_states(src: Path) -> dict[str, dict[str, str]]:
    """Two-letter code -> {qid, ap, name} (wiki-media-cred)."""
    out = {}
    for r in read_csv_gz(src / "wiki-media-cred" / "wikidata-us-states.tsv.gz", "\t"):
        out[r["abbr"]] = {"qid": r["qid"], "ap": r["AP"], "name": r["state"]}
    return out


def us_counties(src: Path, states: dict[str, dict[str, str]]) -> Iterator[dict[str, Any]]:
    for r in read_csv_gz(src / "countries-states-cities" / "csc-us-counties.csv.gz"):
        q = qid(r["wikiDataId"])
        full = r["native"].strip()  # `Acadia Parish`, `Accomack County`
        if not q or r["qid_shared"] == "true" or " " not in full:
            continue
        st = states.get(r["state_code"], {})
        aliases = []
        if st:
            aliases += [f"{full}, {st['name']}", f"{full}, {st['ap']}"]
        pop = num(r["population"])
        yield {
            "id": q,
            "name": full,
            "kind": "place",
            "aliases": aliases,
            "wikidata": q,
            "feature": "county",
            "country": "US",
            "state_code": r["state_code"],
            "lat": num(r["latitude"]),
            "lon": num(r["longitude"]),
            "population": int(pop) if pop else None,
        }


class CityQids:
    """Finds the QID of a GeoNames city: by GeoNames id (Natural Earth), by name and state (US
    cities of wiki-media-cred), or by name, country and the nearest coordinates within 0.25
    degrees (countries-states-cities)."""

    def __init__(self, src: Path) -> None:
        self.by_gn: dict[int, str] = {}
        for r in read_csv_gz(
            src / "natural-earth-populated-places" / "ne_10m_populated_places.csv.gz"
        ):
            q, gn = qid(r["wikidataid"]), num(r["geonameid"])
            if q and gn and gn > 0:
                self.by_gn[int(gn)] = q
        self.us: dict[tuple[str, str], str] = {}
        for r in read_csv_gz(src / "wiki-media-cred" / "wikidata-us-cities.tsv.gz", "\t"):
            q = qid(r["WD-QID"])
            if q:
                self.us.setdefault((r["placeLabel"].lower(), r["state"]), q)
        self.near: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
        for r in read_csv_gz(
            src / "natural-earth-populated-places" / "ne_10m_populated_places.csv.gz"
        ):
            q, lat, lon = qid(r["wikidataid"]), num(r["latitude"]), num(r["longitude"])
            if q and lat is not None and lon is not None:
                for key in ("name", "nameascii"):
                    if r.get(key):
                        self.near[(r[key].lower(), r["iso_a2"])].append((lat, lon, q))
        for r in read_csv_gz(src / "countries-states-cities" / "csc-cities.csv.gz"):
            q, lat, lon = qid(r["wikiDataId"]), num(r["latitude"]), num(r["longitude"])
            if q and lat is not None and lon is not None and r["qid_shared"] != "true":
                self.near[(r["name"].lower(), r["country_code"])].append((lat, lon, q))

    def find(self, c: dict[str, Any]) -> str | None:
        q = self.by_gn.get(int(c["geonameid"]))
        if q:
            return q
        name = c["name"].lower()
        if c["countrycode"] == "US":
            q = self.us.get((name, c.get("admin1code", "")))
            if q:
                return q
        best = None
        for key in {
            (name, c["countrycode"]),
            ((c.get("asciiname") or "").lower(), c["countrycode"]),
        }:
            for lat, lon, q in self.near.get(key, []):
                d = abs(lat - c["latitude"]) + abs(lon - c["longitude"])
                if d < 0.25 and (best is None or d < best[0]):
                    best = (d, q)
        return best[1] if best else None


def small_places(src: Path) -> Iterator[dict[str, Any]]:
    """Cities and towns of countries-states-cities (no GeoNames id), for the places GeoNames'
    15,000-inhabitant list leaves out; the build keeps only unambiguous names."""
    for r in read_csv_gz(src / "countries-states-cities" / "csc-cities.csv.gz"):
        q = qid(r["wikiDataId"])
        if not q or r["qid_shared"] == "true":
            continue
        pop = num(r["population"])
        yield {
            "id": q,
            "name": r["name"].strip(),
            "kind": "place",
            "aliases": [],
            "wikidata": q,
            "feature": "capital" if r["type"] == "capital" else "town",
            "country": r["country_code"],
            "lat": num(r["latitude"]),
            "lon": num(r["longitude"]),
            "population": int(pop) if pop else None,
        }


def us_towns(src: Path, states: dict[str, dict[str, str]]) -> Iterator[dict[str, Any]]:
    """US cities and towns (wiki-media-cred): always `Town, State` and `Town, ST.` (AP)."""
    for r in read_csv_gz(src / "wiki-media-cred" / "wikidata-us-cities.tsv.gz", "\t"):
        q = qid(r["WD-QID"])
        st = states.get(r["state"])
        if not q or not st:
            continue
        name = r["placeLabel"].strip()
        yield {
            "id": q,
            "name": name,
            "kind": "place",
            "aliases": [f"{name}, {st['name']}", f"{name}, {st['ap']}"],
            "wikidata": q,
            "feature": "town",
            "country": "US",
            "state_code": r["state"],
        }


# -- people -------------------------------------------------------------------------------------


def everypolitician(src: Path) -> Iterator[dict[str, Any]]:
    """National legislators (as of 2015) that carry a QID; names in Latin script."""
    for r in read_jsonl_gz(src / "everypolitician" / "everypolitician-persons.jsonl.gz"):
        q = qid(r.get("qid"))
        if not q:
            continue
        names = [r["name"]] + [
            o["name"] for o in r.get("other_names", []) if o.get("lang") in ("en", None, "")
        ]
        leg = (r.get("legislatures") or [{}])[0]
        cc = (leg.get("country_code") or "").split("-")[0] or None
        last = r.get("family_name")
        if not last and r.get("sort_name") and "," in r["sort_name"]:
            last = r["sort_name"].split(",")[0].strip()
        yield {
            "id": q,
            "name": r["name"],
            "kind": "person",
            "aliases": names[1:],
            "surnames": [last] if last else [],
            "wikidata": q,
            "country": cc,
            "role": f"Member of the {leg.get('legislature')} ({leg.get('country')})"
            if leg.get("legislature")
            else None,
            "gender": r.get("gender") if r.get("gender") in ("male", "female") else None,
            "given_name": r.get("given_name"),
        }


def everypolitician_names(src: Path) -> Iterator[str]:
    """Every legislator's name words (with or without a QID): the person-name lexicon."""
    for r in read_jsonl_gz(src / "everypolitician" / "everypolitician-persons.jsonl.gz"):
        for k in ("given_name", "family_name", "name"):
            if r.get(k):
                yield r[k]


# -- organisations ------------------------------------------------------------------------------


def nsi(src: Path) -> Iterator[dict[str, Any]]:
    """Brands, operators and transit networks of the name-suggestion-index (BSD-3-Clause)."""
    seen: set[str] = set()
    for r in read_jsonl_gz(src / "name-suggestion-index" / "nsi-wikidata-items.jsonl.gz"):
        q = qid(r.get("qid"))
        if not q or q in seen:
            continue
        seen.add(q)
        names = r.get("names") or {}
        en = [
            v
            for k, v in names.items()
            if k in ("name", "brand", "operator", "network", "name:en", "brand:en", "operator:en")
        ]
        en += [a.strip() for k in ("alt_name", "alt_name:en") for a in names.get(k, "").split(";")]
        # `The Home Depot` is written `Home Depot` as often as not (common words are filtered
        # later, so `The Range` does not become `Range`).
        en += [v[4:] for v in en if v.startswith("The ") and len(v) > 8]
        en = [v for v in en if v]
        aliases = list(
            dict.fromkeys(
                [
                    *en,
                    *r.get("short_names", []),
                    *(m for m in r.get("matchNames", []) if m[:1].isupper()),
                ]
            )
        )
        top = r["path"].split("/")[0]
        locs = [
            x.upper() for x in r.get("location_include", []) if isinstance(x, str) and len(x) == 2
        ]
        yield {
            "id": q,
            "name": r.get("displayName") or r["name"],
            "kind": "org",
            "aliases": aliases,
            "wikidata": q,
            "type": {"brands": "brand", "operators": "operator", "transit": "transit network"}.get(
                top, top
            ),
            "country": locs[0] if len(locs) == 1 else None,
        }


def ror(src: Path) -> Iterator[dict[str, Any]]:
    """Research organisations (universities, institutes, agencies) of ROR with a QID (CC0)."""
    for r in read_jsonl_gz(src / "ror-records" / "ror-latest-active.jsonl.gz"):
        q = qid(r.get("qid"))
        if not q:
            continue
        en_labels = [x["value"] for x in r.get("labels", []) if x.get("lang") == "en"]
        yield {
            "id": q,
            "name": r["name"],
            "kind": "org",
            "aliases": [
                *(x["value"] if isinstance(x, dict) else x for x in r.get("aliases", [])),
                *en_labels,
            ],
            "acronyms": [a["value"] for a in r.get("acronyms", [])],
            "wikidata": q,
            "type": (r.get("types") or ["organisation"])[0],
            "country": r.get("country_code"),
            "ror": r["ror_id"].rsplit("/", 1)[-1],
        }


def parties(src: Path, iso3_to_iso2: dict[str, str]) -> Iterator[dict[str, Any]]:
    """Political parties: Party Facts (MIT) joined with its Wikidata links, and EveryPolitician's
    parties."""
    core = {
        r["partyfacts_id"]: r
        for r in read_csv_gz(src / "partyfacts" / "partyfacts-core-parties.csv.gz")
    }
    for r in read_csv_gz(src / "partyfacts" / "partyfacts-wikidata.csv.gz"):
        q = qid(r["wikidata_id"])
        if not q:
            continue
        c = core.get(r["partyfacts_id"], {})
        english = [x.strip() for x in (c.get("name_english") or "").split("/") if x.strip()]
        aliases = [*english, r.get("name_native") or "", c.get("name") or ""]
        short = (r.get("name_short") or c.get("name_short") or "").strip()
        yield {
            "id": q,
            "name": r["name"],
            "kind": "org",
            "aliases": [a for a in aliases if a],
            "acronyms": [short] if short else [],
            "wikidata": q,
            "type": "political party",
            "country": iso3_to_iso2.get(r["country"]),
            "partyfacts_id": r["partyfacts_id"],
        }
    for r in read_jsonl_gz(src / "everypolitician" / "everypolitician-parties.jsonl.gz"):
        q = qid(r.get("qid"))
        if not q:
            continue
        en = [o["name"] for o in r.get("other_names", []) if o.get("lang") == "en"]
        ccs = [c.get("country_code") for c in r.get("countries", [])]
        yield {
            "id": q,
            "name": en[0] if en else r["name"],
            "kind": "org",
            "aliases": [r["name"], *en[1:]],
            "wikidata": q,
            "type": "political party",
            "country": ccs[0] if len(ccs) == 1 else None,
        }


def us_newspapers(src: Path) -> Iterator[dict[str, Any]]:
    for r in read_csv_gz(src / "wiki-media-cred" / "wikipedia-us-newspapers.tsv.gz", "\t"):
        q = qid(r["qid"])
        if not q:
            continue
        name = re.sub(
            r"\s*\((?:[^)]*newspaper[^)]*|[A-Z][a-z]+(?: [A-Z][a-z]+)*)\)$", "", r["WP-title"]
        ).strip()
        yield {
            "id": q,
            "name": name,
            "kind": "org",
            "aliases": [],
            "wikidata": q,
            "type": "newspaper",
            "country": "US",
        }
