"""Frames, Arrow tables, the pandas accessor, progress and notebook display."""

from __future__ import annotations

import math
import subprocess
import sys
import textwrap

import pandas as pd
import pyarrow as pa
import pytest

import wirescan


@pytest.fixture(scope="module")
def dx() -> wirescan.Extractor:
    return wirescan.Extractor()


@pytest.fixture(scope="module")
def texts(seeds: dict[str, str]) -> list[str]:
    return [seeds[k] for k in sorted(seeds)]


@pytest.mark.parametrize("what", ["entities", "numbers", "quotes"])
def test_frame_schema_is_fixed(dx: wirescan.Extractor, texts: list[str], what: str) -> None:
    df = dx.frame(texts, what)
    assert list(df.columns) == [n for n, _ in wirescan.schema.columns(what)]
    assert {c: str(t) for c, t in df.dtypes.items()} == {
        c: str(t) for c, t in wirescan.schema.pandas_dtypes(what).items()
    }
    empty = dx.frame([], what)
    assert list(empty.columns) == list(df.columns) and len(empty) == 0
    assert {c: str(t) for c, t in empty.dtypes.items()} == {c: str(t) for c, t in df.dtypes.items()}
    t = dx.table(texts, what)
    assert t.schema.equals(wirescan.schema.arrow_schema(what), check_metadata=False)


def test_frames_agree_with_documents(dx: wirescan.Extractor, texts: list[str]) -> None:
    docs = [dx.extract(t) for t in texts]
    ents = dx.frame(texts, "entities")
    want = [
        (
            i,
            m.start,
            m.end,
            m.text,
            m.entity_id,
            m.name,
            m.kind,
            m.wikidata,
            m.known,
            m.form,
            m.ambiguous,
        )
        for i, d in enumerate(docs)
        for m in d.entities
    ]
    got = [tuple(None if v is pd.NA else v for v in r) for r in ents.itertuples(index=False)]
    assert got == want
    nums = dx.frame(texts, "numbers")
    assert len(nums) == sum(len(d.numbers) for d in docs)
    for row, n in zip(nums.itertuples(index=False), (n for d in docs for n in d.numbers)):
        assert (row.text, row.value, row.kind) == (n.text, n.value, n.kind)
        assert (row.source_id if not pd.isna(row.source_id) else None) == (
            n.source.speaker_id if n.source else None
        )
        assert math.isnan(row.low) == (n.low is None)
    quotes = dx.frame(texts, "quotes")
    got = [(r.doc, r.text, r.speaker_text, r.partial) for r in quotes.itertuples(index=False)]
    assert got == [
        (i, q.text, q.speaker_text if q.speaker_text is not None else pd.NA, q.partial)
        for i, d in enumerate(docs)
        for q in d.quotes
    ]
    # Offsets index the input strings.
    for r in ents.itertuples(index=False):
        assert texts[r.doc][r.start : r.end] == r.text


def test_chunking_does_not_change_the_result(dx: wirescan.Extractor, texts: list[str]) -> None:
    many = texts * 5
    whole = dx.frame(many, "numbers", chunk_size=10_000)
    small = dx.frame(many, "numbers", chunk_size=3)
    pd.testing.assert_frame_equal(whole, small)
    batches = list(dx.record_batches(many, "quotes", chunk_size=4))
    assert len(batches) == 7
    assert sum(b.num_rows for b in batches) == len(dx.frame(many, "quotes"))


def test_ids_missing_values_and_bad_rows(dx: wirescan.Extractor) -> None:
    texts = ["Kim Jong Un visited Seoul.", None, float("nan"), pd.NA, "Seoul again."]
    df = dx.frame(texts, "entities", ids=["a", "b", "c", "d", "e"])
    assert list(df["doc"]) == ["a", "a", "e"]
    assert list(df["text"]) == ["Kim Jong Un", "Seoul", "Seoul"]
    with pytest.raises(TypeError, match=r"row 'x2'.*not int"):
        dx.frame(["Seoul", 3], ids=["x1", "x2"])
    with pytest.raises(ValueError, match="fewer"):
        dx.frame(["Seoul", "Seoul"], ids=["x1"])
    with pytest.raises(ValueError, match="more"):
        dx.frame(["Seoul"], ids=["x1", "x2"])
    with pytest.raises(ValueError, match="what must be one of"):
        dx.frame(["Seoul"], "verbs")


def test_series_accessor_keys_rows_by_index(dx: wirescan.Extractor) -> None:
    s = pd.Series(
        ['"We won," said Kim Jong Un in Pyongyang.', None, float("nan"), "Seoul: 3 ships."],
        index=[10, 20, 30, 40],
    )
    ents = s.wirescan.entities()
    assert list(ents["doc"]) == [10, 10, 40]
    assert list(s.wirescan.numbers()["doc"]) == [40]
    q = s.wirescan.quotes(extractor=dx)
    assert list(q["speaker_id"]) == ["Q56226"] and list(q["doc"]) == [10]
    with pytest.raises(TypeError, match="row 'b'"):
        pd.Series(["Seoul", b"bytes"], index=["a", "b"]).wirescan.entities()


