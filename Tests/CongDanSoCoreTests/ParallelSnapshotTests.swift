import Foundation
import Testing

@testable import CongDanSoCore

/// Snapshot files are read and parsed on several threads at once, then
/// added in file-name order. Whatever the threads did, the dataset and the
/// issues (each one, in order) must be those of reading the files one after
/// another.
@Suite("Snapshot files read in parallel")
struct ParallelSnapshotTests {
    /// The machine's clock, fixed: later than every snapshot below but the
    /// one that is meant to lie in the future.
    static let now = ts("2025-12-01T00:00:00+07:00")

    static func load(_ dir: TempDataDir, parallel: Bool) -> LoadResult {
        var tail: EventTail? = nil
        return DataDirectory.load(
            dir.path, overrides: ConfigOverrides(), events: nil, live: false, now: now, parallel: parallel,
            tail: &tail)
    }

    /// Issues as printed, with the temporary folder's path shortened to `D`.
    static func printed(_ issues: [DataIssue], _ dir: TempDataDir) -> [String] {
        issues.map { $0.description.replacingOccurrences(of: dir.path, with: "D") }
    }

    static let units = """
        code,name,type,population
        00101,Tứ Kỳ,xã,1000
        00102,Gia Viên,phường,2000
        00103,Tân Tiến,xã,500
        00104,Tân Tiến,xã,800

        """

    /// Problems in every file, and rows of one unit spread over four files
    /// whose names are not in time order.
    static func troubled() -> TempDataDir {
        let dir = TempDataDir(
            units: units,
            snapshots: [
                "a.csv": """
                as_of,code,registered,completed
                2025-10-20T15:00:00+07:00,00101,10,5
                2025-10-20T15:00:00+07:00,00102,-3,0
                2025-10-20T15:00:00+07:00,101,4,1
                """,
                "b.csv": """
                as_of,name,registered,completed
                2025-10-21T15:00:00+07:00,Tứ Kỳ,12,6
                2025-10-21T15:00:00+07:00,Tân Tiến,3,1
                2025-10-21T15:00:00+07:00,Gia Viên,5,7
                """,
                "c.csv": """
                as_of,code,registered,completed
                2025-10-19T15:00:00+07:00,00101,11,5
                bad-time,00102,1,0
                """,
                "e.csv": """
                as_of,code,registered,completed
                2030-01-01T00:00:00+07:00,00102,1,0
                """,
            ])
        // The last line has no line end yet: left out, with a warning.
        dir.write(
            "snapshots/d.csv",
            "as_of,code,registered,completed\n2025-10-20T15:00:00+07:00,00101,9,5\n"
                + "2025-10-22T15:00:00+07:00,00103,2,1\n2025-10-22T15:00:00+07:00,00104,1,0")
        return dir
    }

