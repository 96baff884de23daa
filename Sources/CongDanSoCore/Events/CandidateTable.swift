#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Zeroed memory for large tables, backed by transparent huge pages where
/// the system allows (`madvise`): random lookups over hundreds of MB then
/// miss the TLB far less. Pages are only committed when touched.
struct HugeBuffer {
    let base: UnsafeMutableRawPointer
    let bytes: Int

    init(bytes: Int) {
        let size = max(bytes, 1)
        self.bytes = size
        #if canImport(Glibc)
            if size >= 4 << 20, let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                p != MAP_FAILED
            {
                _ = madvise(p, size, 14)  // MADV_HUGEPAGE
                base = p
                return
            }
        #endif
        base = calloc(1, size)!
    }

    func free() {
        #if canImport(Glibc)
            if bytes >= 4 << 20 { munmap(base, bytes); return }
            Glibc.free(base)
        #elseif canImport(Darwin)
            Darwin.free(base)
        #endif
    }
}

/// What the event log knows about one candidate: the unit it counts toward
/// and when it first registered and first completed.
struct CandidateRecord {
    /// The id's key (see `CandidateTable.key`).
    var k0: UInt64
    var k1: UInt64
    /// Earliest event of any kind (a completion implies a registration).
    var registeredAt: Int64
    /// Earliest completion; `CandidateRecord.never` when none yet.
    var completedAt: Int64
    /// Index of the unit of the candidate's first event (in file order).
    var unit: Int32

    static let never = Int64.max
}

/// Distinct candidates by id, for tens of millions of events: an
/// open-addressing hash table with linear probing over raw memory.
///
/// Ids of up to 15 bytes are stored exactly in two 64-bit words (the length
/// in the top byte), so two different ids can never be taken for one. Longer
/// ids (UUIDs) are hashed to 64 bits and their bytes kept in an arena, so a
/// hash collision is caught by comparing the bytes.
///
/// Memory: 8 bytes a slot (a 32-bit tag and a record index; at most 3/4
/// full) plus 40 bytes a candidate: about 340 MB for 6.7 million candidates
/// when the expected count was right (the tables grow when it was not).
final class CandidateTable {
    private(set) var slots: UnsafeMutablePointer<UInt64>
    private var slotBuffer: HugeBuffer
    /// Slots: any size (not only powers of two), so that the table is no
    /// larger than its load needs; a key's first slot is `home(h)`.
    private(set) var capacity: Int
    private(set) var records: UnsafeMutablePointer<CandidateRecord>
    private var recordBuffer: HugeBuffer
    private(set) var recordCapacity: Int
    private(set) var count = 0
    /// Bytes of ids longer than 15 bytes: a 32-bit length, then the bytes.
    private var arena: [UInt8] = []

    static let longFlag: UInt64 = 0xFF << 56

    init(expected: Int = 1024) {
        let cap = max(1024, max(expected, 1) * 4 / 3 + 1)
        capacity = cap
        slotBuffer = HugeBuffer(bytes: cap * 8)
        slots = slotBuffer.base.bindMemory(to: UInt64.self, capacity: cap)
        recordCapacity = max(1024, expected)
        recordBuffer = HugeBuffer(bytes: recordCapacity * MemoryLayout<CandidateRecord>.stride)
        records = recordBuffer.base.bindMemory(to: CandidateRecord.self, capacity: recordCapacity)
    }

    deinit {
        slotBuffer.free()
        recordBuffer.free()
    }

    /// Bytes of memory held (slots, records, arena), for the benchmark.
    var memoryBytes: Int { capacity * 8 + recordCapacity * MemoryLayout<CandidateRecord>.stride + arena.capacity }

    @inline(__always)
    static func hash(_ k0: UInt64, _ k1: UInt64) -> UInt64 {
        var h = (k0 &* 0x9E37_79B9_7F4A_7C15) ^ (k1 &* 0xC2B2_AE3D_27D4_EB4F)
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 29
        return h
    }

