import CongDanSoCore
import DashboardKit
import Foundation
import Synchronization

/// Keeps the dashboard's data fresh: looks at the data directory's files
/// when asked (`check`), reads what changed off the run loop's thread, and
/// hands the result over as a `Message` (`drain`). Looking costs nothing
/// (sizes, times and inodes); `ReloadDecision` says what, if anything, to read.
///
/// With an event log as the source (`--events`, or `events.csv` in the
/// directory), a change to the log alone is taken in incrementally: only the
/// bytes appended since are read (`LiveLog`), and the new standings reuse
/// everything else. Any other file changing (units, config, snapshots) or
/// the log appearing or vanishing reloads everything. A failed read keeps
/// the last good data on screen (`.loadFailed` marks it stale) and is tried
/// again when the files change.
public final class LiveSource: Sendable {
    private let directory: String
    private let overrides: ConfigOverrides
    private let events: String?
    private let clock: any RuntimeClock
    /// Runs a read; a new thread in the program, inline in tests.
    private let background: @Sendable (@escaping @Sendable () -> Void) -> Void
    private let inbox = Mutex<[Message]>([])
    private let lastLoad: Mutex<(directory: DirectoryFingerprint, log: DirectoryFingerprint, loading: Bool)>
    /// The log being followed and the dataset it last gave; touched only by
    /// the one read running at a time (`loading`).
    private let live = Mutex<LiveLog?>(nil)
    /// The first frame came from the snapshots: the log is read once it is up.
    private let readsLogAfterFirstFrame: Bool

    /// A source for the data the first frame shows.
    /// - Parameters:
    ///   - first: that data and how it was loaded (`FirstFrame.load`).
    ///   - events: `--events FILE`, when the log is outside the directory.
    ///   - background: runs a read off the caller's thread; tests pass
    ///     `{ $0() }` to read at once.
    public init(
        directory: String, overrides: ConfigOverrides, events: String?, first: FirstFrame,
        clock: any RuntimeClock = SystemClock(),
        background: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void = { work in
            Thread.detachNewThread(work)
        }
    ) {
        self.directory = directory
        self.overrides = overrides
        self.events = events
        self.clock = clock
        self.background = background
        let log = events ?? EventLogSource.path(inDirectory: directory)
        lastLoad = Mutex((first.fingerprint, .ofEventLog(log), false))
        let logExists = log != nil
        readsLogAfterFirstFrame = logExists && first.followed == nil
        if let followed = first.followed {
            live.withLock { l in
                l = LiveLog(
                    tail: followed.tail, dataset: first.dataset, logStamp: followed.logStamp,
                    otherStamps: followed.otherStamps)
            }
            lastLoad.withLock { $0.log = followed.logStamp }
        }
    }

    /// The event log that is the source, if any.
    private var eventsFile: String? {
        if let events { return events }
        // With its rotated siblings: between logrotate's rename and the new
        // events.csv, the siblings alone are the log.
        return EventLogSource.path(inDirectory: directory)
    }

    /// Whether the data comes from an event log: the run loop then calls
    /// `check()` every second, so appended events show within one.
    public var followsEvents: Bool { eventsFile != nil }

    /// Called once the first frame is on screen: when that frame came from
    /// the snapshots, starts reading the log.
    public func startAfterFirstFrame() {
        if readsLogAfterFirstFrame { check(force: true) }
    }

    /// The stamps of the files now.
    private func stamps() -> SourceStamps {
        let logPath = eventsFile
        return SourceStamps(
            directory: DirectoryFingerprint.read(directory),
            others: DirectoryFingerprint.read(directory, includingEventLog: false),
            logPath: logPath, log: DirectoryFingerprint.ofEventLog(logPath))
    }

    /// Starts a read if the files changed since the last one (or always,
    /// with `force`). Does nothing while a read is running.
    public func check(force: Bool = false) {
        let current = stamps()
        let work = lastLoad.withLock { last -> ReloadWork? in
            guard !last.loading else { return nil }
            let followed = live.withLock { $0?.followed }
            let work = ReloadDecision.work(
                current: current, followed: followed, lastLoad: (last.directory, last.log), force: force)
            if work != nil { last.loading = true }
            return work
        }
        guard let work else { return }
        background { [self] in read(work, others: current.others, logPath: current.logPath) }
    }

    private func read(_ work: ReloadWork, others: DirectoryFingerprint, logPath: String?) {
        // The stamps before the data, so a change made during the read
        // triggers another read rather than being missed.
        let before = DirectoryFingerprint.read(directory)
        let logBefore = DirectoryFingerprint.ofEventLog(logPath)
        let message: Message?
        switch work {
        case .everything:
            // The old log's tables go first: at national scale they are half
            // a gigabyte, and the dataset on screen does not need them.
            live.withLock { $0 = nil }
            let (result, tail) = DataDirectory.loadLive(directory, overrides: overrides, events: events, live: true)
            let now = clock.now()
            if let dataset = result.dataset {
                message = .loaded(Standings(dataset: dataset, now: now), at: now)
                live.withLock { l in
                    l = tail.map { LiveLog(tail: $0, dataset: dataset, logStamp: logBefore, otherStamps: others) }
                }
            } else {
                message = .loadFailed(Self.summary(result.issues), at: now)
            }
        case .appended:
            message = live.withLock { l -> Message? in
                guard let log = l else { return nil }
                log.logStamp = logBefore
                return log.takeAppended(now: clock.now())
            }
        }
        if let message { inbox.withLock { $0.append(message) } }
        lastLoad.withLock { last in
            // A failed read's stamps too: try again only when files change again.
            last = (before, logBefore, false)
        }
    }

    /// The results that arrived since the last call.
    public func drain() -> [Message] {
        inbox.withLock { messages in
            defer { messages.removeAll() }
            return messages
        }
    }

    /// The first error, and how many more there are, for the status line.
    static func summary(_ issues: [DataIssue]) -> String {
        let errors = issues.errors
        guard let first = errors.first else { return "unknown error" }
        return errors.count > 1 ? "\(first.description) (+\(errors.count - 1))" : first.description
    }
}
