"""Entity matching through the public API, on the seeds and on focused cases."""

from __future__ import annotations

import json

import pytest

import wirescan

from conftest import spans_ok


def found(ex: wirescan.Extractor, text: str) -> list[tuple[str, str, str]]:
    doc = ex.extract(text)
    spans_ok(doc)
    return [(m.text, m.entity_id, m.form) for m in doc.entities]


def test_readme_contract_example() -> None:
    g = wirescan.Gazetteer.from_records(
        [{"id": "Q3505", "name": "Lloyd Austin", "kind": "person", "aliases": ["Lloyd J. Austin"]}]
    )
    ex = wirescan.Extractor(gazetteer=g)
    doc = ex.extract("Lloyd J. Austin, or LLoyd Austin, spoke.")
    assert isinstance(doc, wirescan.Document)
    m = doc.entities[0]
    assert (m.start, m.end, m.text) == (0, 15, "Lloyd J. Austin")
    assert (m.entity_id, m.name, m.kind, m.form) == ("Q3505", "Lloyd Austin", "person", "alias")
    assert [x.form for x in doc.entities] == ["alias", "name"]


def test_seed_000_name_variants(ex: wirescan.Extractor, seeds: dict[str, str]) -> None:
    doc = ex.extract(seeds["000"])
    spans_ok(doc)
    by_text = {(m.text, m.entity_id, m.form) for m in doc.entities}
    assert ("LLoyd Austin", "Q3505", "name") in by_text
    assert ("Austin", "Q3505", "surname") in by_text  # after "LLoyd Austin", Austin is him
    assert ("Volodymyr Zelenskyy", "Q3874799", "name") in by_text
    assert ("Zelenskyy", "Q3874799", "surname") in by_text
    assert ("DPRK", "Q423", "acronym") in by_text
    assert ("North Korean", "Q423", "demonym") in by_text
    assert ("Kim Jong Un", "Q56226", "name") in by_text
    # "South Korea's" yields South Korea with the possessive outside the span.
    sk = [m for m in doc.entities if m.entity_id == "Q884"]
    assert sk and all(m.text == "South Korea" for m in sk if m.form == "name")
    possessive = [m for m in sk if doc.text[m.end : m.end + 2] == "'s"]
    assert len(possessive) == doc.text.count("South Korea's") == 3
    # "US" the acronym is found, but never "us" the pronoun ("fighting against us").
    us = [m for m in doc.entities if m.entity_id == "Q30" and m.form == "acronym"]
    assert us and all(m.text == "US" for m in us)
    assert "against us" in doc.text


def test_seed_001_line_broken_name(ex: wirescan.Extractor, seeds: dict[str, str]) -> None:
    doc = ex.extract(seeds["001"])
    spans_ok(doc)
    lim = [m for m in doc.entities if m.entity_id == "QLIM"]
    assert [m.text for m in lim] == ["Lim\nEul-chul"]
    zel = [m for m in doc.entities if m.entity_id == "Q3874799"]
    assert [m.text for m in zel] == ["Volodymyr Zelensky"]
    # "Vladimir Putin" is the person, not the city Vladimir inside it.
    assert [m.entity_id for m in doc.entities if m.text == "Vladimir Putin"] == ["Q7747"]
    assert "Q2159" not in {m.entity_id for m in doc.entities}


def test_seeds_001_and_002_agree(ex: wirescan.Extractor, seeds: dict[str, str]) -> None:
    """002 is 001 reordered and re-wrapped: the same entities, counted by id."""
    from collections import Counter

    a = Counter(m.entity_id for m in ex.extract(seeds["001"]).entities)
    b = Counter(m.entity_id for m in ex.extract(seeds["002"]).entities)
    # 001 names Zelensky before the article reorders; surname mentions are the only difference.
    assert set(a) == set(b)


def test_seed_003_surname_after_full_name(ex: wirescan.Extractor, seeds: dict[str, str]) -> None:
    doc = ex.extract(seeds["003"])
    austin = [(m.text, m.form) for m in doc.entities if m.entity_id == "Q3505"]
    assert austin[0] == ("Lloyd Austin", "name")
    assert ("Austin", "surname") in austin
    assert "Q16860" not in {m.entity_id for m in doc.entities}  # never the city here


