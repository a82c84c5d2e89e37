#!/usr/bin/env python3
"""Generate a synthetic flow inventory of N flows for benchmarks and scale tests.

Usage: python3 Scripts/generate-inventory.py N OUT_DIR [--seed S]

Writes OUT_DIR/flows.csv as Excel's "CSV UTF-8" saves it (UTF-8 with BOM, CRLF), with the
canonical header of the README's flows.csv columns. OUT_DIR must be a period folder (its name is a period such
as 2030-Q1, 2030-07 or 2030-H2: xborder derives the as-of date from it), e.g.
/tmp/bench/10000/2030-Q1. It is created if missing.

The output is deterministic: the same N and seed give the same bytes (no clock, no hash order).
Every row is valid for xborder (0 rejected, no warnings): countries resolve, enumerations are the
canonical values, controls are catalogue IDs M01–M18, volumes are whole numbers.

Distributions are skewed like a real manufacturer's inventory:
  - origin mostly JP, then CN, US, DE, VN, IN, TH, KR, SG, GB and a long tail; flows leaving
    Japan go abroad, flows from abroad mostly come to Japan;
  - all nine data categories, the confidentiality mix public/internal/confidential/secret;
  - about 10% of rows hold a quoted cell with a comma ("Co., Ltd."), some notes with doubled
    quotes, about 1% multi-line quoted notes (LF inside the quotes, CRLF between records);
  - about 20% Japanese asset and entity names; some country spellings USA, UK, 日本, Germany…;
  - 0–3 controls per flow; flow IDs F0000001, F0000002, …
The average row is about 160 bytes, so 1,000,000 flows make about 160 MB.

Standard library only. Rows are generated in chunks and each chunk is written with one write.
"""

import argparse
import bisect
import itertools
import os
import random
import re
import sys
import time

HEADER = (
    "flow_id,data_asset,data_category,personal_data,confidentiality,important_data,"
    "export_controlled,criticality,origin_country,origin_entity,destination_country,"
    "destination_entity,recipient_type,provider_country,storage_countries,access_countries,"
    "volume,frequency,mechanism,controls,owner,notes"
)
PERIOD = re.compile(r"^\d{4}-(Q[1-4]|H[12]|(0[1-9]|1[0-2]))$")
CHUNK = 20_000


def q(text):
    """RFC 4180 cell: quoted when it holds a delimiter, quote or line break."""
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


class Pick:
    """Weighted choice over a fixed list, values CSV-escaped once."""

    def __init__(self, pairs, escape=True):
        self.values = [q(v) if escape else v for v, _ in pairs]
        self.cum = list(itertools.accumulate(w for _, w in pairs))
        self.total = self.cum[-1]

    def __call__(self, rnd):
        return self.values[bisect.bisect_right(self.cum, rnd() * self.total)]

    def many(self, rng, n):
        return rng.choices(self.values, cum_weights=self.cum, k=n)


