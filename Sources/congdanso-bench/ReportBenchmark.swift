import CongDanSoCore
import Foundation

/// Loads the national data directory and computes the full JSON report, in
/// process and as a whole `congdanso report --format json` process.
func reportBenchmark(directory: String, root: URL) {
    print("== report on \(directory)")
    var bytes = 0
    var units = 0, rows = 0
    let inProcess = measure(runs: 10) {
        let result = DataDirectory.load(directory)
        guard let dataset = result.dataset else { print(result.issues.prefix(5)); exit(1) }
        let standings = Standings(dataset: dataset, now: Timestamp(milliseconds: 0))
        bytes = JSONReport.render(standings).utf8.count
        units = dataset.units.count
        rows = dataset.histories.reduce(0) { $0 + $1.count }
    }
    if let dataset = DataDirectory.load(directory).dataset {
        let l = measure(runs: 5) { _ = DataDirectory.load(directory) }
        var st: Standings? = nil
        let s = measure(runs: 5) { st = Standings(dataset: dataset, now: Timestamp(milliseconds: 0)) }
        let j = measure(runs: 5) { _ = JSONReport.render(st!) }
        print("phases: load \(ms(median(l))), standings \(ms(median(s))), JSON \(ms(median(j)))")
    }
    print("units \(units), snapshot rows \(rows), JSON \(bytes) bytes")
    print("load + standings + JSON in process: median \(ms(median(inProcess))), best \(ms(inProcess[0])) (10 runs)")

    // The whole process, as a user or script runs it.
    let binary = root.appendingPathComponent(".build/release/congdanso").path
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        print("(build the release binary for the whole-process figure: swift build -c release)")
        return
    }
    let whole = measure(runs: 10) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["report", "--format", "json", "--data", directory]
        p.standardOutput = FileHandle.nullDevice
        try? p.run()
        p.waitUntilExit()
    }
    print(
        "whole process `congdanso report --format json`: median \(ms(median(whole))), best \(ms(whole[0])) (10 runs; target ≤ 120 ms)"
    )
}
