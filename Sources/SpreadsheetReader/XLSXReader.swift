import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A cell's value as stored in the workbook.
public enum XLSXValue: Equatable, Sendable {
    /// Text: a shared string (rich-text runs joined), an inline string, or a
    /// formula's text result.
    case text(String)
    /// A number with a general or numeric format.
    case number(Double)
    /// A number whose format is a date or time: days since the workbook's
    /// epoch (see `XLSXReader.date1904`).
    case date(Double)
    case bool(Bool)
    /// An error value such as `#N/A`.
    case error(String)
}

public struct XLSXCell: Sendable {
    /// 0-based column (A = 0).
    public var column: Int
    public var value: XLSXValue
}

/// Why a workbook could not be read.
public struct XLSXError: Error, CustomStringConvertible, Sendable {
    /// The part of the package, when the problem is inside one.
    public var part: String?
    public var message: String
    public var description: String { part.map { "\($0): \(message)" } ?? message }
}

/// Reads .xlsx workbooks (SpreadsheetML, Transitional or Strict namespaces):
/// the package with ZIPFoundation, each part with Foundation's streaming
/// `XMLParser`. Worksheets are never built as a tree: rows are handed to the
/// caller as the parser meets them.
public struct XLSXReader {
    public let path: String
    let archive: Archive
    /// The sheets in workbook order: name and part path.
    public private(set) var sheets: [(name: String, part: String)] = []
    /// Dates count from 1904-01-01 instead of 1899-12-30 (old Mac Excel).
    public internal(set) var date1904 = false
    var sharedStrings: [String] = []
    /// Per cell style (`s` attribute): whether its number format is a date.
    var dateStyles: [Bool] = []