def test_surname_alone_is_not_the_person(ex: wirescan.Extractor) -> None:
    assert found(ex, "Austin is hot in July.") == [("Austin", "Q16860", "name")]
    assert found(ex, "Zelenskyy said.") == []
    assert found(ex, "Volodymyr Zelenskyy arrived. Zelensky said.")[1] == (
        "Zelensky",
        "Q3874799",
        "surname",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US forces", [("US", "Q30", "acronym")]),
        ("told us that", []),
        ("the U.S. said", [("U.S.", "Q30", "acronym")]),
        ("a nice day", []),
        ("in Nice, France", [("Nice", "Q33", "name")]),
        ("NICE HEADLINE", [("NICE", "Q33", "name")]),
        (
            "SOUTH KOREA AND NORTH KOREA",
            [("SOUTH KOREA", "Q884", "name"), ("NORTH KOREA", "Q423", "name")],
        ),
        ("south korea", []),
        ("Russians and Russian ships", [("Russian", "Q159", "demonym")]),
        (
            "Russia-North Korea alliance",
            [("Russia", "Q159", "name"), ("North Korea", "Q423", "name")],
        ),
        ("Kim Jong Un’s visit", [("Kim Jong Un", "Q56226", "name")]),
        (
            "the Democratic People’s Republic of Korea",
            [("Democratic People’s Republic of Korea", "Q423", "alias")],
        ),
        ("North\u00a0Korea", [("North\u00a0Korea", "Q423", "name")]),
        ("North\r\n   Korea", [("North\r\n   Korea", "Q423", "name")]),
        ("NIS-led", [("NIS", "QNIS", "acronym")]),
        ("NISSAN", []),
        ("G7 ministers", [("G7", "Q37230", "acronym")]),
        ("", []),
    ],
)
def test_focused_cases(
    ex: wirescan.Extractor, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found(ex, text) == expected


def test_leftmost_longest_vs_overlapping(seed_gazetteer: wirescan.Gazetteer) -> None:
    text = "South Korea's National Intelligence Service"
    ll = wirescan.Extractor(seed_gazetteer).extract(text)
    assert [m.entity_id for m in ll.entities] == ["Q884", "QNIS"]
    g = seed_gazetteer + wirescan.Gazetteer.from_records(
        [{"id": "K", "name": "Korea", "kind": "place"}]
    )
    ov = wirescan.Extractor(g, overlapping=True).extract(text)
    spans_ok(ov)
    assert [m.entity_id for m in ov.entities] == ["Q884", "K", "QNIS"]
    assert [m.entity_id for m in wirescan.Extractor(g).extract(text).entities] == ["Q884", "QNIS"]


def test_case_policy_per_alias() -> None:
    g = wirescan.Gazetteer.from_records(
        [
            {
                "id": "a",
                "name": "Apple",
                "kind": "org",
                "aliases": [{"text": "apple", "case": "insensitive"}],
            },
            {
                "id": "b",
                "name": "Bank of Korea",
                "kind": "org",
                "aliases": [{"text": "BOK", "case": "insensitive"}],
            },
            {
                "id": "c",
                "name": "The Hill",
                "kind": "org",
                "aliases": [{"text": "The Hill", "case": "exact"}],
            },
        ]
    )
    ex = wirescan.Extractor(g)
    assert [m.entity_id for m in ex.extract("an apple, the bok, the hill, The Hill").entities] == [
        "a",
        "b",
        "c",
    ]


def test_ambiguous_alias_reports_candidates() -> None:
    g = wirescan.Gazetteer.from_records(
        [
            {"id": "GA", "name": "Georgia", "kind": "place", "country": "US"},
            {"id": "GE", "name": "Georgia", "kind": "place", "country": "GE", "priority": 1},
        ]
    )
    assert g.ambiguities() == [("georgia", ["GE", "GA"])]
    (m,) = wirescan.Extractor(g).extract("Georgia voted").entities
    assert m.entity_id == "GE" and m.ambiguous and m.candidates == ["GE", "GA"]


def test_mention_attributes_and_dict(ex: wirescan.Extractor) -> None:
    doc = ex.extract("Lloyd Austin met Kim Jong Un in Pyongyang.")
    m = doc.entities[0]
    assert m.attributes == {"role": "US Secretary of Defense"}
    d = doc.to_dict()
    json.dumps(d)  # plain JSON-able
    assert d["entities"][2] == {
        "start": 32,
        "end": 41,
        "text": "Pyongyang",
        "entity_id": "Q18808",
        "name": "Pyongyang",
        "kind": "place",
        "wikidata": "Q18808",
        "known": True,
        "form": "name",
        "ambiguous": False,
        "candidates": [],
    }
    assert m.wikidata == "Q3505"  # an id that is a QID is its Wikidata id
    assert "Pyongyang" in repr(doc) and "Q3505" in repr(m)


def test_batch_equals_single(ex: wirescan.Extractor, seeds: dict[str, str]) -> None:
    texts = list(seeds.values()) * 5
    single = [[m.to_dict() for m in ex.extract(t).entities] for t in texts]
    for n in (1, 2, 3):
        batch = ex.extract_batch(texts, n_threads=n)
        assert [[m.to_dict() for m in d.entities] for d in batch] == single


def test_extract_batch_accepts_iterables(ex: wirescan.Extractor) -> None:
    docs = ex.extract_batch(t for t in ["Seoul", "Moscow"])
    assert [d.entities[0].entity_id for d in docs] == ["Q8684", "Q649"]
    assert ex.extract_batch([]) == []


def test_strip_diacritics_option() -> None:
    recs = [{"id": "sp", "name": "São Paulo", "kind": "place"}]
    on = wirescan.Extractor(wirescan.Gazetteer.from_records(recs))
    off = wirescan.Extractor(wirescan.Gazetteer.from_records(recs, strip_diacritics=False))
    assert [m.text for m in on.extract("Sao Paulo and São Paulo").entities] == [
        "Sao Paulo",
        "São Paulo",
    ]
    assert [m.text for m in off.extract("Sao Paulo and São Paulo").entities] == ["São Paulo"]


def test_full_case_folding() -> None:
    g = wirescan.Gazetteer.from_records([{"id": "s", "name": "Strauss Platz", "kind": "place"}])
    doc = wirescan.Extractor(g).extract("at STRAUẞ PLATZ and Strauß Platz")
    spans_ok(doc)
    assert [m.text for m in doc.entities] == ["STRAUẞ PLATZ", "Strauß Platz"]


def test_spans_equal_extract(ex: wirescan.Extractor, seeds: dict[str, str]) -> None:
    # spans() is the gazetteer's matches: extract() without the person finder.
    gaz_only = wirescan.Extractor(ex.gazetteer, people=False)
    for text in seeds.values():
        doc = gaz_only.extract(text)
        assert ex.spans(text) == [(m.start, m.end, m.entity_id) for m in doc.entities]
    assert ex.spans("") == []
    with pytest.raises(TypeError, match="must be str"):
        ex.spans(None)  # type: ignore[arg-type]
