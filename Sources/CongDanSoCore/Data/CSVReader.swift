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
///
/// Resource bounds (README, "Data formats"): a field holds at most
/// `maxFieldBytes` bytes and a record at most `maxFields` fields; beyond
/// either the file is refused with an error at the place. Quote handling is
/// a byte loop and unescaping one pass over the field's bytes, so 16 M
/// doubled quotes cost what reading 32 MB costs.
struct CSVReader {
    /// The longest field: 1 MiB. No value in these files (codes, names,
    /// times, counts) comes near it; a longer one is a broken file (a quote
    /// never closed) or a hostile one, and holding it as text would cost
    /// memory in proportion.
    static let maxFieldBytes = 1 << 20
    /// The most fields a record may have: 16,384, Excel's column limit (its
    /// trailing `,,,` stay under it).
    static let maxFields = 16_384

    let bytes: [UInt8]
    /// The field separator: a comma, or a semicolon or tab when the header
    /// says so (`CSVHeader`).
    let separator: UInt8
    /// Bit c set for the bytes c below 64 that stop an unquoted field's
    /// scan (LF, CR, the quote, and the separator when it is below 64): one
    /// test a byte for the usual ones.
    private let stops: UInt64
    /// The field limit in force (`maxFieldBytes`; tests lift it).
    var fieldLimit = CSVReader.maxFieldBytes
    private(set) var offset: Int
    private(set) var line = 1
    private(set) var lineStart: Int

    init(bytes: [UInt8], separator: UInt8 = UInt8(ascii: ",")) {
        self.bytes = bytes
        self.separator = separator
        stops = 1 << 10 | 1 << 13 | 1 << 34 | (separator < 64 ? 1 << UInt64(separator) : 0)
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        offset = bom ? 3 : 0
        lineStart = offset
    }

    /// Reads the next record into `fields` (cleared first). Returns false at
    /// the end of the file. Records whose every field is empty (blank lines,
    /// `,,,` rows from spreadsheets) are skipped.
    mutating func next(into fields: inout [CSVField]) throws(CSVSyntaxError) -> Bool {
        while offset < bytes.count {
            var count = 0
            let failure = bytes.withUnsafeBufferPointer { readRecord($0, into: &fields, count: &count) }
            // Slots are reused from record to record; drop the extra ones.
            if fields.count > count { fields.removeSubrange(count...) }
            if let failure { throw failure }
            for f in fields where f.end > f.start { return true }
        }
        return false
    }

    /// Like `next(into:)`, reading from `buffer`, which holds this reader's
    /// bytes: a caller that has them in hand spares taking them anew for
    /// each record.
    mutating func next(into fields: inout [CSVField], in buffer: UnsafeBufferPointer<UInt8>) throws(CSVSyntaxError)
        -> Bool
    {
        precondition(buffer.count == bytes.count, "the reader's own bytes")
        while offset < buffer.count {
            var count = 0
            let failure = readRecord(buffer, into: &fields, count: &count)
            if fields.count > count { fields.removeSubrange(count...) }
            if let failure { throw failure }
            for f in fields where f.end > f.start { return true }
        }
        return false
    }

    /// One record, over raw bytes: this loop is the hot path for large files.
    private mutating func readRecord(
        _ b: UnsafeBufferPointer<UInt8>, into fields: inout [CSVField],
        count: inout Int
    ) -> CSVSyntaxError? {
        func store(_ f: CSVField) {
            if count < fields.count { fields[count] = f } else { fields.append(f) }
            count += 1
        }
        let n = b.count
        let quote = UInt8(ascii: "\""), comma = separator, lf: UInt8 = 10, cr: UInt8 = 13, stops = stops
        let maxField = fieldLimit
        var i = offset
        defer { offset = i }
        while true {
            let fieldStart = i
            let fieldLine = line, fieldLineStart = lineStart
            if count >= CSVReader.maxFields {
                return CSVSyntaxError(
                    line: fieldLine, lineStart: fieldLineStart, position: fieldStart,
                    message:
                        "this row has more than \(CSVReader.maxFields) fields (Excel's limit); check the file, or cut the extra columns"
                )
            }
            if i < n, b[i] == quote {
                // Quoted field: runs to the closing quote, which must be
                // followed by a separator or the end of the record.
                i += 1
                let contentStart = i
                var escaped = false
                while true {
                    guard i < n else {
                        return CSVSyntaxError(
                            line: fieldLine, lineStart: fieldLineStart, position: fieldStart,
                            message: "a quoted field is never closed; add the missing \" at its end")
                    }
                    let c = b[i]
                    if c == quote {
                        if i + 1 < n, b[i + 1] == quote { escaped = true; i += 2; continue }
                        break
                    }
                    if c == lf { line += 1; lineStart = i + 1 }
                    i += 1
                }
                let contentEnd = i
                if contentEnd - contentStart > maxField {
                    return CSVReader.tooLong(line: fieldLine, lineStart: fieldLineStart, position: fieldStart)
                }
                i += 1  // closing quote
                store(
                    CSVField(
                        start: contentStart, end: contentEnd, hasEscapedQuotes: escaped,
                        line: fieldLine, lineStart: fieldLineStart, position: fieldStart))
                if i < n, b[i] != comma, b[i] != lf, !(b[i] == cr && (i + 1 == n || b[i + 1] == lf)) {
                    return CSVSyntaxError(
                        line: line, lineStart: lineStart, position: i,
                        message: "text follows a closing quote; put the whole field inside the quotes")
                }
            } else {
                while i < n {
                    let c = b[i]
                    if (c < 64 && (stops >> UInt64(c)) & 1 != 0) || c == comma {
                        if c == comma || c == lf { break }
                        if c == cr, i + 1 == n || b[i + 1] == lf { break }
                        if c == quote {
                            return CSVSyntaxError(
                                line: line, lineStart: lineStart, position: i,
                                message:
                                    "a quote inside an unquoted field; quote the whole field and double the quote (\"\")"
                            )
                        }
                    }
                    i += 1
                }
                if i - fieldStart > maxField {
                    return CSVReader.tooLong(line: fieldLine, lineStart: fieldLineStart, position: fieldStart)
                }
                store(
                    CSVField(
                        start: fieldStart, end: i, hasEscapedQuotes: false,
                        line: fieldLine, lineStart: fieldLineStart, position: fieldStart))
            }
            // Separator or end of record.
            if i >= n { return nil }
            if b[i] == comma { i += 1; continue }
            if b[i] == cr { i += 1 }
            if i < n, b[i] == lf { i += 1 }
            line += 1
            lineStart = i
            return nil
        }
    }

