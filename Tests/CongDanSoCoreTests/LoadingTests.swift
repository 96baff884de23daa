import Foundation
import Testing

@testable import CongDanSoCore

/// Loading `units.csv` (code,name,type,population; adults and the rest
/// optional, columns in any order) and `config.toml`: the shapes Excel and web
/// exports produce, normalisation, types, adults, settings and overrides.
@Suite("Loading units and settings")
struct LoadingTests {
    static let oneSnapshot = [
        "s.csv": "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,00101,1,0\n"
    ]

    @Test("BOM, CRLF, quoted fields, any column order, extra columns, trailing blank and ,,, rows")
    func excelExport() throws {
        // Columns in a different order, an extra column ("ghi_chu") that holds
        // a comma, doubled quotes and a line break, a ,,,,, row and blank lines
        // at the end, all with CRLF and a BOM.
        let units =
            "\u{FEFF}population,type,ghi_chu,name,code,adults\r\n"
            + "1000,xã,\"ghi chú, có dấu phẩy\",Tứ Kỳ,00101,\r\n"
            + "686,đặc khu,\"nói \"\"xin chào\"\"\",\"Bạch Long Vĩ\",00102,\r\n"
            + "2000,phường,\"dòng một\r\ndòng hai\",Gia Viên,00103,1500\r\n"
            + ",,,,,\r\n" + "\r\n" + "\r\n"
        let dir = TempDataDir(units: units, snapshots: Self.oneSnapshot)
        let result = dir.load()
        #expect(result.issues.isEmpty, "\(result.issues.map(\.description))")
        let d = try #require(result.dataset)
        #expect(d.units.map(\.code) == ["00101", "00102", "00103"])
        #expect(d.units.map(\.name) == ["Tứ Kỳ", "Bạch Long Vĩ", "Gia Viên"])
        #expect(d.units.map(\.type) == [.xa, .dacKhu, .phuong])
        #expect(d.units.map(\.population) == [1000, 686, 2000])
        // adults: 1000 × 0.68 = 680; 686 × 0.68 = 466.48 → 466; 1500 as given.
        #expect(d.units.map(\.adults) == [680, 466, 1500])
        #expect(d.units.map(\.adultsEstimated) == [true, true, false])
    }

    @Test("an Excel export with trailing empty columns, header included, loads")
    func trailingEmptyColumns() throws {
        // Excel writes a separator for every column once used, even in the header.
        let dir = TempDataDir(
            units: "code,name,type,population,,,\r\n00101,Tứ Kỳ,xã,1000,,,\r\n,,,,,,\r\n",
            snapshots: ["s.csv": "as_of,code,registered,completed,,\r\n2025-10-22T15:00:00+07:00,00101,1,0,,\r\n"])
        let d = try dir.dataset()
        #expect(d.units.map(\.code) == ["00101"])
        #expect(standings(d).city.registered == 1)
    }

    @Test("a quoted line break moves the line numbers of later rows")
    func lineNumbersAfterQuotedLineBreak() {
        // Line 1 header; lines 2-3 one record (quoted line break); line 4 a bad type.
        let units =
            "code,name,type,population,note\r\n"
            + "1,Tứ Kỳ,xã,100,\"a\r\nb\"\r\n"
            + "2,Gia Viên,quận,100,\r\n"
        let dir = TempDataDir(
            units: units, snapshots: ["s.csv": "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,1,1,0\n"])
        let errors = dir.load().issues.errors
        // "2,Gia Viên," is 11 characters: the type starts at column 12.
        #expect(errors.count == 1)
        #expect(errors.first.map { [$0.line, $0.column] } == [4, 12])
    }

    @Test("LF without a final line end, and a snapshot with CRLF and ,,, rows")
    func lfAndNoFinalNewline() throws {
        let dir = TempDataDir(
            units: "code,name,type,population\n1,A,xã,10\n2,B,xã,20",
            snapshots: [
                "s.csv": "as_of,code,registered,completed\r\n2025-10-22T15:00:00+07:00,1,4,2\r\n,,,\r\n"
                    + "2025-10-22T15:00:00+07:00,2,3,1\r\n,,,\r\n\r\n"
            ])
        let d = try dir.dataset()
        #expect(d.units.count == 2)
        let s = standings(d)
        #expect(s.city.registered == 7)
        #expect(s.city.completed == 3)
    }

