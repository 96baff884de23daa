/// One field of a CSV record: where its bytes are and where it stands in the
/// file, so that problems can be reported by line and column.
struct CSVField {
    /// Byte range of the field's content (inside the quotes when quoted).
    var start: Int
    var end: Int
    /// The content holds `""` pairs that stand for one quote each.
    var hasEscapedQuotes: Bool
    /// 1-based line where the field starts, and the byte offset of that line.
    var line: Int
    var lineStart: Int
    /// Byte offset where the field starts (its opening quote when quoted).
    var position: Int
}

/// A failure to read the CSV structure itself (not its values).
struct CSVSyntaxError: Error {
    var line: Int
    var lineStart: Int
    var position: Int
    var message: String
}

/// A small RFC 4180 reader over the bytes of a whole file. Accepts a UTF-8
/// BOM, LF or CRLF, quoted fields (with `""` and line breaks inside) and
/// blank lines. Written by hand because the error messages must name a line
/// and column and because large event logs need a byte-level loop; no
/// package in the mirror gives positions.
struct CSVReader {
    let bytes: [UInt8]
    private(set) var offset: Int
    private(set) var line = 1
    private(set) var lineStart: Int

    init(bytes: [UInt8]) {
        self.bytes = bytes
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        offset = bom ? 3 : 0
        lineStart = offset
    }

    /// Reads the next record into `fields` (cleared first). Returns false at
    /// the end of the file. Records whose every field is empty (blank lines,
    /// `,,,` rows from spreadsheets) are skipped.
    mutating func next(into fields: inout [CSVField]) throws(CSVSyntaxError) -> Bool {
        while offset < bytes.count {
            fields.removeAll(keepingCapacity: true)
            try readRecord(into: &fields)
            if fields.contains(where: { $0.end > $0.start }) { return true }
        }
        return false
    }

    private mutating func readRecord(into fields: inout [CSVField]) throws(CSVSyntaxError) {
        let n = bytes.count
        while true {
            let fieldStart = offset
            let fieldLine = line, fieldLineStart = lineStart
            if offset < n, bytes[offset] == UInt8(ascii: "\"") {
                // Quoted field: runs to the closing quote, which must be
                // followed by a separator or the end of the record.
                offset += 1
                let contentStart = offset
                var escaped = false
                while true {
                    guard offset < n else {
                        throw CSVSyntaxError(line: fieldLine, lineStart: fieldLineStart, position: fieldStart,
                                             message: "a quoted field is never closed; add the missing \" at its end")
                    }
                    let b = bytes[offset]
                    if b == UInt8(ascii: "\"") {
                        if offset + 1 < n, bytes[offset + 1] == UInt8(ascii: "\"") {
                            escaped = true; offset += 2; continue
                        }
                        break
                    }
                    if b == 10 { line += 1; lineStart = offset + 1 }
                    offset += 1
                }
                let contentEnd = offset
                offset += 1  // closing quote
                fields.append(CSVField(start: contentStart, end: contentEnd, hasEscapedQuotes: escaped,
                                       line: fieldLine, lineStart: fieldLineStart, position: fieldStart))
                if offset < n, bytes[offset] != UInt8(ascii: ","), bytes[offset] != 10,
                   !(bytes[offset] == 13 && (offset + 1 == n || bytes[offset + 1] == 10)) {
                    throw CSVSyntaxError(line: line, lineStart: lineStart, position: offset,
                                         message: "text follows a closing quote; put the whole field inside the quotes")
                }
            } else {
                while offset < n {
                    let b = bytes[offset]
                    if b == UInt8(ascii: ",") || b == 10 { break }
                    if b == 13, offset + 1 == n || bytes[offset + 1] == 10 { break }
                    if b == UInt8(ascii: "\"") {
                        throw CSVSyntaxError(line: line, lineStart: lineStart, position: offset,
                                             message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                    }
                    offset += 1
                }
                fields.append(CSVField(start: fieldStart, end: offset, hasEscapedQuotes: false,
                                       line: fieldLine, lineStart: fieldLineStart, position: fieldStart))
            }
            // Separator or end of record.
            if offset >= n { return }
            let b = bytes[offset]
            if b == UInt8(ascii: ",") { offset += 1; continue }
            if b == 13 { offset += 1 }
            if offset < n, bytes[offset] == 10 { offset += 1 }
            line += 1
            lineStart = offset
            return
        }
    }

    /// The field's text, with `""` unescaped; nil when it is not valid UTF-8.
    func string(_ f: CSVField) -> String? {
        let slice = bytes[f.start..<f.end]
        guard var s = String(validating: slice, as: UTF8.self) else { return nil }
        if f.hasEscapedQuotes { s = s.replacingOccurrences(of: "\"\"", with: "\"") }
        return s
    }

    /// The field's bytes, trimmed of spaces and tabs.
    func trimmedBytes(_ f: CSVField) -> ArraySlice<UInt8> {
        var s = f.start, e = f.end
        while s < e, bytes[s] == 32 || bytes[s] == 9 { s += 1 }
        while e > s, bytes[e - 1] == 32 || bytes[e - 1] == 9 { e -= 1 }
        return bytes[s..<e]
    }

    /// The field as a non-negative decimal integer without signs, spaces or
    /// separators; nil otherwise.
    func integer(_ f: CSVField) -> Int? {
        let b = trimmedBytes(f)
        guard !b.isEmpty, b.count <= 18 else { return nil }
        var n = 0
        for c in b {
            guard c >= 48, c <= 57 else { return nil }
            n = n * 10 + Int(c - 48)
        }
        return n
    }

    /// 1-based character column of a byte position on a line.
    func column(lineStart: Int, position: Int) -> Int {
        var count = 0
        var i = lineStart
        // Count UTF-8 lead bytes (not continuation bytes 10xxxxxx).
        while i < position, i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count + 1
    }

    func column(of f: CSVField) -> Int { column(lineStart: f.lineStart, position: f.position) }
}
