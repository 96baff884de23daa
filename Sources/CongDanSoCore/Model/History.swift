import Synchronization

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
    private var blocks: [Frozen] = []
    /// The newest observations: fewer than 2 × `blockSize`, so the last one
    /// (the one a refresh may rewrite) is always here.
    private var tail: [Observation] = []
    /// A history not made into blocks yet (`blocks` and `tail` are then
    /// empty): its source answers for it until something needs its
    /// observations one by one (see `HistorySource`).
    private var deferred: Deferred?

    /// Where frozen blocks live: words, in one allocation that holds one
    /// block (frozen by an append) or many (frozen together by a bulk
    /// append: a cold read gives a unit 80,000 observations, 1,250 blocks,
    /// and allocating and freeing them one by one was a third of the time
    /// its histories took). Never changed once written.
    private final class Storage: ManagedBuffer<Void, UInt64> {
        static func make(words: Int) -> Storage {
            unsafeDowncast(Storage.create(minimumCapacity: words) { _ in () }, to: Storage.self)
        }
    }

    /// A block: its storage and where in it the block starts. There, a
    /// first word says how the block holds its observations, each relative
    /// to the block's first (its time and counts in the next three words):
    /// - compact (2): 4 bytes each, whole seconds after the first's time in
    ///   16 bits, the counts' rises in 8 bits each — an event log's
    ///   histories, whose blocks span minutes;
    /// - packed (0): 8 bytes each, milliseconds after the first's time in
    ///   32 bits and the counts' changes in 16 bits each, as fits any real
    ///   contest;
    /// - wide (1): each observation as it is, in three words.
    private struct Frozen: @unchecked Sendable {
        let storage: Storage
        let offset: Int

        enum Format: UInt64 {
            case packed = 0, wide = 1, compact = 2

            /// Words a block takes in this format.
            var words: Int {
                switch self {
                case .compact: return 4 + History.blockSize / 2
                case .packed: return 4 + History.blockSize
                case .wide: return 1 + 3 * History.blockSize
                }
            }
        }

        /// The tightest format `observation(0..<blockSize)` fit.
        static func format(_ observation: (Int) -> Observation) -> Format {
            let first = observation(0)
            let base = first.time.milliseconds, r0 = first.registered, c0 = first.completed
            var compact = true
            for i in 0..<History.blockSize {
                let o = observation(i)
                let (offset, overT) = o.time.milliseconds.subtractingReportingOverflow(base)
                let (dr, overR) = o.registered.subtractingReportingOverflow(r0)
                let (dc, overC) = o.completed.subtractingReportingOverflow(c0)
                guard !overT, !overR, !overC, UInt32(exactly: offset) != nil, Int16(exactly: dr) != nil,
                    Int16(exactly: dc) != nil
                else { return .wide }
                if compact {
                    compact =
                        offset % 1000 == 0 && offset / 1000 <= 0xFFFF && UInt8(exactly: dr) != nil
                        && UInt8(exactly: dc) != nil
                }
            }
            return compact ? .compact : .packed
        }

        /// Freezes `observation(0..<blockSize)` in `format` (as `format(_:)`
        /// gave it) at `offset` of `storage`, which has its words of room there.
        static func make(
            in storage: Storage, at offset: Int, _ format: Format, _ observation: (Int) -> Observation
        ) -> Frozen {
            storage.withUnsafeMutablePointerToElements { words in
                let b = words + offset
                b.initialize(to: format.rawValue)
                let first = observation(0)
                if format == .wide {
                    for i in 0..<History.blockSize {
                        let o = observation(i)
                        (b + 1 + 3 * i).initialize(to: UInt64(bitPattern: o.time.milliseconds))
                        (b + 2 + 3 * i).initialize(to: UInt64(UInt(bitPattern: o.registered)))
                        (b + 3 + 3 * i).initialize(to: UInt64(UInt(bitPattern: o.completed)))
                    }
                    return
                }
                let base = first.time.milliseconds, r0 = first.registered, c0 = first.completed
                (b + 1).initialize(to: UInt64(bitPattern: base))
                (b + 2).initialize(to: UInt64(UInt(bitPattern: r0)))
                (b + 3).initialize(to: UInt64(UInt(bitPattern: c0)))
                if format == .compact {
                    let half = UnsafeMutableRawPointer(b + 4).bindMemory(to: UInt32.self, capacity: History.blockSize)
                    for i in 0..<History.blockSize {
                        let o = observation(i)
                        let seconds = UInt32(truncatingIfNeeded: (o.time.milliseconds &- base) / 1000)
                        let r = UInt32(truncatingIfNeeded: o.registered &- r0)
                        let c = UInt32(truncatingIfNeeded: o.completed &- c0)
                        (half + i).initialize(to: seconds | r << 16 | c << 24)
                    }
                    return
                }
                for i in 0..<History.blockSize {
                    let o = observation(i)
                    let t = UInt32(truncatingIfNeeded: o.time.milliseconds &- base)
                    let r = UInt16(truncatingIfNeeded: o.registered &- r0)
                    let c = UInt16(truncatingIfNeeded: o.completed &- c0)
                    (b + 4 + i).initialize(to: UInt64(t) | UInt64(r) << 32 | UInt64(c) << 48)
                }
            }
            return Frozen(storage: storage, offset: offset)
        }

        /// A block in a storage of its own.
        static func make(_ observation: (Int) -> Observation) -> Frozen {
            let f = format(observation)
            return make(in: Storage.make(words: f.words), at: 0, f, observation)
        }

        @inline(__always)
        subscript(i: Int) -> Observation {
            storage.withUnsafeMutablePointerToElements { words in
                let b = words + offset
                if b[0] == Format.compact.rawValue {
                    let w = UnsafeRawPointer(b + 4).load(fromByteOffset: 4 * i, as: UInt32.self)
                    return Observation(
                        time: Timestamp(milliseconds: Int64(bitPattern: b[1]) &+ Int64(w & 0xFFFF) &* 1000),
                        registered: Int(bitPattern: UInt(b[2])) &+ Int((w >> 16) & 0xFF),
                        completed: Int(bitPattern: UInt(b[3])) &+ Int(w >> 24))
                }
                guard b[0] == Format.packed.rawValue else {
                    return Observation(
                        time: Timestamp(milliseconds: Int64(bitPattern: b[1 + 3 * i])),
                        registered: Int(bitPattern: UInt(b[2 + 3 * i])),
                        completed: Int(bitPattern: UInt(b[3 + 3 * i])))
                }
                let w = b[4 + i]
                return Observation(
                    time: Timestamp(milliseconds: Int64(bitPattern: b[1]) &+ Int64(UInt32(truncatingIfNeeded: w))),
                    registered: Int(bitPattern: UInt(b[2])) &+ Int(Int16(truncatingIfNeeded: w >> 32)),
                    completed: Int(bitPattern: UInt(b[3])) &+ Int(Int16(truncatingIfNeeded: w >> 48)))
            }
        }

        var items: [Observation] { (0..<History.blockSize).map { self[$0] } }
    }

    public init() {}

    /// A history whose observations are made from `source` only when they
    /// are first needed one by one (its value at a moment, its count, first
    /// and last come from the source meanwhile).
    public init(deferredTo source: any HistorySource) {
        deferred = Deferred(source)
    }

    /// The source of a deferred history and, once asked for, the history it made.
    private final class Deferred: Sendable {
        let source: any HistorySource
        private let made = Mutex<History?>(nil)
        init(_ source: any HistorySource) { self.source = source }

        var history: History {
            made.withLock { made in
                if let made { return made }
                let history = source.make()
                made = history
                return history
            }
        }
    }

    /// This history with its blocks made (itself when they are).
    private var resolved: History { deferred?.history ?? self }

    /// Makes the blocks of a deferred history, before a change.
    private mutating func resolve() {
        if let deferred { self = deferred.history }
    }

    public init(arrayLiteral elements: Observation...) { self.init(elements) }

    public init<S: Sequence>(_ elements: S) where S.Element == Observation {
        for o in elements { append(o) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        if let deferred { return deferred.source.count }
        return blocks.count &* History.blockSize &+ tail.count
    }

    public subscript(position: Int) -> Observation {
        get {
            if let deferred { return deferred.history[position] }
            let frozen = blocks.count &* History.blockSize
            if position >= frozen { return tail[position &- frozen] }
            return blocks[position / History.blockSize][position % History.blockSize]
        }
        set {
            resolve()
            let frozen = blocks.count &* History.blockSize
            if position >= frozen {
                tail[position &- frozen] = newValue
            } else {
                // Rare (a rewritten old observation): the block is shared, so copy it.
                var items = blocks[position / History.blockSize].items
                items[position % History.blockSize] = newValue
                blocks[position / History.blockSize] = Frozen.make { items[$0] }
            }
        }
    }

    /// Appends many at once: the same blocks and tail as appending them one
    /// by one (blocks are frozen whenever the tail reaches 2 × `blockSize`),
    /// each block packed straight from the tail and the new observations.
    public mutating func append<C: Collection>(contentsOf newElements: C) where C.Element == Observation {
        resolve()
        guard newElements.count > History.blockSize else {
            for o in newElements { append(o) }
            return
        }
        let done: Void? = newElements.withContiguousStorageIfAvailable { append(contentsOf: $0) }
        if done == nil { Array(newElements).withUnsafeBufferPointer { append(contentsOf: $0) } }
    }

    private mutating func append(contentsOf new: UnsafeBufferPointer<Observation>) {
        let old = tail
        let total = old.count + new.count
        let frozen = total >= 2 * History.blockSize ? (total - History.blockSize) / History.blockSize : 0
        blocks.reserveCapacity(blocks.count + frozen)
        old.withUnsafeBufferPointer { old in
            @inline(__always) func at(_ k: Int) -> Observation { k < old.count ? old[k] : new[k - old.count] }
            // The new blocks in one storage, sized for the format each fits.
            var formats: [Frozen.Format] = []
            formats.reserveCapacity(frozen)
            var words = 0
            for b in 0..<frozen {
                let start = b * History.blockSize
                let f = Frozen.format { at(start + $0) }
                formats.append(f)
                words += f.words
            }
            let storage = Storage.make(words: Swift.max(1, words))
            var offset = 0
            for b in 0..<frozen {
                let start = b * History.blockSize
                if start >= old.count {
                    let from = start - old.count
                    blocks.append(Frozen.make(in: storage, at: offset, formats[b]) { new[from + $0] })
                } else {
                    blocks.append(Frozen.make(in: storage, at: offset, formats[b]) { at(start + $0) })
                }
                offset += formats[b].words
            }
            var rest: [Observation] = []
            rest.reserveCapacity(2 * History.blockSize)
            for k in (frozen * History.blockSize)..<total { rest.append(at(k)) }
            tail = rest
        }
    }

    /// Room for `n` observations in all, as far as the tail holds them
    /// (blocks are made whole): a history built from rows it knows the
    /// number of grows without copying.
    public mutating func reserveCapacity(_ n: Int) {
        resolve()
        tail.reserveCapacity(Swift.min(n - blocks.count &* History.blockSize, 2 * History.blockSize))
    }

    public mutating func append(_ newElement: Observation) {
        resolve()
        tail.append(newElement)
        if tail.count == 2 * History.blockSize {
            blocks.append(Frozen.make { tail[$0] })
            tail.removeFirst(History.blockSize)
        }
    }

    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C)
    where C.Element == Observation {
        resolve()
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
        resolve()
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
        deferred = nil
        blocks.removeAll()
        tail.removeAll(keepingCapacity: keepCapacity)
    }

    public static func == (a: History, b: History) -> Bool { a.resolved.elementsEqual(b.resolved) }

    public func hash(into hasher: inout Hasher) {
        let history = resolved
        hasher.combine(history.count)
        for o in history { hasher.combine(o) }
    }

    /// Goes through the made blocks: a deferred history's are asked for
    /// once, not again for every observation.
    public struct Iterator: IteratorProtocol {
        private let history: History
        private var position = 0
        fileprivate init(_ history: History) { self.history = history }

        public mutating func next() -> Observation? {
            guard position < history.endIndex else { return nil }
            defer { position += 1 }
            return history[position]
        }
    }

    public func makeIterator() -> Iterator { Iterator(resolved) }

    public var first: Observation? {
        if let deferred { return deferred.source.first }
        return isEmpty ? nil : self[0]
    }

    public var last: Observation? {
        if let deferred { return deferred.source.last }
        return isEmpty ? nil : self[endIndex - 1]
    }

    /// How many observations are at or before `time`: `self[..<n]` is the
    /// history up to `time`.
    public func countThrough(_ time: Timestamp) -> Int {
        if let deferred { return deferred.history.countThrough(time) }
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].time <= time { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The counts at `time`: the last observation at or before it, or zeros.
    public func value(at time: Timestamp) -> (registered: Int, completed: Int) {
        if let deferred { return deferred.source.value(at: time) }
        let n = countThrough(time)
        guard n > 0 else { return (0, 0) }
        let o = self[n - 1]
        return (o.registered, o.completed)
    }
}

/// What a deferred history (`History(deferredTo:)`) is made from: the
/// history of a unit after a cold read of millions of events, known from its
/// candidates' sorted times. Its value at any moment is a binary search in
/// them, and a report needs a few such values a unit, not the unit's 80,000
/// observations made into blocks; those are made (`make`) the first time
/// something needs them one by one, once.
public protocol HistorySource: AnyObject, Sendable {
    /// How many observations the history has.
    var count: Int { get }
    /// The counts at `time`, as `History.value(at:)` gives them.
    func value(at time: Timestamp) -> (registered: Int, completed: Int)
    /// The first and the last observation (nil when there is none).
    var first: Observation? { get }
    var last: Observation? { get }
    /// The history, made into blocks.
    func make() -> History
}