    private static func tooLong(line: Int, lineStart: Int, position: Int) -> CSVSyntaxError {
        CSVSyntaxError(
            line: line, lineStart: lineStart, position: position,
            message:
                "this field is longer than 1 MiB (1,048,576 bytes), the most a field may hold; check for a quote that is never closed"
        )
    }

    /// The field's text, with `""` unescaped; nil when it is not valid UTF-8.
    /// One pass over the bytes (each `""` pair of a quoted field stands for
    /// one quote), then one UTF-8 check.
    func string(_ f: CSVField) -> String? {
        bytes.withUnsafeBufferPointer { b in
            let field = UnsafeBufferPointer(rebasing: b[f.start..<f.end])
            guard f.hasEscapedQuotes else { return String(validating: field, as: UTF8.self) }
            let unescaped = [UInt8](unsafeUninitializedCapacity: field.count) { out, written in
                var i = 0, n = 0
                while i < field.count {
                    let c = field[i]
                    out[n] = c
                    n += 1
                    // Inside quotes a quote only comes doubled: skip its twin.
                    i += c == 34 ? 2 : 1
                }
                written = n
            }
            return String(validating: unescaped, as: UTF8.self)
        }
    }

    /// The field trimmed of spaces, when it is plain ASCII without quotes to
    /// unescape: the fast path for codes. Nil otherwise (use `string`).
    func asciiString(_ f: CSVField) -> String? {
        guard !f.hasEscapedQuotes else { return nil }
        let t = trimmedBytes(f)
        guard t.allSatisfy({ $0 < 0x80 }) else { return nil }
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[t.startIndex..<t.endIndex]), as: UTF8.self)
        }
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
        bytes.withUnsafeBufferPointer { b in
            var s = f.start, e = f.end
            while s < e, b[s] == 32 || b[s] == 9 { s += 1 }
            while e > s, b[e - 1] == 32 || b[e - 1] == 9 { e -= 1 }
            guard s < e, e - s <= 18 else { return nil }
            var n = 0
            for i in s..<e {
                let c = b[i]
                guard c >= 48, c <= 57 else { return nil }
                n = n * 10 + Int(c - 48)
            }
            return n
        }
    }

    /// 1-based character column of a byte position on a line. Characters
    /// as the eye counts them (grapheme clusters), so that an NFD name before
    /// the field ("Tứ" as T, u, horn, acute) counts as in NFC; a run of
    /// invalid bytes counts as one.
    func column(lineStart: Int, position: Int) -> Int {
        let end = min(max(position, lineStart), bytes.count)
        return String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
    }

    func column(of f: CSVField) -> Int { column(lineStart: f.lineStart, position: f.position) }
}

/// One CSV line, for callers outside the core that pass lines through
/// untouched (replay) but need its fields.
public enum CSVLine {
    /// The line's fields as text (quotes and `""` undone), or nil when it is
    /// not valid CSV.
    public static func fields(ofLine line: some Collection<UInt8>) -> [String]? {
        var reader = CSVReader(bytes: Array(line))
        var fields: [CSVField] = []
        guard (try? reader.next(into: &fields)) != nil else { return nil }
        return fields.map { reader.string($0) ?? "" }
    }
}
