import Foundation
import Testing

@testable import CongDanSoCore

/// A large read holds its events back and counts them a bucket of
/// candidates at a time (`DeferredEvents`, `CandidateShard.flushDeferred`),
/// and a cold read makes the histories from the candidates rather than from
/// every change. Whatever the buckets, the budget, the pieces and the
/// files, the result must be what one reader going line by line gives.
@Suite("Held events")
struct HeldEventsTests {
    typealias Result = ParallelAggregationTests.Result
    static let log = ParallelAggregationTests.log

    static func result(_ a: EventAggregator) -> Result {
        Result(
            registered: a.registered, completed: a.completed, histories: a.currentHistories(),
            first: a.firstTime, latest: a.latestTime, lines: a.linesRead, events: a.eventsCounted,
            candidates: a.candidateCount, issues: a.issues)
    }

    /// An aggregator whose every window of `window` bytes or more holds its
    /// events, in `buckets` buckets a shard, counted every `budget` events.
    static func aggregator(shards: Int, buckets: Int, budget: Int, window: Int) -> EventAggregator {
        let a = EventAggregator(
            units: ParallelAggregationTests.units, file: "events.csv", expectedEvents: 0, shardCount: shards,
            buckets: buckets, deferBudget: budget)
        a.parallelWindowBytes = window
        return a
    }

    /// The reference: one shard, no batch, every event counted as it comes.
    static func oneReader() -> EventAggregator {
        EventAggregator(units: ParallelAggregationTests.units, file: "events.csv", expectedEvents: 0, shardCount: 1)
    }

    /// Runs `feed` on `a` (inside a batch when `batch`) and gives the result.
    static func read(_ a: EventAggregator, batch: Bool, _ feed: (EventAggregator) -> Void) -> Result {
        if batch { a.beginBatch() }
        feed(a)
        if batch { a.endBatch() }
        return result(a)
    }

    /// Feeds `bytes` in pieces of `piece`, like the tail (what was not consumed is offered again).
    static func feed(_ a: EventAggregator, _ bytes: ArraySlice<UInt8>, piece: Int, atEnd: Bool = true) {
        Array(bytes).withUnsafeBufferPointer { all in
            var start = 0, end = 0
            while end < all.count {
                end = min(all.count, end + piece)
                start += a.consume(UnsafeBufferPointer(rebasing: all[start..<end]), atEnd: atEnd && end == all.count)
            }
        }
    }

    @Test(
        "a cold batch (histories from the candidates) equals one reader, for any buckets and budget",
        arguments: [(2, 1, 1 << 20), (2, 16, 500), (4, 64, 37), (2, 4096, 5000)])
    func coldBatch(shards: Int, buckets: Int, budget: Int) {
        let one = ParallelAggregationTests.read(shards: 1)
        let a = Self.aggregator(shards: shards, buckets: buckets, budget: budget, window: 2048)
        a.beginBatch()
        Self.feed(a, Array(Self.log.utf8)[...], piece: 64 << 10)
        a.endBatch()
        #expect(Self.result(a) == one)
    }

    @Test("a batch after events were counted keeps every change and equals one reader")
    func warmBatch() {
        let one = ParallelAggregationTests.read(shards: 1)
        let a = Self.aggregator(shards: 2, buckets: 32, budget: 300, window: 2048)
        let bytes = Array(Self.log.utf8)
        // The first tenth as small appends, the rest in one batch (a burst the tail catches up with).
        let cut = bytes[..<(bytes.count / 10)].lastIndex(of: 10)! + 1
        Self.feed(a, bytes[..<cut], piece: 999, atEnd: false)
        _ = a.currentHistories()
        a.beginBatch()
        Self.feed(a, bytes[cut...], piece: 48 << 10)
        a.endBatch()
        #expect(Self.result(a) == one)
    }

    @Test("events held across a change of file are counted, and warned about, under their own file")
    func acrossFiles() {
        let bytes = Array(Self.log.utf8)
        let cut = bytes[..<(bytes.count / 2)].lastIndex(of: 10)! + 1
        let header = Array("time,unit_code,candidate_id,event\n".utf8)
        func twoFiles(_ a: EventAggregator) {
            a.cursor = EventAggregator.Cursor(file: "events.csv.1")
            Self.feed(a, bytes[..<cut], piece: 32 << 10)
            a.cursor = EventAggregator.Cursor(file: "events.csv")
            Self.feed(a, (header + bytes[cut...])[...], piece: 32 << 10)
        }
        let one = Self.read(Self.oneReader(), batch: false, twoFiles)
        let held = Self.read(
            Self.aggregator(shards: 2, buckets: 8, budget: 100_000, window: 2048), batch: true, twoFiles)
        #expect(held == one)
        #expect(Set(one.issues.map(\.file)).isSuperset(of: ["events.csv.1", "events.csv"]))
    }

