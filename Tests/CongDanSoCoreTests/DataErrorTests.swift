import Foundation
import Testing

@testable import CongDanSoCore

/// Every kind of data error, at its exact line and column (1-based, in
/// characters), and a fuzz loop that throws broken bytes at the loader.
@Suite("Data errors")
struct DataErrorTests {
    static let units = "code,name,type,population\n10001,Tứ Kỳ,xã,1000\n10002,Gia Viên,phường,1000\n"
    static let header = "as_of,code,registered,completed\n"
    /// 26 characters: the code is at column 27 and the registered count at 33.
    static let at = "2025-10-22T15:00:00+07:00,"

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var units: [UInt8] = Array(DataErrorTests.units.utf8)
        var snapshot: [UInt8]
        /// (file suffix, line, column) of each expected error, in order.
        var errors: [(String, Int, Int)]
        var testDescription: String { name }

        init(_ name: String, units: String? = nil, snapshot: String, _ errors: [(String, Int, Int)]) {
            self.name = name
            if let units { self.units = Array(units.utf8) }
            self.snapshot = Array(snapshot.utf8)
            self.errors = errors
        }

        init(_ name: String, units: [UInt8]? = nil, snapshotBytes: [UInt8], _ errors: [(String, Int, Int)]) {
            self.name = name
            if let units { self.units = units }
            self.snapshot = snapshotBytes
            self.errors = errors
        }
    }

    /// A valid snapshot for the cases about units.csv; it names 10002, which
    /// those cases leave intact.
    static let ok = header + at + "10002,5,1\n"
    static let s = "snapshots/s.csv"

    static let cases: [Case] = [
        // units.csv
        Case("missing column", units: "code,name,population\n10001,Tứ Kỳ,1000\n", snapshot: ok, [("units.csv", 1, 1)]),
        // "10001,Tứ Kỳ," is 12 characters (16 bytes): the type is at column 13.
        Case(
            "bad type after a Vietnamese name", units: "code,name,type,population\n10001,Tứ Kỳ,quận,1000\n",
            snapshot: ok,
            [("units.csv", 2, 13)]),
        // The same name in NFD (8 scalars, 5 characters): still column 13.
        Case(
            "bad type after an NFD name", units: "code,name,type,population\n10001,\(nfd("Tứ Kỳ")),quận,1000\n",
            snapshot: ok, [("units.csv", 2, 13)]),
        // "10001,Tứ Kỳ,xã," is 15 characters: the population is at column 16.
        Case(
            "decimal population", units: "code,name,type,population\n10001,Tứ Kỳ,xã,1.000\n", snapshot: ok,
            [("units.csv", 2, 16)]),
        Case(
            "negative population", units: "code,name,type,population\n10001,Tứ Kỳ,xã,-5\n", snapshot: ok,
            [("units.csv", 2, 16)]),
        Case(
            "bad adults", units: "code,name,type,population,adults\n10001,Tứ Kỳ,xã,100,6x\n", snapshot: ok,
            [("units.csv", 2, 20)]),
        Case(
            "duplicate unit code",
            units:
                "code,name,type,population\n10001,Tứ Kỳ,xã,1000\n10002,Gia Viên,phường,1000\n10001,An Hải,phường,10\n",
            snapshot: ok, [("units.csv", 4, 1)]),
        Case(
            "units row with too few fields", units: "code,name,type,population\n10001,Tứ Kỳ,xã\n", snapshot: ok,
            [("units.csv", 2, 15)]),
        // snapshots
        Case("non-integer count", snapshot: header + at + "10001,12a,1\n", [(s, 2, 33)]),
        Case("negative count", snapshot: header + at + "10001,-5,0\n", [(s, 2, 33)]),
        Case("decimal count", snapshot: header + at + "10001,3.5,1\n", [(s, 2, 33)]),
        Case("decimal count with a comma, quoted", snapshot: header + at + "10001,\"3,5\",1\n", [(s, 2, 33)]),
        Case("thousands separator", snapshot: header + at + "10001,\"1,000\",1\n", [(s, 2, 33)]),
        Case("empty count", snapshot: header + at + "10001,,1\n", [(s, 2, 33)]),
        Case("negative completed", snapshot: header + at + "10001,5,-1\n", [(s, 2, 35)]),
        Case("completed more than registered", snapshot: header + at + "10001,5,6\n", [(s, 2, 35)]),
        Case("unknown unit code", snapshot: header + at + "10009,5,1\n", [(s, 2, 27)]),
        Case(
            "unknown unit name",
            snapshot: "as_of,name,registered,completed\n" + at + "Tứ Kỳ Mới,5,1\n", [(s, 2, 27)]),
        // "Tứ Kỳ," is 6 characters: after the name the count is at column 33.
        Case(
            "bad count after a Vietnamese name",
            snapshot: "as_of,name,registered,completed\n" + at + "Tứ Kỳ,-5,0\n", [(s, 2, 33)]),
        Case(
            "bad count after an NFD name",
            snapshot: "as_of,name,registered,completed\n" + at + nfd("Tứ Kỳ") + ",-5,0\n", [(s, 2, 33)]),
        Case(
            "two different rows for one unit and one moment",
            snapshot: header + at + "10001,5,1\n" + at + "10002,1,1\n" + at + "10001,6,1\n", [(s, 4, 1)]),
        Case(
            "the same moment written with another offset, different counts",
            snapshot: header + at + "10001,5,1\n" + "2025-10-22T08:00:00Z,10001,6,1\n", [(s, 3, 1)]),
        Case(
            "unterminated quote", snapshot: header + at + "10001,5,1\n" + at + "10002,\"5,1\n" + at + "10001,5,1\n",
            [(s, 3, 33)]),
        Case("text after a closing quote", snapshot: header + at + "10001,\"5\"x,1\n", [(s, 2, 36)]),
        Case("a quote inside an unquoted field", snapshot: header + at + "10001,5\"x,1\n", [(s, 2, 34)]),
        Case("missing offset in as_of", snapshot: header + "2025-10-22T15:00:00,10001,5,1\n", [(s, 2, 1)]),
        Case("impossible date", snapshot: header + "2025-02-30T15:00:00+07:00,10001,5,1\n", [(s, 2, 1)]),
        Case("impossible hour", snapshot: header + "2025-10-22T25:00:00+07:00,10001,5,1\n", [(s, 2, 1)]),
        Case("not an ISO time", snapshot: header + "22/10/2025 15:00,10001,5,1\n", [(s, 2, 1)]),
        // "…,10001,5,1," : the extra field starts at column 37.
        Case("too many fields", snapshot: header + at + "10001,5,1,9\n", [(s, 2, 37)]),
        // "…,10001,5" ends at column 34, where the missing field would start.
        Case("too few fields", snapshot: header + at + "10001,5\n", [(s, 2, 34)]),
        // "…,10001,\"5\"" is 35 characters: the record ends at column 36.
        Case("too few fields, the last one quoted", snapshot: header + at + "10001,\"5\"\n", [(s, 2, 36)]),
        Case("too few fields with CRLF", snapshot: header + at + "10001,5\r\n", [(s, 2, 34)]),
        Case("missing snapshot column", snapshot: "as_of,code,registered\n" + at + "10001,5\n", [(s, 1, 1)]),
        Case(
            "invalid UTF-8 in a name",
            snapshotBytes: Array(("as_of,name,registered,completed\n" + at).utf8) + [0xC3, 0x28, 0xFF]
                + Array(",5,1\n".utf8), [(s, 2, 27)]),
        Case(
            "invalid UTF-8 after a Vietnamese name in units.csv",
            units: Array("code,name,type,population\n10001,Tứ Kỳ,x".utf8) + [0xE1, 0xBA] + Array(",1000\n".utf8),
            snapshotBytes: Array(ok.utf8), [("units.csv", 2, 13)]),
        Case(
            "several errors in one file are all listed",
            snapshot: header + at + "10001,-1,0\n" + at + "10002,x,0\n" + "\n" + at + "10003,1,0\n" + at
                + "10002,2,3\n",
            [(s, 2, 33), (s, 3, 33), (s, 5, 27), (s, 6, 35)]),
    ]

    @Test("each data error names its file, line and column", arguments: cases)
    func dataError(_ c: Case) {
        let dir = TempDataDir()
        dir.write("units.csv", bytes: c.units)
        dir.write("snapshots/s.csv", bytes: c.snapshot)
        let result = dir.load()
        #expect(result.dataset == nil, "errors must prevent a dataset")
        let got = result.issues.errors.map { issue -> String in
            let file =
                issue.file.hasSuffix(Self.s) ? Self.s : issue.file.hasSuffix("units.csv") ? "units.csv" : issue.file
            return "\(file):\(issue.line):\(issue.column)"
        }
        #expect(got == c.errors.map { "\($0.0):\($0.1):\($0.2)" }, "\(result.issues.map(\.description))")
        for issue in result.issues {
            #expect(
                issue.description.hasPrefix(issue.file + ":\(issue.line):\(issue.column): error: ")
                    || issue.severity == .warning)
            #expect(!hasControlCharacters(issue.description, allowing: []))
        }
    }

    @Test("a broken units.csv row or header does not also make its snapshot rows unknown units")
    func noCascade() {
        // 10001's type is wrong: that is the one error, not also every snapshot
        // row that names 10001 (which is in units.csv, only broken).
        let dir = TempDataDir(
            units: "code,name,type,population\n10001,Tứ Kỳ,quận,1000\n10002,Gia Viên,phường,1000\n",
            snapshots: [
                "a.csv": Self.header + Self.at + "10001,5,1\n" + Self.at + "10002,5,1\n",
                "b.csv": Self.header + "2025-10-21T15:00:00+07:00,10001,4,1\n",
            ])
        #expect(dir.load().issues.errors.map { [$0.line, $0.column] } == [[2, 13]])
        // A header without "type": one error, not one per snapshot row.
        let noType = TempDataDir(
            units: "code,name,population\n10001,Tứ Kỳ,1000\n10002,Gia Viên,1000\n",
            snapshots: ["a.csv": Self.header + Self.at + "10001,5,1\n" + Self.at + "10002,5,1\n"])
        #expect(noType.load().issues.errors.count == 1)
    }

    @Test("two different rows for one unit and moment in two files: the later file is named")
    func conflictAcrossFiles() {
        let dir = TempDataDir(
            units: Self.units,
            snapshots: ["a.csv": Self.header + Self.at + "10001,5,1\n", "b.csv": Self.header + Self.at + "10001,5,2\n"])
        let errors = dir.load().issues.errors
        #expect(errors.count == 1)
        #expect(errors.first.map { $0.file.hasSuffix("snapshots/b.csv") && $0.line == 2 } == true)
        // The message points at the other row.
        #expect(errors.first?.message.contains("a.csv:2") == true)
    }

    @Test("identical duplicate rows are accepted")
    func identicalDuplicates() throws {
        let dir = TempDataDir(
            units: Self.units,
            snapshots: [
                "a.csv": Self.header + Self.at + "10001,5,1\n" + Self.at + "10001,5,1\n",
                "b.csv": Self.header + "2025-10-22T08:00:00Z,10001,5,1\n",
            ])
        let result = dir.load()
        #expect(!result.issues.hasErrors)
        let s = standings(try #require(result.dataset))
        #expect(try figure(s, "10001").registered == 5)
        #expect(s.city.registered == 5)
    }

    @Test("a count going down is a warning at its row, and the row is still loaded")
    func countGoesDown() throws {
        let dir = TempDataDir(
            units: Self.units,
            snapshots: [
                "s.csv": Self.header + "2025-10-21T15:00:00+07:00,10001,9,4\n" + "2025-10-21T15:00:00+07:00,10002,3,3\n"
                    + Self.at + "10001,7,4\n" + Self.at + "10002,5,2\n"
            ])
        let result = dir.load()
        #expect(!result.issues.hasErrors)
        #expect(result.issues.warnings.map { [$0.line, $0.column] } == [[4, 1], [5, 1]])
        let d = try #require(result.dataset)
        #expect(d.warnings.count == 2)
        let s = standings(d)
        #expect(try figure(s, "10001").registered == 7)  // loaded as it is
        #expect(try figure(s, "10001").registeredChange24h == -2)
        #expect(try figure(s, "10002").completedChange24h == -1)
        // The report says there are warnings.
        #expect(TextReport.render(s, .vi).contains("2 cảnh báo"))
    }

    // MARK: - Fuzzing

    /// Checks what a load of broken input gave: issues that make sense, and
    /// when a dataset came back, reports that render without control
    /// characters. Returns what is wrong (one #expect per round keeps it fast).
    static func problems(_ result: LoadResult, files: [String: [UInt8]]) -> [String] {
        var wrong: [String] = []
        if result.issues.hasErrors, result.dataset != nil { wrong.append("a dataset despite errors") }
        for issue in result.issues {
            if issue.line < 0 || issue.column < 0 { wrong.append("negative place: \(issue)") }
            if issue.message.isEmpty { wrong.append("empty message: \(issue)") }
            if hasControlCharacters(issue.description, allowing: []) { wrong.append("control character: \(issue)") }
            guard issue.line > 0, let bytes = files.first(where: { issue.file.hasSuffix($0.key) })?.value else {
                continue
            }
            let lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
            if issue.line > lines.count { wrong.append("line past the end (\(lines.count) lines): \(issue)") }
            if issue.column > 0, issue.line <= lines.count {
                let text = String(decoding: lines[issue.line - 1], as: UTF8.self)
                if issue.column > text.unicodeScalars.count + 1 { wrong.append("column past the line's end: \(issue)") }
            }
        }
        if let dataset = result.dataset {
            let s = Standings(dataset: dataset, now: ts("2025-10-22T15:00:00+07:00"))
            if hasControlCharacters(TextReport.render(s, .vi)) { wrong.append("control character in the text report") }
            if hasControlCharacters(JSONReport.render(s)) { wrong.append("control character in the JSON report") }
        }
        return wrong
    }

    static let seedUnits = Array(
        #"""
        code,name,type,population,adults,former_province
        10001,Tứ Kỳ,xã,1000,,Hải Dương
        10002,"Gia Viên, ""cũ""",phường,1000,700,Hải Phòng
        01003,Bạch Long Vĩ,đặc khu,686,,Hải Phòng

        """#.utf8)
    static let seedSnapshot = Array(
        """
        as_of,code,registered,completed
        2025-10-21T15:00:00+07:00,10001,5,1
        2025-10-21T15:00:00+07:00,10002,3,0
        2025-10-22T15:00:00+07:00,10001,9,4
        2025-10-22T15:00:00+07:00,"01003",2,2

        """.utf8)

    static func mutate(_ input: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var b = input
        let interesting: [UInt8] = [
            0x22, 0x2C, 0x0D, 0x0A, 0x00, 0x1B, 0xFF, 0xC3, 0xE1, 0x80, 0x2D, 0x2E, 0x30, 0x39, 0x20, 0x54, 0x2B,
        ]
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where !b.isEmpty: b[at] = UInt8.random(in: 0...255, using: &rng)
            case 1: b.insert(interesting.randomElement(using: &rng)!, at: at)
            case 2 where !b.isEmpty: b.removeSubrange(at..<min(b.count, at + Int.random(in: 1...8, using: &rng)))
            case 3: b = Array(b.prefix(at))  // truncated
            case 4 where !b.isEmpty:
                let end = min(b.count, at + Int.random(in: 1...30, using: &rng))
                b.insert(contentsOf: b[at..<end], at: Int.random(in: 0...b.count, using: &rng))
            default: if !b.isEmpty { b[at] = interesting.randomElement(using: &rng)! }
            }
        }
        return b
    }

    @Test("mutated, truncated and random files give issues, never a crash")
    func fuzz() {
        var rng = SeededRandom(seed: 20_251_022)
        let dir = TempDataDir(config: "adult_share = 0.68\n")
        for round in 0..<300 {
            var units = Self.seedUnits, snapshot = Self.seedSnapshot
            switch round % 4 {
            case 0: units = Self.mutate(units, &rng)
            case 1: snapshot = Self.mutate(snapshot, &rng)
            case 2:
                units = Self.mutate(units, &rng)
                snapshot = Self.mutate(snapshot, &rng)
            default:
                snapshot = (0..<Int.random(in: 0...200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng)
                }
            }
            dir.write("units.csv", bytes: units)
            dir.write("snapshots/s.csv", bytes: snapshot)
            let wrong = Self.problems(dir.load(), files: ["units.csv": units, "snapshots/s.csv": snapshot])
            #expect(wrong.isEmpty, "round \(round): \(wrong)")
        }
    }

    @Test("every truncation of a snapshot file loads or gives issues")
    func truncations() {
        let dir = TempDataDir(units: String(decoding: Self.seedUnits, as: UTF8.self))
        for n in stride(from: 0, through: Self.seedSnapshot.count, by: 3) {
            let bytes = Array(Self.seedSnapshot.prefix(n))
            dir.write("snapshots/s.csv", bytes: bytes)
            let wrong = Self.problems(dir.load(), files: ["snapshots/s.csv": bytes])
            #expect(wrong.isEmpty, "\(n) bytes: \(wrong)")
        }
    }
}
