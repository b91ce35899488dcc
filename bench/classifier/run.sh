#!/bin/bash
# bench/classifier/run.sh WORK [OLD_FOIAMINE]
#
# The whole classifier experiment of issue 11 (README.md here): indexes the
# labeled sets with bench/eval_sets.sh (dev, real-extra-dev, corpus; never
# real-extra-heldout), then runs the grouped cross-validation for C = 1, 10,
# 100 and C = 10 with corpus/ as extra training data, over 13 groups (the
# shared dev set, and the real-extra batches merged into 12 contiguous runs;
# one group per batch, 64 groups, would take about 45 minutes per
# configuration here). With OLD_FOIAMINE (a
# foiamine built at 8799d16, before the rules were tuned on batches 11 and
# 12), it also indexes those batches' dev documents with it and scores the
# models on its rule clauses (the "fresh" test). Reports: WORK/cv/*/.
# Needs /usr/bin/python3 with python3-sklearn (Debian: apt-get install python3-sklearn).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=${1:?usage: run.sh WORK [OLD_FOIAMINE]}
OLD=${2:-}
mkdir -p "$WORK/cv"
"$ROOT/bench/eval_sets.sh" --sets corpus,dev,real-extra-dev --work "$WORK/w" --out "$WORK/o"
FRESH=()
if [ -n "$OLD" ]; then
  /usr/bin/python3 "$ROOT/bench/classifier/data.py" fresh-drop "$WORK/fresh/drop"
  "$OLD" run "$WORK/fresh/drop" --db "$WORK/fresh/index.db" --quiet
  FRESH=(--fresh "$WORK/fresh/index.db")
fi
for cfg in "1" "10" "100" "10 --corpus"; do
  set -- $cfg
  name=C$1${2:+-corpus}
  /usr/bin/python3 "$ROOT/bench/classifier/cv.py" --work "$WORK/w" --chunks 12 --C $cfg "${FRESH[@]}" --out "$WORK/cv/$name" \
    | tee "$WORK/cv/$name.log"
done
