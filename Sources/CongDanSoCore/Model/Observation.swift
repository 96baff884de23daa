/// A unit's cumulative counts at one moment.
public struct Observation: Hashable, Sendable {
    public var time: Timestamp
    public var registered: Int
    public var completed: Int

    public init(time: Timestamp, registered: Int, completed: Int) {
        self.time = time; self.registered = registered; self.completed = completed
    }
}

/// Where a row came from, for messages about it.
struct RowOrigin: Hashable, Sendable {
    var file: Int32
    var line: Int32
}
