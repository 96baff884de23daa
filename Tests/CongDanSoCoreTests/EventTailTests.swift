import Foundation
import Testing

@testable import CongDanSoCore

/// Following a growing event log: appends, partial lines, truncation,
/// replacement, duplicates, completions before registrations, unknown units.
@Suite("Event tail")
struct EventTailTests {
    static let header = "time,unit_code,candidate_id,event\n"

    static func setUp() throws -> (TempDataDir, EventTail) {
        let dir = TempDataDir(units: EventLogTests.units)
        dir.write("events.csv", header)
        let units = try dir.dataset().units
        return (dir, EventTail(path: dir.path + "/events.csv", units: units))
    }

    static func append(_ dir: TempDataDir, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: dir.url.appendingPathComponent("events.csv"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test("appends are read incrementally; a partial last line waits for its newline")
    func partialLines() throws {
        let (dir, tail) = try Self.setUp()
        var c = tail.poll()
        #expect(c.changedUnits.isEmpty && !c.restarted)
        try Self.append(dir, "2025-10-22T08:00:00+07:00,101,c1,registered\n2025-10-22T08:01:00+07:00,102,c2,regis")
        c = tail.poll()
        #expect(c.changedUnits == [0])
        #expect(tail.aggregator.registered == [1, 0, 0])
        let offset = tail.offset
        #expect(offset == Int64(Self.header.utf8.count + "2025-10-22T08:00:00+07:00,101,c1,registered\n".utf8.count))
        // Nothing new: nothing read, the partial line still waits.
        c = tail.poll()
        #expect(c.isEmpty)
        try Self.append(dir, "tered\n")
        c = tail.poll()
        #expect(c.changedUnits == [1])
        #expect(c.bytesRead > 0 && c.linesRead == 1)
        #expect(tail.aggregator.registered == [1, 1, 0])
        #expect(tail.aggregator.issues.isEmpty)
    }

    @Test("duplicates, completion before registration, unknown units across polls")
    func duplicatesAndOrder() throws {
        let (dir, tail) = try Self.setUp()
        try Self.append(dir, "2025-10-22T09:00:00+07:00,101,c1,completed\n")
        tail.poll()
        #expect(tail.aggregator.registered[0] == 1 && tail.aggregator.completed[0] == 1)
        try Self.append(
            dir,
            "2025-10-22T08:00:00+07:00,101,c1,registered\n2025-10-22T09:00:00+07:00,101,c1,completed\n2025-10-22T10:00:00+07:00,777,c9,registered\n"
        )
        let c = tail.poll()
        #expect(c.changedUnits == [0])  // the registration moved earlier
        #expect(tail.aggregator.registered[0] == 1 && tail.aggregator.completed[0] == 1)
        #expect(tail.aggregator.unknownUnitLines == 1)
        #expect(
            tail.aggregator.issues.first?.description.hasSuffix(
                "events.csv:5:27: warning: the unit code \"777\" is not in units.csv; the line is not counted") == true)
        let h = tail.aggregator.currentHistories()[0]
        #expect(
            h == [
                Observation(time: ts("2025-10-22T08:00:00+07:00"), registered: 1, completed: 0),
                Observation(time: ts("2025-10-22T09:00:00+07:00"), registered: 1, completed: 1),
            ])
    }

    @Test("a truncated file is read again from the start")
    func truncation() throws {
        let (dir, tail) = try Self.setUp()
        try Self.append(
            dir, "2025-10-22T08:00:00+07:00,101,c1,registered\n2025-10-22T08:00:00+07:00,101,c2,registered\n")
        tail.poll()
        #expect(tail.aggregator.registered[0] == 2)
        // Same inode, shorter content.
        let handle = try FileHandle(forWritingTo: dir.url.appendingPathComponent("events.csv"))
        try handle.truncate(atOffset: UInt64(Self.header.utf8.count))
        try handle.close()
        try Self.append(dir, "2025-10-22T08:00:00+07:00,102,c7,registered\n")
        let c = tail.poll()
        #expect(c.restarted)
        #expect(tail.aggregator.registered == [0, 1, 0])
        #expect(tail.aggregator.currentHistories()[0].isEmpty)
    }

    @Test("a file replaced by an atomic rename is read again from the start")
    func replacement() throws {
        let (dir, tail) = try Self.setUp()
        try Self.append(dir, "2025-10-22T08:00:00+07:00,101,c1,registered\n")
        tail.poll()
        // A longer file under the same name: only the inode tells.
        dir.write(
            "events.new",
            Self.header
                + "2025-10-22T08:00:00+07:00,102,c1,registered\n2025-10-22T08:00:00+07:00,102,c2,registered\n2025-10-22T08:00:00+07:00,102,c3,registered\n"
        )
        #expect(dir.move("events.new", to: "events.csv"))
        let c = tail.poll()
        #expect(c.restarted)
        #expect(tail.aggregator.registered == [0, 3, 0])
        #expect(Set(c.changedUnits) == [0, 1, 2])
    }