# Countries (ISO alpha-2) with weights. Origins are skewed to Japan and its big partners.
ORIGIN = [
    ("JP", 340), ("CN", 120), ("US", 80), ("DE", 55), ("VN", 45), ("IN", 40), ("TH", 38),
    ("KR", 35), ("SG", 25), ("GB", 22), ("TW", 18), ("MY", 15), ("ID", 15), ("MX", 15),
    ("FR", 12), ("NL", 10), ("PH", 10), ("BR", 10), ("IT", 8), ("PL", 8), ("CZ", 6),
    ("HU", 5), ("CA", 6), ("AU", 6), ("ES", 5), ("SE", 4), ("TR", 4), ("AE", 4), ("SA", 4),
    ("HK", 5), ("ZA", 3), ("RU", 2), ("CH", 3), ("IE", 3), ("BE", 3), ("AT", 2),
]
# Destinations of flows leaving Japan.
ABROAD = [
    ("US", 160), ("CN", 110), ("DE", 70), ("SG", 60), ("VN", 45), ("TH", 40), ("IN", 40),
    ("KR", 35), ("GB", 30), ("TW", 25), ("MX", 20), ("NL", 18), ("FR", 18), ("MY", 15),
    ("ID", 15), ("IE", 12), ("BR", 10), ("PH", 10), ("AU", 10), ("CA", 8), ("IT", 8),
    ("PL", 7), ("CZ", 6), ("SA", 5), ("AE", 5), ("TR", 4), ("HK", 6), ("CH", 4), ("ES", 5),
    ("RU", 2), ("ZA", 3), ("SE", 3), ("BE", 3),
]
# Spellings other than alpha-2 that exports carry (all resolve in xborder's country table).
VARIANTS = {
    "JP": ["日本", "Japan", "JPN"], "US": ["USA", "United States", "U.S.", "米国"],
    "GB": ["UK", "United Kingdom", "英国"], "DE": ["Germany", "Deutschland", "ドイツ"],
    "CN": ["China", "中国", "CHN"], "KR": ["South Korea", "KOR", "韓国"],
    "VN": ["Vietnam", "Viet Nam", "ベトナム"], "IN": ["India", "インド"],
    "TH": ["Thailand", "タイ"], "SG": ["Singapore", "シンガポール"], "FR": ["France"],
    "MX": ["Mexico", "MEX"], "NL": ["Netherlands"], "TW": ["Taiwan", "台湾"],
}
CLOUD_HOME = [("US", 75), ("JP", 10), ("DE", 5), ("CN", 6), ("KR", 2), ("FR", 2)]

