"""Gazetteer files are data only: loading an untrusted one cannot run code or read other files,
and whatever it contains is shown escaped."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

import wirescan

HOSTILE = [
    "__import__('os').system('touch PWNED')",
    "{{7*7}} ${jndi:ldap://x} $(touch PWNED) `touch PWNED`",
    "../../../../etc/passwd",
    '=HYPERLINK("http://x")',
    "<script>alert('x')</script>\"><img src=x onerror=alert(1)>",
]


def test_pickle_files_are_not_gazetteers(tmp_path: Path) -> None:
    evil = tmp_path / "g.pkl"
    evil.write_bytes(pickle.dumps({"id": "x"}))
    with pytest.raises(wirescan.GazetteerError, match="unknown gazetteer format"):
        wirescan.Gazetteer.from_file(evil)
    # A pickle renamed .jsonl is just an unreadable JSONL file.
    renamed = tmp_path / "g.jsonl"
    renamed.write_bytes(pickle.dumps({"id": "x"}))
    with pytest.raises(wirescan.GazetteerError, match=r"g\.jsonl:1"):
        wirescan.Gazetteer.from_jsonl(renamed)


def test_hostile_strings_stay_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    jl = tmp_path / "g.jsonl"
    jl.write_text(
        "".join(
            json.dumps(
                {
                    "id": f"h{i}",
                    "name": f"Hostile {i}",
                    "kind": "org",
                    "note": s,
                    "file": s,
                    "aliases": [f"Alias {i}"],
                }
            )
            + "\n"
            for i, s in enumerate(HOSTILE)
        ),
        encoding="utf-8",
    )
    g = wirescan.Gazetteer.from_jsonl(jl)
    assert [g.get(f"h{i}")["attributes"]["note"] for i in range(len(HOSTILE))] == HOSTILE
    csv_path = tmp_path / "g.csv"
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        import csv

        w = csv.writer(f)
        w.writerow(["id", "name", "kind", "aliases", "note"])
        for i, s in enumerate(HOSTILE):
            w.writerow([f"c{i}", f"Hostile {i}", "org", s.replace("|", ""), s])
    g2 = wirescan.Gazetteer.from_csv(csv_path)
    assert g2.get("c2")["attributes"]["note"] == "../../../../etc/passwd"
    assert not (tmp_path / "PWNED").exists()
    assert sorted(os.listdir(tmp_path)) == ["g.csv", "g.jsonl"]


def test_hostile_gazetteer_names_are_escaped_in_html() -> None:
    g = wirescan.Gazetteer.from_records(
        [{"id": 'x"><script>', "name": HOSTILE[4], "kind": "<b>kind</b>", "aliases": ["Acme"]}]
    )
    doc = wirescan.Extractor(g).extract("Acme <i>said</i> hi")
    html = doc._repr_html_()
    assert "<script>" not in html and "<img" not in html and "<b>kind" not in html
    assert "&lt;i&gt;said&lt;/i&gt;" in html


def test_deeply_nested_records_are_rejected_not_crashing() -> None:
    deep: object = "x"
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(wirescan.GazetteerError, match="nested"):
        wirescan.Gazetteer.from_records([{"id": "a", "name": "A", "kind": "org", "x": deep}])
