"""Hostile input: each case gets a correct result or a clear error, never a crash. Time and
memory for the same cases are recorded by bench/bench_hostile.py, not asserted here."""

from __future__ import annotations

import pytest

import wirescan

WORLD = wirescan.Gazetteer.from_records(
    [
        {"id": "seoul", "name": "Seoul", "kind": "place"},
        {"id": "moscow", "name": "Moscow", "kind": "place", "aliases": ["Москва"]},
        {"id": "cairo", "name": "Cairo", "kind": "place", "aliases": ["القاهرة"]},
        {"id": "jerusalem", "name": "Jerusalem", "kind": "place", "aliases": ["ירושלים"]},
        {"id": "smith", "name": "Jane Smith", "kind": "person"},
    ]
)
EX = wirescan.Extractor(WORLD)


def valid(doc: wirescan.Document) -> None:
    t = doc.text
    for m in doc.entities:
        assert t[m.start : m.end] == m.text
    for n in doc.numbers:
        assert t[n.start : n.end] == n.text
    prev = -1
    for q in doc.quotes:
        assert t[q.start : q.end] == q.text and q.start >= prev
        prev = q.end
    for a, b in doc.sentences:
        assert 0 <= a < b <= len(t)


def test_one_million_aliases() -> None:
    records = [
        {"id": f"e{i}", "name": f"Zorvak {i:07d} Quell", "kind": "org"} for i in range(1_000_000)
    ]
    g = wirescan.Gazetteer.from_records(records)
    assert len(g) == 1_000_000
    del records
    doc = wirescan.Extractor(g).extract("Zorvak 0000007 Quell met Zorvak 0999999 Quell.")
    valid(doc)
    assert [m.entity_id for m in doc.entities] == ["e7", "e999999"]


def test_alternating_quote_marks() -> None:
    soup = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb" * 12_500  # 10^5 marks
    doc = EX.extract(soup)
    valid(doc)
    many = '"We won," Jane Smith said. ' * 50_000  # 10^5 marks, 50,000 real quotes
    doc = EX.extract(many)
    valid(doc)
    assert len(doc.quotes) == 50_000
    assert {q.speaker_id for q in doc.quotes} == {"smith"}
    straight = '"' * 100_001  # one paragraph of straight marks, odd count
    valid(EX.extract(straight))


def test_million_digit_number() -> None:
    text = "They counted " + "7" * 1_000_000 + " troops and 1,500 tanks."
    doc = EX.extract(text)
    valid(doc)
    # Too large for a float: not a count (documented); the real number after it is found.
    assert [n.text for n in doc.numbers] == ["1,500"]
    # Asked for non-counts, it is returned as codes (nine digits or more; a run of a million
    # digits is cut where the parser's chunks end) with no value.
    every = wirescan.Extractor(WORLD, include_non_counts=True).extract(text)
    valid(every)
    *codes, last = every.numbers
    assert codes and all((n.kind, n.value) == ("code", None) for n in codes)
    assert (last.text, last.kind) == ("1,500", "cardinal")


def test_control_characters_and_nuls() -> None:
    text = 'Seoul\x00\x01\x02 and\x1f Moscow\x7f\x0b\x0c said \x00"no\x00," Jane Smith said.'
    doc = EX.extract(text)
    valid(doc)
    assert [m.entity_id for m in doc.entities] == ["seoul", "moscow", "smith"]
    assert [q.speaker_id for q in doc.quotes] == ["smith"]


def test_mixed_scripts_and_rtl() -> None:
    text = (
        "\u200fمحادثات في القاهرة\u200f, then Москва and ירושלים; "
        "\u202eSeoul\u202c and 3,000 \u0661\u0662 troops."
    )
    doc = EX.extract(text)
    valid(doc)
    assert [m.entity_id for m in doc.entities] == ["cairo", "moscow", "jerusalem", "seoul"]


def test_one_enormous_word() -> None:
    text = "x" * 20_000_000
    doc = EX.extract(text)
    valid(doc)
    assert (doc.entities, doc.numbers, doc.quotes) == ([], [], [])
    assert doc.sentences == [(0, len(text))]


@pytest.mark.parametrize("n", [0, 1, 2])
def test_tiny_inputs(n: int) -> None:
    for text in ["", " ", "\n\n", '"', "'", "\u201c", "\x00", "."][: 3 + n * 3]:
        valid(EX.extract(text))
