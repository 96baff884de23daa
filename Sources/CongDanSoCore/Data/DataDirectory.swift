import Foundation

/// What loading a data directory gave: a dataset when there were no errors,
/// and every issue found (errors and warnings), in file order.
public struct LoadResult: Sendable {
    public var dataset: Dataset?
    public var issues: [DataIssue]
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
    public static func load(
        _ path: String, overrides: ConfigOverrides = ConfigOverrides(),
        events: String? = nil, progress: ((Int64, Int64) -> Void)? = nil
    ) -> LoadResult {
        var tail: EventTail? = nil
        return load(path, overrides: overrides, events: events, live: false, progress: progress, tail: &tail)
    }

    /// Loads the directory from its snapshots alone, leaving any event log
    /// aside: a quick first picture while the log (the real source) is read.
    public static func loadSnapshots(_ path: String, overrides: ConfigOverrides = ConfigOverrides()) -> LoadResult {
        var tail: EventTail? = nil
        return load(path, overrides: overrides, events: nil, live: false, ignoreEvents: true, tail: &tail)
    }

    /// Like `load`, and also hands back the event log's tail (when the log is
    /// the source) positioned after what was read, to follow the log with
    /// `EventTail.poll()`. With `live`, a last line without its newline is
    /// left for the tail (it may be half-written); otherwise it counts.
    public static func loadLive(
        _ path: String, overrides: ConfigOverrides = ConfigOverrides(), events: String? = nil,
        live: Bool = true, progress: ((Int64, Int64) -> Void)? = nil
    ) -> (result: LoadResult, tail: EventTail?) {
        var tail: EventTail? = nil
        let result = load(path, overrides: overrides, events: events, live: live, progress: progress, tail: &tail)
        return (result, tail)
    }

    private static func load(
        _ path: String, overrides: ConfigOverrides, events: String?, live: Bool,
        ignoreEvents: Bool = false, progress: ((Int64, Int64) -> Void)? = nil,
        tail: inout EventTail?
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

        var codeIndex: [String: Int] = [:]
        for (i, u) in units.enumerated() { codeIndex[u.code] = i }
        var snapshots = SnapshotsLoader(units: units, codeIndex: codeIndex)
        snapshots.timeZone = config.timeZone
        // A broken units.csv row is its own error: rows naming it (or any
        // unit, when no row of units.csv could be read) are not also "unknown".
        snapshots.rejectedCodes = rejectedCodes
        snapshots.unitsUnreadable = units.isEmpty
        let eventsPath =
            ignoreEvents
            ? nil
            : events
                ?? (FileManager.default.fileExists(atPath: dir + "/" + EventLogSource.fileName)
                    ? dir + "/" + EventLogSource.fileName : nil)
        let snapshotFiles = listCSV(dir + "/snapshots")
        for file in snapshotFiles {
            switch sheets.csvBytes(file) {
            case .success(let bytes): snapshots.read(bytes: bytes, file: file)
            case .failure(let issue): snapshots.issues.append(issue)
            }
        }
        let histories = snapshots.finish()
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
                leavePartialLine: live, progress: progress)
            tail = log.tail
            issues += log.issues
            if !snapshots.issues.hasErrors {
                issues += EventLogSource.checkSnapshots(
                    histories, against: log.histories, units: units,
                    folder: dir + "/snapshots", logPath: eventsPath,
                    timeZone: config.timeZone, upTo: log.latestMoment)
            }
            issues += snapshotIssues
            guard !issues.hasErrors else { return LoadResult(dataset: nil, issues: issues) }
            let dataset = Dataset(
                config: config, units: units, histories: log.histories, warnings: issues.warnings,
                firstMoment: log.firstMoment, latestMoment: log.latestMoment)
            return LoadResult(dataset: dataset, issues: issues)
        }
        issues += snapshots.issues
        if snapshotFiles.isEmpty {
            issues.append(
                DataIssue(
                    .warning, file: dir + "/snapshots",
                    "no snapshot files (snapshots/*.csv or *.xlsx); every unit shows 0 registered and 0 completed"))
        }
        guard !issues.hasErrors else { return LoadResult(dataset: nil, issues: issues) }
        let dataset = Dataset(config: config, units: units, histories: histories, warnings: issues.warnings)
        return LoadResult(dataset: dataset, issues: issues)
    }

    /// The `.csv` and `.xlsx` files in a folder, sorted by name; none when
    /// it is absent. Hidden files and Excel's lock files (`~$*`) are skipped.
    static func listCSV(_ folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter {
            ($0.lowercased().hasSuffix(".csv") || SpreadsheetInput.isSpreadsheet($0)) && !$0.hasPrefix(".")
                && !$0.hasPrefix("~$")
        }
        .sorted()
        .map { folder + "/" + $0 }
    }

    static func readBytes(_ path: String) -> Result<[UInt8], DataIssue> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(
                DataIssue(.error, file: path, "cannot read the file; check that it exists and that you may read it"))
        }
        return .success([UInt8](data))
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
