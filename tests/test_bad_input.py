"""Bad input gets a clear error or a correct, documented result; nothing crashes."""

from __future__ import annotations

import math
import subprocess
import sys
import textwrap

import pytest

import wirescan

from conftest import spans_ok


@pytest.mark.parametrize("value", [None, b"bytes", 42, math.nan, ["list"]])
def test_non_str_text_is_a_type_error_naming_the_type(
    ex: wirescan.Extractor, value: object
) -> None:
    with pytest.raises(TypeError, match=f"must be str, not {type(value).__name__}"):
        ex.extract(value)  # type: ignore[arg-type]


def test_batch_names_the_bad_item(ex: wirescan.Extractor) -> None:
    with pytest.raises(TypeError, match=r"texts\[2\] must be str, not NoneType"):
        ex.extract_batch(["Seoul", "Moscow", None])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not a single str"):
        ex.extract_batch("Seoul")
    with pytest.raises(wirescan.OptionError):
        ex.extract_batch(["Seoul"], n_threads=0)


def test_empty_and_blank_texts(ex: wirescan.Extractor) -> None:
    for t in ["", " ", "\n\n\n", "\u200b", "\u00a0"]:
        doc = ex.extract(t)
        assert doc.entities == [] and doc.text == t


def test_lone_surrogates_are_replaced_not_fatal(ex: wirescan.Extractor) -> None:
    # Documented: a lone surrogate is read as U+FFFD (one character for one), so offsets still
    # index the caller's string, and surfaces are slices of it.
    text = "\ud800Seoul\udfff and \udbff\udc00 Moscow \ud83d"
    doc = ex.extract(text)
    spans_ok(doc)
    assert [(m.text, m.start) for m in doc.entities] == [("Seoul", 1), ("Moscow", 15)]
    (b,) = ex.extract_batch([text])
    assert [m.to_dict() for m in b.entities] == [m.to_dict() for m in doc.entities]


def test_astral_characters_count_as_one(ex: wirescan.Extractor) -> None:
    text = "👍🏽🇰🇷 Seoul 𝕏 Moscow"
    doc = ex.extract(text)
    spans_ok(doc)
    assert [m.start for m in doc.entities] == [5, 13]


def test_control_characters_and_nul(ex: wirescan.Extractor) -> None:
    text = "\x00Seoul\x01\x7fMoscow\x00"
    doc = ex.extract(text)
    spans_ok(doc)
    assert [m.text for m in doc.entities] == ["Seoul", "Moscow"]


def test_huge_text_memory_is_proportional() -> None:
    """100 MB in one str: the result is right and peak memory is a small multiple of the text
    (measured in a fresh interpreter; no wall-clock limit)."""
    code = textwrap.dedent(
        """
        import resource, wirescan
        g = wirescan.Gazetteer.from_records([{"id": "s", "name": "Seoul", "kind": "place"}])
        ex = wirescan.Extractor(g)
        ex.extract("warm up Seoul")
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        unit = "News from Seoul today: 1,500 soldiers, with more words around it, said AFP.\\n"
        text = unit * (100_000_000 // len(unit))
        doc = ex.extract(text)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        n = len(doc.entities)
        assert n == 100_000_000 // len(unit), n
        assert len(doc.numbers) == n
        assert text[doc.entities[-1].start:doc.entities[-1].end] == "Seoul"
        print((peak - base) * 1024 / len(text))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    ratio = float(out.stdout.strip())
    # The text (1x), its normalised copy (1x), and ~1.2M mentions and numbers in Rust and as
    # Python objects.
    assert ratio < 8.0, f"peak memory {ratio:.1f}x the text size"


@pytest.mark.parametrize(
    ("alias", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("\u200b\u200b", "no letters or digits"),
        ("---", "no letters or digits"),
    ],
)
def test_degenerate_aliases_are_rejected(alias: str, message: str) -> None:
    with pytest.raises(wirescan.GazetteerError, match=message) as e:
        wirescan.Gazetteer.from_records(
            [
                {"id": "ok", "name": "Fine", "kind": "x"},
                {"id": "x", "name": "Name", "kind": "x", "aliases": [alias]},
            ]
        )
    assert e.value.record == 1


def test_ten_thousand_character_alias_matches() -> None:
    alias = " ".join(f"Word{i}" for i in range(1500))
    assert len(alias) > 10_000
    g = wirescan.Gazetteer.from_records([{"id": "long", "name": alias, "kind": "x"}])
    text = "before " + alias.replace(" ", "\n") + " after"
    (m,) = wirescan.Extractor(g).extract(text).entities
    assert m.entity_id == "long" and text[m.start : m.end] == m.text


def test_unsupported_attribute_values_name_the_record() -> None:
    with pytest.raises(wirescan.GazetteerError, match=r"record 1.*not supported"):
        wirescan.Gazetteer.from_records(
            [
                {"id": "a", "name": "A b", "kind": "x"},
                {"id": "b", "name": "B c", "kind": "x", "when": object()},
            ]
        )
    g = wirescan.Gazetteer.from_records([{"id": "a", "name": "A b", "kind": "x", "pop": math.nan}])
    assert g.get("a")["attributes"] == {"pop": None}  # NaN (a missing cell) becomes None


def test_panics_surface_as_internal_error() -> None:
    for place in ("here", "pool"):
        with pytest.raises(wirescan.InternalError, match="deliberate test panic"):
            wirescan._core._panic_for_tests(place)
    assert issubclass(wirescan.InternalError, RuntimeError)
    assert issubclass(wirescan.InternalError, wirescan.WirescanError)
