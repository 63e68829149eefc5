#!/usr/bin/env bash
# Builds what a release publishes for this platform into OUTDIR: the abi3 wheel (one wheel for
# CPython 3.10 and later) and the sdist. On x86_64 Linux the wheel is manylinux2014 (glibc 2.17),
# linked with maturin's zig linker so that it runs on any Linux of the last decade, and checked
# with `auditwheel show` (no library outside the manylinux policy). The build tools (maturin,
# ziglang, auditwheel) go into their own environment, .venv-build (BUILD_VENV to move it); Rust
# >= 1.85 must be on PATH. Other platforms are built by .github/workflows/release.yml.
#
# Usage: tools/build-wheels.sh OUTDIR
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:?usage: tools/build-wheels.sh OUTDIR}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

BASE_PY=${PYTHON:-python3}
VENV=${BUILD_VENV:-.venv-build}
if [ ! -x "$VENV/bin/python" ]; then
    echo "== creating the build environment $VENV"
    "$BASE_PY" -m venv "$VENV"
fi
# Absolute: the zig wrappers run from the build's own directories.
VENV=$(cd "$VENV" && pwd)
PY="$VENV/bin/python"
"$PY" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$PY" -m pip install --quiet --disable-pip-version-check "maturin>=1.9,<2" "ziglang>=0.13" "auditwheel>=6"
MATURIN="$VENV/bin/maturin"

# An extension built in place for development (pip install -e .) sits in the package folder:
# move it aside so that the wheel holds the one built here, not a stale copy.
# (Out of the package folder: anything left in it goes into the wheel.)
ASIDE=$(mktemp -d)
for so in python/wirescan/_core*.so python/wirescan/_core*.pyd; do
    if [ -e "$so" ]; then mv "$so" "$ASIDE/"; fi
done
restore() {
    for so in "$ASIDE"/*; do
        if [ -e "$so" ]; then mv "$so" python/wirescan/; fi
    done
    rmdir "$ASIDE"
}
trap restore EXIT

case "$(uname -s)-$(uname -m)" in
    Linux-x86_64 | Linux-aarch64)
        echo "== wheel: manylinux2014 (zig linker)"
        PATH="$VENV/bin:$PATH" "$MATURIN" build --release --strip --zig \
            --compatibility manylinux2014 --out "$OUT"
        ;;
    *)
        echo "== wheel: native platform tag"
        "$MATURIN" build --release --strip --out "$OUT"
        ;;
esac
echo "== sdist"
"$MATURIN" sdist --out "$OUT"

if [ "$(uname -s)" = Linux ]; then
    for whl in "$OUT"/wirescan-*.whl; do
        echo "== auditwheel show $(basename "$whl")"
        "$VENV/bin/auditwheel" show "$whl"
    done
fi
echo "== built:"
ls -l "$OUT"
