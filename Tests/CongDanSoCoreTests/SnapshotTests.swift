import Foundation
import Testing

@testable import CongDanSoCore

/// Snapshot files (as_of,code,registered,completed; cumulative counts, `name`
/// may stand in for `code`): names for codes, several moments in a file,
/// a moment over several files, codes as text.
@Suite("Loading snapshots")
struct SnapshotTests {
    static let units = """
        code,name,type,population
        10001,Tứ Kỳ,xã,1000
        10002,Hòa Bình,phường,1000
        10003,Cẩm Giang,xã,1000
        10004,Cẩm Giàng,xã,1000
        10005,Bạch Đằng,phường,1000
        10006,Bạch Đằng,xã,1000
        01234,Thủy Nguyên,phường,1000

        """

    static func byName(_ name: String) -> TempDataDir {
        TempDataDir(
            units: units,
            snapshots: [
                "s.csv": "as_of,name,registered,completed\n2025-10-22T15:00:00+07:00,\"\(name)\",7,3\n"
            ])
    }

    static let nameCases: [(String, String)] = [
        ("Tứ Kỳ", "10001"), (nfd("Tứ Kỳ"), "10001"), ("tứ kỳ", "10001"), ("TỨ KỲ", "10001"),
        ("  Tứ   Kỳ ", "10001"), ("Xã Tứ Kỳ", "10001"), ("xã tứ kỳ", "10001"), (nfd("Xã Tứ Kỳ"), "10001"),
        ("Hòa Bình", "10002"), ("Hoà Bình", "10002"), (nfd("Hoà Bình"), "10002"), ("phường Hoà Bình", "10002"),
        ("Cẩm Giang", "10003"), ("Cẩm Giàng", "10004"), ("xã Cẩm Giàng", "10004"),
        ("phường Bạch Đằng", "10005"), ("Xã Bạch Đằng", "10006"),
        ("Thủy Nguyên", "01234"), ("Thuỷ Nguyên", "01234"),
    ]

    @Test("names stand in for codes, matched after normalising", arguments: nameCases)
    func nameMatches(_ name: String, _ code: String) throws {
        let d = try Self.byName(name).dataset()
        let s = standings(d)
        for f in s.figures {
            if f.unit.code == code {
                #expect(f.registered == 7 && f.completed == 3)
            } else {
                #expect(f.registered == 0 && f.completed == 0, "\(f.unit.code) got the row for \(name)")
            }
        }
    }

    @Test(
        "unknown names are errors at the name's column",
        arguments: ["Tu Ky", "Cam Giang", "Tứ Kỳ Mới", "phường Tứ Kỳ", "Hải An"])
    func unknownName(_ name: String) {
        let result = Self.byName(name).load()
        #expect(result.dataset == nil)
        // "2025-10-22T15:00:00+07:00," is 26 characters: the name is at column 27.
        #expect(result.issues.errors.map { [$0.line, $0.column] } == [[2, 27]])
    }

    @Test("a name that fits several units is an error naming them")
    func ambiguousName() {
        let result = Self.byName("Bạch Đằng").load()
        #expect(result.dataset == nil)
        let errors = result.issues.errors
        #expect(errors.map { [$0.line, $0.column] } == [[2, 27]])
        // The message offers the codes to choose from.
        #expect(errors.first.map { $0.message.contains("10005") && $0.message.contains("10006") } == true)
    }

    @Test("an unknown code is an error; a code that lost its leading zero gets a hint")
    func unknownCode() {
        let dir = TempDataDir(
            units: Self.units,
            snapshots: [
                "s.csv": "as_of,code,registered,completed\n"
                    + "2025-10-22T15:00:00+07:00,1234,1,0\n"
                    + "2025-10-22T15:00:00+07:00,99999,1,0\n"
            ])
        let result = dir.load()
        #expect(result.dataset == nil)
        let errors = result.issues.errors
        #expect(errors.map { [$0.line, $0.column] } == [[2, 27], [3, 27]])
        #expect(errors.first?.message.contains("01234") == true)
    }

    @Test("several moments in one file, one moment over several files")
    func momentsAndFiles() throws {
        let dir = TempDataDir(
            units: Self.units,
            snapshots: [
                "all.csv": """
                as_of,code,registered,completed
                2025-10-20T15:00:00+07:00,10001,5,1
                2025-10-21T15:00:00+07:00,10001,8,2
                2025-10-20T15:00:00+07:00,10002,3,0

                """,
                // The same moment as 10001's second row, written in UTC.
                "a.csv": "as_of,code,registered,completed\n2025-10-21T08:00:00Z,10003,4,4\n",
                "b.csv": "as_of,code,registered,completed\n2025-10-21T15:00:00+07:00,01234,6,1\n",
            ])
        let d = try dir.dataset()
        #expect(d.moments == [ts("2025-10-20T15:00:00+07:00"), ts("2025-10-21T15:00:00+07:00")])
        let s = standings(d)
        // At 21/10 15:00: 10001 8/2, 10002 3/0 (carried), 10003 4/4, 01234 6/1.
        #expect(s.city.registered == 8 + 3 + 4 + 6)
        #expect(s.city.completed == 2 + 0 + 4 + 1)
        #expect(try figure(s, "01234").registered == 6)
        let before = standings(d, at: "2025-10-20T15:00:00+07:00")
        #expect(before.city.registered == 5 + 3)
    }

    @Test("codes keep their leading zeros in every output")
    func leadingZeros() throws {
        let dir = TempDataDir(
            units: "code,name,type,population\n00123,Tứ Kỳ,xã,100\n0456,Gia Viên,phường,100\n",
            snapshots: [
                "s.csv":
                    "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,00123,5,1\n2025-10-22T15:00:00+07:00,0456,2,1\n"
            ])
        let d = try dir.dataset()
        #expect(d.units.map(\.code) == ["00123", "0456"])
        let s = standings(d)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONReport.render(s).utf8)) as? [String: Any])
        let codes = (json["units"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
        #expect(codes == ["00123", "0456"])
        let csv = parseCSV(TableExport.csv(s.ranked, standings: s))
        let codeColumn = try #require(csv.first?.firstIndex(of: "code"))
        #expect(csv.dropFirst().map { $0[codeColumn] } == ["00123", "0456"])
    }

    @Test("codes compare as text in the ranking tie-break")
    func codeTieBreakAsText() throws {
        // Four units tied on registered and completed. As text: "01234" < "1000"
        // < "1234" < "999"; as numbers it would be 999, 1000, 1234 = 01234.
        let dir = TempDataDir(
            units: "code,name,type,population\n999,A,xã,10\n1234,B,xã,10\n01234,C,xã,10\n1000,D,xã,10\n",
            snapshots: [
                "s.csv": "as_of,code,registered,completed\n"
                    + ["999", "1234", "01234", "1000"].map { "2025-10-22T15:00:00+07:00,\($0),5,2\n" }.joined()
            ])
        let s = standings(try dir.dataset())
        #expect(s.ranked.map(\.unit.code) == ["01234", "1000", "1234", "999"])
        #expect(s.ranked.map(\.rank) == [1, 2, 3, 4])
    }
}
