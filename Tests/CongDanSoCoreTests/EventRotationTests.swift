import Foundation
import Testing

@testable import CongDanSoCore

/// The event log is `events.csv` with its rotated siblings: every command
/// counts them all, each event once, and a followed log survives rename and
/// copytruncate rotations, compression and rewrites.
@Suite("Event log rotation")
struct EventRotationTests {
    static let header = "time,unit_code,candidate_id,event\n"

    static func line(_ minute: Int, _ unit: String, _ id: String, _ kind: String = "registered") -> String {
        "2025-10-22T08:\(String(format: "%02d", minute)):00+07:00,\(unit),\(id),\(kind)\n"
    }

    static func gzip(_ dir: TempDataDir, _ name: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/gzip")
        p.arguments = ["-n", dir.path + "/" + name]
        try! p.run()
        p.waitUntilExit()
    }

    static func append(_ dir: TempDataDir, _ text: String, to name: String = "events.csv") throws {
        let handle = try FileHandle(forWritingTo: dir.url.appendingPathComponent(name))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    static func tail(_ dir: TempDataDir) throws -> EventTail {
        let units = try dir.dataset().units
        return EventTail(path: dir.path + "/events.csv", units: units)
    }

    @Test("every command counts the siblings in both schemes, compressed or not")
    func siblingsCounted() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        dir.write("events.csv-20251020", Self.header + Self.line(1, "101", "a1"))
        Self.gzip(dir, "events.csv-20251020")
        dir.write("events.csv-20251021", Self.header + Self.line(2, "101", "a2"))
        dir.write("events.csv.2", Self.header + Self.line(3, "102", "b1"))
        Self.gzip(dir, "events.csv.2")
        dir.write("events.csv.1", Self.header + Self.line(4, "102", "b2") + "nonsense\n")
        dir.write("events.csv", Self.header + Self.line(5, "00103", "c1"))
        let d = try dir.dataset()
        let s = standings(d)
        #expect(try figure(s, "101").registered == 2)
        #expect(try figure(s, "102").registered == 2)
        #expect(try figure(s, "00103").registered == 1)
        #expect(d.firstMoment == ts("2025-10-22T08:01:00+07:00"))
        // A warning names the sibling and its own line.
        let w = try #require(d.warnings.first { $0.message.contains("fields") })
        #expect(w.file.hasSuffix("events.csv.1") && w.line == 3)
        #expect(
            EventLogFiles.siblings(of: dir.path + "/events.csv").map { URL(fileURLWithPath: $0.path).lastPathComponent }
                == ["events.csv-20251020.gz", "events.csv-20251021", "events.csv.2.gz", "events.csv.1"])
    }

    static func setModified(_ dir: TempDataDir, _ name: String, _ seconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, dir.path + "/" + name, &times, 0) == 0)
    }

    @Test("both schemes mixed are ordered by last write; a rotated file may start without a header")
    func mixedSchemes() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        // Oldest: .2 (numbered), then the dated one, then .1 — no header in
        // the dated one (it was the live file after a copytruncate).
        dir.write("events.csv.2", Self.header + Self.line(1, "101", "a1"))
        dir.write("events.csv-20251021", Self.line(2, "102", "a1") + Self.line(2, "102", "b1"))
        dir.write("events.csv.1", Self.header + Self.line(3, "00103", "c1"))
        dir.write("events.csv", Self.header)
        Self.setModified(dir, "events.csv.2", 1_000)
        Self.setModified(dir, "events.csv-20251021", 2_000)
        Self.setModified(dir, "events.csv.1", 3_000)
        #expect(
            EventLogFiles.siblings(of: dir.path + "/events.csv").map { URL(fileURLWithPath: $0.path).lastPathComponent }
                == ["events.csv.2", "events.csv-20251021", "events.csv.1"])
        let d = try dir.dataset()
        // a1's first event is in 101 (the oldest file): counted there, with a warning for 102.
        #expect(try figure(standings(d), "101").registered == 1)
        #expect(try figure(standings(d), "102").registered == 1)
        #expect(try figure(standings(d), "00103").registered == 1)
        #expect(d.warnings.filter { $0.message.contains("first event was in") }.count == 1)
        #expect(!d.warnings.contains { $0.message.contains("header") })
    }

    @Test("between the rename and the new file, the siblings are the log (not the snapshots, not zeros)")
    func onlySiblings() throws {
        let dir = TempDataDir(
            units: EventLogTests.units,
            snapshots: ["s.csv": "as_of,code,registered,completed\n2025-10-22T08:00:00+07:00,102,7,0\n"])
        dir.write("events.csv.1", Self.header + Self.line(1, "101", "a1"))
        let d = try dir.dataset()
        #expect(try figure(standings(d), "101").registered == 1)
        #expect(try figure(standings(d), "102").registered == 0)
        // A rotated log holding only its header beside it: the sibling's events still count.
        dir.write("events.csv", Self.header)
        #expect(try figure(standings(try dir.dataset()), "101").registered == 1)
    }

    @Test("the directory's fingerprint sees a rotation's siblings; an office lock file changes nothing")
    func fingerprint() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        dir.write("events.csv", Self.header + Self.line(1, "101", "a1"))
        let before = DirectoryFingerprint.read(dir.path)
        dir.write("snapshots/.~lock.s.csv#", "lock")
        dir.write("snapshots/~$s.csv", "owner")
        #expect(DirectoryFingerprint.read(dir.path) == before)
        dir.write("events.csv.2.gz", "not really")
        #expect(DirectoryFingerprint.read(dir.path) != before)
        #expect(
            DirectoryFingerprint.read(dir.path, includingEventLog: false)
                == DirectoryFingerprint.read(dir.path, includingEventLog: false))
    }

    @Test("a sibling that duplicates what was read changes no count and doubles no warning")
    func duplicates() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        let text = Self.header + Self.line(1, "101", "a1") + "bad line\n" + Self.line(2, "102", "b1")
        // copytruncate caught between copy and truncate: the copy and the live file agree.
        dir.write("events.csv.1", text)
        dir.write("events.csv", text + Self.line(3, "102", "b2"))
        let d = try dir.dataset()
        #expect(try figure(standings(d), "102").registered == 2)
        #expect(d.warnings.filter { $0.message.contains("fields") }.count == 1)
        // The same content compressed beside the plain copy (gzip midway).
        dir.write("events.csv.2", text)
        Self.gzip(dir, "events.csv.2")
        let again = try dir.dataset()
        #expect(try figure(standings(again), "102").registered == 2)
        #expect(again.warnings.filter { $0.message.contains("fields") }.count == 1)
    }

    @Test("a rename rotation loses nothing: the old file is finished under its new name")
    func renameRotation() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        dir.write("events.csv", Self.header + Self.line(1, "101", "a1"))
        let tail = try Self.tail(dir)
        tail.poll()
        // The writer adds a line, logrotate renames, the writer adds one more to
        // the old file (it has not reopened yet), then writes to a new file.
        try Self.append(dir, Self.line(2, "101", "a2"))
        #expect(dir.move("events.csv", to: "events.csv.1"))
        try Self.append(dir, Self.line(3, "101", "a3"), to: "events.csv.1")
        dir.write("events.csv", Self.header + Self.line(4, "102", "b1"))
        let c = tail.poll()
        #expect(!c.restarted && c.rotated)
        #expect(tail.aggregator.registered == [3, 1, 0])
        // Next rotation with compression: the .1 becomes .2.gz; nothing is read twice.
        #expect(dir.move("events.csv.1", to: "events.csv.2"))
        Self.gzip(dir, "events.csv.2")
        #expect(dir.move("events.csv", to: "events.csv.1"))
        dir.write("events.csv", Self.header)
        let c2 = tail.poll()
        #expect(!c2.restarted)
        try Self.append(dir, Self.line(5, "00103", "c1"))
        tail.poll()
        #expect(tail.aggregator.registered == [3, 1, 1])
        #expect(tail.aggregator.issues.isEmpty, "\(tail.aggregator.issues)")
        // And a fresh read of the same files gives the same.
        let fresh = EventLogSource.load(
            path: dir.path + "/events.csv", units: tail.aggregator.units, timeZone: .vietnam)
        #expect(fresh.tail.aggregator.registered == [3, 1, 1])
        #expect(fresh.histories == tail.aggregator.currentHistories())
    }

    @Test("compressed at once (no delaycompress): what the old file got after the last poll is read from the .gz, once")
    func compressedAtOnce() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        dir.write("events.csv", Self.header + Self.line(1, "101", "a1"))
        let tail = try Self.tail(dir)
        tail.poll()
        try Self.append(dir, Self.line(2, "102", "b1"))
        #expect(dir.move("events.csv", to: "events.csv.1"))
        Self.gzip(dir, "events.csv.1")
        dir.write("events.csv", "")
        var c = tail.poll()
        #expect(!c.restarted && c.rotated)
        #expect(tail.aggregator.registered == [1, 1, 0])
        try Self.append(dir, Self.line(3, "00103", "c1"))
        c = tail.poll()
        #expect(!c.restarted && c.linesRead == 1)
        #expect(tail.aggregator.registered == [1, 1, 1])
        #expect(tail.aggregator.linesRead == 4)  // header, a1, b1, c1: nothing read twice
    }

    @Test("logrotate's create mode: an empty new file, then the writer's lines without a header")
    func createMode() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        dir.write("events.csv", Self.header + Self.line(1, "101", "a1"))
        let tail = try Self.tail(dir)
        tail.poll()
        #expect(dir.move("events.csv", to: "events.csv.1"))
        dir.write("events.csv", "")
        var c = tail.poll()
        #expect(!c.restarted && c.error == nil)
        #expect(tail.aggregator.registered == [1, 0, 0])
        try Self.append(dir, Self.line(2, "102", "b1"))
        c = tail.poll()
        #expect(!c.restarted && c.error == nil)
        #expect(tail.aggregator.registered == [1, 1, 0])
        #expect(tail.aggregator.issues.isEmpty, "\(tail.aggregator.issues)")
    }

    @Test("a copytruncate rotation loses nothing, and the emptied file goes on without a header")
    func copyTruncate() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        dir.write("events.csv", Self.header + Self.line(1, "101", "a1"))
        let tail = try Self.tail(dir)
        tail.poll()
        try Self.append(dir, Self.line(2, "101", "a2"))  // not read before the copy
        let bytes = try Data(contentsOf: dir.url.appendingPathComponent("events.csv"))
        try bytes.write(to: dir.url.appendingPathComponent("events.csv.1"))
        let handle = try FileHandle(forWritingTo: dir.url.appendingPathComponent("events.csv"))
        try handle.truncate(atOffset: 0)
        try handle.close()
        try Self.append(dir, Self.line(3, "102", "b1"))  // the writer goes on, no header
        let c = tail.poll()
        #expect(!c.restarted && c.error == nil)
        #expect(tail.aggregator.registered == [2, 1, 0])
        #expect(tail.aggregator.issues.isEmpty, "\(tail.aggregator.issues)")
        let fresh = EventLogSource.load(
            path: dir.path + "/events.csv", units: tail.aggregator.units, timeZone: .vietnam)
        #expect(fresh.tail.aggregator.registered == [2, 1, 0])
        #expect(fresh.issues.isEmpty, "\(fresh.issues)")
    }

    @Test("an atomic replace with no sibling holding the old content is a rewrite")
    func atomicReplace() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        dir.write("events.csv.1", Self.header + Self.line(1, "00103", "z1"))
        dir.write("events.csv", Self.header + Self.line(1, "101", "a1"))
        let tail = try Self.tail(dir)
        tail.poll()
        #expect(tail.aggregator.registered == [1, 0, 1])
        dir.write("events.new", Self.header + Self.line(1, "102", "b1") + Self.line(2, "102", "b2"))
        #expect(dir.move("events.new", to: "events.csv"))
        let c = tail.poll()
        #expect(c.restarted)
        #expect(tail.aggregator.registered == [0, 2, 1])
    }

    @Test("a rewrite in place that keeps the inode, the first bytes and the length is detected")
    func rewriteInPlace() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        // A head longer than 256 bytes that the rewrite keeps.
        var text = Self.header
        for i in 0..<10 { text += Self.line(i, "101", "a\(i)") }
        dir.write("events.csv", text + Self.line(30, "102", "b1"))
        let tail = try Self.tail(dir)
        tail.poll()
        #expect(tail.aggregator.registered == [10, 1, 0])
        // Same length, same start: one unit code changed near the end, in place.
        let handle = try FileHandle(forWritingTo: dir.url.appendingPathComponent("events.csv"))
        try handle.seek(toOffset: UInt64(text.utf8.count))
        try handle.write(contentsOf: Data(Self.line(30, "101", "b1").utf8))
        try handle.close()
        let c = tail.poll()
        #expect(c.restarted)
        #expect(tail.aggregator.registered == [11, 0, 0])
    }

    @Test("a line over the buffer is a malformed line: a warning, skipped, the rest counted, following goes on")
    func longLine() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        let long = String(repeating: "x", count: 5000)
        dir.write("events.csv", Self.header + Self.line(1, "101", "a1") + long + "\n" + Self.line(2, "101", "a2"))
        let units = try dir.dataset().units
        let tail = EventTail(path: dir.path + "/events.csv", units: units, bufferSize: 1024)
        var c = tail.poll()
        #expect(c.error == nil)
        #expect(tail.aggregator.registered == [2, 0, 0])
        let w = try #require(tail.aggregator.issues.first)
        #expect(w.severity == .warning && w.line == 3 && w.message.contains("longer than 1024 bytes"))
        // A long line still being written, then finished, then more lines.
        try Self.append(dir, long)
        c = tail.poll()
        #expect(c.error == nil)
        try Self.append(dir, long + "\n" + Self.line(3, "102", "b1"))
        c = tail.poll()
        #expect(c.error == nil)
        #expect(tail.aggregator.registered == [2, 1, 0])
        #expect(tail.aggregator.malformedLines == 2)
    }

    @Test("the default 16 MB limit: report counts the rest of a log with a 17 MB line")
    func sixteenMegabytes() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        var bytes = Array((Self.header + Self.line(1, "101", "a1")).utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "y"), count: 17 << 20) + [10]
        bytes += Array(Self.line(2, "102", "b1").utf8)
        dir.write("events.csv", bytes: bytes)
        let d = try dir.dataset()
        #expect(try figure(standings(d), "102").registered == 1)
        #expect(d.warnings.contains { $0.line == 3 && $0.message.contains("16 MB") })
    }
}

