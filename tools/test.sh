#!/usr/bin/env bash
# Installs what the tests need and runs every check: Rust (fmt, clippy, unit tests) and Python
# (ruff, stub check against the built module, pytest). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
echo "== installing wirescan (release build of the extension) with its test extras"
"$PY" -m pip install --quiet --disable-pip-version-check -e ".[test]"

echo "== cargo fmt / clippy"
cargo fmt --check
cargo clippy --quiet --all-targets --features python -- -D warnings

echo "== Rust unit tests and doc examples"
cargo test --quiet --lib
cargo test --quiet --doc

echo "== ruff, mypy, stubtest"
"$PY" -m ruff check python tests bench tools
"$PY" -m ruff format --check python tests bench tools
"$PY" -m mypy python/wirescan
"$PY" -m mypy.stubtest wirescan._core

echo "== pytest"
"$PY" -m pytest -q
