import Foundation
import SpreadsheetReader

/// Excel workbooks (`units.xlsx`, `snapshots/*.xlsx`) read by the same
/// rules and the same loaders as their CSV forms.
///
/// The first worksheet is turned into CSV text, one CSV line per sheet row
/// (line N is row N, empty rows are blank lines, which the CSV reader
/// skips), one field per column from A; the loaders then read it exactly as
/// they read a .csv file, and their issues are moved back onto the sheet's
/// cells: `snapshots/22-10.xlsx:Sheet1!C12: error: …`.
///
/// Cells become text this way:
/// - text (shared strings, inline strings, rich-text runs joined, formula
///   results) as it is, line breaks inside a cell turned into spaces;
/// - numbers in their shortest form (`2160`, `45.34`);
/// - numbers with a date or time format (1900 or 1904 date system) as ISO
///   8601 in the contest's time zone (`2025-10-22T15:00:00+07:00`); dates
///   typed as text are read as text, by the CSV rules;
/// - in count columns (`registered`, `completed`, `population`, `adults`),
///   numbers stored as text with Vietnamese thousands dots (`84.360`,
///   `1.234.567`: one to three digits, then groups of a dot and three
///   digits) are read as the whole number. A count cannot have decimals, so
///   the dots cannot be a decimal point there. Anything else (`84,360`,
///   `84 360`, `84.36`) is the CSV error "not a whole number".
struct SpreadsheetInput {
    let timeZone: UTCOffset
    /// Each workbook read: its CSV form and the sheet's name.
    private var converted: [String: (bytes: [UInt8], sheet: String)] = [:]

    init(timeZone: UTCOffset) { self.timeZone = timeZone }

    static let countColumns: Set<String> = ["registered", "completed", "population", "adults"]

    static func isSpreadsheet(_ path: String) -> Bool { path.lowercased().hasSuffix(".xlsx") }

    /// The file's bytes as CSV: a .csv file as it is, a workbook converted.
    mutating func csvBytes(_ path: String) -> Result<[UInt8], DataIssue> {
        guard Self.isSpreadsheet(path) else { return DataDirectory.readBytes(path) }
        do {
            let (bytes, sheet) = try Self.convert(path, timeZone: timeZone)
            converted[path] = (bytes, sheet)
            return .success(bytes)
        } catch let error as XLSXError {
            return .failure(DataIssue(.error, file: path, "cannot read the workbook: \(error.description)"))
        } catch {
            return .failure(DataIssue(.error, file: path, "cannot read the workbook: \(error)"))
        }
    }

