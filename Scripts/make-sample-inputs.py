#!/usr/bin/env python3
"""Generate the sample company inputs shipped under Inputs/.

Sample company: Hoshizora Precision Industries Co., Ltd. (星空精機株式会社), a fictional
Japanese manufacturer of industrial machinery and EV battery components (HQ Nagoya).

Writes, deterministically (no randomness, no clock):
  Inputs/2026-Q2/flows.csv       UTF-8 with BOM, CRLF (as Excel "CSV UTF-8" saves)
  Inputs/2026-Q3/flows.csv       same format; Q2 minus retired flows, plus changes and new flows
  Inputs/2026-Q3/decisions.csv   UTF-8 without BOM, LF
  Inputs/2026-Q3/scenarios.csv   UTF-8 without BOM, LF (what-if options for the board)

Usage: python3 Scripts/make-sample-inputs.py [REPO_ROOT]   (default: parent of Scripts/)
Standard library only.
"""

import csv
import io
import os
import sys

COLUMNS = [
    "flow_id", "data_asset", "data_category", "personal_data", "confidentiality",
    "important_data", "export_controlled", "criticality", "origin_country", "origin_entity",
    "origin_type", "destination_country", "destination_entity", "recipient_type", "provider_country",
    "storage_countries", "access_countries", "volume", "frequency", "mechanism", "controls",
    "owner", "notes",
]

# keyword -> column
KEYS = {
    "pd": "personal_data", "conf": "confidentiality", "imp": "important_data",
    "exp": "export_controlled", "crit": "criticality", "o": "origin_country",
    "oe": "origin_entity", "ot": "origin_type", "d": "destination_country", "de": "destination_entity",
    "rt": "recipient_type", "pc": "provider_country", "st": "storage_countries",
    "ac": "access_countries", "vol": "volume", "fq": "frequency", "mech": "mechanism",
    "ctl": "controls", "own": "owner", "note": "notes",
}
DEFAULTS = {"personal_data": "none", "important_data": "no", "export_controlled": "no",
            "criticality": "medium"}


def flow(fid, asset, cat, **kw):
    row = {c: "" for c in COLUMNS}
    row.update(DEFAULTS)
    row["flow_id"], row["data_asset"], row["data_category"] = fid, asset, cat
    for k, v in kw.items():
        row[KEYS[k]] = "" if v is None else str(v)
    return row


# Entity names used repeatedly
HQ = "Nagoya HQ"
HQ_JA = "名古屋本社"
KASUGAI = "春日井工場 (Kasugai Plant)"
TOYOHASHI = "Toyohashi R&D Center"
SUZHOU = "蘇州工場 (Hoshizora Precision (Suzhou) Co., Ltd.)"
HAIPHONG = "Hoshizora Vietnam Co., Ltd. (Hai Phong plant)"
RAYONG = "Hoshizora (Thailand) Co., Ltd. (Rayong plant)"
BEKASI = "PT Hoshizora Indonesia (Bekasi service center)"
PUNE = "Hoshizora India Pvt. Ltd. (Pune R&D and sales)"
OHIO = "Hoshizora America Inc. (Dayton, Ohio)"
EUROPE = "Hoshizora Europe GmbH (Stuttgart)"
RHQ = "Hoshizora Asia Pacific Pte. Ltd. (Singapore RHQ)"
MEXICO = "Hoshizora Mexico S.A. de C.V. (Querétaro plant)"
BRASIL = "Hoshizora do Brasil Ltda. (São Paulo)"
HONGKONG = "Hoshizora (Hong Kong) Ltd."
ROTTERDAM = "Hoshizora Logistics Europe B.V. (Rotterdam)"
DAEHAN = "Daehan Energy Cells Co., Ltd. (Cheongju)"
HANBIT = "Hanbit Geospatial Co., Ltd. (Seoul)"
XINDA = "Shenzhen Xinda Precision Parts Co., Ltd."
VOLGA = "OOO Volga Techsnab (Nizhny Novgorod)"
ATLAS_JP = "Atlas Cloud Japan K.K. (Tokyo region)"
ATLAS_DE = "Atlas Cloud (Frankfurt region)"
ATLAS_SG = "Atlas Cloud (Singapore region)"

