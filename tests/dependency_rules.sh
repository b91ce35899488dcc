#!/bin/bash
# The dependency rules of ARCHITECTURE.md "Layout", checked on the #include
# lines of the source tree (run by CTest as `dependency_rules`):
#   base/       includes nothing of ours outside base/
#   index/      includes only base/ and index/        (both sides depend on it; it on neither)
#   render/     includes only base/ and render/       (the page renderer both sides link)
#   extractors/ includes only base/ and extractors/, and no SQLite, Poppler, Tesseract,
#               Leptonica, libarchive or cairo header  (pure text -> findings)
#   search/     includes no pipeline/ or cli/         (the query side never needs the batch side)
#   pipeline/   includes no search/ or cli/
# and the query library links without Tesseract, Poppler, Leptonica, cairo
# or libarchive: query_link_check (tests/query_link_check.cc) links
# foiamine_query alone; its link command (LINK_TXT, from CMake's Makefiles)
# must name none of them, and its binary must need none of them.
# Usage: dependency_rules.sh SOURCE_DIR [QUERY_LINK_CHECK_BINARY [LINK_TXT]]
set -u
src=${1:?usage: dependency_rules.sh SOURCE_DIR [QUERY_LINK_CHECK_BINARY]}
bin=${2:-}
link_txt=${3:-}
cd "$src" || exit 1
fail=0

# forbid DIR REGEX WHY: no file under DIR may have an #include matching REGEX.
forbid() {
  local dir=$1 regex=$2 why=$3 hits
  hits=$(grep -rnE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($regex)" "$dir" --include='*.h' --include='*.cc' 2>/dev/null)
  if [ -n "$hits" ]; then
    echo "FAIL: $dir/ $why:"
    echo "$hits" | sed 's/^/  /'
    fail=1
  fi
}

forbid base '(index|extractors|pipeline|search|cli|render)/' "must include nothing of ours outside base/"
forbid index '(extractors|pipeline|search|cli|render)/' "must depend on base/ only (both sides depend on it)"
forbid render '(index|extractors|pipeline|search|cli)/' "must depend on base/ only (both sides link it)"
forbid render 'tesseract/|archive\.h|archive_entry\.h|sqlite3\.h' "(the page renderer) must not use Tesseract, libarchive or SQLite"
forbid extractors '(index|pipeline|search|cli|render)/' "must stay pure (base/ and extractors/ only)"
forbid extractors 'sqlite3\.h|poppler/|tesseract/|leptonica/|archive\.h|archive_entry\.h|cairo' \
  "must not include SQLite, Poppler, Tesseract, Leptonica, libarchive or cairo"
forbid search '(pipeline|cli)/' "(the query side) must not include the batch side or the CLI"
forbid search 'tesseract/|archive\.h|archive_entry\.h' "(the query side) must not use Tesseract or libarchive directly"
forbid pipeline '(search|cli)/' "(the batch side) must not include the query side or the CLI"
forbid serve '(pipeline|cli)/' "(the web server, query side) must not include the batch side or the CLI"
forbid serve 'tesseract/|archive\.h|archive_entry\.h' "(the web server) must not use Tesseract or libarchive directly"

if [ -n "$bin" ]; then
  if ! command -v readelf >/dev/null; then
    echo "readelf is missing: cannot check $bin"
    fail=1
  else
    needed=$(readelf -d "$bin" | grep -E 'NEEDED' | grep -oE '\[[^]]+\]')
    bad=$(echo "$needed" | grep -E 'tesseract|poppler|archive|lept|cairo')
    if [ -n "$bad" ]; then
      echo "FAIL: the query library (foiamine_query) pulls in: $bad"
      fail=1
    fi
  fi
fi

if [ -n "$link_txt" ] && [ -f "$link_txt" ]; then
  bad=$(tr ' ' '\n' <"$link_txt" | grep -E 'tesseract|poppler|archive|lept|cairo|foiamine_(pipeline|zip|cite|render)')
  if [ -n "$bad" ]; then
    echo "FAIL: the query library's link command names:" $bad
    fail=1
  fi
fi

# The web server (foiamine_serve) links the query side and the exhibit
# renderer, never the batch side: SERVE_LINK_TXT is serve_link_check's link
# command, SERVE_BIN its binary.
if [ -n "${SERVE_LINK_TXT:-}" ] && [ -f "$SERVE_LINK_TXT" ]; then
  bad=$(tr ' ' '\n' <"$SERVE_LINK_TXT" | grep -E 'tesseract|foiamine_pipeline')
  if [ -n "$bad" ]; then
    echo "FAIL: the web server's link command names:" $bad
    fail=1
  fi
fi
if [ -n "${SERVE_BIN:-}" ] && command -v readelf >/dev/null; then
  bad=$(readelf -d "$SERVE_BIN" | grep -E 'NEEDED' | grep -oE '\[[^]]+\]' | grep -E 'tesseract|gomp')
  if [ -n "$bad" ]; then
    echo "FAIL: the web server (foiamine_serve) pulls in: $bad"
    fail=1
  fi
fi

[ $fail -eq 0 ] && echo "dependency rules hold"
exit $fail
