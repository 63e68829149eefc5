"""The wirescan command line: the README's main job, JSONL output, unreadable inputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import DATA, SEEDS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wirescan", *args], capture_output=True, text=True, check=False
    )


def test_main_job_over_seeds() -> None:
    r = run("extract", str(SEEDS))
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("== ") == 5
    assert "Kim Jong Un" in r.stdout and "Lloyd Austin" in r.stdout
    assert "[more than] containers" in r.stdout


def test_jsonl_output_and_custom_gazetteer(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    r = run(
        "extract",
        str(SEEDS),
        "--gazetteer",
        str(DATA / "seed_gazetteer.jsonl"),
        "--out",
        str(out),
        "--threads",
        "2",
    )
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 5
    assert any(e["entity_id"] == "QLIM" for row in rows for e in row["entities"])


def test_unreadable_inputs_are_reported_and_the_rest_processed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Seoul and Moscow", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"line one\nSeoul \xff\xfe")
    out = tmp_path / "out.jsonl"
    r = run("extract", str(tmp_path), "--out", str(out))
    assert r.returncode == 1
    assert "2 records: 1 processed, 1 bad" in r.stderr
    (err,) = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert Path(err["file"]).name == "bad.txt" and err["line"] == 2
    assert "invalid UTF-8" in err["error"]
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [Path(row["id"]).name for row in rows] == ["good.txt"]
    # Without --out, bad inputs are reported on stderr with file and line.
    r = run("extract", str(tmp_path))
    assert r.returncode == 1 and "bad.txt:2: invalid UTF-8" in r.stderr


def test_bad_gazetteer_is_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "g.csv"
    bad.write_text("id,name\nx,y\n")
    r = run("extract", str(SEEDS), "--gazetteer", str(bad))
    assert r.returncode == 2
    assert "g.csv:1:" in r.stderr


def test_closed_output_pipe_is_quiet(tmp_path: Path) -> None:
    """`wirescan extract ... | head -1` must not print a traceback. The output (~1 MB) is far
    larger than a pipe's buffer, so the writer is still writing when the reader goes away."""
    text = (SEEDS / "000_9341ff932b3b767e.txt").read_text(encoding="utf-8")
    for k in range(300):
        (tmp_path / f"{k:03d}.txt").write_text(text, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "wirescan", "extract", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # the reader goes away after one line
    err = proc.stderr.read().decode()
    assert proc.wait() == 0
    assert "Traceback" not in err and "BrokenPipe" not in err
