import CPrefetch

/// An event waiting to be counted, whole, in 32 bytes (held in 16, as a
/// `NarrowEvent`, when it fits): what counting needs, its place in the
/// file (to restore file order) and where to point a warning.
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

/// A held event in 16 bytes, as nearly all are: a whole second from 1952
/// to 2088, a line of its chunk below 2^19, a unit below `escape`, and the
/// pool's usual unit column. Any other is kept whole in the pool's `wide`
/// list, with this in its place to keep the order: its key, its index
/// there in `seconds`, and the unit `escape`.
struct NarrowEvent {
    var key: UInt64
    /// Seconds after `DeferredEvents.epochSeconds`.
    var seconds: Int32
    /// `line << 13 | unit << 1 | completion`.
    var meta: UInt32

    static let escape: UInt32 = 4095
    static let lineLimit: UInt64 = 1 << 19

    /// Whether the event is kept whole in its pool (this only stands in its place).
    @inline(__always) var isWide: Bool { meta >> 1 & NarrowEvent.escape == NarrowEvent.escape }
    @inline(__always) var unit: Int { Int(meta >> 1 & NarrowEvent.escape) }
    @inline(__always) var completion: Bool { meta & 1 != 0 }
    /// The line in its chunk.
    @inline(__always) var line: Int { Int(meta >> 13) }
    @inline(__always) var ms: Int64 { (Int64(seconds) + DeferredEvents.epochSeconds) * 1000 }
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
/// A pool holds one chunk of each window (`chunk`); `endWindow` marks where
/// each bucket's events of a window end, so that the events of all the
/// chunks' pools are read back in file order (window by window, chunk by
/// chunk) without sorting or merging. Events are kept in 16 bytes
/// (`NarrowEvent`): half the bytes written while parsing, read back while
/// counting, and mapped the first time.
///
/// Storage: blocks of 4 KB, aligned to 4 KB, from regions allocated at the
/// first event (another region when one is used up), a chain of blocks a
/// bucket. Each bucket has a write cursor into its last block: holding an
/// event is a load, a store and a test of the cursor's low bits (a block is
/// full when its cursor reaches a 4 KB boundary). At most one part-filled
/// block a bucket is wasted.
///
/// Raw memory throughout: the owner's hot loop pays no copy-on-write or
/// exclusivity checks.
///
/// `@unchecked Sendable`: a pool is filled by the one thread parsing its
/// chunk, then read by the one thread counting its shard, never both at once.
final class DeferredEvents: @unchecked Sendable {
    static let blockBytes = 4096
    static let blockEvents = blockBytes / MemoryLayout<NarrowEvent>.stride  // 256
    /// 2020-01-01T00:00:00Z: narrow times are seconds after it.
    static let epochSeconds: Int64 = 1_577_836_800

    let buckets: Int
    /// The chunk of every window whose events this pool holds (`DeferredEvent.order`).
    let chunk: Int
    /// Blocks a region holds.
    private let regionBlocks: Int
    private var regions: [UnsafeMutableRawPointer] = []
    /// Per block (by index over the regions): the next block of its bucket (-1: none).
    private var next: UnsafeMutablePointer<Int32>
    private var nextCapacity: Int
    /// A bucket's chain: its last block, the events in its full blocks, and
    /// how far it has been read back (events, and the block the next is in).
    private struct Chain {
        var tail: Int32 = -1
        var readBlock: Int32 = -1
        var filled = 0
        var readCount = 0
    }
    private let chains: UnsafeMutablePointer<Chain>
    /// Per bucket, where its next event goes (a 4 KB boundary when its last
    /// block is full, or it has none): apart from `chains`, as the only
    /// state holding an event touches.
    private let cursor: UnsafeMutablePointer<UnsafeMutablePointer<NarrowEvent>>
    private var usedBlocks = 0
    /// A 4 KB-aligned address no event is written to: a bucket's cursor
    /// while it has no block.
    private let noBlock: UnsafeMutablePointer<NarrowEvent>
    /// The narrow events' unit column: the first event's (a log writes its
    /// times at one length, so nearly all share it). Behind a pointer: read
    /// in the hot loop without exclusivity checks.
    private let narrowColumn: UnsafeMutablePointer<UInt32>
    /// The events that do not fit in 16 bytes, in file order.
    private var wide: [DeferredEvent] = []
    /// Per window ended, each bucket's count of events at its end.
    private var windowEnds: [Int] = []

    /// Room for about `events` events (and a part-filled block a bucket) a region.
    init(buckets: Int, events: Int, chunk: Int = 0) {
        self.buckets = buckets
        self.chunk = chunk
        regionBlocks = events / DeferredEvents.blockEvents + buckets + 1
        nextCapacity = regionBlocks
        next = .allocate(capacity: nextCapacity)
        chains = .allocate(capacity: buckets)
        cursor = .allocate(capacity: buckets)
        noBlock = UnsafeMutableRawPointer(bitPattern: DeferredEvents.blockBytes)!.assumingMemoryBound(
            to: NarrowEvent.self)
        narrowColumn = .allocate(capacity: 1)
        narrowColumn.initialize(to: 0)
        chains.initialize(repeating: Chain(), count: buckets)
        cursor.initialize(repeating: noBlock, count: buckets)
    }

    deinit {
        release()
        next.deallocate()
        chains.deallocate()
        cursor.deallocate()
        narrowColumn.deallocate()
    }

    /// Whether no event is held.
    var isEmpty: Bool { usedBlocks == 0 }

    /// Events held, over all buckets.
    var count: Int { usedBlocks == 0 ? 0 : (0..<buckets).reduce(0) { $0 + count($1) } }