    @Test("a file rewritten in place with other first bytes is read again")
    func rewrittenInPlace() throws {
        let (dir, tail) = try Self.setUp()
        try Self.append(dir, "2025-10-22T08:00:00+07:00,101,c1,registered\n")
        tail.poll()
        let text =
            Self.header + "2025-10-22T08:00:00+07:00,102,c1,registered\n2025-10-22T08:00:00+07:00,102,c2,registered\n"
        let handle = try FileHandle(forWritingTo: dir.url.appendingPathComponent("events.csv"))
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        let c = tail.poll()
        #expect(c.restarted)
        #expect(tail.aggregator.registered == [0, 2, 0])
    }

    @Test("a deleted log is an error that keeps what was counted; a new file in its place is read as the log")
    func deleted() throws {
        let (dir, tail) = try Self.setUp()
        try Self.append(dir, "2025-10-22T08:00:00+07:00,101,c1,registered\n")
        tail.poll()
        dir.remove("events.csv")
        var c = tail.poll()
        #expect(!c.restarted && c.error?.message.contains("gone") == true)
        #expect(tail.aggregator.registered == [1, 0, 0])
        dir.write("events.csv", Self.header + "2025-10-22T08:00:00+07:00,102,c2,registered\n")
        c = tail.poll()
        #expect(c.restarted && c.error == nil)
        #expect(tail.aggregator.registered == [0, 1, 0])
    }

    @Test("small chunks: lines split across buffer reads are put back together")
    func smallBuffer() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        var text = Self.header
        for i in 0..<500 {
            text +=
                "2025-10-22T08:\(String(format: "%02d", i % 60)):00+07:00,10\(1 + i % 2),c\(i % 300),\(i % 3 == 0 ? "completed" : "registered")\n"
        }
        dir.write("events.csv", text)
        let units = try dir.dataset().units
        let small = EventTail(path: dir.path + "/events.csv", units: units, bufferSize: 64)
        small.poll()
        let whole = EventLogSource.load(path: dir.path + "/events.csv", units: units, timeZone: .vietnam)
        #expect(small.aggregator.registered == whole.tail.aggregator.registered)
        #expect(small.aggregator.completed == whole.tail.aggregator.completed)
        #expect(small.aggregator.currentHistories() == whole.histories)
        #expect(small.aggregator.issues.isEmpty)
    }

    @Test("incremental histories equal histories built from scratch, with out-of-order appends")
    func incrementalHistories() throws {
        let (dir, tail) = try Self.setUp()
        var rng = SeededRandom(seed: 7)
        var all = Self.header
        for round in 0..<20 {
            var chunk = ""
            for _ in 0..<50 {
                let minute = round * 3 + Int.random(in: 0..<5, using: &rng)  // sometimes earlier than before
                let line =
                    "2025-10-22T\(String(format: "%02d", 8 + minute / 60)):\(String(format: "%02d", minute % 60)):00+07:00,"
                    + "\(["101", "102", "00103"][Int.random(in: 0..<3, using: &rng)]),c\(Int.random(in: 0..<120, using: &rng)),"
                    + (Bool.random(using: &rng) ? "registered" : "completed") + "\n"
                chunk += line
            }
            all += chunk
            try Self.append(dir, chunk)
            tail.poll()
            _ = tail.aggregator.currentHistories()
        }
        let fresh = EventLogSource.load(
            path: dir.path + "/events.csv", units: tail.aggregator.units, timeZone: .vietnam)
        #expect(tail.aggregator.currentHistories() == fresh.histories)
        #expect(tail.aggregator.registered == fresh.tail.aggregator.registered)
        // And against a direct count at a few moments.
        for minute in stride(from: 0, through: 70, by: 7) {
            let t = ts(
                "2025-10-22T\(String(format: "%02d", 8 + minute / 60)):\(String(format: "%02d", minute % 60)):30+07:00")
            var firstSeen: [String: (unit: String, reg: Timestamp, done: Timestamp?)] = [:]
            for row in parseCSV(all).dropFirst() {
                let time = ts(row[0])
                var e = firstSeen[row[2]] ?? (row[1], time, nil)
                e.reg = min(e.reg, time)
                if row[3] == "completed" { e.done = min(e.done ?? time, time) }
                firstSeen[row[2]] = e
            }
            for (u, code) in ["101", "102", "00103"].enumerated() {
                let r = firstSeen.values.filter { $0.unit == code && $0.reg <= t }.count
                let c = firstSeen.values.filter { $0.unit == code && ($0.done.map { $0 <= t } ?? false) }.count
                let v = fresh.histories[u].value(at: t)
                #expect(v.registered == r && v.completed == c, "unit \(code) at \(t)")
            }
        }
    }
}
