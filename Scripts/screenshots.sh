#!/usr/bin/env bash
# Screenshots of the shipped sample for the README, as an executive reads it: the report printed
# by headless Chromium to A4 PDF, and its pages 1–3 turned into PNG (pdftoppm), in English and
# Japanese. Also checks the print: the board brief heading opens page 1, and the whole report
# prints in at most 24 pages (the limit the report is designed to).
#
# For each language (en, ja) it runs the sample quarters (2026-Q2 first, so that 2026-Q3 shows
# the direction of travel) with `swift run xborder run`, prints report.html, then writes
#   <OUTDIR>/page-1-<lang>.png … page-3-<lang>.png   (96 dpi)
#
# Usage: Scripts/screenshots.sh [OUTDIR]   (default docs/screenshots)
# Needs: swift, chromium, pdftoppm/pdftotext/pdfinfo (poppler-utils), a Japanese font
# (fonts-noto-cjk or fonts-ipafont-gothic).
# Exit status: 0 when every page was written and every check passed; 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
outdir=${1:-docs/screenshots}
max_pages=24
max_bytes=600000

for tool in swift chromium pdftoppm pdftotext pdfinfo fc-list; do
  command -v "$tool" >/dev/null || { echo "screenshots: '$tool' is missing" >&2; exit 1; }
done
fc-list :lang=ja family | grep -q . || { echo "screenshots: no Japanese font (apt-get install fonts-noto-cjk)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$outdir"

# The board brief heading of a language, from its message catalogue.
heading() {
  python3 - "$1" <<'PY'
import csv, sys
with open(f"Templates/messages/{sys.argv[1]}.csv", encoding="utf-8", newline="") as f:
    print({row[0]: row[1] for row in csv.reader(f) if row}["heading_board_brief"])
PY
}

fail=0
for lang in en ja; do
  out="$work/out-$lang"
  swift run --quiet xborder run Inputs/2026-Q2 --output "$out" --locale "$lang" --quiet >/dev/null
  swift run --quiet xborder run Inputs/2026-Q3 --output "$out" --locale "$lang" --quiet >/dev/null
  report="$out/2026-Q3/report.html"
  pdf="$work/report-$lang.pdf"
  chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" --no-pdf-header-footer \
    --print-to-pdf="$pdf" "file://$(realpath "$report")" >/dev/null 2>&1
  pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
  if [ "$pages" -le "$max_pages" ]; then echo "ok    report.html ($lang) prints in $pages pages (at most $max_pages)"
  else echo "FAIL  report.html ($lang) prints in $pages pages (more than $max_pages)"; fail=1; fi
  title=$(heading "$lang")
  # CJK text may come out of the PDF with spaces between glyphs: compare without white space.
  if pdftotext -f 1 -l 1 "$pdf" - | tr -d '[:space:]' | grep -qF "$(printf '%s' "$title" | tr -d '[:space:]')"; then
    echo "ok    page 1 ($lang) opens with '$title'"
  else echo "FAIL  page 1 ($lang) does not show '$title'"; fail=1; fi
  for page in 1 2 3; do
    pdftoppm -r 96 -png -singlefile -f "$page" -l "$page" "$pdf" "$outdir/page-$page-$lang"
    png="$outdir/page-$page-$lang.png"
    bytes=$(stat -c %s "$png")
    if [ "$bytes" -lt 20000 ]; then echo "FAIL  $png is only $bytes bytes (blank?)"; fail=1
    elif [ "$bytes" -gt "$max_bytes" ]; then echo "FAIL  $png is $bytes bytes (> $max_bytes)"; fail=1
    else echo "ok    $png ($bytes bytes)"; fi
  done
done
exit $fail
