/// The refresh interval's steps for the dashboard's `-` (more often) and
/// `+` (less often) keys. Pure: the model calls `step(from:_:)` and shows
/// the outcome; the run loop only learns the new interval.
///
/// Any interval the command line or the settings allow (`range`) can be
/// stepped from: an interval between two steps moves to the nearest step
/// in the direction asked, so `--refresh 1` stays reachable (1 is the
/// first step) and `--refresh 7` goes to 5 or 10. At either end the
/// interval stays and the outcome says so (`limit`).
public enum RefreshSteps {
    /// The intervals the keys step through, in seconds.
    public static let steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900]
    /// What `--refresh` and `refresh =` accept, in seconds.
    public static let range = 1...3600

    public enum Direction: Sendable {
        /// More often: a shorter interval (`-`).
        case faster
        /// Less often: a longer interval (`+`).
        case slower
    }

    /// Which end of the range an outcome is at.
    public enum Limit: Equatable, Sendable {
        case fastest, slowest
    }

    public struct Outcome: Equatable, Sendable {
        /// The interval after the key, in seconds.
        public var seconds: Int
        /// Whether it differs from the interval before.
        public var changed: Bool
        /// Set when `seconds` is as far as the asked direction goes: the
        /// status line should say so ("1 s, the fastest"; or, when
        /// `changed` is false, "already the fastest").
        public var limit: Limit?

        public init(seconds: Int, changed: Bool, limit: Limit?) {
            self.seconds = seconds; self.changed = changed; self.limit = limit
        }
    }

    /// The next interval from `seconds` in `direction`.
    public static func step(from seconds: Int, _ direction: Direction) -> Outcome {
        let current = min(max(seconds, range.lowerBound), range.upperBound)
        switch direction {
        case .faster:
            let next = steps.last { $0 < current } ?? current
            return Outcome(seconds: next, changed: next != seconds, limit: next <= steps[0] ? .fastest : nil)
        case .slower:
            // Above the last step (`--refresh 3600`): stays, at the slow end.
            let next = steps.first { $0 > current } ?? current
            return Outcome(seconds: next, changed: next != seconds, limit: next >= steps.last! ? .slowest : nil)
        }
    }
}
