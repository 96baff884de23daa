import CongDanSoCore
import DashboardKit

/// The followed event log: its tail, the dataset it last gave and the
/// warnings that did not come from the log (snapshot checks). Used by one
/// read at a time (`LiveSource` guarantees it), hence `@unchecked Sendable`.
final class LiveLog: @unchecked Sendable {
    let tail: EventTail
    private var dataset: Dataset
    private let baseWarnings: [DataIssue]
    var logStamp: DirectoryFingerprint
    let otherStamps: DirectoryFingerprint

    init(tail: EventTail, dataset: Dataset, logStamp: DirectoryFingerprint, otherStamps: DirectoryFingerprint) {
        self.tail = tail
        self.dataset = dataset
        self.baseWarnings = dataset.warnings.filter { $0.file != tail.path }
        self.logStamp = logStamp
        self.otherStamps = otherStamps
    }

    /// What the reload decision compares.
    var followed: FollowedLog { FollowedLog(path: tail.path, others: otherStamps, log: logStamp) }

    /// Reads what was appended and gives the new standings (nil when
    /// nothing changed), or the error that keeps the last good data stale.
    func takeAppended(now: Timestamp) -> Message? {
        let change = tail.poll()
        let a = tail.aggregator
        if let error = change.error { return .loadFailed(error.description, at: now) }
        if let header = a.headerError { return .loadFailed(header.description, at: now) }
        if a.linesRead == 0 {
            return .loadFailed(
                DataIssue(
                    .error, file: tail.path,
                    "the event log is empty; it needs the header time,unit_code,candidate_id,event"
                ).description, at: now)
        }
        guard change.restarted || !change.changedUnits.isEmpty || change.linesRead > 0 else { return nil }
        dataset = dataset.replacingHistories(
            a.currentHistories(), firstMoment: a.firstTime, latestMoment: a.latestTime,
            warnings: baseWarnings + a.issues.warnings)
        return .loaded(Standings(dataset: dataset, now: now), at: now)
    }
}
