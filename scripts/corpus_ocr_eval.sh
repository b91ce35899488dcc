#!/bin/bash
# Scores the clause extractor on Tesseract OCR of the corpus's scanned
# documents instead of their printed truth: OCRs every scanned PDF / page image
# of corpus/drop (250 dpi gray, --psm 1 for rotated pages, spa+eng for the
# Spanish notice) into a copy of corpus/ and runs the corpus evaluation test
# on it through $FOIAMINE_CORPUS_DIR.
#   scripts/corpus_ocr_eval.sh [BUILD_DIR]     (default: build)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
cp -r "$ROOT/corpus/truth" "$ROOT/corpus/labels" "$OUT/"
mkdir -p "$OUT/drop" && cp "$ROOT/corpus/drop/manifest.csv" "$OUT/drop/"
export OMP_THREAD_LIMIT=1
cd "$ROOT/corpus/drop"
for rel in $(find . -name '*-scan.pdf' -o -name '*.png' | sed 's|^\./||' | sort); do
  pages=$(mktemp -d)
  lang=eng; grep -q ',es,\|-es-' <<<"$rel" && lang=spa+eng
  case $rel in
    *.png) cp "$rel" "$pages/p-1.png" ;;
    *) pdftoppm -r 250 -gray -png "$rel" "$pages/p" ;;
  esac
  out="$OUT/truth/$rel.txt"; : >"$out"; first=1
  for img in $(ls "$pages"/p-*.png | sort -V); do
    [[ $first == 1 ]] || printf '\f' >>"$out"
    first=0
    tesseract "$img" - -l "$lang" --psm 1 2>/dev/null >>"$out"
  done
  rm -rf "$pages"
  echo "OCR: $rel"
done
FOIAMINE_CORPUS_DIR="$OUT" "$BUILD/tests/foiamine_tests" "corpus truth*"
