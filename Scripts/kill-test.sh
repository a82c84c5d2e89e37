#!/usr/bin/env bash
# Crash-consistency check of the archive (issues "records" and "nothing gets lost").
# Starts `xborder run` again and again and kills it with SIGKILL at spread-out moments, then
# checks that the archive holds only complete periods: every period folder has a manifest and
# passes `xborder verify`, and a normal run afterwards still succeeds (lock released, leftover
# staging folders removed).
#
# Usage: Scripts/kill-test.sh [RUNS] [PERIOD_DIR]
#   RUNS        number of killed runs (default 30)
#   PERIOD_DIR  the period to run (default Inputs/2026-Q3); use a generated large inventory
#               (Scripts/generate-inventory.py) to give the kills more moments to land in
# Env: XBORDER (binary, default .build/debug/xborder), KILL_MAX_DELAY (seconds, default: the
#      duration of one measured run).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
period=${2:-Inputs/2026-Q3}
bin=${XBORDER:-.build/debug/xborder}
[ -x "$bin" ] || swift build >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

start=$(date +%s.%N)
"$bin" run "$period" --output "$out/measure" --quiet >/dev/null 2>&1 || true
duration=$(python3 -c "print(max(0.2, $(date +%s.%N) - $start))")
max_delay=${KILL_MAX_DELAY:-$(python3 -c "print(round($duration * 1.3, 3))")}
echo "one run takes ${duration}s; killing $runs runs at moments spread over 0–${max_delay}s"

killed=0; finished=0
for i in $(seq 1 "$runs"); do
  delay=$(python3 -c "print(round($max_delay * $i / ($runs + 1), 3))")
  "$bin" run "$period" --output "$out/archive" --quiet >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
  wait "$pid" 2>/dev/null || true
done
echo "runs killed: $killed, finished before the kill: $finished"

status=0
periods=0
for dir in "$out/archive"/*/; do
  [ -d "$dir" ] || continue
  name=$(basename "$dir")
  periods=$((periods + 1))
  if [ ! -f "$dir/manifest.json" ]; then
    echo "PARTIAL period folder without manifest: $name"; status=1; continue
  fi
  if ! "$bin" verify "$dir" >/dev/null 2>&1; then
    echo "period $name does not verify:"; "$bin" verify "$dir" || true; status=1
  fi
done
leftovers=$(find "$out/archive" -maxdepth 1 -name '.staging-*' | wc -l)
echo "archived periods: $periods (all verified: $([ $status = 0 ] && echo yes || echo no)); staging leftovers before the next run: $leftovers"

"$bin" run "$period" --output "$out/archive" --quiet >/dev/null 2>&1 || { echo "a normal run after the kills failed"; status=1; }
leftovers=$(find "$out/archive" -maxdepth 1 -name '.staging-*' | wc -l)
[ "$leftovers" = 0 ] || { echo "staging leftovers after a normal run: $leftovers"; status=1; }
echo "normal run after the kills: $([ $status = 0 ] && echo ok || echo FAILED)"
exit $status
