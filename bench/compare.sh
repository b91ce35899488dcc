#!/bin/bash
# foiamine beside what a user would run instead, in one run, on the same
# inputs, median of REPS runs each (default 3), runs of the two sides
# interleaved so that load from other jobs falls on both:
#   born-digital  `foiamine run` vs `pdftotext`, two files at a time
#                 (1,200 synthetic pages: make_synthetic_drop --docs 60
#                 --pages 20 --seed 3 --scanned 0, as the acceptance check)
#   OCR           `foiamine run` vs `ocrmypdf -j 2 --sidecar` and the
#                 `tesseract` CLI page by page, two at a time, on 300-dpi
#                 gray PNGs (rasterizing them is not timed); a synthetic
#                 drop with every page scanned (seed 5, 3 x 6 pages)
#   extraction    build/bench/extract_bench on that drop's text, one and
#                 two threads (MB/s wall and per CPU second)
#   search        `foiamine search` (process start included) vs the stock
#                 `sqlite3` shell running the same FTS5 query (MATCH, bm25
#                 order, snippet, LIMIT 20) on the born-digital index
# It prints each median, pages/s and the ratios, with the load average
# (timing on a shared machine is noisy: compare ratios, not seconds).
# CER is bench/ocr_bench.sh's (against the corpus' ground truth).
#
# usage: bench/compare.sh [BUILD_DIR]        REPS=5 bench/compare.sh build
#        ONLY=born-digital bench/compare.sh  (that part alone: no extraction, search, OCR)
#        ONLY=ocr bench/compare.sh           (the OCR part alone)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
REPS=${REPS:-3}
FOIAMINE=$BUILD/foiamine
GEN=$BUILD/bench/make_synthetic_drop
[ -x "$FOIAMINE" ] && [ -x "$GEN" ] || { echo "build foiamine and bench/make_synthetic_drop first ($BUILD)"; exit 1; }
for tool in pdftotext pdftoppm sqlite3 bc; do
  command -v $tool >/dev/null || { echo "missing $tool (scripts/setup.sh installs it)"; exit 1; }
done
have() { command -v "$1" >/dev/null; }

