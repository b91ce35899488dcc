#!/bin/bash
# The sanitizer job (run by scripts/test.sh, hence by CI): builds with
# AddressSanitizer + UndefinedBehaviorSanitizer (any finding aborts:
# -fno-sanitize-recover=all) in build-san/ and runs a subset of the suite
# that fits in about 15 minutes on two cores: the unit tests of the parsers,
# the index and the page renderer, the hostile-input and fault tests, and the
# replay of every fuzz regression. The end-to-end tests run the sanitized
# binary too (and its Poppler helper processes).
#
# A finding fails the job twice over: the process that hit it dies, so its
# test fails; and every report is also written under build-san/sanitizer-reports/
# (log_path), which must be empty at the end, so a finding in a child process
# whose exit code a test tolerates (a test expecting exit 1 from a refused
# input) is not lost.
# Usage: scripts/sanitize.sh [REGEX]   (default: the subset below)
#        scripts/sanitize.sh .         (the whole suite: slow)
set -euo pipefail
cd "$(dirname "$0")/.."
subset=${1:-'^(hostile|faults|fuzz_replay|manifest|LoadManifest|CheckZipEntryName|ZipDrop|ZipEntrySha256|run indexes a ZIP|merge|three shards|a missing file|statements|a malformed|a transaction|a read that|a clause row|Status|a StatusOr|OpenPdf|Poppler.s messages|a PDF page renders|corpus PDFs|a huge page|no sliver|the helper.s time limit|OCR rendering: a blank)'}
build=${BUILD_DIR:-build-san}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOIAMINE_SANITIZE=ON >/dev/null
nice cmake --build "$build" -j"${JOBS:-$(nproc)}"
reports=$(cd "$build" && pwd)/sanitizer-reports
rm -rf "$reports"
mkdir -p "$reports"
cd "$build"
# Left out: the exhibit pixel-bound test runs `cite` under `ulimit -v`, where
# AddressSanitizer cannot reserve its shadow memory (it maps ~14 TiB of
# address space) and aborts before main(); the test proves nothing there.
status=0
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan \
ASAN_OPTIONS=abort_on_error=0:detect_leaks=1:log_path=$reports/asan \
  nice ctest --output-on-failure -R "$subset" -E 'pixel bound before rendering' -j"${JOBS:-1}" || status=$?
if [ -n "$(ls -A "$reports")" ]; then
  echo "sanitizer reports (a finding fails the job):" >&2
  for f in "$reports"/*; do echo "== $f" >&2; head -40 "$f" >&2; done
  [ "$status" -ne 0 ] || status=1
fi
exit "$status"
