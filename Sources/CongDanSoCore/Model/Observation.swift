/// A unit's cumulative counts at one moment.
public struct Observation: Hashable, Sendable {
    public var time: Timestamp
    public var registered: Int
    public var completed: Int

    public init(time: Timestamp, registered: Int, completed: Int) {
        self.time = time; self.registered = registered; self.completed = completed
    }
}

extension Array where Element == Observation {
    /// How many observations are at or before `time` (the history is sorted
    /// by time): `self[..<n]` is the history up to `time`.
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
        return (self[n - 1].registered, self[n - 1].completed)
    }
}

/// Where a row came from, for messages about it.
struct RowOrigin: Hashable, Sendable {
    var file: Int32
    var line: Int32
}
