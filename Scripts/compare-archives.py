#!/usr/bin/env python3
"""Compares two archive folders of the same inputs written by two xborder builds, when
findings.json changed layout between them (schema 2 → 3: each distinct assessment once in an
`assessments` table, findings citing it by ID).

    Scripts/compare-archives.py REFERENCE_FOLDER CANDIDATE_FOLDER

Every file must be byte-identical except:
- findings.json: the candidate's findings, with their assessment entries put back in place, must
  equal the reference's findings member by member and in order; the tables (exposures, measures,
  jurisdictions) must be equal;
- manifest.json: equal once the findings.json entry's hash and size are left out;
- SHA256SUMS: equal once the findings.json and manifest.json lines are left out.
Exits 1 and names the first difference otherwise. Used by Scripts/same-output.sh.
"""
import json
import os
import sys
from collections import OrderedDict


def load(path):
    with open(path, "rb") as f:
        return json.loads(f.read(), object_pairs_hook=OrderedDict)


def expand(document):
    """The schema-2 form of a schema-3 findings.json."""
    assessments = document["assessments"]
    findings = []
    for finding in document["findings"]:
        entry = assessments[finding["assessment"]]
        if entry["risk"] != finding["risk"]:
            raise ValueError("%s cites an assessment of another risk" % finding["finding_id"])
        out = OrderedDict()
        for key in ("finding_id", "flow_id", "risk", "flows_csv_line", "origin", "destination"):
            out[key] = finding[key]
        for key in ("inherent", "residual", "hits", "controls", "withheld_controls", "unmet_duty",
                    "recommended_measures"):
            out[key] = entry[key]
        out["decision"] = finding["decision"]
        out["reasons"] = entry["reasons"]
        findings.append(out)
    return findings


def same_findings_json(a, b):
    ref, cand = load(a), load(b)
    if ref.get("schema_version") == cand.get("schema_version"):
        return "findings.json differs" if ref != cand else None
    if ref.get("schema_version") != 2 or cand.get("schema_version") != 3:
        return "findings.json: schema %s vs %s" % (ref.get("schema_version"), cand.get("schema_version"))
    expanded = expand(cand)
    if len(expanded) != len(ref["findings"]):
        return "findings.json: %d findings vs %d" % (len(ref["findings"]), len(expanded))
    for k, (x, y) in enumerate(zip(ref["findings"], expanded)):
        if x != y:
            return "findings.json: finding %d (%s) differs" % (k, x.get("finding_id"))
    cited = {f["assessment"] for f in cand["findings"]}
    if cited != set(cand["assessments"]):
        return "findings.json: %d assessments listed, %d cited" % (len(cand["assessments"]), len(cited))
    for key in ("tool", "period", "as_of", "exposures", "measures", "jurisdictions"):
        if ref[key] != cand[key]:
            return "findings.json: %s differs" % key
    return None


def same_manifest(a, b):
    def strip(m):
        for f in m.get("files", []):
            if f.get("path") == "findings.json":
                f.pop("sha256", None)
                f.pop("size", None)
        return m
    return None if strip(load(a)) == strip(load(b)) else "manifest.json differs beyond findings.json"


def same_sums(a, b):
    def lines(p):
        with open(p) as f:
            return [l for l in f if not l.rstrip().endswith(("  findings.json", "  manifest.json"))]
    return None if lines(a) == lines(b) else "SHA256SUMS differs beyond findings.json and manifest.json"


def files(root):
    return sorted(os.path.relpath(os.path.join(d, n), root) for d, _, names in os.walk(root) for n in names)


def main(a, b):
    fa, fb = files(a), files(b)
    if fa != fb:
        print("different files: %s" % sorted(set(fa) ^ set(fb)))
        return 1
    for rel in fa:
        pa, pb = os.path.join(a, rel), os.path.join(b, rel)
        with open(pa, "rb") as x, open(pb, "rb") as y:
            if x.read() == y.read():
                continue
        name = os.path.basename(rel)
        check = {"findings.json": same_findings_json, "manifest.json": same_manifest, "SHA256SUMS": same_sums}.get(name)
        problem = check(pa, pb) if check else "%s differs" % rel
        if problem:
            print("%s: %s" % (rel, problem))
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
