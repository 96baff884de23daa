import Foundation
import Testing

@testable import CongDanSoCore

/// The event log as the source of the counts, on small logs worked out by hand.
@Suite("Event log")
struct EventLogTests {
    static let units = """
        code,name,type,population,adults
        101,An Hải,phường,1500,1000
        102,Ân Thi,xã,3000,2000
        00103,Bạch Long Vĩ,đặc khu,700,500

        """

    static func directory(events: String, snapshots: [String: String] = [:]) -> TempDataDir {
        let dir = TempDataDir(units: units, snapshots: snapshots)
        dir.write("events.csv", events)
        return dir
    }

    /// Hand count:
    /// - c1 (101): registered 08:00, completed 09:00, repeats of both → 1/1.
    /// - c2 (101): completed first at 08:30 (counts as registered then), a
    ///   later registered at 10:00 changes nothing → 1/1.
    /// - c3 (102): registered twice (08:10, 08:10) → 1/0.
    /// - c4 (102): registered 11:00, then an out-of-order line registered
    ///   07:00 → registered from 07:00; completed 11:30 → 1/1.
    /// - c5: the unit 999 is unknown → not counted, a warning.
    /// - line with a bad time, a malformed line, a bad event → warnings.
    /// Totals at the end: 101 → 2/2, 102 → 2/1, 00103 → 0/0.
    static let log = """
        time,unit_code,candidate_id,event
        2025-10-22T08:00:00+07:00,101,c1,registered
        2025-10-22T08:10:00+07:00,102,c3,registered
        2025-10-22T08:10:00+07:00,102,c3,registered
        2025-10-22T08:30:00+07:00,101,c2,completed
        2025-10-22T09:00:00+07:00,101,c1,completed
        2025-10-22T09:05:00+07:00,101,c1,completed
        2025-10-22T09:06:00+07:00,101,c1,registered
        2025-10-22T10:00:00+07:00,101,c2,registered
        2025-10-22T11:00:00+07:00,102,c4,registered
        2025-10-22T07:00:00+07:00,102,c4,registered
        2025-10-22T11:30:00+07:00,102,c4,completed
        2025-10-22T11:40:00+07:00,999,c5,registered
        2025-10-32T11:40:00+07:00,101,c6,registered
        2025-10-22T11:41:00+07:00,101,c7
        2025-10-22T11:42:00+07:00,101,c8,started

        """

