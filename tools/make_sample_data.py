#!/usr/bin/env python3
"""Regenerate sample-data/ for congdanso, deterministically.

    python3 tools/make_sample_data.py

Reads the committed reference list tools/reference/haiphong-units-2025.csv
(the 114 real units of Hải Phòng) and writes:

    sample-data/units.csv          the 114 real units (adults are estimated by congdanso at 68%)
    sample-data/snapshots/*.csv    SYNTHETIC cumulative counts per unit, one
                                   file per moment, fitted to the public totals
    sample-data/config.toml        contest settings
    sample-data/README.md          what all this is
    sample-data/events.csv         SYNTHETIC anonymised event log (opaque ids
                                   c000001, ...), consistent with the snapshots

    The event log is written by default (WRITE_EVENTS, below); with it in
    sample-data/ congdanso uses it as the source of the counts (snapshots
    are then only checked against it). Other choices:
    python3 tools/make_sample_data.py --events           to sample-data/events.csv
    python3 tools/make_sample_data.py --events-to PATH   to PATH instead
    python3 tools/make_sample_data.py --no-events        not at all (an
                                                         existing one stays)

The output is byte-for-byte identical on every run: one seeded
random.Random, exact integer and Fraction arithmetic only (no float sums, no
libm), no hash-order dependence, no timestamps. Every constraint the project
relies on is checked before anything is written; a failed check prints what
failed and exits with status 1.

Standard library only; Python 3.8 or later.
"""

import csv
import io
import random
import sys
import textwrap
import unicodedata
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tools" / "reference" / "haiphong-units-2025.csv"
OUT = ROOT / "sample-data"

SEED = 20251022

# --- Public facts the synthetic counts must reproduce -----------------------

# The official letter (Sở KH&CN Hải Phòng), figures at 15h00 on 22/10/2025.
FINAL_REGISTERED = 84360
FINAL_COMPLETED = 49317
# News item on the national digital-skills portal, 21/10/2025 15:30.
NEWS_REGISTERED = 70949
NEWS_COMPLETED = 42117

# Letter order: most participants first.
TOP_TEN = [
    "xã Tứ Kỳ", "xã Việt Khê", "phường Gia Viên", "xã Trần Phú", "xã Kiến Hưng",
    "xã Chí Minh", "xã An Thành", "phường Bạch Đằng", "phường Thạch Khôi",
    "xã Tân Kỳ",
]
# Letter order: fewest participants first.
BOTTOM_TEN = [
    "đặc khu Bạch Long Vĩ", "xã Tuệ Tĩnh", "phường Đồ Sơn", "phường Nam Đồng",
    "phường Nam Đồ Sơn", "xã Thượng Hồng", "xã Hồng Châu", "xã Kiến Hải",
    "xã Hải Hưng", "xã Nghi Dương",
]

# --- The moments, in time order ---------------------------------------------
# (as_of, file stem, city registered, city completed).  The 13/10 ... 20/10
# and 21/10 15:00 city totals are synthetic: a contest ramping up over ten
# days (daily registrations 3.7k -> 13.7k; completions level off near 7.3k a
# day, as the public 21/10 -> 22/10 figures imply).  The 21/10 15:30 and
# 22/10 15:00 totals are the public ones.
MOMENTS = [
    ("2025-10-13T15:00:00+07:00", "2025-10-13T1500", 1480, 830),
    ("2025-10-14T15:00:00+07:00", "2025-10-14T1500", 5210, 3050),
    ("2025-10-15T15:00:00+07:00", "2025-10-15T1500", 10760, 6350),
    ("2025-10-16T15:00:00+07:00", "2025-10-16T1500", 17900, 10650),
    ("2025-10-17T15:00:00+07:00", "2025-10-17T1500", 26300, 15700),
    ("2025-10-18T15:00:00+07:00", "2025-10-18T1500", 35700, 21300),
    ("2025-10-19T15:00:00+07:00", "2025-10-19T1500", 46000, 27500),
    ("2025-10-20T15:00:00+07:00", "2025-10-20T1500", 57900, 34600),
    ("2025-10-21T15:00:00+07:00", "2025-10-21T1500", 70637, 41962),
    ("2025-10-21T15:30:00+07:00", "2025-10-21T1530", NEWS_REGISTERED, NEWS_COMPLETED),
    ("2025-10-22T15:00:00+07:00", "2025-10-22T1500", FINAL_REGISTERED, FINAL_COMPLETED),
]
I_DAY1 = 0          # 13/10 15:00: a few units have not registered anyone yet
I_DAY2 = 1          # 14/10 15:00: every unit has registered someone
I_2115 = 8          # 21/10 15:00
I_2130 = 9          # 21/10 15:30 (public figure)
I_FINAL = 10        # 22/10 15:00 (the letter)
DAILY = [i for i in range(len(MOMENTS)) if i != I_2130]   # the 15:00 moments