Q2 = [
    # ---------------- technical: designs, CAD, source code, R&D ----------------
    flow("F0001", "Battery cell chemistry specifications (NMC811 gen. 3)", "technical",
         conf="secret", exp="yes", crit="high", o="JP", oe=TOYOHASHI, d="KR", de=DAEHAN,
         rt="supplier", st="KR", ac="KR;JP", vol=40, fq="ad_hoc", mech="file_transfer",
         ctl="M10;M11;M14", own="R&D Division",
         note="Shared under joint development agreement JDA-2024-07; export screening per release"),
    flow("F0002", "Machining center 3D CAD models (HMC-800 series)", "technical",
         conf="secret", exp="yes", crit="high", o="JP", oe=KASUGAI, d="CN", de=SUZHOU,
         rt="group_company", st="CN", ac="CN;JP", vol=1200, fq="weekly", mech="file_transfer",
         ctl="M02;M14", own="Production Engineering",
         note="Individual export licence on file; production-level drawings only"),
    flow("F0003", "Controller firmware source code (HMI module)", "technical",
         conf="secret", exp="yes", crit="high", o="JP", oe="Nagoya HQ Software Group", d="IN",
         de=PUNE, rt="group_company", st="JP", ac="IN;JP", vol=5000, fq="daily",
         mech="remote_access", ctl="M10;M14", own="R&D Division",
         note="Pune engineers work on the HMI module only; repository access scoped by path"),
    flow("F0004", "PDM vault replication (core machine CAD)", "technical",
         conf="secret", exp="yes", crit="high", o="JP", oe=HQ, d="JP", de=ATLAS_JP,
         rt="cloud_provider", pc="US", st="JP;SG", ac="JP;US", vol=250000, fq="continuous",
         mech="cloud_replication", ctl="M02", own="IT Infrastructure",
         note="Provider-managed keys; backup region Singapore; follow-the-sun support from US"),
    flow("F0005", "EV battery module design drawings", "technical",
         conf="confidential", exp="yes", crit="high", o="JP", oe=TOYOHASHI, d="US", de=OHIO,
         rt="group_company", st="US", ac="US;JP", vol=800, fq="weekly", mech="platform",
         ctl="M14", own="R&D Division",
         note="Shared via group PLM; US engineers adapt designs for local OEM fit"),
    flow("F0006", "組立図（現地化用） Machine tool assembly drawings", "technical",
         conf="confidential", exp="yes", o="JP", oe=KASUGAI, d="VN", de=HAIPHONG,
         rt="group_company", vol=600, fq="monthly", mech="file_transfer", ctl="M02;M14",
         own="Production Engineering",
         note="5-axis models are list-controlled; bulk export licence (包括許可) covers Hai Phong"),
    flow("F0007", "Gearbox component drawings for RFQ", "technical",
         conf="confidential", o="JP", oe="Procurement Department (Nagoya)", d="CN", de=XINDA,
         rt="supplier", vol=300, fq="ad_hoc", mech="email", own="Procurement",
         note="PDF with watermark, no native CAD; NDA from 2019 has no data-use clauses"),
    flow("F0008", "Cell aging test bench data", "technical",
         conf="confidential", o="KR", oe=DAEHAN, d="JP", de=TOYOHASHI, rt="group_company",
         st="JP", ac="JP;KR", vol=12000, fq="weekly", mech="file_transfer", own="R&D Division",
         note="Supplier-generated raw data; no checksum or signature on delivery"),
    flow("F0009", "FEM simulation models for customer line projects", "technical",
         conf="confidential", o="JP", oe=TOYOHASHI, d="DE", de=EUROPE, rt="group_company",
         vol=150, fq="monthly", mech="file_transfer", own="R&D Division"),
    flow("F0010", "PLC ladder programs for Rayong assembly line", "technical",
         conf="confidential", o="JP", oe=KASUGAI, d="TH", de=RAYONG, rt="group_company",
         vol=90, fq="ad_hoc", mech="remote_access", own="Production Engineering"),
    flow("F0011", "Solid-state electrolyte joint research data", "technical",
         conf="secret", exp="yes", crit="high", o="JP", oe=TOYOHASHI, d="FR",
         de="Institut Lorrain des Matériaux Avancés (Nancy)", rt="partner", st="FR",
         ac="FR;JP", vol=2500, fq="monthly", mech="platform", ctl="M11;M14",
         own="R&D Division",
         note="Consortium agreement grants the institute rights to publish \"non-core\" results"),
    flow("F0012", "Product manuals and public spec sheets", "technical",
         conf="public", crit="low", o="JP", oe="Marketing Communications", d="US",
         de="Cirrus Web CMS Inc.", rt="platform", st="US", vol=400, fq="monthly",
         mech="platform", own="Sales Europe", note="Published on the global website"),
    flow("F0013", "Controller source code mirror (CI/CD)", "technical",
         conf="secret", exp="yes", crit="high", o="JP", oe="Nagoya HQ Software Group", d="US",
         de="GitForge Inc. (SaaS)", rt="cloud_provider", st="US", ac="US;JP;IN",
         vol=180000, fq="continuous", mech="cloud_replication", ctl="M10",
         own="IT Infrastructure",
         note="Build runners hosted by provider; secrets scanning enabled"),
    flow("F0014", "Die and jig designs localized at Suzhou", "technical",
         conf="confidential", imp="yes", o="CN", oe=SUZHOU, d="JP", de=KASUGAI,
         rt="group_company", vol=350, fq="monthly", mech="file_transfer",
         own="Production Engineering",
         note="Suzhou engineering modifies JP masters; local team flagged as possibly \"important data\""),
    flow("F0015", "Fixture design package for Querétaro line", "technical",
         conf="confidential", o="JP", oe=KASUGAI, d="MX", de=MEXICO, rt="group_company",
         vol=220, fq="quarterly", mech="file_transfer", own="Production Engineering"),

    # ---------------- operational: production, IoT/sensor, machine data ----------------
    flow("F0016", "製造実行システム稼働データ (MES production data)", "operational",
         conf="confidential", imp="yes", crit="high", o="CN", oe="蘇州工場", d="日本",
         de="名古屋本社 生産管理部", rt="group_company", st="JP;CN", ac="JP;CN",
         vol=8000000, fq="continuous", mech="cloud_replication", ctl="M03",
         own="Production Engineering",
         note="Aggregated hourly before leaving CN.\nCAC filing status under review with local counsel."),
    flow("F0017", "Hai Phong plant OEE and downtime data", "operational",
         conf="internal", imp="yes", crit="high", o="VN", oe=HAIPHONG, d="SG", de=RHQ,
         rt="group_company", vol=2000000, fq="daily", mech="api", own="Production Engineering"),
    flow("F0018", "Connected machine telemetry – EU installed base", "operational",
         conf="confidential", crit="high", o="DE", oe="EU customer sites (installed base)",
         d="DE", de="Hoshizora Remote Monitoring on " + ATLAS_DE, rt="cloud_provider",
         pc="US", st="DE;IE", ac="DE;JP;IN", vol=45000000, fq="continuous", mech="api",
         ctl="M11", own="Sales Europe",
         note="In scope of EU Data Act Ch. II (connected products, applicable since 12 Sep 2025)"),
    flow("F0019", "Connected machine telemetry – North America installed base", "operational",
         conf="confidential", crit="high", o="US", oe="US customer sites (installed base)",
         d="JP", de="Remote Monitoring Center (Nagoya)", rt="group_company", st="JP",
         ac="JP;US", vol=30000000, fq="continuous", mech="api", own="Production Engineering"),
    flow("F0020", "Predictive maintenance model outputs (EU)", "operational",
         conf="internal", o="JP", oe="Remote Monitoring Center (Nagoya)", d="DE", de=EUROPE,
         rt="group_company", vol=60000, fq="daily", mech="api", own="Sales Europe"),
    flow("F0021", "Battery module line process data (Ohio)", "operational",
         conf="confidential", crit="high", o="USA", oe=OHIO, d="JP", de=KASUGAI,
         rt="group_company", vol=5000000, fq="continuous", mech="cloud_replication",
         own="Production Engineering"),
    flow("F0022", "Rayong plant energy and utilities metering", "operational",
         conf="internal", crit="low", o="TH", oe=RAYONG, d="SG", de=RHQ, rt="group_company",
         vol=500000, fq="daily", mech="api", own="Production Engineering"),
    flow("F0023", "Service fleet machine logs (Indonesia)", "operational",
         conf="internal", o="ID", oe=BEKASI, d="SG", de=RHQ, rt="group_company",
         vol=300000, fq="weekly", mech="file_transfer", own="Quality Assurance"),
    flow("F0024", "Grid battery storage telemetry – Pilbara site", "operational",
         conf="confidential", crit="high", o="AU", oe="Pilbara Energy Storage Pty Ltd",
         d="JP", de="Remote Monitoring Center (Nagoya)", rt="group_company", st="AU;JP",
         ac="AU;JP", vol=20000000, fq="continuous", mech="api", ctl="M11",
         own="Production Engineering",
         note="Customer asset is registered under the SOCI Act; edge historian on site keeps 2 years"),
    flow("F0025", "Remote diagnostics sessions – UK customers", "operational",
         conf="confidential", o="GB", oe="UK customer sites",
         d="JP", de="Remote Monitoring Center (Nagoya)", rt="group_company", ac="JP;GB",
         vol=1500, fq="ad_hoc", mech="remote_access", own="Quality Assurance",
         note="Sessions initiated via Midlands Machine Services Ltd"),
    flow("F0026", "外観検査画像 Visual inspection images (Suzhou)", "operational",
         conf="internal", o="中国", oe="蘇州工場", d="JP", de=KASUGAI, rt="group_company",
         vol=900000, fq="daily", mech="file_transfer", own="Quality Assurance",
         note="Used to train the defect-detection model at Kasugai"),
    flow("F0027", "Welding robot parameter sets", "operational",
         conf="confidential", o="JP", oe=KASUGAI, d="CN", de=SUZHOU, rt="group_company",
         vol=2400, fq="monthly", mech="file_transfer", ctl="M02", own="Production Engineering"),
    flow("F0028", "Hai Phong MES database backup", "operational",
         conf="internal", imp="yes", crit="high", o="VN", oe=HAIPHONG, d="SG", de=ATLAS_SG,
         rt="cloud_provider", pc="US", st="SG", ac="SG;VN;JP", vol=3000000, fq="daily",
         mech="cloud_replication", own="IT Infrastructure"),
    flow("F0029", "Querétaro plant production KPIs", "operational",
         conf="internal", o="MX", oe=MEXICO, d="US", de=OHIO, rt="group_company",
         vol=400000, fq="daily", mech="api", own="Production Engineering"),
    flow("F0030", "Connected machine telemetry – Brazil installed base", "operational",
         conf="confidential", o="BR", oe="Brazilian customer sites", d="JP",
         de="Remote Monitoring Center (Nagoya)", rt="group_company", vol=4000000,
         fq="continuous", mech="api", own="Production Engineering"),
    flow("F0031", "Machine alarm history for warranty (France)", "operational",
         conf="internal", o="FR", oe="French customer sites", d="DEU", de=EUROPE,
         rt="group_company", vol=80000, fq="weekly", mech="api", own="Quality Assurance"),
    flow("F0032", "Commissioning data – Red Sea gigafactory project", "operational",
         conf="confidential", crit="high", o="SA", oe="Red Sea Gigafactory Company",
         d="JP", de="Project Office (Nagoya)", rt="group_company", st="JP", ac="JP;SA",
         vol=250000, fq="daily", mech="remote_access", own="Production Engineering",
         note="Customer requests NCA-compliant hosting for phase 2"),

    # ---------------- supply_chain ----------------
    flow("F0033", "Battery cell certificates of analysis", "supply_chain",
         conf="confidential", crit="high", o="KR", oe=DAEHAN, d="JP", de=KASUGAI,
         rt="group_company", vol=6000, fq="weekly", mech="email", own="Quality Assurance",
         note="PDF certificates by email; lot numbers re-keyed manually into QMS"),
    flow("F0034", "Demand forecasts and purchase orders (EDI)", "supply_chain",
         conf="internal", o="JP", oe="Procurement Department (Nagoya)", d="CN", de=XINDA,
         rt="supplier", vol=45000, fq="daily", mech="api", own="Procurement"),
    flow("F0035", "Casting delivery schedules", "supply_chain",
         conf="internal", o="TH", oe="Siam Casting Works Co., Ltd.", d="JP", de=KASUGAI,
         rt="group_company", vol=8000, fq="weekly", mech="email", own="Procurement"),
    flow("F0036", "Cobalt and conflict-minerals due-diligence questionnaires", "supply_chain",
         conf="internal", o="CN", oe="Tier-2 cathode material suppliers", d="JP",
         de="Procurement Department (Nagoya)", rt="group_company", vol=120, fq="quarterly",
         mech="email", own="Procurement",
         note="Supplier self-declarations (CMRT, EMRT); not independently verified"),
    flow("F0037", "Supplier portal – RFQs, bids and award decisions", "supply_chain",
         conf="confidential", crit="high", o="JP", oe="Procurement Department (Nagoya)",
         d="US", de="ProcureNet Inc. (sourcing SaaS)", rt="platform", st="US;IE",
         ac="US;IN", vol=20000, fq="daily", mech="platform", own="Procurement"),
    flow("F0038", "Inbound logistics tracking (Rotterdam hub)", "supply_chain",
         conf="internal", o="NL", oe=ROTTERDAM, d="JP", de="Logistics Department (Nagoya)",
         rt="group_company", vol=150000, fq="daily", mech="api", own="Procurement"),
    flow("F0039", "Cell carbon-footprint data from cell supplier", "supply_chain",
         conf="confidential", o="KR", oe=DAEHAN, d="JP", de="Sustainability Office (Nagoya)",
         rt="group_company", vol=60, fq="quarterly", mech="email", own="Quality Assurance",
         note="Needed for the EU Battery Regulation carbon-footprint declaration"),
    flow("F0040", "CBAM embedded emissions – steel and aluminium castings", "supply_chain",
         conf="internal", o="TR", oe="Bursa Döküm Sanayi A.Ş.", d="DE", de=EUROPE,
         rt="group_company", vol=40, fq="quarterly", mech="email", own="Legal & Compliance",
         note="Installation-level data from supplier spreadsheet; EU default values used where missing"),
    flow("F0041", "Nickel precursor traceability records", "supply_chain",
         conf="internal", o="ID", oe="PT Morowali Nikel Prima", d="JP",
         de="Procurement Department (Nagoya)", rt="group_company", vol=2400, fq="monthly",
         mech="platform", own="Procurement"),
    flow("F0042", "Spare parts inventory sync (APAC service centers)", "supply_chain",
         conf="internal", crit="high", o="JP", oe="Service Parts Center (Komaki)", d="SG",
         de=RHQ, rt="group_company", vol=700000, fq="daily", mech="api", own="Procurement"),
    flow("F0043", "Customs and export declarations (China imports)", "supply_chain",
         conf="confidential", o="JP", oe="Logistics Department (Nagoya)", d="CN",
         de="Shanghai Pudong Customs Brokerage Co., Ltd.", rt="partner", vol=3000,
         fq="weekly", mech="email", ctl="M14", own="Procurement",
         note="Includes HS codes, ECCN/classification and consignee data"),
    flow("F0044", "Vendor-managed inventory data (Querétaro)", "supply_chain",
         conf="internal", o="MX", oe=MEXICO, d="US", de="Great Lakes Fasteners LLC",
         rt="supplier", vol=25000, fq="daily", mech="api", own="Procurement"),
    flow("F0045", "Bill of materials for contract manufacturing", "supply_chain",
         conf="confidential", o="JP", oe=KASUGAI, d="VN", de="Hai Phong Mechatronics JSC",
         rt="supplier", vol=500, fq="monthly", mech="file_transfer", own="Procurement"),

    # ---------------- commercial ----------------
    flow("F0046", "CRM customer accounts and opportunities", "commercial",
         pd="personal", conf="confidential", crit="high", o="JP", oe="Global Sales (Nagoya)",
         d="US", de="Cirrus CRM Inc.", rt="cloud_provider", st="US", ac="JP;US;IN",
         vol=350000, fq="continuous", mech="cloud_replication", ctl="M04", own="Sales Europe",
         note="Global instance used by JP, EU, US and APAC sales teams"),
    flow("F0047", "EU customer quotations and price lists", "commercial",
         conf="confidential", o="Germany", oe=EUROPE, d="JP", de="Global Sales (Nagoya)",
         rt="group_company", vol=4000, fq="weekly", mech="email", own="Sales Europe"),
    flow("F0048", "Distributor sales reports (Russia)", "commercial",
         conf="internal", o="RU", oe=VOLGA, d="JP", de="Global Sales (Nagoya)",
         rt="group_company", vol=12, fq="monthly", mech="email", own="Legal & Compliance",
         note="Distributor agreement being terminated; wind-down plan approved Apr 2026"),
    flow("F0049", "Price lists and margin terms for Russian distributor", "commercial",
         conf="confidential", o="JP", oe="Global Sales (Nagoya)", d="RU", de=VOLGA,
         rt="partner", vol=4, fq="quarterly", mech="email", own="Legal & Compliance"),
    flow("F0050", "Tender documents – Red Sea gigafactory project", "commercial",
         conf="confidential", crit="high", o="JP", oe="Project Office (Nagoya)", d="SA",
         de="Red Sea Gigafactory Company", rt="customer", vol=60, fq="ad_hoc",
         mech="platform", own="Legal & Compliance",
         note="Customer's own e-tendering portal, hosted in KSA"),
    flow("F0051", "Dealer sales pipeline (Brazil)", "commercial",
         pd="personal", conf="internal", o="BR", oe=BRASIL, d="JP",
         de="Global Sales (Nagoya)", rt="group_company", vol=3000, fq="weekly",
         mech="email", own="Sales Europe"),
    flow("F0052", "Competitor and market intelligence reports", "commercial",
         conf="internal", o="SG", oe=RHQ, d="JP", de="Corporate Planning (Nagoya)",
         rt="group_company", vol=40, fq="monthly", mech="email", own="Legal & Compliance"),
    flow("F0053", "Customer contract repository (e-signature)", "commercial",
         pd="personal", conf="confidential", crit="high", o="JP", oe="Legal & Compliance (Nagoya)",
         d="US", de="SignVault Inc.", rt="cloud_provider", st="US", ac="US;JP", vol=2500,
         fq="daily", mech="platform", own="Legal & Compliance"),
    flow("F0054", "Warranty claims from distributor (Türkiye)", "commercial",
         pd="personal", conf="internal", o="TR", oe="Anadolu Makina Ticaret A.Ş. (Bursa)",
         d="DE", de=EUROPE, rt="group_company", vol=900, fq="monthly", mech="email",
         own="Quality Assurance"),
    flow("F0055", "Key account plans – automotive OEMs", "commercial",
         conf="confidential", o="JP", oe="Global Sales (Nagoya)", d="US", de=OHIO,
         rt="group_company", vol=50, fq="quarterly", mech="email", own="Sales Europe"),
    flow("F0056", "Trade-show leads (EU events)", "commercial",
         pd="personal", conf="internal", crit="low", o="DE", oe=EUROPE, d="JP",
         de="Marketing Communications", rt="group_company", vol=6000, fq="quarterly",
         mech="file_transfer", own="Sales Europe"),

    # ---------------- financial ----------------
    flow("F0057", "Consolidated financial reporting package (Suzhou)", "financial",
         conf="confidential", o="CN", oe=SUZHOU, d="JP", de="Finance Division (Nagoya)",
         rt="group_company", vol=12, fq="monthly", mech="file_transfer", own="Finance"),
    flow("F0058", "Intercompany invoices and settlements", "financial",
         conf="internal", o="SG", oe=RHQ, d="JP", de="Finance Division (Nagoya)",
         rt="group_company", vol=18000, fq="monthly", mech="api", own="Finance"),
    flow("F0059", "Treasury cash-pooling positions", "financial",
         conf="confidential", crit="high", o="JP", oe="Finance Division (Nagoya)", d="HK",
         de=HONGKONG, rt="group_company", st="HK", vol=2600, fq="daily", mech="api",
         own="Finance", note="Hong Kong entity runs the APAC cash pool"),
    flow("F0060", "Spare parts webshop payment data (India)", "financial",
         pd="personal", conf="confidential", o="IN", oe=PUNE, d="SG",
         de="PayLoop Asia Pte. Ltd. (payment gateway)", rt="supplier", st="SG;IN",
         vol=40000, fq="continuous", mech="api", own="Finance",
         note="Gateway says Indian payment data is \"stored only in India\"; SG copy to be confirmed"),
    flow("F0061", "Transfer pricing documentation", "financial",
         conf="confidential", o="JP", oe="Finance Division (Nagoya)", d="DE",
         de="Rhein-Neckar Steuerberatung GmbH", rt="partner", vol=20, fq="ad_hoc",
         mech="email", own="Finance"),
    flow("F0062", "ERP general ledger and cost accounting (SaaS)", "financial",
         conf="confidential", crit="high", o="JP", oe="Finance Division (Nagoya)", d="JP",
         de="Keystone ERP Cloud (Tokyo region)", rt="cloud_provider", pc="US", st="JP",
         ac="JP;US;IN", vol=6000000, fq="continuous", mech="cloud_replication", ctl="M04",
         own="Finance"),
    flow("F0063", "Accounts receivable – Russian distributor", "financial",
         conf="internal", o="RU", oe=VOLGA, d="JP", de="Finance Division (Nagoya)",
         rt="group_company", vol=30, fq="monthly", mech="email", own="Finance",
         note="Open receivables being collected before termination"),
    flow("F0064", "Employee expense reports (Brazil)", "financial",
         pd="personal", conf="internal", o="BR", oe=BRASIL, d="US",
         de="Tallyo Expense Inc.", rt="cloud_provider", st="US", vol=7000, fq="daily",
         mech="platform", own="Finance"),
    flow("F0065", "Customer credit limits for trade-credit insurance", "financial",
         conf="confidential", o="JP", oe="Finance Division (Nagoya)", d="FR",
         de="Assurcrédit Europe SA (Paris)", rt="partner", vol=800, fq="quarterly",
         mech="platform", own="Finance"),

    # ---------------- personal ----------------
    flow("F0066", "Global HR master data", "personal",
         pd="personal", conf="confidential", crit="high", o="JP", oe="HR Division (Nagoya)",
         d="US", de="Vantage HR Cloud Inc.", rt="cloud_provider", st="US;NL", ac="US;IN;JP",
         vol=9000, fq="daily", mech="cloud_replication", ctl="M04", own="HR"),
    flow("F0067", "Expatriate employee records (Suzhou)", "personal",
         pd="personal", conf="confidential", o="JP", oe="HR Division (Nagoya)", d="CN",
         de=SUZHOU, rt="group_company", vol=45, fq="monthly", mech="email", own="HR"),
    flow("F0068", "Payroll data – Hai Phong employees", "personal",
         pd="personal", conf="confidential", o="VN", oe=HAIPHONG, d="SG",
         de=RHQ + " payroll shared service", rt="group_company", vol=14000, fq="monthly",
         mech="file_transfer", own="HR"),
    flow("F0069", "Customer service contacts (EU)", "personal",
         pd="personal", conf="internal", o="DE", oe=EUROPE, d="JP",
         de="Customer Support Center (Nagoya)", rt="group_company", vol=12000,
         fq="daily", mech="api", ctl="M04", own="Sales Europe"),
    flow("F0070", "Training records (LMS)", "personal",
         pd="personal", conf="internal", crit="low", o="TH", oe=RAYONG, d="US",
         de="Learnwell LMS Inc.", rt="cloud_provider", st="US", vol=20000, fq="weekly",
         mech="platform", own="HR"),
    flow("F0071", "Employee records – Pune", "personal",
         pd="personal", conf="confidential", o="IN", oe=PUNE, d="JP",
         de="HR Division (Nagoya)", rt="group_company", vol=600, fq="monthly",
         mech="file_transfer", own="HR"),
    flow("F0072", "Job applicant data (Ohio)", "personal",
         pd="personal", conf="confidential", o="US", oe=OHIO, d="JP",
         de="HR Division (Nagoya)", rt="group_company", vol=1500, fq="weekly",
         mech="email", own="HR", note="Only for manager-level hires needing HQ approval"),
    flow("F0073", "作業者別生産性データ Operator productivity data (pseudonymized)", "personal",
         pd="pseudonymized", conf="internal", o="CN", oe="蘇州工場", d="JP", de=KASUGAI,
         rt="group_company", vol=250000, fq="monthly", mech="file_transfer", ctl="M03",
         own="Production Engineering"),
    flow("F0074", "Partner engineer contact list (Korea)", "personal",
         pd="personal", conf="internal", crit="low", o="KR", oe=HANBIT, d="JP",
         de=TOYOHASHI, rt="group_company", vol=80, fq="ad_hoc", mech="email",
         own="R&D Division"),
    flow("F0075", "Employee records – São Paulo", "personal",
         pd="personal", conf="confidential", o="BR", oe=BRASIL, d="JP",
         de="HR Division (Nagoya)", rt="group_company", vol=150, fq="monthly",
         mech="file_transfer", own="HR"),

    # ---------------- security_logs ----------------
    flow("F0076", "SIEM log forwarding (Pune)", "security_logs",
         pd="pseudonymized", conf="confidential", crit="high", o="IN", oe=PUNE, d="US",
         de="Sentinel Logix Inc. (SIEM SaaS)", rt="cloud_provider", st="US", ac="US;JP",
         vol=900000000, fq="continuous", mech="api", own="Security Operations",
         note="CERT-In directions require 180-day log retention in India"),
    flow("F0077", "OT network security logs (Suzhou)", "security_logs",
         conf="confidential", o="CN", oe=SUZHOU, d="JP", de="Group SOC (Nagoya)",
         rt="group_company", vol=300000000, fq="continuous", mech="api",
         own="Security Operations"),
    flow("F0078", "Endpoint detection telemetry (global)", "security_logs",
         pd="pseudonymized", conf="confidential", crit="high", o="JP", oe="Group SOC (Nagoya)",
         d="US", de="Ironclad EDR Inc.", rt="cloud_provider", st="US", ac="US;GB;IN",
         vol=1200000000, fq="continuous", mech="api", own="Security Operations"),
    flow("F0079", "Firewall logs (Hai Phong)", "security_logs",
         conf="internal", o="Viet Nam", oe=HAIPHONG, d="SG", de="Regional SOC (Singapore)",
         rt="group_company", vol=150000000, fq="continuous", mech="api",
         own="Security Operations"),
    flow("F0080", "24x7 managed SOC monitoring", "security_logs",
         pd="pseudonymized", conf="confidential", crit="high", o="JP", oe="Group SOC (Nagoya)",
         d="UK", de="Albion Cyber Defence Ltd.", rt="partner", st="GB", ac="GB;IN",
         vol=500000000, fq="continuous", mech="remote_access", ctl="M11",
         own="Security Operations"),
    flow("F0081", "Vulnerability scan results", "security_logs",
         conf="confidential", o="JP", oe="Group SOC (Nagoya)", d="US",
         de="ScanSure Inc.", rt="cloud_provider", st="US", vol=50000, fq="weekly",
         mech="platform", own="Security Operations"),
    flow("F0082", "Remote maintenance gateway access logs (EU)", "security_logs",
         conf="internal", o="DE", oe=EUROPE, d="JP", de="Group SOC (Nagoya)",
         rt="group_company", vol=2000000, fq="daily", mech="api", own="Security Operations"),
    flow("F0083", "Identity provider sign-in logs", "security_logs",
         pd="personal", conf="confidential", crit="high", o="JP", oe="IT Infrastructure (Nagoya)",
         d="US", de="KeyPass Identity Inc.", rt="cloud_provider", st="US;JP", ac="US",
         vol=40000000, fq="continuous", mech="api", own="IT Infrastructure"),

    # ---------------- geospatial ----------------
    flow("F0084", "高精度工場測量データ High-precision site survey (Suzhou)", "geospatial",
         conf="confidential", imp="yes", o="CN", oe=SUZHOU, d="日本",
         de="Facilities Engineering (Nagoya)", rt="group_company", vol=3, fq="ad_hoc",
         mech="physical_media", own="Production Engineering",
         note="Survey at 1:500 scale incl. coordinates; delivered on encrypted drive"),
    flow("F0085", "HD indoor map data for AGV navigation (Korea)", "geospatial",
         conf="confidential", crit="high", o="KR", oe=HANBIT, d="JP", de=TOYOHASHI,
         rt="group_company", st="JP", vol=200, fq="monthly", mech="file_transfer",
         own="R&D Division",
         note="Partner's map includes outdoor yard sections finer than 1:25,000"),
    flow("F0086", "Hai Phong plant site layout and GIS data", "geospatial",
         conf="confidential", imp="yes", o="Viet Nam", oe=HAIPHONG, d="JP",
         de="Facilities Engineering (Nagoya)", rt="group_company", vol=20, fq="ad_hoc",
         mech="file_transfer", own="Production Engineering"),
    flow("F0087", "Installed-base machine locations (GPS)", "geospatial",
         conf="internal", o="DE", oe=EUROPE, d="JP", de="Remote Monitoring Center (Nagoya)",
         rt="group_company", vol=18000, fq="weekly", mech="api", own="Sales Europe"),
    flow("F0088", "AGV LiDAR maps – Dayton plant", "geospatial",
         conf="internal", o="US", oe=OHIO, d="JP", de=TOYOHASHI, rt="group_company",
         vol=100, fq="monthly", mech="file_transfer", own="R&D Division"),
    flow("F0089", "Site survey and drone imagery – Red Sea gigafactory", "geospatial",
         conf="confidential", o="SA", oe="Red Sea Gigafactory Company", d="JP",
         de="Project Office (Nagoya)", rt="group_company", vol=40, fq="ad_hoc",
         mech="file_transfer", own="Production Engineering"),
    flow("F0090", "Pilbara site GIS for grid battery installation", "geospatial",
         conf="confidential", o="AU", oe="Pilbara Energy Storage Pty Ltd", d="JP",
         de="Project Office (Nagoya)", rt="group_company", st="JP", vol=15, fq="ad_hoc",
         mech="file_transfer", own="Production Engineering"),
    flow("F0091", "Satellite imagery for plant siting study (Maharashtra)", "geospatial",
         conf="internal", crit="low", o="IN", oe=PUNE, d="JP",
         de="Corporate Planning (Nagoya)", rt="group_company", vol=12, fq="ad_hoc",
         mech="file_transfer", own="Legal & Compliance"),

    # ---------------- other ----------------
    flow("F0092", "Corporate intranet content", "other",
         conf="internal", crit="low", o="JP", oe="Corporate Communications (Nagoya)", d="US",
         de="Pagewise Intranet Inc.", rt="cloud_provider", st="US", ac="US;JP", vol=5000,
         fq="daily", mech="platform", own="IT Infrastructure"),
    flow("F0093", "Board meeting materials", "other",
         conf="secret", crit="medium", o="JP", oe="Corporate Secretariat (Nagoya)", d="US",
         de="BoardDesk Inc.", rt="cloud_provider", st="US", ac="US;JP", vol=300,
         fq="monthly", mech="platform", own="Legal & Compliance"),
    flow("F0094", "Marketing media assets", "other",
         conf="public", crit="low", o="JP", oe="Marketing Communications", d="NL",
         de="Studio Grachten B.V. (agency)", rt="partner", vol=1500, fq="monthly",
         mech="file_transfer", own="Sales Europe"),
    flow("F0095", "Litigation hold collection (patent dispute, Ohio)", "other",
         pd="personal", conf="confidential", o="JP", oe="Legal & Compliance (Nagoya)",
         d="US", de="Harbor e-Discovery LLC", rt="partner", st="US", vol=80000,
         fq="ad_hoc", mech="physical_media", own="Legal & Compliance",
         note="Collected under US discovery order; \"attorneys' eyes only\" protective order"),
    flow("F0096", "Sustainability report data (APAC sites)", "other",
         conf="internal", crit="low", o="SG", oe=RHQ, d="JP",
         de="Sustainability Office (Nagoya)", rt="group_company", vol=200,
         fq="quarterly", mech="email", own="Finance"),
    flow("F0097", "環境許認可・行政報告 Environmental permits and filings (Suzhou)", "other",
         conf="internal", o="CN", oe=SUZHOU, d="JP", de="Legal & Compliance (Nagoya)",
         rt="group_company", vol=30, fq="quarterly", mech="email", own="Legal & Compliance"),
    flow("F0098", "Translation memory (machine translation service)", "other",
         conf="internal", crit="low", o="JP", oe="Technical Documentation (Nagoya)", d="DE",
         de="LinguaFlow GmbH", rt="platform", st="DE", vol=300000, fq="daily",
         mech="api", own="R&D Division",
         note="Manual drafts, pre-release product names; provider may use data to improve models"),
    flow("F0099", "Email and collaboration archive", "other",
         pd="personal", conf="confidential", crit="high", o="JP", oe="IT Infrastructure (Nagoya)",
         d="JP", de=ATLAS_JP, rt="cloud_provider", pc="US", st="JP;SG", ac="JP;USA",
         vol=90000000, fq="continuous", mech="cloud_replication", own="IT Infrastructure"),

    # ---------------- further flows ----------------
    flow("F0100", "Service manuals for 5-axis machining centers (Russia)", "technical",
         conf="confidential", exp="yes", o="JP", oe="Service Engineering (Nagoya)", d="RU",
         de=VOLGA, rt="partner", vol=10, fq="ad_hoc", mech="email", ctl="M14",
         own="Legal & Compliance",
         note="Sanctions screening: no new machines since 2022, residual warranty support only"),
    flow("F0101", "Warranty claims from Russian distributor", "commercial",
         pd="personal", conf="internal", o="RU", oe=VOLGA, d="JP",
         de="Service Engineering (Nagoya)", rt="group_company", vol=60, fq="monthly",
         mech="email", own="Quality Assurance"),
    flow("F0102", "End-of-life battery pack return data", "supply_chain",
         conf="internal", o="EL", oe="Hellenic Battery Recycling S.A. (Thessaloniki)", d="JP",
         de="Sustainability Office (Nagoya)", rt="group_company", vol=3500, fq="monthly",
         mech="email", own="Quality Assurance",
         note="Recycler's spreadsheet: pack serials, state of health, recovered material weights"),
    flow("F0103", "Distributor sales reports (Gulf)", "commercial",
         conf="internal", o="AE", oe="Al Noor Industrial Trading LLC (Dubai)", d="SG",
         de=RHQ, rt="group_company", vol=12, fq="monthly", mech="email",
         own="Sales Europe"),
    flow("F0104", "Legacy treasury file-server replication", "financial",
         conf="confidential", o="JP", oe="Finance Division (Nagoya)", d="HK", de=HONGKONG,
         rt="group_company", st="HK", ac="HK;CN", vol=50000, fq="daily",
         mech="cloud_replication", own="IT Infrastructure",
         note="On-prem NAS in Kwun Tong; decommissioning planned"),
    flow("F0105", "PPAP and quality data from Thai casting supplier", "supply_chain",
         conf="internal", o="TH", oe="Siam Casting Works Co., Ltd.", d="JP", de=KASUGAI,
         rt="group_company", vol=400, fq="monthly", mech="email", own="Quality Assurance"),
    flow("F0106", "Import licence and local-content filings (Indonesia)", "other",
         conf="internal", o="JP", oe="Legal & Compliance (Nagoya)", d="ID",
         de="Ministry of Industry (Kemenperin)", rt="public_body", vol=6, fq="ad_hoc",
         mech="platform", own="Legal & Compliance",
         note="Submitted via the government SIINas portal by PT Hoshizora Indonesia"),
    flow("F0107", "Machinery technical file for market surveillance", "technical",
         conf="confidential", o="JP", oe="Quality Assurance (Nagoya)", d="FR",
         de="DGCCRF market surveillance authority", rt="public_body", vol=2, fq="ad_hoc",
         mech="email", own="Quality Assurance",
         note="Provided on request, under confidentiality, for the HMC-800 CE file"),
    flow("F0108", "CCC certification test data", "technical",
         conf="confidential", o="JP", oe="Quality Assurance (Nagoya)", d="CN",
         de="China Quality Certification Centre", rt="public_body", vol=5, fq="ad_hoc",
         mech="physical_media", own="Quality Assurance"),
    flow("F0109", "Indoor map processing for AGV fleet (Korea)", "geospatial",
         conf="internal", o="JP", oe=TOYOHASHI, d="KR", de=HANBIT, rt="partner",
         st="KR", ac="KR", vol=50, fq="monthly", mech="platform", ctl="M11",
         own="R&D Division"),
    flow("F0110", "Payroll data – Querétaro employees", "personal",
         pd="personal", conf="confidential", o="MX", oe=MEXICO, d="US",
         de="Paycadence Inc.", rt="cloud_provider", st="US", vol=11000, fq="monthly",
         mech="platform", own="HR"),
]

