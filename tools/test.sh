#!/usr/bin/env bash
# Installs what the tests need and runs every check: Rust (fmt, clippy, unit tests) and Python
# (ruff, stub check against the built module, pytest). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

# The checks run in their own virtual environment (.venv-test, made on first use), so they never
# turn a user's own install of wirescan into an editable one. PYTHON picks the interpreter that
# makes it; WIRESCAN_TEST_VENV another place for it.
BASE_PY=${PYTHON:-python3}
VENV=${WIRESCAN_TEST_VENV:-.venv-test}
if [ ! -x "$VENV/bin/python" ]; then
    echo "== creating the test environment $VENV"
    "$BASE_PY" -m venv "$VENV"
fi
PY="$VENV/bin/python"
echo "== installing wirescan (release build of the extension) with its test extras into $VENV"
"$PY" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$PY" -m pip install --quiet --disable-pip-version-check -e ".[test]"

# The Spark recipe's test starts a local Spark, which needs Java 17.
if ! command -v java >/dev/null 2>&1 && [ -z "${JAVA_HOME:-}" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "== installing Java 17 for the Spark test (openjdk-17-jre-headless)"
        apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    else
        echo "tools/test.sh: the Spark test needs Java 17: install openjdk-17-jre-headless" \
            "(Debian/Ubuntu) or set JAVA_HOME" >&2
        exit 1
    fi
fi

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

# The wheel users install: built as a release would build it, then installed and tested where
# there is no Rust and no C compiler (WIRESCAN_SKIP_WHEEL=1 skips this during development).
if [ -z "${WIRESCAN_SKIP_WHEEL:-}" ]; then
    echo "== the portable wheel, tested without Rust (tools/build-wheels.sh, tools/test-wheel.sh)"
    WHEELS=$(mktemp -d)
    bash tools/build-wheels.sh "$WHEELS"
    bash tools/test-wheel.sh "$(ls "$WHEELS"/wirescan-*.whl)"
fi