    @Test("a cold batch with sub-second times (histories gathered in groups of units) equals one reader")
    func coldBatchWithMilliseconds() {
        // Every other line's time gets milliseconds: the 4-byte whole-second path cannot hold them.
        var lines = Self.log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for i in stride(from: 1, to: lines.count, by: 2) where lines[i].hasPrefix("2025-10-22T") {
            lines[i] = lines[i].replacingOccurrences(of: "+07:00,", with: ".\(100 + i % 900)+07:00,")
        }
        let bytes = Array(lines.joined(separator: "\n").utf8)[...]
        let whole: (EventAggregator) -> Void = { Self.feed($0, bytes, piece: 64 << 10) }
        let one = Self.read(Self.oneReader(), batch: false, whole)
        #expect(one.histories.joined().contains { $0.time.milliseconds % 1000 != 0 })
        #expect(Self.read(Self.aggregator(shards: 2, buckets: 8, budget: 700, window: 2048), batch: true, whole) == one)
    }

    @Test(
        "a bucket's records are guessed from the slot tags; a wrong guess (another key, the same tag) is looked up in full",
        arguments: [120_000, 1_000])
    func wrongGuesses(expected: Int) {
        // One bucket that ends with 2^17 records: 15-bit tags, so that over
        // 300,000 events some guesses name another key. Made for 1,000, the
        // table grows (its slots move) while records are being guessed.
        // Counted against a plain dictionary.
        let units = ParallelAggregationTests.units
        let shard = CandidateShard(
            units: units, file: "events.csv", expectedCandidates: expected, shardBits: 0, buckets: 1)
        shard.keepsChanges = false
        var rng = SeededRandom(seed: 5)
        var reference: [UInt64: (unit: Int, registered: Int64, completed: Int64?)] = [:]
        var otherUnit = 0
        var order: UInt64 = 0
        for _ in 0..<5 {
            let pool = DeferredEvents(buckets: 1, events: 60_000)
            for _ in 0..<60_000 {
                let id = Array(String(format: "C%08d", Int.random(in: 0..<120_000, using: &rng)).utf8)
                let (k0, k1) = id.withUnsafeBufferPointer { CandidateTable.key($0.baseAddress!, $0.count) }
                let key = CandidateTable.compact(k0, k1)
                let unit = Int.random(in: 0..<units.count, using: &rng)
                let completion = Int.random(in: 0..<3, using: &rng) == 0
                let ms = 1_761_091_200_000 + Int64(Int.random(in: 0..<864_000, using: &rng)) * 1000
                pool.append(
                    0,
                    DeferredEvent(
                        key: key, ms: ms, order: order, column: 1,
                        unitAndKind: UInt32(unit) | (completion ? DeferredEvent.completionBit : 0)))
                order += 1
                if var seen = reference[key] {
                    if seen.unit != unit { otherUnit += 1 }
                    seen.registered = min(seen.registered, ms)
                    if completion { seen.completed = min(seen.completed ?? ms, ms) }
                    reference[key] = seen
                } else {
                    reference[key] = (unit, ms, completion ? ms : nil)
                }
            }
            shard.flushDeferred([pool]) { Int($0) + 1 }
        }
        #expect(shard.wrongGuesses > 0)
        #expect(shard.candidateCount == reference.count && shard.otherUnitEvents == otherUnit)
        for u in units.indices {
            let mine = reference.values.filter { $0.unit == u }
            #expect(
                shard.registered[u] == mine.count && shard.completed[u] == mine.filter { $0.completed != nil }.count)
        }
        // Every candidate's first registration and completion, per unit.
        let times = EventAggregator.Milliseconds()
        let buffers = units.indices.map { u in
            UnsafeMutablePointer<Int64>.allocate(capacity: shard.registered[u] + shard.completed[u])
        }
        var cursor = [Int](repeating: 0, count: units.count)
        let wanted = [Bool](repeating: true, count: units.count)
        wanted.withUnsafeBufferPointer { w in
            buffers.withUnsafeBufferPointer { b in
                cursor.withUnsafeMutableBufferPointer { shard.collectFirstTimes(of: w, into: b, at: $0, times) }
            }
        }
        for u in units.indices {
            let got = UnsafeBufferPointer(start: buffers[u], count: cursor[u]).sorted()
            let expected = reference.values.filter { $0.unit == u }.flatMap { c in
                [c.registered << 2] + (c.completed.map { [$0 << 2 | 1] } ?? [])
            }.sorted()
            #expect(got == expected, "unit \(u)")
            buffers[u].deallocate()
        }
    }

    @Test("giving the tables back before exit keeps the counts and the histories")
    func discardTablesForExit() {
        let a = Self.aggregator(shards: 2, buckets: 16, budget: 5000, window: 4096)
        let before = Self.read(a, batch: true) { Self.feed($0, Array(Self.log.utf8)[...], piece: 1 << 20) }
        #expect(a.candidateCount > 1000)
        a.discardTablesForExit()
        #expect(Self.result(a) == before)
    }

    @Test(
        "held events come back whole and in file order, window by window, in 16 bytes or (when they do not fit) in 32"
    )
    func heldOrder() {
        // Two chunks' pools over three windows; events of every kind that
        // does not fit in 16 bytes among those that do.
        let pools = (0..<2).map { DeferredEvents(buckets: 3, events: 100, chunk: $0) }
        let second: Int64 = 1_761_091_200_000
        var held: [[String]] = [[], [], []]  // by bucket, in file order
        func text(_ e: DeferredEvent) -> String {
            "\(e.key) \(e.ms) \(e.order) \(e.column) \(e.unit) \(e.completion)"
        }
        var rng = SeededRandom(seed: 21)
        for window in 0..<3 {
            for (chunk, pool) in pools.enumerated() {
                for line in 1...400 {
                    var ms = second + Int64(Int.random(in: 0..<864_000, using: &rng)) * 1000
                    var unit = Int.random(in: 0..<114, using: &rng), column = 27, lineInChunk = line
                    switch Int.random(in: 0..<12, using: &rng) {
                    case 0: ms += 250  // a fraction of a second
                    case 1: ms = -2_208_988_800_000  // 1900: out of 32-bit seconds
                    case 2: unit = 5000  // past the narrow unit field
                    case 3: column = 22  // a time of another length
                    case 4: lineInChunk = (1 << 19) + line  // past the narrow line field
                    default: break
                    }
                    let event = DeferredEvent(
                        key: UInt64(Int.random(in: 0..<1 << 40, using: &rng)), ms: ms,
                        order: DeferredEvent.order(window: window, chunk: chunk, line: lineInChunk),
                        column: UInt32(column),
                        unitAndKind: UInt32(unit) | (Bool.random(using: &rng) ? DeferredEvent.completionBit : 0))
                    let bucket = Int.random(in: 0..<3, using: &rng)
                    pool.append(bucket, event)
                    held[bucket].append(text(event))
                }
            }
            for pool in pools { pool.endWindow() }
        }
        #expect(pools.map(\.count) == [1200, 1200] && pools.map(\.windows) == [3, 3])
        var scratch = UnsafeMutableBufferPointer<NarrowEvent>(start: nil, count: 0)
        defer { scratch.deallocate() }
        for bucket in 0..<3 {
            var n = 0
            var back: [String] = []
            for window in 0...3 {
                for pool in pools {
                    let end = pool.copy(bucket, window: window, into: &scratch, at: n)
                    back += (n..<end).map { text(pool.whole(scratch[$0], window: window)) }
                    #expect(scratch[n..<end].map(\.key) == scratch[n..<end].map { pool.whole($0, window: window).key })
                    n = end
                }
            }
            #expect(back == held[bucket], "bucket \(bucket)")
        }
        for pool in pools { pool.removeAll() }
        #expect(pools[0].count == 0 && pools[0].windows == 0 && pools[0].copy(1, window: 0, into: &scratch, at: 0) == 0)
    }
}

