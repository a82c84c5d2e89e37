#!/usr/bin/env python3
"""Count the English words left in a Japanese xborder report.

Usage:
    python3 Scripts/count-english-ja.py OUTPUT/PERIOD/report.html [--top N] [--examples K]
                                        [--attributes] [--list] [--sections]

The report is read from an archived period folder (``xborder run … --locale ja``); the
organization's own data is taken from the same folder's ``inputs/`` (flows.csv, decisions.csv,
settings.csv). Standard library only.

Counting rules
--------------
What is read
  * The text of every element of report.html, SVG <title>/<desc>/<text> included, except the
    contents of <style> and <script>. Character references are decoded. The <head> <title> is
    read too (it is the window and print title).
  * With ``--attributes`` also the ``title``, ``aria-label`` and ``alt`` attributes (tooltips and
    screen-reader text; off by default because they are not printed).

What is a word
  * A token is a run of Latin letters and digits, optionally joined by ``-``, ``'``, ``’``, ``.``,
    ``/`` or ``_`` (so ``UTF-8``, ``findings.csv``, ``cloud_provider`` and ``F0001:GOV`` pieces
    stay whole). A token is an *English word* when it contains at least one Latin letter and no
    digit, and it is not excluded below. Every remaining token counts once per occurrence.
    Japanese (kana, kanji), full-width punctuation and symbols are never words.

What is excluded (not counted), in this order
  (a) The organization's own data: every non-empty value of the archived inputs/flows.csv
      columns flow_id, data_asset, origin_entity, destination_entity, owner, notes, controls,
      volume; of inputs/decisions.csv columns finding_id, measures, owner, justification,
      decided_by; of inputs/scenarios.csv columns scenario_id, title, owner, cost, notes; and every *value* of inputs/settings.csv (organization, classification, scope,
      sign-off roles …). Each such string is cut out of the text wherever it occurs, longest
      first, before tokenizing; fields that are lists (``;``-separated) are cut item by item.
      The inputs of every archived period next to this one are read too (the "resolved"
      findings name flows of the previous period).
      Settings values are reported separately ("excluded: settings values") because settings
      are expected to get ``_ja`` variants; they are not in the main count.
  (b) URLs and file paths: ``http(s)://…`` and ``www.…`` up to the next space or closing
      bracket; tokens containing ``/``; tokens that look like host names (``example.go.jp``) or
      file names with an extension (``findings.csv``, ``report.xhtml``).
  (c) Parenthesised originals: a parenthetical, ``（…）`` or ``(…)``, whose content has no
      Japanese character and which directly follows a Japanese character (one space allowed),
      e.g. 外為法（FEFTA）, 個人情報保護法（Act on the Protection of Personal Information).
  (d) Codes, numbers and fixed technical names: risk IDs LOC GOV DIS PRV AVL TRU; measure IDs
      (M01 …) and finding/flow IDs (F0001, F0001:GOV) — these contain digits and so are never
      words; ISO 3166-1 alpha-2 and alpha-3 codes (read from
      Sources/XBorderCore/Inventory/CountryData.swift next to this script, with a small fallback
      list) and the jurisdiction group codes of the archived reference/groups.csv (EU), when
      written in capitals — also where the report prints such a code in place of a name; numbers and dates (contain digits); hexadecimal hashes;
      and the names SHA-256, CSV, JSON, HTML, XHTML, UTF-8, plus the tool name ``xborder``.
      Command-line options written ``--name`` and diagnostic codes written as dotted lower-case
      identifiers (``assessment.control-contradiction``), snake_case identifiers of files,
      columns and keys (``storage_countries``, ``binding_duty``) and xborder's command names
      (``whatif``, ``verify``, ``keygen``) are excluded as code.

  (e) Proper-name abbreviations: a token of two to eight Latin capitals (``GDPR``, ``CBAM``,
      ``CAC``, ``ANPD``, ``CLOUD``), or capitals joined by a hyphen to letters (``CERT-In``). These
      are the names of laws, regulators and standards that Japanese legal writing (JETRO, METI,
      PPC) uses as they are; they are counted and reported separately, not as English left.

Everything else that is Latin-script counts, including catalogue text, reference data (law
names, summaries), enumeration codes such as ``cloud_provider`` and abbreviations such as EU,
API or IoT. The output gives the total, the excluded amounts per rule, the most frequent
remaining words with examples (the nearest heading and the surrounding text), and with
``--sections`` the count per report section (h2).
"""

import argparse
import collections
import csv
import html.parser
import os
import re
import signal
import sys

