"""Hostile and awkward input through the public API: no hang, no silently wrong answer."""

from __future__ import annotations

import itertools
import math
import os
import pickle
import threading
import time
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import wirescan
from wirescan import Extractor, Gazetteer, GazetteerError, OptionError


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(quotes=False)


def timed(fn: object, *args: object) -> float:
    t0 = time.perf_counter()
    fn(*args)  # type: ignore[operator]
    return time.perf_counter() - t0


def growth(make: object, small: int, factor: int = 8) -> float:
    """How much longer a `factor`-times larger input takes (about `factor` when linear)."""
    a = min(timed(make, small) for _ in range(3))  # type: ignore[arg-type]
    b = min(timed(make, small * factor) for _ in range(3))  # type: ignore[arg-type]
    return b / max(a, 1e-4)


# --- 8, 26: frames of missing texts, and ids of every shape -----------------------------------


def test_chunk_of_only_missing_texts_keeps_the_id_type(ex: Extractor) -> None:
    df = ex.frame([None] * 600, "entities", ids=list(range(600)))
    assert len(df) == 0 and str(df["doc"].dtype) == "int64"
    texts = ["Lima and Quito."] + [None] * 600
    df = ex.frame(texts, "entities", ids=[f"a{i}" for i in range(601)])
    assert list(df["doc"]) == ["a0", "a0"]
    s = pd.Series([None] * 600, dtype=object)
    assert len(s.wirescan.entities(extractor=ex)) == 0


def test_every_missing_value_is_missing(ex: Extractor) -> None:
    missing = [np.float32("nan"), np.datetime64("NaT"), Decimal("NaN"), pd.NA, pd.NaT, None]
    df = ex.frame(["Quito.", *missing], "entities")
    assert list(df["doc"]) == [0]


def test_mixed_and_multiindex_ids_become_strings(ex: Extractor) -> None:
    df = ex.frame(["Lima.", "Quito."], "entities", ids=[7, "b"])
    assert list(df["doc"]) == ["7", "b"]
    idx = pd.MultiIndex.from_tuples([("x", 1), ("y", 2)])
    df = pd.Series(["Lima.", "Quito."], index=idx).wirescan.entities(extractor=ex)
    assert list(df["doc"]) == ["('x', 1)", "('y', 2)"]


def test_ids_that_change_type_between_chunks_say_so(ex: Extractor) -> None:
    def ids() -> object:
        yield 1
        yield "two"

    with pytest.raises(TypeError, match="ids must share one type"):
        ex.frame(iter(["Lima.", "Quito."]), "entities", ids=ids(), chunk_size=1)


# --- 9, 10: no quadratic time ------------------------------------------------------------------


def test_sentences_of_dotted_runs_are_linear(ex: Extractor) -> None:
    def dotted(n: int) -> None:
        ex.extract("4." * n).sentences  # noqa: B018

    def acronyms(n: int) -> None:
        ex.extract("U.N." * n).sentences  # noqa: B018

    assert growth(dotted, 5000) < 30
    assert growth(acronyms, 2500) < 30


def test_display_is_linear(ex: Extractor) -> None:
    full = Extractor()
    piece = 'Ana Lima met Jorge Ruiz in Quito with 1,500 troops. "We go on," he said. '

    def html(n: int) -> None:
        full.extract(piece * n)._repr_html_()

    def displacy(n: int) -> None:
        full.extract(piece * n).to_displacy()

    assert growth(html, 100) < 30
    assert growth(displacy, 100) < 30


def test_to_dict_can_skip_sentences(ex: Extractor) -> None:
    d = ex.extract("One. Two.").to_dict(sentences=False)
    assert "sentences" not in d and "entities" in d
    assert ex.extract("One. Two.").to_dict()["sentences"] == [(0, 4), (5, 9)]


# --- 11: threads are capped, pools bounded -----------------------------------------------------