/// Times beyond the machine's clock, missing and odd sources, office files.
@Suite("Impossible times and sources")
struct SourceTests {
    static let clock = ts("2025-10-22T15:00:00+07:00")

    @Test("an event after the clock plus the tolerance is a warning, out of the counts and of now")
    func futureEvent() throws {
        let dir = EventLogTests.directory(
            events: EventRotationTests.header + "2025-10-22T15:09:00+07:00,101,a1,registered\n"
                + "2099-01-01T00:00:00+07:00,101,a2,registered\n" + "2025-10-22T15:11:00+07:00,102,b1,registered\n")
        let result = DataDirectory.load(dir.path, now: Self.clock)
        let d = try #require(result.dataset)
        #expect(d.latestMoment == ts("2025-10-22T15:09:00+07:00"))
        #expect(try figure(standings(d), "101").registered == 1)
        #expect(try figure(standings(d), "102").registered == 0)
        let w = d.warnings.filter { $0.message.contains("later than this machine's clock") }
        #expect(w.map(\.line) == [3, 4] && w.allSatisfy { $0.column == 1 })
        // The tolerance comes from config.toml (minutes).
        dir.write("config.toml", "future_tolerance = 60\n")
        let wider = try #require(DataDirectory.load(dir.path, now: Self.clock).dataset)
        #expect(try figure(standings(wider), "102").registered == 1)
    }

