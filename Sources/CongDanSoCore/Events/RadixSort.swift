/// Sorting the event log's time-stamped changes (`ms << 2 | kind`, or the
/// compact `second << 1 | kind` of a cold read's histories) in linear time: a least-significant-digit radix sort over the values'
/// range, 11 bits a pass (three passes cover 2^33 ms, about 99 days).
/// A comparison sort of ten million changes took a quarter of a cold read.
enum RadixSort {
    /// Below this many values, the standard library's sort is as quick.
    static let threshold = 512

    /// Sorts `values` ascending.
    static func sort<T: FixedWidthInteger>(_ values: UnsafeMutableBufferPointer<T>) {
        let n = values.count
        guard n >= threshold, let base = values.baseAddress else {
            var small = values
            small.sort()
            return
        }
        var lo = T.max, hi = T.min
        for v in values {
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        // Offsets from the smallest: unsigned, and as few digits as the range needs.
        let range = UInt64(truncatingIfNeeded: hi &- lo)
        let bits = 64 - range.leadingZeroBitCount
        guard bits > 0 else { return }
        let digitBits = 11, radix = 1 << 11
        let passes = (bits + digitBits - 1) / digitBits
        let other = UnsafeMutablePointer<T>.allocate(capacity: n)
        defer { other.deallocate() }
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: radix)
        defer { counts.deallocate() }
        var from = base, to = other
        for pass in 0..<passes {
            let shift = UInt64(pass * digitBits)
            counts.initialize(repeating: 0, count: radix)
            for i in 0..<n {
                counts[Int((UInt64(truncatingIfNeeded: from[i] &- lo) >> shift) & UInt64(radix - 1))] += 1
            }
            var sum = 0
            for d in 0..<radix {
                let c = counts[d]
                counts[d] = sum
                sum += c
            }
            for i in 0..<n {
                let v = from[i]
                let d = Int((UInt64(truncatingIfNeeded: v &- lo) >> shift) & UInt64(radix - 1))
                to[counts[d]] = v
                counts[d] += 1
            }
            swap(&from, &to)
        }
        if from != base { base.update(from: from, count: n) }
    }
}
