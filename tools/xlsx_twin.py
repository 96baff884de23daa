#!/usr/bin/env python3
"""Writes the XLSX twin of a CSV data directory: units.xlsx and
snapshots/*.xlsx with the same rows, made by openpyxl (or by LibreOffice with
--writer libreoffice), so a test can check that congdanso reports both alike.

    python3 tools/xlsx_twin.py SRC DST [--writer openpyxl|libreoffice]
        [--dates serial|text] [--date1904] [--counts-as-text] [--rich-names]

openpyxl: counts are written as numbers (or, with --counts-as-text, as text
with Vietnamese thousands dots, "84.360"); as_of as a date serial with a
date-time format (the offset dropped: the contest's time zone is assumed) or
as the original ISO text; unit names, with --rich-names, as rich text runs.
LibreOffice: each CSV converted by `soffice --headless --convert-to xlsx`.
The event log is not copied: the snapshots are the source in the twin.
"""
import argparse
import csv
import datetime
import os
import shutil
import subprocess
import sys
import tempfile


def vi_thousands(n):
    return f"{n:,}".replace(",", ".")


def write_openpyxl(rows, path, args, sheet_title):
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    wb = openpyxl.Workbook()
    if args.date1904:
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.title = sheet_title
    header = rows[0]
    ws.append(header)
    counts = {"registered", "completed", "population", "adults"}
    for r, row in enumerate(rows[1:], start=2):
        for c, (name, value) in enumerate(zip(header, row), start=1):
            cell = ws.cell(row=r, column=c)
            if name in counts and value.strip() != "":
                n = int(value)
                cell.value = vi_thousands(n) if args.counts_as_text else n
                if args.counts_as_text:
                    cell.data_type = "s"
            elif name == "as_of" and args.dates == "serial":
                moment = datetime.datetime.fromisoformat(value)
                cell.value = moment.replace(tzinfo=None)
                cell.number_format = "dd/mm/yyyy hh:mm:ss"
            elif name == "area_km2" and value:
                cell.value = float(value)
            elif name == "name" and args.rich_names and " " in value:
                head, tail = value.split(" ", 1)
                cell.value = CellRichText(TextBlock(InlineFont(b=True), head + " "), tail)
            else:
                cell.value = value
    wb.save(path)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("src")
    p.add_argument("dst")
    p.add_argument("--writer", choices=["openpyxl", "libreoffice"], default="openpyxl")
    p.add_argument("--dates", choices=["serial", "text"], default="serial")
    p.add_argument("--date1904", action="store_true")
    p.add_argument("--counts-as-text", action="store_true")
    p.add_argument("--rich-names", action="store_true")
    args = p.parse_args()

    os.makedirs(os.path.join(args.dst, "snapshots"), exist_ok=True)
    if os.path.exists(os.path.join(args.src, "config.toml")):
        shutil.copy(os.path.join(args.src, "config.toml"), os.path.join(args.dst, "config.toml"))
    files = [("units.csv", "units.xlsx")] + [
        (os.path.join("snapshots", f), os.path.join("snapshots", f[:-4] + ".xlsx"))
        for f in sorted(os.listdir(os.path.join(args.src, "snapshots")))
        if f.endswith(".csv")
    ]
    if args.writer == "openpyxl":
        for src, dst in files:
            with open(os.path.join(args.src, src), newline="", encoding="utf-8-sig") as f:
                rows = list(csv.reader(f))
            write_openpyxl(rows, os.path.join(args.dst, dst), args, "Sheet1")
    else:
        # One soffice run converts every file (starting it costs seconds).
        # The CSV import filter: comma, double quote, UTF-8 (76), from line 1;
        # LibreOffice guesses each column's type (codes become numbers).
        with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as profile:
            subprocess.run(
                ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                 "xlsx:Calc MS Excel 2007 XML", "--infilter=CSV:44,34,76,1", "--outdir", out,
                 *[os.path.join(args.src, src) for src, _ in files]],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
            for src, dst in files:
                shutil.move(os.path.join(out, os.path.basename(src)[:-4] + ".xlsx"), os.path.join(args.dst, dst))
    print(f"wrote {len(files)} workbooks to {args.dst} ({args.writer})", file=sys.stderr)


if __name__ == "__main__":
    main()
