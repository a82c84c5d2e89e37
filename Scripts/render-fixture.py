#!/usr/bin/env python3
"""Render Templates/report.mustache with a view-model fixture, as report.html and report.xhtml.

A developer aid for template authors: it needs only the Python standard library and `chevron`
(a Mustache implementation that follows the spec, like swift-mustache). Install chevron in a
throw-away virtual environment, never into the repository:

    python3 -m venv /tmp/xb-venv && /tmp/xb-venv/bin/pip install chevron
    /tmp/xb-venv/bin/python Scripts/render-fixture.py \\
        Tests/XBorderCoreTests/Rendering/Fixtures/view-model.full.json --lang ja --out /tmp/reports
    xmllint --noout --valid --nonet /tmp/reports/view-model.full.ja.xhtml
    bash ../shared/tools/check-reports.sh /tmp/reports

For each fixture it writes <out>/<fixture-stem>.<lang>.html (xhtml=false, svgPrefix="") and
<out>/<fixture-stem>.<lang>.xhtml (xhtml=true, svgPrefix="svg:"), with `t` loaded from
Templates/messages/<lang>.csv and `lang` set to <lang>.

Before rendering it lints the templates and catalogues; exit status 1 when any check fails:
  - every partial that a template names exists;
  - no raw output tags ({{{x}}} or {{&x}}) in any template;
  - the CSS partial contains no '<' or '&';
  - every t.<key> used by a template is in every catalogue, and all catalogues have the same keys;
  - while rendering, every key the template looks up exists in the fixture (a missing key would
    silently render as empty text in swift-mustache as well);
  - the XHTML output starts with the XML declaration.
With --expect-full it also checks that the fixture is fully populated: every has* flag is true
and every list is non-empty (use it for view-model.full.json).
With --validate it also runs `xmllint --noout --valid --nonet` on the XHTML and `xmllint --noout`
(well-formedness) on the HTML.
"""

import argparse
import contextlib
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys

try:
    import chevron
except ImportError:  # pragma: no cover
    sys.exit("render-fixture: the 'chevron' package is missing; "
             "python3 -m venv /tmp/xb-venv && /tmp/xb-venv/bin/pip install chevron")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TAG = re.compile(r"\{\{\s*([#^/>!&{]?)\s*([^}]*?)\s*\}?\}\}")


def load_catalogue(path):
    """Reads a `key,text` RFC 4180 catalogue; returns (dict, problems)."""
    problems, messages = [], {}
    with open(path, encoding="utf-8", newline="") as handle:
        data = handle.read()
    if data.startswith("\ufeff"):
        problems.append(f"{path}: starts with a byte-order mark")
        data = data[1:]
    rows = list(csv.reader(io.StringIO(data, newline="")))
    if not rows or rows[0] != ["key", "text"]:
        problems.append(f"{path}:1: header must be 'key,text'")
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != 2:
            problems.append(f"{path}:{number}: expected 2 fields, found {len(row)}")
            continue
        key, text = row
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", key):
            problems.append(f"{path}:{number}: bad key {key!r}")
        if key in messages:
            problems.append(f"{path}:{number}: duplicate key {key!r}")
        if not text.strip():
            problems.append(f"{path}:{number}: empty text for {key!r}")
        messages[key] = text
    return messages, problems


def template_files(templates):
    for base, _, files in os.walk(templates):
        for name in sorted(files):
            if name.endswith(".mustache"):
                full = os.path.join(base, name)
                yield os.path.relpath(full, templates)[: -len(".mustache")], full


def lint_templates(templates, catalogues):
    problems, used_keys = [], set()
    names = dict(template_files(templates))
    for name, path in names.items():
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        for line_no, line in enumerate(text.splitlines(), start=1):
            for match in TAG.finditer(line):
                sigil, key = match.group(1), match.group(2)
                if sigil in ("{", "&"):
                    problems.append(f"{path}:{line_no}: raw output tag {match.group(0)} is not allowed")
                if sigil == ">" and key not in names:
                    problems.append(f"{path}:{line_no}: partial '{key}' does not exist")
                if sigil != "!" and key.startswith("t."):
                    used_keys.add(key[2:])
        if name == "partials/style":
            css = re.sub(r"\{\{!.*?\}\}", "", text, flags=re.S)
            for bad in ("<", "&"):
                if bad in css:
                    problems.append(f"{path}: the CSS contains '{bad}'")
    for lang, messages in catalogues.items():
        for key in sorted(used_keys - messages.keys()):
            problems.append(f"messages/{lang}.csv: missing key '{key}' used by a template")
    langs = sorted(catalogues)
    for lang in langs[1:]:
        a, b = catalogues[langs[0]].keys(), catalogues[lang].keys()
        for key in sorted(a - b):
            problems.append(f"messages/{lang}.csv: missing key '{key}' (present in {langs[0]}.csv)")
        for key in sorted(b - a):
            problems.append(f"messages/{langs[0]}.csv: missing key '{key}' (present in {lang}.csv)")
    return problems, used_keys


