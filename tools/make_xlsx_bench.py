#!/usr/bin/env python3
"""Makes bench-data/xlsx-100k (git-ignored) for `congdanso-bench xlsx`:
the sample units and one snapshot workbook of 100,000 rows (114 units at
878 hourly moments, cut at 100,000), written by openpyxl in write-only
mode (codes as inline strings, counts as numbers, as_of as date serials
with a date-time format), and its CSV twin in bench-data/csv-100k.

    python3 tools/make_xlsx_bench.py [ROOT]
"""
import csv
import datetime
import os
import shutil
import sys

import openpyxl

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
sample = os.path.join(root, "sample-data")
xdir = os.path.join(root, "bench-data", "xlsx-100k")
cdir = os.path.join(root, "bench-data", "csv-100k")
for d in (xdir, cdir):
    os.makedirs(os.path.join(d, "snapshots"), exist_ok=True)
    shutil.copy(os.path.join(sample, "units.csv"), d)
    shutil.copy(os.path.join(sample, "config.toml"), d)
with open(os.path.join(sample, "units.csv"), encoding="utf-8") as f:
    codes = [row["code"] for row in csv.DictReader(f)]

start = datetime.datetime(2025, 10, 13, 0, 0)
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet("Sheet1")
ws.append(["as_of", "code", "registered", "completed"])
rows = 0
with open(os.path.join(cdir, "snapshots", "hourly.csv"), "w", encoding="utf-8", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["as_of", "code", "registered", "completed"])
    hour = 0
    while rows < 100_000:
        moment = start + datetime.timedelta(hours=hour)
        for i, code in enumerate(codes):
            if rows == 100_000:
                break
            reg = hour * (i % 7 + 1)
            done = reg // 2
            cell = openpyxl.cell.WriteOnlyCell(ws, value=moment)
            cell.number_format = "yyyy-mm-dd hh:mm:ss"
            ws.append([cell, code, reg, done])
            w.writerow([moment.strftime("%Y-%m-%dT%H:%M:%S+07:00"), code, reg, done])
            rows += 1
        hour += 1
wb.save(os.path.join(xdir, "snapshots", "hourly.xlsx"))
print(f"wrote {rows} rows to {xdir} and {cdir}", file=sys.stderr)
