"""What type checkers see: `what` is a Literal, frames are DataFrames, and the accessor is known
to mypy (with pandas-stubs) through the plugin `wirescan.mypy_plugin`."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import wirescan

pytest.importorskip("mypy")


def _have_pandas_stubs() -> bool:
    from importlib import metadata

    try:
        metadata.version("pandas-stubs")
    except metadata.PackageNotFoundError:
        return False
    return True


PYTHON_DIR = Path(wirescan.__file__).resolve().parent.parent


def mypy(tmp_path: Path, code: str) -> str:
    (tmp_path / "snippet.py").write_text(textwrap.dedent(code), encoding="utf-8")
    (tmp_path / "mypy.ini").write_text("[mypy]\nplugins = wirescan.mypy_plugin\n", encoding="utf-8")
    env = dict(os.environ)
    if PYTHON_DIR.name not in ("site-packages", "dist-packages"):
        # An editable install: mypy finds the package's source folder through MYPYPATH (an
        # installed wheel is found in site-packages, which mypy refuses on MYPYPATH).
        env["MYPYPATH"] = str(PYTHON_DIR)
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            "mypy.ini",
            "--no-incremental",
            "snippet.py",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return r.stdout + r.stderr


def test_the_accessor_and_frames_have_types(tmp_path: Path) -> None:
    assert _have_pandas_stubs(), "pandas-stubs (in the [test] extra) is needed for this check"
    out = mypy(
        tmp_path,
        """
        import pandas as pd
        import wirescan

        s = pd.Series(["Seoul."])
        reveal_type(s.wirescan.entities())
        reveal_type(wirescan.Extractor().frame(["Seoul."], "quotes"))
        wirescan.Extractor().frame(["Seoul."], "entitys")
        """,
    )
    revealed = [line for line in out.splitlines() if "Revealed type" in line]
    assert len(revealed) == 2 and all("pandas.core.frame.DataFrame" in r for r in revealed), out
    assert "'entitys'" in out and "arg-type" in out  # a misspelt `what` fails the check
