#!/usr/bin/env bash
# A full disk and a read-only archive are clear errors that leave the archive as it was
# (docs/SECURITY.md). Needs root (it mounts a small tmpfs); prints "skipped" otherwise.
#
# Usage: Scripts/disk-full-test.sh    Env: XBORDER (binary, default .build/debug/xborder)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${XBORDER:-.build/debug/xborder}
[ -x "$bin" ] || swift build >/dev/null
mnt=$(mktemp -d)
if ! mount -t tmpfs -o size=3M tmpfs "$mnt" 2>/dev/null; then
  echo "skipped: cannot mount a tmpfs here (needs root)"; rmdir "$mnt"; exit 0
fi
trap 'umount "$mnt" 2>/dev/null || true; rmdir "$mnt"' EXIT
status=0

# An archived period that must survive untouched.
"$bin" run Inputs/2026-Q2 --output "$mnt/Output" --quiet >/dev/null
before=$(cd "$mnt/Output/2026-Q2" && sha256sum -c SHA256SUMS --quiet && find . -type f | sort | xargs sha256sum | sha256sum)
# Fill the disk almost completely, then run the next quarter.
dd if=/dev/zero of="$mnt/filler" bs=64k count=1000 2>/dev/null || true
set +e
out=$("$bin" run Inputs/2026-Q3 --output "$mnt/Output" 2>&1); code=$?
set -e
echo "full disk: exit $code; $(echo "$out" | grep -m1 -E 'archive|No space|error' || echo 'no message')"
[ "$code" = 1 ] || { echo "FAIL: expected exit 1"; status=1; }
ls "$mnt/Output" | grep -q '^2026-Q3' && { echo "FAIL: a partial 2026-Q3 was left"; status=1; }
after=$(cd "$mnt/Output/2026-Q2" && find . -type f | sort | xargs sha256sum | sha256sum)
[ "$before" = "$after" ] && echo "earlier period unchanged: yes" || { echo "FAIL: 2026-Q2 changed"; status=1; }
rm -f "$mnt/filler"
find "$mnt/Output" -maxdepth 1 -name '.staging-*' | grep -q . && echo "note: a staging folder remains until the next run removes it"

# Read-only archive.
mount -o remount,ro "$mnt"
set +e
out=$("$bin" run Inputs/2026-Q3 --output "$mnt/Output" 2>&1); code=$?
set -e
echo "read-only: exit $code; $(echo "$out" | grep -m1 -E 'archive|error' || echo 'no message')"
[ "$code" = 1 ] || { echo "FAIL: expected exit 1"; status=1; }
after=$(cd "$mnt/Output/2026-Q2" && find . -type f | sort | xargs sha256sum | sha256sum)
[ "$before" = "$after" ] && echo "earlier period unchanged: yes" || { echo "FAIL: 2026-Q2 changed"; status=1; }
mount -o remount,rw "$mnt"
"$bin" verify "$mnt/Output/2026-Q2" >/dev/null && echo "verify 2026-Q2: intact" || { echo "FAIL: verify"; status=1; }
exit $status
