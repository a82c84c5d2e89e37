#!/usr/bin/env bash
# Fuzzes a reader of untrusted input with libFuzzer for SECONDS (default 60). TARGET is `reader`
# (default: the spreadsheet reader and the inventory decoder, Fuzz/ReaderFuzzer) or `manifest`
# (the manifest.json reader that `xborder verify` runs on archives, Fuzz/ManifestFuzzer).
#
#   Scripts/fuzz.sh [SECONDS] [reader|manifest]
#
# Compiles Fuzz/<Target>Fuzzer/main.swift together with the XBorderCore sources it needs
# (one module, no SwiftPM, no Mustache/Crypto/libxml2) with `swiftc -sanitize=fuzzer,address -O`,
# seeds a corpus in a temporary directory (reader: the CSV files in ../shared/testdata and
# Inputs/; manifest: the manifest.json files under Tests/Fixtures), and runs the fuzzer.
# Prints the executions count and coverage; exits non-zero on any crash, hang
# (-timeout=10), out-of-memory (-rss_limit_mb=2048) or sanitizer report, keeping the work directory
# with the crashing input. Nothing is written inside the package (no corpus is committed).
#
# Environment: FUZZ_WORKDIR  work directory to use (default: a new mktemp -d, removed on success)
#              FUZZ_JOBS     libFuzzer -jobs/-workers (default 1; the machine is shared)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
target=${2:-reader}
[[ $seconds =~ ^[0-9]+$ && $target =~ ^(reader|manifest)$ ]] \
  || { echo "usage: Scripts/fuzz.sh [SECONDS] [reader|manifest]" >&2; exit 64; }
jobs=${FUZZ_JOBS:-1}
parallel=()
[ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")

work=${FUZZ_WORKDIR:-$(mktemp -d "${TMPDIR:-/tmp}/xborder-fuzz.XXXXXX")}
mkdir -p "$work/corpus" "$work/artifacts"
echo "fuzz: $target, work directory $work"

# The code under test, and only what it uses: Foundation is fine, Mustache/Crypto/libxml2 are not.
# The reader's folders use only each other, Diagnostics and Support (docs/ARCHITECTURE.md), so
# whole folders are listed; Support and Diagnostics use no other folder.
core=Sources/XBorderCore
if [ "$target" = manifest ]; then
  sources=(
    "$core"/Archive/ManifestReader.swift
    "$core"/Archive/ArchivePath.swift
    "$core"/Archive/Manifest.swift
    "$core"/Archive/ManifestEntry.swift
    "$core"/Diagnostics/*.swift
    "$core"/Support/*.swift
    Fuzz/ManifestFuzzer/main.swift
  )
  max_len=65536
else
  sources=(
    "$core"/Input/*.swift
    "$core"/Diagnostics/*.swift
    "$core"/Inventory/*.swift
    "$core"/Support/*.swift
    Fuzz/ReaderFuzzer/main.swift
  )
  max_len=4096
  # The workbook reader needs libxml2 and ZIPFoundation (not in this one-module build).
  kept=()
  for f in "${sources[@]}"; do case "$f" in */Input/Workbook*.swift) ;; *) kept+=("$f") ;; esac; done
  sources=("${kept[@]}")
