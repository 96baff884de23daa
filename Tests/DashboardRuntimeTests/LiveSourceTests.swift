import CongDanSoCore
import DashboardKit
import Foundation
import Testing

@testable import DashboardRuntime

/// The live source over a temporary directory, with no terminal: reads run
/// inline (`background: { $0() }`) so each `check` has finished when it returns.
@Suite(.serialized) struct LiveSourceTests {
    static let units = "code,name,type,population\nA1,An Một,xã,1000\nB2,Bình Hai,phường,2000\n"
    static let header = "time,unit_code,candidate_id,event\n"

    static func line(_ minute: Int, _ unit: String, _ id: String, _ event: String = "registered") -> String {
        "2025-10-22T08:\(DateForms.twoDigits(minute)):00+07:00,\(unit),\(id),\(event)\n"
    }

    /// A directory whose events.csv holds `log`, and a source following it
    /// as the dashboard opens it.
    static func open(log: String) throws -> (TemporaryDirectory, LiveSource, FirstFrame) {
        let folder = try TemporaryDirectory()
        try folder.write("units.csv", units)
        try FileManager.default.createDirectory(atPath: folder.path + "/snapshots", withIntermediateDirectories: true)
        try folder.write("events.csv", log)
        let first = FirstFrame.load(directory: folder.path, events: nil, overrides: ConfigOverrides()) {
            let (result, tail) = DataDirectory.loadLive(folder.path, live: true)
            return (result.dataset!, tail)
        }
        let source = LiveSource(
            directory: folder.path, overrides: ConfigOverrides(), events: nil, first: first,
            clock: ManualClock(Timestamp(milliseconds: 0)), background: { $0() })
        return (folder, source, first)
    }

    /// The city's registrations in the one message `check` produced, or the failure.
    static func outcome(_ source: LiveSource, force: Bool = false) -> Outcome {
        source.check(force: force)
        let messages = source.drain()
        guard let message = messages.first else { return .nothing }
        #expect(messages.count == 1)
        switch message {
        case .loaded(let standings, _): return .registered(standings.city.registered)
        case .loadFailed(let error, _): return .failed(error)
        default: return .other
        }
    }

    enum Outcome: Equatable {
        case nothing, other
        case registered(Int)
        case failed(String)

        var isFailure: Bool {
            if case .failed = self { return true }
            return false
        }
    }

    @Test func aLogReadInFullIsFollowedFromWhereTheReadStopped() throws {
        let (folder, source, first) = try Self.open(log: Self.header + Self.line(0, "A1", "c1"))
        defer { folder.remove() }
        #expect(first.followed != nil, "no snapshots to show first: the log was read before the screen opened")
        #expect(source.followsEvents)
        #expect(Self.outcome(source) == .nothing, "nothing changed")
        try folder.append("events.csv", Self.line(1, "B2", "c2") + Self.line(2, "A1", "c3"))
        #expect(Self.outcome(source) == .registered(3))
        #expect(Self.outcome(source) == .nothing)
    }

    @Test func aHalfWrittenLineWaitsForItsNewline() throws {
        let (folder, source, _) = try Self.open(log: Self.header + Self.line(0, "A1", "c1"))
        defer { folder.remove() }
        let whole = Self.line(1, "B2", "c22")
        try folder.append("events.csv", String(whole.dropLast(5)))
        let half = Self.outcome(source)
        #expect(half == .nothing || half == .registered(1), "the cut line is not counted")
        try folder.append("events.csv", String(whole.suffix(5)))
        #expect(Self.outcome(source) == .registered(2))
    }

    @Test func aRotatedLogIsReadAgainAsTheWholeDirectoryIs() throws {
        let (folder, source, _) = try Self.open(log: Self.header + Self.line(0, "A1", "c1") + Self.line(1, "A1", "c2"))
        defer { folder.remove() }
        try folder.move("events.csv", "events.csv.1")
        try folder.write("events.csv", Self.header + Self.line(5, "B2", "c3"))
        // Whatever the core counts for the directory (with or without the
        // rotated sibling), the live source shows the same.
        let independent = try #require(DataDirectory.load(folder.path).dataset)
        let expected = Standings(dataset: independent, now: Timestamp(milliseconds: 0)).city.registered
        #expect(Self.outcome(source) == .registered(expected))
    }

