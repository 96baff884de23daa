import Foundation
import Testing

@testable import CongDanSoCore

/// A large read is parsed in chunks and counted by shards on several
/// threads; small appends go through the same shards on one thread. Both
/// must give exactly what one reader going line by line gives: the same
/// counts, histories, times, line numbers and problems.
@Suite("Parallel aggregation")
struct ParallelAggregationTests {
    static let units: [CongDanSoCore.Unit] = {
        let dir = TempDataDir(units: EventLogTests.units)
        return (try? dir.dataset().units) ?? []
    }()

    /// About 1.3 MB (well over `EventAggregator.parallelBytes`): repeats,
    /// completions before registrations, lines out of time order, candidates
    /// named in a second unit, unknown units, bad times, malformed and quoted
    /// lines, CRLF endings and a long id or two.
    static let generator = EventLogGenerator(
        candidates: 9000, pace: (seconds: 1, lines: 3), late: (oneIn: 50, by: 1..<4000), longIDEvery: 997,
        otherUnitOneIn: 200, completedOneIn: 3, pitfallOneIn: 400)
    static let log = generator.log(seed: 2025, lines: 26_000)

    struct Result: Equatable {
        var registered: [Int], completed: [Int], histories: [History]
        var first: Timestamp?, latest: Timestamp?
        var lines: Int, events: Int, candidates: Int
        var issues: [DataIssue]
    }

    /// Reads `log` with `shards` shards, in pieces of `piece` bytes (nil: all at once).
    static func read(shards: Int, piece: Int? = nil) -> Result {
        let a = EventAggregator(units: units, file: "events.csv", expectedEvents: 0, shardCount: shards)
        a.parallelFoldDeltas = shards > 1 ? 0 : .max  // histories folded on every shard's thread, or on one
        // Folded into the histories after every window (rebuilding where lines came out of
        // order), or once at the end: the same histories.
        a.foldEveryDeltas = shards > 1 ? 1 : .max
        let bytes = Array(log.utf8)
        bytes.withUnsafeBufferPointer { all in
            guard let piece else { a.consume(all, atEnd: true); return }
            // Like the tail: feed what has arrived, keep what was not consumed.
            var start = 0
            var end = 0
            while end < all.count {
                end = min(all.count, end + piece)
                let window = UnsafeBufferPointer(rebasing: all[start..<end])
                start += a.consume(window, atEnd: end == all.count)
            }
        }
        return Result(
            registered: a.registered, completed: a.completed, histories: a.currentHistories(),
            first: a.firstTime, latest: a.latestTime, lines: a.linesRead, events: a.eventsCounted,
            candidates: a.candidateCount, issues: a.issues)
    }

    @Test("two and four shards in parallel, and small pieces, give what one shard gives")
    func sameAsOneReader() {
        #expect(Self.log.utf8.count > 4 * EventAggregator.parallelBytes)
        let one = Self.read(shards: 1)
        #expect(one.issues.count == EventAggregator.detailedIssueLimit + 1)  // 20 in detail, then the summary
        #expect(one.lines == Self.log.utf8.filter { $0 == 10 }.count)  // every line ends with a newline
        #expect(Self.read(shards: 2) == one)
        #expect(Self.read(shards: 4) == one)
        #expect(Self.read(shards: 2, piece: 4096) == one)
        #expect(Self.read(shards: 1, piece: 777) == one)
    }

    @Test("the parallel counts equal a direct count of distinct candidates by their first unit")
    func directCount() {
        let result = Self.read(shards: 2)
        var first: [String: (unit: String, completed: Bool)] = [:]
        for row in parseCSV(Self.log).dropFirst() where row.count == 4 {
            guard EventLogGenerator.codes.contains(row[1]), row[0] != Self.generator.impossibleTime else { continue }
            var e = first[row[2]] ?? (row[1], false)
            if row[3] == "completed" { e.completed = true }
            first[row[2]] = e
        }
        for (u, code) in EventLogGenerator.codes.enumerated() {
            #expect(result.registered[u] == first.values.filter { $0.unit == code }.count)
            #expect(result.completed[u] == first.values.filter { $0.unit == code && $0.completed }.count)
            #expect(
                result.histories[u].last.map { [$0.registered, $0.completed] } == [
                    result.registered[u], result.completed[u],
                ])
        }
    }
}
