#!/bin/bash
# formats_bench.sh BUILD_DIR [N] [WORK_DIR]
#
# Throughput of each non-PDF format (issue 16): generates N documents of each
# (bench/make_formats_drop.py: .eml with a quoted reply and an attachment,
# .docx with Word numbering, .html, a 40-row .csv log, the same log as
# .xlsx), indexes each format's folder into a fresh index with
# `foiamine run --jobs 1 --quiet`, and prints a Markdown table: documents,
# wall seconds, documents/s, clauses found. An e-mail's attachment is a
# document of its own: the eml row counts files (messages), its clauses
# include the attachments'.
set -euo pipefail
BUILD=${1:?usage: formats_bench.sh BUILD_DIR [N] [WORK_DIR]}
N=${2:-500}
WORK=${3:-/tmp/foiamine-formats-bench-$N}
BIN=$BUILD/foiamine
rm -rf "$WORK"; mkdir -p "$WORK"
python3 "$(dirname "$0")/make_formats_drop.py" "$WORK/drop" "$N"
echo "| format | documents | wall (s) | documents/s | clauses |"
echo "|---|---|---|---|---|"
for fmt in eml docx html csv xlsx; do
  t0=$(date +%s.%N)
  rc=0; "$BIN" run "$WORK/drop/$fmt" --db "$WORK/$fmt.db" --jobs 1 --quiet >"$WORK/$fmt.out" 2>&1 || rc=$?
  wall=$(echo "$(date +%s.%N) - $t0" | bc)
  [ "$rc" -eq 0 ] || { echo "$fmt: run exited $rc (see $WORK/$fmt.out)" >&2; exit 1; }
  clauses=$(sqlite3 "$WORK/$fmt.db" "SELECT count(*) FROM clauses")
  printf '| %s | %d | %.2f | %.0f | %d |\n' "$fmt" "$N" "$wall" "$(echo "$N / $wall" | bc -l)" "$clauses"
done
