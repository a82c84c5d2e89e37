#!/usr/bin/env python3
"""Mutation run of `xborder run` on hostile inventories (docs/SECURITY.md, "Nothing gets in,
nothing gets lost").

Builds N mutated copies of Inputs/2026-Q3/flows.csv, deterministic per seed, and runs
`xborder run` on each in its own temporary period folder (with Inputs/2026-Q3/decisions.csv
unchanged) and its own output folder, with a 60 s timeout. A run FAILS when:

  * it is killed by a signal (negative status) or times out, or exits with a status not in {0, 1};
  * it prints a Swift runtime trap ("Fatal error", "Program crashed") on stderr;
  * it exits 0 without archiving anything;
  * it rendered a report that failed xborder's own validation (a `[report.…]` diagnostic): no
    inventory, however broken, may make the escaped report invalid;
  * it archived a period and `xmllint --noout --valid --nonet` rejects report.xhtml,
    `xmllint --noout --nonet` rejects report.html, SHA256SUMS does not match the files, or
    manifest.json's rows_read differs from rows_assessed + rows_rejected.

Usage:
  Scripts/mutation-run.py [N] [--seed S] [--only I[,I…]] [--keep DIR] [--binary PATH]
                          [--without-combining] [--verbose]

  N         number of mutated inventories (default 300)
  --seed    base seed (default 20261129); inventory I uses random.Random(f"{seed}:{I}")
  --only    run only these inventory numbers (to reproduce a failure)
  --keep    keep every period and archive under DIR instead of a removed temporary folder
  --binary  the xborder executable (default .build/debug/xborder; built if missing)
  --without-combining
            leave out the payloads with a combining mark after `<`, `&` or `"` (known gap 1 of
            docs/SECURITY.md), to look for other failures while that one is open

Prints one line per failure and a summary; exits 1 if any run failed. Standard library only.
"""

import argparse
import codecs
import csv
import hashlib
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PERIOD = "2026-Q3"
TIMEOUT = 60

# The payload corpus of Tests/XBorderCoreTests/Security/PayloadCorpusTests.swift.
PAYLOADS = [
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "' onmouseover='x", "]]>",
    '<!ENTITY x SYSTEM "file:///etc/passwd">', "&xxe;", "&amp;lt;", "javascript:alert(1)",
    "expression(alert(1))", "</svg:svg><svg:script>", "{{t.report_title}}", "{{{x}}}",
    "NUL\x00inside", "SOH\x01inside", "VT\x0binside", "US\x1finside", "C1\x9b31m", "nonchar\ufffeinside",
    "nonchar\uffff", "invoice\u202efdp.exe", "\u2066LRI\u2067RLI\u2068FSI\u2069PDI", "\x00\x01\u202e",
    "=1+2", "+cmd", "-2+3", "@SUM(1)", "\t=1+2", "\r=1+2", '=HYPERLINK("https://example.invalid","x")',
    "a=1+2", "\uff1d1+2", "'=1+2", "{route}", "{asset}", "{recipient}",
    # markup characters followed by a combining mark (one grapheme cluster; "<\u0338" is NFD "≮")
    "a <\u0338 b", "R&\u0301D", 'say "\u0301hi"',
]
COMBINING = {"a <\u0338 b", "R&\u0301D", 'say "\u0301hi"'}

# Bytes worth inserting: NUL, 0xFF, a lone UTF-8 lead byte, quotes, CR, LF, delimiters, TAB,
# a BOM fragment, a UTF-16 BOM, a lone continuation byte.
SPECIAL_BYTES = [b"\x00", b"\xff", b"\xc3", b'"', b"\r", b"\n", b",", b";", b"\t", b"\xef\xbb", b"\xff\xfe",
                 b"\x80", b"\xed\xa0\x80", b"'", b"=", b"\x1b[31m"]

