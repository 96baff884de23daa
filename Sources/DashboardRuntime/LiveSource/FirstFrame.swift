import CongDanSoCore
import Foundation

/// The data of the dashboard's first frame, and how it was loaded.
///
/// The policy: when the directory's own `events.csv` is the source and its
/// snapshots load cleanly, the snapshots give the first picture at once
/// (the sample log is consistent with them) and the log is read in the
/// background once the frame is up, replacing it within moments. Otherwise
/// everything is loaded before the screen opens, and an event log read then
/// is followed from where that read stopped.
public struct FirstFrame: @unchecked Sendable {
    /// An event log the first load read, with the files' stamps from before it.
    public struct Followed {
        /// The log's reader, positioned where the load stopped.
        public let tail: EventTail
        /// The log's stamp, and the other files' stamps, from before the load.
        public let logStamp: DirectoryFingerprint
        public let otherStamps: DirectoryFingerprint
    }

    /// What the first frame shows.
    public let dataset: Dataset
    /// The directory's stamps read before anything was loaded.
    public let fingerprint: DirectoryFingerprint
    /// Set when the log was read in full: follow it from there.
    public let followed: Followed?

    public init(dataset: Dataset, fingerprint: DirectoryFingerprint, followed: Followed?) {
        self.dataset = dataset; self.fingerprint = fingerprint; self.followed = followed
    }

    /// Loads the first frame's data by the policy above.
    /// - Parameter loadAll: loads everything (reporting warnings and errors
    ///   as the caller sees fit) and hands back the log's tail, if any.
    public static func load(
        directory: String, events: String?, overrides: ConfigOverrides,
        loadAll: () throws -> (dataset: Dataset, tail: EventTail?)
    ) rethrows -> FirstFrame {
        let fingerprint = DirectoryFingerprint.read(directory)
        // The directory's log counts when its siblings alone are there
        // (mid-rotation); a FIFO or a dangling link is refused by the full load.
        let logPath = events ?? EventLogSource.path(inDirectory: directory)
        if events == nil, let logPath, EventLogSource.isRegularFile(logPath),
            let quick = DataDirectory.loadSnapshots(directory, overrides: overrides).dataset,
            quick.latestMoment != nil, quick.warnings.isEmpty
        {
            return FirstFrame(dataset: quick, fingerprint: fingerprint, followed: nil)
        }
        let logStamp = DirectoryFingerprint.ofEventLog(logPath)
        let otherStamps = DirectoryFingerprint.read(directory, includingEventLog: false)
        let (dataset, tail) = try loadAll()
        return FirstFrame(
            dataset: dataset, fingerprint: fingerprint,
            followed: tail.map { Followed(tail: $0, logStamp: logStamp, otherStamps: otherStamps) })
    }
}
