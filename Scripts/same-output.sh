#!/usr/bin/env bash
# Checks that two xborder binaries write the same bytes: the archive of the shipped sample
# (Inputs/2026-Q2 then Inputs/2026-Q3, so the second run compares with an archived period) and
# of generated inventories, every file compared with `cmp` (`diff -r`).
#
#   Scripts/same-output.sh REFERENCE_BIN CANDIDATE_BIN [SIZES...]   (default sizes: 10000)
#
# Run from the project root. Generated inventories are cached under
# ${BENCH_DIR:-${TMPDIR:-/tmp}/xborder-bench} (the benchmark's cache, seed 1). Exits 1 on any
# difference, after listing the differing files. Archives that differ only because findings.json
# moved from schema 2 to 3 are compared by Scripts/compare-archives.py (findings expanded back).
set -euo pipefail
[ $# -ge 2 ] || { sed -n 2,9p "$0"; exit 64; }
reference=$(realpath "$1")
candidate=$(realpath "$2")
shift 2
sizes=("${@:-10000}")
cache=${BENCH_DIR:-${TMPDIR:-/tmp}/xborder-bench}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0

# archive BIN OUT PERIOD_DIR...: runs BIN on each period in turn into OUT.
archive() {
  local bin=$1 out=$2
  shift 2
  for period in "$@"; do
    "$bin" run "$period" --output "$out" --reference Inputs/reference --templates Templates --locale en,ja --quiet >/dev/null 2>&1 \
      || [ $? -eq 1 ] # exit 1 = warnings under policy; the archive is still compared
  done
}

compare() {
  local label=$1
  shift
  archive "$reference" "$scratch/$label-a" "$@"
  archive "$candidate" "$scratch/$label-b" "$@"
  if diff -r -q "$scratch/$label-a" "$scratch/$label-b" >/dev/null; then
    echo "$label: identical ($(find "$scratch/$label-a" -type f | wc -l) files, $(du -sb "$scratch/$label-a" | cut -f1) bytes)"
  elif python3 Scripts/compare-archives.py "$scratch/$label-a" "$scratch/$label-b"; then
    echo "$label: identical but findings.json, whose schema-3 form expands to the reference's schema 2 ($(find "$scratch/$label-a" -type f | wc -l) files, $(du -sb "$scratch/$label-a" | cut -f1) → $(du -sb "$scratch/$label-b" | cut -f1) bytes)"
  else
    echo "$label: DIFFERENT" >&2
    status=1
  fi
}

compare sample Inputs/2026-Q2 Inputs/2026-Q3
for n in "${sizes[@]}"; do
  dir="$cache/$n/2030-Q1"
  [ -f "$dir/flows.csv" ] || python3 Scripts/generate-inventory.py "$n" "$dir" --seed 1 >/dev/null 2>&1
  [ -f "$cache/$n/settings.csv" ] || cp Inputs/settings.csv "$cache/$n/settings.csv"
  compare "$n" "$dir"
done
exit $status