ADULT_PERCENT = 68  # adults = round(population * 0.68), halves up

CONFIG_TOML = """\
# congdanso contest settings (see README "Data formats")
title = "Công dân số Hải Phòng - sử dụng thông minh, sống an toàn"
target_share = 0.80
deadline = 2025-12-31
adult_share = 0.68
timezone = "+07:00"
"""


class CheckFailed(Exception):
    pass


def check(cond, message):
    """Like assert, but survives `python3 -O` and reports what failed."""
    if not cond:
        raise CheckFailed(message)


def nfc(s):
    return unicodedata.normalize("NFC", s)


def ceil_div(a, b):
    return -((-a) // b)


# --- Reading the reference ---------------------------------------------------

def read_reference():
    text = REFERENCE.read_text(encoding="utf-8")
    check(text == nfc(text), f"{REFERENCE}: not NFC")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    units = []
    for n, row in enumerate(rows, start=2):
        u = {k: nfc(v) for k, v in row.items()}
        check(len(u["code"]) == 5 and u["code"].isdigit(), f"line {n}: bad code {u['code']!r}")
        check(u["type"] in ("xã", "phường", "đặc khu"), f"line {n}: bad type {u['type']!r}")
        u["population"] = int(u["population"])
        units.append(u)
    check(len(units) == 114, f"reference has {len(units)} units, expected 114")
    check(len({u["code"] for u in units}) == 114, "duplicate codes in the reference")
    counts = {t: sum(1 for u in units if u["type"] == t) for t in ("phường", "xã", "đặc khu")}
    check(counts == {"phường": 45, "xã": 67, "đặc khu": 2}, f"type counts {counts}")
    check(sum(u["population"] for u in units) == 4662669, "population does not sum to 4,662,669")
    area = sum(Fraction(u["area_km2"]) for u in units)
    check(area == Fraction("3194.72"), f"area sums to {float(area)}, expected 3194.72")
    return units


def resolve(units, full_names):
    """'xã Tứ Kỳ' -> index of the unit whose type is xã and name is Tứ Kỳ."""
    out = []
    for full in full_names:
        full = nfc(full)
        hits = [i for i, u in enumerate(units)
                if full == f"{u['type']} {u['name']}"]
        check(len(hits) == 1, f"{full!r} matches {len(hits)} units in the reference")
        out.append(hits[0])
    return out


# --- Exact integer fitting ---------------------------------------------------

def fit(x, lo, hi, total):
    """Integers v[i] in [lo[i], hi[i]] summing to `total`, close to
    clamp(s * x[i], lo[i], hi[i]) for the one scale s that makes the clamped
    values sum to `total` (found exactly, in Fractions); the fractional parts
    go by largest remainder, ties to the lower index."""
    n = len(x)
    check(all(l <= h for l, h in zip(lo, hi)), "fit: lo > hi")
    check(sum(lo) <= total <= sum(hi),
          f"fit: total {total} outside [{sum(lo)}, {sum(hi)}]")
    x = [Fraction(v) + Fraction(1, 10**6) for v in x]   # strictly positive

    def clamped(s):
        return [min(max(s * x[i], lo[i]), hi[i]) for i in range(n)]

    points = sorted({Fraction(0)} | {Fraction(lo[i]) / x[i] for i in range(n)}
                    | {Fraction(hi[i]) / x[i] for i in range(n)})
    # S(s) = sum(clamped(s)) is non-decreasing and piecewise linear between
    # consecutive points; S(points[-1]) == sum(hi) >= total.
    a, b = 0, len(points) - 1
    while b - a > 1:
        m = (a + b) // 2
        if sum(clamped(points[m])) <= total:
            a = m
        else:
            b = m
    sa, sb = sum(clamped(points[a])), sum(clamped(points[b]))
    s = points[a] if sb == sa else points[a] + (total - sa) * (points[b] - points[a]) / (sb - sa)
    y = clamped(s)
    check(sum(y) == total, "fit: scale not exact")
    v = [int(yi) for yi in y]       # floor: every y is >= 0
    short = total - sum(v)
    order = sorted(range(n), key=lambda i: (-(y[i] - v[i]), i))
    for i in order[:short]:
        v[i] += 1
    check(all(lo[i] <= v[i] <= hi[i] for i in range(n)), "fit: out of bounds")
    check(sum(v) == total, "fit: wrong total")
    return v


def make_distinct(vals, idx, lo, hi, reserved, rng):
    """Move values of units `idx` by single steps until they are pairwise
    distinct and distinct from `reserved`, keeping the sum and the bounds."""
    while True:
        seen, dup = set(), None
        for i in idx:
            if vals[i] in seen:
                dup = i
                break
            seen.add(vals[i])
        if dup is None:
            return
        used = set(vals[i] for i in idx) | reserved
        v = vals[dup]
        step = None
        for d in range(1, hi[dup] - lo[dup] + 1):   # nearest free value
            if v + d <= hi[dup] and v + d not in used:
                step = d
                break
            if v - d >= lo[dup] and v - d not in used:
                step = -d
                break
        check(step is not None, "make_distinct: no room")
        vals[dup] = v + step
        used = set(vals[i] for i in idx) | reserved
        # give the difference back in single steps, each onto a free value
        for _ in range(abs(step)):
            back = -1 if step > 0 else 1
            candidates = [j for j in idx if j != dup
                          and lo[j] <= vals[j] + back <= hi[j]
                          and vals[j] + back not in used]
            check(candidates, "make_distinct: nobody can compensate")
            j = rng.choice(candidates)
            used.discard(vals[j])
            vals[j] += back
            used.add(vals[j])


# --- Building the counts -----------------------------------------------------

def build(units):
    rng = random.Random(SEED)
    n = len(units)
    pop = [u["population"] for u in units]
    top = resolve(units, TOP_TEN)
    bottom = resolve(units, BOTTOM_TEN)
    check(not set(top) & set(bottom), "a unit is in both lists")
    middle = [i for i in range(n) if i not in set(top) | set(bottom)]

    R = [0] * n   # registered at 22/10 15:00

    # Top ten, most first: each below the one before and at most 5.8% of the
    # unit's population (so small communes such as Kiến Hưng stay plausible).
    prev = None
    for rank, i in enumerate(top, 1):
        cap = pop[i] * 58 // 1000 - rng.randint(0, 40)
        if prev is None:
            v = rng.randint(2150, 2250)
        else:
            v = prev - (rng.randint(60, 150) if rank <= 5 else rng.randint(30, 90))
        R[i] = min(v, cap)
        check(prev is None or R[i] < prev, "top ten not strictly decreasing")
        prev = R[i]

    # Bottom ten, fewest first: Bạch Long Vĩ (686 people) a handful, the rest
    # at least 0.52% of their population and each above the one before.
    prev = None
    for i in bottom:
        if prev is None:
            R[i] = rng.randint(7, 12)
        else:
            floor_ = ceil_div(pop[i] * 52, 10000) + rng.randint(0, 6)
            R[i] = max(prev + rng.randint(4, 14), floor_)
        prev = R[i]

    top_min = min(R[i] for i in top)
    bottom_max = max(R[i] for i in bottom)

    # The other 94, strictly between the two lists.  Their values are a
    # smooth spread from just above the bottom ten to just below the top ten,
    # v(t) = L + (H - L) * (a*t + (1-a)*t^2), t random in (0, 1), with
    # a chosen so the spread has the mean the city total needs; the largest
    # values go to the most populous units, shuffled by noise.  Then fitted
    # to the exact total within 0.5% .. 6% of each unit's population.
    m = len(middle)
    rest = FINAL_REGISTERED - sum(R[i] for i in top) - sum(R[i] for i in bottom)
    L = bottom_max + rng.randint(3, 9)
    H = top_min - rng.randint(8, 25)
    mean_t = Fraction(rest - m * L, m * (H - L))
    ts = sorted(Fraction(rng.randint(1, 999999), 10**6) for _ in range(m))
    mean_t2 = sum(t * t for t in ts) / m
    # mean(a*t + (1-a)*t^2) = a/2 + (1-a)*mean_t2 = mean_t
    a = (mean_t - mean_t2) / (Fraction(1, 2) - mean_t2)
    check(0 <= a <= 1, f"middle spread impossible (a = {float(a):.3f})")
    spread = [L + (H - L) * (a * t + (1 - a) * t * t) for t in ts]
    noisy = sorted(middle, key=lambda i: (isqrt(pop[i]) * rng.randint(60, 140), i))
    want = {i: spread[j] for j, i in enumerate(noisy)}
    lo = [0] * n
    hi = [0] * n
    for i in middle:
        lo[i] = max(bottom_max + 1, ceil_div(pop[i] * 5, 1000))
        hi[i] = min(top_min - 1, pop[i] * 6 // 100)
    vals = fit([want[i] for i in middle], [lo[i] for i in middle],
               [hi[i] for i in middle], rest)
    for i, v in zip(middle, vals):
        R[i] = v
    reserved = set(R[i] for i in top) | set(R[i] for i in bottom)
    make_distinct(R, middle, lo, hi, reserved, rng)

    # Completed at 22/10: a per-unit completion share of 48-70%, fitted to the
    # total, never outside 45-75% of registered.
    share = [Fraction(rng.randint(48, 70), 100) for _ in range(n)]
    C = fit([R[i] * share[i] for i in range(n)],
            [ceil_div(R[i] * 45, 100) for i in range(n)],
            [R[i] * 75 // 100 for i in range(n)], FINAL_COMPLETED)

    # Earlier moments.  Each unit follows the city's curve g with its own
    # lead or lag: f(g) = g + b*g*(1-g), b in [-0.45, 0.45], monotone with
    # f(0)=0 and f(1)=1.  A few units register nobody on the first day.
    lead = [Fraction(rng.randint(-45, 45), 100) for _ in range(n)]
    late = set(rng.sample(middle, 4)) | {bottom[0]}
    reg = [[0] * n for _ in MOMENTS]
    comp = [[0] * n for _ in MOMENTS]
    reg[I_FINAL], comp[I_FINAL] = R, C

    prev_r, prev_c = [0] * n, [0] * n
    for k in range(I_2115 + 1):
        g = Fraction(MOMENTS[k][2], FINAL_REGISTERED)
        want = [R[i] * (g + lead[i] * g * (1 - g)) for i in range(n)]
        lo_r = [max(prev_r[i], 1 if k >= I_DAY2 else 0) for i in range(n)]
        hi_r = [0 if (k == I_DAY1 and i in late) else R[i] for i in range(n)]
        reg[k] = fit(want, lo_r, hi_r, MOMENTS[k][2])
        want_c = [Fraction(C[i] * reg[k][i], R[i]) for i in range(n)]
        hi_c = [min(C[i], reg[k][i]) for i in range(n)]
        comp[k] = fit(want_c, prev_c, hi_c, MOMENTS[k][3])
        prev_r, prev_c = reg[k], comp[k]

    # 21/10 15:30: half an hour's growth, shared by what each unit still has
    # to gain before 22/10 15:00.
    r8, c8 = reg[I_2115], comp[I_2115]
    gain_r = fit([R[i] - r8[i] for i in range(n)], [0] * n,
                 [R[i] - r8[i] for i in range(n)], NEWS_REGISTERED - sum(r8))
    reg[I_2130] = [r8[i] + gain_r[i] for i in range(n)]
    room_c = [min(C[i], reg[I_2130][i]) - c8[i] for i in range(n)]
    gain_c = fit([C[i] - c8[i] for i in range(n)], [0] * n, room_c,
                 NEWS_COMPLETED - sum(c8))
    comp[I_2130] = [c8[i] + gain_c[i] for i in range(n)]
    return reg, comp, top, bottom


def isqrt(n):
    # math.isqrt is 3.8+; spelled out so the arithmetic is plainly integer.
    x = n
    y = (x + 1) // 2
    while y < x:
        x, y = y, (y + n // y) // 2
    return x


def ranking(units, reg, comp):
    return sorted(range(len(units)), key=lambda i: (-reg[i], -comp[i], units[i]["code"]))


def verify(units, reg, comp, top, bottom):
    n = len(units)
    pop = [u["population"] for u in units]
    R, C = reg[I_FINAL], comp[I_FINAL]

    for k, m in enumerate(MOMENTS):
        check(len(reg[k]) == n and len(comp[k]) == n, f"{m[0]}: not one row per unit")
        check(sum(reg[k]) == m[2], f"{m[0]}: registered {sum(reg[k])} != {m[2]}")
        check(sum(comp[k]) == m[3], f"{m[0]}: completed {sum(comp[k])} != {m[3]}")
        for i in range(n):
            check(0 <= comp[k][i] <= reg[k][i],
                  f"{m[0]} {units[i]['code']}: completed > registered or negative")
            if k:
                check(reg[k][i] >= reg[k - 1][i] and comp[k][i] >= comp[k - 1][i],
                      f"{m[0]} {units[i]['code']}: a count went down")

    # The public figures, exactly.
    check(sum(R) == 84360 and sum(C) == 49317, "22/10 15:00 totals")
    check(sum(reg[I_2130]) == 70949 and sum(comp[I_2130]) == 42117, "21/10 15:30 totals")
    check(all(r > 0 for r in R), "a unit has no registrations at 22/10")
    check(len(set(R)) == n, "registered values at 22/10 are not all distinct")

    order = ranking(units, R, C)
    check(order[:10] == top, "top ten differ from the letter")
    check(list(reversed(order[-10:])) == bottom, "bottom ten differ from the letter")
    head, tail = [R[i] for i in order[:11]], [R[i] for i in order[-11:]]
    check(all(a > b for a, b in zip(head, head[1:])), "tie within the top eleven")
    check(all(a > b for a, b in zip(tail, tail[1:])), "tie within the bottom eleven")

    # Plausibility.
    for i in range(n):
        code = units[i]["code"]
        check(45 * R[i] <= 100 * C[i] <= 75 * R[i],
              f"{code}: completion {C[i]}/{R[i]} outside 45-75%")
        check(5 * pop[i] <= 1000 * R[i] <= 60 * pop[i],
              f"{code}: registered {R[i]} outside 0.5-6% of population {pop[i]}")
    blv = bottom[0]
    check(units[blv]["name"] == "Bạch Long Vĩ" and R[blv] < 20 and R[blv] == min(R),
          "Bạch Long Vĩ is not lowest with a handful")
    change_r = sum(R) - sum(reg[I_2115])
    check(1000 <= change_r <= 14000, f"24h registered change {change_r} not 1,000-14,000")
    check(sum(reg[I_2115]) <= 70949, "21/10 15:00 above the 15:30 figure")
    late = [i for i in range(n) if reg[I_DAY1][i] == 0]
    check(1 <= len(late) <= 10, f"{len(late)} units start at 0 on 13/10, want a few")
    check(all(r > 0 for r in reg[I_DAY2]), "a unit still has 0 on 14/10")
    daily = [sum(reg[k]) for k in DAILY]
    incs = [b - a for a, b in zip(daily, daily[1:])]
    check(all(b > a for a, b in zip(incs, incs[1:])), "daily registrations do not ramp up")
    return order


# --- The event log -----------------------------------------------------------
# Events happen between 07:00 and 15:00 local on each snapshot's day (and
# between 15:00:01 and 15:30:00 for the 21/10 15:30 moment), so a unit's
# distinct candidates up to each as_of are exactly that snapshot's figures,
# and a day's end-of-day value equals its 15:00 (or 15:30) value.

# With events.csv in sample-data/ it becomes the source of every report
# and view there: histories then change at every event, not at the 11
# snapshots (--at between snapshots gives the log's count; the dashboard's
# detail view shows its history one row a day).
WRITE_EVENTS = True
EVENTS_SEED = SEED + 4
EVENT_DAY_START = 7 * 3600      # 07:00 local
EVENT_DAY_END = 15 * 3600       # 15:00 local (inclusive)


def local_seconds(as_of):
    """Seconds since 1970 of an as_of written YYYY-MM-DDTHH:MM:SS+07:00."""
    check(as_of.endswith("+07:00"), f"as_of {as_of} must be at +07:00")
    y, mo, d = int(as_of[0:4]), int(as_of[5:7]), int(as_of[8:10])
    h, mi, se = int(as_of[11:13]), int(as_of[14:16]), int(as_of[17:19])
    # Days from the civil date (Howard Hinnant's algorithm), exact.
    yy = y - (1 if mo <= 2 else 0)
    era = yy // 400
    yoe = yy - era * 400
    doy = (153 * ((mo + 9) % 12) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    days = era * 146097 + doe - 719468
    return days * 86400 + h * 3600 + mi * 60 + se - 7 * 3600


def format_time(t):
    """Seconds since 1970 as YYYY-MM-DDTHH:MM:SS+07:00."""
    local = t + 7 * 3600
    days, rest = divmod(local, 86400)
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    y = yoe + era * 400 + (1 if m <= 2 else 0)
    return f"{y:04d}-{m:02d}-{d:02d}T{rest // 3600:02d}:{rest % 3600 // 60:02d}:{rest % 60:02d}+07:00"


def event_window(k):
    """(first, last) second, inclusive, in which moment k's new events fall."""
    t = local_seconds(MOMENTS[k][0])
    if k == I_2130:
        return local_seconds(MOMENTS[k - 1][0]) + 1, t
    day_start = t - (t + 7 * 3600) % 86400
    return day_start + EVENT_DAY_START, day_start + EVENT_DAY_END


def build_events(units, reg, comp):
    """The event log as (time, code, id, event) rows, in file order."""
    rng = random.Random(EVENTS_SEED)
    n = len(units)
    pending = [[] for _ in range(n)]     # registered, not completed: (id, reg time)
    next_id = 1
    out = []
    for k in range(len(MOMENTS)):
        lo, hi = event_window(k)
        final = local_seconds(MOMENTS[k][0])
        check(hi == final, f"moment {k}: events must end at its as_of")
        interval = []
        for i, u in enumerate(units):
            code = u["code"]
            new_r = reg[k][i] - (reg[k - 1][i] if k else 0)
            new_c = comp[k][i] - (comp[k - 1][i] if k else 0)
            check(new_r >= 0 and new_c >= 0, f"{code}: counts go down at moment {k}")
            fresh = []
            for _ in range(new_r):
                cid = f"c{next_id:06d}"
                next_id += 1
                fresh.append((cid, rng.randint(lo, hi)))
            # Completions: candidates waiting from earlier moments first
            # (oldest first), then some of this moment's new ones.
            from_pool = min(new_c, len(pending[i]))
            done = pending[i][:from_pool]
            pending[i] = pending[i][from_pool:]
            rest = new_c - from_pool
            check(rest <= len(fresh), f"{code}: more completions than candidates at moment {k}")
            fresh_done = set(rng.sample(range(len(fresh)), rest))
            for j, (cid, t) in enumerate(fresh):
                if j in fresh_done:
                    roll = rng.random()
                    if roll < 0.05:
                        # Completion logged without a registration line.
                        interval.append((t, code, cid, "completed"))
                        continue
                    interval.append((t, code, cid, "registered"))
                    # Same minute as the registration, or later in the window.
                    if roll < 0.30:
                        tc = min(hi, t - t % 60 + 59)
                        tc = rng.randint(t, tc)
                    else:
                        tc = rng.randint(t, hi)
                    interval.append((tc, code, cid, "completed"))
                else:
                    interval.append((t, code, cid, "registered"))
                    pending[i].append((cid, t))
            for cid, _ in done:
                interval.append((rng.randint(lo, hi), code, cid, "completed"))
            # Repeats: a registration or completion sent twice.
            for cid, t in fresh[: max(0, len(fresh) // 200)]:
                interval.append((rng.randint(t, hi), code, cid, "registered"))
            for cid, _ in done[: max(0, len(done) // 300)]:
                interval.append((hi, code, cid, "completed"))
        interval.sort()
        # The platform logs roughly in time order: a few lines come late.
        for _ in range(len(interval) // 500):
            a = rng.randrange(len(interval) - 3)
            interval[a], interval[a + 3] = interval[a + 3], interval[a]
        out += interval
    # The last events fall at 15:00:00 on 22/10 exactly.
    final = local_seconds(MOMENTS[I_FINAL][0])
    if max(t for t, _, _, _ in out) != final:
        t, code, cid, ev = out[-1]
        out[-1] = (final, code, cid, ev)
    return out


def verify_events(units, reg, comp, events):
    """Counts the log independently at each as_of and compares."""
    first = {}      # id -> (unit code, first time of any event)
    done = {}       # id -> first completion time
    for t, code, cid, ev in events:
        if cid in first:
            check(first[cid][0] == code, f"{cid}: events in two units")
            first[cid] = (code, min(first[cid][1], t))
        else:
            first[cid] = (code, t)
        if ev == "completed":
            done[cid] = min(done.get(cid, t), t)
        else:
            check(ev == "registered", f"bad event {ev}")
    index = {u["code"]: i for i, u in enumerate(units)}
    for k, m in enumerate(MOMENTS):
        at = local_seconds(m[0])
        r = [0] * len(units)
        c = [0] * len(units)
        for cid, (code, t) in first.items():
            if t <= at:
                r[index[code]] += 1
            if cid in done and done[cid] <= at:
                c[index[code]] += 1
        check(r == reg[k], f"event log disagrees with registered at {m[0]}")
        check(c == comp[k], f"event log disagrees with completed at {m[0]}")
    last = max(t for t, _, _, _ in events)
    check(format_time(last) == MOMENTS[I_FINAL][0], f"last event at {format_time(last)}")
    check(len(first) == sum(reg[I_FINAL]), "candidates != final registered")
    times = [t for t, _, _, _ in events]
    check(any(b < a for a, b in zip(times, times[1:])), "no line out of time order")
    pairs = [(cid, ev) for _, _, cid, ev in events]
    check(len(pairs) > len(set(pairs)), "no repeated event")
    registered_ids = {cid for _, _, cid, ev in events if ev == "registered"}
    check(any(cid not in registered_ids for cid in done), "no completion without a registration line")
    reg_minute = {cid: t // 60 for t, _, cid, ev in events if ev == "registered"}
    check(any(reg_minute.get(cid) == t // 60 for t, _, cid, ev in events if ev == "completed"),
          "no completion in the same minute as its registration")


def events_text(events):
    lines = ["time,unit_code,candidate_id,event"]
    lines += [f"{format_time(t)},{code},{cid},{ev}" for t, code, cid, ev in events]
    return "\n".join(lines) + "\n"


# --- Writing -----------------------------------------------------------------

def csv_field(s):
    s = str(s)
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def csv_text(header, rows):
    lines = [",".join(csv_field(f) for f in header)]
    lines += [",".join(csv_field(f) for f in row) for row in rows]
    return "\n".join(lines) + "\n"


def adults(population):
    return (population * ADULT_PERCENT + 50) // 100


def readme_text(units, reg, comp, events=None):
    adults_total = sum(adults(u["population"]) for u in units)
    pop_total = sum(u["population"] for u in units)
    rows = []
    for k, m in enumerate(MOMENTS):
        src = {I_2130: "public: news item, national digital-skills portal",
               I_FINAL: "public: the official letter"}.get(k, "synthetic")
        rows.append(f"| `{m[1]}.csv` | {m[0]} | {sum(reg[k]):,} | {sum(comp[k]):,} | {src} |")
    table = "\n".join(rows)
    late = textwrap.fill(
        ", ".join(f"{u['type']} {u['name']} ({u['code']})"
                  for i, u in enumerate(units) if reg[I_DAY1][i] == 0),
        width=76, initial_indent="  ", subsequent_indent="  ")
    change_r = sum(reg[I_FINAL]) - sum(reg[I_2115])
    change_c = sum(comp[I_FINAL]) - sum(comp[I_2115])
    n_events = len(events) if events is not None else 0
    n_repeats = n_events - len({(e[2], e[3]) for e in events}) if events is not None else 0
    text = f"""\
# sample-data

The data the dashboard opens by default: Hải Phòng's 114 commune-level
units and the first ten days (13/10 to 22/10/2025) of the contest "Công dân
số Hải Phòng - sử dụng thông minh, sống an toàn".

**The per-unit counts are synthetic.** The letter of 22/10/2025 gives the
per-unit results only in an appendix that is not public. The counts here are
made up, fitted to everything that is public: the city totals, the ten units
with the most participants and the ten with the fewest, in the letter's
order. Do not quote any single unit's figure as real.

This directory is generated. Do not edit it by hand; change
`tools/make_sample_data.py` and regenerate:

```sh
python3 tools/make_sample_data.py
git diff --exit-code sample-data    # regenerating must change nothing
```

The script is deterministic (a fixed seed, exact integer arithmetic), uses
only the Python 3 standard library, checks every constraint below before it
writes anything, and exits non-zero if one fails.

## Files

All files are UTF-8 (NFC) with LF line endings and a header row; fields are
quoted (RFC 4180) only where needed.

### `units.csv`

`code,name,type,former_province,former_districts,area_km2,population`

One row per unit, in the order of the reference list. Real (from
`tools/reference/haiphong-units-2025.csv`, see its README for sources:
Nghị quyết 1669/NQ-UBTVQH15, Công văn 1027/CTK-CSCL, the government's
administrative map portal):

- `code`: 5-digit national commune code; treat it as text (codes in other
  provinces start with 0);
- `name`: the name without the type word ("Tứ Kỳ"; full name "xã Tứ Kỳ");
- `type`: `xã` (67), `phường` (45) or `đặc khu` (2);
- `former_province`, `former_districts`: what the unit was formed from in the
  2025 merger (districts joined with ` + `);
- `area_km2` (sums to 3,194.72) and `population` (sums to {pop_total:,}).

**Adults are an estimate.** The file has no `adults` column, so congdanso
estimates each unit's adults as round(population × `adult_share`), halves up,
with `adult_share = 0.68` from `config.toml`, and labels them as estimates.
No per-unit age breakdown is published; 0.68 is the city-wide share of voters
on the electoral roll ("more than 3.18 million" of 4,664,124 people). The 114
estimates sum to {adults_total:,}.

### `snapshots/*.csv`

`as_of,code,registered,completed`

Cumulative counts (synthetic, see above), one file per moment, one row per
unit in every file. `as_of` is ISO 8601 with the +07:00 offset.

| file | as_of | registered | completed | city totals from |
|---|---|---|---|---|
{table}

What the data is shaped to exercise:

- 22/10 15:00: 114 units taking part; ranked by registered (then completed,
  then code) the first ten and the last ten are the letter's lists, and all
  114 registered values differ, so no tie decides those lists;
- counts never go down, completed never exceeds registered, and completion
  at 22/10 is 45-75% of registered per unit;
- a few units register nobody on 13/10 and start on 14/10 (late starters):
{late};
- two snapshots on 21/10 (15:00 and the public 15:30 figure): the 24-hour
  change at 22/10 15:00 compares with the 21/10 15:00 file, so it is
  +{change_r:,} registered and +{change_c:,} completed (not the +13,411 and
  +7,200 between the two public figures, which are 23.5 hours apart);
- registered is 0.5-6% of each unit's population; đặc khu Bạch Long Vĩ
  (686 people) has a handful.

### `events.csv`

`time,unit_code,candidate_id,event`

A **synthetic** event log, one line per event, made by the same script
from the snapshot counts above ({n_events:,} lines). Candidate ids are
opaque and anonymised (`c000001`, `c000002`, ...; numbered in the order the
script makes them, tied to no person); `unit_code` is a code from
`units.csv`; `event` is `registered` or `completed`; `time` is ISO 8601 with
the +07:00 offset.

It is consistent with the snapshots: a candidate counts as registered from
its first event and as completed from its first `completed`, and counting
the log up to each snapshot's `as_of` gives that snapshot's figures, unit by
unit, exactly (the script checks this before writing). Events fall between
07:00 and 15:00 on each snapshot's day (between 15:00:01 and 15:30 for the
21/10 15:30 figure), so each day's end-of-day count equals that day's last
snapshot. Like a real platform log it has a few lines out of time order, a
few events sent twice ({n_repeats:,}), and some completions with no
`registered` line before them.

**With `events.csv` present, the dashboard and the reports use it as the
live source**: the counts come from the log (the snapshots are only checked
against it, and any difference is a warning), the dashboard follows lines
appended to it, and values between two snapshot moments (`--at`, the
detail view's history, one row a day) are the log's own. To go back to the
snapshots alone, delete it (and regenerate with `--no-events`, which
leaves it out).

### `config.toml`

The contest settings, a small TOML subset (`key = value`, strings in double
quotes, `#` comments): `title`, `target_share` (0.80 of adults by the
deadline), `deadline` (2025-12-31), `adult_share` (0.68) and `timezone`
(+07:00).
"""
    if events is None:
        # No log written: describe only the snapshots.
        start = text.index("### `events.csv`")
        text = text[:start] + text[text.index("### `config.toml`"):]
    return text


def write_all(units, reg, comp, events_to=None, events=None):
    # No `adults` column: congdanso estimates adults from `adult_share` in
    # config.toml and marks them as estimates on screen and in reports.
    unit_rows = [[u["code"], u["name"], u["type"], u["former_province"],
                  u["former_districts"], u["area_km2"], u["population"]]
                 for u in units]
    files = {
        OUT / "units.csv": csv_text(
            ["code", "name", "type", "former_province", "former_districts",
             "area_km2", "population"], unit_rows),
        OUT / "config.toml": CONFIG_TOML,
        OUT / "README.md": readme_text(units, reg, comp, events),
    }
    for k, (as_of, stem, _, _) in enumerate(MOMENTS):
        rows = [[as_of, u["code"], reg[k][i], comp[k][i]] for i, u in enumerate(units)]
        files[OUT / "snapshots" / f"{stem}.csv"] = csv_text(
            ["as_of", "code", "registered", "completed"], rows)
    if events is not None:
        files[events_to] = events_text(events)

    for path, text in files.items():
        check(text == nfc(text), f"{path}: not NFC")
        check("\r" not in text, f"{path}: CR in output")
    (OUT / "snapshots").mkdir(parents=True, exist_ok=True)
    # Remove snapshots this script no longer makes, so the directory is exact.
    for old in sorted((OUT / "snapshots").glob("*.csv")):
        if old not in files:
            old.unlink()
    for path in sorted(files):
        path.parent.mkdir(parents=True, exist_ok=True)
        data = files[path].encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)


def summary(units, reg, comp, order):
    def label(i):
        return f"{units[i]['type']} {units[i]['name']}"

    R, C = reg[I_FINAL], comp[I_FINAL]
    print("moment                      registered  completed")
    for k, m in enumerate(MOMENTS):
        print(f"{m[0]}  {sum(reg[k]):>10,}  {sum(comp[k]):>9,}")
    print(f"24h change at {MOMENTS[I_FINAL][0]} (vs {MOMENTS[I_2115][0]}): "
          f"registered +{sum(R) - sum(reg[I_2115]):,}, completed +{sum(C) - sum(comp[I_2115]):,}")
    print("top ten (most first):")
    for r, i in enumerate(order[:10], 1):
        print(f"  {r:>3}  {units[i]['code']}  {label(i):<24} {R[i]:>6,} {C[i]:>6,}")
    print("bottom ten (fewest first):")
    for r, i in zip(range(len(order), 0, -1), reversed(order[-10:])):
        print(f"  {r:>3}  {units[i]['code']}  {label(i):<24} {R[i]:>6,} {C[i]:>6,}")
    late = [units[i]["code"] for i in range(len(units)) if reg[I_DAY1][i] == 0]
    print(f"units at 0 on 13/10: {', '.join(late)}")
    a = sum(adults(u["population"]) for u in units)
    print(f"adults (sum of units): {a:,}; completed/adults at 22/10: {sum(C) / a:.4f}")


def main():
    args = sys.argv[1:]
    events_to = OUT / "events.csv" if WRITE_EVENTS or "--events" in args else None
    if "--no-events" in args:
        events_to = None
    elif "--events-to" in args:
        events_to = Path(args[args.index("--events-to") + 1]).resolve()
    try:
        units = read_reference()
        reg, comp, top, bottom = build(units)
        order = verify(units, reg, comp, top, bottom)
        events = None
        if events_to is not None:
            events = build_events(units, reg, comp)
            verify_events(units, reg, comp, events)
        write_all(units, reg, comp, events_to, events)
    except CheckFailed as e:
        print(f"make_sample_data: check failed: {e}", file=sys.stderr)
        print("make_sample_data: nothing written", file=sys.stderr)
        return 1
    summary(units, reg, comp, order)
    print(f"wrote {OUT}/ ({len(MOMENTS)} snapshots)")
    if events is not None:
        repeats = len(events) - len({(e[2], e[3]) for e in events})
        print(f"wrote {events_to} ({len(events):,} events, {repeats:,} repeats)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
