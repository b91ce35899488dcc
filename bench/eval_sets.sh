#!/bin/bash
# eval_sets.sh [--sets a,b,...] [--work DIR] [--out DIR] [--bin FOIAMINE] [--reextract] [--verbose]
#
# Scores extraction on every labeled set in one run (ARCHITECTURE "Measuring
# extraction"): for each set, its documents are copied into a drop, indexed
# with `foiamine run`, and scored with `foiamine eval --set` (the rule of
# ../shared/checks/lib/eval.py, per topic, stance and genre; search/set_score.h).
#
# Sets (relative to the repository root; an absent one prints
# "skipped: <path> absent" and the others go on):
#   corpus              corpus/drop, corpus/labels (run with --lang eng+spa)
#   dev                 ../shared/eval/immigration-real-dev/{docs,labels}
#   real-extra-dev      eval/real-extra/{docs,labels}, the documents split.tsv
#   real-extra-heldout    marks dev / heldout; each split indexed and scored alone
#
# --sets     only these (comma-separated names); default: all
# --work     keep the drops and indexes in DIR and reuse them on the next run:
#            foiamine redoes only what changed (after a rulebook edit, only
#            extraction), so re-scoring takes seconds. Default: a temporary
#            directory, removed at exit.
# --out      where the reports go (default build/eval-sets): SET.txt (every
#            miss and false clause), summary.jsonl (one JSON line per set, with
#            the commit; compare two runs with jq or diff)
# --bin      the foiamine binary (default $FOIAMINE, else build/foiamine)
# --reextract  redo extraction in reused indexes (`run --force extract`): needed
#            after a change to the extractors' code, which, unlike a rulebook
#            edit, no stage version records
# --verbose  print every miss and false clause here too
# FOIAMINE_CLAUSE_VERIFIER=none scores the rules alone (the clause verifier,
#            schemas/clause_verifier.tsv, is trained on corpus, dev and the
#            real-extra dev rows: with it their figures are in-sample)
# Exit: 0 every present set scored, 1 a set failed (run or eval error).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SETS=corpus,dev,real-extra-dev,real-extra-heldout
WORK='' OUT=$ROOT/build/eval-sets BIN=${FOIAMINE:-$ROOT/build/foiamine} VERBOSE='' FORCE=''
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 1; }
while [ $# -gt 0 ]; do
  case $1 in
    --sets) SETS=${2:?--sets needs a value}; shift 2 ;;
    --work) WORK=${2:?--work needs a directory}; shift 2 ;;
    --out) OUT=${2:?--out needs a directory}; shift 2 ;;
    --bin) BIN=${2:?--bin needs a path}; shift 2 ;;
    --verbose) VERBOSE=1; shift ;;
    --reextract) FORCE='--force extract'; shift ;;
    -h|--help) usage ;;
    *) echo "eval_sets.sh: unknown argument $1" >&2; usage ;;
  esac
done

# name | documents folder | labels folder | split ("" = all) | extra `run` options
set_table() {
  cat <<EOF
corpus|corpus/drop|corpus/labels||--lang eng+spa
dev|../shared/eval/immigration-real-dev/docs|../shared/eval/immigration-real-dev/labels||
real-extra-dev|eval/real-extra/docs|eval/real-extra/labels|dev|
real-extra-heldout|eval/real-extra/docs|eval/real-extra/labels|heldout|
EOF
}

