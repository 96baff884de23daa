import Foundation
import Testing

@testable import CongDanSoCore

/// Names as they are written across the country: apostrophes ’ and ',
/// dashes – and -, and the order of all 3,321 real names against ICU.
@Suite("National names")
struct NationalNamesTests {
    /// The real national list (tools/reference/vietnam-units-2025.csv).
    static let nationalUnitsPath = packageRoot.appendingPathComponent("tools/reference/vietnam-units-2025.csv").path

    /// ICU's Vietnamese order of the same names, made once with PyICU
    /// (tools/reference/make_icu_order.py; its header says which ICU).
    static func icuOrder() throws -> [String] {
        let text = try String(
            contentsOfFile: packageRoot.appendingPathComponent("tools/reference/icu-vietnamese-order.txt").path,
            encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }

    static let folds: [(String, String)] = [
        ("M’Drắk", "m'drak"), ("M'Drắk", "m'drak"), ("Mʼdrắk", "m'drak"), ("M‘Drắk", "m'drak"),
        ("Ea H’leo", "ea h'leo"), ("Chân Mây – Lăng Cô", "chan may - lang co"),
        ("Chân Mây — Lăng Cô", "chan may - lang co"), ("Chân Mây ‑ Lăng Cô", "chan may - lang co"),
        ("Chân  Mây   -  Lăng Cô", "chan may - lang co"), ("Văn Miếu - Quốc Tử Giám", "van mieu - quoc tu giam"),
    ]

    @Test("fold: apostrophes ’ ' ʼ ‘ are one, dashes – — ‑ - are one, spaces collapse", arguments: folds)
    func fold(_ input: String, _ expected: String) {
        #expect(VietnameseText.fold(input) == expected)
    }

    @Test("matchKey: a snapshot may write Ea H'leo for Ea H’leo, and - for –")
    func matchKey() {
        #expect(VietnameseText.matchKey("Ea H'leo") == VietnameseText.matchKey("Ea H’leo"))
        #expect(VietnameseText.matchKey("Chân Mây - Lăng Cô") == VietnameseText.matchKey("Chân Mây – Lăng Cô"))
        #expect(VietnameseText.matchKey("Cẩm Giang") != VietnameseText.matchKey("Cẩm Giàng"))
    }

    @Test("punctuation before letters, as ICU has it: M’Drắk before Mai Châu; space < - < – < ' < ’ < digits")
    func punctuationOrder() {
        // Hand-checked with PyICU (ICU 78.3, locale vi).
        let expected = ["M Drak", "M-Drak", "M'Drắk", "M’Drắk", "Mai", "MDrak"]
        #expect(expected.reversed().sorted(by: VietnameseCollation.areInIncreasingOrder) == expected)
        let marks = [
            " ", "_", "-", "–", "—", ",", ";", ":", "!", "?", ".", "'", "‘", "’", "\"", "(", ")", "0", "9", "a",
        ]
        let words = marks.map { "a" + $0 + "b" }
        #expect(words.reversed().sorted(by: VietnameseCollation.areInIncreasingOrder) == words)
    }

    @Test("the 3,321 real names sort as ICU's Vietnamese collation sorts them")
    func agreesWithICU() throws {
        let expected = try Self.icuOrder()
        #expect(expected.count == 3321)
        // Sort from the file's own order (by code) and from a reversal.
        let names = try CSVFixture.column("name", of: Self.nationalUnitsPath)
        #expect(names.count == 3321)
        for start in [names, names.reversed()] {
            let keys = start.map(VietnameseCollation.key)
            let sorted = start.indices.sorted { keys[$0] < keys[$1] }.map { start[$0] }
            let firstDifference = zip(sorted, expected).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(
                firstDifference == nil,
                "first difference at \(firstDifference?.offset ?? -1): \(String(describing: firstDifference?.element))")
        }
    }

    @Test("search finds M’Drắk, Ea H’leo, Chân Mây – Lăng Cô typed with ASCII ' and -")
    func search() throws {
        let dir = TempDataDir(
            units: """
                code,name,type,population,province
                1,M’Drắk,xã,100,Đắk Lắk
                2,Ea H’leo,xã,100,Đắk Lắk
                3,Chân Mây – Lăng Cô,xã,100,Huế
                4,Mai Châu,xã,100,Phú Thọ
                5,Văn Miếu - Quốc Tử Giám,phường,100,Hà Nội

                """,
            snapshots: ["a.csv": "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,1,1,0\n"])
        let s = Standings(dataset: try dir.dataset(), now: Timestamp(milliseconds: 0))
        func find(_ text: String) -> [String] { TableQuery(text: text).apply(to: s).map(\.unit.code) }
        #expect(find("m'drak") == ["1"])
        #expect(find("ea h'leo") == ["2"])
        #expect(find("chan may - lang co") == ["3"])
        #expect(find("chan may – lang co") == ["3"])
        #expect(find("van mieu – quoc") == ["5"])
        #expect(find("xa m’drak") == ["1"])
        let byName = TableQuery(sort: .name).apply(to: s).map(\.unit.name)
        #expect(byName == ["Chân Mây – Lăng Cô", "Ea H’leo", "M’Drắk", "Mai Châu", "Văn Miếu - Quốc Tử Giám"])
    }
}

/// Reads one column of a small CSV file without quotes (the reference lists).
enum CSVFixture {
    static func rows(of path: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        else { return [] }
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
    }

    static func column(_ name: String, of path: String) throws -> [String] {
        try rows(of: path).map { $0[name] ?? "" }
    }
}