# ---------------- Q3: retired, changed and new flows ----------------

REMOVED_IN_Q3 = ["F0048", "F0049", "F0100", "F0104"]

CHANGES_IN_Q3 = {
    # US-cloud flows: customer-held keys and government-request notice clause added
    "F0046": {"controls": "M04;M06;M07",
              "notes": "Global instance; customer-held keys (HYOK) enabled Aug 2026"},
    "F0013": {"controls": "M06;M10", "access_countries": "US;JP"},
    "F0066": {"controls": "M04;M07", "storage_countries": "NL;IE", "access_countries": "NL;JP;IN",
              "notes": "Tenant migrated to EU region (Amsterdam/Dublin) in July 2026"},
    # storage moved: backup back to Japan, exit clause added
    "F0004": {"storage_countries": "JP", "controls": "M02;M16;M17",
              "notes": "Backup moved from Singapore to Osaka region; provider-managed keys"},
    # CN MES: standard contract filed
    "F0016": {"controls": "M03;M04",
              "notes": "Aggregated hourly before leaving CN.\nCAC standard contract filed 2026-07-20."},
    # reclassified
    "F0009": {"confidentiality": "secret",
              "notes": "Reclassified secret in Jul 2026: models embed core process parameters"},
    "F0052": {"confidentiality": "confidential"},
    # EU Data Act: trade-secret identification before sharing
    "F0018": {"controls": "M10;M11",
              "notes": "EU Data Act Ch. II; trade-secret fields identified, raw vs. derived data separated"},
    # Korea map data: processing moved to partner servers in KR
    "F0085": {"mechanism": "remote_access", "storage_countries": "KR", "access_countries": "KR;JP",
              "controls": "M05;M11",
              "notes": "Raw map stays on Hanbit servers in Korea; only AGV route graphs leave"},
    # India logs: local retention copy
    "F0076": {"storage_countries": "IN;US", "controls": "M05",
              "notes": "180-day copy now retained in Mumbai, per CERT-In directions"},
    # Shenzhen drawings: data contract and supplier portal instead of email
    "F0007": {"mechanism": "platform", "controls": "M11",
              "notes": "Moved to supplier portal; data-use addendum signed Aug 2026"},
    # CBAM data: supplier verification started
    "F0040": {"controls": "M18",
              "notes": "Verifier engaged for 2026 data; \"default values\" still used for two installations"},
    # RU wind-down
    "F0063": {"notes": "Final receivables; distributor agreement terminated 30 Jun 2026"},
    "F0101": {"volume": "20", "notes": "Residual claims for machines still under warranty; ends Dec 2026"},
}

