import Foundation
import PropertyBased
import Testing

@testable import CongDanSoCore

/// Properties of the event log's readers over generated logs (shrunk to a
/// small failing case when one fails): how the bytes are split — across
/// threads and shards, or into the pieces a growing file arrives in — never
/// changes what is counted, when, or which warnings are given.
@Suite("Event log properties")
struct EventPropertyTests {
    /// A log of `lines` lines from `seed`: repeats, completions first, lines
    /// out of time order, other units, unknown units, bad times, short,
    /// quoted and CRLF lines, blank lines, long ids.
    static func log(seed: UInt64, lines: Int) -> String {
        EventLogGenerator(
            candidates: lines / 2 + 2, pace: (seconds: 7, lines: 1), late: (oneIn: 1, by: 0..<40), longIDEvery: 13,
            otherUnitOneIn: 10, completedOneIn: 2, pitfallOneIn: 30, impossibleTime: "2025-02-30T08:00:00+07:00"
        ).log(seed: seed, lines: lines)
    }

    struct Read: Equatable {
        var registered: [Int], completed: [Int], histories: [History]
        var first: Timestamp?, latest: Timestamp?
        var lines: Int, events: Int
        var issues: [DataIssue]

        init(_ a: EventAggregator) {
            registered = a.registered; completed = a.completed; histories = a.currentHistories()
            first = a.firstTime; latest = a.latestTime; lines = a.linesRead; events = a.eventsCounted
            issues = a.issues
        }
    }

    /// The log read by an aggregator with `shards` shards, every window
    /// through the parallel path, fed in pieces of `piece` bytes.
    static func aggregate(_ text: String, shards: Int, piece: Int) -> Read {
        let a = EventAggregator(
            units: ParallelAggregationTests.units, file: "events.csv", expectedEvents: 0, shardCount: shards)
        a.parallelWindowBytes = shards > 1 ? 1 : .max
        a.parallelFoldDeltas = shards > 1 ? 0 : .max
        // Folded into the histories after every window (rebuilding where lines came out of
        // order), or once at the end: the same histories.
        a.foldEveryDeltas = shards > 1 ? 1 : .max
        Array(text.utf8).withUnsafeBufferPointer { all in
            var start = 0, end = 0
            while end < all.count {
                end = min(all.count, end + piece)
                start += a.consume(UnsafeBufferPointer(rebasing: all[start..<end]))
            }
        }
        return Read(a)
    }

    @Test("parallel aggregation (2, 4, 8 shards, any pieces) equals one reader going line by line")
    func parallelEqualsOneReader() async {
        await propertyCheck(
            count: 60, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...300), Gen.int(in: 1...5000)
        ) { seed, lines, piece in
            let text = Self.log(seed: seed, lines: lines)
            let one = Self.aggregate(text, shards: 1, piece: Int.max)
            #expect(Self.aggregate(text, shards: 2, piece: Int.max) == one)
            #expect(Self.aggregate(text, shards: 4, piece: piece) == one)
            #expect(Self.aggregate(text, shards: 8, piece: max(1, piece / 7)) == one)
        }
    }

    @Test("a tail fed the file in any chunking equals one whole read")
    func tailChunkingEqualsWholeRead() async throws {
        let units = ParallelAggregationTests.units
        await propertyCheck(
            count: 40, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...200),
            Gen.int(in: 1...300).array(of: 1...12)
        ) { seed, lines, cuts in
            let bytes = Array(Self.log(seed: seed, lines: lines).utf8)
            let dir = TempDataDir(units: EventLogTests.units)
            let path = dir.path + "/events.csv"
            dir.write("events.csv", bytes: [])
            let tail = EventTail(path: path, units: units, bufferSize: 4096)
            tail.poll()
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            var written = 0, k = 0
            while written < bytes.count {
                let n = min(cuts[k % cuts.count], bytes.count - written)
                try handle.write(contentsOf: Data(bytes[written..<(written + n)]))
                written += n; k += 1
                let c = tail.poll()
                #expect(c.error == nil && !c.restarted)
            }
            try handle.close()
            let whole = EventTail(path: path, units: units)
            whole.poll()
            #expect(Read(tail.aggregator) == Read(whole.aggregator))
        }
    }
}
