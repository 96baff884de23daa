/// One unit's observations, sorted by time, stored so that copies share all
/// but the newest few.
///
/// An event log gives a unit thousands of observations, and the dashboard
/// keeps showing one dataset while the reloader appends to the next. With a
/// plain array every append after such a copy duplicated the whole history
/// (hundreds of MB a refresh at national scale). Here the older observations
/// live in immutable blocks of `blockSize` that copies share; only the
/// `tail` (fewer than 2 × `blockSize`) is copied when a shared history grows.
public struct History: RandomAccessCollection, MutableCollection, RangeReplaceableCollection, Hashable, Sendable,
    ExpressibleByArrayLiteral
{
    /// Observations per shared block: small enough that copying a tail is
    /// cheap, large enough that the block list stays short.
    static let blockSize = 64

    /// Full blocks, oldest first; each holds exactly `blockSize`.
    private var blocks: [Block] = []
    /// The newest observations: fewer than 2 × `blockSize`, so the last one
    /// (the one a refresh may rewrite) is always here.
    private var tail: [Observation] = []

    /// `blockSize` observations, packed in 8 bytes each (time as
    /// milliseconds after the block's first, counts as 16-bit changes from
    /// the block's first) when they fit, as they do for any real contest; as
    /// they are (24 bytes) otherwise. A national log's histories hold
    /// millions of observations.
    private final class Block: Sendable {
        struct Packed {
            var offset: UInt32
            var registered: Int16
            var completed: Int16
        }
        let base: Int64
        let baseRegistered: Int
        let baseCompleted: Int
        let packed: [Packed]
        let wide: [Observation]

        init<C: Collection>(_ items: C) where C.Element == Observation {
            let first = items.first ?? Observation(time: Timestamp(milliseconds: 0), registered: 0, completed: 0)
            base = first.time.milliseconds
            baseRegistered = first.registered
            baseCompleted = first.completed
            var packed: [Packed] = []
            packed.reserveCapacity(items.count)
            for o in items {
                let (offset, overflow) = o.time.milliseconds.subtractingReportingOverflow(base)
                let (dr, overR) = o.registered.subtractingReportingOverflow(first.registered)
                let (dc, overC) = o.completed.subtractingReportingOverflow(first.completed)
                guard !overflow, !overR, !overC, let dt = UInt32(exactly: offset), let r = Int16(exactly: dr),
                    let c = Int16(exactly: dc)
                else {
                    self.packed = []
                    wide = Array(items)
                    return
                }
                packed.append(Packed(offset: dt, registered: r, completed: c))
            }
            self.packed = packed
            wide = []
        }

        @inline(__always)
        subscript(i: Int) -> Observation {
            guard wide.isEmpty else { return wide[i] }
            let p = packed[i]
            return Observation(
                time: Timestamp(milliseconds: base &+ Int64(p.offset)), registered: baseRegistered &+ Int(p.registered),
                completed: baseCompleted &+ Int(p.completed))
        }

        var items: [Observation] { (0..<History.blockSize).map { self[$0] } }
    }

    public init() {}

    public init(arrayLiteral elements: Observation...) { self.init(elements) }

    public init<S: Sequence>(_ elements: S) where S.Element == Observation {
        for o in elements { append(o) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { blocks.count &* History.blockSize &+ tail.count }

    public subscript(position: Int) -> Observation {
        get {
            let frozen = blocks.count &* History.blockSize
            if position >= frozen { return tail[position &- frozen] }
            return blocks[position / History.blockSize][position % History.blockSize]
        }
        set {
            let frozen = blocks.count &* History.blockSize
            if position >= frozen {
                tail[position &- frozen] = newValue
            } else {
                // Rare (a rewritten old observation): the block is shared, so copy it.
                var items = blocks[position / History.blockSize].items
                items[position % History.blockSize] = newValue
                blocks[position / History.blockSize] = Block(items[...])
            }
        }
    }

    /// Appends many at once: the same blocks and tail as appending them one
    /// by one (blocks are frozen whenever the tail reaches 2 × `blockSize`).
    public mutating func append<C: Collection>(contentsOf newElements: C) where C.Element == Observation {
        guard newElements.count > History.blockSize else {
            for o in newElements { append(o) }
            return
        }
        var all = tail
        all.append(contentsOf: newElements)
        let frozen = all.count >= 2 * History.blockSize ? (all.count - History.blockSize) / History.blockSize : 0
        blocks.reserveCapacity(blocks.count + frozen)
        for k in 0..<frozen { blocks.append(Block(all[k * History.blockSize..<(k + 1) * History.blockSize])) }
        tail = Array(all[(frozen * History.blockSize)...])
    }

    /// Room for `n` observations in all, as far as the tail holds them
    /// (blocks are made whole): a history built from rows it knows the
    /// number of grows without copying.
    public mutating func reserveCapacity(_ n: Int) {
        tail.reserveCapacity(Swift.min(n - blocks.count &* History.blockSize, 2 * History.blockSize))
    }

    public mutating func append(_ newElement: Observation) {
        tail.append(newElement)
        if tail.count == 2 * History.blockSize {
            blocks.append(Block(tail[..<History.blockSize]))
            tail.removeFirst(History.blockSize)
        }
    }

    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C)
    where C.Element == Observation {
        if subrange.lowerBound == endIndex {
            append(contentsOf: Array(newElements))
            return
        }
        // Anything else rebuilds from a plain array (not on any hot path).
        var all = Array(self)
        all.replaceSubrange(subrange, with: newElements)
        blocks = []
        tail = []
        for o in all { append(o) }
    }

    /// Keeps the first `n` observations (a rebuild of the newest part).
    mutating func truncate(to n: Int) {
        let frozen = blocks.count &* History.blockSize
        if n >= frozen {
            tail.removeLast(frozen &+ tail.count &- n)
            return
        }
        let b = n / History.blockSize
        let kept = blocks[b].items.prefix(n % History.blockSize)
        blocks.removeLast(blocks.count - b)
        tail = Array(kept)
    }

    public mutating func removeAll(keepingCapacity keepCapacity: Bool = false) {
        blocks.removeAll()
        tail.removeAll(keepingCapacity: keepCapacity)
    }

    public static func == (a: History, b: History) -> Bool { a.elementsEqual(b) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for o in self { hasher.combine(o) }
    }

    /// How many observations are at or before `time`: `self[..<n]` is the
    /// history up to `time`.
    public func countThrough(_ time: Timestamp) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].time <= time { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The counts at `time`: the last observation at or before it, or zeros.
    public func value(at time: Timestamp) -> (registered: Int, completed: Int) {
        let n = countThrough(time)
        guard n > 0 else { return (0, 0) }
        let o = self[n - 1]
        return (o.registered, o.completed)
    }
}
