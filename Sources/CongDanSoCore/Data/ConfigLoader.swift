/// Reads `config.toml` with `TOMLSubset` (one `key = value` a line, `#`
/// comments, TOML's strings, numbers, booleans and dates) and gives its
/// keys their meaning: `title`, `target_share`, `deadline` (YYYY-MM-DD),
/// `adult_share`, `timezone` ("+07:00"), `scope` ("city", "province",
/// "nation"), `future_tolerance` (minutes), `stale_after` ("30m", "26h"),
/// and the attention thresholds `attention_stalled_hours`,
/// `attention_coverage_ratio`, `attention_completion_ratio`.
///
/// The keys that take text also take it unquoted (`timezone = +07:00`,
/// `scope = city`, `stale_after = 30m`), as this file always has, though
/// TOML would want quotes; an unknown key is a warning and its line is
/// ignored.
enum ConfigLoader {
    static let fileName = "config.toml"

    static let keys = [
        "title", "target_share", "deadline", "adult_share", "timezone", "scope", "stale_after",
        "attention_stalled_hours", "attention_coverage_ratio", "attention_completion_ratio", "future_tolerance",
    ]

    /// What a line gives a key: a TOML value (and its text as written), or
    /// a bare word that TOML would not take.
    private enum Written {
        case value(TOMLSubset.Value, text: String)
        case bare(String)

        /// The text for the keys that read text: a string's content, else
        /// the value as written.
        var text: String {
            switch self {
            case .value(.string(let s), _): return s
            case .value(_, let text): return text
            case .bare(let word): return word
            }
        }

        /// A TOML number (integer or float) as a Double.
        var number: Double? {
            switch self {
            case .value(.integer(let n), _): return Double(n)
            case .value(.float(let x), _): return x
            default: return nil
            }
        }
    }

    private struct Setting {
        var key: String
        var written: Written
        var line, keyColumn, valueColumn: Int
    }

    static func load(text: String, file: String) -> (ContestConfig, [DataIssue]) {
        let document = TOMLSubset.parse(text)
        var config = ContestConfig()
        var issues: [DataIssue] = []
        var settings = document.entries.map {
            Setting(
                key: $0.key, written: .value($0.value, text: document.text(of: $0)), line: $0.line,
                keyColumn: $0.keyColumn, valueColumn: $0.valueColumn)
        }
        for problem in document.problems {
            // A bare word where TOML wants a quoted one: the key's own rule decides.
            if let key = problem.key, let keyColumn = problem.keyColumn, let word = problem.bareWord {
                settings.append(
                    Setting(
                        key: key, written: .bare(word), line: problem.line, keyColumn: keyColumn,
                        valueColumn: problem.column))
                continue
            }
            issues.append(
                DataIssue(
                    .error, file: file, line: problem.line, column: problem.column,
                    TextSanitizer.sanitize(problem.message)))
        }
        settings.sort { $0.line < $1.line }
        for setting in settings {
            func issue(_ severity: DataIssue.Severity, _ message: String) {
                issues.append(
                    DataIssue(severity, file: file, line: setting.line, column: setting.valueColumn, message))
            }
            if let message = apply(setting.key, setting.written, to: &config) {
                issue(.error, message)
            } else if setting.key == "title", case .string(let raw)? = Self.string(setting.written) {
                if config.title != VietnameseText.nfc(raw) {
                    issue(.warning, "the title contains control or invisible characters; they are shown as \u{FFFD}")
                }
            } else if !keys.contains(setting.key) {
                issues.append(
                    DataIssue(
                        .warning, file: file, line: setting.line, column: setting.keyColumn,
                        "unknown setting \"\(TextSanitizer.sanitize(setting.key))\" is ignored; known: \(keys.joined(separator: ", "))"
                    ))
            }
        }
        issues.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        return (config, issues)
    }

    private static func string(_ written: Written) -> TOMLSubset.Value? {
        if case .value(let value, _) = written, case .string = value { return value }
        return nil
    }

    /// Sets `key` from what the file wrote; on a wrong value, the message
    /// that says what to write. Unknown keys change nothing.
    private static func apply(_ key: String, _ written: Written, to config: inout ContestConfig) -> String? {
        switch key {
        case "title":
            guard case .string(let s)? = string(written) else {
                return "the title must be in double quotes, like title = \"Công dân số\""
            }
            config.title = TextSanitizer.sanitize(VietnameseText.nfc(s))
        case "target_share", "adult_share":
            if case .string(let inside)? = string(written), Double(inside) != nil {
                return
                    "\(key) is a number: write it without quotes, like \(key) = \(inside.trimmingSpaces) (in quotes it is text)"
            }
            guard let x = written.number, x > 0, x <= 1 else {
                return "\(key) must be a fraction above 0 and at most 1, like 0.80 for 80%"
            }
            if key == "target_share" { config.targetShare = x } else { config.adultShare = x }
        case "deadline":
            let date: CalendarDate?
            if case .value(.localDate(let d), _) = written {
                date = d
            } else {
                date = CalendarDate(parsing: written.text)
            }
            guard let date else { return "the deadline must be a date written YYYY-MM-DD, like 2025-12-31" }
            config.deadline = date
        case "timezone":
            guard let o = UTCOffset(parsing: written.text) else {
                return "the timezone must be a UTC offset like \"+07:00\""
            }
            config.timeZone = o
        case "scope":
            guard let scope = ContestScope(parsing: written.text) else {
                return "the scope must be \"city\", \"province\" or \"nation\""
            }
            config.scope = scope
        case "future_tolerance":
            // Minutes: how far past the machine's clock a time may be.
            guard case .value(.integer(let minutes), _) = written, minutes >= 0, minutes <= 100_000 else {
                return "future_tolerance must be a whole number of minutes, like 10"
            }
            config.futureTolerance = Int64(minutes) * 60
        case "stale_after":
            guard let seconds = Freshness.parseDuration(written.text), seconds > 0 else {
                return "stale_after must be a duration like \"30m\", \"2h\" or \"26h\""
            }
            config.staleAfterSeconds = seconds
        case "attention_stalled_hours":
            guard let h = written.number, h > 0 else {
                return "attention_stalled_hours must be a number of hours above 0, like 6"
            }
            config.attention.stalledHours = h
        case "attention_coverage_ratio", "attention_completion_ratio":
            guard let x = written.number, x > 0, x <= 1 else {
                return "\(key) must be a fraction above 0 and at most 1, like 0.5 (half the city's)"
            }
            if key == "attention_coverage_ratio" {
                config.attention.coverageRatio = x
            } else {
                config.attention.completionRatio = x
            }
        default:
            break
        }
        return nil
    }
}
