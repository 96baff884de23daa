#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The event log as the data directory's source: `events.csv` and its
/// rotated siblings, read whole into histories (each unit's distinct
/// candidates over time); snapshot files are checked against it.
public enum EventLogSource {
    /// The event log's file name inside a data directory.
    public static let fileName = "events.csv"

    /// The event log of a data directory when it has one: `events.csv` when
    /// anything is by that name (a broken link too: an error to report, not a
    /// reason to fall back to snapshots) or a rotated sibling is (a rotation
    /// in progress); nil when the directory has no log.
    public static func path(inDirectory directory: String) -> String? {
        let path = directory + "/" + fileName
        var st = stat()
        if lstat(path, &st) == 0 || !EventLogFiles.siblings(of: path).isEmpty { return path }
        return nil
    }

    /// What reading a log gave.
    public struct Loaded {
        public var histories: [History]
        public var firstMoment: Timestamp?
        public var latestMoment: Timestamp?
        public var issues: [DataIssue]
        /// The tail positioned at the end of what was read, for following the
        /// log afterwards.
        public var tail: EventTail
    }

    /// Whether `path` is (or links to) a regular file: not missing, not a
    /// dangling link, not a FIFO or a device.
    public static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Reads the whole log (the file and its rotated siblings). A last line
    /// without its newline is never counted: it is left for the tail to
    /// finish, and unless `leavePartialLine` (a log about to be followed) a
    /// warning says so. Times later than `now` (the machine's clock when nil)
    /// plus `futureTolerance` seconds are impossible.
    public static func load(
        path: String, units: [Unit], timeZone: UTCOffset, leavePartialLine: Bool = false,
        now: Timestamp? = nil, futureTolerance: Int64 = ContestConfig.defaultFutureTolerance,
        readingPipes: Bool = false, unitsFileName: String = "units.csv",
        progress: ((Int64, Int64) -> Void)? = nil
    ) -> Loaded {
        let tail = EventTail(path: path, units: units, timeZone: timeZone, readingPipes: readingPipes)
        tail.aggregator.unitsFileName = unitsFileName
        if let now { tail.clock = { now } }
        tail.futureTolerance = futureTolerance
        tail.reportsPartialLine = !leavePartialLine
        let change = tail.poll(progress: progress)
        let a = tail.aggregator
        var issues = a.issues
        if let error = change.error { issues.insert(error, at: 0) }
        if a.linesRead == 0, change.error == nil {
            // A log may be created before its first line is written (a
            // contest starting, a replay): zeros, with a warning, not a stop.
            issues.append(
                DataIssue(
                    .warning, file: path, line: 1, column: 1,
                    "the event log is empty; every unit shows 0 until events arrive (header: time,unit_code,candidate_id,event)"
                ))
        } else if a.eventsCounted == 0, change.error == nil, a.headerError == nil {
            issues.append(
                DataIssue(
                    .warning, file: path,
                    "the event log holds no event that counts (only its header, or lines with problems); every unit shows 0"
                ))
        }
        return Loaded(
            histories: a.currentHistories(), firstMoment: a.firstTime, latestMoment: a.latestTime,
            issues: issues, tail: tail)
    }

    /// Compares snapshot histories with the event log's values at the same
    /// moments: each difference is a warning (the event log wins). Snapshots
    /// after the log's latest event are skipped: a log being written (or
    /// replayed) has not reached them yet.
    static func checkSnapshots(
        _ snapshots: [History], against events: [History], units: [Unit],
        folder: String, logPath: String, timeZone: UTCOffset,
        upTo latest: Timestamp?
    ) -> [DataIssue] {
        var issues: [DataIssue] = []
        var differences = 0
        guard let latest else { return [] }
        for u in units.indices {
            for o in snapshots[u] where o.time <= latest {
                let e = events[u].value(at: o.time)
                guard e.registered != o.registered || e.completed != o.completed else { continue }
                differences += 1
                if differences <= 5 {
                    issues.append(
                        DataIssue(
                            .warning, file: folder,
                            "\(units[u].fullName()) (\(units[u].code)) at \(o.time.iso8601(offset: timeZone)): the snapshot says \(o.registered) registered, \(o.completed) completed; \(logPath) gives \(e.registered) and \(e.completed). The event log is the source"
                        ))
                }
            }
        }
        if differences > 5 {
            issues.append(
                DataIssue(
                    .warning, file: folder,
                    "\(differences) snapshot rows in all differ from \(logPath); the event log is the source"))
        }
        return issues
    }
}
