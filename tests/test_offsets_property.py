"""Property tests: offsets index the caller's str, and every inserted alias is found."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wirescan

# Letters from several scripts, including the awkward ones: İ, ß, ẞ, final sigma, accents.
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZİıßẞσςΣéÉñÑçøÅåДжЖ漢字한국"
SEPARATORS = [" ", "\n", "\u00a0", "\r\n", " \n  ", "\t"]

awkward_text = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(list("İßẞΣς\u0301\u0308\u00a0\u200b\u00ad\n\r’“”—👍🏽🇰🇷")),
    ),
    max_size=60,
)


def alias_strategy() -> st.SearchStrategy[str]:
    word = st.text(alphabet=LETTERS, min_size=1, max_size=8)
    return st.lists(word, min_size=1, max_size=3).map(" ".join)


@st.composite
def gazetteer_and_text(
    draw: st.DrawFn,
) -> tuple[list[dict[str, object]], str, list[tuple[int, int, str]]]:
    aliases = draw(st.lists(alias_strategy(), min_size=1, max_size=6))
    records = [
        {"id": f"e{i}", "name": a, "kind": "thing", "aliases": [{"text": a, "case": "insensitive"}]}
        for i, a in enumerate(aliases)
    ]
    parts: list[str] = []
    inserted: list[tuple[int, int, str]] = []
    pos = 0
    for _ in range(draw(st.integers(1, 5))):
        filler = draw(awkward_text)
        sep1 = draw(st.sampled_from(SEPARATORS))
        i = draw(st.integers(0, len(aliases) - 1))
        sep2 = draw(st.sampled_from(SEPARATORS))
        # Inside the alias, spaces may become any whitespace run (a name across a line break).
        inner = draw(st.sampled_from(SEPARATORS))
        surface = aliases[i].replace(" ", inner)
        chunk_before = filler + sep1
        parts.append(chunk_before)
        pos += len(chunk_before)
        parts.append(surface)
        inserted.append((pos, pos + len(surface), f"e{i}"))
        pos += len(surface)
        parts.append(sep2)
        pos += len(sep2)
    return records, "".join(parts), inserted


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gazetteer_and_text())
def test_inserted_aliases_are_found_with_right_offsets(
    case: tuple[list[dict[str, object]], str, list[tuple[int, int, str]]],
) -> None:
    records, text, inserted = case
    g = wirescan.Gazetteer.from_records(records, auto_surnames=False)
    # The gazetteer's matching alone: the person finder may take a name around an alias.
    doc = wirescan.Extractor(g, overlapping=True, people=False).extract(text)
    for m in doc.entities:
        assert text[m.start : m.end] == m.text
    got = {(m.start, m.end): {m.entity_id, *m.candidates} for m in doc.entities}
    for start, end, eid in inserted:
        # Aliases that normalise alike are all candidates; ours must be among them.
        assert (start, end) in got, (text, start, end, eid)
        assert eid in got[(start, end)], (text, eid, got[(start, end)])


@settings(max_examples=300, deadline=None)
@given(awkward_text, awkward_text)
def test_offsets_on_random_unicode(prefix: str, suffix: str) -> None:
    g = wirescan.Gazetteer.from_records(
        [
            {"id": "p", "name": "Lloyd Austin", "kind": "person"},
            {"id": "c", "name": "İstanbul", "kind": "place"},
            {"id": "s", "name": "Straße", "kind": "place"},
        ]
    )
    text = f"{prefix} Lloyd\nAustin {suffix} ISTANBUL Strasse {prefix}"
    for overlapping in (False, True):
        doc = wirescan.Extractor(g, overlapping=overlapping).extract(text)
        ends = [(m.start, m.end) for m in doc.entities]
        for m in doc.entities:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text
        if not overlapping:
            assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends)), "sorted, non-overlapping"
        assert "p" in {m.entity_id for m in doc.entities}
