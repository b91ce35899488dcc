#!/bin/bash
# Builds with AddressSanitizer + UndefinedBehaviorSanitizer (any finding
# aborts: -fno-sanitize-recover=all) in build-san/ and runs a subset of the
# suite that fits in about 15 minutes on two cores: the unit tests of the
# parsers and the index, the hostile-input and fault tests, and the replay
# of every fuzz regression. The end-to-end tests run the sanitized binary too,
# so a finding in `foiamine` itself fails the test that ran it.
# Usage: scripts/sanitize.sh [REGEX]   (default: the subset below)
#        scripts/sanitize.sh .         (the whole suite: slow)
set -euo pipefail
cd "$(dirname "$0")/.."
subset=${1:-'^(hostile|faults|fuzz_replay|manifest|LoadManifest|CheckZipEntryName|ZipDrop|ZipEntrySha256|run indexes a ZIP|merge|three shards|a missing file|statements|a malformed|a transaction|a read that|a clause row|Status|a StatusOr)'}
build=${BUILD_DIR:-build-san}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOIAMINE_SANITIZE=ON >/dev/null
nice cmake --build "$build" -j"${JOBS:-$(nproc)}"
cd "$build"
# Left out: the exhibit pixel-bound test runs `cite` under `ulimit -v`, where
# AddressSanitizer cannot reserve its shadow memory (it maps ~14 TiB of
# address space) and aborts before main(); the test proves nothing there.
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=abort_on_error=0:detect_leaks=1 \
  nice ctest --output-on-failure -R "$subset" -E 'pixel bound before rendering' -j"${JOBS:-1}"
