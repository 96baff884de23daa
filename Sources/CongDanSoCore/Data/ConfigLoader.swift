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
                guard let s = quoted(value) else {
                    issue(.error, valueColumn, "the title must be in double quotes, like title = \"Công dân số\"");
                    continue
                }
                config.title = TextSanitizer.sanitize(VietnameseText.nfc(s))
            case "target_share", "adult_share":
                guard let x = Double(value), x > 0, x <= 1 else {
                    issue(.error, valueColumn, "\(key) must be a fraction above 0 and at most 1, like 0.80 for 80%");
                    continue
                }
                if key == "target_share" { config.targetShare = x } else { config.adultShare = x }
            case "deadline":
                guard let d = CalendarDate(parsing: quoted(value) ?? value) else {
                    issue(.error, valueColumn, "the deadline must be a date written YYYY-MM-DD, like 2025-12-31");
                    continue
                }
                config.deadline = d
            case "timezone":
                guard let o = UTCOffset(parsing: quoted(value) ?? value) else {
                    issue(.error, valueColumn, "the timezone must be a UTC offset like \"+07:00\""); continue
                }
                config.timeZone = o
            case "scope":
                guard let scope = ContestScope(parsing: quoted(value) ?? value) else {
                    issue(.error, valueColumn, "the scope must be \"city\", \"province\" or \"nation\"")
                    continue
                }
                config.scope = scope
            case "stale_after":
                guard let seconds = Freshness.parseDuration(quoted(value) ?? value), seconds > 0 else {
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
                    "unknown setting \"\(TextSanitizer.sanitize(key))\" is ignored; known: title, target_share, deadline, adult_share, timezone, scope, stale_after, attention_stalled_hours, attention_coverage_ratio, attention_completion_ratio"
                )
            }
        }
        return (config, issues)
    }

    /// The line without a `#` comment (a `#` inside quotes is kept).
    private static func stripComment(_ line: Substring) -> Substring {
        var inQuotes = false
        var previous: Character = " "
        for i in line.indices {
            let c = line[i]
            if c == "\"", previous != "\\" { inQuotes.toggle() }
            if c == "#", !inQuotes { return line[..<i] }
            previous = c
        }
        return line
    }

    /// The content of a double-quoted string with `\"` and `\\` escapes.
    private static func quoted(_ value: String) -> String? {
        guard value.count >= 2, value.first == "\"", value.last == "\"" else { return nil }
        var out = ""
        var escaping = false
        for c in value.dropFirst().dropLast() {
            if escaping {
                out.append(c == "n" ? " " : c); escaping = false
            } else if c == "\\" {
                escaping = true
            } else if c == "\"" {
                return nil
            } else {
                out.append(c)
            }
        }
        return escaping ? nil : out
    }
}
