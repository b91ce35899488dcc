#!/bin/bash
# search_index.sh BUILD_DIR WORK_DIR [DOCS] [SHARDS] [SEED]
#
# Builds the large index the search-latency benchmark runs on: a synthetic
# drop of DOCS documents x 20 pages (default 5000 -> 100,000 pages; no
# scanned pages, so OCR does not dominate the build), indexed as SHARDS
# shards side by side (`foiamine run --shard K/N`, one process per core),
# combined with `foiamine merge` — the scale-out path of deploy/slurm on one
# machine. Then runs build/bench/search_bench on the merged index.
# Prints wall time and peak RSS of each step. Needs ~4 GB of disk per
# 100,000 pages (bench/README.md).
set -euo pipefail
BUILD=${1:?usage: search_index.sh BUILD_DIR WORK_DIR [DOCS] [SHARDS] [SEED]}
WORK=${2:?work dir}
DOCS=${3:-5000}
SHARDS=${4:-2}
SEED=${5:-7}
BIN=$(realpath "$BUILD/foiamine")
mkdir -p "$WORK"
cd "$WORK"
if [ ! -d drop ]; then
  /usr/bin/time -f "generate: %e s, peak RSS %M KB" "$BUILD/bench/make_synthetic_drop" drop --docs "$DOCS" --pages 20 \
    --scanned 0 --seed "$SEED"
fi
rm -f shard-*.db* index.db*
pids=()
for ((k = 0; k < SHARDS; k++)); do
  /usr/bin/time -f "shard $k/$SHARDS: %e s, peak RSS %M KB" "$BIN" run drop --db "shard-$k.db" --shard "$k/$SHARDS" \
    --jobs 1 --quiet >"run-$k.out" 2>"run-$k.err" &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || { echo "a shard failed: see $WORK/run-*.err" >&2; exit 1; }; done
tail -n1 run-*.err
/usr/bin/time -f "merge: %e s, peak RSS %M KB" "$BIN" merge shard-*.db --into index.db
"$BIN" status --db index.db | head -5
"$BUILD/bench/search_bench" index.db --runs "${RUNS:-100}"