for want in ${SETS//,/ }; do
  set_table | grep -q "^$want|" || { echo "eval_sets.sh: no set named $want ($(set_table | cut -d'|' -f1 | paste -sd' '))" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "eval_sets.sh: no foiamine binary at $BIN (build it, or give --bin)" >&2; exit 1; }
command -v jq >/dev/null || { echo "eval_sets.sh: needs jq (scripts/setup.sh installs it)" >&2; exit 1; }
if [ -z "$WORK" ]; then
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/foiamine-eval-sets.XXXXXX")
  trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK" "$OUT"
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
SUMMARY=$OUT/summary.jsonl
: >"$SUMMARY"
COMMIT=$(git -C "$ROOT" rev-parse --short=12 HEAD 2>/dev/null || echo none)
[ -z "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ] || COMMIT+="+dirty"

# fill_drop DOCS DROP SPLIT: DROP gets DOCS' files (hard links when possible),
# or only those split.tsv (next to DOCS) lists under SPLIT.
fill_drop() {
  local docs=$1 drop=$2 split=$3 path name rel n=0
  rm -rf "$drop"; mkdir -p "$drop"
  if [ -z "$split" ]; then
    cp -rl "$docs/." "$drop/" 2>/dev/null || { rm -rf "$drop"; cp -r "$docs" "$drop"; }
    return
  fi
  while IFS=$'\t' read -r path name || [ -n "$path" ]; do
    path=${path%$'\r'}; name=${name%$'\r'}; name=${name// /}
    [ "$name" = "$split" ] || continue
    rel=${path#docs/}
    [ -f "$docs/$rel" ] || { echo "split.tsv lists $path, absent from $docs" >&2; return 1; }
    mkdir -p "$drop/$(dirname "$rel")"
    ln "$docs/$rel" "$drop/$rel" 2>/dev/null || cp "$docs/$rel" "$drop/$rel"
    n=$((n + 1))
  done <"$(dirname "$docs")/split.tsv"
  [ "$n" -gt 0 ] || { echo "split.tsv lists no document of split $split" >&2; return 1; }
}

# score NAME DOCS LABELS SPLIT RUN_OPTS: prints the set's report; 0 scored, 1 failed, 2 skipped.
score() {
  local name=$1 docs=$2 labels=$3 split=$4 run_opts=$5 dir=$WORK/$1 t0 rc=0
  for need in "$docs" "$labels/clauses.jsonl" ${split:+"$(dirname "$docs")/split.tsv"}; do
    [ -e "$need" ] || { echo "== $name: skipped: $need absent"; return 2; }
  done
  t0=$(date +%s)
  mkdir -p "$dir"
  fill_drop "$docs" "$dir/drop" "$split" 2>"$dir/drop.err" || { echo "== $name: FAILED: $(tail -1 "$dir/drop.err")"; return 1; }
  # shellcheck disable=SC2086  # run_opts is a list of options
  "$BIN" run "$dir/drop" --db "$dir/index.db" --quiet $run_opts $FORCE </dev/null >"$dir/run.log" 2>&1 || rc=$?
  # 0 all processed, 2 some inputs failed (reported below); 1 (a fatal error: a rulebook that does not load) and 3 fail the set
  { [ "$rc" -eq 0 ] || [ "$rc" -eq 2 ]; } || { echo "== $name: FAILED: foiamine run exited $rc: $(tail -1 "$dir/run.log")"; return 1; }
  local eval_args=(eval --db "$dir/index.db" --labels "$labels" --set "$name" ${split:+--split "$split"})
  "$BIN" "${eval_args[@]}" --verbose --summary "$dir/summary.jsonl.new" >"$OUT/$name.txt" 2>"$dir/eval.err" ||
    { echo "== $name: FAILED: $(tail -1 "$dir/eval.err")"; return 1; }
  jq -c --arg commit "$COMMIT" --arg secs "$(($(date +%s) - t0))" '. + {commit: $commit, seconds: ($secs | tonumber)}' \
    "$dir/summary.jsonl.new" >>"$SUMMARY"
  rm -f "$dir/summary.jsonl.new"
  if [ -n "$VERBOSE" ]; then cat "$OUT/$name.txt"; else "$BIN" "${eval_args[@]}"; fi
  [ "$rc" -eq 0 ] || echo "  (foiamine run exited 2: some inputs failed; $dir/run.log)"
}

cd "$ROOT"
failed=0
while IFS='|' read -r name docs labels split run_opts; do
  [[ ",$SETS," == *",$name,"* ]] || continue
  rc=0; score "$name" "$docs" "$labels" "$split" "$run_opts" || rc=$?
  [ "$rc" -ne 1 ] || failed=1
  echo
done < <(set_table)

printf '%-20s %7s %7s %6s %6s   %6s %6s   %8s   (reports: %s)\n' set "clause P" R found labels pairs false sections "$OUT"
jq -r '[.set, (.clauses.P // "-"), (.clauses.R // "-"), .clauses.found, .clauses.labels,
        "\(.pairs.matched)/\(.pairs.expected)", .pairs.found - .pairs.matched, (.sections.rate // "-")] | @tsv' "$SUMMARY" |
  awk -F'\t' '{ for (i = 2; i <= 3; i++) if ($i != "-") $i = sprintf("%.3f", $i)
                if ($8 != "-") $8 = sprintf("%.3f", $8)
                printf "%-20s %7s %7s %6s %6s   %6s %6s   %8s\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
# corpus, dev and real-extra-dev are the clause verifier's training data
# (bench/classifier/README.md): with it their figures are in-sample.
if [ "${FOIAMINE_CLAUSE_VERIFIER:-}" = none ]; then
  echo "(rules alone: FOIAMINE_CLAUSE_VERIFIER=none)"
else
  echo "(rules + clause verifier; corpus, dev and real-extra-dev are its training data, so their figures are in-sample:"
  echo " score a rule change with FOIAMINE_CLAUSE_VERIFIER=none, and the verifier by its held-out figures)"
fi
exit "$failed"
