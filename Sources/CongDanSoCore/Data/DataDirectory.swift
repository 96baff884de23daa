import Foundation

/// What loading a data directory gave: a dataset when there were no errors,
/// and every issue found (errors and warnings), in file order.
public struct LoadResult: Sendable {
    public var dataset: Dataset?
    public var issues: [DataIssue]
    /// Files in `snapshots/` that were not read, each with why (office
    /// lock files, hidden and temporary files, files that are not CSV).
    public var skipped: [(file: String, reason: String)] = []

    public init(dataset: Dataset?, issues: [DataIssue], skipped: [(file: String, reason: String)] = []) {
        self.dataset = dataset; self.issues = issues; self.skipped = skipped
    }
}

/// Loads a data directory as laid out in the README: `units.csv`,
/// `snapshots/*.csv`, optional `config.toml`, optional `events.csv`.
public enum DataDirectory {
    /// Loads `path`. Never throws and never crashes on bad input: problems
    /// come back as issues naming file, line and column.
    ///
    /// The event log (`events` when given, else `events.csv` in the
    /// directory when present) is then THE source of the counts; snapshot
    /// files are only checked against it (differences are warnings, their
    /// own problems are warnings too).
    /// `progress`, when given, is called with the bytes of the event log read
    /// so far and its size, as the log is read (for a progress display).
    /// `now` is the machine's clock (tests fix it): times later than it plus
    /// the config's `future_tolerance` are impossible.
    public static func load(
        _ path: String, overrides: ConfigOverrides = ConfigOverrides(),
        events: String? = nil, now: Timestamp? = nil, progress: ((Int64, Int64) -> Void)? = nil
    ) -> LoadResult {
        var tail: EventTail? = nil
        return load(path, overrides: overrides, events: events, live: false, now: now, progress: progress, tail: &tail)
    }

    /// Loads the directory from its snapshots alone, leaving any event log
    /// aside: a quick first picture while the log (the real source) is read.
    public static func loadSnapshots(
        _ path: String, overrides: ConfigOverrides = ConfigOverrides(), now: Timestamp? = nil
    ) -> LoadResult {
        var tail: EventTail? = nil
        return load(path, overrides: overrides, events: nil, live: false, ignoreEvents: true, now: now, tail: &tail)
    }

    /// Like `load`, and also hands back the event log's tail (when the log is
    /// the source) positioned after what was read, to follow the log with
    /// `EventTail.poll()`. With `live`, a last line without its newline is
    /// left for the tail (it may be half-written); otherwise it counts.
    public static func loadLive(
        _ path: String, overrides: ConfigOverrides = ConfigOverrides(), events: String? = nil,
        live: Bool = true, now: Timestamp? = nil, progress: ((Int64, Int64) -> Void)? = nil
    ) -> (result: LoadResult, tail: EventTail?) {
        var tail: EventTail? = nil
        let result = load(
            path, overrides: overrides, events: events, live: live, now: now, progress: progress, tail: &tail)
        return (result, tail)
    }

    /// `parallel: false` reads the snapshot files one after another (tests
    /// compare the two ways).
    static func load(
        _ path: String, overrides: ConfigOverrides, events: String?, live: Bool,
        ignoreEvents: Bool = false, now: Timestamp?, progress: ((Int64, Int64) -> Void)? = nil,
        parallel: Bool = true, tail: inout EventTail?
    ) -> LoadResult {
        var issues: [DataIssue] = []
        let dir = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
            if FileManager.default.fileExists(atPath: dir) {
                let why = "this is a file, not a folder; pass --data with the folder holding units.csv and snapshots/"
                return LoadResult(dataset: nil, issues: [DataIssue(.error, file: dir, why)])
            }
            return LoadResult(
                dataset: nil,
                issues: [
                    DataIssue(
                        .error, file: dir,
                        "no such data directory; pass --data with a folder holding units.csv and snapshots/")
                ])
        }

        // Settings first: the adult share is needed to read the units.
        var config = ContestConfig()
        let configPath = dir + "/" + ConfigLoader.fileName
        if FileManager.default.fileExists(atPath: configPath) {
            switch readText(configPath) {
            case .success(let text):
                let (parsed, configIssues) = ConfigLoader.load(text: text, file: configPath)
                config = parsed
                issues += configIssues
            case .failure(let issue): issues.append(issue)
            }
        }
        overrides.apply(to: &config)