@Suite("Radix sort and bulk history appends")
struct RadixSortTests {
    @Test("sorts like the standard library: negatives, duplicates, narrow and wide ranges")
    func sortsLikeSort() {
        var rng = SeededRandom(seed: 13)
        for (n, range) in [
            (0, Int64(0)...0), (5, -3...3), (600, 0...3), (5000, 1_761_091_200_000 << 2...1_762_000_000_000 << 2),
            (3000, Int64.min...Int64.max), (2048, -1_000_000_000...1_000_000),
        ] {
            let values = (0..<n).map { _ in Int64.random(in: range, using: &rng) }
            var sorted = values
            sorted.withUnsafeMutableBufferPointer { RadixSort.sort($0) }
            #expect(sorted == values.sorted(), "n \(n), range \(range)")
        }
    }

    @Test("appending many observations at once gives the history appending them one by one gives")
    func bulkAppend() {
        func observation(_ i: Int) -> Observation {
            Observation(time: Timestamp(milliseconds: Int64(i) * 1000), registered: i, completed: i / 2)
        }
        for (before, added) in [(0, 200), (10, 54), (70, 500), (127, 1), (64, 64), (0, 129)] {
            var one = History(), bulk = History()
            for i in 0..<before {
                one.append(observation(i))
                bulk.append(observation(i))
            }
            for i in before..<before + added { one.append(observation(i)) }
            bulk.append(contentsOf: (before..<before + added).map(observation))
            #expect(Array(bulk) == Array(one), "\(before) then \(added)")
            #expect(bulk == one)
            // Still a history that takes single appends and rewrites of its last observation.
            bulk.append(observation(before + added))
            bulk[bulk.count - 1].registered += 1
            #expect(bulk.last?.registered == before + added + 1)
        }
    }
}

