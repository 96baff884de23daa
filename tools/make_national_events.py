#!/usr/bin/env python3
"""Write a national-scale SYNTHETIC event log for benchmarks.

    python3 tools/make_national_events.py OUTDIR [--events 10000000]
        [--candidates 6700000] [--units 3321] [--seed N]
        [--units-csv FILE] [--ids hex|C] [--repeat-share 0.03]

    The shape of issue 13's benchmark (the 114 units of sample-data, ids
    like C00000000, about 0.5% repeated events):

    python3 tools/make_national_events.py OUTDIR --units-csv sample-data/units.csv \
        --ids C --repeat-share 0.005

    (Issue 13 also says "about 58% completing"; with 10 M events and 6.7 M
    candidates at most 3.3 M can complete, so this keeps the two counts and
    about 48% complete.)

OUTDIR gets:

    events.csv    time,unit_code,candidate_id,event: ~10 million events of
                  ~6.7 million candidates over 10 days (13/10 to 22/10/2025,
                  06:00 to 22:00 at +07:00), in time order but for a few
                  lines; about 530 MB
    units.csv     the units of tools/make_national_data.py (the real national list),
    config.toml   made with it when OUTDIR has no units.csv (no snapshots:
                  the event log is the source)

Candidate ids are opaque 8-hex-digit strings (or, with --ids C, a C and
eight decimal digits of the same scramble) (a bijective scramble of a
counter, so all distinct). About 45% of candidates complete, some a few
minutes after registering, some in the same minute, a few with no
registration line (a completion implies a registration); about 3% of
events repeat an earlier one; a few lines come out of time order, and ten
name an unknown unit (counted as warnings, not as events).

Same arguments, same bytes. Standard library only; runs in about a minute.
"""

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--candidates", type=int, default=6_700_000)
    ap.add_argument("--units", type=int, default=3321)
    ap.add_argument("--seed", type=int, default=20251022)
    ap.add_argument("--units-csv", help="take the units (and config.toml beside it) from here")
    ap.add_argument("--ids", choices=["hex", "C"], default="hex")
    ap.add_argument("--repeat-share", type=float, default=0.03,
                    help="share of events that repeat an earlier one")
    a = ap.parse_args()
    out = Path(a.outdir)
    out.mkdir(parents=True, exist_ok=True)
    if a.units_csv and not (out / "units.csv").exists():
        shutil.copy(a.units_csv, out / "units.csv")
        config = Path(a.units_csv).parent / "config.toml"
        if config.exists():
            shutil.copy(config, out / "config.toml")
    if not (out / "units.csv").exists():
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, str(ROOT / "tools" / "make_national_data.py"), tmp,
                            "--units", str(a.units), "--days", "1"], check=True, stdout=subprocess.DEVNULL)
            shutil.copy(Path(tmp) / "units.csv", out / "units.csv")
            shutil.copy(Path(tmp) / "config.toml", out / "config.toml")
    codes = []
    populations = []
    with open(out / "units.csv", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split(",")
        ci, pi = header.index("code"), header.index("population")
        for line in f:
            if line.strip():
                cols = line.rstrip("\n").split(",")
                codes.append(cols[ci])
                populations.append(int(cols[pi]))

    rng = random.Random(a.seed)
    n_cand = a.candidates
    extra = a.events - n_cand            # completions + repeats
    # A tenth of the extra events repeat at the default 3% (same bytes as before).
    n_done = int(extra * (1 - a.repeat_share / 0.3))
    n_repeat = extra - n_done + int(n_done * 0.03)   # completions without a registration line
    check(n_done <= n_cand, "more completions than candidates")
    # Registrations per hour: 10 days ramping up, 16 hours a day shaped like
    # a working day.
    days = 10
    hours = list(range(6, 22))
    hour_shape = [1, 2, 4, 6, 7, 7, 5, 5, 6, 7, 6, 5, 4, 3, 2, 1]
    weights = [(d + 3) * s for d in range(days) for s in hour_shape]
    total_w = sum(weights)
    per_hour = [n_cand * w // total_w for w in weights]
    per_hour[-1] += n_cand - sum(per_hour)
    # Completions share: the first n_done candidates in a random order.
    done_prob = n_done / n_cand
    repeat_prob = n_repeat / a.events

    base_day = 13
    hour_index = [(d, h) for d in range(days) for h in hours]
    prefixes = [f"2025-10-{base_day + d:02d}T{h:02d}:" for d, h in hour_index]
    mmss = [f"{m:02d}:{s:02d}+07:00," for m in range(60) for s in range(60)]
    unit_fields = [c + "," for c in codes]
    cum = []
    acc = 0
    for p in populations:
        acc += p
        cum.append(acc)

    pending = {}   # hour slot -> list of (second, line tail)
    counter = 0
    written = 0
    done_left = n_done
    cand_left = n_cand
    path = out / "events.csv"
    with open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 22) as f:
        f.write("time,unit_code,candidate_id,event\n")
        for slot, n in enumerate(per_hour):
            events = pending.pop(slot, [])
            units = rng.choices(unit_fields, cum_weights=cum, k=n)
            seconds = [rng.randrange(3600) for _ in range(n)]
            last_slot = len(per_hour) - 1
            for j in range(n):
                counter += 1
                scrambled = (counter * 2654435761 + 0x5BD1E995) & 0xFFFFFFFF
                if a.ids == "C":   # a bijection of 0..10^8-1 (the factor is prime to 10^8)
                    cid = f"C{(counter * 54435761 + 12345) % 100_000_000:08d},"
                else:
                    cid = f"{scrambled:08x},"
                sec = seconds[j]
                unit = units[j]
                # Completes? Keep the overall count exact.
                completes = done_left > 0 and (rng.random() * cand_left < done_left)
                cand_left -= 1
                if completes:
                    done_left -= 1
                    r = rng.random()
                    if r < 0.03:
                        events.append((sec, unit + cid + "completed"))   # no registration line
                        continue
                    events.append((sec, unit + cid + "registered"))
                    if r < 0.25:
                        csec = min(3599, sec - sec % 60 + 59)            # same minute
                        events.append((rng.randint(sec, csec), unit + cid + "completed"))
                    else:
                        later = sec + rng.randint(60, 4 * 3600)
                        cslot = min(last_slot, slot + later // 3600)
                        csec = later % 3600 if slot + later // 3600 <= last_slot else 3599
                        if cslot == slot:
                            events.append((csec, unit + cid + "completed"))
                        else:
                            pending.setdefault(cslot, []).append((csec, unit + cid + "completed"))
                else:
                    events.append((sec, unit + cid + "registered"))
            # Repeats: some events of this hour sent again a little later.
            k = int(len(events) * repeat_prob / (1 - repeat_prob))
            for _ in range(k):
                sec, tail = events[rng.randrange(len(events))]
                events.append((min(3599, sec + rng.randint(0, 120)), tail))
            events.sort()
            # A few lines late, and (at the start) ten unknown units.
            for _ in range(len(events) // 2000):
                i = rng.randrange(len(events) - 5)
                events[i], events[i + 5] = events[i + 5], events[i]
            if slot == 0:
                for i in range(10):
                    events.append((3599, f"99{i:03d},ffff{i:04x},registered"))
            prefix = prefixes[slot]
            f.write("".join([prefix + mmss[sec] + tail + "\n" for sec, tail in events]))
            written += len(events)
    check(not pending, "completions left unwritten")
    size = path.stat().st_size
    print(f"wrote {path}: {written:,} lines, {n_cand:,} candidates, {len(codes):,} units, {size / 1e6:.0f} MB")


def check(cond, message):
    if not cond:
        print(f"make_national_events: {message}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
