"""Sentence splitting through the public API (`Document.sentences`)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

import wirescan

EX = wirescan.Extractor(wirescan.Gazetteer.from_records([]), numbers=False)


# Unicode White_Space: Python's str.isspace also counts the separators U+001C-U+001F.
_WS = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c not in "\x1c\x1d\x1e\x1f")


def trimmed(s: str) -> bool:
    return bool(s) and s == s.strip(_WS)


def sentences(text: str) -> list[str]:
    doc = EX.extract(text)
    out = [text[s:e] for s, e in doc.sentences]
    assert all(trimmed(x) for x in out)
    return out


def test_rewrapped_and_reordered_article_has_the_same_sentences(seeds: dict[str, str]) -> None:
    """002 is 001 reordered and re-wrapped (without its "Related article" line)."""
    a = Counter(" ".join(s.split()) for s in sentences(seeds["001"]))
    b = Counter(" ".join(s.split()) for s in sentences(seeds["002"]))
    related = [s for s in a if s.startswith("Related article:")]
    assert len(related) == 1
    del a[related[0]]
    assert a == b
    assert len(b) == 19


def test_abbreviations_dates_and_initials(seeds: dict[str, str]) -> None:
    s003 = sentences(seeds["003"])
    assert any(s.startswith("South Korean U.N. Ambassador Hwang Joon-kook said") for s in s003)
    s001 = sentences(seeds["001"])
    assert any("near Donetsk on Oct. 3." in s for s in s001)
    assert sentences("Mr. Kim met Dr. J. Lee. He left.") == ["Mr. Kim met Dr. J. Lee.", "He left."]


def test_quotes_paragraphs_and_headlines(seeds: dict[str, str]) -> None:
    s004 = sentences(seeds["004"])
    assert "Alliance warning" in s004  # a headline line between blank lines is its own unit
    text = 'He said, "It is over." Then he left.\n\nNext'
    assert sentences(text) == ['He said, "It is over."', "Then he left.", "Next"]
    assert sentences("") == [] and sentences("\n\n \n") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_sentence_spans_index_the_text(text: str) -> None:
    doc = EX.extract(text)
    prev = 0
    for s, e in doc.sentences:
        assert prev <= s < e <= len(text)
        assert trimmed(text[s:e])
        prev = e


def test_sentences_are_split_on_first_access_and_kept() -> None:
    """Extraction does not split sentences; the first access does, from the document's own text
    (lone surrogates included), and later accesses return the same spans."""
    text = "Kim \ud800 left. He came \U0001f600 back. Then? Yes!"
    doc = EX.extract(text)
    first = doc.sentences
    assert [text[s:e] for s, e in first] == [
        "Kim \ud800 left.",
        "He came \U0001f600 back.",
        "Then?",
        "Yes!",
    ]
    assert doc.sentences == first
    assert doc.to_dict()["sentences"] == first
    docs = EX.extract_batch([text, "One. Two."], n_threads=2)
    assert docs[0].sentences == first
    assert [(s, e) for s, e in docs[1].sentences] == [(0, 4), (5, 9)]


def test_an_abbreviation_can_end_a_sentence() -> None:
    text = "Sanctions were imposed by the U.S. The move angered Moscow. Acme Inc. said nothing."
    assert sentences(text) == [
        "Sanctions were imposed by the U.S.",
        "The move angered Moscow.",
        "Acme Inc. said nothing.",
    ]
    assert sentences("U.S. President Joe Biden met Mr. He.") == [
        "U.S. President Joe Biden met Mr. He."
    ]