def test_thread_count_is_capped(ex: Extractor) -> None:
    top = wirescan._core.max_threads()
    with pytest.raises(OptionError, match=f"between 1 and {top}"):
        ex.extract_batch(["Lima."], n_threads=top + 1)
    with pytest.raises(OptionError):
        ex.frame(["Lima."], n_threads=0)


def test_distinct_thread_counts_do_not_pile_up_threads(ex: Extractor) -> None:
    def os_threads() -> int:
        return len(os.listdir("/proc/self/task"))

    if not os.path.isdir("/proc/self/task"):
        pytest.skip("needs /proc")
    for n in range(2, 12):
        ex.extract_batch(["Lima.", "Quito.", "Cusco."], n_threads=n)
    time.sleep(0.5)  # dropped pools end their threads asynchronously
    # At most four pools of at most 10 threads each remain (plus this process's own threads).
    assert os_threads() <= threading.active_count() + 4 * 10 + 16


# --- 12, 24: gazetteer files -------------------------------------------------------------------


def test_wide_csv_header_is_linear(tmp_path: Path) -> None:
    def wide(n: int) -> None:
        cols = ["id", "name", "kind", *(f"c{i}" for i in range(n))]
        p = tmp_path / f"w{n}.csv"
        p.write_text(",".join(cols) + "\n" + ",".join(["a", "Lima", "place"] + ["x"] * n) + "\n")
        Gazetteer.from_csv(p)

    assert growth(wide, 1500) < 40


def test_jsonl_gazetteer_with_unicode_line_separators(tmp_path: Path) -> None:
    p = tmp_path / "g.jsonl"
    p.write_text(
        '{"id": "a", "name": "Lima", "kind": "place", "note": "x\u2028y\u2029z\u0085"}\n'
        '{"id": "a", "name": "Quito", "kind": "place"}\n',
        encoding="utf-8",
    )
    with pytest.raises(GazetteerError, match=r"g\.jsonl:2: .*duplicate id.*line 1"):
        Gazetteer.from_jsonl(p)


def test_gazetteer_file_errors_are_clear(tmp_path: Path) -> None:
    deep = tmp_path / "deep.jsonl"
    deep.write_text('{"id": "a", "name": "Lima", "kind": "place"}\n' + "[" * 100_000 + "\n")
    with pytest.raises(GazetteerError, match=r"deep\.jsonl:2: invalid JSON: nested too deeply"):
        Gazetteer.from_jsonl(deep)
    big = tmp_path / "big.csv"
    big.write_text("id,name,kind,note\na,Lima,place," + "x" * 200_000 + "\n")
    assert len(Gazetteer.from_csv(big)) == 1
    upper = tmp_path / "UP.CSV"
    upper.write_text("id,name,kind\na,Lima,place\n")
    assert len(Gazetteer.from_file(upper)) == 1
    with pytest.raises(OptionError, match="unknown encoding 'nope'"):
        Gazetteer.from_csv(upper, encoding="nope")


def test_cli_gives_exit_2_for_a_deeply_nested_gazetteer(tmp_path: Path) -> None:
    import subprocess
    import sys

    g = tmp_path / "g.jsonl"
    g.write_text("[" * 100_000 + "\n")
    (tmp_path / "a.txt").write_text("Lima.")
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "wirescan",
            "extract",
            str(tmp_path / "a.txt"),
            "--gazetteer",
            str(g),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 2 and "nested too deeply" in r.stderr and "Traceback" not in r.stderr


# --- 13-17: numbers ----------------------------------------------------------------------------


def values(ex: Extractor, text: str) -> list[tuple[str, float | None, str]]:
    return [(n.text, n.value, n.kind) for n in ex.extract(text).numbers]


def test_number_chunks_do_not_change_results(ex: Extractor) -> None:
    assert values(ex, "y " * 32768 + "Voting ends Nov. 8 in Lima.") == []
    pad = "z " * 131_060
    (r,) = ex.extract(pad + "from 4,000 to 5,000 guests " + pad).numbers
    assert (r.low, r.high) == (4000, 5000)