JA = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\u3005\u30fc"
JA_CHAR = re.compile("[" + JA + "]")
LATIN = r"A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
TOKEN = re.compile(
    "[" + LATIN + r"0-9]+(?:(?:[-'’./_]|::?)[" + LATIN + r"0-9]+)*"
)
URL = re.compile(r"(?:https?://|www\.)[^\s<>()（）「」、。；\"']+")
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")
PAREN = re.compile(
    "(?<=[" + JA + r"])\s?(?:（[^（）" + JA + r"]*）|\([^()" + JA + r"]*\))"
)
HOST_OR_FILE = re.compile(
    r"^[\w.-]+\.(?:csv|json|html|xhtml|txt|md|swift|mustache|py|sh|pdf|png|svg|xml|"
    r"com|org|net|gov|edu|int|jp|go\.jp|eu|uk|de|fr|cn|kr|sg|in|vn|io|dev|ru|info|[a-z]{2})$",
    re.IGNORECASE,
)
DOTTED_CODE = re.compile(r"^[a-z]+(?:\.[a-z]+(?:-[a-z]+)*)+$")
HEX = re.compile(r"^[0-9a-f]{16,}$")
RISK_IDS = {"LOC", "GOV", "DIS", "PRV", "AVL", "TRU"}
FIXED_NAMES = {"SHA-256", "CSV", "JSON", "HTML", "XHTML", "UTF-8", "xborder"}
FALLBACK_ISO = {"JP", "US", "USA", "CN", "CHN", "KR", "KOR", "TW", "HK", "SG", "VN", "TH",
                "IN", "ID", "MY", "PH", "DE", "FR", "NL", "GB", "IE", "AT", "GR", "RU", "TR",
                "AE", "MX", "BR", "CA", "AU", "JPN", "DEU", "FRA", "GBR"}

ORG_COLUMNS = {
    "flows.csv": ["flow_id", "data_asset", "origin_entity", "destination_entity", "owner",
                  "notes", "controls", "volume"],
    "decisions.csv": ["finding_id", "measures", "owner", "justification", "decided_by"],
    "scenarios.csv": ["scenario_id", "title", "owner", "cost", "notes"],
}


def iso_codes(script_dir):
    path = os.path.join(script_dir, "..", "Sources", "XBorderCore", "Inventory", "CountryData.swift")
    codes = set()
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"^([A-Z]{2}),([A-Z]{3}),", line)
                if m:
                    codes.update(m.groups())
    except OSError:
        pass
    return codes or set(FALLBACK_ISO)


def group_codes(folder):
    """Jurisdiction group codes (EU …) of the archived reference/groups.csv: used like ISO codes."""
    rows = read_csv(os.path.join(folder, "reference", "groups.csv")) or []
    return {row[0].strip() for row in rows[1:] if row and row[0].strip().isupper()}


def read_csv(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def org_strings(folder):
    """Strings of the organization's own data: (flows/decisions strings, settings strings)."""
    data, settings = set(), set()
    for name, columns in ORG_COLUMNS.items():
        rows = read_csv(os.path.join(folder, "inputs", name))
        if not rows:
            continue
        header = [h.strip().lower() for h in rows[0]]
        idx = [header.index(c) for c in columns if c in header]
        for row in rows[1:]:
            for i in idx:
                if i < len(row):
                    add_value(data, row[i])
    rows = read_csv(os.path.join(folder, "inputs", "settings.csv"))
    for row in rows or []:
        if len(row) >= 2 and row[0].strip().lower() != "key":
            add_value(settings, row[1])
    return data, settings


def archived_periods(folder):
    """This period folder first, then its sibling periods (resolved findings name their flows)."""
    folders = [folder]
    root = os.path.dirname(folder)
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name)
        if path != folder and os.path.isdir(os.path.join(path, "inputs")):
            folders.append(path)
    return folders


def add_value(target, value):
    value = value.strip()
    if not value:
        return
    target.add(value)
    if ";" in value:
        for part in value.split(";"):
            if part.strip():
                target.add(part.strip())


def cutter(strings):
    items = sorted((s for s in strings if re.search("[" + LATIN + "]", s)), key=len, reverse=True)
    if not items:
        return None
    return re.compile("|".join(re.escape(s) for s in items))


