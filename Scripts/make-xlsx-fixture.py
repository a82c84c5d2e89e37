#!/usr/bin/env python3
"""Writes an Excel workbook from a period folder's CSV files, as an analyst's workbook would hold
them: one sheet per file (flows, decisions, columns, scenarios — those present), whole numbers as
numbers, ISO dates as Excel dates (format yyyy-mm-dd), everything else as text.

The test fixture Tests/XBorderCoreTests/Input/Fixtures/sample-2026-Q3.xlsx is made with

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install openpyxl==3.1.5
    /tmp/venv/bin/python Scripts/make-xlsx-fixture.py Inputs/2026-Q3 \\
        Tests/XBorderCoreTests/Input/Fixtures/sample-2026-Q3.xlsx

and WorkbookTests checks that the workbook decodes to the same inventory as the CSV files.
"""
import csv
import datetime
import re
import sys
from pathlib import Path

import openpyxl

SHEETS = ["flows", "decisions", "columns", "scenarios"]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WHOLE = re.compile(r"^-?[1-9]\d{0,14}$|^0$")


def cell_value(text):
    if WHOLE.match(text):
        return int(text), None
    if DATE.match(text):
        return datetime.datetime.strptime(text, "%Y-%m-%d"), "yyyy-mm-dd"
    return text, None


def main(period, target):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name in SHEETS:
        source = Path(period) / f"{name}.csv"
        if not source.exists():
            continue
        sheet = book.create_sheet(name)
        with open(source, encoding="utf-8-sig", newline="") as f:
            for r, row in enumerate(csv.reader(f), start=1):
                for c, text in enumerate(row, start=1):
                    if text == "":
                        continue
                    value, number_format = cell_value(text) if r > 1 else (text, None)
                    cell = sheet.cell(row=r, column=c, value=value)
                    if number_format:
                        cell.number_format = number_format
    # Fixed timestamps so that the fixture's bytes do not change on every regeneration.
    stamp = datetime.datetime(2026, 10, 1)
    book.properties.created = stamp
    book.properties.modified = stamp
    book.save(target)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: make-xlsx-fixture.py PERIOD_DIR OUT.xlsx")
    main(sys.argv[1], sys.argv[2])
