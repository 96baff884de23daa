/// Reads `config.toml`: a small TOML subset, one `key = value` a line,
/// strings in double quotes, `#` comments. Keys: `title`, `target_share`,
/// `deadline` (YYYY-MM-DD), `adult_share`, `timezone` ("+07:00"), `scope`
/// ("city", "province", "nation"), `stale_after` ("30m", "26h"), and the
/// attention thresholds `attention_stalled_hours`,
/// `attention_coverage_ratio`, `attention_completion_ratio`.
enum ConfigLoader {
    static let fileName = "config.toml"

    static func load(text: String, file: String) -> (ContestConfig, [DataIssue]) {
        var config = ContestConfig()
        var issues: [DataIssue] = []
        var seen: [String: Int] = [:]
        // "\r\n" is one Character in Swift: split on it too, or a file saved
        // with CRLF (Notepad) reads as a single line.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (i, rawLine) in lines.enumerated() {
            let lineNumber = i + 1
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            if lineNumber == 1, line.first == "\u{FEFF}" { line = line.dropFirst() }
            let body = stripComment(line)
            if body.trimmingSpaces.isEmpty { continue }
            func issue(_ severity: DataIssue.Severity, _ column: Int, _ message: String) {
                issues.append(DataIssue(severity, file: file, line: lineNumber, column: column, message))
            }
            guard let eq = body.firstIndex(of: "=") else {
                issue(.error, 1, "expected `key = value`; see the README for the keys")
                continue
            }
            let key = body[..<eq].trimmingSpaces
            let valueStart = body.index(after: eq)
            let value = body[valueStart...].trimmingSpaces
            let valueColumn =
                body.distance(from: body.startIndex, to: valueStart)
                + (body[valueStart...].prefix { $0 == " " || $0 == "\t" }.count) + 1
            if let first = seen[key] {
                issue(.error, 1, "\(key) is already set on line \(first); keep one")
                continue
            }
            seen[key] = lineNumber
            switch key {
            case "title":
                let s: String
                switch string(value) {
                case .text(let text)?: s = text
                case .invalid(let offset, let why)?: issue(.error, valueColumn + offset, why); continue
                case nil:
                    issue(.error, valueColumn, "the title must be in double quotes, like title = \"Công dân số\"");
                    continue
                }
                let title = VietnameseText.nfc(s)
                config.title = TextSanitizer.sanitize(title)
                if config.title != title {
                    issue(
                        .warning, valueColumn,
                        "the title contains control or invisible characters; they are shown as \u{FFFD}")
                }
            case "target_share", "adult_share":
                if case .text(let inside)? = string(value), Double(inside) != nil {
                    issue(
                        .error, valueColumn,
                        "\(key) is a number: write it without quotes, like \(key) = \(inside.trimmingSpaces) (in quotes it is text)"
                    );
                    continue
                }
                guard let x = Double(value), x > 0, x <= 1 else {
                    issue(.error, valueColumn, "\(key) must be a fraction above 0 and at most 1, like 0.80 for 80%");
                    continue
                }
                if key == "target_share" { config.targetShare = x } else { config.adultShare = x }
            case "deadline":
                guard let d = CalendarDate(parsing: unquoted(value)) else {
                    issue(.error, valueColumn, "the deadline must be a date written YYYY-MM-DD, like 2025-12-31");
                    continue
                }
                config.deadline = d
            case "timezone":
                guard let o = UTCOffset(parsing: unquoted(value)) else {
                    issue(.error, valueColumn, "the timezone must be a UTC offset like \"+07:00\""); continue
                }
                config.timeZone = o
            case "scope":
                guard let scope = ContestScope(parsing: unquoted(value)) else {
                    issue(.error, valueColumn, "the scope must be \"city\", \"province\" or \"nation\"")
                    continue
                }
                config.scope = scope
            case "future_tolerance":
                // Minutes: how far past the machine's clock a time may be.
                guard let minutes = Int(value), minutes >= 0, minutes <= 100_000 else {
                    issue(.error, valueColumn, "future_tolerance must be a whole number of minutes, like 10"); continue
                }
                config.futureTolerance = Int64(minutes) * 60
            case "stale_after":
                guard let seconds = Freshness.parseDuration(unquoted(value)), seconds > 0 else {
                    issue(.error, valueColumn, "stale_after must be a duration like \"30m\", \"2h\" or \"26h\"")
                    continue
                }
                config.staleAfterSeconds = seconds
            case "attention_stalled_hours":
                guard let h = Double(value), h > 0 else {
                    issue(.error, valueColumn, "attention_stalled_hours must be a number of hours above 0, like 6")
                    continue
                }
                config.attention.stalledHours = h
            case "attention_coverage_ratio", "attention_completion_ratio":
                guard let x = Double(value), x > 0, x <= 1 else {
                    issue(
                        .error, valueColumn,
                        "\(key) must be a fraction above 0 and at most 1, like 0.5 (half the city's)")
                    continue
                }
                if key == "attention_coverage_ratio" {
                    config.attention.coverageRatio = x
                } else {
                    config.attention.completionRatio = x
                }
            default:
                issue(
                    .warning, 1,
                    "unknown setting \"\(TextSanitizer.sanitize(key))\" is ignored; known: title, target_share, deadline, adult_share, timezone, scope, stale_after, attention_stalled_hours, attention_coverage_ratio, attention_completion_ratio, future_tolerance"
                )
            }
        }
        return (config, issues)
    }

    /// The line without a `#` comment (a `#` inside a basic "…" or literal
    /// '…' string is kept; `\"` does not end a basic string).
    private static func stripComment(_ line: Substring) -> Substring {
        var quote: Character? = nil
        var escaping = false
        for i in line.indices {
            let c = line[i]
            if let q = quote {
                if escaping {
                    escaping = false
                } else if q == "\"", c == "\\" {
                    escaping = true
                } else if c == q {
                    quote = nil
                }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                return line[..<i]
            }
        }
        return line
    }

    /// A TOML string value: its text, or why it is not valid TOML and where
    /// (a character offset into the value).
    enum StringValue: Equatable {
        case text(String)
        case invalid(offset: Int, String)
    }

    /// The value as a TOML string, following TOML's rules: a basic string
    /// "…" with the escapes \b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX and no
    /// raw control character but tab, or a literal string '…' taken as it
    /// is. Nil when the value is not a string at all.
    static func string(_ value: String) -> StringValue? {
        let chars = Array(value.unicodeScalars)
        guard let open = chars.first, open == "\"" || open == "'" else { return nil }
        var out = String.UnicodeScalarView()
        var i = 1
        func isControl(_ c: Unicode.Scalar) -> Bool { (c.value < 0x20 && c != "\t") || c.value == 0x7F }
        while i < chars.count {
            let c = chars[i]
            if c == open {
                guard i == chars.count - 1 else {
                    return .invalid(offset: i + 1, "text follows the closing quote; put it all inside the quotes")
                }
                return .text(String(out))
            }
            if isControl(c) {
                return .invalid(offset: i, "a control character inside a string; write it as an escape like \\t")
            }
            if open == "'" || c != "\\" {
                out.append(c)
                i += 1
                continue
            }
            // An escape.
            guard i + 1 < chars.count else { break }
            let e = chars[i + 1]
            let simple: [Unicode.Scalar: Unicode.Scalar] = [
                "b": "\u{08}", "t": "\t", "n": "\n", "f": "\u{0C}", "r": "\r", "\"": "\"", "\\": "\\",
            ]
            if let r = simple[e] {
                out.append(r)
                i += 2
                continue
            }
            if e == "u" || e == "U" {
                let n = e == "u" ? 4 : 8
                let digits = chars.dropFirst(i + 2).prefix(n)
                guard digits.count == n, digits.allSatisfy({ $0.properties.isASCIIHexDigit }),
                    let v = UInt32(String(String.UnicodeScalarView(digits)), radix: 16),
                    let scalar = Unicode.Scalar(v)
                else {
                    return .invalid(
                        offset: i,
                        "\\\(e) must be followed by \(n) hex digits naming a Unicode character, like \\u00E9")
                }
                out.append(scalar)
                i += 2 + n
                continue
            }
            return .invalid(
                offset: i,
                "\\\(e) is not a TOML escape; use \\\\ for a backslash (escapes: \\t \\n \\\" \\\\ \\uXXXX)")
        }
        return .invalid(offset: max(0, chars.count - 1), "the string is never closed; add the missing \(open)")
    }

    /// The text of a quoted value, or the value itself.
    private static func unquoted(_ value: String) -> String {
        if case .text(let s)? = string(value) { return s }
        return value
    }
}
