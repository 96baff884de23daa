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
    private let mapped: Bool
    static let mappedBytes = 64 << 10

    init(bytes: Int) {
        let size = max(bytes, 1)
        self.bytes = size
        #if canImport(Glibc)
            if size >= ZeroedMemory.mappedBytes,
                let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED
            {
                base = p
                mapped = true
                return
            }
        #endif
        base = calloc(1, size)!
        mapped = false
    }

    func free() {
        #if canImport(Glibc)
            if mapped { munmap(base, bytes); return }
            Glibc.free(base)
        #elseif canImport(Darwin)
            Darwin.free(base)
        #endif
    }
}
