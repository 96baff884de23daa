import CongDanSoCore
import Synchronization

/// What a one-shot command loaded (the data, the event log's tables), kept
/// until the process exits rather than freed when the command is done.
///
/// Freeing a national event log's candidate tables and the histories' blocks
/// (hundreds of MB, over a hundred thousand allocations) took about 45 ms of
/// a 0.57 s `report`, one core doing nothing else, when the kernel takes all
/// of it back at exit in one go. Compilers skip that freeing for the same
/// reason (clang's `-disable-free`). The dashboard, which runs for hours,
/// never keeps anything here.
enum KeptUntilExit {
    private static let kept = Mutex<[any Sendable]>([])

    /// Holds `value` (and whatever it references) until exit.
    static func keep(_ value: any Sendable) {
        kept.withLock { $0.append(value) }
    }

    /// Called when the command has done its work, just before exit: the
    /// event logs' candidate tables are given back on every core rather
    /// than by the kernel's teardown on one (see
    /// `EventAggregator.discardTablesForExit`).
    static func releaseBeforeExit() {
        for case let tail as EventTail in kept.withLock({ $0 }) { tail.aggregator.discardTablesForExit() }
    }
}
