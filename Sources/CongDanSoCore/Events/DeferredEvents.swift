/// An event waiting to be counted, in 24 bytes: what counting needs and
/// where to point a warning (see `DeferredEvents`).
struct DeferredEvent {
    /// The id's one-word key (`CandidateTable.compact`; never `general`).
    var key: UInt64
    var ms: Int64
    /// The line in its file (the file being read when it was deferred).
    var line: UInt32
    /// The unit's index.
    var unit: UInt16
    /// The unit field's column (for the warning when the candidate's first
    /// event was in another unit), and in the top bit: a completion.
    var columnAndKind: UInt16

    static let completionBit: UInt16 = 0x8000
    var completion: Bool { columnAndKind & DeferredEvent.completionBit != 0 }
    var column: Int { Int(columnAndKind & ~DeferredEvent.completionBit) }
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
/// Storage: a fixed pool of blocks of `blockEvents` events, allocated at
/// the first event, a chain of blocks a bucket; at most one part-filled
/// block a bucket is wasted. `append` says when the pool is full: the
/// owner counts what is held and starts again.
///
/// Raw memory throughout: the owner's hot loop pays no copy-on-write or
/// exclusivity checks.
final class DeferredEvents {
    static let blockEvents = 170  // 4,080 bytes

    let buckets: Int
    /// Blocks in the pool.
    let blocks: Int
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

    /// Holds `event` in `bucket`; false (nothing held) when the pool is full.
    @inline(__always)
    func append(_ bucket: Int, _ event: DeferredEvent) -> Bool {
        if pool == nil { allocate() }
        let pool = self.pool!, filled = self.filled!
        var b = Int(tail[bucket])
        if b < 0 || Int(filled[b]) == DeferredEvents.blockEvents {
            guard usedBlocks < blocks else { return false }
            let fresh = usedBlocks
            usedBlocks += 1
            next![fresh] = -1
            filled[fresh] = 0
            if b < 0 { head[bucket] = Int32(fresh) } else { next![b] = Int32(fresh) }
            tail[bucket] = Int32(fresh)
            b = fresh
        }
        let k = Int(filled[b])
        (pool + b * DeferredEvents.blockEvents + k).initialize(to: event)
        filled[b] = Int32(k + 1)
        count += 1
        return true
    }

    private func allocate() {
        // Pages are committed as blocks are first used.
        pool = .allocate(capacity: blocks * DeferredEvents.blockEvents)
        next = .allocate(capacity: blocks)
        filled = .allocate(capacity: blocks)
    }

    /// Copies `bucket`'s events, in the order held, to `scratch` (grown as
    /// needed) and returns how many there are.
    func copy(_ bucket: Int, into scratch: inout UnsafeMutableBufferPointer<DeferredEvent>) -> Int {
        guard let pool, let next, let filled else { return 0 }
        var n = 0
        var b = Int(head[bucket])
        while b >= 0 {
            let k = Int(filled[b])
            if n + k > scratch.count {
                let bigger = UnsafeMutableBufferPointer<DeferredEvent>.allocate(capacity: max(2 * scratch.count, n + k))
                if n > 0 { _ = bigger.baseAddress!.moveInitialize(from: scratch.baseAddress!, count: n) }
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

    /// Bytes held by the pool.
    var memoryBytes: Int {
        pool == nil ? 0 : blocks * (DeferredEvents.blockEvents * MemoryLayout<DeferredEvent>.stride + 8)
    }
}
