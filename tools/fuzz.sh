#!/usr/bin/env bash
# Runs every cargo-fuzz target for a bounded time (default 60 s each), starting from the seed
# articles and the saved corpus. Needs the nightly toolchain and cargo-fuzz
# (`cargo install cargo-fuzz`). A crash leaves its input under fuzz/artifacts/<target>/; turn it
# into a regression test (see fuzz/README.md) before fixing it.
#
# Usage: bash tools/fuzz.sh [seconds-per-target] [target...]
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-60}"
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    TARGETS=(normalize gazetteer matching numbers quotes)
fi
if ! cargo +nightly fuzz --version > /dev/null 2>&1; then
    echo "fuzz.sh: needs the nightly toolchain and cargo-fuzz:" >&2
    echo "    rustup toolchain install nightly && cargo install cargo-fuzz" >&2
    exit 2
fi
for t in "${TARGETS[@]}"; do
    mkdir -p "fuzz/corpus/$t"
    # Seed with the articles (and their paragraphs, which are quicker to mutate).
    for f in seeds/*.txt; do
        cp -n "$f" "fuzz/corpus/$t/seed-$(basename "$f")" 2>/dev/null || true
    done
    if [ "$t" = gazetteer ]; then
        cp -n tests/data/seed_gazetteer.jsonl "fuzz/corpus/$t/seed-gazetteer.jsonl" 2>/dev/null || true
    fi
    echo "== fuzz $t for ${SECS}s"
    log="$(mktemp)"
    status=0
    cargo +nightly fuzz run -O "$t" "fuzz/corpus/$t" -- \
        -max_total_time="$SECS" -max_len=65536 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
        > "$log" 2>&1 || status=$?
    grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|thread '.*' panicked|Test unit written)" "$log" || true
    if compgen -G "fuzz/artifacts/$t/crash-*" > /dev/null; then
        echo "!! $t: crashes in fuzz/artifacts/$t/" >&2
        rm -f "$log"
        exit 1
    fi
    if [ "$status" -ne 0 ] || ! grep -q "^stat::number_of_executed_units" "$log"; then
        # Not a crash (those leave an artifact): the build or the run itself failed.
        tail -n 30 "$log" >&2
        echo "!! $t: the fuzzer did not run to completion (exit $status)" >&2
        rm -f "$log"
        exit 1
    fi
    rm -f "$log"
done
echo "== no crashes"
