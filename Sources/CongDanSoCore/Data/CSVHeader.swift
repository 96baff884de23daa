import TextSafety

/// The one reader of CSV headers, used by every loader (units, snapshots,
/// the event log) and by `replay`: the column names, normalised (trimmed,
/// NFC, lower case), and the problems a header shows first — a UTF-16 file,
/// text that is not UTF-8, a semicolon- or tab-separated file, a missing
/// column — each named with its fix.
public struct CSVHeader: Sendable {
    /// Column names, trimmed, NFC and lower case; "" for an unnamed column.
    public private(set) var names: [String] = []
    /// Fields of the header record (positions for messages).
    var fields: [CSVField] = []
    /// The separator the header names its columns with.
    public private(set) var separator = UInt8(ascii: ",")
    /// A problem that stops reading (not UTF-8, broken quotes, UTF-16).
    public private(set) var problem: DataIssue?

    /// Reads the header record of a file (`bytes`, or just its first line)
    /// with the reader given, leaving the reader after it.
    init(reader: inout CSVReader, file: String, line: Int = 1) {
        separator = reader.separator
        if let encoding = CSVHeader.otherEncoding(reader.bytes) {
            problem = DataIssue(
                .error, file: file, line: line, column: 1,
                "the file is \(encoding) text (Excel's \"Unicode Text\"); save it as \"CSV UTF-8 (Comma delimited)\"")
            return
        }
        do {
            guard try reader.next(into: &fields) else { return }
        } catch {
            problem = DataIssue(
                .error, file: file, line: error.line + line - 1,
                column: reader.column(lineStart: error.lineStart, position: error.position), error.message)
            return
        }
        for f in fields {
            guard let raw = reader.string(f) else {
                problem = DataIssue(
                    .error, file: file, line: f.line + line - 1, column: reader.column(of: f),
                    "the header is not UTF-8 text; save the file as \"CSV UTF-8\"")
                return
            }
            names.append(VietnameseText.nfc(raw.trimmingSpaces).lowercased())
        }
    }

    /// The header of one line of bytes (replay's and the event log's).
    public init(line bytes: some Collection<UInt8>, file: String, lineNumber: Int = 1) {
        var reader = CSVReader(bytes: Array(bytes))
        self.init(reader: &reader, file: file, line: lineNumber)
    }

    /// The index of a column (by its normalised name), when present.
    public func index(of name: String) -> Int? { names.firstIndex(of: name) }

    /// Whether the header holds no column name at all (an empty file).
    public var isEmpty: Bool { names.allSatisfy(\.isEmpty) }

    /// The separator that the header seems to use instead of commas: a
    /// semicolon (Excel with a European list separator) or a tab (Excel's
    /// "Text (Tab delimited)"), when the whole header is one field holding it.
    public var otherSeparator: UInt8? {
        guard names.count == 1 || names.dropFirst().allSatisfy(\.isEmpty), let only = names.first else { return nil }
        if only.contains(";") { return UInt8(ascii: ";") }
        if only.contains("\t") { return 9 }
        return nil
    }

    /// The error for the first required column missing (each entry lists
    /// alternatives: `["code", "name"]`), with what the header has and how
    /// to fix it; nil when all are present. `what` names the header in the
    /// message ("the header", "the event log's header").
    public func missing(
        _ required: [[String]], file: String, line: Int = 1, what: String = "the header"
    ) -> DataIssue? {
        if let problem { return problem }
        let absent = required.filter { alternatives in !alternatives.contains { index(of: $0) != nil } }
        guard !absent.isEmpty else { return nil }
        let wanted = required.map { $0.joined(separator: " or ") }.joined(separator: ",")
        if isEmpty {
            return DataIssue(
                .error, file: file, line: line, column: 1,
                "\(what) is empty; it needs a header line naming the columns (\(wanted))")
        }
        if let sep = otherSeparator {
            let name = sep == 9 ? "tabs" : "semicolons (;)"
            return DataIssue(
                .error, file: file, line: line, column: 1,
                "the file is separated by \(name), not commas; save it as \"CSV UTF-8 (Comma delimited)\" (the header must name \(wanted))"
            )
        }
        let names = absent.map { $0.map { "\"\($0)\"" }.joined(separator: " or ") }.joined(separator: ", ")
        let have = self.names.filter { !$0.isEmpty }.map { TextSafety.clean($0) }.joined(separator: ",")
        return DataIssue(
            .error, file: file, line: line, column: 1,
            "\(what) has no \(names) column (it has: \(have)); add it or rename the column (the header must name \(wanted))"
        )
    }

    /// "UTF-16" when the bytes look like UTF-16 (a UTF-16 byte-order mark,
    /// or NUL bytes among the first ones, which text never holds); nil
    /// otherwise.
    static func otherEncoding(_ bytes: [UInt8]) -> String? {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return "UTF-16"
        }
        if bytes.prefix(64).contains(0) { return "UTF-16" }
        return nil
    }
}