NEW_IN_Q3 = [
    flow("F0111", "Connected machine data made available to user (EU Data Act Art. 4)",
         "operational", conf="confidential", crit="high", o="DE",
         oe="Hoshizora Remote Monitoring (Frankfurt)", d="AT",
         de="Steiner Batterietechnik GmbH (Graz)", rt="customer", st="AT",
         vol=2000000, fq="continuous", mech="api", ctl="M10;M11", own="Sales Europe",
         note="Customer pulls its machines' data from our portal (Atlas Cloud tenant, Frankfurt)"),
    flow("F0112", "Connected machine data to third party designated by user (Data Act Art. 5)",
         "operational", conf="confidential", o="JP", oe="Remote Monitoring Center (Nagoya)",
         d="FR", de="Maintenance Rhône-Alpes SAS (Lyon)", rt="partner", vol=800000,
         fq="daily", mech="api", ctl="M10", own="Sales Europe",
         note="Third-party service company named by customer \"Batteries de Lorraine\", a competitor of ours in service"),
    flow("F0113", "Connected machine data to user – Netherlands", "operational",
         conf="confidential", o="JP", oe="Remote Monitoring Center (Nagoya)", d="NL",
         de="Van Dijk Batterij B.V. (Eindhoven)", rt="customer", vol=600000, fq="daily",
         mech="api", ctl="M10;M11", own="Sales Europe"),
    flow("F0114", "Generative AI design assistant – CAD and spec uploads", "technical",
         conf="secret", exp="yes", crit="high", o="JP", oe=TOYOHASHI, d="US",
         de="Synapse AI Inc. (enterprise AI platform)", rt="platform", st="US",
         ac="US;JP", vol=15000, fq="daily", mech="platform", ctl="M11",
         own="R&D Division",
         note="Pilot since Jul 2026; zero-retention option requested, not yet confirmed by provider"),
    flow("F0115", "Service chat transcripts for AI assistant (EU)", "personal",
         pd="personal", conf="internal", o="DE", oe=EUROPE, d="US",
         de="Synapse AI Inc. (enterprise AI platform)", rt="platform", st="US",
         vol=90000, fq="daily", mech="api", ctl="M04", own="Sales Europe"),
    flow("F0116", "Digital battery passport data (EU Battery Regulation)", "supply_chain",
         conf="confidential", crit="high", o="JP", oe="Sustainability Office (Nagoya)", d="DE",
         de="CellTrace Passport GmbH (passport platform)", rt="platform", st="DE",
         ac="DE;NL;FR", vol=250000, fq="daily", mech="platform", ctl="M10",
         own="Quality Assurance",
         note="Passport mandatory from 18 Feb 2027; tiered access: public, restricted, authorities"),
    flow("F0117", "Cathode material composition declarations (battery passport)", "supply_chain",
         conf="confidential", imp="no", o="CN", oe="Ganzhou Xinyuan Cathode Materials Co., Ltd.",
         d="JP", de="Sustainability Office (Nagoya)", rt="group_company", vol=200,
         fq="monthly", mech="email", own="Procurement",
         note="Supplier declarations in Excel; origin of recycled content not evidenced"),
    flow("F0118", "CBAM embedded emissions – Vietnamese castings", "supply_chain",
         conf="internal", o="VN", oe="Hai Phong Mechatronics JSC", d="DE", de=EUROPE,
         rt="group_company", vol=30, fq="quarterly", mech="email", own="Legal & Compliance"),
    flow("F0119", "OT security logs from Pune to managed SOC", "security_logs",
         pd="pseudonymized", conf="confidential", crit="high", o="IN", oe=PUNE, d="GB",
         de="Albion Cyber Defence Ltd.", rt="partner", st="GB;IN", ac="GB;IN",
         vol=200000000, fq="continuous", mech="api", ctl="M05;M11",
         own="Security Operations"),
    flow("F0120", "Querétaro MES data to Ohio analytics", "operational",
         conf="confidential", crit="high", o="MX", oe=MEXICO, d="USA", de=OHIO,
         rt="group_company", vol=3000000, fq="continuous", mech="cloud_replication",
         own="Production Engineering"),
    flow("F0121", "As-built line data handover – Red Sea gigafactory", "technical",
         conf="confidential", crit="high", o="JP", oe="Project Office (Nagoya)", d="SA",
         de="Red Sea Gigafactory Company", rt="customer", st="SA", vol=5000,
         fq="ad_hoc", mech="platform", ctl="M02;M11", own="Production Engineering",
         note="Contract requires hosting in KSA; excludes controller source and cell process recipes"),
    flow("F0122", "SOCI cyber incident reports – Pilbara site", "security_logs",
         conf="confidential", o="JP", oe="Group SOC (Nagoya)", d="AU",
         de="Australian Signals Directorate (ACSC)", rt="public_body", vol=4, fq="ad_hoc",
         mech="email", ctl="M09", own="Security Operations",
         note="Submitted on behalf of the asset owner; 12-hour reporting for significant incidents"),
    flow("F0123", "Demo machine telemetry (Dubai showroom)", "operational",
         conf="internal", crit="low", o="AE", oe="Al Noor Industrial Trading LLC (Dubai)",
         d="JP", de="Remote Monitoring Center (Nagoya)", rt="group_company", vol=500000,
         fq="continuous", mech="api", own="Sales Europe"),
    flow("F0124", "Supplier invoices routed via Hong Kong trading entity", "financial",
         conf="internal", o="HK", oe=HONGKONG, d="CN", de=XINDA, rt="supplier",
         vol=6000, fq="weekly", mech="email", own="Finance"),
]