JAPANESE_HEADERS = ["フローID", "データ名", "データ種別", "機密区分", "移転元国", "移転先国", "実施済み対策", "責任部署"]


def parse(data):
    """The sample as rows of text (it is UTF-8 with BOM)."""
    text = data.decode("utf-8-sig")
    return [row for row in csv.reader(io.StringIO(text, newline=""))]


def unparse(rows, delimiter=",", terminator="\r\n"):
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator=terminator).writerows(rows)
    return out.getvalue().encode("utf-8")


def random_cell(rng, rows):
    r = rng.randrange(len(rows))
    c = rng.randrange(len(rows[r])) if rows[r] else 0
    return r, c


# Each mutation takes (rng, original bytes) and returns (bytes, description).

def byte_flips(rng, data):
    buf = bytearray(data)
    k = rng.randint(1, 40)
    where = []
    for _ in range(k):
        i = rng.randrange(len(buf))
        buf[i] ^= rng.randint(1, 255)
        where.append(i)
    return bytes(buf), f"byte flips x{k} at {sorted(where)[:6]}..."


def byte_insertions(rng, data):
    buf = bytearray(data)
    k = rng.randint(1, 30)
    kinds = []
    for _ in range(k):
        chunk = rng.choice(SPECIAL_BYTES)
        i = rng.randrange(len(buf) + 1)
        buf[i:i] = chunk
        kinds.append(chunk.hex())
    return bytes(buf), f"byte insertions x{k} ({','.join(sorted(set(kinds)))})"


def truncation(rng, data):
    i = rng.randrange(len(data))
    return data[:i], f"truncated at byte {i} of {len(data)}"


def delimiter_damage(rng, data):
    buf = bytearray(data)
    commas = [i for i, b in enumerate(buf) if b == 0x2C]
    k = rng.randint(1, 25)
    picked = sorted(rng.sample(commas, min(k, len(commas))), reverse=True)
    dup = rng.random() < 0.5
    for i in picked:
        if dup:
            buf[i:i] = b"," * rng.randint(1, 3)
        else:
            del buf[i]
    return bytes(buf), f"{'duplicated' if dup else 'removed'} {len(picked)} delimiters"


def swapped_columns(rng, data):
    rows = parse(data)
    width = len(rows[0])
    a, b = rng.sample(range(width), 2)
    header_too = rng.random() < 0.5
    for n, row in enumerate(rows):
        if (n > 0 or header_too) and len(row) > max(a, b):
            row[a], row[b] = row[b], row[a]
    return unparse(rows), f"swapped columns {a} and {b} ({'with' if header_too else 'without'} the header)"


def header_mutation(rng, data):
    rows = parse(data)
    header = rows[0]
    kind = rng.choice(["rename", "duplicate", "drop", "upper", "spaces", "empty", "japanese", "shuffle", "bom"])
    i = rng.randrange(len(header))
    if kind == "rename":
        header[i] = header[i] + rng.choice(["x", "_", " 2", "\u00e9"])
    elif kind == "duplicate":
        header[i] = header[rng.randrange(len(header))]
    elif kind == "drop":
        for row in rows:
            if len(row) > i:
                del row[i]
    elif kind == "upper":
        rows[0] = [h.upper() for h in header]
    elif kind == "spaces":
        rows[0] = ["  " + h.replace("_", " ") + " " for h in header]
    elif kind == "empty":
        header[i] = ""
    elif kind == "japanese":
        for j in range(min(len(header), len(JAPANESE_HEADERS))):
            header[j] = JAPANESE_HEADERS[j]
    elif kind == "shuffle":
        order = list(range(len(header)))
        rng.shuffle(order)
        rows = [[row[j] if j < len(row) else "" for j in order] for row in rows]
    out = unparse(rows)
    if kind == "bom":
        out = b"\xef\xbb\xbf" + b"\xef\xbb\xbf" + out
    return out, f"header mutation '{kind}' at column {i}"


