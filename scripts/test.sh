#!/bin/bash
# Sets up (Debian packages), builds and runs the whole test suite through
# CTest, then the sanitizer job: scripts/sanitize.sh builds build-san/ with
# AddressSanitizer + UndefinedBehaviorSanitizer (-fno-sanitize-recover) and
# runs the subset of the suite that fits CI's time (~15 min build on two
# cores, ~1 min of tests). A test failure or any sanitizer report fails the
# run. This is what CI runs (.ci/run).
# Usage: ./scripts/test.sh            (build dir: build/; then build-san/)
#        ./scripts/test.sh -R REGEX   (ctest arguments: those tests only, no sanitizer job)
#        FOIAMINE_SKIP_SANITIZE=1 ./scripts/test.sh   (the suite only)
#        BUILD_DIR=build-asan SANITIZE=1 ./scripts/test.sh   (the whole suite under ASan + UBSan)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
BUILD_DIR=${BUILD_DIR:-build}
SANITIZE=${SANITIZE:-0}
sanitize_flag=OFF; [ "$SANITIZE" = 1 ] && sanitize_flag=ON
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOIAMINE_SANITIZE=$sanitize_flag >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)"
(cd "$BUILD_DIR" && ctest --output-on-failure -j"$(nproc)" "$@")
if [ "$#" -eq 0 ] && [ "$SANITIZE" != 1 ] && [ "${FOIAMINE_SKIP_SANITIZE:-0}" != 1 ]; then
  start=$(date +%s)
  ./scripts/sanitize.sh
  echo "sanitizer job: passed in $(( $(date +%s) - start )) s (FOIAMINE_SKIP_SANITIZE=1 skips it)"
fi
