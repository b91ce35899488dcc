#!/bin/bash
# The main job on the bundled corpus: set up, build, index corpus/drop into
# out/index.db, then show what a legal team would ask first.
# Usage: ./scripts/demo.sh   (re-running is incremental: nothing is redone)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)" --target foiamine
FOIAMINE="$BUILD_DIR/foiamine"
DB=out/index.db
mkdir -p out

section() { printf '\n== %s ==\n' "$1"; }

section "Indexing corpus/drop into $DB"
set +e
"$FOIAMINE" run corpus/drop --db "$DB"
rc=$?
set -e
# 0: all indexed; 2: some inputs failed (listed above and in `status`).
if [ $rc -ne 0 ] && [ $rc -ne 2 ]; then echo "foiamine run failed (exit $rc)"; exit $rc; fi

section "Where does any record speak of notifying ICE before a release?"
"$FOIAMINE" search 'NEAR(notify release, 12) OR NEAR(notification release, 12)' --db "$DB" --limit 8

section "Detainers"
"$FOIAMINE" search 'detainer*' --db "$DB" --limit 5

section "Index status"
"$FOIAMINE" status --db "$DB"

echo
echo "Index: $DB (open it with sqlite3, Datasette or DB Browser; schema documented in schemas/index.sql)"
echo "Try:   $FOIAMINE search '\"immigration status\"' --db $DB"
