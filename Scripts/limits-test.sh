#!/usr/bin/env bash
# Hostile inputs against the release build: every case must end with exit 0 or 1 (never a
# signal or a timeout), print a located diagnostic with its stable code, and stay under a peak
# RSS bound. See docs/SECURITY.md, "Limits".
#
# Usage: Scripts/limits-test.sh [CASE...]      (default: every case, in the order below)
#
# Cases (each is one period folder <scratch>/<case>/2030-Q1 holding flows.csv):
#   cell-1g          header + one row whose notes cell is a quoted 1 GB paste; the file is
#                    exactly 1 GiB, the default input limit
#   over-limit       a flows.csv of 1 GiB + 1 byte (sparse: it must be refused unread)
#   columns-1m       a header and a row of 1,000,000 columns each
#   garbage-10m      header + 10,000,000 lines of random printable and binary bytes, commas,
#                    quotes, tabs, semicolons and CRs (Python's random, seed SEED)
#   quotes-100m      100,000,000 `"` characters and nothing else
#   doubled-quotes   header + a row whose data_asset is a quoted cell of 50,000,000 `""` pairs
#   long-line        header + one 512 MiB line with no delimiter and no final line break
#   utf16-garbage    UTF-16LE with BOM: 256 MiB of random code units (lone surrogates, CRs,
#                    quotes, commas) after a valid header
#
# Environment:
#   COMMAND=run        `run` (read → archive) or `check` (read and check only)
#   RUN_TIMEOUT=1800   seconds after which a run is killed (counted as a failure)
#   RSS_BOUND_MB=1500  peak RSS bound in MB (10^6 bytes); a run above it is a failure
#   SEED=7             generator seed
#   LIMITS_DIR=        scratch folder (default: a new mktemp -d under ${TMPDIR:-/tmp}); each
#                      case's input and output are deleted after it ran, unless KEEP=1
#   SKIP_BUILD=1       use the existing .build/release/xborder
#   EXTRA_ARGS=        more options for xborder, e.g. "--max-cell-bytes 2G --max-columns 2M"
#
# For every archived run it also checks rows_read = rows_assessed + rows_rejected in
# manifest.json, that rejected.csv holds exactly rows_rejected records (parsed with Python's
# csv module), and `sha256sum -c SHA256SUMS`. Prints a Markdown table; exits 1 if any case failed.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

all_cases=(cell-1g over-limit columns-1m garbage-10m quotes-100m doubled-quotes long-line utf16-garbage)
if [ "$#" -gt 0 ]; then cases=("$@"); else cases=("${all_cases[@]}"); fi
for c in "${cases[@]}"; do
  [[ " ${all_cases[*]} " == *" $c "* ]] || { echo "limits-test: unknown case '$c' (${all_cases[*]})" >&2; exit 64; }
done
command=${COMMAND:-run}
[[ $command == run || $command == check ]] || { echo "limits-test: COMMAND must be run or check" >&2; exit 64; }
timeout_s=${RUN_TIMEOUT:-1800}
bound_mb=${RSS_BOUND_MB:-1500}
seed=${SEED:-7}
period=2030-Q1
read -r -a extra <<<"${EXTRA_ARGS:-}"

