#!/usr/bin/env python3
"""Re-create the view-model fixtures of the template tests from the shipped sample.

Tests/XBorderCoreTests/Rendering/Fixtures/view-model.full.json is the view model of the sample's
2026-Q3 report (after 2026-Q2, so the comparison is filled) as `xborder run --dump-view-model`
writes it, without the parts the tests add themselves (`t`, `xhtml`, `svgPrefix`), and with a
neutral example in the few lists the sample leaves empty (EXAMPLES), so that every field is
populated. view-model.empty.json is the view
model of a header-only inventory. Usage (from the package root, after `swift build`):

    python3 Scripts/update-view-model-fixtures.py [path/to/xborder]
"""
import json, os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIX = os.path.join(ROOT, "Tests/XBorderCoreTests/Rendering/Fixtures")
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/xborder")

# Examples for lists the sample leaves empty and the previous fixture did not have.
EXAMPLES = {
    "step1.coverage.gaps": {"code": "KE", "name": "Kenya", "risks": "LOC, GOV, DIS", "flows": "2",
                             "sample": "F0201, F0202"},
}


def dump(period_dirs, out_json, work):
    for i, period in enumerate(period_dirs):
        args = [BIN, "run", period, "--output", os.path.join(work, "out"), "--quiet"]
        if i == len(period_dirs) - 1:
            args += ["--dump-view-model", out_json]
        subprocess.run(args, cwd=ROOT, check=False)
    with open(out_json, encoding="utf-8") as f:
        model = json.load(f)
    for key in ("t", "xhtml", "svgPrefix"):
        model.pop(key, None)
    return model


def fill(node, path=""):
    """Gives the empty lists named in EXAMPLES their example (and sets their has* flag)."""
    if isinstance(node, dict):
        for k, v in list(node.items()):
            p = f"{path}.{k}" if path else k
            if isinstance(v, list) and not v and p in EXAMPLES:
                node[k] = [EXAMPLES[p]]
                flag = "has" + k[0].upper() + k[1:]
                if flag in node:
                    node[flag] = True
            else:
                fill(v, p)
    return node


def main():
    work = tempfile.mkdtemp()
    try:
        full_path = os.path.join(FIX, "view-model.full.json")
        full = dump(["Inputs/2026-Q2", "Inputs/2026-Q3"], os.path.join(work, "full.json"), work)
        # Every finding shows controls in the full fixture: give the first one those of another.
        findings = full.get("step2", {}).get("findings", [])
        with_controls = next((f for f in findings if f.get("controls")), None)
        if findings and with_controls and not findings[0].get("controls"):
            findings[0]["controls"] = with_controls["controls"]
            findings[0]["hasControls"] = True
        fill(full)
        # Untrusted spreadsheet text in a field the report shows (the escaping test looks for it).
        if findings:
            findings[0]["asset"] = "<script>alert('asset')</script> & \"Sensor\" data"
        with open(full_path, "w", encoding="utf-8") as f:
            json.dump(full, f, ensure_ascii=False, indent=2)
            f.write("\n")
        period = os.path.join(work, "2026-Q3")
        os.makedirs(period)
        with open(os.path.join(ROOT, "Inputs/2026-Q3/flows.csv"), encoding="utf-8-sig") as src:
            header = src.readline()
        with open(os.path.join(period, "flows.csv"), "w", encoding="utf-8") as f:
            f.write(header)
        empty = dump([period], os.path.join(work, "empty.json"), work)
        with open(os.path.join(FIX, "view-model.empty.json"), "w", encoding="utf-8") as f:
            json.dump(empty, f, ensure_ascii=False, indent=2)
            f.write("\n")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
