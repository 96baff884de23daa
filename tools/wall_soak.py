#!/usr/bin/env python3
"""Wall-mode soak: `congdanso dashboard --rotate SECONDS` left running in a
tmux session of its own; its memory must stay flat while the views cycle.

    python3 tools/wall_soak.py [--minutes 45] [--rotate 2] [--sample-every 30]
        [--binary .build/debug/congdanso] [--data sample-data] [--size 120x40]
        [--warmup-minutes 2] [--max-growth 2] [--log FILE]

Every --sample-every seconds it reads the dashboard's resident memory (VmRSS
from /proc) and CPU time, and the wall mark on the status line ("⟳ trang 2
1s", "⟳ 10 ít nhất 1s", …): which view is up. After --warmup-minutes (the
first frames, caches, the allocator's arenas) the memory must not grow by
more than --max-growth percent to the end; every view of the cycle must have
been seen; `q` must end it with status 0. One CSV line a sample goes to
--log (elapsed s, VmRSS kB, CPU s, view). Exit 0 when all holds. Python 3
standard library only; needs tmux and Linux's /proc.
"""

import argparse
import os
import re
import subprocess
import sys
import time


def tmux(*args, check=True):
    return subprocess.run(["tmux", "-L", "wallsoak", *args], capture_output=True, text=True, check=check)


def rss_and_cpu(pid):
    rss = None
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    cpu = (int(fields[11]) + int(fields[12])) / ticks
    return rss, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=45)
    ap.add_argument("--rotate", type=int, default=2)
    ap.add_argument("--sample-every", type=float, default=30)
    ap.add_argument("--binary", default=".build/debug/congdanso")
    ap.add_argument("--data", default="sample-data")
    ap.add_argument("--size", default="120x40")
    ap.add_argument("--warmup-minutes", type=float, default=2)
    ap.add_argument("--max-growth", type=float, default=2.0)
    ap.add_argument("--log", default=None)
    a = ap.parse_args()
    w, h = a.size.split("x")
    binary = os.path.realpath(a.binary)
    command = (
        f"cd {os.getcwd()}; LANG=C.UTF-8 SWIFT_BACKTRACE=interactive=no {binary} dashboard "
        f"--data {a.data} --rotate {a.rotate} --refresh 5; echo EXIT=$? > /tmp/wallsoak-exit-{os.getpid()}"
    )
    tmux("kill-server", check=False)
    tmux("new-session", "-d", "-s", "soak", "-x", w, "-y", h, command)
    time.sleep(3)
    pid = None
    pane_pid = int(tmux("display", "-p", "-t", "soak", "#{pane_pid}").stdout.strip())
    for _ in range(50):
        # The dashboard is the pane shell's descendant running the binary.
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                exe = os.readlink(f"/proc/{entry}/exe")
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            if exe == binary and ppid == pane_pid:
                pid = int(entry)
        if pid:
            break
        time.sleep(0.2)
    if pid is None:
        print("the dashboard did not start", file=sys.stderr)
        tmux("kill-server", check=False)
        return 1
    log = open(a.log, "w") if a.log else None
    if log:
        log.write("elapsed_s,vmrss_kb,cpu_s,view\n")
    start = time.time()
    samples = []
    views = set()
    mark = re.compile(r"⟳ ([^\d]+?)\s*\d+s|⟳ (trang) \d+")
    while time.time() - start < a.minutes * 60:
        # Between samples, look at the screen often enough to see every view.
        t_next = time.time() + a.sample_every
        while time.time() < t_next:
            pane = tmux("capture-pane", "-p", "-t", "soak", check=False).stdout
            for line in pane.splitlines()[-2:]:
                m = re.search(r"⟳ (.+?) \d+s", line)
                if m:
                    view = re.sub(r" \d+$", "", m.group(1))
                    views.add(view)
            time.sleep(max(0.5, a.rotate / 2))
        try:
            rss, cpu = rss_and_cpu(pid)
        except FileNotFoundError:
            print("the dashboard died", file=sys.stderr)
            return 1
        elapsed = time.time() - start
        samples.append((elapsed, rss, cpu))
        current = next((l for l in pane.splitlines()[-2:] if "⟳" in l), "")
        if log:
            log.write(f"{elapsed:.0f},{rss},{cpu:.2f},{current.strip()[-40:]!r}\n")
            log.flush()
        print(f"{elapsed/60:6.1f} min  VmRSS {rss} kB  CPU {cpu:.1f} s", flush=True)
    tmux("send-keys", "-t", "soak", "q")
    time.sleep(2)
    exit_file = f"/tmp/wallsoak-exit-{os.getpid()}"
    status = open(exit_file).read().strip() if os.path.exists(exit_file) else "EXIT=?"
    tmux("kill-server", check=False)
    after = [s for s in samples if s[0] >= a.warmup_minutes * 60]
    ok = True
    if len(after) >= 2:
        base, last = after[0][1], after[-1][1]
        peak = max(s[1] for s in after)
        growth = 100.0 * (last - base) / base
        print(f"after warm-up: first {base} kB, last {last} kB ({growth:+.2f}%), peak {peak} kB")
        if growth > a.max_growth:
            ok = False
    else:
        print("too few samples after warm-up")
        ok = False
    span = samples[-1][0] - samples[0][0] if len(samples) > 1 else 0
    cpu_rate = 100.0 * (samples[-1][2] - samples[0][2]) / span if span else 0
    print(f"views seen: {sorted(views)}")
    print(f"CPU: {cpu_rate:.1f}% of one core; exit: {status}")
    expected = {"10 nhiều nhất", "10 ít nhất", "cần gọi", "tổng hợp", "trang"}
    if not expected <= {("trang" if v.startswith("trang") else v) for v in views}:
        print("not every view was seen")
        ok = False
    if status != "EXIT=0":
        ok = False
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
