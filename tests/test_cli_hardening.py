"""The archive CLI never loses a record, never overwrites an input, and fails in one clear line."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from wirescan import _archive, _core

ARTICLE = 'Kim Jong Un sent 1,500 troops, the NIS said. "It is over," Lloyd Austin said.'


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wirescan", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


# --- 1. lone surrogates ------------------------------------------------------------------------


@pytest.mark.parametrize("out", ["o.jsonl", "o.parquet", None])
def test_lone_surrogate_in_text_or_id_is_processed_with_fffd(
    tmp_path: Path, out: str | None
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "text": "\\"It \\ud800 is over,\\" Seoul said."}\n'
        '{"id": "x\\udc80", "text": "Moscow and Seoul."}\n'
        '{"id": "c", "text": "Tokyo."}\n',
        encoding="utf-8",
    )
    args = ["extract", str(src), "--id-field", "id"]
    if out:
        args += ["--out", str(tmp_path / out)]
    r = run(*args)
    assert r.returncode == 0, r.stderr
    if out == "o.jsonl":
        rows = lines(tmp_path / out)
        assert [x["id"] for x in rows] == ["a", "x\ufffd", "c"]
        assert rows[0]["quotes"][0]["text"] == "It \ufffd is over,"
    elif out == "o.parquet":
        docs = pd.read_parquet(tmp_path / "o.documents.parquet")
        assert list(docs["doc"]) == ["a", "x\ufffd", "c"]
    else:
        assert "== x\ufffd" in r.stdout and "== c" in r.stdout


# --- 2. deeply nested JSON ----------------------------------------------------------------------


def test_deeply_nested_record_goes_to_the_errors_file(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"text": "Seoul."})
        + "\n"
        + "[" * 100_000
        + "\n"
        + json.dumps({"text": "Oslo."}),
        encoding="utf-8",
    )
    r = run("extract", str(src), "--out", str(tmp_path / "o.jsonl"))
    assert r.returncode == 1, r.stderr
    assert len(lines(tmp_path / "o.jsonl")) == 2
    (err,) = lines(tmp_path / "o.errors.jsonl")
    assert err["line"] == 2 and err["file"] == str(src) and "nested too deeply" in err["error"]


# --- 3. outputs that are inputs -----------------------------------------------------------------


def test_out_or_errors_naming_an_input_is_refused_before_any_work(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"text": "Seoul."}) + "\n", encoding="utf-8")
    before = src.read_bytes()
    (tmp_path / "link.jsonl").symlink_to(src)
    cases = [
        ["--out", str(src)],
        ["--out", str(tmp_path / "link.jsonl")],
        ["--out", "o.jsonl", "--errors", "./a.jsonl"],
    ]
    for extra in cases:
        r = run("extract", "a.jsonl", *extra, cwd=tmp_path)
        assert r.returncode == 2, (extra, r.stderr)
        assert "refusing to overwrite an input" in r.stderr and "a.jsonl" in r.stderr
        assert r.stderr.count("\n") == 1  # one line, no traceback
        assert src.read_bytes() == before
    # A directory input: a table output named like a file inside it.
    r = run("extract", str(tmp_path), "--out", str(tmp_path / "a.jsonl"))
    assert r.returncode == 2 and src.read_bytes() == before
    # Two outputs that are one file.
    r = run(
        "extract",
        str(src),
        "--out",
        str(tmp_path / "o.jsonl"),
        "--errors",
        str(tmp_path / "o.jsonl"),
    )
    assert r.returncode == 2 and "are the same file" in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "link.jsonl"]


# --- 4. results and error report commit together ------------------------------------------------


def test_missing_errors_directory_writes_nothing(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text('{"text": "Seoul."}\nnot json\n', encoding="utf-8")
    r = run(
        "extract",
        str(src),
        "--out",
        str(tmp_path / "o.jsonl"),
        "--errors",
        str(tmp_path / "no/e.jsonl"),
    )
    assert r.returncode == 2 and "does not exist" in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_disk_for_the_error_report_commits_neither(tmp_path: Path) -> None:
    """The errors file on a full device: the results are not renamed into place either."""
    src = tmp_path / "a.jsonl"
    src.write_text('{"text": "Seoul."}\nnot json\n', encoding="utf-8")
    code = (
        "import sys, wirescan._archive as a\n"
        "orig = a.AtomicFile.__init__\n"
        "def init(self, path):\n"
        "    orig(self, path)\n"
        "    if path.endswith('errors.jsonl'):\n"
        "        self.tmp = '/dev/full'\n"
        "        self.abort = lambda: None\n"
        "a.AtomicFile.__init__ = init\n"
        "from wirescan import cli\n"
        f"sys.exit(cli.main(['extract', {str(src)!r}, '--out', {str(tmp_path / 'o.jsonl')!r}]))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert r.returncode == 3, r.stderr
    assert "cannot write" in r.stderr and "No space left" in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl"]


# --- 5. byte-order marks ------------------------------------------------------------------------


def test_utf8_bom_in_csv_jsonl_and_txt(tmp_path: Path) -> None:
    bom = b"\xef\xbb\xbf"
    (tmp_path / "a.csv").write_bytes(bom + b"id,text\nc1,Seoul.\nc2,Oslo.\n")
    (tmp_path / "b.jsonl").write_bytes(
        bom + b'{"id": "j1", "text": "Seoul."}\n{"id": "j2", "text": "Oslo."}\n'
    )
    (tmp_path / "c.txt").write_bytes(bom + b"Seoul.")
    out = tmp_path / "o" / "r.jsonl"
    out.parent.mkdir()
    r = run("extract", str(tmp_path), "--out", str(out), "--id-field", "id")
    assert r.returncode == 0, r.stderr
    rows = lines(out)
    assert [x["id"] for x in rows[:4]] == ["c1", "c2", "j1", "j2"]
    txt = [x for x in rows if x["id"].endswith("c.txt")]
    assert txt[0]["entities"][0]["start"] == 0  # the BOM is not part of the text


# --- 6. signals and FIFOs -----------------------------------------------------------------------


POSIX = sys.platform != "win32"


@pytest.mark.skipif(not POSIX, reason="SIGTERM/SIGHUP to a child are POSIX")
@pytest.mark.parametrize("sig", [getattr(signal, n, None) for n in ("SIGTERM", "SIGHUP")])
def test_sigterm_and_sighup_leave_no_files(tmp_path: Path, sig: signal.Signals) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text((json.dumps({"text": ARTICLE * 20}) + "\n") * 60_000, encoding="utf-8")
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
    for _ in range(60_000):
        if any(".tmp-" in x.name for x in tmp_path.iterdir()) or p.poll() is not None:
            break
        time.sleep(0.01)
    assert p.poll() is None, "finished before it could be signalled"
    p.send_signal(sig)
    _, err = p.communicate(timeout=600)
    assert p.returncode == 128 + sig, err
    assert f"stopped by {sig.name}" in err
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a.jsonl"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_fifo_in_an_input_directory_is_skipped_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "Seoul."}\n', encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.jsonl")
    r = subprocess.run(
        [sys.executable, "-m", "wirescan", "extract", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,  # a generous hang guard: reading the FIFO would block forever
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert "pipe.jsonl: skipped, not a regular file" in r.stderr
    assert "Seoul" in r.stdout


# --- 7. gzip CRC ----------------------------------------------------------------------------------


def _member(rows: list[str]) -> bytes:
    return gzip.compress("".join(json.dumps({"text": t}) + "\n" for t in rows).encode())


def test_records_of_a_member_with_a_bad_crc_are_never_written(tmp_path: Path) -> None:
    good = _member(["Seoul.", "Oslo."])
    bad = bytearray(_member(["Paris.", "Berlin."]))
    bad[-8] ^= 0xFF  # the member's CRC32
    third = _member(["Tokyo."])
    src = tmp_path / "a.jsonl.gz"
    src.write_bytes(good + bytes(bad) + third)
    r = run("extract", str(src), "--out", str(tmp_path / "o.jsonl"))
    assert r.returncode == 1, r.stderr
    texts = [x["entities"][0]["text"] for x in lines(tmp_path / "o.jsonl")]
    assert texts == ["Seoul", "Oslo"]  # nothing from the damaged member, nor after it
    (err,) = lines(tmp_path / "o.errors.jsonl")
    assert err["line"] == 3 and "corrupt gzip" in err["error"]


def test_verified_gzip_reader_reads_multi_member_and_padded_files() -> None:
    import io

    data = _member(["a"]) + b"\x00" * 7 + _member(["b", "c"])
    got = io.BufferedReader(_archive._VerifiedGzip(io.BytesIO(data))).read()
    assert got.decode().count("\n") == 3
    # A member larger than the hold size is passed on before its CRC; the error says so.
    big = bytearray(gzip.compress(b"x" * 3_000_000 + b"\n"))
    big[-8] ^= 0xFF
    r = _archive._VerifiedGzip(io.BytesIO(bytes(big)), hold=1000)
    with pytest.raises(zlib.error, match="already passed on"):
        io.BufferedReader(r).read()


# --- 22. clear errors ---------------------------------------------------------------------------


def test_usage_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text('{"text": "Seoul."}\n', encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    cases = {
        ("--threads", "0"): "--threads must be between 1 and",
        ("--threads", "-3"): "--threads must be between 1 and",
        ("--threads", "100000"): "--threads must be between 1 and",
        ("--out", str(tmp_path / "missing" / "o.parquet")): "does not exist",
    }
    for extra, msg in cases.items():
        r = run("extract", str(src), *extra)
        assert r.returncode == 2, (extra, r.stderr)
        assert msg in r.stderr and "Traceback" not in r.stderr
    r = run("extract", str(tmp_path / "nope.jsonl"))
    assert r.returncode == 2 and "no such input" in r.stderr
    r = run("extract", str(empty))
    assert r.returncode == 2 and "found no input files" in r.stderr


@pytest.mark.skipif(
    not POSIX or os.geteuid() == 0, reason="needs POSIX permissions, and root can write anywhere"
)
def test_unwritable_output_directory_is_exit_3(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text('{"text": "Seoul."}\n', encoding="utf-8")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    r = run("extract", str(src), "--out", str(ro / "o.jsonl"))
    assert r.returncode == 3 and "cannot write" in r.stderr


def test_read_only_filesystem_is_exit_3(tmp_path: Path) -> None:
    """Writing into /proc (read-only for files that do not exist) fails cleanly."""
    src = tmp_path / "a.jsonl"
    src.write_text('{"text": "Seoul."}\n', encoding="utf-8")
    if not os.path.isdir("/proc/self"):
        pytest.skip("needs /proc")
    r = run(
        "extract", str(src), "--out", "/proc/self/o.jsonl", "--errors", str(tmp_path / "e.jsonl")
    )
    assert r.returncode == 3, r.stderr
    assert "cannot write" in r.stderr and "Traceback" not in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl"]


# --- 23. id fields agree across formats ---------------------------------------------------------


def test_missing_id_field_warns_once_and_falls_back_in_every_format(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "Seoul."}\n{"text": "Oslo."}\n', encoding="utf-8")
    pd.DataFrame({"text": ["Seoul.", "Oslo."]}).to_csv(tmp_path / "b.csv", index=False)
    pq.write_table(pa.table({"text": ["Seoul.", "Oslo."]}), tmp_path / "c.parquet")
    pq.write_table(pa.table({"text": [7, None]}), tmp_path / "d.parquet")
    out = tmp_path / "o" / "r.jsonl"
    out.parent.mkdir()
    r = run("extract", str(tmp_path), "--out", str(out), "--id-field", "uid")
    assert r.returncode == 1, r.stderr
    for name in ("a.jsonl", "b.csv", "c.parquet"):
        assert r.stderr.count(f"{name}") >= 1 and "no id" in r.stderr
    assert r.stderr.count("a.jsonl:1: no id field 'uid'") == 1
    ids = [x["id"] for x in lines(out)]
    assert len(ids) == 7 and all(":" in i for i in ids)  # the null text is an empty document
    errs = lines(tmp_path / "o" / "r.errors.jsonl")
    assert [e["error"] for e in errs] == ["text field 'text' is an int, not a string"]


# --- 25. CSV records report their first line ----------------------------------------------------


def test_csv_multiline_record_reports_the_line_it_starts_on(tmp_path: Path) -> None:
    src = tmp_path / "a.csv"
    src.write_text('id,text\nx,"Seoul\n\nand Oslo."\n\ny,Tokyo.\n', encoding="utf-8")
    r = run("extract", str(src), "--out", str(tmp_path / "o.jsonl"), "--id-field", "id")
    assert r.returncode == 0, r.stderr
    assert [(x["id"], x["line"]) for x in lines(tmp_path / "o.jsonl")] == [("x", 2), ("y", 6)]


def test_what_given_twice_is_one_table(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text('{"text": "Seoul and Oslo."}\n', encoding="utf-8")
    r = run(
        "extract", str(src), "--what", "entities,entities", "--out", str(tmp_path / "o.parquet")
    )
    assert r.returncode == 0, r.stderr
    assert len(pd.read_parquet(tmp_path / "o.parquet")) == 2


def test_max_threads_bound_is_the_documented_one() -> None:
    assert _core.max_threads() == min(1024, max(32, 4 * (os.cpu_count() or 1)))


# --- first-hour items: encodings, summary layout, Parquet dtypes ------------------------------


def test_legacy_encodings_for_txt_and_csv(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Caf\u00e9 staff in Seoul wept.".encode("cp1252"))
    (tmp_path / "b.csv").write_bytes("text\nM\u00fcnster and Seoul.\n".encode("latin-1"))
    r = run("extract", str(tmp_path))
    assert r.returncode == 1 and "invalid UTF-8" in r.stderr
    r = run("extract", str(tmp_path), "--encoding", "cp1252")
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("Seoul") >= 2
    r = run("extract", str(tmp_path), "--encoding", "nope")
    assert r.returncode == 2 and "unknown encoding 'nope'" in r.stderr


def test_summary_columns_stay_aligned_with_long_names(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("NATO and Seoul. Seoul sent 1,500 soldiers.", encoding="utf-8")
    r = run("extract", str(src))
    assert r.returncode == 0, r.stderr
    ent = [line for line in r.stdout.splitlines() if line.startswith(("  org", "  place"))]
    starts = {line.index(" x") for line in ent}
    assert len(ent) == 2 and len(starts) == 1  # the counts line up
    assert "1,500 soldiers" in r.stdout and "of soldiers" not in r.stdout


def test_parquet_output_reads_back_with_the_frame_dtypes(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(
        json.dumps({"text": '"We sent 1,500 troops," Lloyd Austin said. Seoul sent 12 ships.'})
        + "\n",
        encoding="utf-8",
    )
    r = run("extract", str(src), "--out", str(tmp_path / "r.parquet"))
    assert r.returncode == 0, r.stderr
    df = pd.read_parquet(tmp_path / "r.numbers.parquet")
    assert str(df["source_start"].dtype) == "Int64"
    assert df["source_start"].isna().sum() == 1  # the ships have no source
