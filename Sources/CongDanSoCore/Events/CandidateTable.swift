import CPrefetch

/// What the event log knows about one candidate, in 24 bytes: its key, the
/// unit it counts toward, and when it first registered and first completed.
struct CandidateRecord {
    /// The id in one word (see `CandidateTable.compact`), or `general` and
    /// the index of its two key words in the table's side arrays.
    var key: UInt64
    /// Earliest event of any kind (a completion implies a registration).
    var registeredAt: Int64
    /// The earliest completion, as milliseconds after `registeredAt` plus
    /// one; 0 when none yet, `UInt32.max` when it is too far after (then
    /// it is in `CandidateTable.lateCompletions`). Read and set it through
    /// the table (`completedAt`, `setCompletedAt`, `setRegisteredAt`).
    var completedOffset: UInt32
    /// Index of the unit of the candidate's first event (in file order).
    var unit: Int32

    static let never = Int64.max
}

/// Distinct candidates by id, for tens of millions of events: an
/// open-addressing hash table with linear probing over raw memory.
///
/// Ids are told apart exactly, never by a hash alone. An id of up to 15 bytes
/// is first put in two 64-bit words (the length in the top byte). The usual
/// shapes then fit one word (`compact`): up to 7 bytes as they are; 8 to 14
/// lowercase hexadecimal digits (`f4c6568d`); a capital letter and up to 14
/// decimal digits (`C00000000`). Any other id keeps its two words in side
/// arrays, the record holding their index. Longer ids (UUIDs) are hashed to
/// 64 bits and their bytes kept in an arena, so a hash collision is caught by
/// comparing the bytes.
///
/// Memory: 4 bytes a slot (a record index in the low `indexBits`, as many
/// as the record capacity needs, and the hash's bits above as a tag, so most
/// probes need not look at a record; at most 3/4 full) plus a 24-byte record
/// a candidate, and 16 more for an id of no usual shape: about 200 MB for 6.7
/// million candidates when the expected count was right (the tables grow
/// when it was not).
final class CandidateTable {
    private(set) var slots: UnsafeMutablePointer<UInt32>
    private var slotBuffer: ZeroedMemory
    /// Slots: any size (not only powers of two), so that the table is no
    /// larger than its load needs; a key's first slot is `home(h)`.
    private(set) var capacity: Int
    private(set) var records: UnsafeMutablePointer<CandidateRecord>
    private var recordBuffer: ZeroedMemory
    private(set) var recordCapacity: Int
    /// A slot holds a record's index plus one in its low `indexBits`
    /// (enough for `recordCapacity`); the bits above are the tag.
    private var indexMask: UInt32 = 0
    private(set) var count = 0
    /// Changes whenever the slots are laid out anew (a rehash).
    private(set) var layout = 0
    /// Bytes of ids longer than 15 bytes: a 32-bit length, then the bytes.
    private var arena: [UInt8] = []
    /// The key words of ids of no usual shape (`general` records).
    private var sideK0: [UInt64] = []
    private var sideK1: [UInt64] = []
    /// Completions more than about 49 days after their registration, by record.
    private var lateCompletions: [Int: Int64] = [:]

    static let longFlag: UInt64 = 0xFF << 56
    /// A record's key that is an index into the side arrays.
    static let general: UInt64 = 1 << 63

    /// `arena`: where the first slots and records go (a shard's tables share one).
    init(expected: Int = 1024, arena: ZeroedArena? = nil) {
        let (recordCount, cap) = CandidateTable.sizes(expected: expected)
        capacity = cap
        slotBuffer = arena?.take(cap * 4) ?? ZeroedMemory(bytes: cap * 4)
        slots = slotBuffer.base.bindMemory(to: UInt32.self, capacity: cap)
        recordCapacity = recordCount
        indexMask = CandidateTable.mask(for: recordCapacity)
        let recordBytes = recordCapacity * MemoryLayout<CandidateRecord>.stride
        recordBuffer = arena?.take(recordBytes) ?? ZeroedMemory(bytes: recordBytes)
        records = recordBuffer.base.bindMemory(to: CandidateRecord.self, capacity: recordCapacity)
    }

