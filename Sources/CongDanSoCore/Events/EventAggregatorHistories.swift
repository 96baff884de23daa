import Foundation

/// The per-unit histories behind `--at`: made from the candidates after a
/// cold read, or folded from the changes counted since.
extension EventAggregator {
    // MARK: Histories

    /// Per unit, cumulative observations at every time its counts changed,
    /// sorted. Folds only what was added since the last call (a unit is
    /// rebuilt when an event arrived out of order) and then lets go of those
    /// deltas. Units are independent: a large fold (the first, after a cold
    /// read) is split across threads.
    public func currentHistories() -> [History] {
        let lists = deltas
        unfoldedDeltas = 0
        let pending = units.indices.filter { lists.count($0) > 0 }
        let work = pending.reduce(0) { $0 + lists.count($1) }
        let threads = work >= parallelFoldDeltas ? shards.count : 1
        histories.withUnsafeMutableBufferPointer { all in
            let out = Unchecked(all)
            runAll(threads, parallel: threads > 1) { t in
                for k in stride(from: t, to: pending.count, by: threads) {
                    let u = pending[k]
                    EventAggregator.fold(&out.value[u], lists.buffer(u))
                    // A large list (a cold read) is freed; a small one (an append) keeps its room.
                    lists.removeAll(u, keepingCapacity: lists.count(u) <= 4096)
                }
            }
        }
        return histories
    }

