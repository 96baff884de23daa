#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Per unit, a growable list of Int64 in raw memory (the aggregator's
/// deltas, `ms << 2 | kind`): appends without Swift's copy-on-write checks.
///
/// `@unchecked Sendable`: lists are independent, so threads may append to
/// different lists at once; one list is only ever touched by one thread.
final class DeltaLists: @unchecked Sendable {
    private let starts: UnsafeMutablePointer<UnsafeMutablePointer<Int64>?>
    private let counts: UnsafeMutablePointer<Int>
    private let capacities: UnsafeMutablePointer<Int>
    let lists: Int

    init(count: Int) {
        lists = count
        starts = .allocate(capacity: max(1, count))
        starts.initialize(repeating: nil, count: max(1, count))
        counts = .allocate(capacity: max(1, count))
        counts.initialize(repeating: 0, count: max(1, count))
        capacities = .allocate(capacity: max(1, count))
        capacities.initialize(repeating: 0, count: max(1, count))
    }

    deinit {
        for i in 0..<lists { free(starts[i]) }
        starts.deallocate(); counts.deallocate(); capacities.deallocate()
    }

    @inline(__always)
    func append(_ list: Int, _ value: Int64) {
        let n = counts[list]
        if n == capacities[list] { grow(list) }
        starts[list]![n] = value
        counts[list] = n + 1
    }

    /// Makes room for `extra` more values in one go.
    func reserve(_ list: Int, extra: Int) {
        if counts[list] + extra > capacities[list] { grow(list, atLeast: counts[list] + extra) }
    }

    private func grow(_ list: Int, atLeast needed: Int = 0) {
        let capacity = max(16, capacities[list] * 2, needed)
        let p = realloc(starts[list], capacity * MemoryLayout<Int64>.stride)!
        starts[list] = p.bindMemory(to: Int64.self, capacity: capacity)
        capacities[list] = capacity
    }

    func count(_ list: Int) -> Int { counts[list] }

    /// The list's values, valid until the next append to it.
    func buffer(_ list: Int) -> UnsafeMutableBufferPointer<Int64> {
        UnsafeMutableBufferPointer(start: starts[list], count: counts[list])
    }

    func removeAll(_ list: Int, keepingCapacity: Bool = false) {
        counts[list] = 0
        guard !keepingCapacity else { return }
        free(starts[list])
        starts[list] = nil
        capacities[list] = 0
    }
}