def test_accessor_registers_when_pandas_is_imported_after_wirescan() -> None:
    code = textwrap.dedent(
        """
        import sys, wirescan
        assert "pandas" not in sys.modules  # wirescan does not import pandas
        import pandas as pd
        print(len(pd.Series(["Seoul and Busan"]).wirescan.entities()))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "2"


def test_polars_through_arrow(dx: wirescan.Extractor, texts: list[str]) -> None:
    pl = pytest.importorskip("polars")
    t = dx.table(texts, "quotes")
    df = pl.from_arrow(t)
    assert df.shape == (t.num_rows, len(wirescan.schema.QUOTES))
    assert df["speaker_id"].null_count() == sum(1 for v in t["speaker_id"].to_pylist() if v is None)


def test_missing_extra_names_it() -> None:
    code = textwrap.dedent(
        """
        import sys
        sys.modules["pyarrow"] = None  # as if not installed
        import wirescan
        try:
            wirescan.Extractor(wirescan.Gazetteer.from_records([])).table(["x"])
        except ImportError as e:
            print(e)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'wirescan[arrow]'" in out.stdout


def test_progress_bar_and_silence(
    dx: wirescan.Extractor, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("tqdm")
    texts = ["Seoul."] * 40
    dx.frame(texts, chunk_size=8, progress=True)
    err = capsys.readouterr().err
    assert "40/40" in err
    dx.frame(texts, chunk_size=8, progress=False)
    assert capsys.readouterr().err == ""
    docs = dx.extract_batch(texts, progress=True)
    assert len(docs) == 40 and "40/40" in capsys.readouterr().err


def test_html_display_escapes_and_shows_everything(dx: wirescan.Extractor) -> None:
    text = '<script>alert("x")</script> "We have 3,000 troops," Kim Jong Un said in Pyongyang.'
    h = dx.extract(text)._repr_html_()
    assert "<script>" not in h and "&lt;script&gt;" in h
    assert "Kim Jong Un" in h and "person" in h and "place" in h  # entities and legend
    assert "number" in h and "quote" in h
    assert h.count("<span") == h.count("</span>")


def test_to_displacy_is_spacy_manual_format(dx: wirescan.Extractor) -> None:
    text = "Kim Jong Un sent 3,000 troops to Russia."
    d = dx.extract(text).to_displacy()
    assert d["text"] == text
    assert [(text[e["start"] : e["end"]], e["label"]) for e in d["ents"]] == [
        ("Kim Jong Un", "PERSON"),
        ("3,000", "NUMBER"),
        ("Russia", "PLACE"),
    ]


def test_arrow_table_is_zero_copy_friendly(dx: wirescan.Extractor, texts: list[str]) -> None:
    t = dx.table(texts, "entities")
    assert isinstance(t, pa.Table)
    assert all(c.num_chunks == 1 for c in t.columns)


def test_to_frame_from_documents(dx: wirescan.Extractor, texts: list[str]) -> None:
    docs = dx.extract_batch(texts)
    for what in ("entities", "numbers", "quotes"):
        pd.testing.assert_frame_equal(wirescan.to_frame(docs, what), dx.frame(texts, what))
    keyed = wirescan.to_frame(docs, "quotes", ids=list("abcde"))
    assert set(keyed["doc"]) <= set("abcde")
    assert wirescan.to_table(docs[:0], "numbers").num_rows == 0
    other = wirescan.Extractor(wirescan.Gazetteer.from_records([])).extract("Seoul")
    with pytest.raises(ValueError, match="different gazetteers"):
        wirescan.to_frame([docs[0], other])
    with pytest.raises(ValueError, match="ids has 1 items for 5"):
        wirescan.to_frame(docs, ids=["a"])
    # Lone surrogates were read as U+FFFD: offsets still index the caller's str.
    d = dx.extract("\ud800 Seoul")
    (row,) = wirescan.to_frame([d]).itertuples(index=False)
    assert "\ud800 Seoul"[row.start : row.end] == "Seoul"


def test_ctrl_c_stops_a_long_frame_between_chunks() -> None:
    """A real SIGINT while frame() runs over a long input: KeyboardInterrupt surfaces after the
    chunk in flight, long before the input is done."""
    code = textwrap.dedent(
        """
        import sys, wirescan

        class Counting:
            def __init__(self, core):
                self.core, self.calls = core, 0
            def columns_many(self, *a, **k):
                self.calls += 1
                if self.calls == 3:
                    print("started", flush=True)
                return self.core.columns_many(*a, **k)

        ex = wirescan.Extractor()
        counting = Counting(ex._core)
        ex._core = counting
        texts = ["Kim Jong Un said, \\"We have 3,000 troops.\\" " * 40] * 400_000
        try:
            ex.frame(texts, chunk_size=64, progress=False)
            print("finished", flush=True)
        except KeyboardInterrupt:
            print(f"interrupted after {counting.calls} of {400_000 // 64} chunks", flush=True)
        """
    )
    import signal

    p = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert p.stdout is not None
    assert p.stdout.readline().strip() == "started"
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=600)
    assert out.startswith("interrupted after"), (out, err)
    done = int(out.split()[2])
    assert done < 400_000 // 64


def test_ctrl_c_stops_a_long_extract_batch() -> None:
    """A real SIGINT during one extract_batch call over ~40 GB of text (hours of work): the
    call raises KeyboardInterrupt once the texts in flight are done. Were the interrupt not
    honoured, the child would outlive the timeout below and the test would fail."""
    code = textwrap.dedent(
        """
        import wirescan

        ex = wirescan.Extractor()
        texts = ["Kim Jong Un said, \\"We have 3,000 troops.\\" In Seoul, officials met. " * 600]
        texts = texts * 1_000_000
        print("started", flush=True)
        try:
            ex.extract_batch(texts, progress=False)
            print("finished", flush=True)
        except KeyboardInterrupt:
            print("interrupted", flush=True)
        """
    )
    import signal
    import time

    p = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert p.stdout is not None
        assert p.stdout.readline().strip() == "started"
        time.sleep(1.0)  # let the batch get going on the pool
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=300)
    finally:
        p.kill()
    assert out.strip() == "interrupted", (out, err)


