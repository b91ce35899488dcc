#!/bin/bash
# OCR benchmark (not a unit test): foiamine's OCR against
#   (a) the `tesseract` CLI page by page, two at a time, OMP_THREAD_LIMIT=1
#       (the floor: sum of single-thread page times / cores), and
#   (b) `ocrmypdf -j 2 --sidecar`,
# on the same scanned pages, in one run: wall time, pages/s, ratios, CER
# against ground truth. Also foiamine with OpenMP left on (OMP_THREAD_LIMIT
# large) to show why foiamine holds it to one thread, and with --jobs 1.
#
# Input: the corpus' scanned PDFs (10 pages; ground truth in corpus/truth),
# merged into one image-only PDF with qpdf. foiamine and ocrmypdf read that
# PDF; the CLI reads the same pages rasterized at 300 dpi gray by pdftoppm
# (rasterization not timed: it is the CLI's input preparation).
#
# usage: bench/ocr_bench.sh [BUILD_DIR] [CORPUS_DIR]
#   defaults: ./build and ./corpus (or ../wt-corpus/corpus, $FOIAMINE_CORPUS_DIR)
#   REPS=3 bench/ocr_bench.sh   repeats each measurement, reports medians
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
CORPUS=${2:-${FOIAMINE_CORPUS_DIR:-$ROOT/corpus}}
[ -d "$CORPUS/truth" ] || CORPUS=$ROOT/../wt-corpus/corpus
[ -d "$CORPUS/truth" ] || { echo "no corpus with truth/ found (give CORPUS_DIR)"; exit 1; }
REPS=${REPS:-1}
FOIAMINE=$BUILD/foiamine
CER="/usr/bin/python3 $HERE/cer.py"
for tool in tesseract ocrmypdf pdftoppm qpdf sqlite3; do
  command -v $tool >/dev/null || { echo "missing $tool (scripts/setup.sh installs it)"; exit 1; }
done

WORK=$(mktemp -d /tmp/foiamine-ocr-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
SCANS=(law/council-act-23-621-scan.pdf policies/mpd-go-ops-201-26-2021-scan.pdf
       policies/doc-aviso-inmigracion-es-scan.pdf practice/iru-release-desk-log-2023-06-scan.pdf
       practice/judiciary-committee-hearing-2024-03-07-scan.pdf)
args=()
: > "$WORK/truth.txt"
first=1
for s in "${SCANS[@]}"; do
  args+=("$CORPUS/drop/$s")
  t=$(cat "$CORPUS/truth/$s.txt"; printf x); t=${t%x}; t=${t%$'\f'}
  if [ $first = 0 ]; then printf '\f' >> "$WORK/truth.txt"; fi
  printf '%s' "$t" >> "$WORK/truth.txt"; first=0
done
mkdir -p "$WORK/drop"
qpdf --warning-exit-0 --no-warn --empty --pages "${args[@]}" -- "$WORK/drop/scans.pdf"
PAGES=$(qpdf --show-npages "$WORK/drop/scans.pdf")
pdftoppm -r 300 -gray -png "$WORK/drop/scans.pdf" "$WORK/page"
echo "OCR benchmark: $PAGES scanned pages ($(nproc) cores, tesseract $(tesseract --version 2>&1 | head -1 | cut -d' ' -f2), ocrmypdf $(ocrmypdf --version)), REPS=$REPS"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }

# foiamine: a fresh index each time (no OCR cache); words as OCR read them.
run_foiamine() {  # $1 label, rest: env / args
  local label=$1; shift
  local times=()
  for r in $(seq "$REPS"); do
    rm -f "$WORK"/f.db*
    local t0; t0=$(now)
    env "$@" --quiet --db "$WORK/f.db" >/dev/null
    times+=("$(echo "$(now) - $t0" | bc)")
  done
  # The words as OCR read them, a page a line (page_words is a BLOB: foiamine decodes it).
  "$FOIAMINE" pages --db "$WORK/f.db" --json --words \
    | python3 -c 'import json, sys; print("\n".join(" ".join(w[0] for w in json.loads(l)["words"]) for l in sys.stdin))' \
    | awk 'NR>1 {printf "\f"} {print}' > "$WORK/out-$label.txt"
  printf '%s\n' "${times[@]}" | median
}
run_cli() {
  local times=()
  for r in $(seq "$REPS"); do
    rm -f "$WORK"/page-*.txt
    local t0; t0=$(now)
    ls "$WORK"/page-*.png | OMP_THREAD_LIMIT=1 xargs -P 2 -I{} sh -c 'tesseract "$1" "${1%.png}" -l eng 2>/dev/null' _ {}
    times+=("$(echo "$(now) - $t0" | bc)")
  done
  for f in $(ls "$WORK"/page-*.txt | sort -V); do cat "$f"; printf '\f'; done > "$WORK/out-cli.txt"
  printf '%s\n' "${times[@]}" | median
}
run_ocrmypdf() {
  local times=()
  for r in $(seq "$REPS"); do
    local t0; t0=$(now)
    ocrmypdf -q -j 2 -l eng --sidecar "$WORK/out-ocrmypdf.txt" "$WORK/drop/scans.pdf" "$WORK/ocrmypdf.pdf" 2>/dev/null
    times+=("$(echo "$(now) - $t0" | bc)")
  done
  printf '%s\n' "${times[@]}" | median
}

T_CLI=$(run_cli)
T_OCRMYPDF=$(run_ocrmypdf)
T_F2=$(run_foiamine f2 "$FOIAMINE" run "$WORK/drop" --jobs 2)
T_F1=$(run_foiamine f1 "$FOIAMINE" run "$WORK/drop" --jobs 1)
T_OMP=$(run_foiamine omp OMP_THREAD_LIMIT=1024 "$FOIAMINE" run "$WORK/drop" --jobs 2)
OMP_SEEN=$(env -u OMP_THREAD_LIMIT "$FOIAMINE" __omp-thread-limit)

row() {  # label seconds cer-file
  local cer; cer=$($CER "$WORK/truth.txt" "$3" 2>/dev/null)
  printf '%-52s %8.1f s %7.2f pages/s %8.2fx floor %7.2fx ocrmypdf  CER %6.2f%%\n' "$1" "$2" \
    "$(echo "$PAGES / $2" | bc -l)" "$(echo "$T_CLI / $2" | bc -l)" "$(echo "$T_OCRMYPDF / $2" | bc -l)" "$cer"
}
echo
echo "(pages/s ratios: >1 is faster than the reference)"
row "tesseract CLI, page by page, 2 at a time (floor)" "$T_CLI" "$WORK/out-cli.txt"
row "ocrmypdf -j 2 --sidecar" "$T_OCRMYPDF" "$WORK/out-ocrmypdf.txt"
row "foiamine run --jobs 2" "$T_F2" "$WORK/out-f2.txt"
row "foiamine run --jobs 1" "$T_F1" "$WORK/out-f1.txt"
row "foiamine run --jobs 2, OpenMP left on (LIMIT=1024)" "$T_OMP" "$WORK/out-omp.txt"
echo
echo "OpenMP: foiamine started without OMP_THREAD_LIMIT sees omp_get_thread_limit() = $OMP_SEEN (re-exec);"
echo "        held to 1 thread it runs $(echo "$T_OMP / $T_F2" | bc -l | xargs printf '%.2f')x faster than with OpenMP left on."
