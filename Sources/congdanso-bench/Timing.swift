import Foundation

/// Monotonic seconds.
func seconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Runs `body` `runs` times and returns the sorted durations in seconds.
func measure(runs: Int, _ body: () -> Void) -> [Double] {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = seconds()
        body()
        times.append(seconds() - start)
    }
    return times.sorted()
}

func median(_ sorted: [Double]) -> Double { sorted[sorted.count / 2] }

func ms(_ s: Double) -> String { String(format: "%.3f ms", s * 1000) }

/// Makes the national-scale data directory with the committed generator.
func ensureNationalData(at path: String, root: URL) {
    if FileManager.default.fileExists(atPath: path + "/units.csv") { return }
    print("making \(path) with tools/make_national_data.py …")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", root.appendingPathComponent("tools/make_national_data.py").path, path]
    do { try p.run(); p.waitUntilExit() } catch { print("cannot run python3: \(error)"); exit(1) }
    guard p.terminationStatus == 0 else { print("the generator failed"); exit(1) }
}
