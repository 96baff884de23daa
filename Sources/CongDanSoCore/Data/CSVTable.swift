import Foundation

/// Reads a CSV file whose first record names its columns, turning syntax
/// problems and missing columns into `DataIssue`s with positions.
struct CSVTable {
    let file: String
    var reader: CSVReader
    /// Column name (lower case, trimmed, NFC) → index in a record.
    private(set) var columns: [String: Int] = [:]
    private(set) var headerCount = 0
    var fields: [CSVField] = []

    init(bytes: [UInt8], file: String) {
        self.file = file
        self.reader = CSVReader(bytes: bytes)
    }

    /// Reads the header (through `CSVHeader`, the one header reader) and
    /// checks the required columns. A file separated by semicolons or tabs
    /// (Excel with a European list separator, or "Text (Tab delimited)") is
    /// read with that separator. Returns false (with issues added) when the
    /// file cannot be read further.
    mutating func readHeader(required: [[String]], issues: inout [DataIssue]) -> Bool {
        var header = CSVHeader(reader: &reader, file: file)
        if header.problem == nil, header.missing(required, file: file) != nil, let other = header.otherSeparator {
            reader = CSVReader(bytes: reader.bytes, separator: other)
            header = CSVHeader(reader: &reader, file: file)
        }
        if let problem = header.problem {
            issues.append(problem)
            return false
        }
        fields = header.fields
        headerCount = header.names.count
        for (index, name) in header.names.enumerated() {
            // Unnamed columns (Excel's trailing ",,,") are ignored, however many.
            if name.isEmpty { continue }
            if columns[name] != nil {
                let f = fields[index]
                issues.append(
                    DataIssue(
                        .error, file: file, line: f.line, column: reader.column(of: f),
                        "the column \"\(TextSanitizer.sanitize(name))\" appears twice in the header; keep one"))
                return false
            }
            columns[name] = index
        }
        if let missing = header.missing(required, file: file) {
            issues.append(missing)
            return false
        }
        return true
    }

    func index(_ name: String) -> Int? { columns[name] }

    /// Reads the next data record. Syntax errors are reported and reading
    /// stops, because positions after a broken quote cannot be trusted.
    /// With `buffer` (the file's bytes, as given to `init`), records are
    /// read from it.
    mutating func next(issues: inout [DataIssue], in buffer: UnsafeBufferPointer<UInt8>? = nil) -> Bool {
        do {
            while try nextRecord(buffer) {
                if fields.count == headerCount { return true }
                if fields.count > headerCount,
                    fields[headerCount...].allSatisfy({ $0.end == $0.start })
                {
                    return true
                }
                let f = fields.count > headerCount ? fields[headerCount] : fields[fields.count - 1]
                // Too few: point just past the last field (past its closing quote when quoted).
                let end = f.end + (f.position < f.start ? 1 : 0)
                issues.append(
                    DataIssue(
                        .error, file: file, line: f.line,
                        column: fields.count > headerCount
                            ? reader.column(of: f) : reader.column(lineStart: f.lineStart, position: end),
                        "this row has \(fields.count) fields but the header has \(headerCount); check for a missing or extra comma (quote fields that contain commas)"
                    ))
            }
            return false
        } catch {
            issues.append(issue(error))
            return false
        }
    }

    private mutating func nextRecord(_ buffer: UnsafeBufferPointer<UInt8>?) throws(CSVSyntaxError) -> Bool {
        if let buffer { return try reader.next(into: &fields, in: buffer) }
        return try reader.next(into: &fields)
    }

    func issue(_ e: CSVSyntaxError) -> DataIssue {
        DataIssue(
            .error, file: file, line: e.line, column: reader.column(lineStart: e.lineStart, position: e.position),
            e.message)
    }

    /// An issue placed at a field of the current record.
    func issue(_ severity: DataIssue.Severity, at column: Int, _ message: String) -> DataIssue {
        let f = fields[column]
        return DataIssue(severity, file: file, line: f.line, column: reader.column(of: f), message)
    }

    /// The text of a column in the current record, trimmed; nil when the
    /// column is absent. Invalid UTF-8 is reported.
    func text(_ column: Int?, issues: inout [DataIssue]) -> String? {
        guard let column else { return nil }
        let f = fields[column]
        guard let s = reader.string(f) else {
            issues.append(issue(.error, at: column, "this field is not UTF-8 text; save the file as \"CSV UTF-8\""))
            return nil
        }
        // Nothing to trim unless the field starts or ends with a space or tab.
        func blank(_ b: UInt8) -> Bool { b == 32 || b == 9 }
        if f.end > f.start, !blank(reader.bytes[f.start]), !blank(reader.bytes[f.end - 1]) { return s }
        return s.trimmingSpaces
    }

    /// Shows a field's content in a message: quoted, sanitised, shortened.
    func shown(_ column: Int) -> String {
        let raw = reader.string(fields[column]) ?? "?"
        let clean = TextSanitizer.sanitize(raw)
        return "\"" + (clean.count > 40 ? String(clean.prefix(40)) + "…" : clean) + "\""
    }
}