    @Test("NFD names, types and provinces come out NFC")
    func nfdInput() throws {
        let units =
            "code,name,type,population,former_province\n"
            + "1,\(nfd("Tứ Kỳ")),\(nfd("xã")),100,\(nfd("Hải Dương"))\n"
            + "2,\(nfd("Đồ Sơn")),\(nfd("Phường")),100,Hải Dương\n"
            + "3,\(nfd("Bạch Long Vĩ")),\(nfd("Đặc khu")),100,\(nfd("Hải Phòng"))\n"
        let dir = TempDataDir(
            units: units,
            snapshots: ["s.csv": "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,1,1,0\n"])
        let d = try dir.dataset()
        #expect(d.units.map { scalars($0.name) } == ["Tứ Kỳ", "Đồ Sơn", "Bạch Long Vĩ"].map(scalars))
        #expect(d.units.map(\.type) == [.xa, .phuong, .dacKhu])
        #expect(d.units.map { $0.formerProvince.map(scalars) } == ["Hải Dương", "Hải Dương", "Hải Phòng"].map(scalars))
        // The letter's list name is NFC too.
        #expect(scalars(d.units[0].listName()) == scalars("xã Tứ Kỳ"))
        // One group per former province, whatever the normal form in the file.
        let s = standings(d)
        #expect(s.byFormerProvince.map { scalars($0.province) } == ["Hải Dương", "Hải Phòng"].map(scalars))
        #expect(s.byFormerProvince.map(\.totals.units) == [2, 1])
    }

    static let typeSpellings: [(String, UnitType)] = [
        ("xã", .xa), ("Xã", .xa), ("XÃ", .xa), ("XA", .xa), ("xa", .xa), (nfd("Xã"), .xa), (" xã ", .xa),
        ("phường", .phuong), ("Phuong", .phuong), ("PHƯỜNG", .phuong), (nfd("phường"), .phuong),
        ("đặc khu", .dacKhu), ("dac khu", .dacKhu), ("Đặc Khu", .dacKhu), ("ĐẶC KHU", .dacKhu),
        (nfd("đặc khu"), .dacKhu), ("DAC KHU", .dacKhu),
    ]

    @Test("types in any case, NFC or NFD, with or without diacritics", arguments: typeSpellings)
    func typeSpelling(_ raw: String, _ expected: UnitType) throws {
        let dir = TempDataDir(
            units: "code,name,type,population\n00101,Tứ Kỳ,\"\(raw)\",10\n", snapshots: Self.oneSnapshot)
        let d = try dir.dataset()
        #expect(d.units.first?.type == expected)
    }

    @Test(
        "types that are not xã, phường or đặc khu are errors",
        arguments: ["quận", "thị trấn", "huyện", "", "xã phường"])
    func badType(_ raw: String) {
        let dir = TempDataDir(units: "code,name,type,population\n00101,Tứ Kỳ,\(raw),10\n", snapshots: Self.oneSnapshot)
        let result = dir.load()
        #expect(result.dataset == nil)
        // "00101,Tứ Kỳ," is 12 characters: the type is at column 13 of line 2.
        #expect(result.issues.errors.map { [$0.line, $0.column] } == [[2, 13]])
    }

    // Adults = round(population × adult share), halves up.
    static let adultCases: [(population: Int, share: Double, adults: Int)] = [
        (686, 0.68, 466),  // 466.48 → 466
        (1000, 0.68, 680),  // exact
        (71731, 0.68, 48777),  // 48777.08
        (3, 0.5, 2),  // 1.5 → 2 (half up, not to even)
        (5, 0.5, 3),  // 2.5 → 3 (half up, not to even)
        (1, 0.5, 1),  // 0.5 → 1
        (5, 0.7, 4),  // 3.5 (3.4999… in binary) → 4
        (15, 0.7, 11),  // 10.5 → 11
        (10, 0.65, 7),  // 6.5 → 7
        (7, 0.35, 2),  // 2.45 → 2
        (0, 0.68, 0),
    ]

