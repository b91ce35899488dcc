#!/bin/bash
# Regenerates corpus/drop/ and corpus/truth/ from corpus/sources/.
# Builds the generator first (in ./build at the repository root) if needed.
#   corpus/generate.sh [GENERATOR_BINARY]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
gen="${1:-$root/build/corpus/foiamine-corpus-gen}"
if [ $# -eq 0 ]; then
  [ -f "$root/build/CMakeCache.txt" ] || cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$root/build" --target foiamine-corpus-gen -j2 >/dev/null
fi
rm -rf "$here/drop" "$here/truth"
"$gen" "$here/sources" "$here/drop" "$here/truth" >/dev/null
echo "corpus: $(find "$here/drop" -type f | wc -l) files, $(du -sh "$here/drop" | cut -f1) in corpus/drop"
