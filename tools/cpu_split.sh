#!/bin/bash
# Where a whole `report --format json` process spends its CPU, by part of
# the work, from `perf record` sampling at 10 kHz (needs perf; release build):
#
#   tools/cpu_split.sh [RUNS] [DIR] [BINARY...]
#
# Prints, per binary, each part's CPU milliseconds in every run (sorted), so
# two builds can be compared alternating: parsing lines and holding their
# events, counting held events, making the histories, the kernel (the file's
# copy, page faults, exit), and the rest. Sampling adds a few percent.
set -euo pipefail
runs=${1:-5}
dir=${2:-bench-data/issue13-events}
shift 2 2>/dev/null || shift $#
binaries=("$@")
[ ${#binaries[@]} -gt 0 ] || binaries=(.build/release/congdanso)
data=$(mktemp)
trap 'rm -f "$data" "$data.perf"' EXIT
for _ in $(seq "$runs"); do
    for b in "${binaries[@]}"; do
        perf record -q -F 10000 -o "$data.perf" "$b" report --data "$dir" --format json >/dev/null 2>&1
        perf report -i "$data.perf" --no-children --sort symbol -g none -F period,symbol 2>/dev/null \
            | awk -v b="$b" '!/^#/ && NF >= 2 {
                p = $1; $1 = ""
                if ($0 ~ /parse_9shardMask/) k = "parse"
                else if ($0 ~ /flushDeferred|CandidateShard.*apply|byRecord|DeferredEvents.*copy|memmove/) k = "count"
                else if ($0 ~ /\[k\]/) k = "kernel"
                else if ($0 ~ /istor|RadixSort|SortedSeconds/) k = "histories"
                else k = "other"
                t[k] += p; total += p
            } END { for (k in t) printf "%s %s %.1f\n", b, k, t[k] / 1e6; printf "%s total %.1f\n", b, total / 1e6 }'
    done
done >"$data"
sort -k1,1 -k2,2 -k3,3n "$data" | awk '{ key = $1 "  " $2; v[key] = v[key] " " $3 } END { for (k in v) printf "%-44s%s\n", k, v[k] }' | sort