    /// Issues placed by CSV line and column moved onto the sheet's cells.
    func relocate(_ issues: [DataIssue]) -> [DataIssue] {
        guard !converted.isEmpty else { return issues }
        var lineStarts: [String: [Int]] = [:]
        return issues.map { issue in
            guard let (bytes, sheet) = converted[issue.file] else { return issue }
            var place = "\(issue.file):\(sheet)"
            if issue.line > 0 {
                if lineStarts[issue.file] == nil {
                    lineStarts[issue.file] = [0] + bytes.indices.filter { bytes[$0] == 10 }.map { $0 + 1 }
                }
                let starts = lineStarts[issue.file]!
                let field =
                    issue.column > 0 && issue.line <= starts.count
                    ? Self.fieldIndex(bytes, from: starts[issue.line - 1], column: issue.column) : 0
                place += "!\(XLSXReader.columnName(field))\(issue.line)"
            }
            // "line 7" in a message is row 7 of the sheet.
            let message = issue.message.replacingOccurrences(
                of: #"\bline (\d+)"#, with: "row $1", options: .regularExpression)
            return DataIssue(issue.severity, file: place, line: 0, column: 0, message)
        }
    }

    /// The first worksheet of a workbook as CSV bytes, and the sheet's name.
    static func convert(_ path: String, timeZone: UTCOffset) throws -> ([UInt8], String) {
        let reader = try XLSXReader(path: path)
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        var line = 1
        var headerWidth: Int? = nil
        var countColumns: Set<Int> = []
        var lastSerial = Double.nan
        var lastDate = ""
        try reader.readRows(sheet: 0) { row, cells in
            // Row N on line N. A row out of order, repeated or past Excel's
            // last row (1,048,576) still gets a line of its own.
            let target = row > line && row <= 1_048_576 ? row : line + (out.isEmpty ? 0 : 1)
            while line < target {
                out.append(10)
                line += 1
            }
            var texts: [String] = []
            texts.reserveCapacity(max(cells.last.map { $0.column + 1 } ?? 0, headerWidth ?? 0))
            for cell in cells {
                while texts.count < cell.column { texts.append("") }
                if case .date(let serial) = cell.value, (0...2_958_465).contains(serial) {  // up to 9999-12-31
                    // Rows of one file usually share their moment: format it once.
                    if serial != lastSerial {
                        lastSerial = serial
                        lastDate = text(cell.value, reader: reader, timeZone: timeZone)
                    }
                    texts.append(lastDate)
                } else if case .text(let s) = cell.value, headerWidth != nil, countColumns.contains(cell.column),
                    let n = thousandsDots(s)
                {
                    texts.append(n)
                } else {
                    texts.append(text(cell.value, reader: reader, timeZone: timeZone))
                }
            }
            if headerWidth == nil {
                guard texts.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return }
                headerWidth = texts.count
                for (i, t) in texts.enumerated() {
                    if Self.countColumns.contains(t.trimmingCharacters(in: .whitespaces).lowercased()) {
                        countColumns.insert(i)
                    }
                }
            }
            // Excel leaves trailing empty cells out; the CSV rules want the header's width.
            while texts.count < headerWidth ?? 0 { texts.append("") }
            for (i, t) in texts.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendField(t, to: &out)
            }
        }
        return (out, reader.sheets[0].name)
    }

    static func text(_ value: XLSXValue, reader: XLSXReader, timeZone: UTCOffset) -> String {
        switch value {
        case .text(let s):
            return s.utf8.contains(where: { $0 == 10 || $0 == 13 })
                ? s.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
                    .replacingOccurrences(of: "\r", with: " ")
                : s
        case .number(let x):
            if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
            return "\(x)"
        case .date(let serial):
            // Out of Excel's range (before 1900 or after 9999): the number as it is.
            guard (0...2_958_465).contains(serial) else {
                return text(.number(serial), reader: reader, timeZone: timeZone)
            }
            let d = reader.dateFields(serial)
            func pad(_ n: Int, _ w: Int) -> String {
                let s = String(n)
                return String(repeating: "0", count: max(0, w - s.count)) + s
            }
            return
                "\(pad(d.year, 4))-\(pad(d.month, 2))-\(pad(d.day, 2))T\(pad(d.hour, 2)):\(pad(d.minute, 2)):\(pad(d.second, 2))\(timeZone)"
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        }
    }

    /// "84.360" → "84360" when the dots group thousands exactly; nil otherwise.
    static func thousandsDots(_ s: String) -> String? {
        guard s.utf8.contains(UInt8(ascii: ".")) else { return nil }
        let t = s.trimmingCharacters(in: .whitespaces)
        let groups = t.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count > 1, let first = groups.first, (1...3).contains(first.count),
            groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { return nil }
        return groups.joined()
    }

    private static func appendField(_ s: String, to out: inout [UInt8]) {
        if s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
            out.append(UInt8(ascii: "\""))
            for b in s.utf8 {
                if b == UInt8(ascii: "\"") { out.append(b) }
                out.append(b)
            }
            out.append(UInt8(ascii: "\""))
        } else {
            out.append(contentsOf: s.utf8)
        }
    }

    /// Which field (0-based) a 1-based character column of a CSV line falls in.
    static func fieldIndex(_ bytes: [UInt8], from start: Int, column: Int) -> Int {
        var end = start
        while end < bytes.count, bytes[end] != 10 { end += 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        var field = 0, quoted = false, position = 1
        for c in text {
            if position >= column { break }
            if c == "\"" { quoted.toggle() } else if c == ",", !quoted { field += 1 }
            position += 1
        }
        return field
    }
}
