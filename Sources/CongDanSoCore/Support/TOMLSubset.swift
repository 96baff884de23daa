import Foundation  // String(format:)

/// A line-oriented reader of the small TOML subset that congdanso's files
/// (`config.toml` in the data directory, the user's `settings.toml`) use:
/// `key = value` a line, `#` comments, values that are basic strings ("…"
/// with TOML 1.0's escapes), literal strings ('…'), integers (decimal with
/// underscores between digits, or 0x, 0o, 0b), floats (with `inf` and
/// `nan`), booleans and local dates (2025-12-31). Tables, arrays, inline
/// tables, dotted keys, multi-line strings and date-times are reported as
/// not used.
///
/// It knows no keys: it hands back entries with their places (line, and
/// 1-based columns counted in characters, so accents do not shift them) and
/// problems with theirs, so that each file's own reader decides what the
/// keys mean (`ConfigLoader` here, `SettingsFile` in CongDanSoSettings),
/// and `lines` lets a writer change one value and keep every comment.
public enum TOMLSubset {
    public enum Value: Equatable, Sendable {
        case string(String)
        case integer(Int)
        case float(Double)
        case boolean(Bool)
        /// A TOML local date (`2025-12-31`), a day that exists.
        case localDate(CalendarDate)

        /// What a message calls this kind of value.
        public var kindName: String {
            switch self {
            case .string: return "a string"
            case .integer: return "a whole number"
            case .float: return "a decimal number"
            case .boolean: return "true or false"
            case .localDate: return "a date"
            }
        }

        /// The value as TOML writes it (strings as basic strings, escaped).
        public var tomlText: String {
            switch self {
            case .string(let s): return TOMLSubset.quote(s)
            case .integer(let n): return String(n)
            case .float(let x):
                if x.isNaN { return "nan" }
                if x.isInfinite { return x < 0 ? "-inf" : "inf" }
                return x == x.rounded() && abs(x) < 1e15 ? String(format: "%.1f", x) : String(x)
            case .boolean(let b): return b ? "true" : "false"
            case .localDate(let d): return d.description
            }
        }
    }

    /// One `key = value` line.
    public struct Entry: Equatable, Sendable {
        public var key: String
        public var value: Value
        /// 1-based line number.
        public var line: Int
        /// 1-based columns (characters) of the key and of the value's first character.
        public var keyColumn: Int
        public var valueColumn: Int
        /// The value's end: the column just after its last character.
        public var valueEndColumn: Int
    }

