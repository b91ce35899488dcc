#!/bin/bash
# robustness.sh [--variants a,b,...] [--split dev] [--work DIR] [--bin FOIAMINE]
#
# Does extraction survive the way a document is laid out? The documents of
# one split of eval/real-extra (default: dev; never tune on heldout) are
# written again as metamorphic variants that keep every word
# (bench/robustness_variants.py: original, reflow, hyphen, pages, scanned),
# each variant is indexed with `foiamine run` and scored with `foiamine eval
# --set`, and the table shows how far each variant falls from the original.
# A drop names a layout or OCR weakness: the same words, read differently.
#
# --variants  comma-separated (default original,reflow,hyphen,pages,scanned);
#             `scanned` needs ps2pdf and gs (ghostscript) and OCRs every page
#             (~100 s for the 101-document dev split on 2 cores)
# --split     the split of eval/real-extra/split.tsv (default dev)
# --work      keep the variants and indexes here (default: a temporary
#             directory, removed at exit); a second run re-extracts only
# --bin       the foiamine binary (default $FOIAMINE, else build/foiamine)
# Exit: 0 every variant scored, 1 a variant failed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VARIANTS=original,reflow,hyphen,pages,scanned
SPLIT=dev WORK='' BIN=${FOIAMINE:-$ROOT/build/foiamine}
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 1; }
while [ $# -gt 0 ]; do
  case $1 in
    --variants) VARIANTS=${2:?--variants needs a value}; shift 2 ;;
    --split) SPLIT=${2:?--split needs a value}; shift 2 ;;
    --work) WORK=${2:?--work needs a directory}; shift 2 ;;
    --bin) BIN=${2:?--bin needs a path}; shift 2 ;;
    -h|--help) usage ;;
    *) echo "robustness.sh: unknown argument $1" >&2; usage ;;
  esac
done
[ -x "$BIN" ] || { echo "robustness.sh: no foiamine binary at $BIN (build it, or give --bin)" >&2; exit 1; }
DOCS=$ROOT/eval/real-extra/docs LABELS=$ROOT/eval/real-extra/labels
[ -f "$ROOT/eval/real-extra/split.tsv" ] || { echo "robustness.sh: skipped: eval/real-extra/split.tsv absent"; exit 0; }
if [ -z "$WORK" ]; then
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/foiamine-robustness.XXXXXX")
  trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK"

failed=0
printf '%-10s %7s %7s %6s %6s\n' variant "clause P" R found labels
for variant in ${VARIANTS//,/ }; do
  dir=$WORK/$SPLIT-$variant
  if [ ! -d "$dir/drop" ]; then
    python3 "$ROOT/bench/robustness_variants.py" "$variant" "$DOCS" "$LABELS" "$SPLIT" "$dir" >/dev/null ||
      { echo "$variant: FAILED to write the variant"; failed=1; continue; }
  fi
  rc=0
  "$BIN" run "$dir/drop" --db "$dir/index.db" --quiet --force extract </dev/null >"$dir/run.log" 2>&1 || rc=$?
  { [ "$rc" -eq 0 ] || [ "$rc" -eq 2 ]; } || { echo "$variant: FAILED: foiamine run exited $rc"; failed=1; continue; }
  rm -f "$dir/summary.jsonl"
  "$BIN" eval --db "$dir/index.db" --labels "$dir/labels" --set "$SPLIT-$variant" --verbose \
    --summary "$dir/summary.jsonl" >"$dir/eval.txt" 2>&1 || { echo "$variant: FAILED: $(tail -1 "$dir/eval.txt")"; failed=1; continue; }
  jq -r '[.set, .clauses.P, .clauses.R, .clauses.found, .clauses.labels] | @tsv' "$dir/summary.jsonl" |
    awk -F'\t' -v v="$variant" '{ printf "%-10s %7.3f %7.3f %6s %6s\n", v, $2, $3, $4, $5 }'
done
echo "(misses and false clauses per variant: $WORK/$SPLIT-<variant>/eval.txt)"
exit "$failed"