CATEGORY = [
    ("operational", 26), ("technical", 18), ("supply_chain", 15), ("commercial", 12),
    ("personal", 10), ("financial", 7), ("security_logs", 7), ("geospatial", 3), ("other", 2),
]
ASSETS = {
    "technical": [
        "CAD models", "Machine drawings", "Firmware source", "Test bench data", "FEM models",
        "BOM master", "PLC programs", "Design specs", "R&D lab notes", "Patent drafts",
        "設計図面", "3D CADデータ", "試験データ", "ファームウェア", "解析モデル",
    ],
    "operational": [
        "Sensor telemetry", "Machine logs", "OEE metrics", "Line PLC data", "Spindle vibration",
        "Energy meter data", "Yield data", "Maintenance logs", "Process parameters",
        "稼働データ", "センサーデータ", "品質検査データ", "設備保全記録",
    ],
    "supply_chain": [
        "Supplier forecasts", "Inventory levels", "Shipment data", "Purchase orders",
        "Logistics tracking", "Supplier scorecards", "調達計画", "在庫データ", "出荷実績",
    ],
    "commercial": [
        "Customer orders", "Price lists", "Quotes", "Sales pipeline", "Market data",
        "Service contracts", "受注データ", "見積書", "販売実績",
    ],
    "financial": [
        "GL postings", "Transfer pricing", "Invoices", "Payroll totals", "Budget plans",
        "決算データ", "請求書",
    ],
    "personal": [
        "HR records", "Payroll", "Customer contacts", "Badge logs", "Recruiting data",
        "Driver data", "人事データ", "給与データ", "顧客連絡先",
    ],
    "security_logs": [
        "SIEM events", "Firewall logs", "EDR alerts", "Access logs", "VPN logs",
        "認証ログ", "監視ログ",
    ],
    "geospatial": ["Site surveys", "Fleet GPS", "Plant layouts", "Drone imagery", "測量データ"],
    "other": ["Misc. exports", "Archive files", "Training material", "社内資料"],
}
QUALIFIER = [
    ("", 40), (" L1", 4), (" L2", 4), (" L3", 3), (" v2", 4), (" FY30", 4), (" EU", 3),
    (" APAC", 3), (" (Line 4)", 2), (" 2030", 3), ("（第2工場）", 2), (" HMC-800", 2),
]
# Group sites by country (origin entities and group-company recipients).
SITES = {
    "JP": [("Nagoya HQ", 30), ("Kasugai Plant", 14), ("Toyohashi R&D", 12), ("Tokyo Office", 8),
           ("Osaka Sales", 5), ("名古屋本社", 12), ("春日井工場", 7), ("豊橋研究所", 5), ("大阪営業所", 3)],
    "CN": [("Suzhou Plant", 10), ("Shanghai Sales", 5), ("星空精機（蘇州）", 4),
           ("Hoshizora Precision (Suzhou) Co., Ltd.", 1)],
    "US": [("Dayton Plant", 8), ("Chicago Sales", 4), ("Hoshizora America, Inc.", 1)],
    "DE": [("Stuttgart GmbH", 8), ("Munich Office", 3)],
    "VN": [("Hai Phong Plant", 8), ("Hoshizora Vietnam Co., Ltd.", 1)],
    "IN": [("Pune R&D", 6), ("Chennai Plant", 4)],
    "TH": [("Rayong Plant", 6), ("Hoshizora (Thailand) Co., Ltd.", 1)],
    "KR": [("Cheongju Site", 4), ("Seoul Office", 3)],
    "SG": [("SG Hub", 6), ("APAC Shared Services", 3)],
    "GB": [("UK Sales", 4)],
    "MX": [("Queretaro Plant", 4)],
}
SITES_ELSEWHERE = [("Local subsidiary", 6), ("Sales office", 5), ("Service center", 3), ("Distributor", 2)]
# Recipients other than group companies.
RECIPIENTS_BY_TYPE = {
    "cloud_provider": [("Atlas Cloud", 10), ("Nimbus Cloud", 6), ("Skyline Compute", 3),
                       ("アトラスクラウド", 3), ("Atlas Cloud Japan K.K.", 3)],
    "platform": [("Supplier portal", 6), ("Trade platform", 4), ("Catena-X connector", 2)],
    "supplier": [("Shenzhen Xinda Precision Co., Ltd.", 3), ("Daehan Energy Cells Co., Ltd.", 2),
                 ("Siam Parts Co., Ltd.", 1), ("Logistics 3PL", 6), ("Tier-2 supplier", 6),
                 ("協力会社", 4), ("部品メーカー", 3)],
    "partner": [("JV partner", 6), ("Research institute", 3), ("Systems integrator", 4),
                ("Apex Robotics, Inc.", 1), ("共同研究先", 2)],
    "customer": [("OEM customer", 8), ("Key account", 4), ("Distributor", 3), ("得意先", 2)],
    "public_body": [("Customs authority", 3), ("Tax office", 2), ("Regulator", 2)],
}
RECIPIENT = [
    ("group_company", 50), ("cloud_provider", 16), ("supplier", 10), ("partner", 9),
    ("customer", 7), ("platform", 6), ("public_body", 2),
]
FREQUENCY = [("continuous", 20), ("daily", 28), ("weekly", 15), ("monthly", 22), ("quarterly", 7), ("ad_hoc", 8)]
MECHANISM = [
    ("api", 28), ("file_transfer", 22), ("email", 16), ("platform", 14), ("cloud_replication", 12),
    ("remote_access", 6), ("physical_media", 2),
]
CONFIDENTIALITY = [("public", 8), ("internal", 40), ("confidential", 40), ("secret", 12)]
CRITICALITY = [("", 15), ("low", 22), ("medium", 40), ("high", 23)]
OWNER = [
    ("Prod. Eng.", 20), ("R&D", 14), ("Procurement", 10), ("Sales EU", 8), ("QA", 10),
    ("Finance", 7), ("Legal", 4), ("SecOps", 7), ("HR", 6), ("IT Infra", 10),
    ("生産技術部", 6), ("品質保証部", 4), ("情報システム部", 4),
]
NOTES = [
    ("", 560), ("Reviewed Q2", 50), ("DPA signed", 40), ("Keys held by HQ", 25),
    ("Provider-managed keys", 25), ("Export screening done", 20), ("SCC in place", 20),
    ("Moved to Osaka region", 10), ("年次見直し済み", 25), ("契約更新予定", 15),
    ("Legacy SFTP, to retire", 15),
    # Commas and doubled quotes: quoted cells.
    ("Aggregated, no raw data", 14), ("Test, then production", 8),
    ('Under the "JDA-2030" agreement', 15), ('Clause 7 "notice", signed', 6),
    ("要確認、再評価", 10),
    # Multi-line cells (LF inside the quotes), about 1% of rows.
    ("Backup in Singapore\nmoves to Osaka in Q3", 4), ("Two copies:\nTokyo and Osaka", 3),
    ("現地法人経由\n本社承認済み", 3),
]
MEASURES = [f"M{i:02d}" for i in range(1, 19)]
MEASURE_WEIGHTS = [3, 10, 5, 6, 3, 8, 6, 4, 2, 4, 10, 4, 3, 8, 1, 4, 4, 3]
MEASURE_CUM = list(itertools.accumulate(MEASURE_WEIGHTS))


