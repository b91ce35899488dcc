#!/bin/bash
# batch_bench.sh BUILD_DIR DOCS PAGES [WORK_DIR] [SEED]
#
# One row of the batch table in bench/README.md: generates a synthetic drop
# of DOCS documents x PAGES pages (bench/make_synthetic_drop, ~1% scanned),
# then measures with /usr/bin/time -v:
#   full       foiamine run DROP --db INDEX.db          (empty index)
#   unchanged  the same command again                    (target <= 2% of full)
#   +10 docs   after adding 10 new documents to the drop
# and the peak RSS of each. Prints a Markdown table row.
set -euo pipefail
BUILD=${1:?usage: batch_bench.sh BUILD_DIR DOCS PAGES [WORK_DIR] [SEED]}
DOCS=${2:?docs}
PAGES=${3:?pages}
WORK=${4:-/tmp/foiamine-bench-$DOCS-$PAGES}
SEED=${5:-1}
BIN=$BUILD/foiamine
GEN=$BUILD/bench/make_synthetic_drop
rm -rf "$WORK"; mkdir -p "$WORK"

measure() {  # measure NAME cmd...: sets <NAME>_wall (s) and <NAME>_rss (MiB)
  local name=$1; shift
  /usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || [ $? -eq 2 ]
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/{printf "%.0f", $2/1024}' "$WORK/$name.time")
  printf -v "${name}_wall" '%s' "$wall"
  printf -v "${name}_rss" '%s' "$rss"
}

t0=$(date +%s.%N)
"$GEN" "$WORK/drop" --docs "$DOCS" --pages "$PAGES" --seed "$SEED" >"$WORK/gen.out"
gen_wall=$(echo "$(date +%s.%N) - $t0" | bc)
measure full "$BIN" run "$WORK/drop" --db "$WORK/index.db" --quiet
measure again "$BIN" run "$WORK/drop" --db "$WORK/index.db" --quiet
"$GEN" "$WORK/drop" --docs 10 --pages "$PAGES" --seed "$SEED" --first "$DOCS" >>"$WORK/gen.out"
measure add10 "$BIN" run "$WORK/drop" --db "$WORK/index.db" --quiet
pages=$((DOCS * PAGES))
ratio=$(echo "scale=4; 100 * $again_wall / $full_wall" | bc)
rate=$(echo "scale=0; $pages / $full_wall" | bc)
size=$(du -m "$WORK/index.db" | cut -f1)
echo "generated: $(head -1 "$WORK/gen.out") in ${gen_wall}s" >&2
echo "| docs | pages | full run | pages/s | re-run unchanged | % of full | +10 docs | peak RSS full / unchanged / +10 | index |"
echo "|---|---|---|---|---|---|---|---|---|"
echo "| $DOCS | $pages | ${full_wall} s | $rate | ${again_wall} s | ${ratio}% | ${add10_wall} s | ${full_rss} / ${again_rss} / ${add10_rss} MiB | ${size} MB |"
