import CPrefetch

/// The candidates whose id hashes to one shard, and what they add to each
/// unit. Every event of a candidate goes to the same shard, in file order,
/// so shards can count on separate threads without sharing anything and
/// still give the single-threaded answer.
///
/// The shard's candidates are spread over `buckets` small tables by more
/// bits of the hash, so that one bucket's table fits in the cache. A large
/// read's parsers hold its events back (`DeferredEvents`) and the shard
/// counts them a bucket at a time (`flushDeferred`); small appends, and ids
/// of no usual shape, are counted as they come (`count`).
///
/// `@unchecked Sendable`: a shard is only ever used by one thread at a time
/// (the aggregator's owner, or the one thread counting it in a parallel phase).
final class CandidateShard: @unchecked Sendable {
    let units: [Unit]
    /// The file being counted, for warnings (`fileSequence` counts the
    /// changes, so that warnings of different files keep their order).
    var file: String {
        didSet { if file != oldValue { fileSequence += 1 } }
    }
    private var fileSequence = 0
    /// The candidate tables, one a bucket (a power of two of them), first
    /// made in one arena.
    let tables: [CandidateTable]
    private let arena: ZeroedArena
    let bucketMask: UInt64
    /// The hash bits below the bucket's (those that chose the shard, and the slot tags).
    let bucketShift: UInt64
    /// Per unit: this shard's distinct candidates registered and completed.
    let registered: UnsafeMutablePointer<Int>
    let completed: UnsafeMutablePointer<Int>
    /// Per unit, the changes counted since the aggregator last collected
    /// them, each `ms << 2 | kind` (kind 0: +1 registered, 1: +1 completed,
    /// 2: −1 registered, 3: −1 completed), and the units that have some.
    let pending: DeltaLists
    private(set) var touched: [Int] = []
    /// What the counted events add up to, in one value: counting loops
    /// keep it in a local and store it once (a property changed per event
    /// pays for Swift's exclusivity checks).
    struct Tally {
        var events = 0
        /// Earliest and latest time of any counted event (ms), if any.
        var firstMs = Int64.max
        var latestMs = Int64.min
        /// Zero while every counted time is a whole second (as logs usually
        /// write them): a cold read's histories then gather 4 bytes a time.
        var subSecond: Int64 = 0

        @inline(__always)
        mutating func add(_ ms: Int64) {
            events += 1
            subSecond |= ms % 1000
            if ms < firstMs { firstMs = ms }
            if ms > latestMs { latestMs = ms }
        }
    }
    private(set) var tally = Tally()
    var eventsCounted: Int { tally.events }
    var firstMs: Int64 { tally.firstMs }
    var latestMs: Int64 { tally.latestMs }
    var subSecond: Int64 { tally.subSecond }
    /// Events naming another unit than their candidate's first, and the
    /// first of them (by file and line) in detail.
    private(set) var otherUnitEvents = 0
    private(set) var detailedIssues: [DataIssue] = []
    /// The (file sequence, line) of each detailed issue, ascending.
    private var issueOrder: [(Int, Int)] = []
    /// Where a bucket's held events are gathered to be counted.
    private var scratch = UnsafeMutableBufferPointer<NarrowEvent>(start: nil, count: 0)
    private var hashes = UnsafeMutableBufferPointer<UInt64>(start: nil, count: 0)
    /// Per event being counted, its record as `guess` gave it, and the events by record (`byRecord`).
    private var guesses = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    private var sortedEvents = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    private var groupCounts: [Int32] = []
    /// Guesses that named another key's record (tests check the path is taken).
    private(set) var wrongGuesses = 0
    /// False while a cold read counts (see `EventAggregator.beginBatch`):
    /// the changes are then not kept event by event.
    var keepsChanges = true
    /// Kept so that reading the slots ahead of a bucket is not optimised away.
    private var slotSum: UInt32 = 0