    deinit {
        slotBuffer.free()
        recordBuffer.free()
    }

    /// Records and slots for about `expected` candidates: a few more
    /// records than expected (one table of many, a bucket of a shard, holds
    /// about `expected`, give or take the hash's spread), slots at most 3/4 full.
    private static func sizes(expected: Int) -> (records: Int, slots: Int) {
        let recordCount = max(64, expected + expected / 16)
        return (recordCount, recordCount * 4 / 3 + 1)
    }

    /// The bytes of a new table's slots and records, as `ZeroedArena` slices.
    static func arenaSlices(expected: Int) -> [Int] {
        let (records, slots) = sizes(expected: expected)
        return [slots * 4, records * MemoryLayout<CandidateRecord>.stride]
    }

    /// Bytes of memory held (slots, records, arena, side arrays), for the benchmark.
    var memoryBytes: Int {
        capacity * 4 + recordCapacity * MemoryLayout<CandidateRecord>.stride + arena.capacity
            + (sideK0.capacity + sideK1.capacity) * 8 + lateCompletions.capacity * 16
    }

    /// Record `r`'s earliest completion (`CandidateRecord.never` when none).
    @inline(__always)
    func completedAt(_ r: Int) -> Int64 { completedAt(r, record: records[r]) }

    /// The same, from the record as already read.
    @inline(__always)
    func completedAt(_ r: Int, record: CandidateRecord) -> Int64 {
        let o = record.completedOffset
        if o == 0 { return CandidateRecord.never }
        if o != UInt32.max { return record.registeredAt &+ Int64(o &- 1) }
        return lateCompletion(r)
    }

    // The dictionary of late completions out of line: its code would keep
    // the counting loops from inlining what calls these (seldom used).
    @inline(never)
    private func lateCompletion(_ r: Int) -> Int64 { lateCompletions[r] ?? CandidateRecord.never }
    @inline(never)
    private func setLateCompletion(_ r: Int, _ ms: Int64?) { lateCompletions[r] = ms }

    /// Sets record `r`'s earliest completion (`CandidateRecord.never`: none).
    @inline(__always)
    func setCompletedAt(_ r: Int, _ ms: Int64) {
        let wasLate = records[r].completedOffset == UInt32.max
        let (d, overflow) = ms.subtractingReportingOverflow(records[r].registeredAt)
        if ms == CandidateRecord.never {
            records[r].completedOffset = 0
        } else if !overflow, d >= 0, d < Int64(UInt32.max) - 1 {
            records[r].completedOffset = UInt32(d) &+ 1
        } else {
            records[r].completedOffset = UInt32.max
            setLateCompletion(r, ms)
            return
        }
        if wasLate { setLateCompletion(r, nil) }
    }

    /// Sets record `r`'s earliest registration, keeping its completion
    /// (seldom: an event earlier than one counted before).
    @inline(never)
    func setRegisteredAt(_ r: Int, _ ms: Int64) {
        let c = completedAt(r)
        records[r].registeredAt = ms
        if c != CandidateRecord.never { setCompletedAt(r, c) }
    }

    @inline(__always)
    static func hash(_ k0: UInt64, _ k1: UInt64) -> UInt64 {
        var h = (k0 &* 0x9E37_79B9_7F4A_7C15) ^ (k1 &* 0xC2B2_AE3D_27D4_EB4F)
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 29
        return h
    }

    /// The hash of an id with a one-word key (`compact`): the same bits
    /// whatever the id's bytes were, so a record's hash comes back from its
    /// key alone (when rehashing, or counting deferred events).
    @inline(__always)
    static func hash(compact k: UInt64) -> UInt64 {
        var h = k &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 29
        return h
    }

