import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import CongDanSoCore
@testable import OfficeDocuments
@testable import SpreadsheetReader

let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let sampleDataPath: String = packageRoot.appendingPathComponent("sample-data").path

/// A fresh temporary data folder, removed when the value goes away: the
/// shared one of the TestSupport target, by the name these tests use.
typealias TempFolder = TestSupport.TempDataDir

extension TempFolder {
    /// Writes a one-sheet workbook (inline strings, numbers) with the project's own writer.
    func workbook(_ relative: String, sheet: String = "Sheet1", _ rows: [[CellValue]]) throws {
        var ws = Worksheet(name: sheet, widths: Array(repeating: 10, count: rows.map(\.count).max() ?? 1))
        ws.rows = rows.map { $0.map { ($0, CellStyle.plain) } }
        try XLSXWriter(sheets: [ws], title: "t").data().write(to: url.appendingPathComponent(relative))
    }

}

@Suite("Excel input")
struct SpreadsheetInputTests {
    static let unitsCSV = "code,name,type,population\n001,Tứ Kỳ,xã,1000\n002,Gia Viên,phường,2000\n"

    @Test("a workbook written by the project's writer reads back cell by cell")
    func readsInlineStringsAndNumbers() throws {
        let dir = TempFolder()
        try dir.workbook("w.xlsx", [[.text("a"), .empty, .number(2160)], [.text("Tứ Kỳ, \"x\""), .number(45.34)]])
        let reader = try XLSXReader(path: dir.path + "/w.xlsx")
        var rows: [(Int, [XLSXCell])] = []
        try reader.readRows { rows.append(($0, $1)) }
        #expect(reader.sheets.map(\.name) == ["Sheet1"])
        #expect(rows.count == 2)
        #expect(rows[0].0 == 1 && rows[0].1.map(\.column) == [0, 2])
        #expect(rows[0].1[1].value == .number(2160))
        #expect(rows[1].1[0].value == .text("Tứ Kỳ, \"x\""))
        #expect(rows[1].1[1].value == .number(45.34))
    }

    @Test("cell references: letters to columns, nonsense refused")
    func references() {
        #expect(XLSXReader.parseReference("C12")! == (2, 12))
        #expect(XLSXReader.parseReference("aa1")! == (26, 1))
        #expect(XLSXReader.parseReference("XFD1048576")! == (16_383, 1_048_576))
        #expect(XLSXReader.parseReference("XFE1") == nil)
        #expect(XLSXReader.parseReference("AAAAAAAAAAAAAAAAAAAAAAAAA1") == nil)
        #expect(XLSXReader.parseReference("12") == nil)
        #expect(XLSXReader.parseReference("C99999999999999999999999999") != nil)
        #expect(XLSXReader.columnName(0) == "A" && XLSXReader.columnName(26) == "AA")
    }