    @Test("a snapshot with a future as_of is a warning and left out")
    func futureSnapshot() throws {
        let dir = TempDataDir(
            units: EventLogTests.units,
            snapshots: [
                "a.csv": "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,101,5,1\n",
                "b.csv": "as_of,code,registered,completed\n2099-10-22T15:00:00+07:00,101,9,1\n"
                    + "2099-10-22T15:00:00+07:00,102,9,1\n",
            ])
        let result = DataDirectory.load(dir.path, now: Self.clock)
        let d = try #require(result.dataset)
        #expect(d.histories[0].last?.time == ts("2025-10-22T15:00:00+07:00"))
        let w = d.warnings.filter { $0.message.contains("later than this machine's clock") }
        #expect(w.count == 1 && w[0].file.hasSuffix("b.csv") && w[0].line == 2 && w[0].column == 1)
    }

    @Test("no usable source is an error: no snapshots folder, a plain file, a missing --events, a dangling link")
    func missingSources() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        dir.remove("snapshots")
        #expect(dir.load().issues.errors.first?.message.contains("no snapshots folder") == true)
        dir.write("snapshots", "not a folder")
        #expect(dir.load().issues.errors.first?.message.contains("not a folder") == true)
        dir.remove("snapshots")
        try FileManager.default.createDirectory(
            at: dir.url.appendingPathComponent("snapshots"), withIntermediateDirectories: true)
        let missing = DataDirectory.load(dir.path, events: dir.path + "/nowhere.csv")
        #expect(missing.dataset == nil)
        #expect(missing.issues.errors.first?.message.contains("does not exist") == true)
        #expect(symlink(dir.path + "/gone.csv", dir.path + "/events.csv") == 0)
        let dangling = dir.load()
        #expect(dangling.dataset == nil)
        #expect(dangling.issues.errors.first?.message.contains("symbolic link") == true)
    }

    @Test("a FIFO as events.csv is refused at once; --events on a FIFO is read once as a stream")
    func fifo() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        #expect(mkfifo(dir.path + "/events.csv", 0o600) == 0)
        let refused = dir.load()
        #expect(refused.dataset == nil)
        #expect(refused.issues.errors.first?.message.contains("not a regular file") == true)
        let pipe = dir.path + "/pipe"
        #expect(mkfifo(pipe, 0o600) == 0)
        let writer = Thread {
            let fd = open(pipe, O_WRONLY)
            let text = EventRotationTests.header + "2025-10-22T08:00:00+07:00,101,a1,registered\n"
            _ = text.withCString { write(fd, $0, strlen($0)) }
            close(fd)
        }
        writer.start()
        dir.remove("events.csv")
        let streamed = DataDirectory.load(dir.path, events: pipe)
        let d = try #require(streamed.dataset, "\(streamed.issues)")
        #expect(try figure(standings(d), "101").registered == 1)
        #expect(
            DataDirectory.load(dir.path, events: "/dev/zero").issues.errors.first?.message.contains(
                "not a regular file") == true)
    }

    @Test("office lock files, hidden and temporary files in snapshots/ are skipped and listed")
    func officeFiles() throws {
        let good = "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,101,5,1\n"
        let dir = TempDataDir(
            units: EventLogTests.units,
            snapshots: [
                "a.csv": good, "~$a.csv": "\u{0}garbage", ".~lock.a.csv#": "x,y", ".hidden.csv": "junk",
                "a.csv.tmp": "junk", "a.csv~": "junk",
            ])
        let result = dir.load()
        #expect(result.issues.errors.isEmpty, "\(result.issues)")
        #expect(
            result.skipped.map { URL(fileURLWithPath: $0.file).lastPathComponent }.sorted()
                == [".hidden.csv", ".~lock.a.csv#", "a.csv.tmp", "a.csv~", "~$a.csv"])
        #expect(result.skipped.contains { $0.reason.contains("Excel") })
    }

    @Test("a snapshot caught mid-write never shows its cut line; the complete file does")
    func snapshotMidWrite() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        let path = dir.path + "/snapshots/s.csv"
        // "…,5" of "…,500": left out, with a warning at its line.
        dir.write("snapshots/s.csv", "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,101,5")
        let cut = try dir.dataset()
        #expect(cut.histories[0].isEmpty)
        #expect(cut.warnings.contains { $0.line == 2 && $0.message.contains("no line end") })
        // The writer finishes: the next read has the whole row.
        let h = try #require(FileHandle(forWritingAtPath: path))
        h.seekToEndOfFile()
        h.write(Data("00,1\n".utf8))
        h.closeFile()
        let d = try dir.dataset()
        #expect(d.histories[0].last?.registered == 500)
        #expect(d.warnings.isEmpty)
    }
}

/// The same rules through the built binary, as a clerk meets them.
@Suite("Event log sources on the command line")
struct EventSourceCommandTests {
    @Test("report counts the rotated siblings; validate lists the files it skipped")
    func reportAndValidate() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        dir.write("events.csv.1", EventRotationTests.header + EventRotationTests.line(1, "101", "a1"))
        dir.write("events.csv", EventRotationTests.header + EventRotationTests.line(2, "101", "a2"))
        dir.write("snapshots/~$s.csv", "owner")
        let r = try CommandLineTests.run(["report", "--data", dir.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"registered\": 2,"), "\(r.stdout)")
        let v = try CommandLineTests.run(["validate", "--data", dir.path])
        #expect(v.status == 0)
        #expect(v.stdout.contains("~$s.csv: skipped: an Excel owner file"), "\(v.stdout)")
    }

    @Test("a missing --events file is an error with exit status 1, not zeros")
    func missingEvents() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        let r = try CommandLineTests.run(["report", "--data", dir.path, "--events", dir.path + "/nope.csv"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("does not exist"))
    }
}
