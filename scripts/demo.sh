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
# eng+spa: the drop holds a Spanish-language notice among its scans.
"$FOIAMINE" run corpus/drop --db "$DB" --lang eng+spa
rc=$?
set -e
# 0: all indexed; 2: some inputs failed (listed above and in `status`).
if [ $rc -ne 0 ] && [ $rc -ne 2 ]; then echo "foiamine run failed (exit $rc)"; exit $rc; fi

section "Search: where does a record speak of telling ICE about a release?"
"$FOIAMINE" search 'NEAR(ICE release, 12) OR NEAR(ERO release, 12) OR NEAR(notify "Immigration and Customs Enforcement", 12)' --db "$DB" --limit 8

section "Clauses: every release-notification clause, with its stance"
"$FOIAMINE" clauses --topic release_notification --db "$DB" > out/release-notification-clauses.txt
head -n 30 out/release-notification-clauses.txt

section "Index status"
"$FOIAMINE" status --db "$DB"

echo
echo "Index: $DB (open it with sqlite3, Datasette or DB Browser; schema documented in schemas/index.sql)"
echo "Try:   $FOIAMINE search '\"immigration status\"' --db $DB"

# Law vs practice: the divergence report, the matrix, and two exhibits.
section "Law vs practice: divergence report (first screen; full: $FOIAMINE diverge --db $DB)"
# (whole reports go to files first: `| head` would end the writer early)
"$FOIAMINE" diverge --db "$DB" > out/divergence.txt
head -n 40 out/divergence.txt
"$FOIAMINE" diverge --db "$DB" --format html --agreements --out out/divergence.html
echo "HTML report (self-contained, printable): out/divergence.html"

section "Agency x topic"
"$FOIAMINE" diverge --db "$DB" --matrix > out/matrix.txt
head -n 14 out/matrix.txt

# The first clause of a document matching $1 (and $2, e.g. '"method":"ocr"').
# (reads a file: a pipe into an early-exiting reader would fail under pipefail)
"$FOIAMINE" clauses --json --db "$DB" > out/clauses.jsonl
clause_id() {
  awk -v a="$1" -v b="${2:-}" 'index($0, a) && index($0, b) { print; exit }' out/clauses.jsonl |
    sed -n 's/^{"id":"\([0-9a-f]*\)".*/\1/p'
}
section "Exhibits"
born_digital=$(clause_id '"doc_path":"policies/doc-ps-4020-1f.pdf"' '"topic":"release_notification"')
scanned=$(clause_id '"method":"ocr"' '"bbox":[')
if [ -n "$born_digital" ]; then
  "$FOIAMINE" cite "$born_digital" --db "$DB" --exhibit out/exhibit-born-digital.png
fi
if [ -n "$scanned" ]; then
  echo
  "$FOIAMINE" cite "$scanned" --db "$DB" --exhibit out/exhibit-scanned.png
else
  echo "(no OCR clause in the index yet: no scanned exhibit)"
fi

section "The web interface"
echo "Search, page images with the clause boxed, both sides of each divergence, the matrix:"
echo
echo "  $FOIAMINE serve --db $DB"
echo
echo "then open http://127.0.0.1:8080/ (loopback only; the JSON API is under /api/, see the README)"
