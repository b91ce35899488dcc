#!/bin/bash
# Installs every Debian package foiamine's build, tests, demo and corpus
# generator need. Idempotent; run as root (or with sudo) on Debian 12.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake pkg-config git python3
  # PDF text layer + rendering (poppler-cpp); pdftotext/pdftoppm for checks
  libpoppler-cpp-dev poppler-utils
  # Poppler's core API: the text stage reads filled (redaction) rectangles in the same
  # pass as the text layer (render/pdf_layer.h explains the choice over qpdf)
  libpoppler-private-dev
  # OCR: Tesseract C++ API, Leptonica, languages + orientation detection
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-eng
  tesseract-ocr-spa tesseract-ocr-osd
  # benchmark peer: ocrmypdf (bench/ocr_bench.sh compares against it)
  ocrmypdf bc
  # Unicode normalization, sentence breaks
  libicu-dev
  # rulebook matching
  libre2-dev
  # the binary's malloc (tcmalloc_minimal): about 7% off a born-digital run's CPU (CMakeLists.txt)
  libgoogle-perftools-dev
  # the index (FTS5 is built into Debian's SQLite)
  libsqlite3-dev sqlite3
  # tests
  catch2
  # bench/eval_sets.sh and its floor test read the JSON summaries
  jq
  # command line, JSON output, rulebook YAML, SHA-256, ZIP drops, law XML
  libcli11-dev nlohmann-json3-dev libyaml-cpp-dev libssl-dev libarchive-dev
  libpugixml-dev
  # e-mail and mailboxes (GMime 3: MIME, charsets, RFC 2047 headers); web
  # pages (gumbo: the HTML5 parsing algorithm). .docx/.xlsx use libarchive + pugixml.
  libgmime-3.0-dev libgumbo-dev
  # tests: qpdf makes an encrypted PDF for the bad-input tests
  qpdf
  # corpus generator (born-digital PDFs) and the memo / exhibit bundle PDFs:
  # cairo + pango, with the Liberation and DejaVu fonts they are set in
  libcairo2-dev libpango1.0-dev fonts-dejavu-core fonts-liberation
  # `foiamine serve`: the HTTP server library (cpp-httplib), and the browser
  # its test drives (tests/serve/serve_browser_test.py)
  libcpp-httplib-dev chromium chromium-driver python3-selenium
  # scale-out: a single-node Slurm for tests/slurm_e2e.sh (deploy/slurm/)
  slurmctld slurmd slurm-client munge
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