    @Test("bad lines in several files: the same issues, in file order, as one file after another")
    func issuesInFileOrder() {
        let dir = Self.troubled()
        let parallel = Self.load(dir, parallel: true)
        let sequential = Self.load(dir, parallel: false)
        #expect(parallel.dataset == nil && sequential.dataset == nil)
        #expect(Self.printed(parallel.issues, dir) == Self.printed(sequential.issues, dir))
        // Each file's own problems in file-name order (d's cut line first
        // among d's), then the checks across files, unit by unit.
        #expect(
            Self.printed(parallel.issues, dir) == [
                "D/snapshots/a.csv:3:33: error: the registered count \"-3\" is negative; counts start at 0",
                "D/snapshots/a.csv:4:27: error: the unit code \"101\" is not in units.csv; did a spreadsheet drop its leading zeros? units.csv has 00101",
                "D/snapshots/b.csv:3:27: error: the name \"Tân Tiến\" fits 2 units: Xã Tân Tiến (00103), Xã Tân Tiến (00104); write the code instead: 00103 or 00104",
                "D/snapshots/b.csv:4:38: error: completed (7) is more than registered (5); a candidate must register before completing",
                "D/snapshots/c.csv:3:1: error: the time \"bad-time\" is not an ISO 8601 time; write it like 2025-10-22T15:00:00+07:00",
                "D/snapshots/d.csv:4:1: warning: the last line has no line end (the file may still be being written, or was cut short); it is left out. End it with a line break",
                "D/snapshots/e.csv:2:1: warning: the time \"2030-01-01T00:00:00+07:00\" is later than this machine's clock plus the tolerance (future_tolerance in config.toml); it cannot have happened yet. Check the clock of the machine that wrote it; the rows of this moment are left out",
                "D/snapshots/a.csv:2:1: warning: Xã Tứ Kỳ (00101): registered fell from 11 to 10 since D/snapshots/c.csv:2; counts are cumulative and should not go down",
                "D/snapshots/d.csv:2:1: error: Xã Tứ Kỳ (00101) has two different rows for 2025-10-20T15:00:00+07:00: this one and D/snapshots/a.csv:2; keep one",
            ])
    }

    /// 300 units over 40 files (12,000 rows: enough for the histories to be
    /// built on two threads too), file names out of time order, a count
    /// that goes down in every file and, with `errors`, a bad count in every
    /// fifth file.
    static func generated(errors: Bool) -> TempDataDir {
        var units = "code,name,type,population\n"
        for u in 0..<300 { units += "\(10_000 + u),Đơn vị \(u),xã,1000\n" }
        var snapshots: [String: String] = [:]
        for day in 0..<40 {
            let date = day < 31 ? "2025-10-\(pad(day + 1))" : "2025-11-\(pad(day - 30))"
            var text = "as_of,code,registered,completed\n"
            for u in 0..<300 {
                var registered = 100 + day * 10 + u % 7
                if u == (day * 13) % 300 { registered -= 25 }
                let completed = errors && day % 5 == 0 && u == day * 7 ? "x" : String(day * 5)
                text += "\(date)T15:00:00+07:00,\(10_000 + u),\(registered),\(completed)\n"
            }
            // Names run against time for part of the days.
            snapshots["\(pad((day * 17) % 40)).csv"] = text
        }
        return TempDataDir(units: units, snapshots: snapshots)
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    @Test("40 files: the same dataset and the same issues as one file after another")
    func manyFiles() throws {
        let dir = Self.generated(errors: false)
        let parallel = Self.load(dir, parallel: true)
        let sequential = Self.load(dir, parallel: false)
        let p = try #require(parallel.dataset), s = try #require(sequential.dataset)
        #expect(p.histories == s.histories)
        #expect(p.histories.map(\.count) == Array(repeating: 40, count: 300))
        #expect(Self.printed(parallel.issues, dir) == Self.printed(sequential.issues, dir))
        // One fall a day but the first (its unit's counts rise the next day).
        let falls = parallel.issues.filter { $0.message.contains("registered fell") }
        #expect(falls.count == 39)
        #expect(parallel.issues.count == 39)
        // Unit 10013 fell on day 1 (2025-10-02, in file 17.csv), after day 0 (file 00.csv).
        #expect(
            Self.printed(falls, dir).contains(
                "D/snapshots/17.csv:15:1: warning: Xã Đơn vị 13 (10013): registered fell from 106 to 91 since D/snapshots/00.csv:15; counts are cumulative and should not go down"
            ))
        // The units' latest counts: day 39, less the fall on that day.
        let last = Standings(dataset: p, now: Self.now)
        #expect(last.moment == ts("2025-11-09T15:00:00+07:00"))
        let fell = (39 * 13) % 300
        #expect(last.figures.map(\.registered) == (0..<300).map { 100 + 390 + $0 % 7 - ($0 == fell ? 25 : 0) })
    }

    @Test("40 files with bad counts in several: the same issues, in file order")
    func manyFilesWithErrors() {
        let dir = Self.generated(errors: true)
        let parallel = Self.load(dir, parallel: true)
        let sequential = Self.load(dir, parallel: false)
        #expect(parallel.dataset == nil)
        #expect(Self.printed(parallel.issues, dir) == Self.printed(sequential.issues, dir))
        let bad = parallel.issues.errors.map { ($0.file as NSString).lastPathComponent }
        // Days 0, 5, …, 35 in files (day × 17) mod 40, listed by file name.
        #expect(bad == [0, 5, 10, 15, 20, 25, 30, 35].map { "\(Self.pad(($0 * 17) % 40)).csv" }.sorted())
    }
}
