import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads snapshot files: cumulative counts with header
/// `as_of,code,registered,completed` (`name` may stand in for `code`).
///
/// Each file is read on its own (`rows(of:file:)`, which touches nothing
/// shared, so files are read on several threads at once), then the files'
/// rows and issues are added in file-name order (`add`), so the result and
/// every message are the same whatever the threads did.
struct SnapshotsLoader: Sendable {
    let units: [Unit]
    let codeIndex: [String: Int]
    /// Built on first use, by whichever file needs it first: most files key
    /// rows on codes.
    private let names = SharedNameResolver()
    /// The files whose rows were added, in order; a row's `RowOrigin.file`
    /// is an index here.
    private(set) var files: [String] = []
    /// Per added file (same index as `files`), its rows.
    private var parts: [SnapshotFileRows] = []
    var issues: [DataIssue] = []
    /// Offset used to write times in messages.
    var timeZone: UTCOffset = .vietnam
    /// Codes of units.csv rows rejected for an error, and whether units.csv
    /// gave no unit at all: rows naming those are skipped without a second error.
    var rejectedCodes: Set<String> = []
    var unitsUnreadable = false
    /// The units file's name as messages give it (`units.csv`, or
    /// `units.xlsx` when the units came from a workbook).
    var unitsFileName = "units.csv"
    /// Rows with an `as_of` after this are impossible (later than the clock
    /// allows): a warning, and left out of the counts and of "now".
    var futureLimit: Timestamp? = nil

    /// Codes of up to 8 ASCII bytes packed into an integer → unit index:
    /// looking a row's code up this way needs no String per row.
    let packedCodes: PackedCodeTable

    init(units: [Unit], codeIndex: [String: Int]) {
        self.units = units
        self.codeIndex = codeIndex
        var packed: [(UInt64, Int)] = []
        for (code, index) in codeIndex {
            if let key = Self.pack(Array(code.utf8)[...]) { packed.append((key, index)) }
        }
        self.packedCodes = PackedCodeTable(packed)
    }