    /// Adds a unit's new deltas to its history (sorting them first where they
    /// are out of order). When some are older than the history's last
    /// observation, the history is rebuilt from the oldest of them on: its
    /// own steps from there, turned back into deltas (an observation's
    /// change from the one before is that many +1s or −1s at its time),
    /// merged with the new ones. Both give the same cumulative counts at
    /// every moment, so the result is the history that folding every delta
    /// ever seen from the start would give; what is older than every new
    /// delta cannot change and is kept as it is.
    static func fold(_ history: inout History, _ deltas: UnsafeMutableBufferPointer<Int64>) {
        var d = deltas
        var rebuilt: [Int64] = []
        var rebuilding = false
        if let lastTime = history.last?.time.milliseconds, var oldest = d.first {
            for v in d where v < oldest { oldest = v }
            let oldestMs = oldest >> 2
            if oldestMs <= lastTime, oldest < lastTime << 2 {
                // Keep the observations before the oldest new delta's time.
                var lo = 0, hi = history.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if history[mid].time.milliseconds < oldestMs { lo = mid + 1 } else { hi = mid }
                }
                var r = lo > 0 ? history[lo - 1].registered : 0
                var c = lo > 0 ? history[lo - 1].completed : 0
                for o in history[lo...] {
                    let ms = o.time.milliseconds << 2
                    let dr = o.registered - r, dc = o.completed - c
                    if dr != 0 { rebuilt += repeatElement(ms | (dr > 0 ? 0 : 2), count: abs(dr)) }
                    if dc != 0 { rebuilt += repeatElement(ms | (dc > 0 ? 1 : 3), count: abs(dc)) }
                    r = o.registered; c = o.completed
                }
                rebuilt += d
                history.truncate(to: lo)
                rebuilding = true
            }
        }
        rebuilt.withUnsafeMutableBufferPointer { all in
            if rebuilding { d = all }
            // In order? Sort otherwise.
            var sorted = true
            var i = 1
            while i < d.count { if d[i] < d[i - 1] { sorted = false; break }; i += 1 }
            if !sorted { RadixSort.sort(d) }
            // The new observations go to a plain array first, then into the
            // history in one go (appending millions one by one cost more
            // than computing them).
            var before = history.last
            var fresh: [Observation] = []
            fresh.reserveCapacity(d.count)
            var r = before?.registered ?? 0
            var c = before?.completed ?? 0
            i = 0
            while i < d.count {
                let ms = d[i] >> 2
                while i < d.count, d[i] >> 2 == ms {
                    switch d[i] & 3 {
                    case 0: r += 1
                    case 1: c += 1
                    case 2: r -= 1
                    default: c -= 1
                    }
                    i += 1
                }
                let last = fresh.last ?? before
                if let last, last.time.milliseconds == ms {
                    if fresh.isEmpty {
                        history[history.count - 1].registered = r
                        history[history.count - 1].completed = c
                        before = history.last
                    } else {
                        fresh[fresh.count - 1].registered = r
                        fresh[fresh.count - 1].completed = c
                    }
                } else if last.map({ $0.registered != r || $0.completed != c }) ?? (r != 0 || c != 0) {
                    fresh.append(Observation(time: Timestamp(milliseconds: ms), registered: r, completed: c))
                }
            }
            history.append(contentsOf: fresh)
        }
    }

    /// Every unit's history from its candidates alone (a cold read): a
    /// unit's value at T is its candidates registered, and completed, at or
    /// before T, which is what folding every change would give. When every
    /// time is a whole second (as logs write them), a time takes 4 bytes,
    /// `(second - base) << 1 | kind`; otherwise 8, the changes'
    /// `ms << 2 | kind`.
    func historiesFromCandidates() {
        let first = shards.map(\.firstMs).min() ?? .max, latest = shards.map(\.latestMs).max() ?? .min
        if shards.allSatisfy({ $0.subSecond == 0 }), first <= latest, latest / 1000 - first / 1000 < 1 << 30 {
            historiesFromCandidates(WholeSeconds(first: first, latest: latest))
        } else {
            historiesFromCandidates(Milliseconds())
        }
        for u in units.indices where histories[u].count > 0 { markChanged(u) }
    }

    /// How a cold read's histories hold a candidate's time while they are
    /// gathered and sorted: a generic parameter, not closures, so that the
    /// loop over millions of candidates has the encoding inlined.
    protocol CandidateTimes: Sendable {
        associatedtype Word: FixedWidthInteger
        func encode(_ ms: Int64, completion: Bool) -> Word
        /// The smallest and largest words `encode` gives, when known
        /// beforehand (the sort then skips a pass to find them).
        var range: (Word, Word)? { get }
        /// The history of a unit's times, sorted; takes the buffer (keeps
        /// it, or deallocates it).
        func history(_ sorted: UnsafeMutableBufferPointer<Word>) -> History
    }

    /// Whole seconds in 4 bytes: `(second - base) << 1 | kind`.
    struct WholeSeconds: CandidateTimes {
        let base: Int64
        let range: (UInt32, UInt32)?
        init(first: Int64, latest: Int64) {
            base = first / 1000
            range = (0, UInt32(truncatingIfNeeded: (latest / 1000 - base) << 1 | 1))
        }
        @inline(__always)
        func encode(_ ms: Int64, completion: Bool) -> UInt32 {
            UInt32(truncatingIfNeeded: (ms / 1000 - base) << 1) | (completion ? 1 : 0)
        }
        func history(_ sorted: UnsafeMutableBufferPointer<UInt32>) -> History {
            History(deferredTo: SortedSeconds(sorted, base: base))
        }
    }

    /// Any time, as the changes' `ms << 2 | kind`.
    struct Milliseconds: CandidateTimes {
        @inline(__always)
        func encode(_ ms: Int64, completion: Bool) -> Int64 { ms << 2 | (completion ? 1 : 0) }
        var range: (Int64, Int64)? { nil }
        func history(_ sorted: UnsafeMutableBufferPointer<Int64>) -> History {
            var history = History()
            EventAggregator.fold(&history, sorted)
            sorted.baseAddress?.deallocate()
            return history
        }
    }

    /// Gathers each unit's times, as `times` encodes them, into a buffer
    /// of its own (split between the shards, which gather on their own
    /// threads), sorts them where they are and makes the unit's history
    /// from them (which takes the buffer). Units go in groups of at most
    /// `historyGroupBytes` of times, a pass over the candidates a group: one
    /// pass for a national log's ten million 4-byte times.
    private func historiesFromCandidates<Times: CandidateTimes>(_ times: Times) {
        typealias T = Times.Word
        let counters = shards
        let n = units.count
        let totals = (0..<n).map { u in counters.reduce(0) { $0 + $1.registered[u] + $1.completed[u] } }
        var groups: [[Int]] = [[]]
        var inGroup = 0
        for u in 0..<n where totals[u] > 0 {
            if inGroup > 0, (inGroup + totals[u]) * MemoryLayout<T>.stride > EventAggregator.historyGroupBytes {
                groups.append([])
                inGroup = 0
            }
            groups[groups.count - 1].append(u)
            inGroup += totals[u]
        }
        let threads = eventsCounted >= parallelFoldDeltas ? shards.count : 1
        let buffers = UnsafeMutableBufferPointer<UnsafeMutablePointer<T>>.allocate(capacity: max(1, n))
        defer { buffers.deallocate() }
        let wanted = UnsafeMutableBufferPointer<Bool>.allocate(capacity: max(1, n))
        defer { wanted.deallocate() }
        // Each thread's radix sort works in one buffer, as large as its largest unit needs.
        let largest = totals.max() ?? 0
        for group in groups where !group.isEmpty {
            wanted.initialize(repeating: false)
            // Each shard's part of a unit's buffer starts where the shards before it end.
            var cursors = [[Int]](repeating: [Int](repeating: 0, count: n), count: counters.count)
            for u in group {
                wanted[u] = true
                buffers[u] = .allocate(capacity: totals[u])
                var at = 0
                for (k, shard) in counters.enumerated() {
                    cursors[k][u] = at
                    at += shard.registered[u] + shard.completed[u]
                }
            }
            let shared = Unchecked((buffers, wanted))
            let shardCursors = cursors
            runAll(counters.count, parallel: counters.count > 1) { k in
                var cursor = shardCursors[k]
                cursor.withUnsafeMutableBufferPointer {
                    counters[k].collectFirstTimes(
                        of: UnsafeBufferPointer(shared.value.1), into: UnsafeBufferPointer(shared.value.0), at: $0,
                        times)
                }
            }
            histories.withUnsafeMutableBufferPointer { all in
                let out = Unchecked(all)
                runAll(threads, parallel: threads > 1) { t in
                    let scratch = UnsafeMutablePointer<T>.allocate(capacity: largest)
                    defer { scratch.deallocate() }
                    for k in stride(from: t, to: group.count, by: threads) {
                        let u = group[k]
                        let unitTimes = UnsafeMutableBufferPointer(start: shared.value.0[u], count: totals[u])
                        if let (lo, hi) = times.range {
                            RadixSort.sort(unitTimes, from: lo, to: hi, scratch: scratch)
                        } else {
                            RadixSort.sort(unitTimes)
                        }
                        out.value[u] = times.history(unitTimes)
                    }
                }
            }
        }
    }

    /// The history that folding these changes into an empty one gives:
    /// `sortedSeconds` are `(second - base) << 1 | kind`, ascending, each a
    /// +1 (registered, or completed), so every second present is an
    /// observation. Made a few thousand observations at a time.
    static func history(sortedSeconds s: UnsafeBufferPointer<UInt32>, base: Int64) -> History {
        var history = History()
        withUnsafeTemporaryAllocation(of: Observation.self, capacity: 4096) { chunk in
            var r = 0, c = 0, i = 0, k = 0
            let n = s.count
            while i < n {
                let second = s[i] >> 1
                // Kinds are mixed at random: counted without a branch on them.
                repeat {
                    let kind = Int(s[i] & 1)
                    c += kind
                    r += 1 - kind
                    i += 1
                } while i < n && s[i] >> 1 == second
                chunk[k] = Observation(
                    time: Timestamp(milliseconds: (base + Int64(second)) * 1000), registered: r, completed: c)
                k += 1
                if k == chunk.count || i == n {
                    history.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<k]))
                    k = 0
                }
            }
        }
        return history
    }
}