    /// A problem, with its place (1-based line and column, in characters).
    public struct Problem: Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
        /// The line's key, when the problem is in its value.
        public var key: String? = nil
        /// That key's column.
        public var keyColumn: Int? = nil
        /// An unquoted word where a value should be (`theme = dark`: the
        /// value's text up to a comment), so that a reader who knows the key
        /// can say what it expects.
        public var bareWord: String? = nil
    }

    public struct Document: Equatable, Sendable {
        public var entries: [Entry]
        public var problems: [Problem]
        /// The lines of the text, without their line ends (a BOM removed).
        public var lines: [String]

        /// The text of an entry's value as the file writes it (`0.80`,
        /// `"+07:00"` with its quotes).
        public func text(of entry: Entry) -> String {
            let chars = Array(lines[entry.line - 1])
            return String(chars[(entry.valueColumn - 1)..<(entry.valueEndColumn - 1)])
        }
    }

    /// Splits text into lines the way the readers do: LF or CRLF ends, a
    /// UTF-8 byte-order mark dropped.
    public static func lines(of text: String) -> [String] {
        // "\r\n" is one Character in Swift: split on it too, or a file saved
        // with CRLF (Notepad) reads as a single line.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { line -> String in
                var l = Substring(line)
                if l.last == "\r" { l = l.dropLast() }
                return String(l)
            }
        if let first = lines.first, first.first == "\u{FEFF}" { lines[0] = String(first.dropFirst()) }
        if lines.count > 1, lines.last == "" { lines.removeLast() }
        return lines
    }

    public static func parse(_ text: String) -> Document {
        let lines = lines(of: text)
        var entries: [Entry] = []
        var problems: [Problem] = []
        var seen: [String: Int] = [:]
        for (i, line) in lines.enumerated() {
            let number = i + 1
            // Whether the line may set `key`: not when an earlier line did
            // (even with a bad value: a second line is a duplicate all the same).
            func firstSetting(_ key: String, at keyColumn: Int) -> Bool {
                if let first = seen[key] {
                    problems.append(
                        Problem(
                            line: number, column: keyColumn,
                            message: "\(key) is already set on line \(first); keep one of the two"))
                    return false
                }
                seen[key] = number
                return true
            }
            switch parseLine(Array(line)) {
            case .blank: continue
            case .problem(let column, let message, let key, let keyColumn, let bareWord):
                if let key, let keyColumn, !firstSetting(key, at: keyColumn) { continue }
                problems.append(
                    Problem(
                        line: number, column: column, message: message, key: key, keyColumn: keyColumn,
                        bareWord: bareWord))
            case .entry(let key, let keyColumn, let value, let valueColumn, let valueEnd):
                guard firstSetting(key, at: keyColumn) else { continue }
                entries.append(
                    Entry(
                        key: key, value: value, line: number, keyColumn: keyColumn, valueColumn: valueColumn,
                        valueEndColumn: valueEnd))
            }
        }
        return Document(entries: entries, problems: problems, lines: lines)
    }

    /// A basic string with the escapes TOML requires (quote, backslash,
    /// control characters): a JSON string is one, so JSON's quoting serves.
    public static func quote(_ s: String) -> String { JSONWriter.quote(s) }

    // MARK: - One line

    private enum LineResult {
        case blank
        case problem(column: Int, message: String, key: String? = nil, keyColumn: Int? = nil, bareWord: String? = nil)
        case entry(key: String, keyColumn: Int, value: Value, valueColumn: Int, valueEnd: Int)
    }

    private static func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" }
    private static func isBareKey(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-")
    }
    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// A character TOML 1.0 forbids raw in a string: U+0000–U+001F but tab, and U+007F.
    private static func isControl(_ c: Character) -> Bool {
        c != "\t" && c.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    private static func parseLine(_ chars: [Character]) -> LineResult {
        var i = 0
        func skipSpaces() { while i < chars.count, isSpace(chars[i]) { i += 1 } }
        skipSpaces()
        if i == chars.count || chars[i] == "#" { return .blank }
        if chars[i] == "[" {
            return .problem(
                column: i + 1, message: "sections ([name]) are not used in this file; write key = value lines only")
        }
        // The key: bare, or a basic string.
        let keyColumn = i + 1
        var key = ""
        if chars[i] == "\"" {
            switch basicString(chars, from: i) {
            case .failure(let p): return .problem(column: p.column, message: p.message)
            case .success(let (s, end)): key = s; i = end
            }
        } else {
            while i < chars.count, isBareKey(chars[i]) { key.append(chars[i]); i += 1 }
            if key.isEmpty {
                return .problem(
                    column: i + 1, message: "expected a setting's name (letters, digits, _ and -), then = and a value")
            }
        }
        skipSpaces()
        if i < chars.count, chars[i] == "." {
            return .problem(column: i + 1, message: "dotted keys are not used in this file; write key = value")
        }
        guard i < chars.count, chars[i] == "=" else {
            return .problem(column: i + 1, message: "expected = after \(key), as in \(key) = value")
        }
        i += 1
        skipSpaces()
        guard i < chars.count, chars[i] != "#" else {
            return .problem(column: i + 1, message: "\(key) has no value after =", key: key, keyColumn: keyColumn)
        }
        let valueColumn = i + 1
        let value: Value
        switch parseValue(chars, from: i, key: key) {
        case .failure(let p):
            return .problem(
                column: p.column, message: p.message, key: key, keyColumn: keyColumn, bareWord: p.bareWord)
        case .success(let (v, end)): value = v; i = end
        }
        let valueEnd = i + 1
        skipSpaces()
        if i < chars.count, chars[i] != "#" {
            let message =
                if case .string = value {
                    "text follows the closing quote of \(key)'s value; put it all inside the quotes, or a comment after #"
                } else {
                    "unexpected text after \(key)'s value; put a comment after #, or quote the whole value"
                }
            return .problem(column: i + 1, message: message, key: key, keyColumn: keyColumn)
        }
        return .entry(key: key, keyColumn: keyColumn, value: value, valueColumn: valueColumn, valueEnd: valueEnd)
    }

    private struct Failure: Error {
        var column: Int
        var message: String
        var bareWord: String? = nil
    }

    private static func parseValue(_ chars: [Character], from start: Int, key: String) -> Result<(Value, Int), Failure>
    {
        let c = chars[start]
        if c == "\"" {
            if start + 2 < chars.count, chars[start + 1] == "\"", chars[start + 2] == "\"" {
                return .failure(Failure(column: start + 1, message: "multi-line strings are not used in this file"))
            }
            return basicString(chars, from: start).map { (.string($0.0), $0.1) }
        }
        if c == "'" {
            if start + 2 < chars.count, chars[start + 1] == "'", chars[start + 2] == "'" {
                return .failure(Failure(column: start + 1, message: "multi-line strings are not used in this file"))
            }
            return literalString(chars, from: start).map { (.string($0.0), $0.1) }
        }
        if c == "[" || c == "{" {
            return .failure(Failure(column: start + 1, message: "arrays and tables are not used in this file"))
        }
        // A bare word: a boolean, a number or a date, else a string someone forgot to quote.
        var end = start
        while end < chars.count, !isSpace(chars[end]), chars[end] != "#" { end += 1 }
        let word = String(chars[start..<end])
        if word == "true" { return .success((.boolean(true), end)) }
        if word == "false" { return .success((.boolean(false), end)) }
        if let number = number(word) { return .success((number, end)) }
        // The whole value up to a comment, for the reader's message (`title = Công dân số`).
        var restEnd = end
        while restEnd < chars.count, chars[restEnd] != "#" { restEnd += 1 }
        while restEnd > end, isSpace(chars[restEnd - 1]) { restEnd -= 1 }
        let rest = String(chars[start..<restEnd])
        func failure(_ message: String) -> Result<(Value, Int), Failure> {
            .failure(Failure(column: start + 1, message: message, bareWord: rest))
        }
        let chars10 = Array(word.prefix(10))
        let looksLikeDate =
            chars10.count == 10 && chars10[4] == "-" && chars10[7] == "-"
            && chars10.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || isDigit($0.element) }
        if looksLikeDate {
            guard word.count == 10 else {
                return failure(
                    "date-times are not used in this file; write the day alone, like \(key) = \(word.prefix(10))")
            }
            guard let date = CalendarDate(parsing: word) else {
                return failure("\(word) is not a day of the calendar; write a date YYYY-MM-DD, like 2025-12-31")
            }
            return .success((.localDate(date), end))
        }
        let looksNumeric = word.first.map { isDigit($0) || $0 == "+" || $0 == "-" || $0 == "." } ?? false
        if looksNumeric {
            return failure("\"\(word)\" is not a number; write digits only, like \(key) = 5")
        }
        return failure(
            "a text value must be in double quotes, like \(key) = \"\(rest)\"; true and false are not quoted")
    }

    /// A TOML 1.0 integer or float: decimal integers with an optional sign
    /// and no leading zero, hexadecimal (0x), octal (0o) and binary (0b)
    /// integers, floats with digits on both sides of the point and an
    /// optional exponent, `inf` and `nan` with an optional sign; single
    /// underscores between digits. Nil when the word is none of these (or
    /// an integer too large for 64 bits).
    static func number(_ word: String) -> Value? {
        let chars = Array(word)
        guard let first = chars.first else { return nil }
        let hasSign = first == "+" || first == "-"
        let unsigned = hasSign ? Array(chars.dropFirst()) : chars
        switch String(unsigned) {
        case "inf": return .float(first == "-" ? -.infinity : .infinity)
        case "nan": return .float(.nan)
        default: break
        }
        // Digits in `radix` with single underscores between them.
        func digits(_ part: ArraySlice<Character>, radix: Int = 10) -> String? {
            guard let f = part.first, let l = part.last, f != "_", l != "_" else { return nil }
            var out = ""
            var previous: Character = " "
            for c in part {
                if c == "_" {
                    guard previous != "_" else { return nil }
                } else {
                    guard c.isASCII, c.isHexDigit, Int(String(c), radix: radix) != nil else { return nil }
                    out.append(c)
                }
                previous = c
            }
            return out
        }
        if !hasSign, unsigned.count > 2, unsigned[0] == "0", let radix = ["x": 16, "o": 8, "b": 2][unsigned[1]] {
            return digits(unsigned[2...], radix: radix).flatMap { Int($0, radix: radix) }.map(Value.integer)
        }
        let sign = first == "-" ? "-" : ""
        // The integer part, then an optional fraction and exponent.
        let exponentAt = unsigned.firstIndex { $0 == "e" || $0 == "E" }
        let mantissa = unsigned[..<(exponentAt ?? unsigned.count)]
        let pointAt = mantissa.firstIndex(of: ".")
        guard let integerPart = digits(mantissa[..<(pointAt ?? mantissa.endIndex)]),
            integerPart.count == 1 || integerPart.first != "0"
        else { return nil }
        guard pointAt != nil || exponentAt != nil else { return Int(sign + integerPart).map(Value.integer) }
        var plain = sign + integerPart
        if let pointAt {
            guard let fraction = digits(mantissa[(pointAt + 1)...]) else { return nil }
            plain += "." + fraction
        }
        if let exponentAt {
            var exponent = unsigned[(exponentAt + 1)...]
            var exponentSign = ""
            if let s = exponent.first, s == "+" || s == "-" {
                exponentSign = String(s)
                exponent = exponent.dropFirst()
            }
            guard let e = digits(exponent) else { return nil }
            plain += "e" + exponentSign + e
        }
        return Double(plain).map(Value.float)
    }

    /// A literal string starting at `start` (its opening quote): taken as
    /// it is, no escapes; the content and the index after the closing quote.
    private static func literalString(_ chars: [Character], from start: Int) -> Result<(String, Int), Failure> {
        var i = start + 1
        var out = ""
        while i < chars.count, chars[i] != "'" {
            if isControl(chars[i]) { return .failure(controlCharacter(at: i)) }
            out.append(chars[i])
            i += 1
        }
        guard i < chars.count else {
            return .failure(Failure(column: start + 1, message: "the string has no closing ' on this line"))
        }
        return .success((out, i + 1))
    }

    private static func controlCharacter(at i: Int) -> Failure {
        Failure(
            column: i + 1, message: "a control character is not allowed in a string; write it as an escape like \\t")
    }

    /// A basic string starting at `start` (its opening quote); the content
    /// and the index after the closing quote.
    private static func basicString(_ chars: [Character], from start: Int) -> Result<(String, Int), Failure> {
        var i = start + 1
        var out = ""
        while i < chars.count {
            let c = chars[i]
            if c == "\"" { return .success((out, i + 1)) }
            if c == "\\" {
                guard i + 1 < chars.count else { break }
                let e = chars[i + 1]
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "u", "U":
                    let length = e == "u" ? 4 : 8
                    let hex = chars[min(i + 2, chars.count)..<min(i + 2 + length, chars.count)]
                    guard hex.count == length, hex.allSatisfy({ $0.isASCII && $0.isHexDigit }),
                        let v = UInt32(String(hex), radix: 16), let scalar = Unicode.Scalar(v)
                    else {
                        return .failure(
                            Failure(
                                column: i + 1,
                                message: "\\\(e) needs \(length) hex digits naming a Unicode character, like \\u00E9"))
                    }
                    out.unicodeScalars.append(scalar)
                    i += 2 + length
                    continue
                default:
                    // TOML 1.0 has no other escape (\e came with TOML 1.1).
                    return .failure(
                        Failure(
                            column: i + 1,
                            message:
                                "\\\(e) is not a TOML escape; write \\\\ for a backslash (escapes: \\t \\n \\\" \\\\ \\uXXXX), or use single quotes: 'C:\\path'"
                        ))
                }
                i += 2
                continue
            }
            if isControl(c) { return .failure(controlCharacter(at: i)) }
            out.append(c)
            i += 1
        }
        return .failure(Failure(column: start + 1, message: "the string has no closing \" on this line"))
    }
}
