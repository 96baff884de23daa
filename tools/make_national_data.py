#!/usr/bin/env python3
"""Write a national-scale SYNTHETIC data directory for benchmarks.

    python3 tools/make_national_data.py OUTDIR [--units 3321] [--days 40]
                                              [--seed N] [--start 2025-10-13]

OUTDIR gets the same layout as sample-data/ (see sample-data/README.md):

    units.csv        code,name,type,former_province,area_km2,population
                     (no adults column: adults come from the adult share)
    snapshots/*.csv  one file a day at 15:00+07:00, one row per unit per day
    config.toml      contest settings

Everything is made up: 5-digit zero-padded codes (00001, 00002, ...),
Vietnamese-style names with diacritics, types in the national proportions
after the 2025 reorganisation (3,321 units = 2,621 xã, 687 phường and
13 đặc khu), populations 2,000 to 150,000, and cumulative counts that never
go down with completed <= registered.  Same arguments, same bytes.  Stale
*.csv files in OUTDIR/snapshots/ are removed.  Not committed: put it under
bench-data/ (git-ignored).

Standard library only.
"""

import argparse
import datetime
import random
import sys
import unicodedata
from pathlib import Path

DEFAULT_UNITS = 3321
DEFAULT_DAYS = 40
DEFAULT_SEED = 20250701

# The 63 provinces before 1 July 2025 (the former_province column).
PROVINCES = [
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn",
    "Bắc Ninh", "Bến Tre", "Bình Dương", "Bình Định", "Bình Phước",
    "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk",
    "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang",
    "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang",
    "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
    "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An", "Nam Định", "Nghệ An",
    "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình",
    "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng",
    "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Thừa Thiên Huế", "Tiền Giang", "Thành phố Hồ Chí Minh", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
]

# Syllables common in Sino-Vietnamese place names.
FIRST = [
    "An", "Bình", "Hòa", "Tân", "Phú", "Thạnh", "Long", "Hưng", "Thái",
    "Vĩnh", "Xuân", "Quang", "Minh", "Đức", "Thanh", "Trung", "Hồng", "Kim",
    "Ngọc", "Phúc", "Lộc", "Thuận", "Hải", "Sơn", "Cẩm", "Đại", "Quảng", "Mỹ",
    "Yên", "Gia", "Lạc", "Tiên", "Hiệp", "Định", "Khánh", "Nghĩa", "Trường",
    "Lâm", "Châu", "Thủy", "Thụy", "Hà", "Việt", "Đông", "Tây", "Cát", "Hoài",
    "Quế", "Thiện", "Tường", "Kỳ", "Đồng", "Tam", "Song", "Vạn", "Ân",
]
SECOND = [
    "An", "Bình", "Hòa", "Phú", "Thành", "Long", "Hưng", "Lợi", "Lộc", "Phong",
    "Thịnh", "Thuận", "Tiến", "Lập", "Sơn", "Hải", "Giang", "Châu", "Điền",
    "Khê", "Xá", "Trạch", "Nghĩa", "Đức", "Mỹ", "Quý", "Vinh", "Hiệp", "Tân",
    "Đông", "Tây", "Nam", "Bắc", "Trung", "Thạch", "Lương", "Dương", "Yên",
    "Hạnh", "Phước", "Kiệt", "Cường", "Thắng", "Thủy", "Thụy", "Đạo", "Tĩnh",
    "Uyên", "Nguyên", "Quang", "Khánh", "Tường", "Hội", "Xuyên", "Ổn", "Ngãi",
]
PREFIX = ["Bắc", "Nam", "Đông", "Tây", "Thượng", "Hạ", "Tân", "Trung"]
PEOPLE = [
    "Nguyễn Trãi", "Lê Lợi", "Trần Hưng Đạo", "Quang Trung", "Hai Bà Trưng",
    "Lý Thường Kiệt", "Ngô Quyền", "Chu Văn An", "Phan Bội Châu",
    "Nguyễn Du", "Lê Hồng Phong", "Võ Thị Sáu", "Hoàng Hoa Thám",
    "Đinh Tiên Hoàng", "Bà Triệu", "Phạm Ngũ Lão", "Yết Kiêu", "Tô Hiệu",
    "Nguyễn Bỉnh Khiêm", "Hàm Nghi", "Lý Tự Trọng", "Trần Phú",
    "Nguyễn Văn Cừ", "Mạc Đĩnh Chi", "Tuệ Tĩnh", "Hải Thượng Lãn Ông",
]
# The 13 special zones (đặc khu) of 2025.
ISLANDS = [
    "Vân Đồn", "Cô Tô", "Cát Hải", "Bạch Long Vĩ", "Cồn Cỏ", "Lý Sơn",
    "Hoàng Sa", "Trường Sa", "Phú Quý", "Côn Đảo", "Phú Quốc", "Kiên Hải",
    "Thổ Châu",
]