    /// Packs 1 to 8 ASCII bytes into an integer (each byte non-zero, so
    /// "01" and "1" differ); nil for anything else.
    static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= 8 else { return nil }
        var key: UInt64 = 0
        for b in bytes {
            guard b > 0, b < 0x80 else { return nil }
            key = key << 8 | UInt64(b)
        }
        return key
    }

    /// Like `pack`, over a range of a buffer.
    @inline(__always)
    static func pack(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> UInt64? {
        guard !r.isEmpty, r.count <= 8 else { return nil }
        var key: UInt64 = 0
        for i in r {
            let c = b[i]
            guard c > 0, c < 0x80 else { return nil }
            key = key << 8 | UInt64(c)
        }
        return key
    }

    /// A field's bytes trimmed of spaces and tabs (`CSVReader.trimmedBytes`),
    /// as a range of the buffer.
    @inline(__always)
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ f: CSVField) -> Range<Int> {
        var s = f.start, e = f.end
        while s < e, b[s] == 32 || b[s] == 9 { s += 1 }
        while e > s, b[e - 1] == 32 || b[e - 1] == 9 { e -= 1 }
        return s..<e
    }

    /// Whether two ranges of a buffer hold the same bytes.
    @inline(__always)
    static func same(_ b: UnsafeBufferPointer<UInt8>, _ x: Range<Int>, _ y: Range<Int>) -> Bool {
        guard x.count == y.count, x.upperBound <= b.count, y.upperBound <= b.count else { return false }
        guard let base = b.baseAddress, !x.isEmpty else { return true }
        return memcmp(base + x.lowerBound, base + y.lowerBound, x.count) == 0
    }

    /// A trimmed field as a count (`CSVReader.integer`: 1 to 18 digits,
    /// nothing else); nil otherwise.
    @inline(__always)
    static func integer(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        guard !r.isEmpty, r.count <= 18 else { return nil }
        var n = 0
        for i in r {
            let c = b[i]
            guard c >= 48, c <= 57 else { return nil }
            n = n * 10 + Int(c - 48)
        }
        return n
    }

    /// Adds one file's rows and issues (from `rows(of:file:)`) after those
    /// of the files added before it.
    mutating func add(_ part: SnapshotFileRows, file: String) {
        files.append(file)
        issues += part.issues
        parts.append(part)
    }

    /// One file's rows (by unit, then line) and issues (in line order).
    /// Reads only what the loader was set up with: several files may be
    /// read at once.
    func rows(of bytes: [UInt8], file: String) -> SnapshotFileRows {
        var part = SnapshotFileRows()
        var table = CSVTable(bytes: bytes, file: file)
        guard
            table.readHeader(
                required: [["as_of"], ["code", "name"], ["registered"], ["completed"]], issues: &part.issues)
        else { return part }
        let cTime = table.index("as_of")!, cReg = table.index("registered")!, cDone = table.index("completed")!
        let cCode = table.index("code"), cName = table.index("name")
        // Rows of one file usually share one as_of: parse it once.
        var lastTimeBytes = 0..<0
        var lastTime: Timestamp? = nil
        // The name resolver, fetched when this file first needs it.
        var names: NameResolver? = nil
        // About one row per 30 bytes (a code, a time, two counts).
        part.reserveCapacity(bytes.count / 30)

        // The same bytes as the table's: fields are read in place.
        bytes.withUnsafeBufferPointer { b in
            while table.next(issues: &part.issues, in: b) {
                let line = table.fields[cTime].line
                var ok = true
                // When.
                let timeBytes = Self.trimmed(b, table.fields[cTime])
                if lastTime == nil || !Self.same(b, timeBytes, lastTimeBytes) {
                    switch Timestamp.parse(bytes[timeBytes], defaultOffset: nil) {
                    case .success(let t): lastTime = t; lastTimeBytes = timeBytes
                    case .failure(let why):
                        lastTime = nil
                        part.issues.append(
                            table.issue(.error, at: cTime, "the time \(table.shown(cTime)) \(why.explanation)"))
                        ok = false
                    }
                    if let t = lastTime, let futureLimit, t > futureLimit {
                        // Once a file and moment: a snapshot's rows share their as_of.
                        part.issues.append(
                            table.issue(
                                .warning, at: cTime,
                                "the time \(table.shown(cTime)) \(Timestamp.ParseFailure.future.explanation); the rows of this moment are left out"
                            ))
                    }
                }
                if let t = lastTime, let futureLimit, t > futureLimit { continue }
                // Which unit.
                var unit: Int? = nil
                if let cCode, !table.fields[cCode].hasEscapedQuotes,
                    let key = Self.pack(b, Self.trimmed(b, table.fields[cCode])), let found = packedCodes.find(key)
                {
                    unit = found  // the fast path: a known code
                } else if let cCode, !table.reader.trimmedBytes(table.fields[cCode]).isEmpty {
                    // nil when not UTF-8, which `text` has reported.
                    let code = table.reader.asciiString(table.fields[cCode]) ?? table.text(cCode, issues: &part.issues)
                    unit = code.flatMap { codeIndex[$0] }
                    if unit == nil { ok = false }
                    if unit == nil, let code, !unitsUnreadable, !rejectedCodes.contains(code) {
                        var hint = "check the code against \(unitsFileName)"
                        if let padded = codeIndex.keys.first(where: {
                            $0.count > code.count && $0.hasSuffix(code)
                                && $0.dropLast(code.count).allSatisfy { $0 == "0" }
                        }) {
                            hint = "did a spreadsheet drop its leading zeros? \(unitsFileName) has \(padded)"
                        }
                        part.issues.append(
                            table.issue(
                                .error, at: cCode,
                                "the unit code \(table.shown(cCode)) is not in \(unitsFileName); \(hint)"
                            ))
                        ok = false
                    }
                } else if let cName, !table.reader.trimmedBytes(table.fields[cName]).isEmpty {
                    if names == nil { names = self.names.resolver(units) }
                    // nil when not UTF-8, which `text` has reported.
                    switch table.text(cName, issues: &part.issues).map({ names!.resolve($0) }) {
                    case nil: ok = false
                    case .unit(let i)?: unit = i
                    case .unknown? where unitsUnreadable: ok = false
                    case .unknown?:
                        part.issues.append(
                            table.issue(
                                .error, at: cName,
                                "no unit in \(unitsFileName) is named \(table.shown(cName)); check the spelling, including accents, or use the code"
                            ))
                        ok = false
                    case .ambiguous(let candidates)?:
                        let text = table.text(cName, issues: &part.issues) ?? ""
                        part.issues.append(
                            table.issue(
                                .error, at: cName,
                                names!.ambiguityMessage(text, shown: table.shown(cName), candidates: candidates)))
                        ok = false
                    }
                } else {
                    let column = cCode ?? cName!
                    part.issues.append(table.issue(.error, at: column, "the row names no unit; fill in its code"))
                    ok = false
                }
                // How many.
                let registered =
                    Self.integer(b, Self.trimmed(b, table.fields[cReg]))
                    ?? count(table, cReg, "registered", &part.issues)
                let completed =
                    Self.integer(b, Self.trimmed(b, table.fields[cDone]))
                    ?? count(table, cDone, "completed", &part.issues)
                if let r = registered, let c = completed, c > r {
                    part.issues.append(
                        table.issue(
                            .error, at: cDone,
                            "completed (\(c)) is more than registered (\(r)); a candidate must register before completing"
                        ))
                    ok = false
                }
                guard ok, let unit, let time = lastTime, let registered, let completed else { continue }
                part.append(
                    unit: unit, Observation(time: time, registered: registered, completed: completed), line: line)
            }
        }
        // By unit, each unit's rows in line order (lines only grow), so that
        // `finish` takes each file's rows of a unit in one run.
        if zip(part.rows, part.rows.dropFirst()).contains(where: { $1.unit < $0.unit }) {
            part.rows.sort { $0.unit != $1.unit ? $0.unit < $1.unit : $0.line < $1.line }
        }
        return part
    }

    private func count(_ table: CSVTable, _ column: Int, _ what: String, _ issues: inout [DataIssue]) -> Int? {
        if let n = table.reader.integer(table.fields[column]) { return n }
        let text = table.reader.string(table.fields[column])?.trimmingSpaces ?? ""
        let why: String
        if text.isEmpty {
            why = "is empty; write 0 if there are none"
        } else if text.hasPrefix("-"), Int(text) != nil {
            why = "is negative; counts start at 0"
        } else {
            why = "is not a whole number; write digits only, without separators or decimals"
        }
        issues.append(table.issue(.error, at: column, "the \(what) count \(table.shown(column)) \(why)"))
        return nil
    }

    /// Sorts each unit's rows by time and checks them: two different rows
    /// for one moment are an error; a count that goes down is a warning.
    /// A unit's rows are taken in file then line order, and rows of one
    /// moment keep that order. With `parallel`, units are split across
    /// threads; the issues come in unit order either way.
    mutating func finish(parallel: Bool = true) -> [History] {
        let n = units.count
        let parts = self.parts
        self.parts = []
        let rowCount = parts.reduce(0) { $0 + $1.rows.count }
        var histories = [History](repeating: History(), count: n)
        let chunks = parallel && rowCount >= 10_000 ? 2 : 1
        var chunkIssues = [[DataIssue]](repeating: [], count: chunks)
        let me = self
        histories.withUnsafeMutableBufferPointer { h in
            chunkIssues.withUnsafeMutableBufferPointer { ci in
                let h = Unchecked(h), ci = Unchecked(ci)
                runAll(chunks, parallel: chunks > 1) { c in
                    let first = n * c / chunks, end = n * (c + 1) / chunks
                    // Each file's rows are sorted by unit: a cursor a file,
                    // from the file's first row of this chunk's first unit.
                    var cursors = parts.map { part in
                        var low = 0, high = part.rows.count
                        while low < high {
                            let mid = (low + high) / 2
                            if Int(part.rows[mid].unit) < first { low = mid + 1 } else { high = mid }
                        }
                        return low
                    }
                    var issues: [DataIssue] = []
                    var unitRows: [GatheredRow] = []
                    for u in first..<end {
                        // The unit's rows in file then line order.
                        unitRows.removeAll(keepingCapacity: true)
                        for f in parts.indices {
                            var i = cursors[f]
                            while i < parts[f].rows.count, Int(parts[f].rows[i].unit) == u {
                                let row = parts[f].rows[i]
                                unitRows.append(
                                    GatheredRow(
                                        observation: row.observation, origin: RowOrigin(file: Int32(f), line: row.line))
                                )
                                i += 1
                            }
                            cursors[f] = i
                        }
                        h.value[u] = me.history(u, unitRows[...], &issues)
                    }
                    ci.value[c] = issues
                }
            }
        }
        for part in chunkIssues { issues += part }
        return histories
    }

    /// One unit's history from its rows (in file then line order), with the
    /// issues its rows show.
    private func history(_ u: Int, _ rows: ArraySlice<GatheredRow>, _ issues: inout [DataIssue]) -> History {
        // Rows usually come in time order already (one file a day, named by
        // date); else sorted, rows of one moment keeping their file and line order.
        let inOrder = !zip(rows, rows.dropFirst()).contains { $1.observation.time < $0.observation.time }
        let ordered =
            inOrder
            ? rows
            : ArraySlice(
                rows.enumerated().sorted { a, b in
                    let ta = a.element.observation.time, tb = b.element.observation.time
                    return ta != tb ? ta < tb : a.offset < b.offset
                }.map(\.element))
        var history = History()
        history.reserveCapacity(rows.count)
        var last: Observation? = nil
        var previousOrigin: RowOrigin? = nil
        for row in ordered {
            let obs = row.observation, origin = row.origin
            if let last, let previousOrigin {
                if last.time == obs.time {
                    if last != obs {
                        issues.append(
                            DataIssue(
                                .error, file: files[Int(origin.file)], line: Int(origin.line), column: 1,
                                "\(units[u].fullName()) (\(units[u].code)) has two different rows for \(obs.time.iso8601(offset: timeZone)): this one and \(place(previousOrigin, from: origin)); keep one"
                            ))
                    }
                    continue
                }
                if obs.registered < last.registered || obs.completed < last.completed {
                    let what =
                        obs.registered < last.registered
                        ? "registered fell from \(last.registered) to \(obs.registered)"
                        : "completed fell from \(last.completed) to \(obs.completed)"
                    issues.append(
                        DataIssue(
                            .warning, file: files[Int(origin.file)], line: Int(origin.line), column: 1,
                            "\(units[u].fullName()) (\(units[u].code)): \(what) since \(place(previousOrigin, from: origin)); counts are cumulative and should not go down"
                        ))
                }
            }
            history.append(obs)
            last = obs
            previousOrigin = origin
        }
        return history
    }

    private func place(_ o: RowOrigin, from here: RowOrigin) -> String {
        o.file == here.file ? "line \(o.line)" : "\(files[Int(o.file)]):\(o.line)"
    }
}

