import CongDanSoCore
import Foundation
import Synchronization

/// Where the runtime reads the time: the system clock in the program, a
/// hand-moved one in tests (minutes of refreshing run in milliseconds).
public protocol RuntimeClock: Sendable {
    func now() -> Timestamp
}

/// The machine's wall clock.
public struct SystemClock: RuntimeClock {
    public init() {}

    public func now() -> Timestamp {
        Timestamp(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }
}

/// A clock that moves only when told to.
public final class ManualClock: RuntimeClock {
    private let current: Mutex<Int64>

    public init(_ start: Timestamp) {
        current = Mutex(start.milliseconds)
    }

    public func now() -> Timestamp { Timestamp(milliseconds: current.withLock { $0 }) }

    /// Moves the clock on by `milliseconds`.
    public func advance(milliseconds: Int) {
        current.withLock { $0 += Int64(milliseconds) }
    }
}