    @Test("estimated adults round halves up, through units.csv and config.toml", arguments: adultCases)
    func estimatedAdults(_ c: (population: Int, share: Double, adults: Int)) throws {
        let dir = TempDataDir(
            units: "code,name,type,population,adults\n00101,Tứ Kỳ,xã,\(c.population),\n",
            snapshots: Self.oneSnapshot, config: "adult_share = \(c.share)\n")
        let d = try dir.dataset()
        #expect(d.units.first?.adults == c.adults)
        #expect(d.units.first?.adultsEstimated == true)
    }

    @Test("estimated adults equal exact decimal rounding for shares with up to 4 decimals")
    func estimatedAdultsExact() {
        // Exact: share = n / 10^k; round(p·n / 10^k) half up = ⌊(2·p·n + 10^k) / (2·10^k)⌋.
        var rng = SeededRandom(seed: 68)
        var failures: [String] = []
        for (numerator, scale) in [(68, 100), (5, 10), (7, 10), (685, 1000), (6789, 10000), (1, 10000), (9999, 10000)] {
            let share = Double(numerator) / Double(scale)
            var populations = [0, 1, 2, 686, 4891, 204_891, 999_999, 5_000_000]
            for _ in 0..<400 { populations.append(Int.random(in: 0...3_000_000, using: &rng)) }
            // Populations whose product ends in exactly .5 and just below it.
            for p in 1...3000 where (p * numerator) % scale == scale / 2 || (p * numerator) % scale == scale / 2 - 1 {
                populations.append(p)
                populations.append(p + 100 * scale)
            }
            for p in populations {
                let exact = (2 * p * numerator + scale) / (2 * scale)
                let got = Unit.estimatedAdults(population: p, share: share)
                if got != exact { failures.append("\(p) × \(share): got \(got), want \(exact)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5)) (\(failures.count) in all)")
    }

    @Test("the adults column is used when present; empty cells are estimated")
    func adultsColumnMixed() throws {
        let dir = TempDataDir(
            units: "code,name,type,population,adults\n1,A,xã,686,500\n2,B,xã,686,\n3,C,xã,100,0\n",
            snapshots: Self.oneSnapshot.mapValues { $0.replacingOccurrences(of: "00101", with: "1") })
        let d = try dir.dataset()
        #expect(d.units.map(\.adults) == [500, 466, 0])
        #expect(d.units.map(\.adultsEstimated) == [false, true, false])
        // The city's adults are the sum of its units'.
        #expect(standings(d).goal.adults == 966)
    }

    static let config = """
        # contest settings
        title = "Công dân số: thử nghiệm"   # a comment after a value
        target_share = 0.5
        deadline = 2025-11-30
        adult_share = 0.5
        timezone = "+09:00"

        """

    @Test("config.toml values are read")
    func configValues() throws {
        let dir = TempDataDir(
            units: "code,name,type,population\n00101,Bạch Long Vĩ,đặc khu,686\n", snapshots: Self.oneSnapshot,
            config: Self.config)
        let d = try dir.dataset()
        #expect(d.config.title == "Công dân số: thử nghiệm")
        #expect(d.config.targetShare == 0.5)
        #expect(d.config.deadline == CalendarDate(year: 2025, month: 11, day: 30))
        #expect(d.config.adultShare == 0.5)
        #expect(d.config.timeZone == UTCOffset(seconds: 9 * 3600))
        #expect(d.units[0].adults == 343)  // 686 × 0.5
        // The moment is shown at the configured offset: 15:00+07:00 is 17:00+09:00.
        let s = standings(d)
        #expect(JSONReport.render(s).contains("\"as_of\": \"2025-10-22T17:00:00+09:00\""))
        #expect(TextReport.render(s, .vi).contains("Tính đến 17h00 ngày 22/10/2025,"))
        // Deadline 30/11 at 24:00 +09:00 = 2025-12-01T00:00+09:00; from
        // 2025-10-22T17:00+09:00 that is 39 days and 7 hours = 39.291666… days.
        #expect(close(s.goal.daysLeft, 39 + 7.0 / 24))
    }

    @Test("the README's config.toml example and the sample data's config.toml read without a problem")
    func readmeConfig() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "- **`config.toml`** (optional)"))
        let start = try #require(readme.range(of: "```toml\n", range: section.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let example = readme[start.upperBound..<end.lowerBound].split(separator: "\n").map { $0.trimmingSpaces }
        let (config, issues) = ConfigLoader.load(text: example.joined(separator: "\n"), file: "README.md")
        #expect(issues.isEmpty, "\(issues)")
        #expect(config.targetShare == 0.80 && config.attention.completionRatio == 0.75)
        #expect(config.deadline == CalendarDate(year: 2025, month: 12, day: 31))
        let sample = try String(contentsOfFile: sampleDataPath + "/config.toml", encoding: .utf8)
        #expect(ConfigLoader.load(text: sample, file: "config.toml").1.isEmpty)
    }