DECISIONS_HEADER = ["finding_id", "decision", "measures", "owner", "due_date",
                    "justification", "decided_by", "decided_on", "expires_on"]

DECISIONS = [
    ["F0046:GOV", "mitigated", "M06;M07", "IT Infrastructure", "2026-08-31",
     "Customer-held keys enabled and notice clause signed", "K. Tanaka (CISO)", "2026-09-02", ""],
    ["F0013:GOV", "in_progress", "M06", "IT Infrastructure", "2026-09-15",
     "Key management service for build runners in rollout", "K. Tanaka (CISO)", "2026-06-20", ""],
    ["F0016:LOC", "in_progress", "M03;M04", "Legal & Compliance", "2026-12-31",
     "Standard contract filed; awaiting confirmation that data is not \"important data\"",
     "M. Sato (General Counsel)", "2026-07-22", ""],
    ["F0114:LOC", "in_progress", "M14;M06", "R&D Division", "2026-10-31",
     "Block export-controlled CAD from uploads until screening is automated",
     "Y. Ito (CTO)", "2026-08-05", ""],
    ["F0114:PRV", "open", "M11", "R&D Division", "2026-11-30", "", "Y. Ito (CTO)",
     "2026-08-05", ""],
    ["F0018:DIS", "in_progress", "M10;M11", "Sales Europe", "2027-03-31",
     "Trade-secret catalogue for Data Act requests; template sharing agreement",
     "A. Becker (MD Europe)", "2026-06-30", ""],
    ["F0024:DIS", "accepted", "", "Production Engineering", "",
     "SOCI powers target the asset owner; our copy is limited to telemetry needed for the service contract",
     "Executive Committee", "2026-04-10", "2027-03-31"],
    ["F0059:GOV", "accepted", "", "Finance", "",
     "Cash-pool data needed in HK for treasury operations; review at pool restructuring",
     "CFO", "2026-02-27", "2026-08-31"],
    ["F0066:GOV", "accepted", "M04;M07", "HR", "",
     "EU-region tenant with notice clause; residual CLOUD Act exposure accepted for HR master data",
     "Executive Committee", "2026-07-30", "2027-06-30"],
    ["F0085:LOC", "mitigated", "M05", "R&D Division", "2026-08-31",
     "Raw map data now processed on partner servers in Korea", "Y. Ito (CTO)", "2026-09-10", ""],
    ["F0076:DIS", "mitigated", "M05", "Security Operations", "2026-07-31",
     "180-day log copy retained in India", "K. Tanaka (CISO)", "2026-08-01", ""],
    ["F0040:TRU", "in_progress", "M18", "Legal & Compliance", "2026-08-31",
     "Third-party verification of supplier emissions data", "M. Sato (General Counsel)",
     "2026-05-15", ""],
    ["F0003:LOC", "in_progress", "M14", "R&D Division", "2026-11-30",
     "Re-screen repository paths accessible from Pune", "Y. Ito (CTO)", "2026-07-01", ""],
    ["F0106:GOV", "not_applicable", "", "Legal & Compliance", "",
     "Recipient is the Indonesian authority itself; disclosure to it is the purpose of the flow",
     "M. Sato (General Counsel)", "2026-07-01", ""],
    ["F0063:*", "in_progress", "M13", "Finance", "2026-12-31",
     "Russian distributor wind-down: close receivables, then stop the flow",
     "CFO", "2026-07-01", ""],
    ["F0028:GOV", "open", "M06;M08", "IT Infrastructure", "2027-01-31", "",
     "K. Tanaka (CISO)", "2026-09-20", ""],
]

