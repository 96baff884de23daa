#!/usr/bin/env python3
"""Write tools/reference/icu-vietnamese-order.txt: the names (without the
type word) of vietnam-units-2025.csv, one a line, sorted by ICU's Vietnamese
collation (PyICU, locale "vi", default strength). The test
`VietnameseCollation agrees with ICU` sorts the same names with the
project's own collation and compares line by line.

    pip install PyICU            # or: apt-get install python3-icu
    python3 tools/reference/make_icu_order.py

Run once by hand (the file is committed; tests need no ICU). The header
lines, starting with '#', record the ICU version used.
"""
import csv
from pathlib import Path

import icu

HERE = Path(__file__).resolve().parent


def main():
    names = [r["name"] for r in csv.DictReader(open(HERE / "vietnam-units-2025.csv", encoding="utf-8"))]
    collator = icu.Collator.createInstance(icu.Locale("vi"))
    ordered = sorted(names, key=collator.getSortKey)
    # Distinct names ICU calls equal would make the order ambiguous.
    for a, b in zip(ordered, ordered[1:]):
        assert a == b or collator.compare(a, b) < 0, (a, b)
    lines = [
        f"# {len(ordered)} unit names of tools/reference/vietnam-units-2025.csv in ICU's Vietnamese order",
        f"# made by tools/reference/make_icu_order.py with PyICU {icu.VERSION}, ICU {icu.ICU_VERSION}, "
        f"Unicode {icu.UNICODE_VERSION}, collator locale vi",
    ] + ordered
    (HERE / "icu-vietnamese-order.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(ordered)} names")


if __name__ == "__main__":
    main()
