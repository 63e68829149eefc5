"""The CLI over archives: formats, tidy outputs, corrupt records, atomic output."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from wirescan import cli

ARTICLE = 'Kim Jong Un sent 1,500 troops, the NIS said. "It is over," Lloyd Austin said.'


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wirescan", *args], capture_output=True, text=True, check=False
    )


def jsonl(path: Path, rows: list[Any]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_jsonl_gz_csv_and_parquet_inputs_to_parquet(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    with gzip.open(src / "a.jsonl.gz", "wt", encoding="utf-8") as f:
        for i in range(3):
            f.write(json.dumps({"uid": f"a{i}", "body": ARTICLE}) + "\n")
    pd.DataFrame({"uid": ["c0", "c1"], "body": [ARTICLE, "Seoul."]}).to_csv(
        src / "c.csv", index=False
    )
    pq.write_table(pa.table({"uid": ["p0"], "body": [ARTICLE]}), src / "p.parquet")
    out = tmp_path / "res.parquet"
    r = run(
        "extract",
        str(src),
        "--out",
        str(out),
        "--text-field",
        "body",
        "--id-field",
        "uid",
        "--threads",
        "2",
    )
    assert r.returncode == 0, r.stderr
    ents = pd.read_parquet(tmp_path / "res.entities.parquet")
    nums = pd.read_parquet(tmp_path / "res.numbers.parquet")
    quotes = pd.read_parquet(tmp_path / "res.quotes.parquet")
    docs = pd.read_parquet(tmp_path / "res.documents.parquet")
    assert sorted(docs["doc"]) == ["a0", "a1", "a2", "c0", "c1", "p0"]
    assert set(ents["doc"]) == {"a0", "a1", "a2", "c0", "c1", "p0"}
    assert list(nums.loc[nums["doc"] == "p0", "source_id"]) == ["ws:kr-nis"]
    assert list(quotes.loc[quotes["doc"] == "c0", "speaker_id"]) == ["ws:lloyd-austin"]
    assert docs.set_index("doc").loc["c1", "n_entities"] == 1
    assert list(docs.columns[:4]) == ["doc", "file", "line", "chars"]
    assert not list(tmp_path.glob(".*tmp-*"))


def test_csv_output_and_single_what(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    jsonl(src, [{"text": ARTICLE}])
    out = tmp_path / "q.csv"
    r = run("extract", str(src), "--what", "quotes", "--out", str(out))
    assert r.returncode == 0, r.stderr
    q = pd.read_csv(out)
    assert list(q["speaker_text"]) == ["Lloyd Austin"]
    assert q["doc"].tolist() == [f"{src}:1"]
    assert (tmp_path / "q.documents.csv").exists()
    assert run("extract", str(src), "--what", "verbs").returncode == 2


def test_nothing_is_lost_in_a_corrupt_archive(tmp_path: Path) -> None:
    """Every input record is in the output or in the error report, and the exit code says so."""
    src = tmp_path / "archive"
    src.mkdir()
    lines = [
        json.dumps({"id": "ok1", "text": ARTICLE}).encode(),
        b'{"id": "badjson", "text": "unterminated',
        json.dumps(["an", "array"]).encode(),
        json.dumps({"id": "notext", "body": "x"}).encode(),
        json.dumps({"id": "nulltext", "text": None}).encode(),
        b'{"id": "badutf8", "text": "Seoul \xff\xfe"}',
        json.dumps({"id": "big", "text": ("Seoul said 3 ships. " * 2_600_000)}).encode(),
        json.dumps({"id": "ok2", "text": "Moscow."}).encode(),
    ]
    (src / "main.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    # A gzip archive cut off in the middle of its member.
    whole = gzip.compress(
        b"".join(json.dumps({"id": f"g{i}", "text": ARTICLE}).encode() + b"\n" for i in range(200))
    )
    (src / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    (src / "bad.txt").write_bytes(b"Seoul \xc3\x28")
    out = tmp_path / "out.parquet"
    r = run("extract", str(src), "--out", str(out), "--what", "entities", "--id-field", "id")
    assert r.returncode == 1, r.stderr
    docs = pd.read_parquet(out.with_suffix(".documents.parquet"))
    done = [{"id": k, "n": n} for k, n in zip(docs["doc"], docs["n_entities"])]
    errors = [json.loads(x) for x in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    ids = {d["id"] for d in done}
    assert {"ok1", "ok2", "big", "nulltext"} <= ids  # a null text is an empty document
    main_errors = sorted(e["line"] for e in errors if e["file"].endswith("main.jsonl"))
    assert main_errors == [2, 3, 4, 6]  # bad JSON, array, no text field, bad UTF-8
    assert "(1 with a null text)" in r.stderr
    gz_done = sum(1 for d in done if d["id"].startswith("g"))
    gz_errors = [e for e in errors if e["file"].endswith("cut.jsonl.gz")]
    assert len(gz_errors) == 1 and "gzip" in gz_errors[0]["error"]
    assert gz_errors[0]["line"] == gz_done + 1  # where reading stopped
    assert any(e["file"].endswith("bad.txt") for e in errors)
    # Accounting: main.jsonl's 8 records and bad.txt's one are all somewhere.
    main_done = sum(1 for d in done if not d["id"].startswith("g"))
    assert main_done + len(main_errors) == 8
    assert f"{len(done) + len(errors)} records" in r.stderr
    big = next(d for d in done if d["id"] == "big")
    assert big["n"] == 2_600_000
    assert len(pd.read_parquet(out)) == sum(d["n"] for d in done)


def test_interrupt_leaves_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "a.jsonl"
    jsonl(src, [{"text": ARTICLE}] * 2000)
    out = tmp_path / "out.parquet"
    calls = {"n": 0}
    real = cli._Sink.extract

    def extract_then_interrupt(self: cli._Sink, recs: list[Any]) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:  # the first chunk is being written on the writer thread
            raise KeyboardInterrupt
        return real(self, recs)

    monkeypatch.setattr(cli._Sink, "extract", extract_then_interrupt)
    assert cli.main(["extract", str(src), "--out", str(out)]) == 130
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl"]


def test_failure_leaves_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An error on the writer thread reaches the caller, and nothing is left behind."""
    src = tmp_path / "a.jsonl"
    jsonl(src, [{"text": ARTICLE}] * 1200)
    real = cli._Sink.emit
    calls = {"n": 0}

    def boom(self: cli._Sink, recs: list[Any], result: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        real(self, recs, result)

    monkeypatch.setattr(cli._Sink, "emit", boom)
    for out in ("out.jsonl", "out.parquet"):
        calls["n"] = 0
        with pytest.raises(RuntimeError, match="disk full"):
            cli.main(["extract", str(src), "--out", str(tmp_path / out)])
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl"]


def test_reader_errors_reach_the_caller(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "a.jsonl"
    jsonl(src, [{"text": ARTICLE}] * 1200)
    real = cli._archive.read

    def failing_read(*a: Any, **k: Any) -> Any:
        for i, item in enumerate(real(*a, **k)):
            if i == 700:
                raise MemoryError("reader broke")
            yield item

    monkeypatch.setattr(cli._archive, "read", failing_read)
    with pytest.raises(MemoryError, match="reader broke"):
        cli.main(["extract", str(src), "--out", str(tmp_path / "o.parquet")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl"]


def test_output_keeps_input_order_across_chunks(tmp_path: Path) -> None:
    """Chunks are read, extracted and written by three threads; the output is in input order."""
    src = tmp_path / "a.jsonl"
    n = 3 * cli.CHUNK_DOCS + 7
    rows = [{"id": f"d{i}", "text": ARTICLE if i % 3 else "Seoul."} for i in range(n)]
    jsonl(src, rows)
    out = tmp_path / "o.jsonl"
    assert cli.main(["extract", str(src), "--id-field", "id", "--out", str(out)]) == 0
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [g["id"] for g in got] == [r["id"] for r in rows]
    assert [g["line"] for g in got] == list(range(1, n + 1))
    pq_out = tmp_path / "o.parquet"
    assert cli.main(["extract", str(src), "--id-field", "id", "--out", str(pq_out)]) == 0
    docs = pd.read_parquet(tmp_path / "o.documents.parquet")
    assert list(docs["doc"]) == [r["id"] for r in rows]
    ents = pd.read_parquet(tmp_path / "o.entities.parquet")
    order = {f"d{i}": i for i in range(n)}
    assert ents["doc"].map(order).is_monotonic_increasing


def test_real_ctrl_c_on_the_cli(tmp_path: Path) -> None:
    """SIGINT while the pipeline runs: exit code 130, no output files, no hang."""
    import signal

    src = tmp_path / "a.jsonl"
    jsonl(src, [{"text": ARTICLE * 20}] * 60_000)
    p = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wirescan",
            "extract",
            str(src),
            "--out",
            str(tmp_path / "o.parquet"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Wait until the writer thread has started the entity table, then interrupt.
    import time

    for _ in range(60_000):
        if (
            any("o.entities.parquet.tmp" in x.name for x in tmp_path.iterdir())
            or p.poll() is not None
        ):
            break
        time.sleep(0.01)
    assert p.poll() is None, "finished before it could be interrupted"
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=600)
    assert p.returncode == 130, err
    assert "interrupted" in err
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a.jsonl"]


def test_progress_bar_on_stderr(tmp_path: Path) -> None:
    pytest.importorskip("tqdm")
    src = tmp_path / "a.jsonl"
    jsonl(src, [{"text": ARTICLE}] * 30)
    r = run("extract", str(src), "--out", str(tmp_path / "o.parquet"), "--progress")
    assert r.returncode == 0, r.stderr
    # JSONL inputs have known sizes: a percentage of the bytes.
    assert "100%" in r.stderr and "B/s" in r.stderr
    # A CSV's records do not say their bytes: a counter of documents, with MB read.
    csv = tmp_path / "a.csv"
    csv.write_text("text\n" + "Seoul.\n" * 30, encoding="utf-8")
    r = run("extract", str(csv), "--out", str(tmp_path / "c.parquet"), "--progress")
    assert r.returncode == 0, r.stderr
    assert "30doc" in r.stderr.replace(" ", "") and "MB" in r.stderr
    quiet = run("extract", str(src), "--out", str(tmp_path / "q.parquet"))
    assert "doc/s" not in quiet.stderr  # no bar unless stderr is a terminal or --progress
