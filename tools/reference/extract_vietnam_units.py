#!/usr/bin/env python3
"""Write tools/reference/vietnam-units-2025.csv: the 3,321 commune-level units
of Vietnam since 1 July 2025 (code, name, type, province), from the PyPI
package `vietnam-provinces` 2025.10.1 (its data/nested-divisions.json), with
Hải Phòng's 114 units taken from haiphong-units-2025.csv instead.

    pip download --no-deps vietnam-provinces==2025.10.1 -d /tmp/vp
    python3 tools/reference/extract_vietnam_units.py /tmp/vp/vietnam_provinces-2025.10.1-py3-none-any.whl

Run once by hand; the generators read the CSV it writes and never the
network. Why Hải Phòng is replaced: the package follows the draft code list
(five Hải Phòng codes differ from the statistics office's list issued with
Công văn 1027/CTK-CSCL, and it spells "Hoà Bình", "Thuỷ Nguyên"); the
Hải Phòng file is checked against three lists. Codes elsewhere are the
package's (draft) codes: fine for synthetic data, not for keying real data.
Standard library only.
"""
import csv
import io
import json
import sys
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"xã": "Xã ", "phường": "Phường ", "đặc khu": "Đặc khu "}


def nfc(s):
    return unicodedata.normalize("NFC", s)


def main(wheel):
    with zipfile.ZipFile(wheel) as z:
        provinces = json.loads(z.read("vietnam_provinces/data/nested-divisions.json"))
    hp = list(csv.DictReader(open(HERE / "haiphong-units-2025.csv", encoding="utf-8")))
    rows = []
    for p in provinces:
        province = nfc(p["name"])
        if province.startswith("Thành phố "):
            province = province[len("Thành phố "):]
        if province == "Hải Phòng":
            rows += [(u["code"], u["name"], u["type"], province) for u in hp]
            continue
        for w in p["wards"]:
            t = nfc(w["division_type"])
            full = nfc(w["name"])
            assert t in TYPES and full.startswith(TYPES[t]), full
            # Ten names in the package carry a doubled space after the type
            # word ("Xã  An Nhơn"): single spaces, trimmed.
            name = " ".join(full[len(TYPES[t]):].split())
            rows.append((f"{w['code']:05d}", name, t, province))
    assert len(rows) == 3321, len(rows)
    assert len({r[0] for r in rows}) == len(rows), "duplicate codes"
    rows.sort(key=lambda r: r[0])
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["code", "name", "type", "province"])
    w.writerows(rows)
    (HERE / "vietnam-units-2025.csv").write_text(out.getvalue(), encoding="utf-8")
    print(f"wrote {len(rows)} units in {len({r[3] for r in rows})} provinces")


if __name__ == "__main__":
    main(sys.argv[1])