    /// `shardBits`: how many hash bits above bit 32 chose the shard (the
    /// buckets take the next ones). `buckets`: a power of two.
    init(units: [Unit], file: String, expectedCandidates: Int, shardBits: Int, buckets: Int) {
        precondition(buckets > 0 && buckets & (buckets - 1) == 0, "a power of two")
        self.units = units
        self.file = file
        let perTable = expectedCandidates / buckets
        let arena = ZeroedArena(
            bytes: buckets * ZeroedArena.bytes(for: CandidateTable.arenaSlices(expected: perTable)))
        self.arena = arena
        tables = (0..<buckets).map { _ in CandidateTable(expected: perTable, arena: arena) }
        bucketMask = UInt64(buckets - 1)
        bucketShift = UInt64(32 + shardBits)
        let n = max(1, units.count)
        registered = .allocate(capacity: n)
        registered.initialize(repeating: 0, count: n)
        completed = .allocate(capacity: n)
        completed.initialize(repeating: 0, count: n)
        pending = DeltaLists(count: units.count)
    }

    deinit {
        registered.deallocate()
        completed.deallocate()
        releaseCountingBuffers()
    }

    /// Gives the memory of the tables made in the arena back to the system
    /// (see `EventAggregator.discardTablesForExit`).
    func discardTables() { arena.discard() }

    /// Distinct candidates, and the bytes their tables and held events take.
    var candidateCount: Int { tables.reduce(0) { $0 + $1.count } }
    var memoryBytes: Int { tables.reduce(0) { $0 + $1.memoryBytes } }

    @inline(__always)
    private func bucket(_ h: UInt64) -> Int { Int(truncatingIfNeeded: (h >> bucketShift) & bucketMask) }

    /// Forgets everything (the file was truncated or replaced).
    func reset() {
        for u in units.indices { registered[u] = 0; completed[u] = 0 }
        clearPending()
        for t in tables { t.removeAll() }
        tally = Tally()
        otherUnitEvents = 0
        detailedIssues = []
        issueOrder = []
    }

    /// Forgets the pending changes (the aggregator has gathered them), and
    /// with `releasingMemory` the room they (and held events) took too.
    func clearPending(releasingMemory: Bool = false) {
        if releasingMemory {
            for u in units.indices { pending.removeAll(u) }
            releaseCountingBuffers()
        } else {
            for u in touched { pending.removeAll(u, keepingCapacity: true) }
        }
        touched.removeAll(keepingCapacity: true)
    }

    // MARK: Counting as events come

    /// Counts this shard's events of one chunk, in file order. `p` is the
    /// chunk's bytes (for long ids); `firstLine` is the absolute number of
    /// the chunk's line 1.
    func count(_ events: UnsafeBufferPointer<ParsedEvent>, _ p: UnsafePointer<UInt8>, firstLine: Int) {
        // Software pipelining: the slot of the event `slotAhead` places on
        // and the record of the one `recordAhead` on are asked for now, so
        // that by their turn both are in the cache and the misses of many
        // events overlap.
        let slotAhead = 16, recordAhead = 8
        let n = events.count
        var tally = self.tally
        for i in 0..<min(slotAhead, n) { prefetchSlot(events[i].h) }
        for i in 0..<min(recordAhead, n) { prefetchRecord(events[i].h) }
        for i in 0..<n {
            if i + slotAhead < n { prefetchSlot(events[i + slotAhead].h) }
            if i + recordAhead < n { prefetchRecord(events[i + recordAhead].h) }
            count(events[i], p, firstLine: firstLine, &tally)
        }
        self.tally = tally
    }

    @inline(__always)
    private func prefetchSlot(_ h: UInt64) { tables[bucket(h)].prefetchSlot(h) }
    @inline(__always)
    private func prefetchRecord(_ h: UInt64) { tables[bucket(h)].prefetchRecord(h) }