SCENARIOS_HEADER = ["scenario_id", "title", "title_ja", "measures", "flows", "owner", "cost",
                    "notes", "notes_ja"]

# What-if options for the board (`xborder whatif`): each rolls measures out to the flows a
# selector picks. Selectors use the inventory's own columns and values, Japanese included.
SCENARIOS = [
    ["S1", "Customer-held keys on US clouds holding secret or confidential data",
     "米国クラウド上の極秘・秘データへの顧客管理鍵の導入", "M06",
     "recipient_type=cloud_provider;provider_country=US;confidentiality=secret|confidential",
     "IT Infrastructure (CIO)", "JPY 18M/yr",
     "Bring-your-own-key for the PDM vault, ERP, CRM, HR and security tenants; keys held in Japan",
     "PDM・ERP・CRM・人事・セキュリティ各テナントに顧客管理鍵（BYOK）を導入し、鍵は日本国内で保管"],
    ["S2", "Record CAC and Vietnam transfer approvals for important data",
     "中国・ベトナムからの重要データ移転に係る当局承認の取得と記録", "M19",
     "important_data=yes;origin_country=中国|Viet Nam",
     "Legal & Compliance (General Counsel)", "JPY 9M one-off + JPY 2M/yr",
     "CAC security assessment for Suzhou data; Decree 53 impact dossiers for Hai Phong",
     "蘇州拠点データのCAC安全評価申告、ハイフォン拠点データの政令53号に基づく影響評価書類"],
    ["S3", "Data-use terms with suppliers and platforms", "サプライヤー・プラットフォームとのデータ利用条件の契約",
     "M11", "recipient_type=supplier|platform", "Procurement", "JPY 4M/yr",
     "Purpose limits, no-training and deletion clauses in the supplier and platform contract templates",
     "サプライヤー・プラットフォーム契約の雛形に利用目的の限定、学習利用の禁止、削除条項を追加"],
    ["S4", "Korean map data processed in Korea, with survey-data export approval",
     "韓国の地図データの現地処理と国外搬出承認", "M05;M19",
     "data_category=geospatial;origin_country=KR", "R&D Division (CTO)", "JPY 6M/yr",
     "HD indoor maps stay on the partner servers in Korea (already in place); approval for exporting survey results",
     "高精度屋内地図は韓国内の提携先サーバーで処理（実施済み）、測量成果の国外搬出承認を取得"],
]


