import CPrefetch

/// An event waiting to be counted, in 32 bytes: what counting needs, its
/// place in the file (to restore file order) and where to point a warning.
struct DeferredEvent {
    /// The id's one-word key (`CandidateTable.compact`; never `general`).
    var key: UInt64
    var ms: Int64
    /// Its place in the file: the window (since the held events were last
    /// counted), the chunk of the window, and the line within the chunk,
    /// `window << 32 | chunk << 29 | line` (see `EventAggregator.window`).
    var order: UInt64
    /// The unit field's column (for the warning when the candidate's first
    /// event was in another unit).
    var column: UInt32
    /// The unit's index, and in the top bit: a completion.
    var unitAndKind: UInt32

    static let completionBit: UInt32 = 1 << 31
    var completion: Bool { unitAndKind & DeferredEvent.completionBit != 0 }
    var unit: Int { Int(unitAndKind & ~DeferredEvent.completionBit) }

    static func order(window: Int, chunk: Int, line: Int) -> UInt64 {
        UInt64(window) << 32 | UInt64(chunk) << 29 | UInt64(line)
    }
}

/// Events held back from counting, grouped by the bucket of the candidate
/// table their id belongs to, in arrival (file) order within each bucket.
///
/// Why: a cold read of millions of events looks up ids at random in tables
/// of hundreds of MB, and nearly every lookup waits for memory (and, in a
/// virtual machine, for the page tables). Counting the held events a
/// bucket at a time keeps one bucket's small table in the cache while all
/// its events go through. Each candidate's events stay in file order, so
/// the counts are those of counting each event as it came.
///
/// Storage: a pool of blocks of `blockEvents` events, allocated at the
/// first event (and grown if ever full), a chain of blocks a bucket; at
/// most one part-filled block a bucket is wasted.
///
/// Raw memory throughout: the owner's hot loop pays no copy-on-write or
/// exclusivity checks.
///
/// `@unchecked Sendable`: a pool is filled by the one thread parsing its
/// chunk, then read by the one thread counting its shard, never both at once.
final class DeferredEvents: @unchecked Sendable {
    static let blockEvents = 128  // 4 KB

    let buckets: Int
    /// Blocks in the pool.
    private(set) var blocks: Int
    private var pool: UnsafeMutablePointer<DeferredEvent>?
    /// Per block: the next block of its bucket (-1: none) and its event count.
    private var next: UnsafeMutablePointer<Int32>?
    private var filled: UnsafeMutablePointer<Int32>?
    /// Per bucket: first and last block (-1: none).
    private let head: UnsafeMutablePointer<Int32>
    private let tail: UnsafeMutablePointer<Int32>
    private var usedBlocks = 0
    /// Events held.
    private(set) var count = 0

    /// Room for about `events` events (and a part-filled block a bucket).
    init(buckets: Int, events: Int) {
        self.buckets = buckets
        blocks = events / DeferredEvents.blockEvents + buckets + 1
        head = .allocate(capacity: buckets)
        head.initialize(repeating: -1, count: buckets)
        tail = .allocate(capacity: buckets)
        tail.initialize(repeating: -1, count: buckets)
    }

    deinit {
        release()
        head.deallocate()
        tail.deallocate()
    }

    /// Holds `event` in `bucket`.
    @inline(__always)
    func append(_ bucket: Int, _ event: DeferredEvent) {
        if pool == nil { allocate() }
        var b = Int(tail[bucket])
        if b < 0 || Int(filled![b]) == DeferredEvents.blockEvents {
            if usedBlocks == blocks { grow() }
            let fresh = usedBlocks
            usedBlocks += 1
            next![fresh] = -1
            filled![fresh] = 0
            if b < 0 { head[bucket] = Int32(fresh) } else { next![b] = Int32(fresh) }
            tail[bucket] = Int32(fresh)
            b = fresh
        }
        let k = Int(filled![b])
        let at = pool! + b * DeferredEvents.blockEvents + k
        at.initialize(to: event)
        // The bucket's next cache line, asked for now: its next event comes
        // thousands of events later, and the write then need not wait.
        if k + 2 < DeferredEvents.blockEvents { cds_prefetch_write(at + 2) }
        filled![b] = Int32(k + 1)
        count += 1
    }

    /// More blocks (a half more): the pool was sized for the owner's budget,
    /// which it checks only between windows.
    private func grow() {
        let more = blocks + blocks / 2
        let bigger = UnsafeMutablePointer<DeferredEvent>.allocate(capacity: more * DeferredEvents.blockEvents)
        bigger.moveInitialize(from: pool!, count: usedBlocks * DeferredEvents.blockEvents)
        pool!.deallocate()
        pool = bigger
        for which in [0, 1] {
            let old = which == 0 ? next! : filled!
            let grown = UnsafeMutablePointer<Int32>.allocate(capacity: more)
            grown.moveInitialize(from: old, count: usedBlocks)
            old.deallocate()
            if which == 0 { next = grown } else { filled = grown }
        }
        blocks = more
    }

    private func allocate() {
        // Pages are committed as blocks are first used.
        pool = .allocate(capacity: blocks * DeferredEvents.blockEvents)
        next = .allocate(capacity: blocks)
        filled = .allocate(capacity: blocks)
    }

    /// Copies `bucket`'s events, in the order held, to `scratch` from
    /// `start` on (grown as needed) and returns where they end.
    func copy(_ bucket: Int, into scratch: inout UnsafeMutableBufferPointer<DeferredEvent>, at start: Int) -> Int {
        guard let pool, let next, let filled else { return start }
        var n = start
        var b = Int(head[bucket])
        while b >= 0 {
            let k = Int(filled[b])
            if n + k > scratch.count {
                let bigger = UnsafeMutableBufferPointer<DeferredEvent>.allocate(capacity: max(2 * scratch.count, n + k))
                if n > 0 { bigger.baseAddress!.moveInitialize(from: scratch.baseAddress!, count: n) }
                scratch.deallocate()
                scratch = bigger
            }
            (scratch.baseAddress! + n).initialize(from: pool + b * DeferredEvents.blockEvents, count: k)
            n += k
            b = Int(next[b])
        }
        return n
    }

    /// Forgets the events, keeping the pool for the next ones.
    func removeAll() {
        head.update(repeating: -1, count: buckets)
        tail.update(repeating: -1, count: buckets)
        usedBlocks = 0
        count = 0
    }

    /// Forgets the events and gives the pool's memory back (it is
    /// allocated again at the next event).
    func release() {
        removeAll()
        pool?.deallocate(); pool = nil
        next?.deallocate(); next = nil
        filled?.deallocate(); filled = nil
    }
}