    @Test("distinct counts: repeats once, completion implies registration, out of order, problems counted")
    func handCount() throws {
        let dir = Self.directory(events: Self.log)
        let d = try dir.dataset()
        let s = standings(d)
        #expect(s.moment == ts("2025-10-22T11:30:00+07:00"))
        let a = try figure(s, "101"), b = try figure(s, "102"), c = try figure(s, "00103")
        #expect((a.registered, a.completed) == (2, 2))
        #expect((b.registered, b.completed) == (2, 1))
        #expect((c.registered, c.completed) == (0, 0))
        #expect(d.firstMoment == ts("2025-10-22T07:00:00+07:00"))
        // Four problems, each with file:line:column.
        let warnings = d.warnings.map(\.description)
        #expect(
            warnings.contains {
                $0.hasSuffix(
                    "events.csv:13:27: warning: the unit code \"999\" is not in units.csv; the line is not counted")
            })
        #expect(
            warnings.contains {
                $0.contains(
                    "events.csv:14:1: warning: the time \"2025-10-32T11:40:00+07:00\" is not a real date and time")
            })
        #expect(warnings.contains { $0.contains("events.csv:15:") && $0.contains("3 fields but the header has 4") })
        #expect(warnings.contains { $0.contains("events.csv:16:34: warning: the event \"started\" is neither") })
        #expect(d.warnings.count == 4)
    }

    @Test("--at between events: exactly the distinct candidates with an event at or before T")
    func atMoments() throws {
        let d = try Self.directory(events: Self.log).dataset()
        func at(_ t: String, _ u: Int) -> (Int, Int) {
            let v = d.value(unit: u, at: ts(t)); return (v.registered, v.completed)
        }
        #expect(at("2025-10-22T06:59:59+07:00", 1) == (0, 0))
        #expect(at("2025-10-22T07:00:00+07:00", 1) == (1, 0))  // c4, out of order
        #expect(at("2025-10-22T08:09:59+07:00", 1) == (1, 0))
        #expect(at("2025-10-22T08:10:00+07:00", 1) == (2, 0))
        #expect(at("2025-10-22T07:59:59+07:00", 0) == (0, 0))
        #expect(at("2025-10-22T08:00:00+07:00", 0) == (1, 0))
        #expect(at("2025-10-22T08:30:00+07:00", 0) == (2, 1))  // c2's completion registers it
        #expect(at("2025-10-22T09:00:00+07:00", 0) == (2, 2))
        #expect(at("2025-10-22T11:29:59+07:00", 1) == (2, 0))
        #expect(at("2025-10-22T11:30:00+07:00", 1) == (2, 1))
        // Histories only hold times where a count changed, sorted.
        #expect(d.histories[0].map(\.time) == ["08:00", "08:30", "09:00"].map { ts("2025-10-22T\($0):00+07:00") })
        #expect(d.histories[1].map(\.time) == ["07:00", "08:10", "11:30"].map { ts("2025-10-22T\($0):00+07:00") })
    }

    @Test("the latest moment is the latest event, even a repeat that changed nothing")
    func latestIsLastEvent() throws {
        let d = try Self.directory(
            events: """
                time,unit_code,candidate_id,event
                2025-10-22T08:00:00+07:00,101,c1,registered
                2025-10-22T15:00:00+07:00,101,c1,registered

                """
        ).dataset()
        #expect(d.latestMoment == ts("2025-10-22T15:00:00+07:00"))
        #expect(standings(d).moment == ts("2025-10-22T15:00:00+07:00"))
        #expect(try figure(standings(d), "101").registered == 1)
    }

    @Test("columns in any order, BOM, CRLF, quoted fields, blank lines")
    func formats() throws {
        let text =
            "\u{FEFF}event,candidate_id,extra,time,unit_code\r\n"
            + "registered,\"c1\",x,2025-10-22T08:00:00+07:00,101\r\n"
            + "\r\n"
            + "completed,c1,,2025-10-22T08:00:00Z,\" 101 \"\r\n"
            + ",,,,\r\n"
            + "registered,c2,,2025-10-22T09:00:00.250+07:00,102\r\n"
        let d = try Self.directory(events: text).dataset()
        let s = standings(d)
        #expect(try figure(s, "101").registered == 1)
        #expect(try figure(s, "101").completed == 1)
        #expect(try figure(s, "102").registered == 1)
        #expect(d.latestMoment == ts("2025-10-22T15:00:00+07:00"))  // 08:00Z
        #expect(d.warnings.isEmpty, "\(d.warnings)")
    }

    @Test("a last line without its newline is incomplete: left out, with a warning at its line")
    func partialLastLine() throws {
        // With the id last, a cut id ("c1" of "c12") would count as a new candidate.
        let text =
            "time,unit_code,event,candidate_id\n2025-10-22T08:00:00+07:00,101,registered,c12\n"
            + "2025-10-22T09:00:00+07:00,101,registered,c1"
        let result = Self.directory(events: text).load()
        let d = try #require(result.dataset)
        #expect(try figure(standings(d), "101").registered == 1)
        #expect(d.latestMoment == ts("2025-10-22T08:00:00+07:00"))
        let warning = try #require(d.warnings.first { $0.message.contains("no line end") })
        #expect(warning.file.hasSuffix("events.csv") && warning.line == 3 && warning.column == 1)
    }

    @Test("a candidate seen in two units counts in its first, with a warning")
    func otherUnit() throws {
        let d = try Self.directory(
            events: """
                time,unit_code,candidate_id,event
                2025-10-22T08:00:00+07:00,101,c1,registered
                2025-10-22T09:00:00+07:00,102,c1,completed

                """
        ).dataset()
        let s = standings(d)
        #expect(try figure(s, "101").completed == 1)
        #expect(try figure(s, "102").registered == 0)
        #expect(d.warnings.count == 1)
        #expect(
            d.warnings[0].description.contains(
                "events.csv:3:27: warning: this candidate's first event was in Phường An Hải (101)"))
    }

    @Test("a missing header column is an error; an empty log (not written yet) shows zeros with a warning")
    func headerErrors() throws {
        let r = Self.directory(events: "time,unit,candidate_id,event\n").load()
        #expect(r.dataset == nil)
        #expect(r.issues.errors.first?.message.contains("no \"unit_code\" column") == true)
        let empty = Self.directory(events: "").load()
        let d = try #require(empty.dataset)
        #expect(d.histories.allSatisfy { $0.isEmpty })
        #expect(empty.issues.errors.isEmpty)
        #expect(empty.issues.warnings.contains { $0.message.contains("the event log is empty") && $0.line == 1 })
    }

    @Test("more than 20 problems: 20 listed, then one summary with the total")
    func manyProblems() throws {
        var text = "time,unit_code,candidate_id,event\n"
        for i in 0..<50 { text += "2025-10-22T08:00:00+07:00,9\(i),c\(i),registered\n" }
        for i in 0..<5 { text += "2025-13-22T08:00:00+07:00,101,d\(i),registered\n" }
        text += "2025-10-22T08:00:00+07:00,101,ok,registered\n"
        let d = try Self.directory(events: text).dataset()
        #expect(d.warnings.count == 21)
        #expect(
            d.warnings.last!.message.hasPrefix(
                "55 lines have problems in all (50 with an unknown unit, 5 with an impossible time)"))
        #expect(try figure(standings(d), "101").registered == 1)
    }

    @Test("snapshots are checked against the log; a difference is a warning, the log wins")
    func snapshotCheck() throws {
        let events = """
            time,unit_code,candidate_id,event
            2025-10-22T08:00:00+07:00,101,c1,registered
            2025-10-22T09:00:00+07:00,101,c2,completed

            """
        let agree = try Self.directory(
            events: events,
            snapshots: [
                "s.csv": """
                as_of,code,registered,completed
                2025-10-22T08:30:00+07:00,101,1,0
                2025-10-22T09:00:00+07:00,101,2,1

                """
            ]
        ).dataset()
        #expect(agree.warnings.isEmpty)
        let differ = try Self.directory(
            events: events,
            snapshots: [
                "s.csv": """
                as_of,code,registered,completed
                2025-10-22T09:00:00+07:00,101,3,1

                """
            ]
        ).dataset()
        #expect(differ.warnings.count == 1)
        #expect(try figure(standings(differ), "101").registered == 2)
    }

    @Test("long ids (over 15 bytes) and ids sharing a prefix stay distinct")
    func longIds() throws {
        var text = "time,unit_code,candidate_id,event\n"
        let ids = [
            "123e4567-e89b-12d3-a456-426614174000", "123e4567-e89b-12d3-a456-426614174001",
            "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnoq", "a", "a ", "á",
        ]
        for id in ids + ids { text += "2025-10-22T08:00:00+07:00,101,\(id),registered\n" }
        let d = try Self.directory(events: text).dataset()
        // "a " trims to "a".
        #expect(try figure(standings(d), "101").registered == ids.count - 1)
    }

    @Test("many candidates: the table grows and keeps every one")
    func growth() throws {
        let units = try Self.directory(events: "time,unit_code,candidate_id,event\n").dataset().units
        let a = EventAggregator(units: units, file: "mem")
        var text = "time,unit_code,candidate_id,event\n"
        for i in 0..<20_000 {
            text +=
                "2025-10-22T08:00:\(String(format: "%02d", i % 60))+07:00,10\(1 + i % 2),id\(i % 15_000),registered\n"
        }
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { _ = a.consume($0) }
        #expect(a.candidateCount == 15_000)
        #expect(a.registered[0] + a.registered[1] == 15_000)
        // Ids 0..<5,000 come twice, in the same unit (15,000 is even).
        let issues = a.issues
        #expect(issues.isEmpty)
    }
}
