#!/usr/bin/env bash
# Screenshots of the shipped sample for the README, taken by headless Chromium from report.html,
# and a check of the printed PDF (issue #5: "executives read, auditors trust").
#
# For each language (en, ja) it runs the sample quarter (2026-Q2 first, so that 2026-Q3 shows the
# change since last quarter) with `swift run xborder run`, then:
#   1. cover-<lang>.png              the top of the report (cover and sign-off block);
#   2. executive-summary-<lang>.png  the whole executive summary section;
#   3. report-<lang>.pdf (temporary) printed with --print-to-pdf; pdftotext must find the
#      executive summary heading (from Templates/messages/<lang>.csv) as a line of page 1 or 2.
# The executive summary is captured through a small wrapper page that shows report.html#summary
# in an iframe: headless Chromium paints nothing when --screenshot opens a URL with a fragment
# (the page is scrolled, the capture stays blank), while the iframe scrolls its own document.
# The wrapper first measures the section's height (--dump-dom), then the capture uses it.
#
# Usage: Scripts/screenshots.sh [OUTDIR]   (default docs/screenshots)
# Needs: swift, chromium, pdftotext/pdfinfo (poppler-utils), a Japanese font (fonts-ipafont-gothic).
# Exit status: 0 when every image was written and every check passed; 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
outdir=${1:-docs/screenshots}
width=1120
max_bytes=400000

for tool in swift chromium pdftotext pdfinfo fc-list; do
  command -v "$tool" >/dev/null || { echo "screenshots: '$tool' is missing" >&2; exit 1; }
done
fc-list :lang=ja family | grep -q . || { echo "screenshots: no Japanese font (apt-get install fonts-ipafont-gothic)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$outdir"

chrome() {
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --allow-file-access-from-files \
    --user-data-dir="$work/profile" "$@" 2>/dev/null
}

# The executive summary heading of a language, from its message catalogue.
heading() {
  python3 - "$1" <<'EOF'
import csv, sys
with open(f"Templates/messages/{sys.argv[1]}.csv", encoding="utf-8", newline="") as f:
    print({row[0]: row[1] for row in csv.reader(f) if row}["heading_exec_summary"])
EOF
}

# Writes a wrapper page showing $1 (a file URL with fragment) in an iframe of $2 × $3 px; with
# $4 = measure it also writes the height of the element #summary into the body's data-height.
wrapper() {
  local script=""
  if [ "${4:-}" = measure ]; then
    script="<script>function measure(f){var s=f.contentDocument.getElementById('summary');document.body.setAttribute('data-height',String(Math.ceil(s.getBoundingClientRect().height)));}</script>"
  fi
  cat <<EOF
<!DOCTYPE html>
<html><head><meta charset="utf-8"/><title>xborder screenshot</title>
<style>html,body{margin:0;padding:0;overflow:hidden;background:#ffffff}iframe{display:block;border:0;width:$2px;height:$3px}</style>
$script</head><body><iframe src="$1"${4:+ onload="measure(this)"}></iframe></body></html>
EOF
}

fail=0
for lang in en ja; do
  out="$work/out-$lang"
  swift run --quiet xborder run Inputs/2026-Q2 --output "$out" --locale "$lang" --quiet
  swift run --quiet xborder run Inputs/2026-Q3 --output "$out" --locale "$lang" --quiet
  report="$out/2026-Q3/report.html"
  url="file://$(realpath "$report")"

  # 1. The cover: the top of the report, no scrolling needed.
  chrome --window-size="$width,1000" --screenshot="$outdir/cover-$lang.png" "$url" >/dev/null

  # 2. The executive summary, measured first.
  wrapper "$url#summary" "$width" 4000 measure >"$work/measure-$lang.html"
  height=$(chrome --virtual-time-budget=5000 --dump-dom "file://$work/measure-$lang.html" \
    | sed -n 's/.*data-height="\([0-9]*\)".*/\1/p' | head -n 1)
  [ -n "$height" ] && [ "$height" -gt 400 ] || { echo "screenshots: could not measure #summary ($lang)" >&2; exit 1; }
  height=$((height + 16))
  wrapper "$url#summary" "$width" "$height" >"$work/summary-$lang.html"
  chrome --window-size="$width,$height" --screenshot="$outdir/executive-summary-$lang.png" \
    "file://$work/summary-$lang.html" >/dev/null

  for png in "$outdir/cover-$lang.png" "$outdir/executive-summary-$lang.png"; do
    bytes=$(stat -c %s "$png")
    if [ "$bytes" -lt 20000 ]; then echo "FAIL  $png is only $bytes bytes (blank?)"; fail=1
    elif [ "$bytes" -gt "$max_bytes" ]; then echo "FAIL  $png is $bytes bytes (> $max_bytes)"; fail=1
    else echo "ok    $png ($bytes bytes)"; fi
  done

  # 3. The printed PDF: the executive summary heading must start page 1 or 2.
  pdf="$work/report-$lang.pdf"
  chrome --no-pdf-header-footer --print-to-pdf="$pdf" "$url" >/dev/null
  pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
  title=$(heading "$lang")
  found=""
  for page in 1 2; do
    if pdftotext -f "$page" -l "$page" -layout "$pdf" - | sed 's/^[[:space:]]*//;s/[[:space:]]*$//' | grep -qxF "$title"; then
      found=$page
      break
    fi
  done
  if [ -n "$found" ]; then echo "ok    report.html ($lang) printed: '$title' on page $found of $pages"
  else echo "FAIL  report.html ($lang) printed: '$title' is not on page 1 or 2 of $pages"; fail=1; fi
done
exit $fail