@Suite("Fast paths of the event line parser")
struct EventParsingFastPathTests {
    @Test(
        "a time checked against the cached date (digits and colons in one word) is taken or refused as the full parser takes it alone"
    )
    func cachedTimeAgreesWithTheFullParser() throws {
        // After a line that fills the cache, lines with the same date whose
        // clock is mangled one byte at a time, each checked against
        // `Timestamp.parse` on its own (no cache there).
        let unit = ParallelAggregationTests.units[0].code
        var clocks = ["08:30:00", "23:59:59", "00:00:00", "24:00:00", "23:60:00", "23:59:60", "19:99:00"]
        let base = Array("12:34:56".utf8)
        for k in base.indices {
            for byte in [0x2F, 0x3A, 0x20, 0x41, 0x30, 0x39, 0x3B, 0xD9] as [UInt8] {
                var clock = base
                clock[k] = byte
                clocks.append(String(decoding: clock, as: UTF8.self))
            }
        }
        var text = "time,unit_code,candidate_id,event\n2025-10-20T07:00:00+07:00,\(unit),C00000000,registered\n"
        var expected = [try Timestamp.parse("2025-10-20T07:00:00+07:00").get().milliseconds]
        for (i, clock) in clocks.enumerated() {
            let time = "2025-10-20T\(clock)+07:00"
            text += "\(time),\(unit),\(String(format: "C%08d", i + 1)),registered\n"
            if case .success(let t) = Timestamp.parse(Array(time.utf8)[...], defaultOffset: nil) {
                expected.append(t.milliseconds)
            }
        }
        let a = HeldEventsTests.oneReader()
        Array(text.utf8).withUnsafeBufferPointer { _ = a.consume($0, atEnd: true) }
        #expect(expected.count > 8 && expected.count < clocks.count)
        #expect(a.eventsCounted == expected.count && a.badTimeLines == clocks.count + 1 - expected.count)
        let times = a.currentHistories()[0].map(\.time.milliseconds)
        #expect(times == Array(Set(expected)).sorted())
    }