def huge_cell(rng, data):
    rows = parse(data)
    r, c = random_cell(rng, rows[1:])
    size = rng.choice([2 * 1024 * 1024, (1 << 20) + 1, (1 << 20) - 8, 3 * 1024 * 1024])
    fill = rng.choice(["A", "<", "&", "\u00e9", '"'])
    rows[r + 1][c] = (fill * (size // len(fill.encode())))[: size]
    return unparse(rows), f"huge cell of ~{size} bytes of {fill!r} at row {r + 2} column {c + 1}"


def wide_row(rng, data):
    rows = parse(data)
    width = rng.choice([4097, 5000, 20000])
    r = rng.randrange(len(rows))
    rows[r] = rows[r] + [f"x{i}" for i in range(width - len(rows[r]))]
    return unparse(rows), f"{width}-column row at line {r + 1}"


def payload_injection(rng, data):
    rows = parse(data)
    k = rng.randint(1, 40)
    names = []
    for _ in range(k):
        r, c = random_cell(rng, rows[1:])
        payload = rng.choice(PAYLOADS)
        rows[r + 1][c] = payload if rng.random() < 0.6 else rows[r + 1][c] + payload
        names.append(f"r{r + 2}c{c + 1}")
    return unparse(rows, terminator=rng.choice(["\r\n", "\n"])), f"{k} corpus payloads at {names[:5]}..."


def utf16le(rng, data):
    text = data.decode("utf-8-sig")
    sep = rng.choice([",", "\t"])
    if sep == "\t":
        text = unparse(parse(data), delimiter="\t").decode("utf-8")
    out = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    damage = ""
    if rng.random() < 0.4:
        i = rng.randrange(2, len(out) // 2) * 2
        out = out[:i] + b"\x00\xd8" + out[i:]  # lone high surrogate
        damage = f", lone surrogate at byte {i}"
    if rng.random() < 0.2:
        out = out[:-1]
        damage += ", odd byte count"
    return out, f"UTF-16LE with BOM, {'TAB' if sep == chr(9) else 'comma'}{damage}"


def cp932(rng, data):
    text = data.decode("utf-8-sig")
    out = text.encode("cp932", errors="replace")
    if rng.random() < 0.5:
        i = rng.randrange(len(out))
        out = out[:i] + b"\x82" + out[i:]  # a lone lead byte
        return out, f"CP932 bytes with a lone lead byte at {i}"
    return out, "CP932 bytes"


def empty_file(rng, data):
    return rng.choice([b"", b"\xef\xbb\xbf", b"\r\n", b"\xff\xfe"]), "empty file (or BOM / newline only)"


def header_only(rng, data):
    first = data.split(b"\n", 1)[0] + rng.choice([b"\n", b""])
    return first, "header only"


def line_endings(rng, data):
    kind = rng.choice(["cr", "lf", "mixed", "sep-hint", "semicolon"])
    if kind == "cr":
        return data.replace(b"\r\n", b"\r"), "CR-only line ends"
    if kind == "lf":
        return data.replace(b"\r\n", b"\n"), "LF line ends"
    if kind == "mixed":
        lines = data.split(b"\r\n")
        return b"".join(l + rng.choice([b"\r\n", b"\n", b"\r"]) for l in lines), "mixed line ends"
    if kind == "sep-hint":
        return b"sep=;\r\n" + data, "Excel sep=; hint over a comma file"
    return unparse(parse(data), delimiter=";"), "semicolon-delimited"


def quotes(rng, data):
    buf = bytearray(data)
    k = rng.randint(1, 10)
    for _ in range(k):
        i = rng.randrange(len(buf))
        buf[i:i] = b'"'
    tail = rng.random() < 0.3
    if tail:
        buf += b'"unterminated'
    return bytes(buf), f"{k} stray quotes{' and an unterminated final quote' if tail else ''}"


def duplicated_rows(rng, data):
    rows = parse(data)
    k = rng.randint(1, 30)
    for _ in range(k):
        rows.insert(rng.randrange(1, len(rows) + 1), list(rng.choice(rows[1:])))
    return unparse(rows), f"{k} duplicated rows (duplicate flow_id)"


MUTATIONS = [byte_flips, byte_insertions, truncation, delimiter_damage, swapped_columns, header_mutation,
             huge_cell, wide_row, payload_injection, utf16le, cp932, empty_file, header_only, line_endings,
             quotes, duplicated_rows]


def mutate(seed, index, original):
    """The inventory number `index` for `seed`: one or (one in four) two to three mutations."""
    rng = random.Random(f"{seed}:{index}")
    data = original
    steps = []
    first = MUTATIONS[index % len(MUTATIONS)]
    data, what = first(rng, data)
    steps.append(what)
    if first not in (empty_file, header_only) and rng.random() < 0.25:
        for _ in range(rng.randint(1, 2)):
            extra = rng.choice([byte_flips, byte_insertions, truncation, payload_injection, quotes, delimiter_damage])
            if len(data) == 0:
                break
            try:
                data, what = extra(rng, data)
            except (UnicodeDecodeError, ValueError, IndexError):
                continue
            steps.append(what)
    return data, " + ".join(steps)


def signal_name(status):
    try:
        return signal.Signals(-status).name
    except ValueError:
        return f"signal {-status}"


def check_archive(folder):
    """Problems with an archived period (empty list when it is sound)."""
    problems = []
    for name, args in (("report.xhtml", ["--valid", "--nonet"]), ("report.html", ["--nonet"])):
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            problems.append(f"{name} missing")
            continue
        lint = subprocess.run(["xmllint", "--noout", *args, path], capture_output=True, text=True)
        if lint.returncode != 0:
            problems.append(f"xmllint {' '.join(args)} {name}: {lint.stderr.strip()[:300]}")
    sums = os.path.join(folder, "SHA256SUMS")
    try:
        with open(sums, encoding="utf-8") as f:
            for line in f:
                digest, name = line.rstrip("\n").split("  ", 1)
                with open(os.path.join(folder, name), "rb") as g:
                    if hashlib.sha256(g.read()).hexdigest() != digest:
                        problems.append(f"SHA256SUMS: {name} does not match")
    except (OSError, ValueError) as e:
        problems.append(f"SHA256SUMS unreadable: {e}")
    try:
        with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        counts = manifest.get("counts", manifest)
        read, assessed, rejected = (counts.get(k) for k in ("rows_read", "rows_assessed", "rows_rejected"))
        if None in (read, assessed, rejected):
            problems.append("manifest.json lacks rows_read/rows_assessed/rows_rejected")
        elif read != assessed + rejected:
            problems.append(f"rows_read {read} != rows_assessed {assessed} + rows_rejected {rejected}")
    except (OSError, ValueError) as e:
        problems.append(f"manifest.json unreadable: {e}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--only", default=None)
    parser.add_argument("--keep", default=None)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "xborder"))
    parser.add_argument("--without-combining", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if args.without_combining:
        PAYLOADS[:] = [p for p in PAYLOADS if p not in COMBINING]

    if not os.access(args.binary, os.X_OK):
        print(f"building {args.binary}", file=sys.stderr)
        subprocess.run(["swift", "build"], cwd=ROOT, check=True)
    if shutil.which("xmllint") is None:
        sys.exit("xmllint not found: apt-get install libxml2-utils w3c-sgml-lib (xmllint uses the system catalogue)")
    with open(os.path.join(ROOT, "Inputs", PERIOD, "flows.csv"), "rb") as f:
        original = f.read()
    decisions = os.path.join(ROOT, "Inputs", PERIOD, "decisions.csv")

    indices = range(args.n) if args.only is None else [int(i) for i in args.only.split(",")]
    work = args.keep or tempfile.mkdtemp(prefix="xborder-mutation-")
    os.makedirs(work, exist_ok=True)
    counts = {"n": 0, "exit0": 0, "exit1": 0, "archived": 0, "xhtml_valid": 0, "html_ok": 0}
    failures = []
    started = time.monotonic()
    try:
        for index in indices:
            data, description = mutate(args.seed, index, original)
            case = os.path.join(work, f"m{index:04d}")
            period = os.path.join(case, "Inputs", PERIOD)
            output = os.path.join(case, "Output")
            os.makedirs(period, exist_ok=True)
            with open(os.path.join(period, "flows.csv"), "wb") as f:
                f.write(data)
            shutil.copy(decisions, os.path.join(period, "decisions.csv"))
            command = [args.binary, "run", period, "--output", output,
                       "--reference", os.path.join(ROOT, "Inputs", "reference"),
                       "--templates", os.path.join(ROOT, "Templates"), "--quiet"]
            counts["n"] += 1
            problems = []
            t0 = time.monotonic()
            try:
                run = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=TIMEOUT)
                status, stderr = run.returncode, run.stderr.decode("utf-8", "replace")
            except subprocess.TimeoutExpired:
                status, stderr = None, ""
                problems.append(f"timeout after {TIMEOUT} s")
            elapsed = time.monotonic() - t0
            if status is not None:
                if status < 0:
                    problems.append(f"killed by {signal_name(status)}")
                elif status not in (0, 1):
                    problems.append(f"exit status {status}")
                if status == 0:
                    counts["exit0"] += 1
                elif status == 1:
                    counts["exit1"] += 1
                for trap in ("Fatal error", "Program crashed", "Illegal instruction"):
                    if trap in stderr:
                        line = next((l for l in stderr.splitlines() if trap in l), trap)
                        problems.append(f"runtime trap: {line.strip()[:200]}")
                        break
                invalid = [l for l in stderr.splitlines() if "[report." in l]
                if invalid:
                    problems.append(f"rendered report invalid ({len(invalid)} issues): {invalid[0].strip()[:300]}")
            folder = os.path.join(output, PERIOD)
            if os.path.isdir(folder):
                counts["archived"] += 1
                archive_problems = check_archive(folder)
                if not any(p.startswith(("xmllint --valid", "report.xhtml")) for p in archive_problems):
                    counts["xhtml_valid"] += 1
                if not any(p.startswith(("xmllint --nonet report.html", "report.html")) for p in archive_problems):
                    counts["html_ok"] += 1
                problems += archive_problems
            elif status == 0:
                problems.append("exit 0 but nothing archived")
            if problems:
                failures.append((index, description, problems))
                print(f"FAIL #{index} [{description}]: {'; '.join(problems)}", flush=True)
            elif args.verbose:
                print(f"ok   #{index} exit {status} {elapsed:.1f}s [{description}]", flush=True)
            if not args.keep:
                shutil.rmtree(case, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"mutation run: seed {args.seed}{' without combining payloads' if args.without_combining else ''}, "
          f"{counts['n']} inventories in {time.monotonic() - started:.0f} s")
    print(f"  exit 0: {counts['exit0']}   exit 1: {counts['exit1']}   archived: {counts['archived']}"
          f"   xhtml valid: {counts['xhtml_valid']}   html well-formed: {counts['html_ok']}")
    crashes = sum(1 for _, _, ps in failures
                  if any(p.startswith(("killed by", "timeout", "exit status", "runtime trap")) for p in ps))
    print(f"  failures: {len(failures)} (crashes, signals, timeouts or bad exit status: {crashes})")
    for index, description, problems in failures:
        print(f"    #{index} [{description}]: {'; '.join(problems)}")
        flag = " --without-combining" if args.without_combining else ""
        print(f"      reproduce: Scripts/mutation-run.py --seed {args.seed}{flag} --only {index} "
              f"--keep /tmp/xborder-repro")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