fi
language=(
  -parse-as-library -swift-version 6 -module-name XBorderFuzz -package-name xborder
  -enable-upcoming-feature ExistentialAny
  -enable-upcoming-feature InternalImportsByDefault
  -enable-upcoming-feature MemberImportVisibility
)
flags=("${language[@]}" -sanitize=fuzzer,address -O -g)
# The list above is the known closure; when the sources move a type, add the file that declares
# it (found from the type checker's "cannot find 'X' in scope"), unless it needs Mustache/Crypto/libxml2.
excluded='^(@preconcurrency )?(package |internal |public )?import (Mustache|Crypto|XMLValidation)'
for _ in 1 2 3 4 5 6; do
  missing=$(swiftc -typecheck "${language[@]}" "${sources[@]}" 2>&1 \
    | grep -oE "cannot find (type )?'[A-Za-z_][A-Za-z0-9_]*' in scope" | sed -E "s/.*'(.*)'.*/\1/" | sort -u) || true
  [ -n "$missing" ] || break
  added=0
  for name in $missing; do
    for file in $(grep -rlE "^(package |public )?(final )?(enum|struct|class|protocol|actor|typealias) $name\b" \
      "$core" --include='*.swift'); do
      [[ " ${sources[*]} " == *" $file "* ]] && continue
      if grep -qE "$excluded" "$file"; then
        echo "fuzz: $name is declared in $file, which imports Mustache/Crypto/libxml2" >&2
        exit 1
      fi
      echo "fuzz: also compiling $file (declares $name)"
      sources+=("$file")
      added=1
    done
  done
  [ "$added" = 1 ] || break
done

# lld links the sanitizer runtimes without gold's "cannot export local symbol" noise.
swiftc -use-ld=lld -version >/dev/null 2>&1 && command -v ld.lld >/dev/null 2>&1 && flags+=(-use-ld=lld)
echo "fuzz: compiling ${#sources[@]} files"
rm -f "$work/$target-fuzzer"
swiftc "${flags[@]}" "${sources[@]}" -o "$work/$target-fuzzer" 2>&1 | grep -v "ld.gold: warning" || true
[ -x "$work/$target-fuzzer" ] || { echo "fuzz: build failed" >&2; exit 1; }

# Seed corpus. reader: every CSV/TSV/TXT export in the shared test data and the sample inputs, up to
# 64 KiB (libFuzzer reads the first 4 KiB of each: -max_len keeps an execution, four reads under
# ASan, cheap). manifest: the archived fixtures' manifests (64 KiB is far above a real one's size).
testdata=../shared/testdata
{
  if [ "$target" = manifest ]; then
    find Tests/Fixtures -type f -name manifest.json -print0
  else
    [ -d "$testdata" ] || echo "fuzz: $testdata is absent; seeding from Inputs/ only" >&2
    [ -d "$testdata" ] \
      && find "$testdata" -type f \( -name '*.csv' -o -name '*.tsv' -o -name '*.txt' \) -size -64k -print0
    find Inputs -type f -name '*.csv' -print0
  fi
} | while IFS= read -r -d '' f; do
  cp "$f" "$work/corpus/$(printf '%s' "$f" | cksum | cut -d' ' -f1)-${f##*/}"
done
echo "fuzz: $(find "$work/corpus" -type f | wc -l) seed files; running for ${seconds}s"

set +e
(cd "$work" && ./$target-fuzzer corpus \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1 "${parallel[@]}") \
  >"$work/fuzz.log" 2>&1
rc=$?
set -e
if [ "$jobs" -gt 1 ]; then cat "$work"/fuzz-*.log >>"$work/fuzz.log" 2>/dev/null || true; fi

# The last status line ("#N DONE cov: … ft: … corp: … exec/s: … rss: …") and the final stats.
grep -E '^#[0-9]+' "$work/fuzz.log" | tail -n 1
grep -E '^(Done [0-9]+ runs|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' \
  "$work/fuzz.log" || true

findings=$(find "$work/artifacts" -type f | wc -l)
if [ "$rc" -ne 0 ] || [ "$findings" -ne 0 ] \
  || grep -qE 'ERROR: (AddressSanitizer|libFuzzer)|deadly signal|Fatal error|==[0-9]+==ERROR' "$work/fuzz.log"; then
  grep -E -A 30 'ERROR: |deadly signal|Fatal error' "$work/fuzz.log" | head -n 60
  echo "fuzz: FAILED (exit $rc, $findings artifact(s) in $work/artifacts; log $work/fuzz.log)" >&2
  exit 1
fi
echo "fuzz: no crash, hang, leak or sanitizer report in ${seconds}s"
[ -n "${FUZZ_WORKDIR:-}" ] || rm -rf "$work"