    /// An id's one-word key (or `general`) and its hash.
    @inline(__always)
    static func compactAndHash(_ k0: UInt64, _ k1: UInt64) -> (UInt64, UInt64) {
        let ck = compact(k0, k1)
        return (ck, ck & general == 0 ? hash(compact: ck) : hash(k0, k1))
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
        let (ck, h) = CandidateTable.compactAndHash(k0, k1)
        return findOrInsert(p, n, k0: k0, k1: k1, compact: ck, h: h, inserted: &inserted)
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

    /// Byte `i` of an id of up to 15 bytes, from its key words.
    @inline(__always)
    private static func byte(_ k0: UInt64, _ k1: UInt64, _ i: Int) -> UInt64 {
        i < 8 ? (k0 >> UInt64(i * 8)) & 0xFF : (k1 >> UInt64((i - 8) * 8)) & 0xFF
    }

    /// The id in one word when it has a usual shape (the top byte says which,
    /// and the length): up to 7 bytes (top byte 0–7, the bytes themselves);
    /// 8–14 lowercase hexadecimal digits (0x10–0x16, the digits' value); a
    /// capital letter and decimal digits, 8–15 bytes in all (0x48–0x4F, the
    /// letter in bits 48–52, the digits' value below). Different ids never
    /// share a word (each shape keeps its length), and an id has one shape
    /// only. `general` (top bit set) otherwise.
    @inline(__always)
    static func compact(_ k0: UInt64, _ k1: UInt64) -> UInt64 {
        let n = Int(k1 >> 56)
        if n <= 7 { return k0 | UInt64(n) << 56 }
        if n == 9 {
            // The usual `C00000000` first, in a few operations: a capital
            // letter, then eight bytes whose high nibble is 3 and stays 3
            // when 6 is added (0x30–0x39). Its word is the one below.
            let first = k0 & 0xFF, digits = k0 >> 8 | k1 << 56
            let nibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0, threes: UInt64 = 0x3030_3030_3030_3030
            if first &- 65 < 26, digits & nibbles == threes, (digits &+ 0x0606_0606_0606_0606) & nibbles == threes {
                return UInt64(0x40 + 9) << 56 | (first - 65) << 48 | eightDigits(digits)
            }
        }
        if n > 15 { return general }
        // Eight bytes at a time: which bytes are digits, which a–f (ASCII only).
        let m = n - 8
        let hi = k1 & ((1 << UInt64(8 * m)) &- 1)
        let lowMask: UInt64 = 0x8080_8080_8080_8080
        let hiMask = lowMask & ((1 << UInt64(8 * m)) &- 1)
        guard (k0 | hi) & lowMask == 0 else { return general }
        let (digit0, alpha0) = classes(k0)
        let (digit1, alpha1) = classes(hi)
        if n <= 14, (digit0 | alpha0) == lowMask, (digit1 | alpha1) & hiMask == hiMask {
            // Hexadecimal: each byte's value is its low four bits, plus 9 for a–f.
            let n0 = (k0 & 0x0F0F_0F0F_0F0F_0F0F) &+ (alpha0 >> 7) &* 9
            let n1 = (hi & 0x0F0F_0F0F_0F0F_0F0F) &+ ((alpha1 & hiMask) >> 7) &* 9
            var v: UInt64 = 0
            for i in 0..<8 { v = v << 4 | (n0 >> UInt64(8 * i)) & 0xF }
            for i in 0..<m { v = v << 4 | (n1 >> UInt64(8 * i)) & 0xF }
            return UInt64(0x10 + m) << 56 | v
        }
        // A capital letter, then decimal digits.
        let first = k0 & 0xFF
        guard first &- 65 < 26, digit0 | 0x80 == lowMask, digit1 & hiMask == hiMask else { return general }
        var v: UInt64 = 0
        if n == 9 {
            // The usual `C00000000`: eight digits at once (the known SWAR
            // method: pairs, then fours, then all eight, by multiplying).
            v = eightDigits(k0 >> 8 | hi << 56)
        } else {
            for i in 1..<8 { v = v &* 10 &+ ((k0 >> UInt64(8 * i)) & 0xF) }
            for i in 0..<m { v = v &* 10 &+ ((hi >> UInt64(8 * i)) & 0xF) }
        }
        return UInt64(0x40 + n) << 56 | (first - 65) << 48 | v
    }

    /// The value of eight ASCII decimal digits, the first in the lowest byte.
    @inline(__always)
    static func eightDigits(_ word: UInt64) -> UInt64 {
        var v = word &- 0x3030_3030_3030_3030
        v = v &* 10 &+ (v >> 8)
        let mask: UInt64 = 0x0000_00FF_0000_00FF
        return ((v & mask) &* 0x000F_4240_0000_0064 &+ ((v >> 16) & mask) &* 0x0000_2710_0000_0001) >> 32
    }

    /// For each byte of `x` (all below 0x80): its top bit set in `digit`
    /// when it is 0–9, in `alpha` when it is a–f.
    @inline(__always)
    private static func classes(_ x: UInt64) -> (digit: UInt64, alpha: UInt64) {
        let h: UInt64 = 0x8080_8080_8080_8080, l: UInt64 = 0x0101_0101_0101_0101
        // Every byte of y is at least 0x80, so no subtraction below borrows across bytes.
        let y = x | h
        let ge30 = (y &- 0x30 &* l) & h, ge3A = (y &- 0x3A &* l) & h
        let ge61 = (y &- 0x61 &* l) & h, ge67 = (y &- 0x67 &* l) & h
        return (ge30 & ~ge3A, ge61 & ~ge67)
    }

    /// The key words of a compact key (the inverse of `compact`; the tests
    /// use it to show that different ids never share a one-word key).
    static func words(_ key: UInt64) -> (UInt64, UInt64) {
        let top = Int(key >> 56)
        if top <= 7 { return (key & 0x00FF_FFFF_FFFF_FFFF, UInt64(top) << 56) }
        var bytes = [UInt8](repeating: 0, count: 16)
        let n: Int
        if top < 0x40 {
            n = top - 0x10 + 8
            var v = key & 0x00FF_FFFF_FFFF_FFFF
            for i in stride(from: n - 1, through: 0, by: -1) {
                let d = UInt8(v & 0xF)
                bytes[i] = d < 10 ? 48 + d : 87 + d
                v >>= 4
            }
        } else {
            n = top - 0x40
            bytes[0] = 65 + UInt8((key >> 48) & 0x1F)
            var v = key & 0x0000_FFFF_FFFF_FFFF
            for i in stride(from: n - 1, through: 1, by: -1) {
                bytes[i] = 48 + UInt8(v % 10)
                v /= 10
            }
        }
        return bytes.withUnsafeBufferPointer { CandidateTable.key($0.baseAddress!, n) }
    }

    /// The index bits for records `0..<capacity` (stored plus one).
    static func mask(for capacity: Int) -> UInt32 {
        precondition(capacity < Int(UInt32.max), "more than 4 billion candidates in one shard")
        let bits = UInt32.bitWidth - UInt32(capacity).leadingZeroBitCount
        return bits >= 32 ? UInt32.max : (1 << UInt32(bits)) &- 1
    }

    /// A key's tag in a slot: bits of the hash's low half above the index.
    @inline(__always)
    func tag(_ h: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: h) & ~indexMask }