        // units.csv, else units.xlsx (read by the same rules).
        var sheets = SpreadsheetInput(timeZone: config.timeZone)
        let unitsPath =
            !FileManager.default.fileExists(atPath: dir + "/units.csv")
                && FileManager.default.fileExists(atPath: dir + "/units.xlsx")
            ? dir + "/units.xlsx" : dir + "/units.csv"
        if unitsPath.hasSuffix(".csv"), FileManager.default.fileExists(atPath: dir + "/units.xlsx") {
            issues.append(
                DataIssue(.warning, file: dir + "/units.xlsx", "ignored: units.csv is read; keep one of the two"))
        }
        guard FileManager.default.fileExists(atPath: unitsPath) else {
            issues.append(
                DataIssue(
                    .error, file: unitsPath,
                    "units.csv is missing; the data directory needs one row per unit (code,name,type,population)"))
            return LoadResult(dataset: nil, issues: issues)
        }
        let units: [Unit]
        var rejectedCodes: Set<String> = []
        switch sheets.csvBytes(unitsPath) {
        case .success(let bytes):
            let loaded = UnitsLoader.load(bytes: bytes, file: unitsPath, adultShare: config.adultShare)
            units = loaded.units
            rejectedCodes = loaded.rejectedCodes
            issues += sheets.relocate(loaded.issues)
        case .failure(let issue):
            issues.append(issue)
            return LoadResult(dataset: nil, issues: issues)
        }