def test_nfkc_digits_do_not_fuse(ex: Extractor) -> None:
    assert values(ex, "it took 7¾ hours") == [("7¾ hours", 7.75, "measure")]
    assert values(ex, "a 1½ million budget") == [("1½ million", 1.5e6, "cardinal")]
    assert values(ex, "fees up ¾% now") == [("¾%", 0.75, "percent")]
    assert values(ex, "⅓ of them") == [("⅓", pytest.approx(1 / 3), "fraction")]
    assert values(ex, "with 2400³ pupils") == [("2400", 2400, "cardinal")]
    assert values(ex, "a 10⁴ rise") == [("10", 10, "cardinal")]


def test_spaced_thousands(ex: Extractor) -> None:
    assert values(ex, "some 25 000 fans") == [("25 000", 25000, "cardinal")]
    assert values(ex, "about 4\u202f250 voters") == [("4\u202f250", 4250, "cardinal")]


def test_money_ranges_keep_the_magnitude_at_both_ends(ex: Extractor) -> None:
    (r,) = ex.extract("worth between 20 and 25 billion dollars").numbers
    assert (r.low, r.high, r.unit) == (20e9, 25e9, "USD")
    (r,) = ex.extract("cost 6-8 million euros").numbers
    assert (r.low, r.high, r.unit) == (6e6, 8e6, "EUR")


def test_values_are_finite_or_none() -> None:
    ex = Extractor(quotes=False, include_non_counts=True)
    doc = ex.extract("Codes İ7,5 and Q12,000¼ and 21/03/2025.")
    assert doc.numbers
    for n in doc.numbers:
        assert n.value is None or math.isfinite(n.value)
    frame = ex.frame([doc.text], "numbers")
    assert frame["value"].isna().sum() == sum(n.value is None for n in doc.numbers)


# --- 18-20: entities ---------------------------------------------------------------------------


def test_no_entity_across_a_paragraph_break() -> None:
    doc = Extractor().extract("They fled north\n\nKorea's army followed. North\nKorea spoke.")
    assert [m.text for m in doc.entities] == ["North\nKorea"]


def test_alias_with_an_invisible_edge_is_trimmed() -> None:
    g = Gazetteer.from_records(
        [{"id": "l", "name": "Lima", "kind": "place", "aliases": ["\u200e Lima"]}]
    )
    (m,) = Extractor(g).extract("Lima is big").entities
    assert (m.start, m.end) == (0, 4)


def test_float_priority(tmp_path: Path) -> None:
    recs = [
        {"id": "a", "name": "Tarn", "kind": "place", "priority": 1},
        {"id": "b", "name": "Tarn", "kind": "place", "priority": 4.0},
    ]
    (m,) = Extractor(Gazetteer.from_records(recs)).extract("Tarn").entities
    assert m.entity_id == "b"
    with pytest.raises(GazetteerError, match=r"priority must be an integer, not 2\.5"):
        Gazetteer.from_records([{"id": "a", "name": "Tarn", "kind": "place", "priority": 2.5}])


# --- 21, 27: arguments and messages ------------------------------------------------------------


def test_exclude_takes_one_string_or_many() -> None:
    g = Gazetteer.from_records(
        [
            {"id": "l", "name": "Lima", "kind": "place"},
            {"id": "p", "name": "Ana Ruiz", "kind": "person"},
        ]
    )
    assert g.exclude(ids="l").ids() == ["p"]
    assert g.exclude(kinds="person").ids() == ["l"]
    with pytest.raises(TypeError, match="ids must be a str or an iterable of str"):
        g.exclude(ids=[1])


def test_a_dataframe_is_not_texts(ex: Extractor) -> None:
    with pytest.raises(TypeError, match="texts is a DataFrame"):
        ex.frame(pd.DataFrame({"text": ["Lima."]}))