    /// A key's first slot: the hash, mixed once more, scaled to the
    /// capacity. The mixing matters when the table is one bucket of many:
    /// all its keys share the bits that chose the bucket, and the multiply
    /// spreads the bits that differ over the whole range.
    @inline(__always)
    func home(_ h: UInt64) -> Int {
        Int(truncatingIfNeeded: (h &* 0xFF51_AFD7_ED55_8CCD).multipliedFullWidth(by: UInt64(capacity)).high)
    }

    /// Asks the CPU for the slot where a key's probe starts, ahead of need.
    @inline(__always)
    func prefetchSlot(_ h: UInt64) {
        cds_prefetch(slots + home(h))
    }

    /// Reads every slot's cache line, in order (the hardware streams them
    /// in far faster than lookups would fetch them one miss at a time): a
    /// bucket's table about to take many lookups. Returns a value to keep.
    /// An empty table's slots are written instead, a zero a page: fresh
    /// mapped memory read first is mapped to the zero page, and the first
    /// insert then takes a second fault (and the TLB shootdown) to copy it.
    @inline(__always)
    func touchSlots() -> UInt32 {
        var sum: UInt32 = 0
        var i = 0
        if count == 0 {
            while i < capacity {
                slots[i] = 0
                i += 1024
            }
            return 0
        }
        while i < capacity {
            sum &+= slots[i]
            i += 16
        }
        return sum
    }

