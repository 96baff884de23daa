#!/usr/bin/env python3
"""Write a national data directory for benchmarks: the REAL 3,321 units,
SYNTHETIC counts.

    python3 tools/make_national_data.py OUTDIR [--units 3321] [--days 40]
                                              [--seed N] [--start 2025-10-13]

OUTDIR gets the same layout as sample-data/ (see sample-data/README.md):

    units.csv        code,name,type,province,population
                     (no adults column: adults come from the adult share)
    snapshots/*.csv  one file a day at 15:00+07:00, one row per unit per day
    config.toml      contest settings, scope = "nation"

Facts: code, name, type and province of every commune-level unit since
1 July 2025, read from tools/reference/vietnam-units-2025.csv (committed;
see tools/reference/README.md for where it comes from: the PyPI package
vietnam-provinces 2025.10.1, whose codes follow the draft code list, with
Hải Phòng's 114 units from the checked Hải Phòng list). Names are as the
country writes them: apostrophes ’ and ' (M’Drắk, B'Lao), dashes – and -
(Chân Mây – Lăng Cô, Văn Miếu - Quốc Tử Giám), 556 units sharing 238 full
names (seven "Xã Tân Tiến").

Synthetic, and labelled so in config.toml's title: populations (2,000 to
150,000, skewed low) and every count (cumulative, never going down,
completed <= registered).

--units N keeps the first N units in code order. Same arguments, same
bytes; no network. Stale *.csv files in OUTDIR/snapshots/ are removed. Not
committed: put it under bench-data/ (git-ignored).

Standard library only.
"""

import argparse
import csv
import datetime
import random
import sys
import unicodedata
from pathlib import Path

DEFAULT_UNITS = 3321
DEFAULT_DAYS = 40
DEFAULT_SEED = 20250701
REFERENCE = Path(__file__).resolve().parent / "reference" / "vietnam-units-2025.csv"

CONFIG_TOML = """\
# congdanso contest settings: the real national list of units, SYNTHETIC counts
title = "Công dân số toàn quốc (số liệu giả lập)"
scope = "nation"
target_share = 0.80
deadline = 2025-12-31
adult_share = 0.68
timezone = "+07:00"
"""


def nfc(s):
    return unicodedata.normalize("NFC", s)


def read_reference():
    with open(REFERENCE, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        for k in r:
            r[k] = nfc(r[k])
    return rows


def make_units(rng, n):
    reference = read_reference()
    if not 1 <= n <= len(reference):
        raise SystemExit(f"--units must be 1..{len(reference)} (the real list)")
    units = []
    for r in reference[:n]:
        t = r["type"]
        lo, hi = (8000, 150000) if t == "phường" else (2000, 100000) if t == "đặc khu" else (2000, 60000)
        u = rng.randint(0, 10000)
        population = lo + (hi - lo) * u * u // 10**8      # skewed toward lo
        units.append({
            "code": r["code"], "name": r["name"], "type": t, "province": r["province"],
            "population": population,
        })
    return units


def make_counts(rng, units, days):
    """reg[d][i], comp[d][i]: cumulative, monotone, comp <= reg."""
    n = len(units)
    reg = [[0] * n for _ in range(days)]
    comp = [[0] * n for _ in range(days)]
    for i, u in enumerate(units):
        # final share of population 0.5% .. 8%, a start day (some units
        # start late), an S-curve over `span` days, jittered daily gains
        final = u["population"] * rng.randint(5, 80) // 1000
        start = rng.randint(0, max(0, days // 8)) if rng.randint(1, 10) <= 2 else 0
        span = max(1, rng.randint(days * 3 // 4, days * 3 // 2))
        c = rng.randint(45, 80)                 # completion percent
        prev_base, total, prev_r = 0, 0, 0
        for d in range(days):
            x = min(max(d + 1 - start, 0), span)
            base = final * x * x * (3 * span - 2 * x) // span**3   # smoothstep
            gain = (base - prev_base) * rng.randint(70, 130) // 100
            prev_base = base
            total += gain
            reg[d][i] = total
            # completions trail registrations by about a day
            comp[d][i] = (3 * prev_r + total) * c // 400
            prev_r = total
    return reg, comp


def csv_field(s):
    s = str(s)
    if any(ch in s for ch in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def write_csv(path, header, rows):
    lines = [",".join(header)]
    lines += [",".join(csv_field(f) for f in row) for row in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--units", type=int, default=DEFAULT_UNITS)
    ap.add_argument("--days", type=int, default=DEFAULT_DAYS)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--start", default="2025-10-13", help="first day (YYYY-MM-DD)")
    args = ap.parse_args(argv)
    if args.days < 1:
        ap.error("--days must be at least 1")
    start = datetime.date.fromisoformat(args.start)

    rng = random.Random(args.seed)
    units = make_units(rng, args.units)
    reg, comp = make_counts(rng, units, args.days)

    # checks
    for d in range(args.days):
        for i in range(len(units)):
            assert 0 <= comp[d][i] <= reg[d][i], (d, i)
            if d:
                assert reg[d][i] >= reg[d - 1][i] and comp[d][i] >= comp[d - 1][i], (d, i)

    out = args.outdir
    snap = out / "snapshots"
    snap.mkdir(parents=True, exist_ok=True)
    write_csv(out / "units.csv",
              ["code", "name", "type", "province", "population"],
              [[u["code"], u["name"], u["type"], u["province"], u["population"]] for u in units])
    (out / "config.toml").write_bytes(CONFIG_TOML.encode("utf-8"))

    wanted, rows_total = set(), 0
    for d in range(args.days):
        day = start + datetime.timedelta(days=d)
        as_of = f"{day.isoformat()}T15:00:00+07:00"
        name = f"{day.isoformat()}T1500.csv"
        wanted.add(name)
        rows = [[as_of, u["code"], reg[d][i], comp[d][i]] for i, u in enumerate(units)]
        write_csv(snap / name, ["as_of", "code", "registered", "completed"], rows)
        rows_total += len(rows)
    for old in sorted(snap.glob("*.csv")):
        if old.name not in wanted:
            old.unlink()

    last = args.days - 1
    types = {t: sum(1 for u in units if u["type"] == t) for t in ("xã", "phường", "đặc khu")}
    print(f"{out}: {len(units)} real units ({types['xã']} xã, {types['phường']} phường, "
          f"{types['đặc khu']} đặc khu) in {len({u['province'] for u in units})} provinces; "
          f"synthetic population {sum(u['population'] for u in units):,}")
    print(f"{args.days} snapshots, {rows_total:,} snapshot rows; last day: "
          f"registered {sum(reg[last]):,}, completed {sum(comp[last]):,}, "
          f"{sum(1 for r in reg[last] if r > 0):,} units participating")
    return 0


if __name__ == "__main__":
    sys.exit(main())
