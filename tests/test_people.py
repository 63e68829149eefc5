"""People, organisations and places the gazetteer does not know, through the public API
(examples of our own)."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

import wirescan

RECORDS = [
    {"id": "mv", "name": "Morville", "kind": "place", "country": "XX", "feature": "city"},
    {"id": "hb", "name": "Harbour Board", "kind": "org"},
]


def extractor(**kw: bool) -> wirescan.Extractor:
    return wirescan.Extractor(wirescan.Gazetteer.from_records(RECORDS), **kw)


TEXT = (
    "Harbour Board chief Capt. Oskar Brandvold said the quay would close. "
    "Talks with Tomas Morville went on. Brandvold left Morville at noon."
)


def test_unknown_people_get_local_ids_and_their_surnames() -> None:
    doc = extractor().extract(TEXT)
    got = [(m.text, m.entity_id, m.known, m.form) for m in doc.entities]
    assert got == [
        ("Harbour Board", "hb", True, "name"),
        ("Oskar Brandvold", "local:oskar-brandvold", False, "name"),
        ("Tomas Morville", "local:tomas-morville", False, "name"),
        ("Brandvold", "local:oskar-brandvold", False, "surname"),
        # After the full name, the surname is the person's, not the town's.
        ("Morville", "local:tomas-morville", False, "surname"),
    ]
    p = doc.entities[1]
    assert (p.kind, p.name, p.wikidata, p.attributes, p.candidates) == (
        "person",
        "Oskar Brandvold",
        None,
        {"gender": "male"},  # Oskar is a man's name
        [],
    )
    d = p.to_dict()
    assert d["known"] is False and d["entity_id"] == "local:oskar-brandvold"
    assert "local:oskar-brandvold" in repr(p)


def test_a_person_beats_the_place_inside_the_name() -> None:
    (m,) = extractor().extract("Anna Morville opened the school.").entities
    assert (m.text, m.known) == ("Anna Morville", False)
    (town,) = extractor().extract("Morville opened the school.").entities
    assert town.entity_id == "mv"


def test_people_can_be_switched_off_and_spans_are_the_gazetteer_s() -> None:
    ex = extractor(people=False)
    assert not ex.options["people"] and extractor().options["people"]
    assert [m.entity_id for m in ex.extract(TEXT).entities] == ["hb", "mv", "mv"]
    assert [i for _, _, i in extractor().spans(TEXT)] == ["hb", "mv", "mv"]
    assert extractor().extract("").entities == []


def test_documents_with_local_people_pickle_and_frame() -> None:
    ex = extractor()
    doc = ex.extract(TEXT)
    back = pickle.loads(pickle.dumps(doc))
    assert [m.to_dict() for m in back.entities] == [m.to_dict() for m in doc.entities]
    df = ex.frame([TEXT], "entities")
    assert list(df["known"]) == [m.known for m in doc.entities]
    assert list(df["entity_id"]) == [m.entity_id for m in doc.entities]


SPEECH = (
    '"The quay stays open," said Oskar Brandvold, who runs the Harbour Board. '
    '"We have no choice," he said.\n\n'
    'Capt. Marit Solheim disagreed. "Nobody asked us," she said, and 40 boats left. '
    '"It is a loss," Brandvold told reporters. Mrs. Quist said 12 nets were lost.'
)


def test_quotes_and_number_sources_name_the_people_the_gazetteer_lacks() -> None:
    ex = extractor()
    doc = ex.extract(SPEECH)
    got = [(q.text, q.speaker_text, q.speaker_id, q.speaker_name) for q in doc.quotes]
    assert got == [
        ("The quay stays open,", "Oskar Brandvold", "local:oskar-brandvold", "Oskar Brandvold"),
        # A pronoun finds its person through the name, as it does for the gazetteer's.
        ("We have no choice,", "he", "local:oskar-brandvold", "Oskar Brandvold"),
        # `she` passes over the man (Oskar is a man's name) to the woman.
        ("Nobody asked us,", "she", "local:marit-solheim", "Marit Solheim"),
        # A surname alone is the person named in full before.
        ("It is a loss,", "Brandvold", "local:oskar-brandvold", "Oskar Brandvold"),
    ]
    genders = {m.entity_id: m.attributes.get("gender") for m in doc.entities if not m.known}
    assert genders["local:oskar-brandvold"] == "male"
    assert genders["local:marit-solheim"] == "female"
    assert genders["local:quist"] == "female"  # by her title
    sources = {n.text: n.source.speaker_id if n.source else None for n in doc.numbers}
    assert sources == {"40": "local:marit-solheim", "12": "local:quist"}
    # The same through frames, to_dict and pickle.
    qf = ex.frame([SPEECH], "quotes")
    assert list(qf["speaker_id"]) == [g[2] for g in got]
    assert list(qf["speaker_name"]) == [g[3] for g in got]
    nf = ex.frame([SPEECH], "numbers")
    assert list(nf["source_id"]) == [sources[t] for t in nf["text"]]
    back = pickle.loads(pickle.dumps(doc))
    assert [q.to_dict() for q in back.quotes] == [q.to_dict() for q in doc.quotes]
    assert [m.attributes for m in back.entities] == [m.attributes for m in doc.entities]


ORG_TEXT = (
    "Morville Sailing Association members met the Department of Harbours and Fisheries. "
    "Later the Morville Otters played at the Morville Marathon. "
    "Mr Quist of the Morville Sailing Association said no."
)


def test_unknown_organisations_places_and_events_by_their_head_word() -> None:
    doc = extractor().extract(ORG_TEXT)
    got = [(m.text, m.entity_id, m.kind, m.known) for m in doc.entities]
    assert got == [
        ("Morville Sailing Association", "local:morville-sailing-association", "org", False),
        (
            "Department of Harbours and Fisheries",
            "local:department-of-harbours-and-fisheries",
            "org",
            False,
        ),
        # A city and a capitalised plural is a team; the marathon takes Morville away.
        ("Morville Otters", "local:morville-otters", "org", False),
        ("Quist", "local:quist", "person", False),
        # The same name again is the same local entity.
        ("Morville Sailing Association", "local:morville-sailing-association", "org", False),
    ]
    assert doc.entities[0].to_dict()["kind"] == "org"
    # The document's summary names local entities too (this once crashed on them).
    assert "Morville Otters" in repr(doc) and "Quist" in repr(doc)
    back = pickle.loads(pickle.dumps(doc))
    assert [m.to_dict() for m in back.entities] == [m.to_dict() for m in doc.entities]
    df = extractor().frame([ORG_TEXT], "entities")
    assert list(df["kind"]) == [m.kind for m in doc.entities]
    # Without the finders, the town is the gazetteer's wherever it is written.
    plain = extractor(people=False).extract(ORG_TEXT)
    assert [m.entity_id for m in plain.entities] == ["mv", "mv", "mv", "mv"]


names = st.sampled_from(["Zoë Brandvold", "Ñoño Øster", "Mr. Łukasz Wiśniewski", "İlker Ay"])
filler = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(list("İßΣς\u0301\u00a0\n’“—👍🏽 .,")),
    ),
    max_size=40,
)


@given(filler, names, filler)
def test_offsets_of_found_people_index_the_str(before: str, name: str, after: str) -> None:
    text = f"{before} {name} said {after}"
    for m in extractor().extract(text).entities:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text


orgs = st.sampled_from(
    ["Åre Ski Association", "Straße Ministry of Façades", "Ørsted Harbour Authority", "İzmir Bay"]
)


@given(filler, orgs, filler)
def test_offsets_of_found_organisations_index_the_str(before: str, name: str, after: str) -> None:
    text = f"{before} the {name} {after}"
    for m in extractor().extract(text).entities:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text


def test_a_title_links_a_surname_only_to_the_office_it_names() -> None:
    g = wirescan.Gazetteer.from_records(
        [
            {"id": "s1", "name": "Ada Brandvold", "kind": "person", "role": "Member of the Senate"},
            {"id": "p1", "name": "Oskar Quist", "kind": "person", "prominent": True},
        ]
    )
    ex = wirescan.Extractor(g)

    def got(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.entity_id) for m in ex.extract(text).entities]

    assert got("Sen. Brandvold said no.") == [("Brandvold", "s1")]
    # A courtesy title is no office: some other Brandvold, found in the document.
    assert got("Mr Brandvold said no.") == [("Brandvold", "local:brandvold")]
    # A title before a full name is not a surname's title.
    assert got("Sen. Brandvold Ekstrom said no.") == [
        ("Brandvold Ekstrom", "local:brandvold-ekstrom")
    ]
    # A prominent person's surname stands for them after any title, or alone.
    assert got("Mr Quist said no. Quist left.") == [("Quist", "p1"), ("Quist", "p1")]
    # Initials and a byline.
    assert got("By JK Arvel\nA report.") == [("JK Arvel", "local:jk-arvel")]