[ -x /usr/bin/time ] || { echo "limits-test: GNU time is missing (apt-get install time)" >&2; exit 1; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "building release (swift build -c release)…" >&2
  swift build -c release 2>&1 | tail -n 1 >&2
fi
bin="$repo/.build/release/xborder"
[ -x "$bin" ] || { echo "limits-test: $bin not found" >&2; exit 1; }

scratch=${LIMITS_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/xborder-limits.XXXXXX")}
mkdir -p "$scratch"
echo "limits-test: scratch folder $scratch" >&2

# The generator: standard library only, deterministic for a given case and seed.
generate() {
  python3 - "$1" "$2" "$seed" <<'PY'
import random, sys

case, path, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
GiB, MiB = 1 << 30, 1 << 20
HEADER = b"flow_id,data_asset,data_category,confidentiality,origin_country,destination_country,notes\n"

def repeat(f, pattern, n):
    """Writes n bytes of `pattern` repeated, one MiB at a time."""
    block = (pattern * (MiB // len(pattern) + 1))[:MiB]
    full, rest = divmod(n, MiB)
    for _ in range(full):
        f.write(block)
    f.write(block[:rest])

# Garbage bytes: mostly printable ASCII, with delimiters, quotes, CR, controls and bytes that
# are invalid in UTF-8 and undefined in Windows-1252 (0x81 0x8D 0x9D).
POOL = (b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_./:" * 3
        + b',,,,,,,,,,,,""""""\t;\r' + bytes([0, 1, 0x7F, 0x80, 0x81, 0x8D, 0x9D, 0xA0, 0xC3, 0xE3, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF]))
TABLE = bytes(POOL[i % len(POOL)] for i in range(256))

with open(path, "wb") as f:
    if case == "cell-1g":
        head, tail = HEADER + b'F1,CAD,technical,secret,JP,US,"', b'"\r\n'
        f.write(head)
        repeat(f, b"lorem ipsum, dolor sit amet\n", GiB - len(head) - len(tail))
        f.write(tail)
    elif case == "over-limit":
        f.write(HEADER + b"F1,CAD,technical,secret,JP,US,\n")
        f.truncate(GiB + 1)
    elif case == "columns-1m":
        columns = 1_000_000
        f.write(HEADER.rstrip(b"\n"))
        f.write(b"".join(b",c%d" % i for i in range(8, columns + 1)) + b"\n")
        f.write(b"F1,CAD,technical,secret,JP,US,note" + b",x" * (columns - 7) + b"\n")
    elif case == "garbage-10m":
        rng = random.Random(seed)
        f.write(HEADER)
        batch = 100_000
        for _ in range(10_000_000 // batch):
            lengths = [b % 80 for b in rng.randbytes(batch)]
            data = rng.randbytes(sum(lengths)).translate(TABLE)
            lines, at = [], 0
            for n in lengths:
                lines.append(data[at:at + n])
                at += n
            f.write(b"\n".join(lines) + b"\n")
    elif case == "quotes-100m":
        repeat(f, b'"', 100_000_000)
    elif case == "doubled-quotes":
        f.write(HEADER + b'F1,"')
        repeat(f, b'""', 100_000_000)
        f.write(b'",technical,secret,JP,US,\n')
    elif case == "long-line":
        f.write(HEADER)
        repeat(f, b"abcdefghij klmnopqrst uvwxyz 0123456789 ", 512 * MiB)
    elif case == "utf16-garbage":
        rng = random.Random(seed)
        f.write(b"\xff\xfe" + HEADER.decode().encode("utf-16-le"))
        # Random code units; one in 16 is replaced by a line break, a quote, a comma or a CR.
        specials = ["\n", '"', ",", ",", "\r"]
        for _ in range(256):
            block = bytearray(rng.randbytes(MiB))
            for i in range(0, MiB, 32):
                block[i:i + 2] = specials[block[i] % len(specials)].encode("utf-16-le")
            f.write(block)
    else:
        sys.exit(f"unknown case {case}")
PY
}

# What each case must report (a stable diagnostic code).
declare -A expected=(
  [cell-1g]=csv.field-too-long [over-limit]=input.too-large [columns-1m]=csv.too-many-fields
  [garbage-10m]=input.required [quotes-100m]=csv.field-too-long [doubled-quotes]=csv.field-too-long
  [long-line]=csv.field-too-long [utf16-garbage]=input.encoding
)

rows=()
failed=0
for c in "${cases[@]}"; do
  dir="$scratch/$c/$period"
  out="$scratch/$c/out"
  rm -rf "$scratch/$c"
  mkdir -p "$dir" "$out"
  echo "limits-test: $c: generating…" >&2
  generate "$c" "$dir/flows.csv"
  input_bytes=$(stat -c %s "$dir/flows.csv")
  cmd=("$bin" "$command" "$dir" --reference Inputs/reference --templates Templates --quiet "${extra[@]}")
  [ "$command" = run ] && cmd+=(--output "$out")
  echo "limits-test: $c: ${cmd[*]}" >&2
  status=0
  /usr/bin/time -f '%e %M' -o "$scratch/$c/time" timeout -k 10 "$timeout_s" "${cmd[@]}" \
    >"$scratch/$c/stdout" 2>"$scratch/$c/stderr" || status=$?
  read -r wall rss_kb < <(tail -n 1 "$scratch/$c/time")
  rss_mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k * 1024 / 1e6 }')
  problems=()
  case $status in
    0 | 1) ;;
    124 | 137) problems+=("timed out after ${timeout_s}s") ;;
    *) problems+=("exit status $status") ;;
  esac
  grep -qF "[${expected[$c]}]" "$scratch/$c/stderr" || problems+=("no [${expected[$c]}] diagnostic")
  [ "$rss_mb" -le "$bound_mb" ] || problems+=("peak RSS $rss_mb MB > $bound_mb MB")
  counts="nothing archived"
  manifest="$out/$period/manifest.json"
  if [ "$command" = check ]; then
    counts="(check)"
  elif [ -f "$manifest" ]; then
    check=$(python3 - "$out/$period" <<'PY'
import csv, json, sys
folder = sys.argv[1]
counts = json.load(open(folder + "/manifest.json"))["counts"]
read, assessed, rejected = counts["rows_read"], counts["rows_assessed"], counts["rows_rejected"]
with open(folder + "/rejected.csv", newline="", encoding="utf-8") as f:
    listed = sum(1 for _ in csv.reader(f)) - 1
problems = []
if read != assessed + rejected:
    problems.append(f"rows_read {read} != {assessed} + {rejected}")
if listed != rejected:
    problems.append(f"rejected.csv lists {listed} rows, manifest says {rejected}")
print(f"{read:,} / {assessed:,} / {rejected:,}" + "".join(f"; {p}" for p in problems))
sys.exit(1 if problems else 0)
PY
) || problems+=("${check#*; }")
    counts=${check%%;*}
    (cd "$out/$period" && sha256sum --quiet -c SHA256SUMS >/dev/null 2>&1) || problems+=("SHA256SUMS does not match")
  fi
  # The first two diagnostics, with the scratch path shortened and table pipes escaped.
  diagnostics=$(python3 - "$scratch/$c/stderr" "$scratch/$c/" <<'PY'
import sys
lines = [l for l in open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines()
         if l and not l.startswith("error: nothing was archived")][:2]
short = [l.replace(sys.argv[2], "…/") for l in lines]
print("<br>".join((l if len(l) <= 170 else l[:169] + "…").replace("|", "\\|") for l in short))
PY
)
  verdict=ok
  if [ "${#problems[@]}" -gt 0 ]; then
    verdict="**FAILED: $(IFS=';'; echo "${problems[*]}")**"
    failed=1
  fi
  size=$(awk -v b="$input_bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
  rows+=("| $c | $size | $status | $wall | $rss_mb | $counts | $diagnostics | $verdict |")
  echo "limits-test: $c: exit $status, ${wall} s, ${rss_mb} MB, $counts, $verdict" >&2
  [ "${KEEP:-0}" = 1 ] || rm -rf "$scratch/$c"
done
[ "${KEEP:-0}" = 1 ] || [ -n "${LIMITS_DIR:-}" ] || rmdir "$scratch" 2>/dev/null || true

echo
echo "xborder $command, release build, $(nproc) CPUs, RSS bound $bound_mb MB; $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| case | input MB | exit | wall s | peak RSS MB | rows read / assessed / rejected | first diagnostics | verdict |"
echo "|---|---:|---:|---:|---:|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "MB = 10^6 bytes. Peak RSS is GNU time's %M."
exit "$failed"