def build_asset_pools():
    """Per category: the data_asset cells (base name × qualifier), weighted, escaped."""
    pools = {}
    for category, names in ASSETS.items():
        pairs = []
        for i, name in enumerate(names):
            base_weight = 10 if all(ord(c) < 128 for c in name) else 6
            base_weight += (len(names) - i) // 3  # earlier names more common
            for qual, w in QUALIFIER:
                pairs.append((name + qual, base_weight * w))
        pools[category] = Pick(pairs)
    return pools


def country_cell(code, rnd):
    """The alpha-2 code, or now and then a spelling variant that exports carry."""
    if rnd() < 0.06 and code in VARIANTS:
        options = VARIANTS[code]
        return options[int(rnd() * len(options))]
    return code


def generate(n, seed, out):
    rng = random.Random(seed)
    rnd = rng.random
    asset_pools = build_asset_pools()
    categories = Pick(CATEGORY)
    origin = Pick(ORIGIN)
    abroad = Pick(ABROAD)
    cloud_home = Pick(CLOUD_HOME)
    sites = {code: Pick(pairs) for code, pairs in SITES.items()}
    elsewhere = Pick(SITES_ELSEWHERE)
    by_type = {kind: Pick(pairs) for kind, pairs in RECIPIENTS_BY_TYPE.items()}
    recipient = Pick(RECIPIENT)
    frequency = Pick(FREQUENCY)
    mechanism = Pick(MECHANISM)
    confidentiality = Pick(CONFIDENTIALITY)
    criticality = Pick(CRITICALITY)
    owner = Pick(OWNER)
    notes = Pick(NOTES)
    control_counts = [0, 0, 0, 1, 1, 1, 1, 2, 2, 3]

    out.write("\ufeff".encode("utf-8"))
    out.write((HEADER + "\r\n").encode("utf-8"))
    written = 0
    next_id = 1
    while written < n:
        m = min(CHUNK, n - written)
        cats = categories.many(rng, m)
        confs = confidentiality.many(rng, m)
        crits = criticality.many(rng, m)
        origins = origin.many(rng, m)
        recips = recipient.many(rng, m)
        freqs = frequency.many(rng, m)
        mechs = mechanism.many(rng, m)
        owners = owner.many(rng, m)
        notess = notes.many(rng, m)
        lines = []
        append = lines.append
        for i in range(m):
            cat = cats[i]
            conf = confs[i]
            o = origins[i]
            # Destination: abroad from Japan; mostly Japan from abroad; a few domestic flows.
            r = rnd()
            if o == "JP":
                d = abroad(rnd) if r < 0.93 else "JP"
            elif r < 0.62:
                d = "JP"
            elif r < 0.70:
                d = o
            else:
                d = abroad(rnd)
                if d == o:
                    d = "JP"
            # Personal data follows the category.
            r = rnd()
            if cat == "personal":
                pd = "personal" if r < 0.8 else "pseudonymized"
            elif cat == "security_logs" or cat == "commercial":
                pd = "" if r < 0.5 else ("none" if r < 0.75 else ("pseudonymized" if r < 0.85 else "personal"))
            else:
                pd = "" if r < 0.55 else ("none" if r < 0.95 else "pseudonymized")
            important = "yes" if rnd() < 0.05 else "no"
            r = rnd()
            if cat == "technical":
                export = "yes" if r < 0.3 else "no"
            else:
                export = "yes" if r < 0.015 else "no"
            rt = recips[i]
            oent = sites.get(o, elsewhere)(rnd)
            if rt == "group_company":
                dent = sites.get(d, elsewhere)(rnd)
                if dent == oent:
                    dent = elsewhere(rnd)
            else:
                dent = by_type[rt](rnd)
            # Provider home when it differs: cloud providers and platforms are mostly US.
            provider = ""
            if rt == "cloud_provider" or rt == "platform":
                p = cloud_home(rnd)
                if p != d:
                    provider = p
            # Storage and access: half the rows leave them empty (default: destination).
            r = rnd()
            if r < 0.5:
                storage = ""
            elif r < 0.8:
                storage = d
            elif r < 0.93:
                storage = d + ";JP" if d != "JP" else "JP;SG"
            else:
                storage = d + ";" + ("US" if d != "US" else "IE")
            r = rnd()
            if r < 0.55:
                access = ""
            elif r < 0.85:
                access = d + ";" + o if d != o else d
            else:
                access = "JP;US;" + ("SG" if d != "SG" else "DE")
            volume = int(10 ** (rnd() * 7.3))
            k = control_counts[int(rnd() * 10)]
            if k == 0:
                controls = ""
            else:
                picked = set()
                while len(picked) < k:
                    picked.add(bisect.bisect_right(MEASURE_CUM, rnd() * MEASURE_CUM[-1]))
                controls = ";".join(MEASURES[j] for j in sorted(picked))
            append(
                f"F{next_id:07d},{asset_pools[cat](rnd)},{cat},{pd},{conf},{important},{export},"
                f"{crits[i]},{country_cell(o, rnd)},{oent},{country_cell(d, rnd)},{dent},"
                f"{rt},{provider},{storage},{access},{volume},{freqs[i]},{mechs[i]},{controls},"
                f"{owners[i]},{notess[i]}\r\n"
            )
            next_id += 1
        out.write("".join(lines).encode("utf-8"))
        written += m


def main(argv):
    parser = argparse.ArgumentParser(
        description="Generate a synthetic flows.csv of N flows (deterministic for a seed).")
    parser.add_argument("n", type=int, metavar="N", help="number of flows (data rows)")
    parser.add_argument(
        "out_dir", metavar="OUT_DIR",
        help="period folder to write flows.csv into; its name must be a period, e.g. /tmp/bench/10000/2030-Q1")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be 0 or more")
    name = os.path.basename(os.path.normpath(args.out_dir))
    if not PERIOD.match(name):
        parser.error(f"OUT_DIR's name {name!r} is not a period (YYYY-Qn, YYYY-MM, YYYY-Hn), e.g. .../2030-Q1")
    os.makedirs(args.out_dir, exist_ok=True)
    path = os.path.join(args.out_dir, "flows.csv")
    partial = path + ".partial"
    started = time.monotonic()
    with open(partial, "wb") as out:
        generate(args.n, args.seed, out)
    os.replace(partial, path)
    size = os.path.getsize(path)
    elapsed = time.monotonic() - started
    per_row = size / args.n if args.n else 0
    print(f"{path}: {args.n} flows, {size} bytes ({size / 1e6:.1f} MB, {per_row:.0f} B/row), {elapsed:.1f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
