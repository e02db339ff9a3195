#!/usr/bin/env bash
# The rendered PDFs as poppler's layout-mode text: tables become columns of spaces and narrow label cells
# wrap into fragments, the way PDF text streams without table structure arrive. Test fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."
for pdf in tests/fixtures/rendered/*.pdf; do
  stem=$(basename "$pdf" .pdf)
  pdftotext -layout -enc UTF-8 "$pdf" "tests/fixtures/layout/$stem.txt"
done