    /// Asks for record `r`.
    @inline(__always)
    func prefetchRecord(index r: Int) { cds_prefetch(records + r) }

    /// Asks for the record the key's first slot points to, when its tag
    /// matches (the slot itself was asked for earlier, so reading it now
    /// seldom waits). A hint only: a wrong guess costs one useless fetch.
    @inline(__always)
    func prefetchRecord(_ h: UInt64) {
        let s = slots[home(h)]
        let index = s & indexMask
        guard index != 0, s & ~indexMask == tag(h) else { return }
        cds_prefetch(records + Int(index) - 1)
    }

    @inline(__always)
    func findOrInsert(
        _ p: UnsafePointer<UInt8>, _ n: Int, k0: UInt64, k1 inputK1: UInt64, compact ck: UInt64, h: UInt64,
        inserted: inout Bool
    ) -> Int {
        if ck & CandidateTable.general == 0 { return findOrInsert(compact: ck, h: h, inserted: &inserted) }
        var k1 = inputK1
        let long = n > 15
        // Room for one more record first: growing the records can change the slots' layout.
        if count == recordCapacity { growRecords() }
        let (found, i) = probe(h) { r in
            let key = records[r].key
            guard key & CandidateTable.general != 0 else { return false }
            let x = Int(truncatingIfNeeded: key & ~CandidateTable.general)
            guard sideK0[x] == k0 else { return false }
            return long
                ? arenaEquals(Int(truncatingIfNeeded: sideK1[x] & 0x00FF_FFFF_FFFF_FFFF), p, n) : sideK1[x] == k1
        }
        if found >= 0 { inserted = false; return found }
        // New candidate, of no usual shape: its key words in the side arrays.
        if long {
            let offset = arena.count
            var len = UInt32(n)
            withUnsafeBytes(of: &len) { arena.append(contentsOf: $0) }
            arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
            k1 = CandidateTable.longFlag | UInt64(offset)
        }
        let key = CandidateTable.general | UInt64(sideK0.count)
        sideK0.append(k0)
        sideK1.append(k1)
        inserted = true
        return insert(key, slot: i, tag: tag(h))
    }

    /// The index of the candidate with this one-word key (never `general`),
    /// inserting an empty record when it is new: deferred events have no bytes.
    @inline(__always)
    func findOrInsert(compact ck: UInt64, h: UInt64, inserted: inout Bool) -> Int {
        if count == recordCapacity { growRecords() }
        let (found, i) = probe(h) { records[$0].key == ck }
        if found >= 0 { inserted = false; return found }
        inserted = true
        return insert(ck, slot: i, tag: tag(h))
    }