def test_messages_read_well(tmp_path: Path) -> None:
    from wirescan import _archive

    p = tmp_path / "a.jsonl"
    p.write_text('{"text": 5}\n{"text": [1]}\n[1]\n', encoding="utf-8")
    reasons = [b.reason for b in _archive.read(str(p), "text", None)]  # type: ignore[union-attr]
    assert reasons == [
        "text field 'text' is a number, not a string",
        "text field 'text' is an array, not a string",
        "a JSON array, not an object",
    ]
    assert "<Gazetteer 1 entity, 1 alias>" == repr(
        Gazetteer.from_records([{"id": "l", "name": "Lima", "kind": "place"}])
    )


def test_pickled_extractor_roundtrip_unchanged(ex: Extractor) -> None:
    again = pickle.loads(pickle.dumps(ex))
    assert [m.entity_id for m in again.extract("Lima.").entities] == [
        m.entity_id for m in ex.extract("Lima.").entities
    ]


# --- 28, 29: pickling documents and extended defaults ------------------------------------------


def _extract_in_worker(text: str) -> wirescan.Document:
    return Extractor().extract(text)


def test_documents_pickle_with_their_results() -> None:
    ex = Extractor()
    text = '"About 1,200 jobs will go in Seoul," Kim Jong Un said. Kim left.'
    doc = ex.extract(text)
    data = pickle.dumps(doc)
    assert len(data) < 4000  # the results and three entity records, not the gazetteer
    back = pickle.loads(data)
    assert back.to_dict() == doc.to_dict()
    assert back.quotes[0].speaker_id == doc.quotes[0].speaker_id
    assert back.numbers[0].source is not None
    assert back.numbers[0].source.speaker_text == "Kim Jong Un"


def test_documents_come_back_from_a_process_pool() -> None:
    import multiprocessing as mp

    texts = ["Seoul and Moscow.", '"We go," Lloyd Austin said.', "Oslo."]
    with mp.get_context("spawn").Pool(2) as pool:
        docs = pool.map(_extract_in_worker, texts)
    ex = Extractor()
    assert [d.to_dict() for d in docs] == [ex.extract(t).to_dict() for t in texts]


def test_a_bad_document_state_is_refused() -> None:
    restore, (fmt, _text, state) = Extractor().extract("Seoul is big.").__reduce__()
    with pytest.raises(OptionError, match="span lies outside"):
        restore(fmt, "Se", state)
    with pytest.raises(OptionError, match="not a wirescan document state"):
        restore(fmt, "Seoul is big.", "{}")
    with pytest.raises(OptionError, match="format 99"):
        restore(99, "Seoul is big.", state)


def test_extended_default_pickles_as_a_reference_plus_the_change() -> None:
    extra = Gazetteer.from_records([{"id": "x", "name": "Tarnby", "kind": "place"}])
    for g in (
        Gazetteer.default() + extra,
        extra + Gazetteer.default(),
        (Gazetteer.default() + extra).exclude(ids="x").exclude(kinds="person"),
    ):
        data = pickle.dumps(g)
        assert len(data) < 2000, len(data)
        back = pickle.loads(data)
        assert back.ids() == g.ids()


# --- 31: bounded memory ------------------------------------------------------------------------


def test_text_that_normalisation_blows_up_is_refused_early(ex: Extractor) -> None:
    from wirescan import TextError

    with pytest.raises(TextError, match="grows more than 8x"):
        ex.extract("\ufdfa" * 2_000_000)
    # A few such characters in real text are fine.
    assert ex.extract("Seoul \ufdfa Moscow").entities


# --- 30: displaCy in overlapping mode ------------------------------------------------------------


def test_displacy_spans_never_overlap_in_overlapping_mode() -> None:
    ex = Extractor(overlapping=True, quotes=False)
    doc = ex.extract("North Korea's Kim Jong Un met 12 envoys in South Korea.")
    assert len(doc.entities) > 3  # `Kim Jong Un` and `Kim` overlap
    ents = doc.to_displacy()["ents"]
    assert all(a["end"] <= b["start"] for a, b in itertools.pairwise(ents))
    # The leftmost-longest layer: what the default mode returns, plus the numbers.
    plain = Extractor(quotes=False).extract(doc.text).to_displacy()["ents"]
    assert ents == plain
