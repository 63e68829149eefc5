"""Gazetteer files: CSV and JSONL, merging, and errors that name the file and line."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import wirescan

from conftest import DATA


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def test_csv_columns_aliases_and_attributes(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        "g.csv",
        "id,name,kind,aliases,country,population,lat\n"
        "Q8684,Seoul,place,서울|Soul,KR,9668465,37.566\n"
        '"Q423","North Korea","place","DPRK|""The North""",KP,,\n',
    )
    g = wirescan.Gazetteer.from_csv(p)
    assert len(g) == 2
    seoul = g.get("Q8684")
    assert seoul is not None
    assert seoul["attributes"] == {"country": "KR", "population": 9668465, "lat": 37.566}
    assert [a["text"] for a in seoul["aliases"]] == ["서울", "Soul"]
    nk = g.get("Q423")
    assert nk is not None and nk["attributes"] == {"country": "KP"}  # empty cells omitted
    doc = wirescan.Extractor(g).extract("DPRK and 서울")
    assert [m.entity_id for m in doc.entities] == ["Q423", "Q8684"]


def test_jsonl_and_gzip(tmp_path: Path) -> None:
    src = (DATA / "seed_gazetteer.jsonl").read_bytes()
    p = write(tmp_path, "g.jsonl.gz", gzip.compress(src))
    g = wirescan.Gazetteer.from_file(p)
    assert len(g) == src.count(b"\n")
    assert "Q3505" in g


@pytest.mark.parametrize(
    ("name", "content", "line", "needle"),
    [
        ("a.csv", "id,name\nx,y\n", 1, "lacks column(s) kind"),
        ("b.csv", "id,name,kind\nx,X y,place\ny,Y z\n", 3, "2 fields, but the header has 3"),
        ("c.csv", "id,name,kind\nx,X y,place\n\nx,Other,place\n", 4, "duplicate id"),
        ("d.csv", "id,name,kind,aliases\nx,X y,place,ok|  |fine\n", 2, "empty"),
        ("e.csv", 'id,name,kind\nx,"unterminated,place\n', 2, "malformed CSV"),
        ("f.csv", "", 1, "empty file"),
        (
            "g.jsonl",
            '{"id": "a", "name": "A a", "kind": "x"}\n\n{"id": "b", "name": }\n',
            3,
            "invalid JSON",
        ),
        (
            "h.jsonl",
            '{"id": "a", "name": "A a", "kind": "x"}\n[1, 2]\n',
            2,
            "must be a JSON object",
        ),
        (
            "i.jsonl",
            '{"id": "a", "name": "A a", "kind": "x"}\n{"id": "b", "kind": "x"}\n',
            2,
            "name",
        ),
        (
            "j.jsonl",
            '{"id": "a", "name": "A a", "kind": "x", "aliases": [{"text": "b", "form": "nick"}]}\n',
            1,
            "unknown form",
        ),
    ],
)
def test_malformed_files_name_file_and_line(
    tmp_path: Path, name: str, content: str, line: int, needle: str
) -> None:
    p = write(tmp_path, name, content)
    with pytest.raises(wirescan.GazetteerError) as e:
        wirescan.Gazetteer.from_file(p)
    msg = str(e.value)
    assert msg.startswith(f"{p}:{line}: "), msg
    assert needle in msg, msg
    assert e.value.line == line and e.value.path == str(p)


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    p = write(tmp_path, "bad.csv", b"id,name,kind\nx,Good,place\ny,Bad\xff,place\n")
    with pytest.raises(wirescan.GazetteerError, match=r"bad\.csv:3: invalid utf-8"):
        wirescan.Gazetteer.from_csv(p)


def test_missing_file_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(wirescan.GazetteerError, match="cannot read"):
        wirescan.Gazetteer.from_csv(tmp_path / "nope.csv")
    with pytest.raises(wirescan.GazetteerError, match="unknown gazetteer format"):
        wirescan.Gazetteer.from_file(tmp_path / "g.xml")


def test_merge_conflicts_and_exclude(seed_gazetteer: wirescan.Gazetteer) -> None:
    mine = wirescan.Gazetteer.from_records(
        [
            {"id": "Q8684", "name": "Seoul Special City", "kind": "place"},
            {"id": "new", "name": "Busan", "kind": "place"},
        ]
    )
    with pytest.raises(wirescan.GazetteerError, match='both gazetteers define id "Q8684"'):
        _ = seed_gazetteer + mine
    replaced = seed_gazetteer.merge(mine, on_conflict="replace")
    assert replaced.get("Q8684")["name"] == "Seoul Special City"  # type: ignore[index]
    kept = seed_gazetteer.merge(mine, on_conflict="keep")
    assert kept.get("Q8684")["name"] == "Seoul"  # type: ignore[index]
    assert len(kept) == len(seed_gazetteer) + 1
    with pytest.raises(ValueError, match="on_conflict"):
        seed_gazetteer.merge(mine, on_conflict="whatever")
    no_people = seed_gazetteer.exclude(kinds=["person"])
    ex = wirescan.Extractor(no_people)
    assert [m.kind for m in ex.extract("Kim Jong Un in Seoul").entities] == ["place"]
    assert "Q8684" not in seed_gazetteer.exclude(ids=["Q8684"])


def test_records_round_trip(seed_gazetteer: wirescan.Gazetteer) -> None:
    again = wirescan.Gazetteer.from_records(seed_gazetteer.records())
    assert again.records() == seed_gazetteer.records()


def test_gazetteer_cannot_be_built_directly() -> None:
    with pytest.raises(TypeError, match="from_records"):
        wirescan.Gazetteer(object())  # type: ignore[arg-type]
