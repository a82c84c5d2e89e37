#!/usr/bin/env python3
"""Counts the distinct assessment profiles of a flows.csv (canonical columns), whole and per rule.

    Scripts/profile-count.py flows.csv [measures.csv]

A flow's *profile* is what its assessment reads: the columns except flow_id, data_asset,
origin_entity, destination_entity, volume, owner and notes. A rule's profile is the part that
rule reads (Sources/XBorderCore/Assessment/Rules/*.swift, ImpactRating and ExposureRating in
RiskRule.swift) together with what every rule's findings read: the scope attributes that measures
and exposure rows are matched on (ScopeMatcher: category, personal data, important data, export
control, recipient type) and the flow's controls that address the rule's risk (measures.csv
`risks`). A cache of assessments per profile can only pay off when these counts are well below
the number of flows (docs/PERFORMANCE.md).
"""
import csv
import sys

GEO = ["origin_country", "destination_country", "provider_country", "storage_countries", "access_countries"]
SCOPE = ["data_category", "personal_data", "important_data", "export_controlled", "recipient_type"]
CONFIDENTIALITY_IMPACT = ["confidentiality", "important_data", "export_controlled", "personal_data"]
CONTINUITY_IMPACT = ["criticality", "frequency"]
RULES = {
    # ExposureRating over every jurisdiction touched, impact from continuity + legal weight
    "LOC": GEO + CONTINUITY_IMPACT,
    # ExposureRating (not the origin), impact from confidentiality
    "GOV": GEO + CONFIDENTIALITY_IMPACT,
    "DIS": GEO + CONFIDENTIALITY_IMPACT,
    # recipient, mechanism (email, physical media), impact from confidentiality
    "PRV": ["confidentiality", "mechanism"] + CONFIDENTIALITY_IMPACT,
    # recipient, criticality, a provider outside origin and destination, impact from continuity
    "AVL": ["origin_country", "destination_country", "provider_country"] + CONTINUITY_IMPACT,
    # received data (origin type or origin outside the organisation), category, mechanism
    "TRU": ["origin_country", "destination_country", "origin_type", "mechanism"] + CONTINUITY_IMPACT,
}
IGNORED = {"flow_id", "data_asset", "origin_entity", "destination_entity", "volume", "owner", "notes"}


def main(path, measures_path):
    with open(measures_path, encoding="utf-8-sig") as f:
        measures = list(csv.DictReader(f))
    risk_measures = {r: {m["measure_id"] for m in measures if r in m["risks"].split(";")} for r in RULES}
    whole, per_rule, flows = set(), {r: set() for r in RULES}, 0
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        columns = [c for c in reader.fieldnames if c not in IGNORED]
        for row in reader:
            flows += 1
            whole.add(tuple(row.get(c, "") for c in columns))
            controls = set(row.get("controls", "").split(";"))
            for risk, read in RULES.items():
                key = tuple(row.get(c, "") for c in dict.fromkeys(read + SCOPE))
                per_rule[risk].add(key + tuple(sorted(controls & risk_measures[risk])))
    print(f"flows {flows:,}")
    print(f"distinct whole profiles {len(whole):,} ({len(whole) / flows:.1%} of flows)")
    for risk, keys in per_rule.items():
        print(f"distinct {risk} profiles {len(keys):,} ({len(keys) / flows:.1%})")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "Inputs/reference/measures.csv")