def test_batch_progress_reports_counts_and_stops_on_error(dx: wirescan.Extractor) -> None:
    """The core's progress hook behind extract_batch's tqdm bar: counts only go up, the last
    call reports every text, and an exception from the hook stops the batch and is raised."""
    texts = ['Kim Jong Un said, "We have 3,000 troops." ' * 200] * 3000
    seen: list[int] = []
    docs = dx._core.extract_batch(texts, None, seen.append)
    assert len(docs) == 3000 and seen[-1] == 3000
    assert seen == sorted(seen)
    assert docs[7].quotes[0].speaker_text == "Kim Jong Un"

    class Stop(Exception):
        pass

    def stop(done: int) -> None:
        if done < len(many):
            raise Stop(done)

    many = texts * 20  # long enough for the hook to be called before the end
    with pytest.raises(Stop):
        dx._core.extract_batch(many, None, stop)


def test_a_frame_computes_only_what_it_needs_and_gives_the_same_rows() -> None:
    """An entity frame from a full Extractor equals one from an entity-only Extractor (the
    stages it does not need are skipped; the speed-up is in bench/results/frames.md)."""
    import wirescan

    texts = ['"We will win," said Lloyd Austin in Seoul, citing 1,500 troops.', "Moscow.", None]
    full, light = wirescan.Extractor(), wirescan.Extractor(numbers=False, quotes=False)
    pd.testing.assert_frame_equal(full.frame(texts, "entities"), light.frame(texts, "entities"))
    # Numbers keep their sources (which need quotes), quotes their speakers.
    nums = full.frame(texts, "numbers")
    assert nums["source_text"].tolist() == ["Lloyd Austin"]
    quotes = full.frame(texts, "quotes")
    assert quotes["speaker_name"].tolist() == ["Lloyd Austin"]


def test_no_bar_into_captured_stderr_and_a_plain_bar_on_a_terminal(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """By default a bar appears only when someone watches stderr: not into a captured log, not
    for short inputs, and on a terminal a plain tqdm bar (no TqdmWarning about ipywidgets)."""
    import os
    import pty

    pytest.importorskip("tqdm")
    code = textwrap.dedent(
        """
        import wirescan
        ex = wirescan.Extractor(numbers=False, quotes=False)
        ex.frame(["Seoul."] * 5, "entities")          # short: no bar
        ex.frame(["Seoul."] * 2000, "entities")       # long: a bar if stderr is watched
        print("done")
        """
    )
    captured = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert captured.stderr == "" and "done" in captured.stdout
    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    # An 80-column terminal (a new pty has 0 columns, where tqdm draws nothing).
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    chunks: list[bytes] = []

    def drain() -> None:  # read the terminal while the child writes (its buffer is small)
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    import threading

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=slave)
    out, _ = p.communicate(timeout=300)
    os.close(slave)
    reader.join(timeout=30)
    os.close(master)
    err = b"".join(chunks).decode("utf-8", "replace")
    assert p.returncode == 0 and b"done" in out
    assert "2000/2000" in err and "TqdmWarning" not in err
    assert err.count("/5 ") == 0  # the short call drew nothing