CONFIG_TOML = """\
# congdanso contest settings: SYNTHETIC national benchmark data
title = "Công dân số toàn quốc (dữ liệu giả lập)"
target_share = 0.80
deadline = 2025-12-31
adult_share = 0.68
timezone = "+07:00"
"""


def nfc(s):
    return unicodedata.normalize("NFC", s)


def make_name(rng, used):
    for _ in range(50):
        form = rng.randint(1, 100)
        if form <= 78:
            a, b = rng.choice(FIRST), rng.choice(SECOND)
            if a == b:
                continue
            name = f"{a} {b}"
        elif form <= 93:
            name = f"{rng.choice(PREFIX)} {rng.choice(FIRST)} {rng.choice(SECOND)}"
        else:
            name = rng.choice(PEOPLE)
        if name not in used:
            return name
    base = f"{rng.choice(FIRST)} {rng.choice(SECOND)}"
    k = 2
    while f"{base} {k}" in used:
        k += 1
    return f"{base} {k}"


def make_units(rng, n):
    n_dk = max(1, (n * 13 + 3321 // 2) // 3321)
    n_ph = (n * 687 + 3321 // 2) // 3321
    n_xa = n - n_dk - n_ph
    if n_xa < 0:
        raise SystemExit("--units too small")
    types = ["xã"] * n_xa + ["phường"] * n_ph + ["đặc khu"] * n_dk
    rng.shuffle(types)

    units, used = [], set()
    islands = list(ISLANDS)
    for k in range(n):
        code = f"{k + 1:05d}"
        # contiguous blocks of codes per former province, like the real list
        province = PROVINCES[k * len(PROVINCES) // n]
        t = types[k]
        if t == "đặc khu":
            name = islands.pop(0) if islands else f"{rng.choice(FIRST)} Đảo {k}"
            lo, hi = 2000, 100000
        else:
            name = make_name(rng, used)
            lo, hi = (8000, 150000) if t == "phường" else (2000, 60000)
        used.add(name)
        u = rng.randint(0, 10000)
        population = lo + (hi - lo) * u * u // 10**8      # skewed toward lo
        area = rng.randint(150, 15000) if t != "phường" else rng.randint(80, 4000)
        units.append({
            "code": code, "name": nfc(name), "type": t,
            "former_province": province,
            "area_km2": f"{area // 100}.{area % 100:02d}",
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
    if not 1 <= args.units <= 99999:
        ap.error("--units must be 1..99999 (5-digit codes)")
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
              ["code", "name", "type", "former_province", "area_km2", "population"],
              [[u["code"], u["name"], u["type"], u["former_province"],
                u["area_km2"], u["population"]] for u in units])
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
    print(f"{out}: {len(units)} units ({types['xã']} xã, {types['phường']} phường, "
          f"{types['đặc khu']} đặc khu), population {sum(u['population'] for u in units):,}")
    print(f"{args.days} snapshots, {rows_total:,} snapshot rows; last day: "
          f"registered {sum(reg[last]):,}, completed {sum(comp[last]):,}, "
          f"{sum(1 for r in reg[last] if r > 0):,} units participating")
    return 0


if __name__ == "__main__":
    sys.exit(main())
