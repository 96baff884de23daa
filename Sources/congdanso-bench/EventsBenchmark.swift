import CongDanSoCore
import Foundation

/// Aggregates the national-scale event log (tools/make_national_events.py)
/// from a fresh state into per-unit distinct counts, builds the histories,
/// takes in 10,000 appended events through the tail, loads the whole
/// directory, and compares with Polars (or DuckDB) on the same file when
/// python3 has one: four benchmarks, one function each.
func eventsBenchmark(directory: String, root: URL) {
    let log = directory + "/events.csv"
    print("== events on \(log)")
    let size = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
    let units = loadUnits(directory)
    let cold = coldAggregationBenchmark(log: log, size: size, units: units)
    print("  peak memory so far (ru_maxrss): \(peakMB()) MB")
    appendBenchmark(log: log, size: size, units: units)
    wholeLoadBenchmark(directory: directory)
    let peak = peakMB()
    print("peak memory of the whole run (ru_maxrss): \(peak) MB; target < 1 GB: \(peak < 1024 ? "met" : "missed")")
    compareWithPython(
        log: log, units: units, registered: cold.registered, completed: cold.completed, ours: cold.median)
}

/// What the cold aggregation gave: its counts (to compare with Python's) and its median time.
private struct ColdAggregation {
    var registered: [Int], completed: [Int]
    var median: Double
}

/// 1. Counts from a fresh state, five times (the file is in the page cache).
/// The first run of a process after the machine sat idle pays more for its
/// fresh memory (kernel time), so it is shown on its own.
private func coldAggregationBenchmark(log: String, size: Int, units: [CongDanSoCore.Unit]) -> ColdAggregation {
    var counted = 0, candidates = 0, tableBytes = 0
    var registered: [Int] = [], completed: [Int] = []
    var runs: [(wall: Double, cpu: Double)] = []
    for _ in 0..<5 {
        let t0 = seconds(), c0 = processCPUSeconds()
        let tail = EventTail(path: log, units: units)
        tail.poll()
        runs.append((seconds() - t0, processCPUSeconds() - c0))
        counted = tail.aggregator.eventsCounted
        candidates = tail.aggregator.candidateCount
        tableBytes = tail.aggregator.memoryBytes
        registered = tail.aggregator.registered
        completed = tail.aggregator.completed
    }
    let aggregate = runs.map(\.wall).sorted()
    let best = aggregate[0], middle = median(aggregate)
    var load = [0.0, 0.0, 0.0]
    getloadavg(&load, 3)
    print(
        String(
            format: "load average before: %.2f (%d cores); CPU time of the aggregation (all threads): median %.3f s",
            load[0], ProcessInfo.processInfo.activeProcessorCount, median(runs.map(\.cpu).sorted())))
    print(
        String(
            format:
                "aggregate into per-unit distinct counts: median %.3f s, best %.3f s, first %.3f s (5 runs, fresh state each, warm page cache)",
            middle, best, runs[0].wall))
    print(
        String(
            format:
                "  %d events counted, %d candidates, %d units, %.0f MB: %.1f M events/s, %.0f MB/s; candidate table %.0f MB",
            counted, candidates, units.count, Double(size) / 1e6, Double(counted) / middle / 1e6,
            Double(size) / middle / 1e6,
            Double(tableBytes) / 1e6))
    print(
        "  target < 1.0 s (median): \(middle < 1.0 ? "met" : String(format: "missed by %.2f s (%.0f%%)", middle - 1.0, (middle - 1.0) * 100))"
    )
    return ColdAggregation(registered: registered, completed: completed, median: middle)
}

