// libFuzzer entry for the input parsers, compiled into the CongDanSoCore
// module by fuzz/run.sh (so internal types are reachable), never by
// `swift build`. FUZZ_TARGET chooses the parser: csv, events, config, time.
// Each target checks invariants as well as "no crash": every message and
// every cleaned text is terminal-safe, fields stay in bounds, parsed times
// round-trip, settings stay in range.

import TextSafety

#if canImport(Glibc)
    import Glibc
#endif

enum FuzzTarget: String {
    case csv, events, config, time

    static let current: FuzzTarget = {
        guard let raw = getenv("FUZZ_TARGET"), let t = FuzzTarget(rawValue: String(cString: raw)) else {
            fatalError("set FUZZ_TARGET to csv, events, config or time")
        }
        return t
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func congdansoFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    switch FuzzTarget.current {
    case .csv: Fuzz.csv(bytes)
    case .events: Fuzz.events(bytes)
    case .config: Fuzz.config(bytes)
    case .time: Fuzz.time(bytes)
    }
    return 0
}

enum Fuzz {
    static let units: [Unit] = [
        Unit(code: "101", name: "Tứ Kỳ", type: .xa, population: 100, adults: 68, adultsEstimated: true),
        Unit(code: "00102", name: "Gia Viên", type: .phuong, population: 100, adults: 68, adultsEstimated: true),
        Unit(code: "1234567890", name: "Bạch Long Vĩ", type: .dacKhu, population: 10, adults: 7, adultsEstimated: true),
    ]

    static func check(_ condition: Bool, _ what: @autoclosure () -> String) {
        if !condition { fatalError("invariant broken: \(what())") }
    }

    static func checkIssues(_ issues: [DataIssue]) {
        for issue in issues {
            check(TextSafety.isSafe(issue.description), "unsafe message: \(Array(issue.description.unicodeScalars))")
            check(issue.line >= 0 && issue.column >= 0, "negative position in \(issue)")
        }
    }

    /// The reader over raw bytes (comma and semicolon), then the units and
    /// snapshot loaders over the same bytes.
    static func csv(_ bytes: [UInt8]) {
        for separator in [UInt8(ascii: ","), UInt8(ascii: ";")] {
            var reader = CSVReader(bytes: bytes, separator: separator)
            var fields: [CSVField] = []
            var records = 0
            while records < 10_000 {
                guard let more = try? reader.next(into: &fields), more else { break }
                records += 1
                check(fields.count <= CSVReader.maxFields, "too many fields")
                for f in fields {
                    check(f.start <= f.end && f.end <= bytes.count, "field out of bounds")
                    check(f.end - f.start <= CSVReader.maxFieldBytes, "field over the limit")
                    check(reader.column(of: f) >= 1, "column below 1")
                    if let s = reader.string(f), !f.hasEscapedQuotes {
                        check(s.utf8.count == f.end - f.start, "text length differs from the field")
                    }
                }
            }
        }
        let loaded = UnitsLoader.load(bytes: bytes, file: "units.csv", adultShare: 0.68)
        checkIssues(loaded.issues)
        for u in loaded.units {
            for text in [u.code, u.name, u.formerProvince ?? "", u.formerDistricts ?? ""] {
                check(TextSafety.isSafe(text), "unit text not cleaned: \(Array(text.unicodeScalars))")
            }
            check(u.adults >= 0 && u.population >= 0, "negative count")
        }
        var codeIndex: [String: Int] = [:]
        for (i, u) in units.enumerated() { codeIndex[u.code] = i }
        var snapshots = SnapshotsLoader(units: units, codeIndex: codeIndex)
        snapshots.add(snapshots.rows(of: bytes, file: "snapshots/a.csv"), file: "snapshots/a.csv")
        let histories = snapshots.finish()
        checkIssues(snapshots.issues)
        for h in histories {
            for o in h { check(o.completed <= o.registered && o.completed >= 0, "completed above registered") }
        }
    }