    @Test("command-line overrides replace config.toml values")
    func configOverrides() throws {
        let dir = TempDataDir(
            units: "code,name,type,population\n00101,Bạch Long Vĩ,đặc khu,686\n", snapshots: Self.oneSnapshot,
            config: Self.config)
        let overrides = ConfigOverrides(
            targetShare: 0.9, deadline: CalendarDate(year: 2026, month: 1, day: 15), adultShare: 0.7,
            timeZone: UTCOffset(seconds: 8 * 3600))
        let d = try dir.dataset(overrides)
        #expect(d.config.targetShare == 0.9)
        #expect(d.config.deadline == CalendarDate(year: 2026, month: 1, day: 15))
        #expect(d.config.adultShare == 0.7)
        #expect(d.config.timeZone == UTCOffset(seconds: 8 * 3600))
        #expect(d.config.title == "Công dân số: thử nghiệm")  // not overridden
        #expect(d.units[0].adults == 480)  // 686 × 0.7 = 480.2
    }

    @Test("a directory without config.toml gets the defaults")
    func defaultConfig() throws {
        let dir = TempDataDir(
            units: "code,name,type,population\n00101,Bạch Long Vĩ,đặc khu,686\n", snapshots: Self.oneSnapshot)
        let d = try dir.dataset()
        #expect(d.config.targetShare == 0.80)
        #expect(d.config.deadline == CalendarDate(year: 2025, month: 12, day: 31))
        #expect(d.config.adultShare == 0.68)
        #expect(d.config.timeZone == UTCOffset(seconds: 7 * 3600))
        #expect(!d.config.title.isEmpty)
        #expect(d.units[0].adults == 466)
    }

    @Test("config.toml with a BOM and CRLF is read; a bad value is an error at its line and column")
    func configErrors() {
        let dir = TempDataDir(
            units: "code,name,type,population\n00101,Bạch Long Vĩ,đặc khu,686\n", snapshots: Self.oneSnapshot,
            config: "\u{FEFF}title = \"Thử\"\r\ntarget_share = 80%\r\ndeadline = 2025-02-30\r\n")
        let errors = dir.load().issues.errors
        // "target_share = " is 15 characters: the value is at column 16.
        #expect(errors.map { [$0.line, $0.column] } == [[2, 16], [3, 12]])
        #expect(errors.allSatisfy { $0.file.hasSuffix("config.toml") })
    }

    @Test("a missing directory or units.csv is an error, not a crash")
    func missingFiles() {
        let gone = DataDirectory.load("/nonexistent/congdanso-\(UUID().uuidString)")
        #expect(gone.dataset == nil)
        #expect(gone.issues.hasErrors)
        let dir = TempDataDir(snapshots: Self.oneSnapshot)
        let noUnits = dir.load()
        #expect(noUnits.dataset == nil)
        #expect(noUnits.issues.errors.contains { $0.file.hasSuffix("units.csv") })
    }
}