    /// The record of the key with this one-word key and hash, guessed from
    /// the slots alone (no record read): the first slot on its probe whose
    /// tag matches, or, when none does, a record made for it now, with
    /// `unit` −1 until its first event is counted (`isUncounted`). A guess
    /// may be another key's record with the same tag: the caller checks
    /// the key. While `layout` stays the same (no slot moved), every guess
    /// for one key gives the same record.
    @inline(__always)
    func guess(compact ck: UInt64, h: UInt64) -> Int {
        if count == recordCapacity { growRecords() }
        let (found, i) = probe(h) { _ in true }
        if found >= 0 { return found }
        let r = insert(ck, slot: i, tag: tag(h))
        records[r].unit = -1
        return r
    }

    /// A record made by `guess` whose candidate has no event counted yet.
    @inline(__always)
    func isUncounted(_ r: Int) -> Bool { records[r].unit < 0 }

    /// Linear probing from the key's home: the record `matches` accepts
    /// (only records whose slot tag is the key's are asked), or -1 and the
    /// free slot where the key would go.
    @inline(__always)
    private func probe(_ h: UInt64, _ matches: (Int) -> Bool) -> (record: Int, slot: Int) {
        let mask = indexMask
        let tag = self.tag(h)
        var i = home(h)
        while true {
            let s = slots[i]
            if s == 0 { return (-1, i) }
            if s & ~mask == tag, matches(Int(s & mask) - 1) { return (Int(s & mask) - 1, i) }
            i += 1
            if i == capacity { i = 0 }
        }
    }

    /// A new, empty record for `key` in free slot `i` (room was made before the probe).
    @inline(__always)
    private func insert(_ key: UInt64, slot i: Int, tag: UInt32) -> Int {
        let r = count
        (records + r).initialize(to: CandidateRecord(key: key, registeredAt: 0, completedOffset: 0, unit: 0))
        count += 1
        slots[i] = tag | UInt32(r + 1)
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
        let newCapacity = recordCapacity + max(recordCapacity / 2, 64)
        let buffer = ZeroedMemory(bytes: newCapacity * MemoryLayout<CandidateRecord>.stride)
        let grown = buffer.base.bindMemory(to: CandidateRecord.self, capacity: newCapacity)
        grown.moveInitialize(from: records, count: count)
        recordBuffer.free()
        recordBuffer = buffer
        records = grown
        recordCapacity = newCapacity
        let mask = CandidateTable.mask(for: newCapacity)
        if mask != indexMask {
            indexMask = mask
            rehash(to: capacity)  // the tags are narrower now
        }
    }

    /// The hash of record `r`'s id (as `hash(key(id))` gave it).
    private func recordHash(_ r: Int) -> UInt64 {
        let key = records[r].key
        if key & CandidateTable.general == 0 { return CandidateTable.hash(compact: key) }
        let x = Int(truncatingIfNeeded: key & ~CandidateTable.general)
        let k1 = sideK1[x]
        return CandidateTable.hash(
            sideK0[x], k1 & 0xFF00_0000_0000_0000 == CandidateTable.longFlag ? CandidateTable.longFlag : k1)
    }

    private func rehash(to newCapacity: Int? = nil) {
        layout &+= 1
        let newCapacity = newCapacity ?? capacity * 2
        slotBuffer.free()
        capacity = newCapacity
        slotBuffer = ZeroedMemory(bytes: newCapacity * 4)
        slots = slotBuffer.base.bindMemory(to: UInt32.self, capacity: newCapacity)
        for r in 0..<count {
            let h = recordHash(r)
            var i = home(h)
            while slots[i] != 0 {
                i += 1
                if i == newCapacity { i = 0 }
            }
            slots[i] = tag(h) | UInt32(r + 1)
        }
    }

    /// Forgets every candidate (the log was truncated or replaced).
    func removeAll() {
        slots.update(repeating: 0, count: capacity)
        count = 0
        arena.removeAll(keepingCapacity: true)
        sideK0.removeAll(keepingCapacity: true)
        sideK1.removeAll(keepingCapacity: true)
        lateCompletions.removeAll()
    }
}