    /// The event log's header and line parser, through the aggregator (one
    /// shard, as a whole file).
    static func events(_ bytes: [UInt8]) {
        let a = EventAggregator(units: units, file: "events.csv", expectedEvents: 0, shardCount: 1)
        bytes.withUnsafeBufferPointer { _ = a.consume($0, atEnd: true) }
        checkIssues(a.issues)
        let registered = a.registered, completed = a.completed
        for u in units.indices {
            check(completed[u] <= registered[u] && completed[u] >= 0, "completed above registered")
        }
        if let latest = a.latestTime {
            for (u, h) in a.currentHistories().enumerated() {
                let v = h.value(at: latest)
                check(v.registered == registered[u] && v.completed == completed[u], "history disagrees with counts")
            }
        }
        // The same bytes in two appends (as a followed log receives them),
        // cut at a place the input chooses, count the same.
        guard bytes.count > 1 else { return }
        let cut = Int(bytes[0]) * bytes.count / 256
        let b = EventAggregator(units: units, file: "events.csv", expectedEvents: 0, shardCount: 1)
        bytes.withUnsafeBufferPointer { all in
            let used = b.consume(UnsafeBufferPointer(rebasing: all[..<cut]))
            b.consume(UnsafeBufferPointer(rebasing: all[used...]), atEnd: true)
        }
        check(b.registered == registered && b.completed == completed, "two appends count differently from one read")
        check(b.latestTime == a.latestTime, "two appends give another latest time")
        // Held back and counted a bucket at a time (two shards, four buckets,
        // a budget of a few events, every window held), as a cold batch in
        // the same two appends: the same counts, histories and warnings.
        let c = EventAggregator(
            units: units, file: "events.csv", expectedEvents: 0, shardCount: 2, buckets: 4, deferBudget: 5)
        c.parallelWindowBytes = 1
        c.beginBatch()
        bytes.withUnsafeBufferPointer { all in
            let used = c.consume(UnsafeBufferPointer(rebasing: all[..<cut]))
            c.consume(UnsafeBufferPointer(rebasing: all[used...]), atEnd: true)
        }
        c.endBatch()
        check(c.registered == registered && c.completed == completed, "held events count differently")
        check(c.currentHistories() == a.currentHistories(), "held events give other histories")
        check(c.issues == a.issues, "held events give other warnings")
    }

    /// `config.toml`.
    static func config(_ bytes: [UInt8]) {
        let (config, issues) = ConfigLoader.load(text: String(decoding: bytes, as: UTF8.self), file: "config.toml")
        checkIssues(issues)
        check(TextSafety.isSafe(config.title), "title not cleaned")
        check(config.targetShare > 0 && config.targetShare <= 1, "target share out of range")
        check(config.adultShare > 0 && config.adultShare <= 1, "adult share out of range")
    }

    /// Times, offsets and dates: what parses prints back and parses to the same value.
    static func time(_ bytes: [UInt8]) {
        for offset in [nil, UTCOffset.vietnam] {
            if case .success(let t) = Timestamp.parse(bytes[...], defaultOffset: offset) {
                let printed = t.iso8601(offset: .utc)
                check(Timestamp.parse(printed) == .success(t), "\(printed) does not parse back")
                let local = t.iso8601(offset: .vietnam)
                check(Timestamp.parse(local) == .success(t), "\(local) does not parse back")
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if case .success(let t) = Timestamp.parse(text, defaultOffset: .vietnam) {
            check(Timestamp.parse(t.iso8601(offset: .vietnam)) == .success(t), "text form does not parse back")
        }
        if let o = UTCOffset(parsing: text) {
            check(UTCOffset(parsing: o.description) == o, "offset \(o) does not parse back")
        }
        if let d = CalendarDate(parsing: text) {
            check(CalendarDate(parsing: d.description) == d, "date \(d) does not parse back")
        }
    }
}