/// A unit's history after a cold read whose times are whole seconds, as its
/// candidates' first registration and completion times, sorted (`(second -
/// base) << 1 | kind`; the buffer is its own). Its value at a moment is the
/// times at or before it, split by kind: a binary search, then the
/// completions counted from a tally kept every 64 times. The observations
/// (one a second present) are made only if asked for.
///
/// `@unchecked Sendable`: never changed after `init`.
final class SortedSeconds: HistorySource, @unchecked Sendable {
    private let times: UnsafeMutableBufferPointer<UInt32>
    private let base: Int64
    let count: Int
    /// Completions among `times[..<64 k]`, for every k.
    private let completionsBefore: [Int32]

    init(_ times: UnsafeMutableBufferPointer<UInt32>, base: Int64) {
        self.times = times
        self.base = base
        // Eight times to a vector: the completions (the low bits), 64 times
        // at a time, and the times whose second differs from the one before
        // (each starts a new second, as the first time does).
        let n = times.count
        var before: [Int32] = []
        before.reserveCapacity(n / 64 + 2)
        var completions = 0, changes = 0
        if let p = UnsafeRawPointer(times.baseAddress) {
            func vector(_ i: Int) -> SIMD8<UInt32> {
                p.loadUnaligned(fromByteOffset: i * MemoryLayout<UInt32>.stride, as: SIMD8<UInt32>.self)
            }
            var i = 0
            while i + 64 <= n {
                before.append(Int32(truncatingIfNeeded: completions))
                var kinds = SIMD8<UInt32>()
                for k in 0..<8 { kinds &+= vector(i + 8 * k) & 1 }
                completions &+= Int(kinds.wrappedSum())
                i += 64
            }
            if i < n { before.append(Int32(truncatingIfNeeded: completions)) }
            for j in i..<n { completions &+= Int(times[j] & 1) }
            var j = 1
            var changed = SIMD8<UInt32>()
            while j + 8 <= n {
                let differ = vector(j) &>> 1 .!= vector(j - 1) &>> 1
                changed &+= SIMD8<UInt32>().replacing(with: 1, where: differ)
                j += 8
            }
            changes = Int(changed.wrappedSum())
            while j < n {
                changes &+= times[j] >> 1 != times[j - 1] >> 1 ? 1 : 0
                j += 1
            }
        }
        before.append(Int32(truncatingIfNeeded: completions))
        count = n == 0 ? 0 : changes + 1
        completionsBefore = before
    }