        // The names' search and told-apart forms need only the units: made
        // on another thread while the counts are read.
        let names = InBackground { Dataset.Names(units) }
        var codeIndex: [String: Int] = [:]
        for (i, u) in units.enumerated() { codeIndex[u.code] = i }
        var snapshots = SnapshotsLoader(units: units, codeIndex: codeIndex)
        snapshots.unitsFileName = (unitsPath as NSString).lastPathComponent
        snapshots.timeZone = config.timeZone
        // A broken units.csv row is its own error: rows naming it (or any
        // unit, when no row of units.csv could be read) are not also "unknown".
        snapshots.rejectedCodes = rejectedCodes
        snapshots.unitsUnreadable = units.isEmpty
        let clock = now ?? Timestamp.systemNow
        snapshots.futureLimit = clock.adding(seconds: config.futureTolerance)
        let eventsPath = ignoreEvents ? nil : events ?? EventLogSource.path(inDirectory: dir)
        let folder = dir + "/snapshots"
        let listing = listSnapshots(folder)
        let snapshotFiles = listing.files
        // Workbooks are converted here, one after another (`sheets` keeps
        // each one's CSV form to place issues on its cells).
        var workbooks: [Int: Result<[UInt8], DataIssue>] = [:]
        for (k, file) in snapshotFiles.enumerated() where SpreadsheetInput.isSpreadsheet(file) {
            workbooks[k] = sheets.csvBytes(file)
        }
        // Then every file is read and parsed, several at once; their rows and
        // issues are added in file-name order, as if read one by one.
        for (file, read) in zip(
            snapshotFiles, readSnapshots(snapshotFiles, workbooks: workbooks, with: snapshots, parallel: parallel))
        {
            switch read {
            case .success(let (rows, cut)):
                if let cut { snapshots.issues.append(cut) }
                snapshots.add(rows, file: file)
            case .failure(let issue): snapshots.issues.append(issue)
            }
        }
        let histories = snapshots.finish(parallel: parallel)
        snapshots.issues = sheets.relocate(snapshots.issues)
        if let eventsPath {
            // The event log is the source: snapshot problems do not block it.
            let snapshotIssues = snapshots.issues.map { issue -> DataIssue in
                var i = issue
                i.severity = .warning
                i.message += " (snapshots are only checked: \(eventsPath) is the source)"
                return i
            }
            guard !issues.hasErrors else { return LoadResult(dataset: nil, issues: issues + snapshotIssues) }
            let log = EventLogSource.load(
                path: eventsPath, units: units, timeZone: config.timeZone,
                leavePartialLine: live, now: now, futureTolerance: config.futureTolerance,
                readingPipes: events != nil, unitsFileName: (unitsPath as NSString).lastPathComponent,
                progress: progress)
            tail = log.tail
            issues += log.issues
            if !snapshots.issues.hasErrors {
                issues += EventLogSource.checkSnapshots(
                    histories, against: log.histories, units: units,
                    folder: dir + "/snapshots", logPath: eventsPath,
                    timeZone: config.timeZone, upTo: log.latestMoment)
            }
            issues += snapshotIssues
            guard !issues.hasErrors else {
                return LoadResult(dataset: nil, issues: issues, skipped: listing.skipped)
            }
            let dataset = Dataset(
                config: config, units: units, histories: log.histories, warnings: issues.warnings,
                firstMoment: log.firstMoment, latestMoment: log.latestMoment, names: names.value)
            return LoadResult(dataset: dataset, issues: issues, skipped: listing.skipped)
        }
        issues += snapshots.issues
        if let problem = listing.problem {
            // No event log and no readable snapshots folder: no source at all.
            issues.append(DataIssue(.error, file: folder, problem))
        } else if snapshotFiles.isEmpty {
            issues.append(
                DataIssue(
                    .warning, file: folder,
                    "no snapshot files (snapshots/*.csv or *.xlsx); every unit shows 0 registered and 0 completed"))
        }
        guard !issues.hasErrors else { return LoadResult(dataset: nil, issues: issues, skipped: listing.skipped) }
        let dataset = Dataset(
            config: config, units: units, histories: histories, warnings: issues.warnings, names: names.value)
        return LoadResult(dataset: dataset, issues: issues, skipped: listing.skipped)
    }

    /// Each snapshot file read (CSV files from disk, workbooks from their
    /// converted form in `workbooks`, by index) and parsed by `loader`,
    /// with the warning about a cut last line: files are read on several
    /// threads at once when `parallel`; the answers are in the order of
    /// `files`.
    static func readSnapshots(
        _ files: [String], workbooks: [Int: Result<[UInt8], DataIssue>], with loader: SnapshotsLoader,
        parallel: Bool
    ) -> [Result<(SnapshotFileRows, DataIssue?), DataIssue>] {
        var results = [Result<(SnapshotFileRows, DataIssue?), DataIssue>](
            repeating: .success((SnapshotFileRows(), nil)), count: files.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let out = Unchecked(buffer)
            runAll(files.count, parallel: parallel && files.count > 1) { k in
                let read = workbooks[k].map { $0.map { ($0, nil as DataIssue?) } } ?? readSnapshot(files[k])
                out.value[k] = read.map { bytes, cut in (loader.rows(of: bytes, file: files[k]), cut) }
            }
        }
        return results
    }

    /// The snapshot files in a folder, sorted by name, the files skipped and
    /// why, and what is wrong with the folder itself (missing, not a folder,
    /// unreadable).
    static func listSnapshots(_ folder: String) -> (
        files: [String], skipped: [(file: String, reason: String)], problem: String?
    ) {
        var st = stat()
        guard stat(folder, &st) == 0 else {
            return (
                [], [],
                "there is no snapshots folder and no event log (events.csv); put the counts in snapshots/*.csv or the events in events.csv"
            )
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            return ([], [], "snapshots is not a folder; it must be a folder of CSV files (snapshots/*.csv)")
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            return ([], [], "cannot read the snapshots folder; check that you may read it (and open it: chmod +rx)")
        }
        var files: [String] = []
        var skipped: [(file: String, reason: String)] = []
        for name in names.sorted() {
            if let reason = skipReason(name) {
                skipped.append((folder + "/" + name, reason))
            } else {
                files.append(folder + "/" + name)
            }
        }
        return (files, skipped, nil)
    }

    /// The `.csv` and `.xlsx` files of a folder that are read as snapshots, sorted by name.
    static func listCSV(_ folder: String) -> [String] { listSnapshots(folder).files }

    /// Why a file in `snapshots/` is not read, or nil when it is a snapshot.
    static func skipReason(_ name: String) -> String? {
        if name.hasPrefix("~$") { return "an Excel owner file (the file is open in Excel)" }
        if name.hasPrefix(".~lock.") { return "a LibreOffice lock file (the file is open in LibreOffice)" }
        if name.hasPrefix(".") { return "a hidden file" }
        if name.hasPrefix("~") || name.hasSuffix("~") || name.hasPrefix("#") || name.hasSuffix("#") {
            return "an editor's backup or temporary file"
        }
        let lower = name.lowercased()
        for suffix in [".tmp", ".temp", ".part", ".partial", ".swp", ".bak"] where lower.hasSuffix(suffix) {
            return "a temporary file"
        }
        if !lower.hasSuffix(".csv") && !SpreadsheetInput.isSpreadsheet(lower) { return "not a .csv or .xlsx file" }
        return nil
    }

    /// A whole regular file, without blocking: a FIFO or a device is refused.
    static func readBytes(_ path: String) -> Result<[UInt8], DataIssue> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            let why = String(cString: strerror(errno))
            return .failure(
                DataIssue(
                    .error, file: path, "cannot read the file (\(why)); check that it exists and that you may read it"))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            return .failure(
                DataIssue(
                    .error, file: path,
                    "this is not a regular file (a pipe, a device or a folder); data files must be ordinary files"))
        }
        // Read straight into a buffer of the file's size (one byte more, to
        // see the end without a second buffer); a file that grows meanwhile
        // is read on in chunks, to its end.
        var failed: Int32? = nil
        var bytes = [UInt8](unsafeUninitializedCapacity: max(Int(st.st_size), 0) + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let got = Foundation.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if got < 0, errno == EINTR { continue }
                if got < 0 { failed = errno; return }
                if got == 0 { return }
                count += got
            }
        }
        if bytes.count > Int(st.st_size), failed == nil {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let got = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
                if got < 0, errno == EINTR { continue }
                if got < 0 { failed = errno; break }
                if got == 0 { break }
                bytes += chunk[0..<got]
            }
        }
        if let failed {
            return .failure(
                DataIssue(.error, file: path, "reading the file failed (\(String(cString: strerror(failed))))"))
        }
        return .success(bytes)
    }

    /// A snapshot file, read again (up to five times) while it changes under
    /// the read (size or modification time differ before and after): it is
    /// being written. A last line without its line end is left out, with a
    /// warning, never counted half; the dashboard reads the file again when it
    /// changes, so a file caught mid-write is shown once it is complete. (No
    /// waiting here: a load must never sleep.)
    static func readSnapshot(_ path: String) -> Result<([UInt8], DataIssue?), DataIssue> {
        var attempt = 0
        while true {
            let before = DirectoryFingerprint.of([path])
            switch readBytes(path) {
            case .failure(let issue): return .failure(issue)
            case .success(let bytes):
                if DirectoryFingerprint.of([path]) != before, attempt < 5 {
                    attempt += 1
                    continue
                }
                if bytes.isEmpty || bytes.last == 10 { return .success((bytes, nil)) }
                let cut = (bytes.lastIndex(of: 10) ?? -1) + 1
                let line = bytes[..<cut].reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
                let warning = DataIssue(
                    .warning, file: path, line: line, column: 1,
                    "the last line has no line end (the file may still be being written, or was cut short); it is left out. End it with a line break"
                )
                return .success((Array(bytes[..<cut]), warning))
            }
        }
    }

    static func readText(_ path: String) -> Result<String, DataIssue> {
        readBytes(path).flatMap { bytes in
            guard let s = String(validating: bytes, as: UTF8.self) else {
                return .failure(DataIssue(.error, file: path, "the file is not UTF-8 text; save it as UTF-8"))
            }
            return .success(s)
        }
    }
}

/// A value made on a thread of its own, from the moment this is created;
/// `value` waits for it.
final class InBackground<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)
    private var waited = false

    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            result = work()
            done.signal()
        }
        thread.start()
    }

    /// The value, once made (read after the semaphore, which orders the
    /// thread's write before this read).
    var value: Value {
        if !waited {
            done.wait()
            waited = true
        }
        return result!
    }
}