def unpopulated(nodes, path="$"):
    """Yields where a fixture is not fully populated (for --expect-full).

    `nodes` are all values found at one place of the schema (list items are merged), so a has*
    flag must be true in at least one item and a list must be non-empty in at least one item:
    every branch of the templates then renders at least once."""
    dicts = [node for node in nodes if isinstance(node, dict)]
    lists = [node for node in nodes if isinstance(node, list)]
    if dicts:
        for key in sorted({key for node in dicts for key in node}):
            children = [node[key] for node in dicts if key in node]
            if key.startswith("has") and not any(child is True for child in children):
                yield f"{path}.{key} is never true"
            yield from unpopulated(children, f"{path}.{key}")
    if lists:
        items = [item for node in lists for item in node]
        if not items:
            yield f"{path} is always empty"
        yield from unpopulated(items, f"{path}[*]")


def render(templates, model, xhtml):
    data = dict(model)
    data["xhtml"] = xhtml
    data["svgPrefix"] = "svg:" if xhtml else ""
    with open(os.path.join(templates, "report.mustache"), encoding="utf-8") as handle:
        template = handle.read()
    captured = io.StringIO()
    with contextlib.redirect_stderr(captured):
        output = chevron.render(template, data, partials_path=templates,
                                partials_ext="mustache", warn=True)
    missing = sorted(set(re.findall(r"Could not find key '([^']*)'", captured.getvalue())))
    return output, missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("fixtures", nargs="+", help="view-model JSON files")
    parser.add_argument("--lang", action="append",
                        help="report language(s) (default: the fixture's own 'lang'); repeatable")
    parser.add_argument("--templates", default=os.path.join(ROOT, "Templates"))
    parser.add_argument("--out", default="/tmp/xborder-render")
    parser.add_argument("--expect-full", action="store_true",
                        help="fail when a has* flag is false or a list is empty")
    parser.add_argument("--validate", action="store_true",
                        help="also run xmllint on the outputs")
    args = parser.parse_args()

    catalogues, problems = {}, []
    message_dir = os.path.join(args.templates, "messages")
    for name in sorted(os.listdir(message_dir)):
        if name.endswith(".csv"):
            messages, found = load_catalogue(os.path.join(message_dir, name))
            catalogues[name[:-4]] = messages
            problems += found
    found, _ = lint_templates(args.templates, catalogues)
    problems += found

    os.makedirs(args.out, exist_ok=True)
    for fixture in args.fixtures:
        with open(fixture, encoding="utf-8") as handle:
            model = json.load(handle)
        stem = os.path.splitext(os.path.basename(fixture))[0]
        for key in ("xhtml", "svgPrefix", "t"):
            if key in model:
                problems.append(f"{fixture}: '{key}' is set per document by the renderer; remove it from the fixture")
        if args.expect_full:
            problems += [f"{fixture}: not fully populated: {where}" for where in unpopulated([model])]
        for lang in args.lang or [model.get("lang", "en")]:
            if lang not in catalogues:
                problems.append(f"no catalogue messages/{lang}.csv")
                continue
            model = dict(model, lang=lang, t=catalogues[lang])
            for xhtml, ext in ((False, "html"), (True, "xhtml")):
                output, missing = render(args.templates, model, xhtml)
                target = os.path.join(args.out, f"{stem}.{lang}.{ext}")
                with open(target, "w", encoding="utf-8", newline="\n") as handle:
                    handle.write(output)
                print(f"wrote {target}")
                for key in missing:
                    problems.append(f"{target}: key '{key}' not found in the view model (renders empty)")
                if xhtml and not output.startswith('<?xml version="1.0" encoding="UTF-8"?>'):
                    problems.append(f"{target}: does not start with the XML declaration")
                if args.validate and shutil.which("xmllint"):
                    command = ["xmllint", "--noout", "--nonet"] + (["--valid"] if xhtml else [])
                    result = subprocess.run(command + [target], capture_output=True, text=True)
                    if result.returncode != 0:
                        problems.append(f"{target}: xmllint failed:\n{result.stderr.strip()}")
                    else:
                        print(f"ok    xmllint{' --valid' if xhtml else ''}  {target}")
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
