import CongDanSoCore

/// What the files of the data look like now: the stamps (size, time, inode)
/// a reload decision compares, read without opening anything.
public struct SourceStamps: Equatable, Sendable {
    /// Every data file of the directory, its own `events.csv` included.
    public var directory: DirectoryFingerprint
    /// The same without the event log: units, config, snapshots.
    public var others: DirectoryFingerprint
    /// The event log that is the source, if any.
    public var logPath: String?
    /// That log's stamp (empty when there is none).
    public var log: DirectoryFingerprint

    public init(
        directory: DirectoryFingerprint, others: DirectoryFingerprint, logPath: String?, log: DirectoryFingerprint
    ) {
        self.directory = directory; self.others = others; self.logPath = logPath; self.log = log
    }
}

/// The log being followed, as it was when last read.
public struct FollowedLog: Equatable, Sendable {
    /// The log's path.
    public var path: String
    /// The other files' stamps when the log's dataset was built.
    public var others: DirectoryFingerprint
    /// The log's stamp when it was last read.
    public var log: DirectoryFingerprint

    public init(path: String, others: DirectoryFingerprint, log: DirectoryFingerprint) {
        self.path = path; self.others = others; self.log = log
    }
}

/// What to read again.
public enum ReloadWork: Equatable, Sendable {
    /// Everything: units, config, snapshots and the whole log.
    case everything
    /// Only the bytes appended to the followed log.
    case appended
}

/// The reload decision, a pure function of stamps.
public enum ReloadDecision {
    /// - Parameters:
    ///   - current: the stamps now.
    ///   - followed: the log being followed, when the last load left one.
    ///   - lastLoad: the directory's and the log's stamps read before the
    ///     last load (successful or not).
    ///   - force: the user asked for a reload (F5).
    /// - Returns: nil when nothing needs reading.
    public static func work(
        current: SourceStamps, followed: FollowedLog?,
        lastLoad: (directory: DirectoryFingerprint, log: DirectoryFingerprint), force: Bool
    ) -> ReloadWork? {
        if force { return .everything }
        if let followed {
            // Following a log: the other files or the log's place changed →
            // everything; the log alone changed → its new bytes.
            if followed.path != current.logPath || followed.others != current.others { return .everything }
            if current.logPath != nil, current.log != followed.log { return .appended }
            return nil
        }
        // Not following (snapshots, or the last load failed): retry only
        // when files change.
        return current.directory != lastLoad.directory || current.log != lastLoad.log ? .everything : nil
    }
}
