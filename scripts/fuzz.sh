#!/bin/bash
# Runs one libFuzzer target (fuzz/) for MINUTES minutes.
# Usage: scripts/fuzz.sh TARGET MINUTES [extra libFuzzer flags...]
#   TARGET: manifest | zip | text_pages | layout | clause | search_query
# Builds in build-fuzz/ with clang-14 (-fsanitize=fuzzer,address,undefined,
# UB aborts), seeds the target's corpus (build-fuzz/corpus/TARGET, kept
# between runs) from fuzz/seeds/TARGET and, for the text targets, corpus/
# text, then fuzzes under `nice` with one job. The log is
# build-fuzz/logs/TARGET.log; a crash leaves its input in
# build-fuzz/artifacts/TARGET/ (keep it as fuzz/regressions/TARGET/NAME once
# fixed: the normal build's ctest fuzz_replay_TARGET replays it).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET MINUTES}
minutes=${2:?usage: scripts/fuzz.sh TARGET MINUTES}
shift 2
case $target in
  manifest) max_len=4096 ;;
  zip) max_len=65536 ;;
  text_pages) max_len=4096 ;;
  layout|clause) max_len=8192 ;;
  search_query) max_len=2200 ;;  # past kMaxQueryBytes, so the bound is fuzzed too
  *) echo "unknown target '$target' (manifest zip text_pages layout clause search_query)" >&2; exit 1 ;;
esac
build=build-fuzz
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DFOIAMINE_FUZZ=ON -DFOIAMINE_BUILD_TESTS=OFF >/dev/null
nice cmake --build "$build" --target "fuzz_$target" -j"${JOBS:-2}" >/dev/null

corpus=$build/corpus/$target
seeds=$build/seeds/$target
mkdir -p "$corpus" "$seeds" "$build/artifacts/$target" "$build/logs"
cp fuzz/seeds/"$target"/* "$seeds"/
if [ -d fuzz/regressions/"$target" ]; then cp fuzz/regressions/"$target"/* "$seeds"/ 2>/dev/null || true; fi
# Real text as seeds: the corpus's document sources and text files (a prefix
# byte where the target reads one: an authority / a parser choice).
case $target in
  layout)
    for f in corpus/sources/*.src corpus/drop/practice/*.txt; do cp "$f" "$seeds/corpus-$(basename "$f")"; done ;;
  clause)
    for f in corpus/sources/*.src corpus/drop/practice/*.txt; do
      { printf '\x02'; cat "$f"; } > "$seeds/corpus-$(basename "$f")"
    done ;;
  text_pages)
    for f in corpus/sources/*.src corpus/drop/practice/*.txt; do
      { printf '\x40'; cat "$f"; } > "$seeds/corpus-$(basename "$f")"
    done ;;
  manifest)
    { printf '\x00'; cat corpus/drop/manifest.csv; } > "$seeds/corpus-manifest.csv" ;;
esac

log=$build/logs/$target.log
echo "fuzzing $target for $minutes min; log: $log" >&2
status=0
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  nice -n 10 "$build/fuzz/fuzz_$target" -max_total_time=$((minutes * 60)) -max_len=$max_len \
  -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/artifacts/$target/" \
  "$@" "$corpus" "$seeds" >"$log" 2>&1 || status=$?
# The summary: executions, coverage (cov) and features (ft) at the end.
grep -E '^#[0-9]+.*(cov|DONE)' "$log" | tail -1 >&2 || true
grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::peak_rss_mb' "$log" >&2 || true
if [ "$status" != 0 ]; then
  echo "fuzz_$target FAILED (exit $status): see $log and $build/artifacts/$target/" >&2
fi
exit "$status"