    public init(path: String) throws {
        self.path = path
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw XLSXError(message: "not an Excel workbook (.xlsx): the file is not a ZIP package")
        }
        let rootRels = try relationships(of: "")
        guard
            let workbookPart = rootRels.first(where: { $0.type.hasSuffix("/officeDocument") })?.target
                ?? (archive["xl/workbook.xml"] != nil ? "xl/workbook.xml" : nil)
        else {
            throw XLSXError(message: "not an Excel workbook (.xlsx): it has no workbook part")
        }
        let folder = (workbookPart as NSString).deletingLastPathComponent
        let workbookRels = try relationships(of: workbookPart)
        let workbook = WorkbookHandler()
        try parse(workbookPart, workbook)
        date1904 = workbook.date1904
        for (name, id) in workbook.sheets {
            if let target = workbookRels.first(where: { $0.id == id })?.target {
                sheets.append((name, Self.resolve(target, from: folder)))
            }
        }
        if let strings = workbookRels.first(where: { $0.type.hasSuffix("/sharedStrings") }) {
            let handler = SharedStringsHandler()
            try parse(Self.resolve(strings.target, from: folder), handler)
            sharedStrings = handler.strings
        }
        if let styles = workbookRels.first(where: { $0.type.hasSuffix("/styles") }) {
            let handler = StylesHandler()
            try parse(Self.resolve(styles.target, from: folder), handler)
            dateStyles = handler.cellFormats.map { handler.isDateFormat($0) }
        }
        if sheets.isEmpty { throw XLSXError(part: workbookPart, message: "the workbook has no worksheet") }
    }

    /// Reads a worksheet row by row: `row` gets the 1-based row number and
    /// the row's non-empty cells, in column order.
    public func readRows(sheet index: Int = 0, _ row: (Int, [XLSXCell]) -> Void) throws {
        try withoutActuallyEscaping(row) { row in
            let handler = SheetHandler(sharedStrings: sharedStrings, dateStyles: dateStyles, onRow: row)
            try parse(sheets[index].part, handler)
            if let failure = handler.failure { throw XLSXError(part: sheets[index].part, message: failure) }
        }
    }

    // MARK: Package plumbing

    /// The bytes of a part, inflated.
    func bytes(_ part: String) throws -> Data? {
        guard let entry = archive[part] else { return nil }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
        } catch {
            throw XLSXError(part: part, message: "cannot be unpacked (\(error)); the file may be damaged")
        }
        return data
    }

    private func parse(_ part: String, _ handler: NSObject & XMLParserDelegate) throws {
        guard let data = try bytes(part) else {
            throw XLSXError(part: part, message: "the part is missing from the package")
        }
        // Foundation's XMLParser traps on a name that is not UTF-8 (seen by
        // fuzzing: a damaged byte in styles.xml crashed the process), so a
        // part that says it is UTF-8 (or says nothing) must be.
        if Self.declaresUTF8(data), !Self.isUTF8(data) {
            throw XLSXError(part: part, message: "is not UTF-8 text; the file may be damaged")
        }
        // From a stream, not `XMLParser(data:)`: handed more than 10 MB in
        // one piece, libxml2 stops at the end with "huge input lookup"
        // (seen with a 19 MB sheet); a stream is fed to it in chunks.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.delegate = handler
        if !parser.parse() {
            let e = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown"
            throw XLSXError(part: part, message: "is not well-formed XML at line \(parser.lineNumber) (\(e))")
        }
    }

    /// Whether the bytes are UTF-8 (validated over contiguous memory: the
    /// generic path over `Data` doubled the time to read a 19 MB sheet).
    static func isUTF8(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) != nil }
    }

    /// True unless the XML starts with a UTF-16 byte-order mark or declares another encoding.
    static func declaresUTF8(_ data: Data) -> Bool {
        let head = data.prefix(100)
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return false }
        let text = String(decoding: head, as: UTF8.self).lowercased()
        guard let range = text.range(of: "encoding=") else { return true }
        let value = text[range.upperBound...].dropFirst().prefix(while: { $0 != "\"" && $0 != "'" })
        return value == "utf-8" || value == "utf8"
    }

    struct Relationship { var id: String; var type: String; var target: String }

    /// The relationships of a part (`_rels/.rels` for the package itself).
    private func relationships(of part: String) throws -> [Relationship] {
        let folder = (part as NSString).deletingLastPathComponent
        let name = (part as NSString).lastPathComponent
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard let data = try bytes(relsPath) else { return [] }
        if Self.declaresUTF8(data), !Self.isUTF8(data) {
            throw XLSXError(part: relsPath, message: "is not UTF-8 text; the file may be damaged")
        }
        let handler = RelationshipsHandler()
        let parser = XMLParser(data: data)
        parser.delegate = handler
        _ = parser.parse()
        return handler.relationships.map {
            Relationship(id: $0.id, type: $0.type, target: part.isEmpty ? Self.resolve($0.target, from: "") : $0.target)
        }
    }

    /// A relationship target relative to a folder (or absolute, from the package root).
    static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if piece != "." {
                parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The column index of a reference like "C12" (0-based), and its row.
    static func parseReference(_ ref: String) -> (column: Int, row: Int)? {
        var column = 0, row = 0, letters = 0
        for b in ref.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard letters < 3 else { return nil }
                column = column * 26 + Int((b | 0x20) - 96)
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"): row = min(row * 10 + Int(b - 48), 1 << 40)
            case UInt8(ascii: "$"): continue
            default: return nil
            }
        }
        // Excel's columns end at XFD (16,384): anything past is not a reference.
        guard letters > 0, letters <= 3, column <= 16_384 else { return nil }
        return (column - 1, row)
    }

    /// Column letters of a 0-based column index: 0 → A, 26 → AA.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            letters.append(Character(UnicodeScalar(UInt8(65 + (n - 1) % 26))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The moment a date serial stands for, as local calendar fields
    /// (year, month, day, hour, minute, second), rounded to the second.
    public func dateFields(_ serial: Double) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        // Days from 1970-01-01 to the epoch: 1899-12-30 (which absorbs
        // Lotus's 29 February 1900 for every date after it) or 1904-01-01.
        let epochDays = date1904 ? -24_107 : -25_569
        let totalSeconds = Int64((serial * 86_400).rounded()) + Int64(epochDays) * 86_400
        var days = totalSeconds >= 0 ? totalSeconds / 86_400 : (totalSeconds - 86_399) / 86_400
        let secondOfDay = Int(totalSeconds - days * 86_400)
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = Int(doy - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = Int(yoe + era * 400) + (month <= 2 ? 1 : 0)
        return (year, month, day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    }
}

// MARK: XML handlers

/// Element names without their prefix ("x:c" → "c"), for Strict files and
/// writers that use a prefix for the main namespace.
@inline(__always) private func local(_ name: String) -> Substring {
    if name.utf8.count <= 2 || !name.utf8.contains(UInt8(ascii: ":")) { return name[...] }
    if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
    return name[...]
}

