// Benchmarks that print figures (not timed tests). Run in release:
//   swift run -c release congdanso-bench [report|dashboard|all]
//   swift run -c release congdanso-bench events [DIR]   (10 M events; not in all)
//   swift run -c release congdanso-bench xlsx [DIR]     (a 100,000-row workbook; not in all)
// The national-scale data directory is made by tools/make_national_data.py
// into bench-data/national (git-ignored) when it is missing.
import CAllocator
import CongDanSoCore
import Foundation

// As the command does (see CAllocator.c), so that the figures are the product's.
_ = cds_tune_allocator_for_large_reads()

let arguments = Array(CommandLine.arguments.dropFirst())
let which = arguments.first ?? "all"
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let nationalDirectory = root.appendingPathComponent("bench-data/national").path

if which == "report" || which == "all" {
    ensureNationalData(at: nationalDirectory, root: root)
    reportBenchmark(directory: nationalDirectory, root: root)
}
if which == "dashboard" || which == "all" {
    ensureNationalData(at: nationalDirectory, root: root)
    dashboardBenchmark(sample: root.appendingPathComponent("sample-data").path, national: nationalDirectory)
}
if which == "events" {
    // Not in "all": it makes and reads a 530 MB log.
    // `congdanso-bench events [DIR]`: DIR holds units.csv and events.csv.
    let eventsDirectory =
        arguments.count > 1 ? arguments[1] : root.appendingPathComponent("bench-data/national-events").path
    ensureNationalEvents(at: eventsDirectory, root: root)
    eventsBenchmark(directory: eventsDirectory, root: root)
}
if which == "aggregate" {
    // `congdanso-bench aggregate [DIR]`: the cold aggregation alone, once (for profilers).
    let eventsDirectory =
        arguments.count > 1 ? arguments[1] : root.appendingPathComponent("bench-data/national-events").path
    aggregateOnce(directory: eventsDirectory)
}
if which == "xlsx" {
    spreadsheetBenchmark(root: root, extra: arguments.count > 1 ? arguments[1] : nil)
}