WORK=$(mktemp -d /tmp/foiamine-compare.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { echo "scale=3; $1 / $2" | bc; }  # baseline seconds / foiamine seconds: > 1 means foiamine is faster

echo "foiamine compare: REPS=$REPS, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# --- born-digital -----------------------------------------------------------
if [ "${ONLY:-}" != ocr ]; then
"$GEN" "$WORK/born" --docs 60 --pages 20 --seed 3 --scanned 0 >/dev/null 2>&1
find "$WORK/born" -name '*.pdf' > "$WORK/born.list"
: > "$WORK/t.pdftotext"; : > "$WORK/t.run"
for r in $(seq "$REPS"); do
  t=$(now); xargs -P2 -I{} pdftotext -q {} /dev/null < "$WORK/born.list"; since "$t" >> "$WORK/t.pdftotext"
  rm -f "$WORK"/born.db*
  t=$(now); "$FOIAMINE" run "$WORK/born" --db "$WORK/born.db" --quiet >/dev/null 2>&1 || true; since "$t" >> "$WORK/t.run"
done
pages=$(sqlite3 "$WORK/born.db" "SELECT count(*) FROM pages")
p=$(median < "$WORK/t.pdftotext"); f=$(median < "$WORK/t.run")
kb=$(echo "scale=1; $(stat -c %s "$WORK/born.db") / 1024 / $pages" | bc)
echo
echo "born-digital, $pages pages:"
printf '  pdftotext -P2   %6.2f s  %6.0f pages/s\n' "$p" "$(echo "$pages / $p" | bc -l)"
printf '  foiamine run    %6.2f s  %6.0f pages/s  (index %s KB/page)\n' "$f" "$(echo "$pages / $f" | bc -l)" "$kb"
echo "  foiamine reaches $(ratio "$p" "$f") x pdftotext's pages/s (target >= 0.4, 0.6)"
if [ "${ONLY:-}" = born-digital ]; then
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi

# --- extraction ---------------------------------------------------------------
# ExtractDocument over the born-digital drop's text (realistic prose, a
# relevant clause in ~300 sentences), replicated to 20 MB, on one thread and
# on two (as a fresh run's compute threads and a re-extraction use them).
if [ -x "$BUILD/bench/extract_bench" ]; then
  echo
  echo "extraction, the born-digital drop's text (extract_bench, median of $REPS runs each):"
  for threads in 1 2; do
    line=$("$BUILD/bench/extract_bench" --mb 20 --runs "$REPS" --no-grep --only-drop --threads "$threads" \
             --drop "$WORK/born" | grep 'drop text  ')
    # columns: seconds, MB/s (wall), CPU s, MB per CPU-s, clauses
    read -r secs mbs cpus mbcpu clauses < <(echo "$line" | awk '{print $4, $5, $6, $7, $8}')
    printf '  %d thread%s  %6.2f MB/s (wall)  %6.2f MB per CPU-s  (%s clauses)\n' "$threads" \
      "$([ "$threads" = 1 ] && echo ' ' || echo s)" "$mbs" "$mbcpu" "${clauses#(}"
  done
  echo "  (target >= 20 MB/s)"
else
  echo; echo "extraction: build bench/extract_bench for it"
fi

# --- search -------------------------------------------------------------------
echo
echo "search on that index ($REPS x each query; foiamine includes process start):"
for q in detainer '"notify immigration"' policy; do
  : > "$WORK/t.fs"; : > "$WORK/t.sq"
  sql="SELECT d.sha256, p.page_no, snippet(pages_fts, 0, '[', ']', '...', 12) FROM pages_fts
       JOIN pages p ON p.id = pages_fts.rowid JOIN documents d ON d.id = p.document_id
       WHERE pages_fts MATCH '$(printf '%s' "$q" | sed "s/'/''/g")' ORDER BY bm25(pages_fts) LIMIT 20;"
  for r in $(seq "$REPS"); do
    t=$(now); "$FOIAMINE" search "$q" --db "$WORK/born.db" >/dev/null 2>&1 || true; since "$t" >> "$WORK/t.fs"
    t=$(now); sqlite3 "$WORK/born.db" "$sql" >/dev/null; since "$t" >> "$WORK/t.sq"
  done
  fs=$(median < "$WORK/t.fs"); sq=$(median < "$WORK/t.sq")
  printf '  %-22s foiamine %6.1f ms  sqlite3 %6.1f ms  ratio %s\n' "$q" "$(echo "$fs * 1000" | bc)" \
    "$(echo "$sq * 1000" | bc)" "$(ratio "$sq" "$fs")"
done

fi  # ONLY=ocr

# --- OCR ----------------------------------------------------------------------
"$GEN" "$WORK/scan" --docs 3 --pages 6 --seed 5 --scanned 1 >/dev/null 2>&1
find "$WORK/scan" -name '*.pdf' | sort > "$WORK/scan.list"
mkdir -p "$WORK/png"
n=0
while read -r pdf; do
  n=$((n + 1)); pdftoppm -r 300 -gray -png "$pdf" "$WORK/png/d$n"
done < "$WORK/scan.list"
spages=$(ls "$WORK"/png/*.png | wc -l)
: > "$WORK/t.ocr"; : > "$WORK/t.cli"; : > "$WORK/t.omp"
for r in $(seq "$REPS"); do
  rm -f "$WORK"/scan.db*
  t=$(now); "$FOIAMINE" run "$WORK/scan" --db "$WORK/scan.db" --quiet >/dev/null 2>&1 || true; since "$t" >> "$WORK/t.ocr"
  if have tesseract; then
    t=$(now)
    ls "$WORK"/png/*.png | OMP_THREAD_LIMIT=1 xargs -P 2 -I{} sh -c 'tesseract "$1" "${1%.png}" -l eng 2>/dev/null' _ {}
    since "$t" >> "$WORK/t.cli"
  fi
  if have ocrmypdf; then
    t=$(now)
    while read -r pdf; do
      ocrmypdf -q -j 2 --force-ocr --sidecar "$WORK/side.txt" "$pdf" "$WORK/out.pdf" >/dev/null 2>&1 || true
    done < "$WORK/scan.list"
    since "$t" >> "$WORK/t.omp"
  fi
done
o=$(median < "$WORK/t.ocr")
echo
echo "OCR, $spages scanned pages:"
printf '  foiamine run    %6.2f s  %5.2f pages/s\n' "$o" "$(echo "$spages / $o" | bc -l)"
if [ -s "$WORK/t.cli" ]; then
  c=$(median < "$WORK/t.cli")
  printf '  tesseract CLI   %6.2f s  (page by page, 2 at a time)  foiamine %s x its speed\n' "$c" "$(ratio "$c" "$o")"
else
  echo "  tesseract CLI: not installed"
fi
if [ -s "$WORK/t.omp" ]; then
  m=$(median < "$WORK/t.omp")
  printf '  ocrmypdf -j 2   %6.2f s  foiamine %s x its speed (target >= 2.5)\n' "$m" "$(ratio "$m" "$o")"
else
  echo "  ocrmypdf: not installed"
fi
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
