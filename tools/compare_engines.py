#!/usr/bin/env python3
"""Whole-process times of `congdanso report --format json` beside DuckDB and
Polars doing the same work on the same files, in one run, alternating:

- the national report (3,321 units x 40 snapshots, bench-data/national): each
  unit's latest counts (DuckDB: arg_max over snapshots/*.csv);
- the 10 M-event log (bench-data/national-events): per-unit distinct
  candidates registered and completed (Polars: n_unique by unit).

Each engine's per-unit answers are compared with ours. Needs `pip install
duckdb polars` and the release build; the data come from
`congdanso-bench report` and `congdanso-bench events`.

    python3 tools/compare_engines.py [ROUNDS] [EVENTS_DIR]

EVENTS_DIR defaults to bench-data/national-events; issue 13's shape (114
units, C00000000 ids) is made by the command in tools/make_national_events.py.
"""
import json, os, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release", "congdanso")
NATIONAL = os.path.join(ROOT, "bench-data", "national")
EVENTS = os.path.join(ROOT, "bench-data", "national-events")

DUCKDB = """
import sys, duckdb
rows = duckdb.sql(f\"\"\"select code, arg_max(registered, as_of), arg_max(completed, as_of)
    from read_csv('{sys.argv[1]}/snapshots/*.csv', types={{'code': 'VARCHAR', 'as_of': 'TIMESTAMPTZ'}})
    group by code\"\"\").fetchall()
for code, r, c in rows: print(code, r, c)
"""
POLARS = """
import sys, polars as pl
df = pl.read_csv(sys.argv[1] + "/events.csv", schema_overrides={"unit_code": pl.Utf8, "candidate_id": pl.Utf8})
r = df.group_by("unit_code").agg(pl.col("candidate_id").n_unique().alias("r"))
c = df.filter(pl.col("event") == "completed").group_by("unit_code").agg(pl.col("candidate_id").n_unique().alias("c"))
rows = {u: [n, 0] for u, n in r.iter_rows()}
for u, n in c.iter_rows(): rows.setdefault(u, [0, 0])[1] = n
for u, (a, b) in rows.items(): print(u, a, b)
"""


def timed(cmd):
    t = time.perf_counter()
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True).stdout
    return time.perf_counter() - t, out


def compare(name, directory, script, rounds):
    ours_t, theirs_t = [], []
    for _ in range(rounds):
        t, out = timed([BIN, "report", "--data", directory, "--format", "json"])
        ours_t.append(t)
        t, theirs = timed([sys.executable, "-c", script, directory])
        theirs_t.append(t)
    ours = {u["code"]: (u["registered"], u["completed"]) for u in json.loads(out)["units"]}
    rows = [line.split() for line in theirs.decode().splitlines()]
    # Lines naming a code not in units.csv are not counted by congdanso (a warning): left out here.
    rows = [row for row in rows if row[0] in ours]
    differ = sum(1 for code, r, c in rows if ours[code] != (int(r), int(c)))
    a, b = statistics.median(ours_t), statistics.median(theirs_t)
    print(f"{name}: congdanso median {a:.3f} s (best {min(ours_t):.3f}), other median {b:.3f} s "
          f"(best {min(theirs_t):.3f}): {a / b:.2f}x; {len(rows)} units compared, {differ} differ")


rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
if len(sys.argv) > 2:
    EVENTS = sys.argv[2]
print("load average", os.getloadavg()[0], "cores", os.cpu_count())
compare("national report vs DuckDB", NATIONAL, DUCKDB, rounds)
compare("10 M events vs Polars", EVENTS, POLARS, max(1, rounds // 2))
print("load average", os.getloadavg()[0])