    @Test("date serials in the 1900 and 1904 systems give the same moment")
    func dateSystems() throws {
        let dir = TempFolder()
        try dir.workbook("w.xlsx", [[.text("x")]])
        var reader = try XLSXReader(path: dir.path + "/w.xlsx")
        let d = reader.dateFields(45952.625)
        #expect([d.year, d.month, d.day, d.hour, d.minute, d.second] as [Int] == [2025, 10, 22, 15, 0, 0])
        let m = reader.dateFields(61.0)  // 1 March 1900 (after Lotus's 29 February)
        #expect([m.year, m.month, m.day] as [Int] == [1900, 3, 1])
        reader.date1904 = true
        let e = reader.dateFields(45952.625 - 1462)
        #expect([e.year, e.month, e.day, e.hour, e.minute] as [Int] == [2025, 10, 22, 15, 0])
        // A time a hair off the second (Excel stores 15:00 as 0.625 exactly, others not) rounds.
        reader.date1904 = false
        #expect(SpreadsheetInput.text(.date(1e300), reader: reader, timeZone: .vietnam) == "1e+300")
        #expect(SpreadsheetInput.text(.date(-1), reader: reader, timeZone: .vietnam) == "-1")
        #expect(
            SpreadsheetInput.text(.date(45952.625), reader: reader, timeZone: .vietnam) == "2025-10-22T15:00:00+07:00")
        let r = reader.dateFields(45952.62499999)
        #expect([r.hour, r.minute, r.second] as [Int] == [15, 0, 0])
    }

    @Test("numbers stored as text with Vietnamese thousands dots: only exact groups of three")
    func thousandsDots() {
        #expect(SpreadsheetInput.thousandsDots("84.360") == "84360")
        #expect(SpreadsheetInput.thousandsDots("1.234.567") == "1234567")
        #expect(SpreadsheetInput.thousandsDots(" 2.160 ") == "2160")
        #expect(SpreadsheetInput.thousandsDots("84.36") == nil)
        #expect(SpreadsheetInput.thousandsDots("8436.0") == nil)
        #expect(SpreadsheetInput.thousandsDots("1234.567") == nil)
        #expect(SpreadsheetInput.thousandsDots("84,360") == nil)
        #expect(SpreadsheetInput.thousandsDots(".360") == nil)
        #expect(SpreadsheetInput.thousandsDots("2160") == nil)
    }

    @Test("units.xlsx and snapshots/*.xlsx load like their CSV twins")
    func sameAsCSV() throws {
        let csv = TempFolder(), xlsx = TempFolder()
        csv.write("units.csv", Self.unitsCSV)
        csv.write(
            "snapshots/a.csv",
            "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,001,1500,700\n2025-10-22T15:00:00+07:00,002,84360,3\n"
        )
        try xlsx.workbook(
            "units.xlsx",
            [
                [.text("code"), .text("name"), .text("type"), .text("population")],
                [.text("001"), .text("Tứ Kỳ"), .text("xã"), .number(1000)],
                [.text("002"), .text("Gia Viên"), .text("phường"), .text("2.000")],
            ])
        // Columns in another order, a blank row, the count as text with dots, a row with a trailing empty cell left out.
        try xlsx.workbook(
            "snapshots/a.xlsx",
            [
                [.text("code"), .text("registered"), .text("completed"), .text("as_of")],
                [.text("001"), .number(1500), .number(700), .text("2025-10-22T15:00:00+07:00")],
                [],
                [.text("002"), .text("84.360"), .number(3), .text("2025-10-22T15:00:00+07:00")],
            ])
        let a = DataDirectory.load(csv.path), b = DataDirectory.load(xlsx.path)
        #expect(b.issues.isEmpty, "\(b.issues)")
        let sa = try Standings(dataset: #require(a.dataset), now: Timestamp(milliseconds: 0))
        let sb = try Standings(dataset: #require(b.dataset), now: Timestamp(milliseconds: 0))
        #expect(JSONReport.render(sa) == JSONReport.render(sb))
    }

    @Test("errors name the file, the sheet and the cell")
    func errorsNameTheCell() throws {
        let dir = TempFolder()
        dir.write("units.csv", Self.unitsCSV)
        try dir.workbook(
            "snapshots/22-10.xlsx", sheet: "Số liệu",
            [
                [.text("as_of"), .text("code"), .text("registered"), .text("completed")],
                [.text("2025-10-22T15:00:00+07:00"), .text("001"), .number(10), .number(5)],
                [.text("2025-10-22T15:00:00+07:00"), .text("002"), .text("12a"), .number(5)],
                [.text("2025-10-22T15:00:00+07:00"), .text("009"), .number(1), .number(0)],
                [.text("2025-10-22T15:00:00+07:00"), .text("001"), .number(10), .number(5.5)],
            ])
        let r = DataDirectory.load(dir.path)
        let lines = r.issues.map(\.description)
        let file = dir.path + "/snapshots/22-10.xlsx"
        #expect(lines.contains { $0.hasPrefix(file + ":Số liệu!C3: error: the registered count \"12a\"") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix(file + ":Số liệu!B4: error:") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix(file + ":Số liệu!D5: error: the completed count \"5.5\"") }, "\(lines)")
    }

    /// A folder whose units come from a one-unit units.xlsx (code 001).
    static func unitsWorkbookFolder() throws -> TempFolder {
        let dir = TempFolder()
        try dir.workbook(
            "units.xlsx",
            [
                [.text("code"), .text("name"), .text("type"), .text("population")],
                [.text("001"), .text("Tứ Kỳ"), .text("xã"), .number(1000)],
            ])
        return dir
    }

    @Test("with units from units.xlsx, an unknown unit's message names units.xlsx")
    func unknownUnitNamesTheWorkbook() throws {
        let dir = try Self.unitsWorkbookFolder()
        dir.write(
            "snapshots/a.csv",
            "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,009,1,1\n"
                + "2025-10-22T15:00:00+07:00,Hải An,1,1\n")
        let lines = DataDirectory.load(dir.path).issues.map(\.description)
        #expect(lines.contains { $0.contains("is not in units.xlsx") }, "\(lines)")
        #expect(!lines.contains { $0.contains("units.csv") }, "\(lines)")
    }

    @Test("with units from units.xlsx, the event log's unknown unit names units.xlsx too")
    func eventLogUnknownUnitNamesTheWorkbook() throws {
        let dir = try Self.unitsWorkbookFolder()
        dir.write(
            "events.csv",
            "time,unit_code,candidate_id,event\n2025-10-22T15:00:00+07:00,001,c1,registered\n"
                + "2025-10-22T15:01:00+07:00,009,c2,registered\n")
        let result = DataDirectory.load(dir.path)
        let lines = result.issues.map(\.description)
        #expect(
            lines.contains {
                $0.hasSuffix(
                    "events.csv:3:27: warning: the unit code \"009\" is not in units.xlsx; the line is not counted")
            }, "\(lines)")
        #expect(!lines.contains { $0.contains("units.csv") }, "\(lines)")
        #expect(result.dataset?.histories.first?.last?.registered == 1)
    }

    @Test("units.csv beside units.xlsx: the CSV is read, with a warning")
    func bothUnitFiles() throws {
        let dir = TempFolder()
        dir.write("units.csv", Self.unitsCSV)
        try dir.workbook("units.xlsx", [[.text("code")]])
        dir.write("snapshots/a.csv", "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,001,1,1\n")
        let r = DataDirectory.load(dir.path)
        #expect(r.dataset?.units.count == 2)
        #expect(
            r.issues.map(\.description) == [
                "\(dir.path)/units.xlsx: warning: ignored: units.csv is read; keep one of the two"
            ])
    }

    @Test("a part that is not UTF-8 is an error, not a crash in XMLParser")
    func damagedPart() throws {
        let dir = TempFolder()
        dir.write("units.csv", Self.unitsCSV)
        try dir.workbook("snapshots/a.xlsx", [[.text("as_of")]])
        // Rewrite styles.xml with a byte that is not UTF-8 inside a name.
        let url = dir.url.appendingPathComponent("snapshots/a.xlsx")
        let original = try parts(Data(contentsOf: url))
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in original {
            var bytes = Data(text.utf8)
            if path == "xl/styles.xml" {
                bytes =
                    Data("<styleSheet><fonts><font><sz v\u{0}".utf8) + Data([0xE4])
                    + Data("l=\"1\"/></font></fonts></styleSheet>".utf8)
            }
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count)) { pos, size in
                bytes.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        try archive.data!.write(to: url)
        let r = DataDirectory.load(dir.path)
        #expect(
            r.issues.map(\.description).contains {
                $0.contains("snapshots/a.xlsx: error: cannot read the workbook: xl/styles.xml: is not UTF-8 text")
            }, "\(r.issues)")
    }

    @Test("a file that is not a workbook is an error naming it")
    func notAWorkbook() throws {
        let dir = TempFolder()
        dir.write("units.csv", Self.unitsCSV)
        dir.write("snapshots/b.xlsx", "as_of,code\n")
        let r = DataDirectory.load(dir.path)
        #expect(
            r.issues.map(\.description).contains {
                $0.hasPrefix(dir.path + "/snapshots/b.xlsx: error: cannot read the workbook: not an Excel workbook")
            }, "\(r.issues)")
    }

    @Test("Excel's lock files (~$…) in snapshots/ are skipped")
    func skipsLockFiles() throws {
        let dir = TempFolder()
        dir.write("units.csv", Self.unitsCSV)
        dir.write("snapshots/~$22-10.xlsx", "lock")
        dir.write("snapshots/a.csv", "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,001,1,1\n")
        #expect(DataDirectory.load(dir.path).issues.isEmpty)
    }
}
