/// Sorting the event log's time-stamped changes (`ms << 2 | kind`, or the
/// compact `second << 1 | kind` of a cold read's histories) in linear time:
/// a least-significant-digit radix sort over the values' range, 11 bits a
/// pass (three passes cover 2^33 ms, about 99 days). A comparison sort of
/// ten million changes took a quarter of a cold read.
enum RadixSort {
    /// Below this many values, the standard library's sort is as quick.
    static let threshold = 512
    static let digitBits = 11

    /// Sorts `values` ascending.
    static func sort<T: FixedWidthInteger>(_ values: UnsafeMutableBufferPointer<T>) {
        guard values.count >= threshold else {
            var small = values
            small.sort()
            return
        }
        var lo = T.max, hi = T.min
        for v in values {
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        sort(values, from: lo, to: hi)
    }

    /// Sorts `values`, every one of which is in `lo...hi` (a caller that
    /// knows the range saves a pass over them), in `scratch` (room for as
    /// many values) when given: a caller sorting many lists reuses one.
    static func sort<T: FixedWidthInteger>(
        _ values: UnsafeMutableBufferPointer<T>, from lo: T, to hi: T, scratch: UnsafeMutablePointer<T>? = nil
    ) {
        let n = values.count
        guard n >= threshold, let base = values.baseAddress else {
            var small = values
            small.sort()
            return
        }
        // Offsets from the smallest: unsigned, and as few digits as the range needs.
        let range = UInt64(truncatingIfNeeded: hi &- lo)
        let bits = 64 - range.leadingZeroBitCount
        guard bits > 0 else { return }
        let radix = 1 << digitBits, mask = UInt64(radix - 1)
        let passes = (bits + digitBits - 1) / digitBits
        let other = scratch ?? UnsafeMutablePointer<T>.allocate(capacity: n)
        defer { if scratch == nil { other.deallocate() } }
        // Every pass's counts in one sweep over the values.
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: radix * passes)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0, count: radix * passes)
        for i in 0..<n {
            let offset = UInt64(truncatingIfNeeded: base[i] &- lo)
            for pass in 0..<passes { counts[pass * radix + Int((offset >> UInt64(pass * digitBits)) & mask)] += 1 }
        }
        var from = base, to = other
        for pass in 0..<passes {
            let shift = UInt64(pass * digitBits)
            let start = counts + pass * radix
            var sum = 0
            for d in 0..<radix {
                let c = start[d]
                start[d] = sum
                sum += c
            }
            for i in 0..<n {
                let v = from[i]
                let d = Int((UInt64(truncatingIfNeeded: v &- lo) >> shift) & mask)
                to[start[d]] = v
                start[d] += 1
            }
            swap(&from, &to)
        }
        if from != base { base.update(from: from, count: n) }
    }
}
