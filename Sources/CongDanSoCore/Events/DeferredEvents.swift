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
/// Storage: blocks of `blockEvents` events (4 KB, aligned to 4 KB), from
/// regions allocated at the first event (another region when one is used
/// up), a chain of blocks a bucket. Each bucket has a write cursor into its
/// last block: holding an event is a load, two stores and a test of the
/// cursor's low bits (a block is full when its cursor reaches a 4 KB
/// boundary). At most one part-filled block a bucket is wasted.
///
/// Raw memory throughout: the owner's hot loop pays no copy-on-write or
/// exclusivity checks.
///
/// `@unchecked Sendable`: a pool is filled by the one thread parsing its
/// chunk, then read by the one thread counting its shard, never both at once.
final class DeferredEvents: @unchecked Sendable {
    static let blockEvents = 128
    static let blockBytes = blockEvents * MemoryLayout<DeferredEvent>.stride  // 4 KB

    let buckets: Int
    /// Blocks a region holds.
    private let regionBlocks: Int
    private var regions: [UnsafeMutableRawPointer] = []
    /// Per block (by index over the regions): the next block of its bucket (-1: none).
    private var next: UnsafeMutablePointer<Int32>
    private var nextCapacity: Int
    /// Per bucket: first and last block (-1: none), and where its next event
    /// goes (a 4 KB boundary when its last block is full, or it has none).
    private let head: UnsafeMutablePointer<Int32>
    private let tail: UnsafeMutablePointer<Int32>
    private let cursor: UnsafeMutablePointer<UnsafeMutablePointer<DeferredEvent>>
    private var usedBlocks = 0
    /// A 4 KB-aligned address no event is written to: a bucket's cursor
    /// while it has no block.
    private let noBlock: UnsafeMutablePointer<DeferredEvent>

    /// Room for about `events` events (and a part-filled block a bucket) a region.
    init(buckets: Int, events: Int) {
        self.buckets = buckets
        regionBlocks = events / DeferredEvents.blockEvents + buckets + 1
        nextCapacity = regionBlocks
        next = .allocate(capacity: nextCapacity)
        head = .allocate(capacity: buckets)
        head.initialize(repeating: -1, count: buckets)
        tail = .allocate(capacity: buckets)
        tail.initialize(repeating: -1, count: buckets)
        noBlock = UnsafeMutableRawPointer(bitPattern: DeferredEvents.blockBytes)!.assumingMemoryBound(
            to: DeferredEvent.self)
        cursor = .allocate(capacity: buckets)
        cursor.initialize(repeating: noBlock, count: buckets)
    }

    deinit {
        release()
        next.deallocate()
        head.deallocate()
        tail.deallocate()
        cursor.deallocate()
    }

    /// Whether no event is held.
    var isEmpty: Bool { usedBlocks == 0 }

    /// Events held: every block but a bucket's last is full.
    var count: Int {
        guard usedBlocks > 0 else { return 0 }
        var n = 0, lastBlocks = 0
        for b in 0..<buckets where tail[b] >= 0 {
            n += cursor[b] - block(Int(tail[b]))
            lastBlocks += 1
        }
        return n + (usedBlocks - lastBlocks) * DeferredEvents.blockEvents
    }

    /// Holds `event` in `bucket`.
    @inline(__always)
    func append(_ bucket: Int, _ event: DeferredEvent) {
        var at = cursor[bucket]
        if UInt(bitPattern: at) & UInt(DeferredEvents.blockBytes - 1) == 0 { at = newBlock(bucket) }
        at.initialize(to: event)
        // The bucket's next cache line, asked for now: its next event comes
        // thousands of events later, and the write then need not wait.
        cds_prefetch_write(at + 2)
        cursor[bucket] = at + 1
    }

    /// The start of block `k`.
    @inline(__always)
    private func block(_ k: Int) -> UnsafeMutablePointer<DeferredEvent> {
        (regions[k / regionBlocks] + (k % regionBlocks) * DeferredEvents.blockBytes).assumingMemoryBound(
            to: DeferredEvent.self)
    }

    /// Chains a fresh block to `bucket` and returns its start.
    private func newBlock(_ bucket: Int) -> UnsafeMutablePointer<DeferredEvent> {
        if usedBlocks == regions.count * regionBlocks {
            // Pages are committed as blocks are first used.
            regions.append(
                .allocate(byteCount: regionBlocks * DeferredEvents.blockBytes, alignment: DeferredEvents.blockBytes))
            if nextCapacity < regions.count * regionBlocks {
                let grown = UnsafeMutablePointer<Int32>.allocate(capacity: regions.count * regionBlocks)
                grown.moveInitialize(from: next, count: usedBlocks)
                next.deallocate()
                next = grown
                nextCapacity = regions.count * regionBlocks
            }
        }
        let fresh = usedBlocks
        usedBlocks += 1
        next[fresh] = -1
        let last = Int(tail[bucket])
        if last < 0 { head[bucket] = Int32(fresh) } else { next[last] = Int32(fresh) }
        tail[bucket] = Int32(fresh)
        return block(fresh)
    }

    /// Copies `bucket`'s events, in the order held, to `scratch` from
    /// `start` on (grown as needed) and returns where they end.
    func copy(_ bucket: Int, into scratch: inout UnsafeMutableBufferPointer<DeferredEvent>, at start: Int) -> Int {
        var n = start
        var b = Int(head[bucket])
        while b >= 0 {
            let from = block(b)
            let k = b == Int(tail[bucket]) ? cursor[bucket] - from : DeferredEvents.blockEvents
            if n + k > scratch.count {
                let bigger = UnsafeMutableBufferPointer<DeferredEvent>.allocate(capacity: max(2 * scratch.count, n + k))
                if n > 0 { bigger.baseAddress!.moveInitialize(from: scratch.baseAddress!, count: n) }
                scratch.deallocate()
                scratch = bigger
            }
            (scratch.baseAddress! + n).initialize(from: from, count: k)
            n += k
            b = Int(next[b])
        }
        return n
    }

    /// Forgets the events, keeping the regions for the next ones.
    func removeAll() {
        head.update(repeating: -1, count: buckets)
        tail.update(repeating: -1, count: buckets)
        cursor.update(repeating: noBlock, count: buckets)
        usedBlocks = 0
    }

    /// Forgets the events and gives the regions' memory back (allocated
    /// again at the next event).
    func release() {
        removeAll()
        for region in regions { region.deallocate() }
        regions = []
    }
}
