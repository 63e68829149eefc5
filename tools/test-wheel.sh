#!/usr/bin/env bash
# Proves a built wheel installs and works where there is no Rust and no C compiler: makes a fresh
# venv (.venv-wheel-test, or WHEEL_TEST_VENV), hides cargo, rustc, rustup and every C/C++
# compiler from PATH, installs the wheel with the test extras from binary wheels only (nothing may
# be compiled), imports it, runs the README's tour, and runs the Python test suite against the
# installed wheel (the source tree's python/ is never on sys.path: conftest checks).
#
# Usage: tools/test-wheel.sh [WHEEL]   (default: the newest wirescan-*.whl in dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WHEEL=${1:-$(ls -t dist/wirescan-*.whl 2>/dev/null | head -1)}
[ -n "$WHEEL" ] && [ -f "$WHEEL" ] || { echo "tools/test-wheel.sh: no wheel given or in dist/" >&2; exit 2; }
WHEEL=$(cd "$(dirname "$WHEEL")" && pwd)/$(basename "$WHEEL")
BASE_PY=$(command -v "${PYTHON:-python3}")
VENV=${WHEEL_TEST_VENV:-.venv-wheel-test}

# A PATH of the system's tools less the toolchains: symlinks to everything in the usual bin
# folders except compilers, linkers' drivers and Rust.
SHIM=$(mktemp -d)
trap 'rm -rf "$SHIM"' EXIT
for dir in /usr/local/bin /usr/bin /bin; do
    [ -d "$dir" ] || continue
    for f in "$dir"/*; do
        name=$(basename "$f")
        case "$name" in
            cargo* | rustc* | rustup* | rustdoc* | cc | c++ | c89 | c99 | gcc* | g++* | cpp* | clang* \
                | *-gcc* | *-g++* | tcc | zig | ld | ld.* | *-ld | as | maturin) continue ;;
        esac
        [ -e "$SHIM/$name" ] || ln -s "$f" "$SHIM/$name"
    done
done
export PATH="$SHIM"
for tool in cargo rustc cc gcc clang; do
    if command -v "$tool" >/dev/null 2>&1; then
        echo "tools/test-wheel.sh: $tool is still on PATH" >&2
        exit 1
    fi
done
echo "== PATH has no cargo, rustc or C compiler"

rm -rf "$VENV"
"$BASE_PY" -m venv "$VENV"
PY="$ROOT/$VENV/bin/python"
export PATH="$ROOT/$VENV/bin:$SHIM"
# Nothing can be compiled here (no compiler on PATH): packages come as wheels, or as pure-Python
# sdists (PySpark publishes only those).
echo "== installing $(basename "$WHEEL") with its test extras"
"$PY" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$PY" -m pip install --quiet --disable-pip-version-check "$WHEEL[test]"

cd "$(mktemp -d)"
echo "== import and version"
"$PY" -c "import wirescan, sys; print(wirescan.__file__); assert '$ROOT/python' not in wirescan.__file__"
wirescan --version

echo "== the README's tour"
"$PY" - "$ROOT/README.md" <<'PYEOF'
import re, sys
blocks = re.findall(r"```python\n(.*?)```", open(sys.argv[1], encoding="utf-8").read(), re.S)
for i, code in enumerate(blocks):
    exec(compile(code, f"README.md block {i}", "exec"), {"__name__": "readme"})
print(f"{len(blocks)} README blocks ran")
PYEOF

echo "== pytest against the installed wheel"
WIRESCAN_TEST_INSTALLED=1 "$PY" -m pytest -q -p no:cacheprovider --rootdir "$ROOT" "$ROOT/tests"