class TextCollector(html.parser.HTMLParser):
    """Collects (text, nearest heading) pairs."""

    HEADINGS = {"h1", "h2", "h3", "h4"}

    def __init__(self, attributes):
        super().__init__(convert_charrefs=True)
        self.attributes = attributes
        self.skip = 0
        self.heading = "(before the first heading)"
        self.section = self.heading
        self.in_heading = None
        self.heading_text = []
        self.chunks = []

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self.skip += 1
        if tag in self.HEADINGS:
            self.in_heading = tag
            self.heading_text = []
        if self.attributes:
            for key, value in attrs:
                if key in ("title", "aria-label", "alt") and value:
                    self.chunks.append((value, self.heading, self.section))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("style", "script"):
            self.skip -= 1

    def handle_endtag(self, tag):
        if tag in ("style", "script") and self.skip:
            self.skip -= 1
        if tag == self.in_heading:
            self.heading = re.sub(r"\s+", " ", "".join(self.heading_text)).strip()[:60]
            if tag in ("h1", "h2"):
                self.section = self.heading
            self.in_heading = None

    def handle_data(self, data):
        if self.skip:
            return
        if self.in_heading:
            self.heading_text.append(data)
        if data.strip():
            self.chunks.append((data, self.heading, self.section))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("report", help="report.html of an archived period")
    ap.add_argument("--top", type=int, default=40, help="how many frequent words to show")
    ap.add_argument("--examples", type=int, default=2, help="examples per word")
    ap.add_argument("--attributes", action="store_true", help="also read title/aria-label/alt")
    ap.add_argument("--sections", action="store_true", help="count per section heading")
    ap.add_argument("--list", action="store_true", help="print every remaining text run with English")
    args = ap.parse_args()

    folder = os.path.dirname(os.path.abspath(args.report))
    script_dir = os.path.dirname(os.path.abspath(__file__))
    codes = iso_codes(script_dir) | group_codes(folder)
    data, settings = set(), set()
    for period in archived_periods(folder):
        d, s = org_strings(period)
        data |= d
        settings |= s
    # One pattern, longest first, so that a settings value containing an owner name
    # ("Prepared by (Legal & Compliance)") is cut whole and counted as a settings value.
    owner_rule = {v: "(a) organization data" for v in data}
    owner_rule.update({v: "(a) settings values" for v in settings})
    cut_org = cutter(owner_rule)

    with open(args.report, encoding="utf-8") as f:
        collector = TextCollector(args.attributes)
        collector.feed(f.read())
        collector.close()

    excluded = collections.Counter()
    words = collections.Counter()
    examples = collections.defaultdict(list)
    sections = collections.Counter()
    runs = []

    def count_cut(pattern, text, rule):
        if pattern is None:
            return text
        def repl(m):
            which = rule if isinstance(rule, str) else rule[m.group(0)]
            excluded[which] += sum(1 for t in TOKEN.findall(m.group(0)) if is_word(t))
            return " \u3000 "
        return pattern.sub(repl, text)

    for raw, heading, section in collector.chunks:
        text = re.sub(r"\s+", " ", raw)
        original = text
        text = count_cut(cut_org, text, owner_rule)
        text = count_cut(URL, text, "(b) URLs and paths")
        text = count_cut(PAREN, text, "(c) parenthesised originals")
        text = count_cut(OPTION, text, "(d) codes, numbers, fixed names")
        found = []
        for m in TOKEN.finditer(text):
            token = m.group(0)
            if not is_word(token):
                continue
            rule = exclusion(token, codes)
            if rule:
                excluded[rule] += 1
                continue
            found.append(token)
        if not found:
            continue
        runs.append((heading, original.strip()))
        for token in found:
            key = token if token.isupper() else token.lower()
            words[key] += 1
            sections[section] += 1
            if len(examples[key]) < args.examples:
                snippet = context(original, token)
                if (heading, snippet) not in examples[key]:
                    examples[key].append((heading, snippet))

    total = sum(words.values())
    print(f"English words left in {args.report}: {total}"
          f" ({len(words)} distinct){' [attributes included]' if args.attributes else ''}")
    print("Excluded (not counted):")
    for rule in sorted(excluded):
        print(f"  {rule}: {excluded[rule]}")
    if args.sections:
        print("\nBy section (h2 heading):")
        for heading, n in sections.most_common():
            print(f"  {n:6d}  {heading}")
    print(f"\nMost frequent remaining words (top {args.top}):")
    for word, n in words.most_common(args.top):
        print(f"  {n:6d}  {word}")
        for heading, snippet in examples[word]:
            print(f"            [{heading}] …{snippet}…")
    if args.list:
        print("\nText runs with English:")
        for heading, run in runs:
            print(f"  [{heading}] {run[:200]}")
    return 0


def is_word(token):
    return bool(re.search("[" + LATIN + "]", token)) and not re.search(r"[0-9]", token)


COMMANDS = {"run", "check", "verify", "whatif", "keygen", "normalize"}
ACRONYM = re.compile(r"^(?:[A-Z][A-Z]{1,7}|[A-Z]{2,}-[A-Za-z]+)$")


def exclusion(token, codes):
    if ACRONYM.match(token) and token not in ("A", "I"):
        return "(e) proper-name abbreviations"
    if token in FIXED_NAMES:
        return "(d) codes, numbers, fixed names"
    if token in RISK_IDS or token in codes:
        return "(d) codes, numbers, fixed names"
    if HEX.match(token):
        return "(d) codes, numbers, fixed names"
    if "/" in token or HOST_OR_FILE.match(token):
        return "(b) URLs and paths"
    if DOTTED_CODE.match(token) or ("_" in token and token == token.lower()) or token in COMMANDS:
        return "(d) codes, numbers, fixed names"
    return None


def context(text, token, width=50):
    i = text.find(token)
    if i < 0:
        return text[:2 * width]
    return text[max(0, i - width): i + len(token) + width].strip()


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