    @inline(__always)
    private func append(_ u: Int, _ value: Int64) {
        if keepsChanges { keep(u, value) }
    }

    /// Out of line: `apply` stays small enough to be inlined in the
    /// counting loops (a cold read keeps no changes, and its tally stays in
    /// registers).
    @inline(never)
    private func keep(_ u: Int, _ value: Int64) {
        if pending.count(u) == 0 { touched.append(u) }
        pending.append(u, value)
    }

    @inline(__always)
    private func count(_ e: ParsedEvent, _ p: UnsafePointer<UInt8>, firstLine: Int, _ tally: inout Tally) {
        var inserted = false
        let t = tables[bucket(e.h)]
        let (k0, k1) = e.ck & CandidateTable.general == 0 ? (0, 0) : CandidateTable.key(p + e.id, Int(e.idLength))
        let r = t.findOrInsert(p + e.id, Int(e.idLength), k0: k0, k1: k1, compact: e.ck, h: e.h, inserted: &inserted)
        let first = apply(t, r, inserted: inserted, unit: Int(e.unit), ms: e.ms, completion: e.completion, &tally)
        if first != Int(e.unit) {
            reportOtherUnit(
                first: first, named: Int(e.unit), line: firstLine + Int(e.line) - 1,
                column: Int(e.unitColumn))
        }
    }

    /// Counts one event of the candidate at record `r` of table `t` (just
    /// inserted, or seen before) and returns the unit it counts in: its
    /// first event's.
    @inline(__always)
    private func apply(
        _ t: CandidateTable, _ r: Int, inserted: Bool, unit: Int, ms: Int64, completion: Bool, _ tally: inout Tally
    ) -> Int {
        tally.add(ms)
        let rec = t.records + r
        if inserted {
            rec.pointee.unit = Int32(truncatingIfNeeded: unit)
            rec.pointee.registeredAt = ms
            registered[unit] += 1
            append(unit, ms << 2)
            if completion {
                rec.pointee.completedOffset = 1  // completed at its registration
                completed[unit] += 1
                append(unit, ms << 2 | 1)
            }
            return unit
        }
        let u = Int(rec.pointee.unit)
        if ms < rec.pointee.registeredAt {
            append(u, rec.pointee.registeredAt << 2 | 2)
            append(u, ms << 2)
            t.setRegisteredAt(r, ms)
        }
        if completion {
            let c = t.completedAt(r)
            if c == CandidateRecord.never {
                t.setCompletedAt(r, ms)
                completed[u] += 1
                append(u, ms << 2 | 1)
            } else if ms < c {
                append(u, c << 2 | 3)
                append(u, ms << 2 | 1)
                t.setCompletedAt(r, ms)
            }
        }
        return u
    }

    /// Counts an event naming another unit than its candidate's first, and
    /// keeps its warning when it is among the first (by file and line):
    /// held events are counted by bucket, not in line order.
    private func reportOtherUnit(first u: Int, named unit: Int, line: Int, column: Int) {
        otherUnitEvents += 1
        let key = (fileSequence, line)
        let limit = EventAggregator.detailedIssueLimit
        guard detailedIssues.count < limit || key < issueOrder[issueOrder.count - 1] else { return }
        let at = issueOrder.firstIndex { key < $0 } ?? issueOrder.count
        issueOrder.insert(key, at: at)
        detailedIssues.insert(otherUnitIssue(first: u, named: unit, line: line, column: column), at: at)
        if detailedIssues.count > limit {
            issueOrder.removeLast()
            detailedIssues.removeLast()
        }
    }

    private func otherUnitIssue(first u: Int, named unit: Int, line: Int, column: Int) -> DataIssue {
        DataIssue(
            .warning, file: file, line: line, column: column,
            "this candidate's first event was in \(units[u].fullName()) (\(units[u].code)); the event is counted there, not in \(units[unit].fullName()) (\(units[unit].code))"
        )
    }