/// 2 and 3. Histories (every unit's cumulative counts at each time they
/// changed), then rounds of 10,000 appended events through the tail, each
/// while the previous dataset is still held (as the dashboard holds the one
/// on screen); then the file is put back as it was.
private func appendBenchmark(log: String, size: Int, units: [CongDanSoCore.Unit]) {
    let tail = EventTail(path: log, units: units)
    var t0 = seconds()
    tail.poll()
    let pollTime = seconds() - t0
    t0 = seconds()
    let histories = tail.aggregator.currentHistories()
    let historyTime = seconds() - t0
    let observations = histories.reduce(0) { $0 + $1.count }
    print(
        String(
            format: "histories: %.3f s for %d observations (after a %.3f s aggregation)", historyTime, observations,
            pollTime))
    var shown = Dataset(
        config: ContestConfig(), units: units, histories: histories,
        firstMoment: tail.aggregator.firstTime, latestMoment: tail.aggregator.latestTime)
    var rounds: [(poll: Double, fold: Double, dataset: Double, units: Int)] = []
    var after = tail.aggregator.latestTime ?? Timestamp(milliseconds: 0)
    for round in 0..<5 {
        let appended = appendLines(count: 10_000, after: after, units: units, round: round)
        guard let handle = FileHandle(forWritingAtPath: log) else { break }
        handle.seekToEndOfFile()
        handle.write(Data(appended.utf8))
        handle.closeFile()
        t0 = seconds()
        let change = tail.poll()
        let t1 = seconds()
        let h = tail.aggregator.currentHistories()
        let t2 = seconds()
        shown = shown.replacingHistories(
            h, firstMoment: tail.aggregator.firstTime, latestMoment: tail.aggregator.latestTime, warnings: [])
        let t3 = seconds()
        rounds.append((t1 - t0, t2 - t1, t3 - t2, change.changedUnits.count))
        after = tail.aggregator.latestTime ?? after
    }
    truncate(log, off_t(size))
    let totals = rounds.map { $0.poll + $0.fold + $0.dataset }.sorted()
    if let m = rounds.sorted(by: { $0.poll + $0.fold + $0.dataset < $1.poll + $1.fold + $1.dataset })
        .dropFirst(rounds.count / 2).first
    {
        print(
            String(
                format:
                    "append of 10,000 events (%d rounds): median %.2f ms in all (read and counted %.2f, histories %.2f, new dataset %.2f; %d units changed); best %.2f ms, worst %.2f ms",
                rounds.count, (m.poll + m.fold + m.dataset) * 1000, m.poll * 1000, m.fold * 1000,
                m.dataset * 1000, m.units, totals[0] * 1000, totals[totals.count - 1] * 1000))
        let total = m.poll + m.fold + m.dataset
        print(
            "  target < 10 ms: \(total < 0.010 ? "met" : String(format: "missed by %.2f ms", (total - 0.010) * 1000))"
        )
    }
    print("  peak memory so far (ru_maxrss): \(peakMB()) MB (one aggregator with its histories and a dataset)")
}

/// 4. The whole load as the commands do it, and the standings at the latest event.
private func wholeLoadBenchmark(directory: String) {
    var t0 = seconds()
    let result = DataDirectory.load(directory)
    let loadTime = seconds() - t0
    if result.dataset == nil { print(result.issues.prefix(3)) }
    print(String(format: "DataDirectory.load (units, log, histories, dataset): %.3f s", loadTime))
    guard let dataset = result.dataset else { return }
    t0 = seconds()
    let s = Standings(dataset: dataset, now: Timestamp(milliseconds: 0))
    print(
        String(
            format: "standings at the latest event: %.3f s; city %d registered, %d completed", seconds() - t0,
            s.city.registered, s.city.completed))
}

/// `count` lines after `time`: new candidates (ids unique to the round), completions and repeats.
private func appendLines(count: Int, after time: Timestamp, units: [CongDanSoCore.Unit], round: Int) -> String {
    var rng = SeededRandom(seed: 42 &+ UInt64(round))
    var text = ""
    text.reserveCapacity(count * 56)
    for i in 0..<count {
        let t = time.adding(seconds: Int64(1 + i / 20)).iso8601(offset: .vietnam)
        let unit = units[Int(rng.next() % UInt64(units.count))].code
        let id = String(format: "z%d-%07d", round, i % 5 == 4 ? i - 1 : i)
        text += "\(t),\(unit),\(id),\(i % 3 == 0 ? "completed" : "registered")\n"
    }
    return text
}

