import Testing

@testable import CongDanSoCore

/// The one TOML reader of `config.toml` and `settings.toml`. Where the two
/// files' former readers disagreed, TOML 1.0 decides
/// (https://toml.io/en/v1.0.0), and each case is pinned here.
@Suite("TOML subset")
struct TOMLSubsetTests {
    func value(_ text: String) -> TOMLSubset.Value? {
        let document = TOMLSubset.parse("k = \(text)\n")
        return document.problems.isEmpty ? document.entries.first?.value : nil
    }

    func problem(_ line: String) -> TOMLSubset.Problem? {
        TOMLSubset.parse(line + "\n").problems.first
    }

    @Test("numbers follow TOML 1.0: digits on both sides of the point, no leading zero, 0x 0o 0b, inf and nan")
    func numbers() throws {
        #expect(value("0.80") == .float(0.8))
        #expect(value("+1.5e-3") == .float(0.0015))
        #expect(value("1e06") == .float(1e6))
        #expect(value("1_000") == .integer(1000))
        #expect(value("-7") == .integer(-7))
        #expect(value("0") == .integer(0))
        #expect(value("0x1F") == .integer(31))
        #expect(value("0o17") == .integer(15))
        #expect(value("0b101") == .integer(5))
        #expect(value("-inf") == .float(-.infinity))
        if case .float(let x)? = value("nan") { #expect(x.isNaN) } else { Issue.record("nan is a float") }
        // config.toml's old reader took these through Swift's Double(), and
        // settings.toml's took .5 and 5.: TOML 1.0 forbids them all.
        for bad in [".5", "5.", "00.5", "01", "1__0", "_1", "1_", "+0x10", "1e", "0x", "9223372036854775808", "1.5e"] {
            #expect(value(bad) == nil, "\(bad)")
        }
        #expect(problem("k = .5")?.message == "\".5\" is not a number; write digits only, like k = 5")
    }

    @Test("strings follow TOML 1.0: no \\e, no raw control even in a literal string, \\u takes hex digits only")
    func strings() {
        #expect(value(#""a\"b\\c\td\u00E9\U0001F600""#) == .string("a\"b\\c\td\u{E9}\u{1F600}"))
        #expect(value(#"'C:\path\n'"#) == .string(#"C:\path\n"#))
        #expect(value(##""#x" # comment"##) == .string("#x"))
        // \e is TOML 1.1; settings.toml's reader took it.
        #expect(problem(#"k = "a\eb""#)?.message.contains("\\e is not a TOML escape") == true)
        #expect(problem(#"k = "a\eb""#)?.column == 7)
        // A raw control character is refused in literal strings too (settings.toml's reader took it).
        #expect(problem("k = 'a\u{1B}b'")?.column == 7)
        #expect(problem("k = 'a\u{7F}b'")?.message.contains("control character") == true)
        #expect(value("'a\tb'") == .string("a\tb"))
        // UInt32("+123", radix: 16) is 0x123: the sign is not a hex digit.
        #expect(problem(#"k = "\u+123""#)?.message.contains("4 hex digits") == true)
        #expect(problem(#"k = "\uD800""#)?.column == 6)  // a surrogate names no character
        #expect(problem(#"k = "a" b"#)?.message.contains("follows the closing quote") == true)
        #expect(problem(#"k = "open"#)?.message == "the string has no closing \" on this line")
        #expect(problem(#"k = "open"#)?.column == 5)
    }

    @Test("local dates are values; a day that does not exist and date-times are problems with the word")
    func dates() {
        #expect(value("2025-12-31") == .localDate(CalendarDate(year: 2025, month: 12, day: 31)))
        #expect(value("2024-02-29") == .localDate(CalendarDate(year: 2024, month: 2, day: 29)))
        let bad = problem("deadline = 2025-02-29")
        #expect(bad?.column == 12)
        #expect(bad?.bareWord == "2025-02-29")
        #expect(bad?.key == "deadline")
        #expect(problem("d = 2025-12-31T00:00:00")?.message.contains("date-times are not used") == true)
    }

    @Test("keys: bare or quoted; a key set twice is named even when its first value was wrong")
    func keys() {
        let document = TOMLSubset.parse("\"title\" = 'x'\nscope = planet   # a comment\nscope = \"city\"\n")
        #expect(document.entries.map(\.key) == ["title"])
        #expect(document.problems.map(\.line) == [2, 3])
        #expect(document.problems[0].bareWord == "planet")
        #expect(document.problems[0].keyColumn == 1)
        #expect(document.problems[1].message == "scope is already set on line 2; keep one of the two")
        #expect(problem("target share = 1")?.message == "expected = after target, as in target = value")
        #expect(problem("a.b = 1")?.message.contains("dotted keys") == true)
    }

    @Test("a bare word is handed back whole, up to a comment, for the key's own message")
    func bareWords() {
        let p = problem("title = Công dân số   # no quotes")
        #expect(p?.bareWord == "Công dân số")
        #expect(p?.column == 9)
        #expect(
            p?.message
                == "a text value must be in double quotes, like title = \"Công dân số\"; true and false are not quoted")
    }

    @Test("values are written back as TOML reads them")
    func roundTrip() {
        let values: [TOMLSubset.Value] = [
            .string("a \"q\" \\ \u{1B} é"), .integer(-5), .float(0.8), .float(3), .float(-.infinity), .boolean(true),
            .localDate(CalendarDate(year: 2025, month: 1, day: 2)),
        ]
        for v in values { #expect(value(v.tomlText) == v, "\(v.tomlText)") }
    }
}