    /// Writes every candidate's first registration and completion, as
    /// `times` encodes them, in its unit's buffer at the unit's
    /// `cursor`, which moves on; for the `wanted` units only.
    @inline(__always)
    func collectFirstTimes<Times: EventAggregator.CandidateTimes>(
        of wanted: UnsafeBufferPointer<Bool>, into buffers: UnsafeBufferPointer<UnsafeMutablePointer<Times.Word>>,
        at cursor: UnsafeMutableBufferPointer<Int>, _ times: Times
    ) {
        for t in tables {
            // Each record read once, into locals (the stores below could
            // otherwise be taken to change the table and force reloads).
            let records = t.records, n = t.count
            for r in 0..<n {
                let record = records[r]
                let u = Int(record.unit)
                guard wanted[u] else { continue }
                var at = cursor[u]
                buffers[u][at] = times.encode(record.registeredAt, completion: false)
                at += 1
                let c = t.completedAt(r, record: record)
                if c != CandidateRecord.never {
                    buffers[u][at] = times.encode(c, completion: true)
                    at += 1
                }
                cursor[u] = at
            }
        }
    }

    // MARK: Counting held events a bucket at a time

    /// Counts the events held in `pools` (one a chunk, in chunk order), a
    /// bucket at a time, each bucket's in file order: the same counts,
    /// changes and warnings as counting each as it came. `line` turns an
    /// event's `order` into its line in the file.
    func flushDeferred(_ pools: [DeferredEvents], line: (UInt64) -> Int) {
        // Emptied, their windows forgotten, whether they held events or not.
        defer { for pool in pools { pool.removeAll() } }
        guard pools.contains(where: { !$0.isEmpty }) else { return }
        var touched: UInt32 = 0
        var tally = self.tally
        defer {
            slotSum = touched
            self.tally = tally
        }
        let windows = pools.map(\.windows).max() ?? 0
        var segments: [(start: Int, window: Int, pool: DeferredEvents)] = []
        for b in tables.indices {
            // The bucket's events in file order: window by window, chunk by
            // chunk (and any after the last window ended). Where each run
            // begins names the window and the pool of an event, for those
            // held whole and for warnings.
            var n = 0
            segments.removeAll(keepingCapacity: true)
            for w in 0...windows {
                for pool in pools {
                    let end = pool.copy(b, window: w, into: &scratch, at: n)
                    if end > n { segments.append((n, w, pool)) }
                    n = end
                }
            }
            let events = UnsafeBufferPointer(scratch)
            /// The event at `i` whole.
            func whole(_ i: Int) -> DeferredEvent {
                var low = 0, high = segments.count - 1
                while low < high {
                    let mid = (low + high + 1) / 2
                    if segments[mid].start <= i { low = mid } else { high = mid - 1 }
                }
                return segments[low].pool.whole(events[i], window: segments[low].window)
            }
            if hashes.count < n { growPerEventBuffers(to: max(n, 2 * hashes.count)) }
            for i in 0..<n { hashes[i] = CandidateTable.hash(compact: events[i].key) }
            let t = tables[b]
            // A bucket with many events (a cold read's) has its slots read
            // in order first; one with a few (an append's) only where they go.
            let many = n * 16 >= t.capacity
            if many { touched &+= t.touchSlots() }
            // Each event's record, guessed from the slots (in the cache)
            // alone; all again if the slots moved (the table grew).
            var i = 0
            var layout = t.layout
            while i < n {
                // The slot of an event a few places on, asked for now: the
                // branch on a slot (new or seen, at random) then waits for
                // the first-level cache only.
                if i + 8 < n { t.prefetchSlot(hashes[i + 8]) }
                guesses[i] = Int32(truncatingIfNeeded: t.guess(compact: events[i].key, h: hashes[i]))
                i += 1
                if t.layout != layout {
                    layout = t.layout
                    i = 0
                }
            }
            // Then counted in the order of their records, each record's
            // events in file order: the records are read nearly in order
            // (the hardware streams them) instead of at random. A few events
            // are counted in file order (sorting would cost more than it saves).
            let sorted = many ? byRecord(n, records: t.count) : inFileOrder(n)
            let ahead = 8
            for j in 0..<n {
                if j + ahead < n { t.prefetchRecord(index: Int(guesses[Int(sorted[j + ahead])])) }
                let i = Int(sorted[j])
                let e = events[i]
                var r = Int(guesses[i])
                var inserted = false
                if t.records[r].key != e.key {
                    // Another key's record with the same tag: looked up in full
                    // (every event of this key is, in file order).
                    r = t.findOrInsert(compact: e.key, h: hashes[i], inserted: &inserted)
                    // (Its record may be one a guess made before the slots moved.)
                    if t.isUncounted(r) { inserted = true }
                    wrongGuesses += 1
                } else if t.isUncounted(r) {
                    inserted = true
                }
                var (unit, ms, completion) = (e.unit, e.ms, e.completion)
                if e.isWide {
                    let w = whole(i)
                    (unit, ms, completion) = (w.unit, w.ms, w.completion)
                }
                let first = apply(t, r, inserted: inserted, unit: unit, ms: ms, completion: completion, &tally)
                if first != unit {
                    let w = whole(i)
                    reportOtherUnit(first: first, named: unit, line: line(w.order), column: Int(w.column))
                }
            }
        }
    }

