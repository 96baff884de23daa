import Foundation
import Testing
import TextSafety

@testable import CongDanSoCore

/// Hostile and odd input at the edges: the one text-safety rule set, the CSV
/// reader's resource bounds, the one header reader (UTF-16, semicolons,
/// tabs), `config.toml`'s TOML strings, and cleaned text that is warned about.
@Suite("Input safety")
struct InputSafetyTests {
    // MARK: - The rule set

    @Test("controls, C1, bidi controls and invisible fillers are replaced; line breaks become spaces")
    func rules() {
        #expect(TextSafety.clean("\u{1B}]0;pwned\u{07}") == "\u{FFFD}]0;pwned\u{FFFD}")
        #expect(TextSafety.clean("\u{9B}31m") == "\u{FFFD}31m")
        #expect(TextSafety.clean("a\tb\nc\rd\u{2028}e") == "a b c d e")
        #expect(TextSafety.clean("\u{202E}abc\u{2066}") == "\u{FFFD}abc\u{FFFD}")
        // Hangul fillers and other invisible characters that make a name look empty or alike.
        for invisible in [
            "\u{3164}", "\u{115F}", "\u{1160}", "\u{FFA0}", "\u{200B}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{180E}",
            "\u{034F}",
        ] {
            #expect(TextSafety.clean("A" + invisible + "B") == "A\u{FFFD}B", "\(scalars(invisible))")
        }
        // What real text needs and what moves nothing stays.
        #expect(TextSafety.clean("Tứ Kỳ") == "Tứ Kỳ")
        #expect(TextSafety.clean(nfd("Đồ Sơn")) == nfd("Đồ Sơn"))
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(TextSafety.clean(family) == family)
        #expect(TextSafety.clean("❤\u{FE0F}") == "❤\u{FE0F}")
        #expect(TextSafety.clean("東京 😀") == "東京 😀")
        #expect(TextSanitizer.sanitize("x\u{3164}") == TextSafety.clean("x\u{3164}"))
    }

    @Test("a file name with an OSC sequence is printed safe in an issue")
    func issueDescriptionIsSafe() {
        let issue = DataIssue(.error, file: "snapshots/\u{1B}]0;pwned\u{07}.csv", line: 2, column: 3, "bad \u{9B}")
        #expect(!hasControlCharacters(issue.description, allowing: []))
        #expect(issue.description.hasPrefix("snapshots/\u{FFFD}]0;pwned\u{FFFD}.csv:2:3: error: bad"))
    }

    @Test("a --title override is cleaned like text from a file")
    func titleOverride() throws {
        let dir = TempDataDir(units: "code,name,type,population\n1,A,xã,10\n")
        let dataset = try dir.dataset(ConfigOverrides(title: "T\u{1B}]0;x\u{07}"))
        #expect(dataset.config.title == "T\u{FFFD}]0;x\u{FFFD}")
    }

    // MARK: - Cleaned with a warning

    @Test("control characters in former_province and former_districts are cleaned with a warning at the field")
    func provinceWarnings() throws {
        let dir = TempDataDir(
            units:
                "code,name,type,population,former_province,former_districts\n1,Ａ,xã,10,Hải\u{1B}[2JDương,Kinh\u{3164}Môn\n2,B\u{115F},xã,10,,\n"
        )
        let result = dir.load()
        let warnings = result.issues.warnings.filter { $0.file.hasSuffix("units.csv") }
        #expect(warnings.count == 3, "\(result.issues.map(\.description))")
        #expect(warnings.contains { $0.line == 2 && $0.column == 11 && $0.message.contains("former province") })
        #expect(warnings.contains { $0.line == 2 && $0.column == 24 && $0.message.contains("former districts") })
        #expect(warnings.contains { $0.line == 3 && $0.column == 3 && $0.message.contains("name") })
        let units = try #require(result.dataset).units
        #expect(units[0].formerProvince == "Hải\u{FFFD}[2JDương")
        #expect(units[0].formerDistricts == "Kinh\u{FFFD}Môn")
        #expect(units[1].name == "B\u{FFFD}")
    }

