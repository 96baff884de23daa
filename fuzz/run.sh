#!/usr/bin/env bash
# Builds the libFuzzer harness (fuzz/Fuzz.swift compiled into the
# CongDanSoCore sources with -sanitize=fuzzer,address) and runs a time-boxed
# campaign on each parser: the CSV reader and loaders, the event-line parser,
# the config reader and the time parser. Not part of `swift test`.
#
#   fuzz/run.sh                      # 60 s a target, all four
#   fuzz/run.sh 300 csv events       # 5 minutes each, two targets
#
# Seeds come from fuzz/corpus/<target>/ (committed); new inputs libFuzzer
# finds go to fuzz/.work/corpus/<target>/ (ignored), crashes to
# fuzz/.work/crashes/<target>/. A crash prints the input and exits non-zero;
# replay one with FUZZ_TARGET=csv fuzz/.work/congdanso-fuzz FILE.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(csv events config time)

work=fuzz/.work
mkdir -p "$work"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g)
# The core's dependencies, compiled the same way: TextSafety, the C modules
# (system zlib, the prefetch hint, the byte scan), and SpreadsheetReader over ZIPFoundation
# (its sources from the package checkout: run `swift build` once first).
zip=.build/checkouts/ZIPFoundation/Sources
if [ ! -d "$zip/ZIPFoundation" ]; then echo "run swift build first (ZIPFoundation's checkout is missing)"; exit 1; fi
if [ ! -x "$work/congdanso-fuzz" ] || [ -n "$(find Sources/TextSafety Sources/CongDanSoCore Sources/SpreadsheetReader Sources/CPrefetch Sources/CByteScan fuzz/Fuzz.swift -newer "$work/congdanso-fuzz" \( -name '*.swift' -o -name '*.h' \) | head -1)" ]; then
    echo "building the fuzzer…"
    mkdir -p "$work/cprefetch"
    printf 'module CPrefetch {\n    header "%s"\n    export *\n}\n' "$PWD/Sources/CPrefetch/include/CPrefetch.h" \
        > "$work/cprefetch/module.modulemap"
    mkdir -p "$work/cbytescan"
    printf 'module CByteScan {\n    header "%s"\n    export *\n}\n' "$PWD/Sources/CByteScan/include/CByteScan.h" \
        > "$work/cbytescan/module.modulemap"
    cmods=(-I "$work" -I "$work/cprefetch" -I "$work/cbytescan" -I Sources/CSystemZlib -I "$zip/CZLib")
    swiftc "${flags[@]}" -wmo -module-name TextSafety -emit-module -emit-module-path "$work/TextSafety.swiftmodule" \
        -c Sources/TextSafety/*.swift -o "$work/TextSafety.o"
    swiftc "${flags[@]}" -wmo -module-name ZIPFoundation -emit-module -emit-module-path "$work/ZIPFoundation.swiftmodule" \
        "${cmods[@]}" -Xcc -D_GNU_SOURCE=1 -c "$zip"/ZIPFoundation/*.swift -o "$work/ZIPFoundation.o"
    swiftc "${flags[@]}" -wmo -module-name SpreadsheetReader -emit-module \
        -emit-module-path "$work/SpreadsheetReader.swiftmodule" "${cmods[@]}" \
        -c $(find Sources/SpreadsheetReader -name '*.swift' | sort) -o "$work/SpreadsheetReader.o"
    swiftc "${flags[@]}" -module-name CongDanSoCore "${cmods[@]}" \
        $(find Sources/CongDanSoCore -name '*.swift' | sort) fuzz/Fuzz.swift \
        "$work/TextSafety.o" "$work/ZIPFoundation.o" "$work/SpreadsheetReader.o" -lz \
        -o "$work/congdanso-fuzz" 2> >(grep -v "Cannot export local symbol" >&2)
fi

# A crash must end the run, not wait for a key (Swift's backtracer).
export SWIFT_BACKTRACE=enable=no
status=0
for t in "${targets[@]}"; do
    mkdir -p "$work/corpus/$t" "$work/crashes/$t"
    echo "== $t: ${seconds} s"
    if ! FUZZ_TARGET="$t" timeout $((seconds + 60)) "$work/congdanso-fuzz" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
        -artifact_prefix="$work/crashes/$t/" -print_final_stats=1 \
        "$work/corpus/$t" "fuzz/corpus/$t" 2>"$work/$t.log"; then
        status=1
        echo "!! $t found a problem: see $work/$t.log and $work/crashes/$t/"
        grep -E "invariant broken|Fatal error|ERROR: |SUMMARY" "$work/$t.log" | head -5 || true
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$work/$t.log" | tr '\n' ' '
    echo
done
exit $status