    deinit { times.baseAddress?.deallocate() }

    /// How many times are at or before second `relative` (after `base`).
    private func through(_ relative: Int64) -> Int {
        guard relative >= 0 else { return 0 }
        guard relative < Int64(UInt32.max >> 1) else { return times.count }
        let key = UInt32(relative) << 1 | 1
        var lo = 0, hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] <= key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private func counts(_ n: Int) -> (registered: Int, completed: Int) {
        var completed = Int(completionsBefore[n >> 6])
        for i in (n & ~63)..<n { completed &+= Int(times[i] & 1) }
        return (n - completed, completed)
    }

    func value(at time: Timestamp) -> (registered: Int, completed: Int) {
        // Observations are at whole seconds: those at or before the second `time` is in.
        return counts(through(time.milliseconds.floorDiv(1000) - base))
    }

    private func observation(atSecond relative: UInt32) -> Observation {
        let (r, c) = counts(through(Int64(relative)))
        return Observation(time: Timestamp(milliseconds: (base + Int64(relative)) * 1000), registered: r, completed: c)
    }

    var first: Observation? { times.isEmpty ? nil : observation(atSecond: times[0] >> 1) }
    var last: Observation? { times.isEmpty ? nil : observation(atSecond: times[times.count - 1] >> 1) }

    func make() -> History {
        EventAggregator.history(sortedSeconds: UnsafeBufferPointer(times), base: base)
    }
}