private final class RelationshipsHandler: NSObject, XMLParserDelegate {
    var relationships: [(id: String, type: String, target: String)] = []
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if local(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
            relationships.append((id, attributes["Type"] ?? "", target))
        }
    }
}

private final class WorkbookHandler: NSObject, XMLParserDelegate {
    var sheets: [(name: String, id: String)] = []
    var date1904 = false
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch local(name) {
        case "workbookPr":
            let v = attributes["date1904"]?.lowercased()
            date1904 = v == "1" || v == "true"
        case "sheet":
            let id = attributes.first(where: { local($0.key) == "id" })?.value ?? ""
            sheets.append((attributes["name"] ?? "Sheet\(sheets.count + 1)", id))
        default: break
        }
    }
}

/// `sharedStrings.xml`: each `<si>` is one string, its text the `<t>` of
/// plain text or of every rich-text run `<r>`, phonetic hints (`<rPh>`) left out.
private final class SharedStringsHandler: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phonetic = 0

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch local(name) {
        case "si": current = ""
        case "t": inText = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch local(name) {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// `styles.xml`: the number format of each cell format, and which formats are dates.
private final class StylesHandler: NSObject, XMLParserDelegate {
    var customFormats: [Int: String] = [:]
    var cellFormats: [Int] = []
    private var inCellXfs = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch local(name) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init) { customFormats[id] = attributes["formatCode"] ?? "" }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: cellFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if local(name) == "cellXfs" { inCellXfs = false }
    }

    func isDateFormat(_ id: Int) -> Bool {
        if let code = customFormats[id] { return Self.isDateCode(code) }
        // Built-in date and time formats (ECMA-376 §18.8.30, and the East Asian ones).
        return (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    /// A format code is a date when, outside quoted text, escapes and
    /// bracketed colours or locales, it has a date or time letter.
    static func isDateCode(_ code: String) -> Bool {
        var quoted = false, bracket = false, escaped = false
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case "d", "m", "y", "h",
                "s" where !quoted && !bracket:
                return true
            default: break
            }
        }
        return false
    }
}

/// A worksheet, streamed: collects one row's cells and hands the row over
/// at `</row>`.
private final class SheetHandler: NSObject, XMLParserDelegate {
    let sharedStrings: [String]
    let dateStyles: [Bool]
    let onRow: (Int, [XLSXCell]) -> Void
    var failure: String?

    private var rowNumber = 0
    private var cells: [XLSXCell] = []
    private var nextColumn = 0
    // The cell being read.
    private var cellColumn = 0
    private var cellType = ""
    private var cellStyle = 0
    private var value = ""
    private var inValue = false
    private var inInlineText = false
    private var phonetic = 0
    private var inCell = false

    init(sharedStrings: [String], dateStyles: [Bool], onRow: @escaping (Int, [XLSXCell]) -> Void) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.onRow = onRow
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch local(name) {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) }.map { min(max($0, 1), 1 << 40) } ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            nextColumn = 0
        case "c":
            inCell = true
            cellColumn = attributes["r"].flatMap { XLSXReader.parseReference($0)?.column } ?? nextColumn
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
        case "v": inValue = inCell
        case "t": inInlineText = inCell && phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue || inInlineText { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch local(name) {
        case "v": inValue = false
        case "t": inInlineText = false
        case "rPh": phonetic -= 1
        case "c":
            inCell = false
            nextColumn = cellColumn + 1
            if let v = cellValue() { cells.append(XLSXCell(column: cellColumn, value: v)) }
        case "row":
            if !cells.isEmpty { onRow(rowNumber, cells) }
        default: break
        }
    }

    private func cellValue() -> XLSXValue? {
        switch cellType {
        case "s":
            guard let i = Int(value), i >= 0, i < sharedStrings.count else {
                if !value.isEmpty, failure == nil {
                    failure =
                        "the cell \(XLSXReader.columnName(cellColumn))\(rowNumber) points at shared string \(value), which does not exist"
                }
                return nil
            }
            return .text(sharedStrings[i])
        case "inlineStr", "str": return .text(value)
        case "b": return .bool(value == "1" || value.lowercased() == "true")
        case "e": return .error(value)
        case "d": return .text(value)
        default:
            guard !value.isEmpty else { return nil }
            guard let x = Double(value) else { return .text(value) }
            let isDate = cellStyle < dateStyles.count && dateStyles[cellStyle]
            return isDate ? .date(x) : .number(x)
        }
    }
}
