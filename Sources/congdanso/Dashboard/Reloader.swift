import CongDanSoCore
import DashboardKit
import Foundation
import Synchronization

/// Re-reads the data directory off the UI thread when its files change, and
/// hands the result to the run loop as a `Message`. Checking is cheap (file
/// sizes, times and inodes); the data is read only when they differ.
///
/// With an event log as the source (`events`, or `events.csv` in the
/// directory), a change to the log alone is taken in incrementally: only the
/// bytes appended since are read (`EventTail`), and the new standings reuse
/// everything else. Any other file changing (units, config, snapshots) or
/// the log appearing or vanishing reloads everything.
final class Reloader: Sendable {
    private let directory: String
    private let overrides: ConfigOverrides
    private let events: String?
    private let inbox = Mutex<[Message]>([])
    private let state: Mutex<(fingerprint: DirectoryFingerprint, logStamp: DirectoryFingerprint, loading: Bool)>
    /// The log being followed and the dataset it last gave; touched only by
    /// the one worker running at a time (`loading`).
    private let live = Mutex<LiveLog?>(nil)

    /// `events` is the `--events FILE` given on the command line, if any.
    init(directory: String, overrides: ConfigOverrides, loadedFingerprint: DirectoryFingerprint, events: String? = nil)
    {
        self.directory = directory
        self.overrides = overrides
        self.events = events
        let log = events ?? directory + "/" + EventLogSource.fileName
        state = Mutex((loadedFingerprint, .of([log]), false))
    }

    /// The event log that is the source, if any.
    private var eventsFile: String? {
        if let events { return events }
        let inDirectory = directory + "/" + EventLogSource.fileName
        return FileManager.default.fileExists(atPath: inDirectory) ? inDirectory : nil
    }

    /// Whether the data comes from an event log: the run loop should then
    /// call `check()` every second, so appended events show within one.
    var followsEvents: Bool { eventsFile != nil }

    /// Follows an event log that the first load already read, so that the
    /// next check takes only what is appended instead of reading it again.
    /// The stamps are the log's and the other files' as they were before
    /// that load.
    func follow(_ first: FirstLoad, dataset: Dataset) {
        live.withLock { l in
            l = LiveLog(
                tail: first.tail, dataset: dataset,
                baseWarnings: dataset.warnings.filter { $0.file != first.tail.path },
                logStamp: first.logStamp, otherStamps: first.otherStamps)
        }
        state.withLock { $0.logStamp = first.logStamp }
    }

    /// Starts a reload in the background if the files changed since the last
    /// load (or always, when `force`). Does nothing while one is running.
    func check(force: Bool = false) {
        let current = DirectoryFingerprint.read(directory)
        let logPath = eventsFile
        let logStamp = logPath.map { DirectoryFingerprint.of([$0]) }
        let others = DirectoryFingerprint.read(directory, includingEventLog: false)
        let work = state.withLock { s -> Work? in
            guard !s.loading else { return nil }
            let followed = live.withLock { l in l.map { ($0.tail.path, $0.otherStamps, $0.logStamp) } }
            let work: Work?
            if force {
                work = .full
            } else if let followed {
                // Following a log: the other files or the log's place changed
                // → everything; the log alone changed → its new bytes.
                if followed.0 != logPath || followed.1 != others {
                    work = .full
                } else if let logStamp, logStamp != followed.2 {
                    work = .tail
                } else {
                    work = nil
                }
            } else {
                // Not following (snapshots, or the last load failed): retry
                // only when files change.
                work = current != s.fingerprint || (logStamp ?? .of([])) != s.logStamp ? .full : nil
            }
            if work != nil { s.loading = true }
            return work
        }
        guard let work else { return }
        let directory = self.directory, overrides = self.overrides, events = self.events
        Thread.detachNewThread { [self] in
            // Read the fingerprint before the data, so a change made during
            // the read triggers another reload rather than being missed.
            let before = DirectoryFingerprint.read(directory)
            let logBefore = DirectoryFingerprint.of(logPath.map { [$0] } ?? [])
            let message: Message?
            switch work {
            case .full:
                // The old log's tables go first: at national scale they are
                // half a gigabyte, and the dataset on screen does not need them.
                live.withLock { $0 = nil }
                let (result, tail) = DataDirectory.loadLive(directory, overrides: overrides, events: events, live: true)
                if let dataset = result.dataset {
                    message = .loaded(Standings(dataset: dataset, now: Clock.now), at: Clock.now)
                    live.withLock { l in
                        l = tail.map { t in
                            LiveLog(
                                tail: t, dataset: dataset, baseWarnings: dataset.warnings.filter { $0.file != t.path },
                                logStamp: logBefore, otherStamps: others)
                        }
                    }
                } else {
                    message = .loadFailed(Reloader.summary(result.issues), at: Clock.now)
                    live.withLock { $0 = nil }
                }
            case .tail:
                message = live.withLock { l -> Message? in
                    guard let log = l else { return nil }
                    log.logStamp = logBefore
                    return log.takeAppended()
                }
            }
            if let message { inbox.withLock { $0.append(message) } }
            state.withLock { s in
                // Keep a failed fingerprint too: retry only when files change again.
                s.fingerprint = before
                s.logStamp = logBefore
                s.loading = false
            }
        }
    }

    private enum Work: Sendable { case full, tail }

    /// Messages that arrived since the last call.
    func drain() -> [Message] {
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

/// An event log read by the first load, with the files' stamps from before
/// it, handed to `Reloader.follow`.
struct FirstLoad: @unchecked Sendable {
    let tail: EventTail
    let logStamp: DirectoryFingerprint
    let otherStamps: DirectoryFingerprint
}

/// The followed log: its tail, the dataset it last gave and the warnings
/// that did not come from the log (snapshot checks).
final class LiveLog: @unchecked Sendable {
    let tail: EventTail
    var dataset: Dataset
    let baseWarnings: [DataIssue]
    var logStamp: DirectoryFingerprint
    let otherStamps: DirectoryFingerprint

    init(
        tail: EventTail, dataset: Dataset, baseWarnings: [DataIssue], logStamp: DirectoryFingerprint,
        otherStamps: DirectoryFingerprint
    ) {
        self.tail = tail; self.dataset = dataset; self.baseWarnings = baseWarnings
        self.logStamp = logStamp; self.otherStamps = otherStamps
    }

    /// Reads what was appended and gives the new standings (nil when
    /// nothing changed), or the error that keeps the last good data stale.
    func takeAppended() -> Message? {
        let change = tail.poll()
        let a = tail.aggregator
        if let error = change.error { return .loadFailed(error.description, at: Clock.now) }
        if let header = a.headerError { return .loadFailed(header.description, at: Clock.now) }
        if a.linesRead == 0 {
            return .loadFailed(
                DataIssue(
                    .error, file: tail.path,
                    "the event log is empty; it needs the header time,unit_code,candidate_id,event"
                ).description, at: Clock.now)
        }
        guard change.restarted || !change.changedUnits.isEmpty || change.linesRead > 0 else { return nil }
        dataset = dataset.replacingHistories(
            a.currentHistories(), firstMoment: a.firstTime, latestMoment: a.latestTime,
            warnings: baseWarnings + a.issues.warnings)
        return .loaded(Standings(dataset: dataset, now: Clock.now), at: Clock.now)
    }
}