    /// Room for `size` events' hashes, guessed records and order (their
    /// contents are not kept: they are filled anew for each bucket).
    private func growPerEventBuffers(to size: Int) {
        CandidateShard.grow(&hashes, to: size)
        CandidateShard.grow(&guesses, to: size)
        CandidateShard.grow(&sortedEvents, to: size)
    }

    /// `buffer` made at least `n` long (at least twice as long when it
    /// grows), its contents not kept.
    private static func grow<T>(_ buffer: inout UnsafeMutableBufferPointer<T>, to n: Int) {
        guard buffer.count < n else { return }
        let size = max(n, 2 * buffer.count)
        buffer.deallocate()
        buffer = .allocate(capacity: size)
    }

    /// Gives back the buffers held events are counted in (they are made
    /// again at the next large read).
    private func releaseCountingBuffers() {
        func release<T>(_ buffer: inout UnsafeMutableBufferPointer<T>) {
            buffer.deallocate()
            buffer = UnsafeMutableBufferPointer(start: nil, count: 0)
        }
        release(&scratch)
        release(&hashes)
        release(&guesses)
        release(&sortedEvents)
    }

    /// The first `n` events' indices as they are (file order).
    private func inFileOrder(_ n: Int) -> UnsafeMutableBufferPointer<Int32> {
        for i in 0..<n { sortedEvents[i] = Int32(truncatingIfNeeded: i) }
        return sortedEvents
    }

    /// The first `n` events' indices ordered by their guessed record, a
    /// group of 16 records (6 cache lines) at a time, in file order within
    /// a group (a stable counting sort).
    private func byRecord(_ n: Int, records: Int) -> UnsafeMutableBufferPointer<Int32> {
        let groups = (records >> 4) + 1
        if groupCounts.count < groups + 1 { groupCounts = [Int32](repeating: 0, count: 2 * groups + 1) }
        groupCounts.withUnsafeMutableBufferPointer { counts in
            for g in 0...groups { counts[g] = 0 }
            for i in 0..<n { counts[Int(guesses[i] >> 4) + 1] += 1 }
            for g in 0..<groups { counts[g + 1] += counts[g] }
            for i in 0..<n {
                let g = Int(guesses[i] >> 4)
                sortedEvents[Int(counts[g])] = Int32(truncatingIfNeeded: i)
                counts[g] += 1
            }
        }
        return sortedEvents
    }

}