# Who hands the data over (origin_type) where it is not the group's own data: the flows in
# which the company RECEIVES data from suppliers, customers' sites and partners. Only these
# carry the untrustworthy-data risk (TRU); the company's own outbound data does not.
ORIGIN_TYPES = {
    **{fid: "supplier" for fid in ["F0008", "F0033", "F0035", "F0036", "F0039", "F0040", "F0041",
                                    "F0074", "F0085", "F0102", "F0105", "F0117", "F0118"]},
    **{fid: "customer" for fid in ["F0018", "F0019", "F0024", "F0025", "F0030", "F0031", "F0032",
                                    "F0089", "F0090"]},
    **{fid: "partner" for fid in ["F0054", "F0063", "F0101", "F0103", "F0123"]},
}


def with_origin_types(rows):
    out = []
    for r in rows:
        r = dict(r)
        r["origin_type"] = ORIGIN_TYPES.get(r["flow_id"], r.get("origin_type", ""))
        out.append(r)
    return out


def to_csv(rows, header, crlf):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n" if crlf else "\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow([r[c] for c in header] if isinstance(r, dict) else r)
    return buf.getvalue()


def q3_flows():
    by_id = {r["flow_id"]: dict(r) for r in Q2}
    for fid in REMOVED_IN_Q3:
        del by_id[fid]
    for fid, ch in CHANGES_IN_Q3.items():
        for k, v in ch.items():
            assert k in COLUMNS, k
            by_id[fid][k] = v
    rows = sorted(by_id.values(), key=lambda r: r["flow_id"])
    return rows + NEW_IN_Q3


def write(path, text, bom):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        if bom:
            f.write(b"\xef\xbb\xbf")
        f.write(text.encode("utf-8"))


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))
    inputs = os.path.join(root, "Inputs")
    write(os.path.join(inputs, "2026-Q2", "flows.csv"),
          to_csv(with_origin_types(Q2), COLUMNS, True), True)
    write(os.path.join(inputs, "2026-Q3", "flows.csv"),
          to_csv(with_origin_types(q3_flows()), COLUMNS, True), True)
    write(os.path.join(inputs, "2026-Q3", "decisions.csv"),
          to_csv(DECISIONS, DECISIONS_HEADER, False), False)
    write(os.path.join(inputs, "2026-Q3", "scenarios.csv"),
          to_csv(SCENARIOS, SCENARIOS_HEADER, False), False)


if __name__ == "__main__":
    main()
