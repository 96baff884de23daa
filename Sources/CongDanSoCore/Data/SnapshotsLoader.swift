/// Reads snapshot files: cumulative counts with header
/// `as_of,code,registered,completed` (`name` may stand in for `code`).
struct SnapshotsLoader {
    let units: [Unit]
    let codeIndex: [String: Int]
    /// Built on first use: most files key rows on codes.
    var names: NameResolver?
    /// Per unit, every row read so far, with where it came from.
    var rows: [[(Observation, RowOrigin)]]
    var files: [String] = []
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
    let packedCodes: [UInt64: Int]

    init(units: [Unit], codeIndex: [String: Int]) {
        self.units = units
        self.codeIndex = codeIndex
        self.rows = Array(repeating: [], count: units.count)
        var packed: [UInt64: Int] = [:]
        for (code, index) in codeIndex {
            if let key = Self.pack(Array(code.utf8)[...]) { packed[key] = index }
        }
        self.packedCodes = packed
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

    mutating func read(bytes: [UInt8], file: String) {
        let fileNumber = Int32(files.count)
        files.append(file)
        var table = CSVTable(bytes: bytes, file: file)
        guard
            table.readHeader(required: [["as_of"], ["code", "name"], ["registered"], ["completed"]], issues: &issues)
        else { return }
        let cTime = table.index("as_of")!, cReg = table.index("registered")!, cDone = table.index("completed")!
        let cCode = table.index("code"), cName = table.index("name")
        // Rows of one file usually share one as_of: parse it once.
        var lastTimeBytes: ArraySlice<UInt8> = []
        var lastTime: Timestamp? = nil

        while table.next(issues: &issues) {
            let line = table.fields[cTime].line
            var ok = true
            // When.
            let timeBytes = table.reader.trimmedBytes(table.fields[cTime])
            if lastTime == nil || timeBytes != lastTimeBytes {
                switch Timestamp.parse(timeBytes, defaultOffset: nil) {
                case .success(let t): lastTime = t; lastTimeBytes = timeBytes
                case .failure(let why):
                    lastTime = nil
                    issues.append(table.issue(.error, at: cTime, "the time \(table.shown(cTime)) \(why.explanation)"))
                    ok = false
                }
                if let t = lastTime, let futureLimit, t > futureLimit {
                    // Once a file and moment: a snapshot's rows share their as_of.
                    issues.append(
                        table.issue(
                            .warning, at: cTime,
                            "the time \(table.shown(cTime)) \(Timestamp.ParseFailure.future.explanation); the rows of this moment are left out"
                        ))
                }
            }
            if let t = lastTime, let futureLimit, t > futureLimit { continue }
            // Which unit.
            var unit: Int? = nil
            if let cCode, let key = Self.pack(table.reader.trimmedBytes(table.fields[cCode])),
                !table.fields[cCode].hasEscapedQuotes, let found = packedCodes[key]
            {
                unit = found  // the fast path: a known code
            } else if let cCode, !table.reader.trimmedBytes(table.fields[cCode]).isEmpty {
                // nil when not UTF-8, which `text` has reported.
                let code = table.reader.asciiString(table.fields[cCode]) ?? table.text(cCode, issues: &issues)
                unit = code.flatMap { codeIndex[$0] }
                if unit == nil { ok = false }
                if unit == nil, let code, !unitsUnreadable, !rejectedCodes.contains(code) {
                    var hint = "check the code against \(unitsFileName)"
                    if let padded = codeIndex.keys.first(where: {
                        $0.count > code.count && $0.hasSuffix(code) && $0.dropLast(code.count).allSatisfy { $0 == "0" }
                    }) {
                        hint = "did a spreadsheet drop its leading zeros? \(unitsFileName) has \(padded)"
                    }
                    issues.append(
                        table.issue(
                            .error, at: cCode, "the unit code \(table.shown(cCode)) is not in \(unitsFileName); \(hint)"
                        ))
                    ok = false
                }
            } else if let cName, !table.reader.trimmedBytes(table.fields[cName]).isEmpty {
                if names == nil { names = NameResolver(units: units) }
                // nil when not UTF-8, which `text` has reported.
                switch table.text(cName, issues: &issues).map({ names!.resolve($0) }) {
                case nil: ok = false
                case .unit(let i)?: unit = i
                case .unknown? where unitsUnreadable: ok = false
                case .unknown?:
                    issues.append(
                        table.issue(
                            .error, at: cName,
                            "no unit in \(unitsFileName) is named \(table.shown(cName)); check the spelling, including accents, or use the code"
                        ))
                    ok = false
                case .ambiguous(let candidates)?:
                    let text = table.text(cName, issues: &issues) ?? ""
                    issues.append(
                        table.issue(
                            .error, at: cName,
                            names!.ambiguityMessage(text, shown: table.shown(cName), candidates: candidates)))
                    ok = false
                }
            } else {
                let column = cCode ?? cName!
                issues.append(table.issue(.error, at: column, "the row names no unit; fill in its code"))
                ok = false
            }
            // How many.
            let registered = count(&table, cReg, "registered")
            let completed = count(&table, cDone, "completed")
            if let r = registered, let c = completed, c > r {
                issues.append(
                    table.issue(
                        .error, at: cDone,
                        "completed (\(c)) is more than registered (\(r)); a candidate must register before completing"))
                ok = false
            }
            guard ok, let unit, let time = lastTime, let registered, let completed else { continue }
            rows[unit].append(
                (
                    Observation(time: time, registered: registered, completed: completed),
                    RowOrigin(file: fileNumber, line: Int32(line))
                ))
        }
    }

    private mutating func count(_ table: inout CSVTable, _ column: Int, _ what: String) -> Int? {
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
    mutating func finish() -> [History] {
        var histories: [History] = []
        histories.reserveCapacity(rows.count)
        for (u, unitRows) in rows.enumerated() {
            let sorted = unitRows.enumerated().sorted { a, b in
                a.element.0.time != b.element.0.time ? a.element.0.time < b.element.0.time : a.offset < b.offset
            }.map(\.element)
            var history: [Observation] = []
            history.reserveCapacity(sorted.count)
            var previousOrigin: RowOrigin? = nil
            for (obs, origin) in sorted {
                if let last = history.last, let previousOrigin {
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
                previousOrigin = origin
            }
            histories.append(History(history))
        }
        return histories
    }

    private func place(_ o: RowOrigin, from here: RowOrigin) -> String {
        o.file == here.file ? "line \(o.line)" : "\(files[Int(o.file)]):\(o.line)"
    }
}
