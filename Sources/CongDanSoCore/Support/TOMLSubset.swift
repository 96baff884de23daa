import Foundation  // String(format:)

/// A line-oriented reader of the small TOML subset that congdanso's files
/// use: `key = value` a line, `#` comments, values that are basic strings
/// ("…" with TOML's escapes), literal strings ('…'), integers (underscores
/// allowed between digits), floats and booleans. Tables, arrays, inline
/// tables, dotted keys and multi-line strings are reported as not used.
///
/// It knows no keys: it hands back entries with their places (line, and
/// 1-based columns counted in characters, so accents do not shift them) and
/// problems with theirs, so that a file's own reader (settings.toml here;
/// config.toml could move onto it) decides what the keys mean.
public enum TOMLSubset {
    public enum Value: Equatable, Sendable {
        case string(String)
        case integer(Int)
        case float(Double)
        case boolean(Bool)

        /// What a message calls this kind of value.
        public var kindName: String {
            switch self {
            case .string: return "a string"
            case .integer: return "a whole number"
            case .float: return "a decimal number"
            case .boolean: return "true or false"
            }
        }

        /// The value as TOML writes it (strings as basic strings, escaped).
        public var tomlText: String {
            switch self {
            case .string(let s): return TOMLSubset.quote(s)
            case .integer(let n): return String(n)
            case .float(let x): return x == x.rounded() && abs(x) < 1e15 ? String(format: "%.1f", x) : String(x)
            case .boolean(let b): return b ? "true" : "false"
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
        /// An unquoted word where a value should be (`theme = dark`), so
        /// that a reader who knows the key can say what it expects.
        public var bareWord: String? = nil
    }

    public struct Document: Equatable, Sendable {
        public var entries: [Entry]
        public var problems: [Problem]
        /// The lines of the text, without their line ends (a BOM removed).
        public var lines: [String]
    }

    /// Splits text into lines the way the readers do: LF or CRLF ends, a
    /// UTF-8 byte-order mark dropped.
    public static func lines(of text: String) -> [String] {
        // "\r\n" is one Character in Swift: split on it too.
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
            switch parseLine(Array(line)) {
            case .blank: continue
            case .problem(let column, let message, let key, let bareWord):
                problems.append(Problem(line: number, column: column, message: message, key: key, bareWord: bareWord))
            case .entry(let key, let keyColumn, let value, let valueColumn, let valueEnd):
                if let first = seen[key] {
                    problems.append(
                        Problem(
                            line: number, column: keyColumn,
                            message: "\(key) is already set on line \(first); keep one of the two"))
                    continue
                }
                seen[key] = number
                entries.append(
                    Entry(
                        key: key, value: value, line: number, keyColumn: keyColumn, valueColumn: valueColumn,
                        valueEndColumn: valueEnd))
            }
        }
        return Document(entries: entries, problems: problems, lines: lines)
    }

    /// A basic string with the escapes TOML requires (quote, backslash,
    /// control characters).
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + String(format: "%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    // MARK: - One line

    private enum LineResult {
        case blank
        case problem(column: Int, message: String, key: String? = nil, bareWord: String? = nil)
        case entry(key: String, keyColumn: Int, value: Value, valueColumn: Int, valueEnd: Int)
    }

    private static func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" }
    private static func isBareKey(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-")
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
            return .problem(column: i + 1, message: "\(key) has no value after =")
        }
        let valueColumn = i + 1
        let value: Value
        switch parseValue(chars, from: i, key: key) {
        case .failure(let p): return .problem(column: p.column, message: p.message, key: key, bareWord: p.bareWord)
        case .success(let (v, end)): value = v; i = end
        }
        let valueEnd = i + 1
        skipSpaces()
        if i < chars.count, chars[i] != "#" {
            return .problem(
                column: i + 1,
                message: "unexpected text after \(key)'s value; put a comment after #, or quote the whole value")
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
            var i = start + 1
            var s = ""
            while i < chars.count, chars[i] != "'" { s.append(chars[i]); i += 1 }
            guard i < chars.count else {
                return .failure(Failure(column: start + 1, message: "the string has no closing ' on this line"))
            }
            return .success((.string(s), i + 1))
        }
        if c == "[" || c == "{" {
            return .failure(Failure(column: start + 1, message: "arrays and tables are not used in this file"))
        }
        // A bare word: a boolean or a number, else a string someone forgot to quote.
        var end = start
        while end < chars.count, !isSpace(chars[end]), chars[end] != "#" { end += 1 }
        let word = String(chars[start..<end])
        if word == "true" { return .success((.boolean(true), end)) }
        if word == "false" { return .success((.boolean(false), end)) }
        if let number = number(word) { return .success((number, end)) }
        let looksNumeric = word.first.map { $0.isNumber || $0 == "+" || $0 == "-" } ?? false
        if looksNumeric {
            return .failure(
                Failure(
                    column: start + 1, message: "\"\(word)\" is not a number; write digits only, like \(key) = 5",
                    bareWord: word))
        }
        return .failure(
            Failure(
                column: start + 1,
                message:
                    "a text value must be in double quotes, like \(key) = \"\(word)\"; true and false are not quoted",
                bareWord: word))
    }

    /// A TOML integer or float: optional sign, digits with single underscores
    /// between them, an optional fraction and exponent.
    static func number(_ word: String) -> Value? {
        var chars = Array(word)
        guard !chars.isEmpty else { return nil }
        var previous: Character = " "
        for (k, c) in chars.enumerated() where c == "_" {
            let next = k + 1 < chars.count ? chars[k + 1] : " "
            guard previous.isASCII, previous.isNumber, next.isASCII, next.isNumber else { return nil }
            previous = c
        }
        chars.removeAll { $0 == "_" }
        let plain = String(chars)
        let isFloat = plain.contains(".") || plain.contains("e") || plain.contains("E")
        let allowed = Set("+-0123456789.eE")
        guard plain.allSatisfy({ allowed.contains($0) }) else { return nil }
        if !isFloat {
            let digits = plain.first == "+" || plain.first == "-" ? plain.dropFirst() : Substring(plain)
            // TOML forbids leading zeros (other than 0 itself).
            if digits.count > 1, digits.first == "0" { return nil }
            return Int(plain).map(Value.integer)
        }
        return Double(plain).map(Value.float)
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
                case "e": out.append("\u{1B}")
                case "u", "U":
                    let length = e == "u" ? 4 : 8
                    let hex = String(chars[min(i + 2, chars.count)..<min(i + 2 + length, chars.count)])
                    guard hex.count == length, let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
                        return .failure(
                            Failure(
                                column: i + 1,
                                message:
                                    "\\\(e) needs \(length) hexadecimal digits of a Unicode character, like \\u00E9"))
                    }
                    out.unicodeScalars.append(scalar)
                    i += 2 + length
                    continue
                default:
                    return .failure(
                        Failure(
                            column: i + 1,
                            message:
                                "\\\(e) is not an escape TOML knows; write \\\\ for a backslash (or use single quotes: 'C:\\path')"
                        ))
                }
                i += 2
                continue
            }
            if c != "\t", let a = c.asciiValue, a < 0x20 || a == 0x7F {
                return .failure(Failure(column: i + 1, message: "a control character is not allowed in a string"))
            }
            out.append(c)
            i += 1
        }
        return .failure(Failure(column: start + 1, message: "the string has no closing \" on this line"))
    }
}
