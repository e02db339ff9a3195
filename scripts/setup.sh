#!/usr/bin/env bash
# Sets up nianbao on a fresh Debian machine and runs the main job on its embedded default:
# a harvest of the bundled recorded portals (cassettes/) into data/nianbao.db, then its summary.
#   bash scripts/setup.sh            # set up + harvest
#   bash scripts/setup.sh --no-run   # set up only
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  antiword                  # DOC reader
  libreoffice-writer-nogui  # WPS (and DOC fallback) conversion; renders the test PDFs
  poppler-utils             # pdftoppm/pdftotext: looking at PDFs
  fonts-noto-cjk            # without a CJK font rendered PDFs lose their Chinese glyphs
  fonts-wqy-zenhei          # TrueType CJK: Chromium embeds small subsets (scripts/synth_reports.py's PDFs)
  chromium                  # headless browser: Datasette page test, future browser-only portals
  tesseract-ocr             # OCR of scanned reports (parsers/ocr): the engine's data …
  tesseract-ocr-chi-sim     # … its Chinese model …
  tesseract-ocr-eng         # … and the English one, which reads digits better
  redis-server              # distributed harvests (nianbao harvest --workers N); tests start their own on 127.0.0.1
  gcc                       # mypyc's compiler (scripts/build_native.py) …
  python3-dev               # … and Python's headers
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "== apt: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  "$PY" -m venv .venv
fi
echo "== pip: installing nianbao and its pinned dependencies"
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e ".[dev]" -c constraints.txt  # the transitive dependencies too (constraints.txt)
echo "== mypyc: compiling the parser's hot modules (parsers/compiled.py; pure Python if the build fails)"
.venv/bin/python scripts/build_native.py || echo "== no native build: the parser runs as pure Python"

if [ "${1:-}" != "--no-run" ]; then
  echo "== harvesting the bundled recorded portals into data/nianbao.db"
  .venv/bin/nianbao harvest
fi
