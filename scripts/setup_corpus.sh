#!/usr/bin/env bash
# The tools that BUILD the generalisation corpus (scripts/build_corpus.py, scripts/build_extractors.py): build time
# only, the tests read the committed texts and files. On top of scripts/setup.sh (which installs poppler, LibreOffice,
# antiword and Tesseract): the HTML/DOC converters users run, and the Python converters of the `corpus` extra.
#   bash scripts/setup_corpus.sh
set -euo pipefail
cd "$(dirname "$0")/.."

CORPUS_APT_PACKAGES=(
  pandoc  # HTML/DOCX → plain, gfm, markdown
  w3m     # HTML → text (box-drawn tables)
  lynx    # HTML → text
  catdoc  # DOC → text (the other DOC reader beside antiword)
  libreoffice-calc-nogui  # HTML tables → XLSX/XLS (scripts/synth_producers.py)
  wkhtmltopdf             # HTML → PDF, Qt WebKit (scripts/synth_producers.py, scripts/build_pdf_variants.py)
)
missing=()
for p in "${CORPUS_APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# turndown (scripts/node/turndown.js): Node and npm, Debian's unless some Node is installed already
if ! command -v npm >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
(cd scripts/node && npm install --silent --no-audit --no-fund)
[ -x .venv/bin/python ] || bash scripts/setup.sh --no-run
.venv/bin/pip install -q -e '.[dev,corpus]' -c constraints-corpus.txt  # not constraints.txt: typer differs (constraints-corpus.txt)
