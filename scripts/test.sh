#!/bin/bash
# Sets up (Debian packages), builds and runs the whole test suite through CTest.
# Usage: ./scripts/test.sh            (build dir: build/)
#        BUILD_DIR=build-asan SANITIZE=1 ./scripts/test.sh   (ASan + UBSan)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
BUILD_DIR=${BUILD_DIR:-build}
SANITIZE=${SANITIZE:-0}
sanitize_flag=OFF; [ "$SANITIZE" = 1 ] && sanitize_flag=ON
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOIAMINE_SANITIZE=$sanitize_flag >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)"
cd "$BUILD_DIR"
ctest --output-on-failure -j"$(nproc)" "$@"