    @Test func aBrokenLogKeepsFailingUntilItIsMended() throws {
        let (folder, source, _) = try Self.open(log: Self.header + Self.line(0, "A1", "c1"))
        defer { folder.remove() }
        try folder.write("events.csv", "when,who\n" + Self.line(1, "A1", "c2"))
        let broken = Self.outcome(source)
        #expect(broken.isFailure, "a log without its header fails: \(broken)")
        #expect(Self.outcome(source) == .nothing, "a failed read is retried only when files change")
        try folder.write("events.csv", Self.header + Self.line(0, "A1", "c1") + Self.line(1, "A1", "c2"))
        #expect(Self.outcome(source) == .registered(2))
    }

    @Test func aBrokenUnitsFileFailsAndAMendedOneRecovers() throws {
        let (folder, source, _) = try Self.open(log: Self.header + Self.line(0, "A1", "c1"))
        defer { folder.remove() }
        try folder.write("units.csv", "code,name,type,population\nA1,An Một,xã,-5\nB2,Bình Hai,phường,2000\n")
        #expect(Self.outcome(source).isFailure)
        try folder.write("units.csv", Self.units)
        #expect(Self.outcome(source) == .registered(1))
    }

    @Test func f5ReadsEverythingEvenWhenNothingChanged() throws {
        let (folder, source, _) = try Self.open(log: Self.header + Self.line(0, "A1", "c1"))
        defer { folder.remove() }
        #expect(Self.outcome(source) == .nothing)
        #expect(Self.outcome(source, force: true) == .registered(1))
    }

    @Test func snapshotsGiveTheFirstFrameAndTheLogIsReadOnceItIsUp() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("units.csv", Self.units)
        try folder.write(
            "snapshots/s.csv", "as_of,code,registered,completed\n2025-10-22T07:00:00+07:00,A1,1,0\n")
        try folder.write("events.csv", Self.header + Self.line(0, "A1", "c1") + Self.line(1, "B2", "c2"))
        let first = try FirstFrame.load(directory: folder.path, events: nil, overrides: ConfigOverrides()) {
            Issue.record("the snapshots load cleanly: the log is not read before the first frame")
            throw CancellationError()
        }
        #expect(first.followed == nil)
        #expect(Standings(dataset: first.dataset, now: Timestamp(milliseconds: 0)).city.registered == 1)
        let source = LiveSource(
            directory: folder.path, overrides: ConfigOverrides(), events: nil, first: first,
            clock: ManualClock(Timestamp(milliseconds: 0)), background: { $0() })
        #expect(source.drain().isEmpty)
        source.startAfterFirstFrame()
        let messages = source.drain()
        guard case .loaded(let standings, _)? = messages.first else {
            Issue.record("expected the log's figures, got \(messages)")
            return
        }
        #expect(standings.city.registered == 2)
        try folder.append("events.csv", Self.line(2, "B2", "c3"))
        #expect(Self.outcome(source) == .registered(3), "then followed")
    }
}

/// The reload decision alone: stamps in, work out.
@Suite struct ReloadDecisionTests {
    /// Real stamps of files in a temporary directory (a fingerprint cannot be built by hand).
    @Test func decidesFromStampsAlone() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("units.csv", "a")
        try folder.write("events.csv", "b")
        let logPath = folder.path + "/events.csv"
        func now() -> SourceStamps {
            SourceStamps(
                directory: .read(folder.path), others: .read(folder.path, includingEventLog: false),
                logPath: logPath, log: .of([logPath]))
        }
        let start = now()
        let followed = FollowedLog(path: logPath, others: start.others, log: start.log)
        let last = (directory: start.directory, log: start.log)
        #expect(ReloadDecision.work(current: start, followed: followed, lastLoad: last, force: false) == nil)
        #expect(ReloadDecision.work(current: start, followed: nil, lastLoad: last, force: false) == nil)
        #expect(ReloadDecision.work(current: start, followed: followed, lastLoad: last, force: true) == .everything)

        try folder.append("events.csv", "more")
        let appended = now()
        #expect(ReloadDecision.work(current: appended, followed: followed, lastLoad: last, force: false) == .appended)
        #expect(
            ReloadDecision.work(current: appended, followed: nil, lastLoad: last, force: false) == .everything,
            "not following (the last read failed): everything")

        try folder.write("units.csv", "changed")
        #expect(ReloadDecision.work(current: now(), followed: followed, lastLoad: last, force: false) == .everything)

        var moved = start
        moved.logPath = "/elsewhere/events.csv"
        #expect(ReloadDecision.work(current: moved, followed: followed, lastLoad: last, force: false) == .everything)
    }
}
