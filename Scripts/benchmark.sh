#!/usr/bin/env bash
# Benchmark the release build's full `xborder run` (read, assess, render both reports, validate,
# archive) on synthetic inventories. See docs/PERFORMANCE.md.
#
# Usage: Scripts/benchmark.sh [SIZES...]          (default: 10000 100000 1000000)
#
# Environment:
#   RUNS=5          runs per size (the median wall time is reported)
#   SEED=1          generator seed
#   RUN_TIMEOUT=    seconds after which one run is killed and counted as failed (default: none)
#   BENCH_DIR=      cache and scratch folder (default: ${TMPDIR:-/tmp}/xborder-bench)
#   SKIP_BUILD=1    use the existing .build/release/xborder instead of building it
#
# Inventories are generated once per size and seed and reused (the cache key includes a hash of
# Scripts/generate-inventory.py, so editing the generator regenerates them). Every run writes into
# a fresh empty --output folder, deleted after its sizes are measured. Wall time and peak RSS come
# from GNU time (`/usr/bin/time -f '%e %M'`). With XBORDER_TIMINGS=1 the binary may print
# `timing: <stage> <seconds>` lines on stderr; those of the median run are tabulated per stage.
# Exits non-zero if any run fails (non-zero exit, timeout, or no archive).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

runs=${RUNS:-5}
seed=${SEED:-1}
timeout_s=${RUN_TIMEOUT:-}
if [ "$#" -gt 0 ]; then sizes=("$@"); else sizes=(10000 100000 1000000); fi
period=2030-Q1

for n in "${sizes[@]}"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "benchmark: size '$n' is not a number" >&2; exit 64; }
done

if [ ! -x /usr/bin/time ]; then
  echo "benchmark: /usr/bin/time missing; installing the 'time' package" >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
  else
    sudo apt-get install -y -qq time >/dev/null || { sudo apt-get update -qq && sudo apt-get install -y -qq time >/dev/null; }
  fi
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "building release (swift build -c release)…" >&2
  swift build -c release 2>&1 | tail -n 1 >&2
fi
bin="$repo/.build/release/xborder"
[ -x "$bin" ] || { echo "benchmark: $bin not found" >&2; exit 1; }

gen_hash=$(sha256sum Scripts/generate-inventory.py | cut -c1-10)
bench=${BENCH_DIR:-${TMPDIR:-/tmp}/xborder-bench}
cache="$bench/inventories/$gen_hash-s$seed"
scratch="$bench/scratch"
mkdir -p "$cache" "$scratch"

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }

# Generate (or reuse) every inventory first so generation never overlaps a measurement.
for n in "${sizes[@]}"; do
  dir="$cache/$n/$period"
  if [ ! -f "$dir/flows.csv" ]; then
    python3 Scripts/generate-inventory.py "$n" "$dir" --seed "$seed"
  fi
  # The organization's settings sit beside the period, as in Inputs/.
  [ -f "$cache/$n/settings.csv" ] || cp Inputs/settings.csv "$cache/$n/settings.csv"
done

failed=0
declare -A row stage_value
stages=()

for n in "${sizes[@]}"; do
  dir="$cache/$n/$period"
  input_bytes=$(stat -c %s "$dir/flows.csv")
  walls=()
  rss_max=0
  size_failed=0
  declare -A run_err=()
  for ((i = 1; i <= runs; i++)); do
    out=$(mktemp -d "$scratch/out-$n-XXXXXX")
    tfile="$scratch/time-$n-$i"
    efile="$scratch/stderr-$n-$i"
    cmd=("$bin" run "$dir" --output "$out" --reference Inputs/reference --templates Templates --quiet)
    [ -n "$timeout_s" ] && cmd=(timeout "$timeout_s" "${cmd[@]}")
    status=0
    XBORDER_TIMINGS=1 /usr/bin/time -f '%e %M' -o "$tfile" "${cmd[@]}" 2>"$efile" || status=$?
    archive="$out/$period"
    if [ "$status" -ne 0 ] || [ ! -f "$archive/manifest.json" ]; then
      what="exit status $status"
      [ "$status" = 124 ] && what="timed out after ${timeout_s}s"
      [ "$status" -eq 0 ] && what="no archive written"
      echo "benchmark: $n flows, run $i failed ($what); time: $(tail -n 1 "$tfile" 2>/dev/null)" >&2
      grep -v '^timing: ' "$efile" | tail -n 20 >&2 || true
      size_failed=1
      rm -rf "$out"
      break
    fi
    read -r wall rss_kb < <(tail -n 1 "$tfile")
    walls+=("$wall")
    [ "$rss_kb" -gt "$rss_max" ] && rss_max=$rss_kb
    run_err[$wall]=$efile
    if [ "$i" = 1 ]; then
      html=$(stat -c %s "$archive/report.html")
      xhtml=$(stat -c %s "$archive/report.xhtml")
      archive_bytes=$(du -sb "$archive" | cut -f1)
      rejected=$(($(wc -l <"$archive/rejected.csv") - 1))
      [ "$rejected" -lt 0 ] && rejected=0
    fi
    echo "  $n flows, run $i/$runs: ${wall} s, $((rss_kb / 1024)) MiB" >&2
    rm -rf "$out"
  done
  if [ "$size_failed" = 1 ]; then
    failed=1
    row[$n]="| $n | $(mb "$input_bytes") | FAILED | ${walls[*]:-} | | | | | | |"
    continue
  fi
  sorted=($(printf '%s\n' "${walls[@]}" | sort -g))
  median=${sorted[$(((${#sorted[@]} - 1) / 2))]}
  min=${sorted[0]}
  max=${sorted[$((${#sorted[@]} - 1))]}
  ratio=$(awk -v a="$archive_bytes" -v b="$input_bytes" 'BEGIN { printf "%.2f", a / b }')
  rss_mb=$(awk -v k="$rss_max" 'BEGIN { printf "%.0f", k * 1024 / 1e6 }')
  row[$n]="| $n | $(mb "$input_bytes") | $median | $min / $max | $rss_mb | $(mb "$html") | $(mb "$xhtml") | $(mb "$archive_bytes") | $ratio | $rejected |"
  # Per-stage timings of the median run.
  while read -r _ stage seconds; do
    [[ " ${stages[*]} " == *" $stage "* ]] || stages+=("$stage")
    stage_value[$stage,$n]=$(awk -v s="$seconds" 'BEGIN { printf "%.3f", s }')
  done < <(grep '^timing: ' "${run_err[$median]}" || true)
  unset run_err
done

echo
echo "xborder run, release build, $runs runs per size; $(nproc) CPUs; $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| flows | input MB | median wall s | min / max s | peak RSS MB | report.html MB | report.xhtml MB | archive MB | archive / input | rejected |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do echo "${row[$n]}"; done
echo
if [ "${#stages[@]}" -eq 0 ]; then
  echo "per-stage timings: not available"
else
  header="| stage |"
  rule="|---|"
  for n in "${sizes[@]}"; do header+=" $n |"; rule+="---:|"; done
  echo "per-stage timings (s, median run):"
  echo
  echo "$header"
  echo "$rule"
  for s in "${stages[@]}"; do
    line="| $s |"
    for n in "${sizes[@]}"; do line+=" ${stage_value[$s,$n]:-} |"; done
    echo "$line"
  done
fi
echo
echo "MB = 10^6 bytes. Peak RSS is the largest of the runs (GNU time %M)."
exit "$failed"