    /// FNV-1a over the bytes, then mixed (for long ids only).
    @inline(__always)
    static func longHash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in 0..<n { h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// The index of the candidate with this id, inserting a record made by
    /// `make` when it is new. `inserted` tells which happened.
    @inline(__always)
    func findOrInsert(_ p: UnsafePointer<UInt8>, _ n: Int, inserted: inout Bool) -> Int {
        let (k0, k1) = CandidateTable.key(p, n)
        return findOrInsert(p, n, k0: k0, k1: k1, h: CandidateTable.hash(k0, k1), inserted: &inserted)
    }

    /// The id's key words: exact bytes (up to 15), or a hash and the long flag.
    @inline(__always)
    static func key(_ p: UnsafePointer<UInt8>, _ n: Int) -> (UInt64, UInt64) {
        var k0: UInt64 = 0, k1: UInt64 = 0
        if n > 15 { return (CandidateTable.longHash(p, n), CandidateTable.longFlag) }
        var i = 0
        if n >= 8 {
            // The same as the loop below, eight bytes at once.
            k0 = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
            i = 8
        }
        while i < n && i < 8 { k0 |= UInt64(p[i]) << (UInt64(i) * 8); i += 1 }
        while i < n { k1 |= UInt64(p[i]) << (UInt64(i - 8) * 8); i += 1 }
        k1 |= UInt64(n) << 56
        return (k0, k1)
    }

    /// A key's first slot: the hash scaled to the capacity (its high bits
    /// decide; the low 32 are the slot's tag).
    @inline(__always)
    func home(_ h: UInt64) -> Int {
        Int(truncatingIfNeeded: h.multipliedFullWidth(by: UInt64(capacity)).high)
    }

    /// Touches the slot (and the record it points to) where a key's probe
    /// starts, so that a batch of lookups overlaps its cache misses.
    @inline(__always)
    func touch(_ h: UInt64) -> UInt64 {
        let s = slots[home(h)]
        return s
    }

    @inline(__always)
    func touchRecord(_ s: UInt64) -> UInt64 {
        guard s != 0 else { return 0 }
        return records[Int(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1].k0
    }

    @inline(__always)
    func findOrInsert(
        _ p: UnsafePointer<UInt8>, _ n: Int, k0: UInt64, k1 inputK1: UInt64, h: UInt64,
        inserted: inout Bool
    ) -> Int {
        var k1 = inputK1
        let long = n > 15
        let tag = (h & 0xFFFF_FFFF) << 32
        var i = home(h)
        while true {
            let s = slots[i]
            if s == 0 { break }
            if s & 0xFFFF_FFFF_0000_0000 == tag {
                let r = Int(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1
                let rec = records[r]
                if rec.k0 == k0 {
                    if !long {
                        if rec.k1 == k1 { inserted = false; return r }
                    } else if arenaEquals(Int(truncatingIfNeeded: rec.k1 & 0x00FF_FFFF_FFFF_FFFF), p, n) {
                        inserted = false; return r
                    }
                }
            }
            i += 1
            if i == capacity { i = 0 }
        }
        // New candidate.
        if count == recordCapacity { growRecords() }
        if long {
            let offset = arena.count
            var len = UInt32(n)
            withUnsafeBytes(of: &len) { arena.append(contentsOf: $0) }
            arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
            k1 = CandidateTable.longFlag | UInt64(offset)
        }
        let r = count
        (records + r).initialize(
            to: CandidateRecord(k0: k0, k1: k1, registeredAt: 0, completedAt: CandidateRecord.never, unit: 0))
        count += 1
        slots[i] = tag | UInt64(r + 1)
        inserted = true
        if count * 4 > capacity * 3 { rehash() }
        return r
    }

    private func arenaEquals(_ offset: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        arena.withUnsafeBufferPointer { a in
            var len: UInt32 = 0
            withUnsafeMutableBytes(of: &len) {
                $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(a)[offset..<offset + 4]))
            }
            guard Int(len) == n else { return false }
            for i in 0..<n where a[offset + 4 + i] != p[i] { return false }
            return true
        }
    }

    private func growRecords() {
        let newCapacity = recordCapacity * 2
        let buffer = HugeBuffer(bytes: newCapacity * MemoryLayout<CandidateRecord>.stride)
        let grown = buffer.base.bindMemory(to: CandidateRecord.self, capacity: newCapacity)
        grown.moveInitialize(from: records, count: count)
        recordBuffer.free()
        recordBuffer = buffer
        records = grown
        recordCapacity = newCapacity
    }

    private func rehash() {
        let newCapacity = capacity * 2
        slotBuffer.free()
        capacity = newCapacity
        slotBuffer = HugeBuffer(bytes: newCapacity * 8)
        slots = slotBuffer.base.bindMemory(to: UInt64.self, capacity: newCapacity)
        for r in 0..<count {
            let rec = records[r]
            let h = CandidateTable.hash(
                rec.k0, rec.k1 & 0xFF00_0000_0000_0000 == CandidateTable.longFlag ? CandidateTable.longFlag : rec.k1)
            var i = home(h)
            while slots[i] != 0 {
                i += 1
                if i == newCapacity { i = 0 }
            }
            slots[i] = ((h & 0xFFFF_FFFF) << 32) | UInt64(r + 1)
        }
    }

    /// Forgets every candidate (the log was truncated or replaced).
    func removeAll() {
        slots.update(repeating: 0, count: capacity)
        count = 0
        arena.removeAll(keepingCapacity: true)
    }
}
