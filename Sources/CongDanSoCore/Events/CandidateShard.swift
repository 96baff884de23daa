/// The candidates whose id hashes to one shard, and what they add to each
/// unit. Every event of a candidate goes to the same shard, in file order,
/// so shards can count on separate threads without sharing anything and
/// still give the single-threaded answer.
///
/// `@unchecked Sendable`: a shard is only ever used by one thread at a time
/// (the aggregator's owner, or the one thread counting it in a parallel phase).
final class CandidateShard: @unchecked Sendable {
    let units: [Unit]
    /// The file being counted, for warnings.
    var file: String
    let candidates: CandidateTable
    /// Per unit: this shard's distinct candidates registered and completed.
    let registered: UnsafeMutablePointer<Int>
    let completed: UnsafeMutablePointer<Int>
    /// Per unit, the changes counted since the aggregator last collected
    /// them, each `ms << 2 | kind` (kind 0: +1 registered, 1: +1 completed,
    /// 2: −1 registered, 3: −1 completed), and the units that have some.
    let pending: DeltaLists
    private(set) var touched: [Int] = []
    private(set) var eventsCounted = 0
    /// Earliest and latest time of any counted event (ms), if any.
    private(set) var firstMs = Int64.max
    private(set) var latestMs = Int64.min
    /// Events naming another unit than their candidate's first, and the
    /// first of them in detail (absolute line numbers).
    private(set) var otherUnitEvents = 0
    private(set) var detailedIssues: [DataIssue] = []
    private var sink: UInt64 = 0

    init(units: [Unit], file: String, expectedCandidates: Int) {
        self.units = units
        self.file = file
        candidates = CandidateTable(expected: expectedCandidates)
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
    }

    /// Forgets everything (the file was truncated or replaced).
    func reset() {
        for u in units.indices { registered[u] = 0; completed[u] = 0 }
        clearPending()
        candidates.removeAll()
        eventsCounted = 0
        firstMs = .max; latestMs = .min
        otherUnitEvents = 0
        detailedIssues = []
    }

    /// Forgets the pending changes (the aggregator has gathered them), and
    /// with `releasingMemory` the room they took too.
    func clearPending(releasingMemory: Bool = false) {
        if releasingMemory {
            for u in units.indices { pending.removeAll(u) }
        } else {
            for u in touched { pending.removeAll(u, keepingCapacity: true) }
        }
        touched.removeAll(keepingCapacity: true)
    }

    /// Counts this shard's events of one chunk, in file order. `p` is the
    /// chunk's bytes (for long ids and messages); `firstLine` is the
    /// absolute number of the chunk's line 1.
    func count(_ events: UnsafeBufferPointer<ParsedEvent>, _ p: UnsafePointer<UInt8>, firstLine: Int) {
        // In batches: touch every slot and record a batch will need first,
        // so the CPU overlaps their cache misses.
        let batch = 32
        var start = 0
        var sink = self.sink
        while start < events.count {
            let end = min(start + batch, events.count)
            for i in start..<end { sink ^= candidates.touch(events[i].h) }
            for i in start..<end { sink ^= candidates.touchRecord(candidates.touch(events[i].h)) }
            for i in start..<end { count(events[i], p, firstLine: firstLine) }
            start = end
        }
        self.sink = sink  // stored, so the touches are not optimised away
    }

    @inline(__always)
    private func append(_ u: Int, _ value: Int64) {
        if pending.count(u) == 0 { touched.append(u) }
        pending.append(u, value)
    }

    @inline(__always)
    private func count(_ e: ParsedEvent, _ p: UnsafePointer<UInt8>, firstLine: Int) {
        eventsCounted += 1
        let ms = e.ms
        if ms < firstMs { firstMs = ms }
        if ms > latestMs { latestMs = ms }
        let unit = Int(e.unit)
        var inserted = false
        let r = candidates.findOrInsert(p + e.id, Int(e.idLength), k0: e.k0, k1: e.k1, h: e.h, inserted: &inserted)
        let t = candidates
        let rec = t.records + r
        if inserted {
            rec.pointee.unit = e.unit
            rec.pointee.registeredAt = ms
            registered[unit] += 1
            append(unit, ms << 2)
            if e.completion {
                rec.pointee.completedOffset = 1  // completed at its registration
                completed[unit] += 1
                append(unit, ms << 2 | 1)
            }
            return
        }
        let u = Int(rec.pointee.unit)
        if u != unit { reportOtherUnit(first: u, named: unit, e, p, firstLine: firstLine) }
        if ms < rec.pointee.registeredAt {
            append(u, rec.pointee.registeredAt << 2 | 2)
            append(u, ms << 2)
            t.setRegisteredAt(r, ms)
        }
        if e.completion {
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
    }

    private func reportOtherUnit(
        first u: Int, named unit: Int, _ e: ParsedEvent, _ p: UnsafePointer<UInt8>, firstLine: Int
    ) {
        otherUnitEvents += 1
        guard detailedIssues.count < EventAggregator.detailedIssueLimit else { return }
        detailedIssues.append(
            DataIssue(
                .warning, file: file, line: firstLine + Int(e.line) - 1,
                column: EventLineParser.column(p, e.lineStart, e.unitPosition),
                "this candidate's first event was in \(units[u].fullName()) (\(units[u].code)); the event is counted there, not in \(units[unit].fullName()) (\(units[unit].code))"
            ))
    }
}
