#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Zeroed memory for the event log's tables, mapped from the
/// system for anything over `mappedBytes` so that pages are only committed
/// (and zeroed) when first touched: a shard's hundreds of bucket tables then
/// cost nothing to make, and their page faults fall in the threads that fill
/// them.
///
/// No transparent huge pages (`MADV_HUGEPAGE`), though they cut the page
/// faults 512-fold: on the 2-core virtual machine a cold read took 0.49 s
/// with them and 0.60 s without when run again and again, but 0.73 s with
/// them and 0.62 s without right after another process had freed its
/// memory (`python3 tools/compare_engines.py` runs Polars just before), and
/// a wall screen starts once, after whatever ran before.
struct ZeroedMemory {
    let base: UnsafeMutableRawPointer
    let bytes: Int
    private enum Source { case mapped, allocated, arena }
    private let source: Source
    static let mappedBytes = 64 << 10

    init(bytes: Int) {
        let size = max(bytes, 1)
        self.bytes = size
        #if canImport(Glibc)
            if size >= ZeroedMemory.mappedBytes,
                let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED
            {
                base = p
                source = .mapped
                return
            }
        #endif
        base = calloc(1, size)!
        source = .allocated
    }

    /// A slice of an arena's mapping: `free` leaves it to the arena.
    fileprivate init(slice base: UnsafeMutableRawPointer, bytes: Int) {
        self.base = base
        self.bytes = bytes
        source = .arena
    }

    func free() {
        switch source {
        case .arena: return
        case .mapped:
            #if canImport(Glibc)
                munmap(base, bytes)
            #endif
        case .allocated:
            #if canImport(Glibc)
                Glibc.free(base)
            #elseif canImport(Darwin)
                Darwin.free(base)
            #endif
        }
    }
}

/// One mapping cut into many `ZeroedMemory` slices: a shard's bucket
/// tables, hundreds of them and each too small to map on its own. Made
/// with `calloc`, their slots were zeroed at once (40 MB of page faults,
/// 12 ms before the first line of a 10 M-event log was read); mapped one
/// by one, they cost two thousand system calls. Slices are not freed one
/// by one: the mapping goes with the arena, which must outlive them.
final class ZeroedArena {
    private let base: UnsafeMutableRawPointer?
    private let bytes: Int
    private var used = 0

    init(bytes: Int) {
        var mapping: UnsafeMutableRawPointer? = nil
        #if canImport(Glibc)
            if bytes > 0, let p = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                p != MAP_FAILED
            {
                mapping = p
            }
        #endif
        base = mapping
        self.bytes = mapping == nil ? 0 : bytes
    }

    deinit {
        #if canImport(Glibc)
            if let base { munmap(base, bytes) }
        #endif
    }

    /// Gives the mapping's pages back to the system now (they read as
    /// zeros after): for a process about to exit (see
    /// `EventAggregator.discardTablesForExit`).
    func discard() {
        #if canImport(Glibc)
            if let base { _ = madvise(base, bytes, MADV_DONTNEED) }
        #endif
    }

    /// `bytes` zeroed bytes (cache-line aligned), or a `ZeroedMemory` of
    /// its own when the arena is used up (or could not be mapped).
    func take(_ bytes: Int) -> ZeroedMemory {
        let size = ZeroedArena.sliceSize(bytes)
        guard let base, used + size <= self.bytes else { return ZeroedMemory(bytes: bytes) }
        defer { used += size }
        return ZeroedMemory(slice: base + used, bytes: size)
    }

    /// The bytes an arena needs for slices of these sizes.
    static func bytes(for slices: [Int]) -> Int { slices.reduce(0) { $0 + sliceSize($1) } }

    /// A slice's room: cache-line aligned.
    private static func sliceSize(_ bytes: Int) -> Int { (max(bytes, 1) + 63) & ~63 }
}