    // MARK: - CSV bounds

    @Test("a field over 1 MiB is an error at its start")
    func fieldLimit() {
        let big = String(repeating: "x", count: CSVReader.maxFieldBytes + 1)
        let dir = TempDataDir(units: "code,name,type,population\n1,Ａ,xã,10\n2,\"" + big + "\",xã,10\n")
        let errors = dir.load().issues.errors
        #expect(errors.count == 1)
        #expect(errors.first?.line == 3 && errors.first?.column == 3)
        #expect(errors.first?.message.contains("longer than 1 MiB") == true)
        // Unquoted too.
        let plain = TempDataDir(units: "code,name,type,population\n1," + big + ",xã,10\n")
        #expect(plain.load().issues.errors.first.map { ($0.line, $0.column) } ?? (0, 0) == (2, 3))
        // At the limit is fine.
        let edge = String(repeating: "y", count: CSVReader.maxFieldBytes)
        let ok = TempDataDir(units: "code,name,type,population\n1," + edge + ",xã,10\n")
        #expect(ok.load().issues.errors.isEmpty)
    }

    @Test("a record of more than 16,384 fields is an error, not gigabytes of field records")
    func fieldCountLimit() {
        let row = "1,A,xã,10" + String(repeating: ",", count: CSVReader.maxFields + 5)
        let dir = TempDataDir(units: "code,name,type,population\n" + row + "\n")
        let errors = dir.load().issues.errors
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("more than 16384 fields") == true)
        // Excel's own trailing commas (up to its column limit) are fine.
        let excel = "1,A,xã,10" + String(repeating: ",", count: 16_000)
        #expect(TempDataDir(units: "code,name,type,population\n" + excel + "\n").load().issues.errors.isEmpty)
    }

    @Test("16 M doubled quotes are unescaped in one pass (was 8.7 s and 690 MB through Foundation)")
    func doubledQuotesAtMemorySpeed() throws {
        let count = 16_000_000
        var bytes = Array("\"".utf8)
        bytes += [UInt8](repeating: 34, count: 2 * count)
        bytes += Array("\",x\n".utf8)
        var reader = CSVReader(bytes: bytes)
        reader.fieldLimit = .max
        var fields: [CSVField] = []
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try reader.next(into: &fields))
        let text = try #require(reader.string(fields[0]))
        let elapsed = clock.now - start
        #expect(text.utf8.count == count)
        #expect(text.utf8.allSatisfy { $0 == 34 })
        #expect(reader.string(fields[1]) == "x")
        #expect(elapsed < .seconds(4), "took \(elapsed)")
        // Mixed content unescapes exactly.
        var small = CSVReader(bytes: Array("\"a\"\"b\"\"\"\"c\"\"\",\"\"\"\"\n".utf8))
        #expect(try small.next(into: &fields))
        #expect(small.string(fields[0]) == "a\"b\"\"c\"")
        #expect(small.string(fields[1]) == "\"")
    }

    // MARK: - The header reader

    static let unitsText = "code,name,type,population\n1,Tứ Kỳ,xã,10\n2,Gia Viên,phường,20\n"

    @Test("semicolon- and tab-separated units and snapshots are read with their separator")
    func otherSeparators() throws {
        for sep in [";", "\t"] {
            let units = Self.unitsText.replacingOccurrences(of: ",", with: sep)
            let snapshot = "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,1,5,2\n"
                .replacingOccurrences(of: ",", with: sep)
            let dir = TempDataDir(units: units, snapshots: ["a.csv": snapshot])
            let dataset = try dir.dataset()
            #expect(dataset.units.map(\.name) == ["Tứ Kỳ", "Gia Viên"])
            #expect(dataset.histories[0].value(at: ts("2025-10-22T15:00:00+07:00")).registered == 5)
        }
    }

    @Test("an event log separated by semicolons is named as such, with the fix")
    func semicolonEventLog() throws {
        let dir = TempDataDir(units: Self.unitsText)
        dir.write("events.csv", "time;unit_code;candidate_id;event\n2025-10-22T15:00:00+07:00;1;a;registered\n")
        let errors = dir.load().issues.errors
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("separated by semicolons") == true)
        #expect(errors.first?.message.contains("CSV UTF-8") == true)
    }

    @Test("a UTF-16 file says so and how to fix it, for units, snapshots and the event log")
    func utf16() {
        func utf16(_ s: String) -> [UInt8] {
            [0xFF, 0xFE] + s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }
        let dir = TempDataDir()
        dir.write("units.csv", bytes: utf16(Self.unitsText))
        var errors = dir.load().issues.errors
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("UTF-16") == true)
        #expect(errors.first?.message.contains("save it as \"CSV UTF-8") == true)

        dir.write("units.csv", Self.unitsText)
        dir.write("snapshots/a.csv", bytes: utf16("as_of,code,registered,completed\n"))
        errors = dir.load().issues.errors
        #expect(errors.first?.message.contains("UTF-16") == true)

        dir.remove("snapshots/a.csv")
        // Without its byte-order mark (Excel's "Unicode Text" keeps it, other tools do not).
        dir.write("events.csv", bytes: Array(utf16("time,unit_code,candidate_id,event\n").dropFirst(2)))
        errors = dir.load().issues.errors
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("UTF-16") == true, "\(errors)")
        #expect(errors.first?.message.contains("(it has: )") == false)
    }

    @Test("a missing column names what the header has and what it needs")
    func missingColumn() {
        let dir = TempDataDir(units: "code,nam,type,population\n1,A,xã,10\n")
        let error = dir.load().issues.errors.first
        #expect(error?.message.contains("no \"name\" column (it has: code,nam,type,population)") == true)
    }

    @Test("--data naming a file says it is a file, not that it does not exist")
    func dataIsAFile() {
        let issues = DataDirectory.load("/proc/version").issues
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("this is a file, not a folder") == true)
    }

    @Test("times whose moment falls outside years 1000–9998 are impossible; the rest print back as they parse")
    func timeRange() {
        // Found by the fuzzer: year 0000 at +07:00 fell in year -1 and printed "00-1-12-31T19:52:00+00:00".
        #expect(Timestamp.parse("0000-01-01T02:52+07:00") == .failure(.impossibleDate))
        #expect(Timestamp.parse("0999-12-31T23:59:59Z") == .failure(.impossibleDate))
        #expect(Timestamp.parse("9999-01-01T00:00:00Z") == .failure(.impossibleDate))
        for text in ["1000-01-01T07:00:00+07:00", "9998-12-31T23:59:59.999Z", "2025-10-22T15:00:00+07:00"] {
            guard case .success(let t) = Timestamp.parse(text) else {
                Issue.record("\(text) did not parse")
                continue
            }
            for offset in [UTCOffset.utc, .vietnam, UTCOffset(seconds: -12 * 3600)] {
                #expect(Timestamp.parse(t.iso8601(offset: offset)) == .success(t), "\(t.iso8601(offset: offset))")
            }
        }
    }

    // MARK: - config.toml

    func config(_ line: String) -> (ContestConfig, [DataIssue]) {
        ConfigLoader.load(text: line + "\n", file: "config.toml")
    }

    @Test("TOML basic strings: escapes follow TOML's rules; escaped controls are cleaned with a warning")
    func tomlEscapes() {
        var (c, issues) = config(#"title = "A \"quoted\" \\ back \u00E9 \U0001F600""#)
        #expect(issues.isEmpty)
        #expect(c.title == "A \"quoted\" \\ back é 😀")
        (c, issues) = config(#"title = "x\u001b]0;pwned\u0007y""#)
        #expect(c.title == "x\u{FFFD}]0;pwned\u{FFFD}y")
        #expect(issues.count == 1 && issues[0].severity == .warning)
        (c, issues) = config(#"title = "a\tb""#)
        #expect(c.title == "a b")
        (c, issues) = config(#"title = 'C:\path\n' # literal"#)
        #expect(issues.isEmpty)
        #expect(c.title == #"C:\path\n"#)
        (c, issues) = config(#"title = "ends with a backslash \\" # comment"#)
        #expect(issues.isEmpty, "\(issues)")
        #expect(c.title == #"ends with a backslash \"#)
    }

    @Test("bad TOML escapes and raw controls are errors at their position")
    func tomlErrors() {
        var (_, issues) = config(#"title = "ab\q""#)
        #expect(issues.count == 1 && issues[0].severity == .error && issues[0].column == 12)
        #expect(issues[0].message.contains("not a TOML escape"))
        (_, issues) = config(#"title = "ab\u12""#)
        #expect(issues.count == 1 && issues[0].column == 12 && issues[0].message.contains("4 hex digits"))
        (_, issues) = config("title = \"a\u{1B}b\"")
        #expect(issues.count == 1 && issues[0].column == 11 && issues[0].message.contains("control character"))
        (_, issues) = config(#"title = "a" b"#)
        #expect(issues.count == 1 && issues[0].message.contains("follows the closing quote"))
    }

    @Test("a quoted number in config.toml is named as text, with the unquoted form")
    func quotedNumber() {
        let (c, issues) = config(#"target_share = "0.8""#)
        #expect(issues.count == 1)
        #expect(issues[0].column == 16)
        #expect(issues[0].message.contains("without quotes, like target_share = 0.8"))
        #expect(c.targetShare == 0.80)
    }

    @Test(
        "config.toml through the one TOML reader: unquoted words its text keys always took, TOML 1.0 where it differs")
    func configThroughTOMLSubset() {
        // Unquoted text stays accepted for the keys that read text, as before.
        var (c, issues) = config(
            "timezone = +09:00\nscope = province\nstale_after = 45m # comment\ndeadline = 2026-01-15")
        #expect(issues.isEmpty, "\(issues)")
        #expect(c.timeZone == UTCOffset(seconds: 9 * 3600))
        #expect(c.scope == .province)
        #expect(c.staleAfterSeconds == 2700)
        #expect(c.deadline == CalendarDate(year: 2026, month: 1, day: 15))
        // A quoted key is the key (the old reader saw a key named "title" with its quotes).
        (c, issues) = config("\"title\" = 'T'\ntarget_share = 1\nfuture_tolerance = 0x1E")
        #expect(issues.isEmpty, "\(issues)")
        #expect(c.title == "T" && c.targetShare == 1 && c.futureTolerance == 30 * 60)
        // .8 is not a TOML number (Swift's Double took it): the key's message says what to write.
        (c, issues) = config("adult_share = .8")
        #expect(
            issues.map(\.description) == [
                "config.toml:1:15: error: adult_share must be a fraction above 0 and at most 1, like 0.80 for 80%"
            ])
        #expect(c.adultShare == 0.68)
        // A key set twice is an error at the second, even when the first was wrong.
        (c, issues) = config("scope = planet\nscope = \"city\"")
        #expect(issues.map { [$0.line, $0.column] } == [[1, 9], [2, 1]])
        #expect(issues[1].message == "scope is already set on line 1; keep one of the two")
        // Unknown keys are warnings at the key, whatever their value; a key with spaces is not TOML.
        (_, issues) = config("colour = red\ncolor = \"red\"\ntarget share = 1")
        #expect(issues.map(\.severity) == [.warning, .warning, .error])
        #expect(issues[0].message.hasPrefix("unknown setting \"colour\" is ignored; known: title, target_share"))
        #expect(issues[2].message == "expected = after target, as in target = value")
        // TOML 1.1's \e is not TOML 1.0.
        (_, issues) = config(#"title = "a\eb""#)
        #expect(issues.count == 1 && issues[0].column == 11 && issues[0].message.contains("not a TOML escape"))
    }
}