    /// Events held in `bucket`.
    private func count(_ bucket: Int) -> Int {
        let last = Int(chains[bucket].tail)
        return last < 0 ? 0 : chains[bucket].filled + (cursor[bucket] - block(last))
    }

    /// Windows ended since the events were last removed.
    var windows: Int { windowEnds.count / buckets }

    /// Holds `event` in `bucket`. Its order names this pool's chunk of the
    /// window being read (the one after the `windows` ended).
    @inline(__always)
    func append(_ bucket: Int, _ event: DeferredEvent) {
        let seconds = event.ms / 1000
        let relative = seconds &- DeferredEvents.epochSeconds
        let line = event.order & (1 << 29 - 1)
        let unit = event.unitAndKind & ~DeferredEvent.completionBit
        var narrow = NarrowEvent(
            key: event.key, seconds: Int32(truncatingIfNeeded: relative),
            meta: UInt32(truncatingIfNeeded: line) << 13 | unit << 1 | event.unitAndKind >> 31)
        if seconds &* 1000 != event.ms || relative != Int64(Int32(truncatingIfNeeded: relative))
            || line >= NarrowEvent.lineLimit || unit >= NarrowEvent.escape || !fitsColumn(event.column)
        {
            narrow = holdWide(event)
        }
        var at = cursor[bucket]
        if UInt(bitPattern: at) & UInt(DeferredEvents.blockBytes - 1) == 0 { at = newBlock(bucket) }
        at.initialize(to: narrow)
        // The bucket's next cache line, asked for now: its next event comes
        // thousands of events later, and the write then need not wait.
        cds_prefetch_write(at + 4)
        cursor[bucket] = at + 1
    }

    @inline(__always)
    private func fitsColumn(_ column: UInt32) -> Bool {
        if column == narrowColumn.pointee { return true }
        guard narrowColumn.pointee == 0 else { return false }
        narrowColumn.pointee = column
        return true
    }

    /// Keeps `event` whole; returns what stands in its place.
    @inline(never)
    private func holdWide(_ event: DeferredEvent) -> NarrowEvent {
        wide.append(event)
        return NarrowEvent(
            key: event.key, seconds: Int32(truncatingIfNeeded: wide.count - 1), meta: NarrowEvent.escape << 1)
    }

    /// Marks the end of a window: each bucket's events so far.
    func endWindow() {
        for b in 0..<buckets { windowEnds.append(count(b)) }
    }

    /// The start of block `k`.
    @inline(__always)
    private func block(_ k: Int) -> UnsafeMutablePointer<NarrowEvent> {
        (regions[k / regionBlocks] + (k % regionBlocks) * DeferredEvents.blockBytes).assumingMemoryBound(
            to: NarrowEvent.self)
    }

    /// Chains a fresh block to `bucket` and returns its start.
    private func newBlock(_ bucket: Int) -> UnsafeMutablePointer<NarrowEvent> {
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
        let last = Int(chains[bucket].tail)
        if last < 0 {
            chains[bucket].readBlock = Int32(fresh)
        } else {
            next[last] = Int32(fresh)
            chains[bucket].filled += DeferredEvents.blockEvents
        }
        chains[bucket].tail = Int32(fresh)
        return block(fresh)
    }

    /// Copies `bucket`'s events of window `window` (after the last window
    /// ended: all that are left), in the order held, to `scratch` from
    /// `start` on (grown as needed), and returns where they end. A bucket's
    /// windows are copied in order, each once.
    func copy(
        _ bucket: Int, window: Int, into scratch: inout UnsafeMutableBufferPointer<NarrowEvent>, at start: Int
    ) -> Int {
        let end = window < windows ? windowEnds[window * buckets + bucket] : count(bucket)
        var done = chains[bucket].readCount
        guard done < end else { return start }
        let n = start + end - done
        if n > scratch.count {
            let bigger = UnsafeMutableBufferPointer<NarrowEvent>.allocate(capacity: max(2 * scratch.count, n))
            if start > 0 { bigger.baseAddress!.moveInitialize(from: scratch.baseAddress!, count: start) }
            scratch.deallocate()
            scratch = bigger
        }
        var to = scratch.baseAddress! + start
        while done < end {
            let inBlock = done % DeferredEvents.blockEvents
            // A full block read: on to the next (there is one, as events remain).
            if inBlock == 0, done > 0 { chains[bucket].readBlock = next[Int(chains[bucket].readBlock)] }
            let k = min(DeferredEvents.blockEvents - inBlock, end - done)
            to.initialize(from: block(Int(chains[bucket].readBlock)) + inBlock, count: k)
            to += k
            done += k
        }
        chains[bucket].readCount = done
        return n
    }

    /// `event` (held in this pool, in window `window`) whole: with its
    /// place in the file and its unit's column.
    func whole(_ event: NarrowEvent, window: Int) -> DeferredEvent {
        if event.isWide { return wide[Int(event.seconds)] }
        return DeferredEvent(
            key: event.key, ms: event.ms,
            order: DeferredEvent.order(window: window, chunk: chunk, line: event.line),
            column: narrowColumn.pointee,
            unitAndKind: UInt32(event.unit) | (event.completion ? DeferredEvent.completionBit : 0))
    }

    /// Forgets the events and the windows, keeping the regions for the next ones.
    func removeAll() {
        chains.update(repeating: Chain(), count: buckets)
        cursor.update(repeating: noBlock, count: buckets)
        usedBlocks = 0
        wide.removeAll()
        windowEnds.removeAll(keepingCapacity: true)
    }

    /// Forgets the events and gives the regions' memory back (allocated
    /// again at the next event).
    func release() {
        removeAll()
        for region in regions { region.deallocate() }
        regions = []
        windowEnds = []
    }
}