    @Test(
        "a line the one-scan fast path may take is counted, or refused, as the full parser takes it alone, warnings and columns included"
    )
    func fastLineAgreesWithTheFullParser() throws {
        // Units whose codes fill one word, and one longer.
        let units = try TempDataDir(
            units: "code,name,type,population,adults\n101,A,xã,10,10\n12345678,B,xã,10,10\n123456789,C,xã,10,10\n"
        ).dataset().units
        let time = "2025-10-20T08:30:00+07:00"
        // What follows the time on the line being checked.
        let rests = [
            ",101,C00000001,registered\n", ",101,C00000001,completed\n", ",101,C00000001,registered\r\n",
            ",12345678,C1,completed\n", ",123456789,C1,registered\n", ",1234567,C1,registered\n",
            ",101,C00000001,registered,\n", ",101,C00000001,registered,,\n", ",101,C1,2,registered\n",
            ",101,C1,registered\r\r\n", ",101,C1\r2,registered\n", ",\"101\",C1,registered\n",
            ",101,\"C1\",registered\n", ",101,C1,\"registered\"\n", ",101,C1,regist\"red\n", ", 101,C1,registered\n",
            ",101 ,C1,registered\n", ",101,\tC1,registered\n", ",101,C1 ,registered\n", ",101,C1, registered\n",
            ",101,C1,Registered\n", ",101,C1,registeredd\n", ",101,C1,complete\n", ",101,C1,\n", ",101,,registered\n",
            ",,C1,registered\n", ",999,C1,registered\n", ",101,registered\n", ",101\n", ",\n", "\n",
            ",101,Cñ1,completed\n", ",101,C0123456789abcdef,registered\n",
            ",101,a-very-long-candidate-identifier-past-the-scan,registered\n",
            // Past the first 32 bytes, within 64: a second scan.
            ",101,f47ac10b-58cc-4372-a567-0e02b2c3d479,registered\n", ",101,C1,registered                    ,\n",
            ",101,f47ac10b-58cc-4372-a567-0e02b2c3d4\"9,registered\n",
            ",101,f47ac10b-58cc-4372-a567-0e02b2c3d479,complete,d\n",
            ",101,C1,registered\n\"quoted\",\n", "0,101,C1,registered\n", ",101,C1,registered,extra\n",
        ]
        // After the line, the same candidates again (an id read wrongly is
        // another candidate), the first with a quote within 32 bytes of the
        // line before (a scan that ran past that line's end would see it).
        let after =
            "2025-10-20T08:30:01+07:00,\"12345678\",C1,completed\n2025-10-20T08:30:02+07:00,12345678,C00000001,completed\n"
        let header = "time,unit_code,candidate_id,event\n"
        func read(_ text: String) -> EventAggregator {
            let a = EventAggregator(units: units, file: "events.csv", expectedEvents: 0, shardCount: 1)
            Array(text.utf8).withUnsafeBufferPointer { _ = a.consume($0, atEnd: true) }
            return a
        }
        for rest in rests {
            // Read with the time cache filled by the line before (the fast
            // path is tried), and as the first line (the full parser alone).
            let warm = read(header + "\(time),101,W0,registered\n" + time + rest + after)
            let cold = read(header + time + rest + after)
            let shown = rest.debugDescription
            #expect(warm.eventsCounted == cold.eventsCounted + 1, "\(shown)")
            #expect(warm.candidateCount == cold.candidateCount + 1, "\(shown)")
            #expect(zip(warm.registered, cold.registered).map { $0 - $1 } == [1, 0, 0], "\(shown)")
            #expect(warm.completed == cold.completed && warm.otherUnitEvents == cold.otherUnitEvents, "\(shown)")
            #expect(
                (warm.malformedLines, warm.unknownUnitLines, warm.badTimeLines)
                    == (cold.malformedLines, cold.unknownUnitLines, cold.badTimeLines), "\(shown)")
            #expect(
                warm.issues.map { "\($0.line - 1):\($0.column) \($0.message)" }
                    == cold.issues.map { "\($0.line):\($0.column) \($0.message)" }, "\(shown)")
            // (Unit 101's history has the line before too.)
            #expect(warm.currentHistories()[1...] == cold.currentHistories()[1...], "\(shown)")
        }
    }

    @Test("eight digits read at once give their value; C and eight digits keep their one-word key")
    func eightDigits() {
        var rng = SeededRandom(seed: 8)
        for value in [0, 1, 9, 10, 12_345_678, 99_999_999]
            + (0..<2000).map({ _ in Int.random(in: 0..<100_000_000, using: &rng) })
        {
            let text = String(format: "%08d", value)
            let word = text.utf8.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
            #expect(CandidateTable.eightDigits(word) == UInt64(value), "\(text)")
            let id = Array(("C" + text).utf8)
            let (k0, k1) = id.withUnsafeBufferPointer { CandidateTable.key($0.baseAddress!, $0.count) }
            let key = CandidateTable.compact(k0, k1)
            #expect(key & CandidateTable.general == 0 && key & 0xFFFF_FFFF_FFFF == UInt64(value))
            #expect(CandidateTable.words(key) == (k0, k1))
        }
    }
}
