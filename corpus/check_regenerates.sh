#!/bin/bash
# CTest corpus_regenerates: runs the generator into a scratch directory and
# checks that it reproduces the committed drop's text: the truth files, the
# manifest and .txt/.csv/.eml/.html/.docx/.xlsx files byte for byte, the text layer of every born-digital
# PDF (pdftotext), and the set of files.
#   check_regenerates.sh GENERATOR_BINARY CORPUS_DIR
set -euo pipefail
gen="$1"; corpus="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$gen" "$corpus/sources" "$tmp/drop" "$tmp/truth" >/dev/null
status=0
diff <(cd "$corpus/drop" && find . -type f | sort) <(cd "$tmp/drop" && find . -type f | sort) \
  || { echo "FAIL: the set of files in drop/ differs"; status=1; }
diff -r "$corpus/truth" "$tmp/truth" >/dev/null || { echo "FAIL: truth/ differs"; diff -r "$corpus/truth" "$tmp/truth" | head -20; status=1; }
while IFS= read -r f; do
  case "$f" in
    *.pdf)
      a="$(pdftotext "$corpus/drop/$f" - 2>/dev/null)"; b="$(pdftotext "$tmp/drop/$f" - 2>/dev/null)"
      [ "$a" == "$b" ] || { echo "FAIL: text layer of $f differs"; status=1; } ;;
    *.txt|*.csv|*.eml|*.html|*.docx|*.xlsx)
      cmp -s "$corpus/drop/$f" "$tmp/drop/$f" || { echo "FAIL: $f differs"; status=1; } ;;
  esac
done < <(cd "$corpus/drop" && find . -type f | sed 's#^\./##' | sort)
[ $status -eq 0 ] && echo "corpus regenerates: OK"
exit $status