private func compareWithPython(
    log: String, units: [CongDanSoCore.Unit], registered: [Int], completed: [Int], ours: Double
) {
    let script = """
        import sys, time
        path = sys.argv[1]
        try:
            import polars as pl
            t = time.perf_counter()
            df = pl.read_csv(path, schema_overrides={"unit_code": pl.Utf8, "candidate_id": pl.Utf8})
            r = df.group_by("unit_code").agg(pl.col("candidate_id").n_unique().alias("r"))
            c = df.filter(pl.col("event") == "completed").group_by("unit_code").agg(pl.col("candidate_id").n_unique().alias("c"))
            el = time.perf_counter() - t
            print("polars", pl.__version__, el)
            rows = {u: [n, 0] for u, n in r.iter_rows()}
            for u, n in c.iter_rows(): rows.setdefault(u, [0, 0])[1] = n
        except ImportError:
            import duckdb
            t = time.perf_counter()
            q = f"select unit_code, count(distinct candidate_id), count(distinct candidate_id) filter (where event = 'completed') from read_csv('{path}', types={{'unit_code': 'VARCHAR', 'candidate_id': 'VARCHAR'}}) group by unit_code"
            res = duckdb.sql(q).fetchall()
            el = time.perf_counter() - t
            print("duckdb", duckdb.__version__, el)
            rows = {u: [r, c] for u, r, c in res}
        for u, (r, c) in sorted(rows.items()): print(u, r, c)
        """
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script, log]
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = FileHandle.nullDevice
    do { try p.run() } catch { print("(python3 not found: no comparison)"); return }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    var lines = output.split(separator: "\n")
    guard p.terminationStatus == 0, !lines.isEmpty else {
        print("(neither polars nor duckdb importable in python3: pip install polars — no comparison)")
        return
    }
    let head = lines.removeFirst().split(separator: " ")
    guard head.count == 3, let theirs = Double(head[2]) else { return }
    // Same counts? (Theirs count per unit named in the line; ours per first unit: equal when no candidate moves.)
    var index: [String: Int] = [:]
    for (i, u) in units.enumerated() { index[u.code] = i }
    var differ = 0
    for line in lines {
        let f = line.split(separator: " ")
        guard f.count == 3, let i = index[String(f[0])] else { continue }
        if registered[i] != Int(f[1]) || completed[i] != Int(f[2]) { differ += 1 }
    }
    print(
        String(
            format:
                "%@ %@: %.3f s for the same distinct counts; ours (median) %.3f s: %.1f× faster; per-unit counts %@",
            String(head[0]), String(head[1]), theirs, ours, theirs / ours,
            differ == 0 ? "identical" : "DIFFER in \(differ) units"))
}

/// Makes the national event log with the committed generator when missing.
func ensureNationalEvents(at path: String, root: URL) {
    if FileManager.default.fileExists(atPath: path + "/events.csv") { return }
    print("making \(path) with tools/make_national_events.py (about a minute) …")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", root.appendingPathComponent("tools/make_national_events.py").path, path]
    do { try p.run(); p.waitUntilExit() } catch { print("cannot run python3: \(error)"); exit(1) }
    guard p.terminationStatus == 0 else { print("the generator failed"); exit(1) }
}

private func peakMB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
}

/// CPU seconds used by the whole process, every thread, user and system
/// (unlike wall time, not inflated by other processes competing for the cores).
func processCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// One cold aggregation of `directory`/events.csv, timed: for profilers.
func aggregateOnce(directory: String) {
    let units = loadUnits(directory)
    let t0 = seconds(), c0 = processCPUSeconds()
    let tail = EventTail(path: directory + "/events.csv", units: units)
    tail.poll()
    print(
        String(
            format: "aggregated %d events, %d candidates in %.3f s (CPU %.3f s, peak RSS %d MB)",
            tail.aggregator.eventsCounted, tail.aggregator.candidateCount, seconds() - t0,
            processCPUSeconds() - c0, peakMB()))
    // Where the rest of a cold load goes: the per-unit histories from the deltas.
    let t1 = seconds(), c1 = processCPUSeconds()
    let histories = tail.aggregator.currentHistories()
    print(
        String(
            format: "histories: %d observations in %.3f s (CPU %.3f s); candidate tables %d MB; peak RSS %d MB",
            histories.reduce(0) { $0 + $1.count }, seconds() - t1, processCPUSeconds() - c1,
            tail.aggregator.memoryBytes >> 20, peakMB()))
}

/// The units of `directory`, read as the commands read them (through a
/// directory holding only its units.csv and config.toml); exits when unreadable.
private func loadUnits(_ directory: String) -> [CongDanSoCore.Unit] {
    let unitsOnly = NSTemporaryDirectory() + "congdanso-bench-units-\(getpid())"
    try? FileManager.default.createDirectory(atPath: unitsOnly, withIntermediateDirectories: true)
    for name in ["units.csv", "config.toml"] {
        try? FileManager.default.createSymbolicLink(
            atPath: unitsOnly + "/" + name,
            withDestinationPath: URL(fileURLWithPath: directory).appendingPathComponent(name).path)
    }
    // An empty snapshots folder: a directory with no source at all is an error.
    try? FileManager.default.createDirectory(atPath: unitsOnly + "/snapshots", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: unitsOnly) }
    guard let units = DataDirectory.load(unitsOnly).dataset?.units else {
        print("cannot read \(directory)/units.csv"); exit(1)
    }
    return units
}