/// A row gathered with its unit's other rows: its counts and where it is.
struct GatheredRow {
    var observation: Observation
    var origin: RowOrigin
}

/// One snapshot file's rows (each with its unit and line), by unit then
/// line, and its issues, in line order.
struct SnapshotFileRows: Sendable {
    struct Row {
        var observation: Observation
        var unit: Int32
        var line: Int32
    }

    var rows: [Row] = []
    var issues: [DataIssue] = []

    mutating func reserveCapacity(_ n: Int) { rows.reserveCapacity(n) }

    mutating func append(unit: Int, _ observation: Observation, line: Int) {
        rows.append(Row(observation: observation, unit: Int32(truncatingIfNeeded: unit), line: Int32(clamping: line)))
    }
}

/// Unit codes packed into integers (`SnapshotsLoader.pack`, never 0) →
/// unit index: an open-addressing table with a multiplicative hash, a
/// cheaper look-up for every row than a Dictionary's.
struct PackedCodeTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int]
    private let mask: Int
    private let shift: UInt64

    init(_ pairs: [(UInt64, Int)]) {
        var bits = 4
        while 1 << bits < 2 * pairs.count { bits += 1 }
        keys = Array(repeating: 0, count: 1 << bits)
        values = Array(repeating: 0, count: 1 << bits)
        mask = (1 << bits) - 1
        shift = UInt64(64 - bits)
        for (key, value) in pairs {
            var i = slot(key)
            while keys[i] != 0, keys[i] != key { i = (i + 1) & mask }
            keys[i] = key
            values[i] = value
        }
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    @inline(__always)
    func find(_ key: UInt64) -> Int? {
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }
}

/// The name resolver shared by the files read at once: built by the first
/// file that keys a row on a name, then used by all.
final class SharedNameResolver: Sendable {
    private let resolver = Mutex<NameResolver?>(nil)

    func resolver(_ units: [Unit]) -> NameResolver {
        resolver.withLock { built in
            if let built { return built }
            let made = NameResolver(units: units)
            built = made
            return made
        }
    }
}
