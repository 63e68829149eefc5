"""Quotes, speakers and number sources through the public API.

`CASES` are written by hand, one behaviour each: quote marks, apostrophes, stray marks,
paragraphs, speaker patterns and verbs, pronoun and role resolution, partial quotes, titles and
nicknames. Each expected quote is `(text, speaker_text, speaker_id, partial)`; the extractor must
return exactly those quotes, in order.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wirescan

RECORDS: list[dict[str, Any]] = [
    {
        "id": "P:austin",
        "name": "Lloyd Austin",
        "kind": "person",
        "surnames": ["Austin"],
        "role": "US Secretary of Defense",
        "gender": "male",
    },
    {"id": "P:harris", "name": "Kamala Harris", "kind": "person", "gender": "female"},
    {
        "id": "P:zelensky",
        "name": "Volodymyr Zelensky",
        "kind": "person",
        "aliases": ["Volodymyr Zelenskyy"],
        "surnames": ["Zelensky", "Zelenskyy"],
        "role": "President of Ukraine",
    },
    {
        "id": "P:turner",
        "name": "Mike Turner",
        "kind": "person",
        "surnames": ["Turner"],
        "role": "US Representative",
    },
    {
        "id": "P:kim",
        "name": "Kim Yong-hyun",
        "kind": "person",
        "surnames": ["Kim"],
        "role": "Defense Minister of South Korea",
    },
    {"id": "P:kju", "name": "Kim Jong Un", "kind": "person", "surnames": ["Kim"]},
    {
        "id": "P:lim",
        "name": "Lim Eul-chul",
        "kind": "person",
        "surnames": ["Lim"],
        "role": "Professor",
    },
    {"id": "P:smith", "name": "Jane Smith", "kind": "person", "surnames": ["Smith"]},
    {
        "id": "P:peskov",
        "name": "Dmitry Peskov",
        "kind": "person",
        "surnames": ["Peskov"],
        "role": "Kremlin spokesman",
    },
    {
        "id": "O:nis",
        "name": "National Intelligence Service",
        "kind": "org",
        "aliases": ["NIS"],
        "type": "intelligence agency",
        "country": "KR",
    },
    {
        "id": "O:afp",
        "name": "Agence France-Presse",
        "kind": "org",
        "aliases": ["AFP"],
        "type": "news agency",
        "country": "FR",
    },
    {"id": "O:cnn", "name": "CNN", "kind": "org", "type": "broadcaster", "country": "US"},
    {"id": "O:acme", "name": "Acme Corp", "kind": "org", "type": "company", "country": "US"},
    {
        "id": "O:mod",
        "name": "Ministry of Defence",
        "kind": "org",
        "type": "ministry",
        "country": "UA",
    },
    {
        "id": "L:kr",
        "name": "South Korea",
        "kind": "place",
        "demonyms": ["South Korean"],
        "country": "KR",
    },
    {"id": "L:ua", "name": "Ukraine", "kind": "place", "demonyms": ["Ukrainian"], "country": "UA"},
    {"id": "L:seoul", "name": "Seoul", "kind": "place", "country": "KR"},
]

Q = tuple[str, "str | None", "str | None", bool]

CASES: list[tuple[str, str, list[Q]]] = [
    # --- marks -------------------------------------------------------------------------------
    (
        "straight",
        'Jane Smith said, "We will win."',
        [("We will win.", "Jane Smith", "P:smith", False)],
    ),
    (
        "curly",
        "Jane Smith said, \u201cWe will win.\u201d",
        [("We will win.", "Jane Smith", "P:smith", False)],
    ),
    (
        "guillemets",
        "Jane Smith said: \u00abWe will win.\u00bb",
        [("We will win.", "Jane Smith", "P:smith", False)],
    ),
    (
        "guillemets spaced",
        "Jane Smith said: \u00ab We will win. \u00bb",
        [("We will win.", "Jane Smith", "P:smith", False)],
    ),
    (
        "low-high german",
        "Jane Smith said, \u201eWe will win.\u201c",
        [("We will win.", "Jane Smith", "P:smith", False)],
    ),
    (
        "two single as double",
        "Jane Smith said, ''We will win.''",
        [("We will win.", "Jane Smith", "P:smith", False)],
    ),
    (
        "curly single top level",
        "Jane Smith said, \u2018We will win.\u2019",
        [("We will win.", "Jane Smith", "P:smith", False)],
    ),
    (
        "straight single top level",
        "Jane Smith said, 'We will win.'",
        [("We will win.", "Jane Smith", "P:smith", False)],
    ),
    (
        "nested single inside double",
        "\u201cThey called it \u2018a farce\u2019 and left,\u201d Jane Smith said.",
        [("They called it \u2018a farce\u2019 and left,", "Jane Smith", "P:smith", False)],
    ),
    (
        "nested double inside single",
        "\u2018They called it \u201ca farce\u201d and left,\u2019 Jane Smith said.",
        [("They called it \u201ca farce\u201d and left,", "Jane Smith", "P:smith", False)],
    ),
    (
        "nested straight single inside straight double",
        "\"They called it 'a farce' and left,\" Jane Smith said.",
        [("They called it 'a farce' and left,", "Jane Smith", "P:smith", False)],
    ),
    (
        "apostrophe contraction",
        "Jane Smith said, \u201cWe don\u2019t know.\u201d",
        [("We don\u2019t know.", "Jane Smith", "P:smith", False)],
    ),
    (
        "apostrophe plural possessive not a mark",
        "The voters\u2019 choice was clear, Jane Smith said. \u201cIt is final,\u201d she added.",
        [("It is final,", "she", "P:smith", False)],
    ),
    (
        "containers' worth inside a quote",
        'Jane Smith said it had "provided 13,000 containers\' worth of shells".',
        [("provided 13,000 containers' worth of shells", "Jane Smith", "P:smith", True)],
    ),
    ("apostrophes only, no quote", "The workers' union and the farmers' guild didn't agree.", []),
    (
        "elision is not an opening mark",
        'In the \'90s, Jane Smith said, "times were hard."',
        [("times were hard.", "Jane Smith", "P:smith", False)],
    ),
    (
        "rock 'n' roll",
        "Jane Smith loves rock 'n' roll, and said \"It never dies.\"",
        [("It never dies.", "Jane Smith", "P:smith", False)],
    ),
    (
        "stray mark spoils only its paragraph",
        'He said "this never closes.\n\nJane Smith said, "We will win."',
        [
            ("this never closes.", "He", None, True),
            ("We will win.", "Jane Smith", "P:smith", False),
        ],
    ),
    (
        "stray mark with no speech is dropped",
        'The sign read 6" tall.\n\n"We are ready," Jane Smith said.',
        [("We are ready,", "Jane Smith", "P:smith", False)],
    ),
    (
        "lone closing mark ignored",
        'It was over" and then.\n\n"Yes," Jane Smith said.',
        [("Yes,", "Jane Smith", "P:smith", False)],
    ),
    (
        "two quotes in one sentence",
        '"We won," Jane Smith said, "and we will win again."',
        [
            ("We won,", "Jane Smith", "P:smith", False),
            ("and we will win again.", "Jane Smith", "P:smith", False),
        ],
    ),
    ("empty marks are not quotes", 'Jane Smith said "" and left.', []),
    # --- paragraphs --------------------------------------------------------------------------
    (
        "quote continues into next paragraph",
        '"This is the first part.\n\n"And this is the second," Jane Smith said.',
        [('This is the first part.\n\n"And this is the second,', "Jane Smith", "P:smith", False)],
    ),
    (
        "unclosed quote ends at paragraph end",
        'Jane Smith said, "We will fight on\n\nThe army moved north.',
        [("We will fight on", "Jane Smith", "P:smith", False)],
    ),
    (
        "unclosed opener without continuation ends at its paragraph",
        '"We will fight on to the end of it all.\n\nThe army moved north.',
        [("We will fight on to the end of it all.", None, None, False)],
    ),
    (
        "hard-wrapped quote is one quote",
        '"We will fight on\nuntil the end," Jane\nSmith said.',
        [("We will fight on\nuntil the end,", "Jane\nSmith", "P:smith", False)],
    ),
    (
        "quote paragraph continues previous speaker",
        'Jane Smith said, "We will win."\n\n"Nobody can stop us."',
        [
            ("We will win.", "Jane Smith", "P:smith", False),
            ("Nobody can stop us.", "Jane Smith", "P:smith", False),
        ],
    ),
    (
        "continuation does not jump a plain paragraph",
        'Jane Smith said, "We will win."\n\nThe army moved.\n\n"Nobody can stop us now or ever."',
        [
            ("We will win.", "Jane Smith", "P:smith", False),
            ("Nobody can stop us now or ever.", None, None, False),
        ],
    ),
    # --- speaker patterns ----------------------------------------------------------------------
    (
        "X said comma",
        'Jane Smith said, "It is over."',
        [("It is over.", "Jane Smith", "P:smith", False)],
    ),
    (
        "said X apposition",
        '"It is over," said Lim Eul-chul, a professor at Seoul\'s institute.',
        [("It is over,", "Lim Eul-chul", "P:lim", False)],
    ),
    (
        "quote X said",
        '"It is over," Jane Smith said.',
        [("It is over,", "Jane Smith", "P:smith", False)],
    ),
    (
        "quote X said time",
        '"It is over," Jane Smith said on Friday.',
        [("It is over,", "Jane Smith", "P:smith", False)],
    ),
    (
        "quote the agency said",
        'The NIS released images. "Troops moved," the agency said.',
        [("Troops moved,", "the agency", "O:nis", False)],
    ),
    (
        "he told AFP: AFP is the addressee",
        'Lim Eul-chul spoke on Friday.\n\n"It is a step," he told AFP.',
        [("It is a step,", "he", "P:lim", False)],
    ),
    (
        "told AFP inverted order",
        '"It is a step," Lim Eul-chul told AFP.',
        [("It is a step,", "Lim Eul-chul", "P:lim", False)],
    ),
    (
        "said in a statement",
        '"We deny it," Acme Corp said in a statement.',
        [("We deny it,", "Acme Corp", "O:acme", False)],
    ),
    (
        "according to X",
        'According to Jane Smith, "the plan failed."',
        [("the plan failed.", "Jane Smith", "P:smith", False)],
    ),
    ("colon", 'Jane Smith: "We will win."', [("We will win.", "Jane Smith", "P:smith", False)]),
    (
        "colon after verb",
        'Jane Smith said: "We will win."',
        [("We will win.", "Jane Smith", "P:smith", False)],
    ),
    (
        "dash attribution",
        '"We will win." - Jane Smith',
        [("We will win.", "Jane Smith", "P:smith", False)],
    ),
    (
        "em dash attribution",
        "\u201cWe will win.\u201d \u2014 Jane Smith",
        [("We will win.", "Jane Smith", "P:smith", False)],
    ),
    (
        "exclamation then speaker",
        '"It is over!" Jane Smith said.',
        [("It is over!", "Jane Smith", "P:smith", False)],
    ),
    (
        "question then speaker",
        '"Is it over?" asked Jane Smith.',
        [("Is it over?", "Jane Smith", "P:smith", False)],
    ),
    (
        "quote then new sentence is not attribution",
        'Jane Smith said, "It is over." Lloyd Austin left the room and said nothing.',
        [("It is over.", "Jane Smith", "P:smith", False)],
    ),
    (
        "has also said",
        'Jane Smith has also said that "nothing changed".',
        [("nothing changed", "Jane Smith", "P:smith", True)],
    ),
    (
        "on Friday said",
        'Jane Smith on Friday said, "Nothing changed."',
        [("Nothing changed.", "Jane Smith", "P:smith", False)],
    ),
    (
        "apposition before verb",
        'Jane Smith, a senior analyst, said, "Nothing changed."',
        [("Nothing changed.", "Jane Smith", "P:smith", False)],
    ),
    (
        "title before name",
        'Defense Minister Kim Yong-hyun said, "We are ready."',
        [("We are ready.", "Defense Minister Kim Yong-hyun", "P:kim", False)],
    ),
    (
        "a person the gazetteer lacks is a local entity",
        '"Prices will rise," said Tom Jones, an economist.',
        [("Prices will rise,", "Tom Jones", "local:tom-jones", False)],
    ),
    (
        "no entity keeps text",
        '"Prices will rise," said a local economist.',
        [("Prices will rise,", "a local economist", None, False)],
    ),
    (
        "group speaker keeps text",
        '"Prices will rise," South Korean officials said.',
        [("Prices will rise,", "South Korean officials", None, False)],
    ),
    (
        "experts",
        'Experts said the move was "the next logical step".',
        [("the next logical step", "Experts", None, True)],
    ),
    # --- verbs beyond said -----------------------------------------------------------------------
    (
        "affirmed",
        'Jane Smith affirmed, "We are ready."',
        [("We are ready.", "Jane Smith", "P:smith", False)],
    ),
    (
        "stated",
        'Jane Smith stated, "We are ready."',
        [("We are ready.", "Jane Smith", "P:smith", False)],
    ),
    (
        "warned",
        'Jane Smith warned that "the worst is ahead".',
        [("the worst is ahead", "Jane Smith", "P:smith", True)],
    ),
    (
        "accused",
        'Jane Smith accused Acme Corp of "lying to everyone".',
        [("lying to everyone", "Jane Smith", "P:smith", True)],
    ),
    (
        "wrote",
        '"We need answers," Jane Smith wrote.',
        [("We need answers,", "Jane Smith", "P:smith", False)],
    ),
    (
        "added",
        '"We need answers," Jane Smith added.',
        [("We need answers,", "Jane Smith", "P:smith", False)],
    ),
    (
        "claimed",
        'Jane Smith claimed the vote was "rigged".',
        [("rigged", "Jane Smith", "P:smith", True)],
    ),
    (
        "dismissed as",
        'Jane Smith dismissed the report as "another hoax."',
        [("another hoax.", "Jane Smith", "P:smith", True)],
    ),
    (
        "called",
        'Jane Smith called it a "serious issue."',
        [("serious issue.", "Jane Smith", "P:smith", True)],
    ),
    ("tweeted", '"Big day," Jane Smith tweeted.', [("Big day,", "Jane Smith", "P:smith", False)]),
    (
        "emailed",
        '"No comment," Acme Corp emailed.',
        [("No comment,", "Acme Corp", "O:acme", False)],
    ),
    (
        "told reporters",
        'Jane Smith told reporters that "the deal is done".',
        [("the deal is done", "Jane Smith", "P:smith", True)],
    ),
    (
        "and called: subject from earlier verb",
        'Lloyd Austin confirmed the report and called it a "serious issue."',
        [("serious issue.", "Lloyd Austin", "P:austin", True)],
    ),
    # --- resolution ---
    (
        "surname after full name",
        'Jane Smith arrived. "We are ready," Smith said.',
        [("We are ready,", "Smith", "P:smith", False)],
    ),
    (
        "unique surname as speaker resolves",
        '"We are ready," Smith said.',
        [("We are ready,", "Smith", "P:smith", False)],
    ),
    (
        "shared surname as speaker stays unresolved",
        '"We are ready," Kim said.',
        [("We are ready,", "Kim", None, False)],
    ),
    (
        "she resolves to last person",
        'Jane Smith arrived late. "We are ready," she said.',
        [("We are ready,", "she", "P:smith", False)],
    ),
    (
        "she passes over a man (gazetteer gender)",
        'Kamala Harris met Lloyd Austin in Seoul. "We agreed on the plan," she said.',
        [("We agreed on the plan,", "she", "P:harris", False)],
    ),
    (
        "he passes over a woman (gazetteer gender)",
        'Lloyd Austin met Kamala Harris in Seoul. "It was useful," he said.',
        [("It was useful,", "he", "P:austin", False)],
    ),
    (
        "a title in the text tells the gender",
        'Ms. Jane Smith met Mr. Mike Turner. "Fine," she said.',
        [("Fine,", "she", "P:smith", False)],
    ),
    (
        "no person of that gender: no entity",
        'Lloyd Austin arrived. "Thanks," she said.',
        [("Thanks,", "she", None, False)],
    ),
    (
        "he picks the most recent person",
        'Lloyd Austin met Lim Eul-chul. "It went well," he said.',
        [("It went well,", "he", "P:lim", False)],
    ),
    (
        "it resolves to the organisation that spoke",
        'Acme Corp said sales fell. "We expect a recovery," it said.',
        [("We expect a recovery,", "it", "O:acme", False)],
    ),
    (
        "the spy agency",
        'Ukraine and the NIS met. "Troops moved," the spy agency said.',
        [("Troops moved,", "the spy agency", "O:nis", False)],
    ),
    (
        "intelligence agency named after",
        "Troops moved, Seoul's intelligence agency said. The NIS released images.",
        [],
    ),
    (
        "the congressman",
        'Jane Smith met US Representative Mike Turner. "It is alarming," the congressman wrote.',
        [("It is alarming,", "the congressman", "P:turner", False)],
    ),
    (
        "the minister by role",
        'Kim Yong-hyun met Jane Smith. "We are ready," the minister said.',
        [("We are ready,", "the minister", "P:kim", False)],
    ),
    (
        "the ministry",
        'The Ministry of Defence briefed. "Stay calm," the ministry said.',
        [("Stay calm,", "the ministry", "O:mod", False)],
    ),
    (
        "they resolves to the last group",
        'South Korean officials said more troops would come. "It is soon," they said.',
        [("It is soon,", "they", None, False)],
    ),
    (
        "possessive speaker",
        'South Korea\'s NIS said the North had "sent troops".',
        [("sent troops", "South Korea's NIS", "O:nis", True)],
    ),
    (
        "headline speaker with title",
        'Kremlin spokesman Dmitry Peskov has dismissed it as "another hoax."',
        [("another hoax.", "Kremlin spokesman Dmitry Peskov", "P:peskov", True)],
    ),
    # --- partial, titles, nicknames ---
    (
        "partial were",
        'Mike Turner said the movements were "alarming" and urgent.',
        [("alarming", "Mike Turner", "P:turner", True)],
    ),
    (
        "partial at sentence end, attribution later",
        'North Korea is sending "large-scale" troops, the NIS said Friday.',
        [("large-scale", "the NIS", "O:nis", True)],
    ),
    ("title not a quote", 'She appeared on "Meet the Press" on Sunday.', []),
    (
        "title with a cue elsewhere is still not a quote",
        'Jane Smith appeared on "Meet the Press" and said the talks failed.',
        [],
    ),
    ("nickname not a quote", 'The boxer, known as "Shorty", won again.', []),
    ("scare quotes without a cue are not quotes", 'The so-called "peace plan" was shelved.', []),
    (
        "full sentence quote without speaker is kept",
        '"We will not give up our land under any circumstances."',
        [("We will not give up our land under any circumstances.", None, None, False)],
    ),
    (
        "short quote with cue is kept even if capitalised",
        'Jane Smith said, "Never Again."',
        [("Never Again.", "Jane Smith", "P:smith", False)],
    ),
    (
        "partial after that",
        'Jane Smith said that "they are preparing 10,000 soldiers."',
        [("they are preparing 10,000 soldiers.", "Jane Smith", "P:smith", True)],
    ),
    (
        "multi-sentence quote",
        'Jane Smith said, "It is over. We won. Go home."',
        [("It is over. We won. Go home.", "Jane Smith", "P:smith", False)],
    ),
]


@pytest.fixture(scope="module")
def qx() -> wirescan.Extractor:
    return wirescan.Extractor(wirescan.Gazetteer.from_records(RECORDS))


def quote_tuples(doc: wirescan.Document) -> list[Q]:
    return [(q.text, q.speaker_text, q.speaker_id, q.partial) for q in doc.quotes]


def check_offsets(doc: wirescan.Document) -> None:
    t = doc.text
    for q in doc.quotes:
        assert t[q.start : q.end] == q.text
        if q.speaker_start is not None:
            assert t[q.speaker_start : q.speaker_end] == q.speaker_text
        if q.verb_start is not None:
            assert t[q.verb_start : q.verb_end] == q.verb
        for a, b in q.paragraphs:
            assert q.start <= a < b <= q.end
    for n in doc.numbers:
        if n.source is not None:
            s = n.source
            assert t[s.speaker_start : s.speaker_end] == s.speaker_text


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 80
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_case(qx: wirescan.Extractor, name: str, text: str, expected: list[Q]) -> None:
    doc = qx.extract(text)
    check_offsets(doc)
    assert quote_tuples(doc) == expected


def test_default_gazetteer_knows_genders() -> None:
    ex = wirescan.Extractor()
    doc = ex.extract('Kamala Harris met Joe Biden on Monday. "We are ready," she said.')
    [q] = doc.quotes
    assert (q.speaker_text, q.speaker_name) == ("she", "Kamala Harris")
    assert q.antecedent is not None and doc.text[slice(*q.antecedent)] == "Kamala Harris"


def test_multi_paragraph_quote_lists_its_paragraphs(qx: wirescan.Extractor) -> None:
    text = '"First part here.\n\n"Second part here.\n\n"Third," Jane Smith said.'
    (q,) = qx.extract(text).quotes
    assert [text[a:b] for a, b in q.paragraphs] == [
        "First part here.",
        "Second part here.",
        "Third,",
    ]
    assert q.closed and q.speaker_id == "P:smith"


def test_unclosed_quote_is_marked(qx: wirescan.Extractor) -> None:
    (q,) = qx.extract('Jane Smith said, "We will fight on\n\nThe end.').quotes
    assert not q.closed
    assert q.cue == "before"


def test_verb_cue_and_antecedent(qx: wirescan.Extractor) -> None:
    text = 'Lim Eul-chul spoke.\n\n"It is a step," he told AFP.'
    (q,) = qx.extract(text).quotes
    assert q.verb == "told" and q.cue == "after"
    assert q.antecedent is not None
    assert text[q.antecedent[0] : q.antecedent[1]] == "Lim Eul-chul"
    assert q.speaker_name == "Lim Eul-chul"


def test_cataphoric_agency(qx: wirescan.Extractor) -> None:
    # The agency is named only in the next paragraph: a number before it still gets its source.
    text = (
        "North Korea sent 1,500 troops, Seoul's intelligence agency said.\n\n"
        "The NIS released images."
    )
    (n,) = qx.extract(text).numbers
    assert n.source is not None
    assert n.source.speaker_text == "Seoul's intelligence agency"
    assert n.source.speaker_id == "O:nis"


NUMBER_CASES: list[tuple[str, str, str, str | None, str | None]] = [
    # (text, number text, source text, source id, verb)
    (
        "According to South Korean lawmakers, the North sent 3,000 troops.",
        "3,000",
        "South Korean lawmakers",
        None,
        "According to",
    ),
    ("Jane Smith said 500 people were hurt.", "500", "Jane Smith", "P:smith", "said"),
    ("Jane Smith said that 500 people were hurt.", "500", "Jane Smith", "P:smith", "said"),
    ("The North sent 1,500 troops, the NIS said Friday.", "1,500", "the NIS", "O:nis", "said"),
    (
        "CNN reported 1,500 troops, citing South Korea's NIS.",
        "1,500",
        "South Korea's NIS",
        "O:nis",
        "citing",
    ),
    ("Acme Corp estimated 12,000 units were sold.", "12,000", "Acme Corp", "O:acme", "estimated"),
    ('Jane Smith said, "We counted 700 tanks."', "700", "Jane Smith", "P:smith", "said"),
    ('"We counted 700 tanks," she said.', "700", "she", None, "said"),
    (
        "Officials said 40 ships, adding that it estimated 12,000 soldiers.",
        "12,000",
        "Officials",
        None,
        "said",
    ),
]


@pytest.mark.parametrize(("text", "num", "src", "src_id", "verb"), NUMBER_CASES)
def test_number_sources(
    qx: wirescan.Extractor, text: str, num: str, src: str, src_id: str | None, verb: str
) -> None:
    doc = qx.extract(text)
    check_offsets(doc)
    (n,) = [n for n in doc.numbers if n.text == num]
    assert n.source is not None, n
    assert (n.source.speaker_text, n.source.speaker_id, n.source.verb) == (src, src_id, verb)


def test_number_source_inside_quote_points_at_it(qx: wirescan.Extractor) -> None:
    doc = qx.extract('Jane Smith said, "We counted 700 tanks."')
    (n,) = doc.numbers
    assert n.source is not None and n.source.quote == 0
    assert doc.quotes[0].speaker_id == "P:smith"


def test_numbers_without_reported_speech_have_no_source(qx: wirescan.Extractor) -> None:
    for text in [
        "North Korea has sent 1,500 troops to Russia.",
        "North Korea denied sending 12,000 troops.",  # a denial is not a claim of the number
        "The 3,000 troops that arrived were tired.",
    ]:
        (n,) = qx.extract(text).numbers
        assert n.source is None, (text, n.source)


def test_quotes_option_off(qx: wirescan.Extractor) -> None:
    ex = wirescan.Extractor(qx.gazetteer, quotes=False)
    doc = ex.extract('Jane Smith said, "We counted 700 tanks."')
    assert doc.quotes == [] and doc.numbers[0].source is None
    assert ex.options["quotes"] is False


def test_to_dict_and_repr(qx: wirescan.Extractor) -> None:
    doc = qx.extract('"We counted 700 tanks," Jane Smith said.')
    d = doc.to_dict()
    assert d["quotes"][0]["speaker_id"] == "P:smith"
    assert d["quotes"][0]["text"] == "We counted 700 tanks,"
    assert d["numbers"][0]["source"]["speaker_text"] == "Jane Smith"
    assert "Jane Smith" in repr(doc.quotes[0])
    assert "1 quotes" in repr(doc)


MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "''"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(MARKS),
            st.sampled_from([" ", "\n", "\n\n", ", ", ". ", " said ", " Jane Smith ", " he "]),
            st.text(st.characters(blacklist_categories=("Cs",)), max_size=6),
        ),
        max_size=40,
    )
)
def test_offsets_on_random_mark_soup(parts: list[str]) -> None:
    ex = _soup_extractor()
    text = "".join(parts)
    doc = ex.extract(text)
    check_offsets(doc)
    prev = -1
    for q in doc.quotes:
        assert q.start >= prev
        prev = q.end


@pytest.fixture(scope="module", autouse=True)
def _reset_soup() -> None:
    _SOUP.clear()


_SOUP: list[wirescan.Extractor] = []


def _soup_extractor() -> wirescan.Extractor:
    if not _SOUP:
        _SOUP.append(wirescan.Extractor(wirescan.Gazetteer.from_records(RECORDS)))
    return _SOUP[0]
