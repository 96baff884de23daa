import Foundation
import Testing

@testable import CongDanSoCore

/// Provinces, the one grouping mechanism (type, province, former province),
/// same-named units told apart, scope wording, ambiguity hints and the
/// data's first day. Hand-checked cases; the national list is checked
/// against sums computed here from the reference file.
@Suite("Provinces and groups")
struct ProvinceTests {
    /// Two provinces, three "Xã Tân Tiến" (two in Bắc Ninh), a near-twin
    /// pair (Cẩm Giang / Cẩm Giàng) that must not count as a collision.
    static let units = """
        code,name,type,population,adults,province,former_province
        001,Tân Tiến,xã,1000,700,Bắc Ninh,Bắc Giang
        002,Tân Tiến,xã,1000,700,Bắc Ninh,Bắc Giang
        003,Tân Tiến,xã,1000,700,Hưng Yên,Thái Bình
        004,Tân Tiến,phường,1000,700,Hưng Yên,Hưng Yên
        005,Cẩm Giang,xã,1000,700,Hải Phòng,Hải Dương
        006,Cẩm Giàng,xã,1000,700,Hải Phòng,Hải Dương
        007,Đông Hải,đặc khu,1000,700,,

        """
    static let snapshots = [
        "a.csv": """
        as_of,code,registered,completed
        2025-10-21T15:00:00+07:00,001,10,5
        2025-10-21T15:00:00+07:00,003,20,10
        2025-10-22T15:00:00+07:00,001,50,20
        2025-10-22T15:00:00+07:00,002,40,30
        2025-10-22T15:00:00+07:00,003,30,10
        2025-10-22T15:00:00+07:00,004,20,10
        2025-10-22T15:00:00+07:00,005,5,1
        2025-10-22T15:00:00+07:00,006,6,2
        2025-10-22T15:00:00+07:00,007,1,1

        """
    ]

    static func dir(config: String? = nil) -> TempDataDir {
        TempDataDir(units: units, snapshots: snapshots, config: config)
    }

    @Test("province is read from units.csv, NFC, empty is none")
    func loadsProvince() throws {
        let d = try TempDataDir(units: Self.units.replacingOccurrences(of: "Bắc Ninh", with: nfd("Bắc Ninh")))
            .dataset()
        #expect(d.units.map { $0.province.map(scalars) }.prefix(2) == [scalars("Bắc Ninh"), scalars("Bắc Ninh")])
        #expect(d.units.last?.province == nil)
        #expect(d.units[2].formerProvince == "Thái Bình")
    }

    @Test("groups by province: hand-checked totals, Vietnamese order, units without one last")
    func groupsByProvince() throws {
        let s = standings(try Self.dir().dataset())
        let g = s.groups(by: .province)
        #expect(g.map(\.value) == ["Bắc Ninh", "Hải Phòng", "Hưng Yên", nil])
        #expect(g.map(\.units) == [[0, 1], [4, 5], [2, 3], [6]])
        #expect(g.map(\.totals.registered) == [90, 11, 50, 1])
        #expect(g.map(\.totals.completed) == [50, 3, 20, 1])
        #expect(g.map(\.totals.adults) == [1400, 1400, 1400, 700])
        // Bắc Ninh: 001 went 10 → 50, 002 0 → 40: +80; Hưng Yên: 003 20 → 30, 004 0 → 20: +30.
        #expect(g.map(\.totals.registeredChange24h) == [80, 11, 30, 1])
        #expect(g.last?.label(.vi) == "không rõ" && g.last?.label(.en) == "unknown")
    }

    @Test("one mechanism: the type and former-province groups are the same as byType and byFormerProvince")
    func oneMechanism() throws {
        let s = standings(try Self.dir().dataset())
        #expect(s.groups(by: .type).map(\.value) == ["xã", "phường", "đặc khu"])
        #expect(s.groups(by: .type).map(\.totals) == s.byType.map(\.totals))
        #expect(s.groups(by: .formerProvince).map { $0.value ?? "" } == s.byFormerProvince.map(\.province))
        #expect(s.groups(by: .formerProvince).map(\.totals) == s.byFormerProvince.map(\.totals))
        #expect(s.groups(by: .type)[2].label(.en) == "special zone")
        #expect(s.dimensions == [.type, .province, .formerProvince])
        // Every grouping partitions the units: totals add up to the whole.
        for d in GroupDimension.allCases {
            let groups = s.groups(by: d)
            #expect(groups.reduce(0) { $0 + $1.totals.registered } == s.city.registered)
            #expect(groups.flatMap(\.units).sorted() == Array(s.figures.indices))
        }
    }

    @Test("a grouping no unit has is not a dimension of the data")
    func dimensionsPresent() throws {
        let s = standings(try TempDataDir(units: "code,name,type,population\n1,A,xã,10\n").dataset())
        #expect(s.dimensions == [.type])
        #expect(s.groups(by: .province).map(\.value) == [nil])
    }

    @Test("filters: province folded (\"hung yen\"), type, former province, combined; one per dimension")
    func filters() throws {
        let s = standings(try Self.dir().dataset())
        func codes(_ q: TableQuery) -> [String] { q.apply(to: s).map(\.unit.code).sorted() }
        #expect(codes(TableQuery(province: "hung yen")) == ["003", "004"])
        #expect(codes(TableQuery(province: "Bắc Ninh")) == ["001", "002"])
        #expect(codes(TableQuery(type: .xa, province: "HƯNG YÊN")) == ["003"])
        #expect(codes(TableQuery(formerProvince: "hai duong", province: "Hải Phòng")) == ["005", "006"])
        var q = TableQuery()
        q[filter: .type] = "dac khu"
        #expect(q.type == .dacKhu && codes(q) == ["007"])
        q.type = nil
        #expect(q.showsAll && codes(q).count == 7)
        q.province = "Nowhere"
        #expect(codes(q).isEmpty && !q.showsAll)
    }

    @Test("same-named units are told apart by province, or by code when the province is shared")
    func collisions() throws {
        let d = try Self.dir().dataset()
        #expect(d.nameQualifiers == ["001", "002", "Hưng Yên", nil, nil, nil, nil])
        #expect(d.distinctListName(2, .vi) == "xã Tân Tiến (Hưng Yên)")
        #expect(d.distinctListName(0, .vi) == "xã Tân Tiến (001)")
        #expect(d.distinctListName(3, .vi) == "phường Tân Tiến")  // a ward: another full name
        #expect(d.distinctFullName(2, .en) == "Tân Tiến commune (Hưng Yên)")
        let top = try #require(LetterSentences.top(standings(d), .vi))
        #expect(
            top
                == "7 xã, phường, đặc khu có số thí sinh tham gia nhiều nhất: xã Tân Tiến (001), xã Tân Tiến (002), xã Tân Tiến (Hưng Yên), phường Tân Tiến, xã Cẩm Giàng, xã Cẩm Giang, đặc khu Đông Hải."
        )
        let markdown = MarkdownReport.render(standings(d), .vi)
        #expect(markdown.contains("| Xã Tân Tiến (Hưng Yên) | 003 |"))
        #expect(markdown.contains("| Xã Cẩm Giang | 005 |"))
        let en = try #require(LetterSentences.top(standings(d), .en))
        #expect(
            en.contains("Tân Tiến commune (001), Tân Tiến commune (002), Tân Tiến commune (Hưng Yên), Tân Tiến ward,"))
        // Old and new tone placement are the same name.
        let twins = try TempDataDir(
            units:
                "code,name,type,population,province\n1,Hoà Bình,xã,10,A\n2,Hòa Bình,xã,10,B\n3,Hòa Bình,phường,10,A\n"
        ).dataset()
        #expect(twins.nameQualifiers == ["A", "B", nil])
    }

    @Test("JSON: province on each unit, by_province, by_type and by_former_province from one mechanism")
    func json() throws {
        let s = standings(try Self.dir().dataset())
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONReport.render(s).utf8)) as? [String: Any])
        let units = try #require(object["units"] as? [[String: Any]])
        #expect(units.first?["province"] as? String == "Bắc Ninh")
        #expect(units.first { $0["code"] as? String == "007" }?["province"] is NSNull)
        let byProvince = try #require(object["by_province"] as? [[String: Any]])
        #expect(byProvince.map { $0["province"] as? String } == ["Bắc Ninh", "Hải Phòng", "Hưng Yên", nil])
        #expect(byProvince.map { $0["registered"] as? Int } == [90, 11, 50, 1])
        #expect(byProvince.map { $0["units"] as? Int } == [2, 2, 2, 1])
        #expect((object["by_type"] as? [[String: Any]])?.map { $0["type"] as? String } == ["xã", "phường", "đặc khu"])
        #expect((object["by_former_province"] as? [[String: Any]])?.count == 5)
    }

    @Test("the text report has a section by province when units carry one")
    func textSections() throws {
        let text = TextReport.render(standings(try Self.dir().dataset()), .vi)
        #expect(text.contains("\nTheo tỉnh, thành phố:\n  Bắc Ninh: 2 đơn vị, 90 đăng ký, 50 hoàn thành"))
        #expect(text.contains("\n  không rõ: 1 đơn vị, 1 đăng ký"))
        let en = TextReport.render(standings(try Self.dir().dataset()), .en)
        #expect(en.contains("\nBy province:\n  Bắc Ninh: 2 units"))
    }

    @Test("scope wording from config.toml: city (default), province, nation; Vietnamese and English")
    func scope() throws {
        func overview(_ config: String?, _ lang: Language) throws -> String {
            LetterSentences.overview(standings(try Self.dir(config: config).dataset()), lang)
        }
        #expect(try overview(nil, .vi).contains(", toàn thành phố đã có 7 xã, phường, đặc khu tham gia"))
        #expect(try overview("scope = \"province\"\n", .vi).contains(", toàn tỉnh đã có 7 "))
        #expect(try overview("scope = \"nation\"\n", .vi).contains(", toàn quốc đã có 7 "))
        #expect(try overview("scope = \"toàn quốc\"\n", .vi).contains(", toàn quốc đã có 7 "))
        #expect(try overview("scope = \"nation\"\n", .en).contains("special zones of the country had taken part"))
        #expect(try overview("scope = \"province\"\n", .en).contains("of the province had taken part"))
        #expect(ContestScope.nation.whole(.vi, capitalised: true) == "Toàn quốc")
        #expect(ContestScope.city.whole(.en, capitalised: true) == "Whole city")
        #expect(ContestScope.province.shareHeading(.vi) == "Phần của tỉnh")
        let bad = Self.dir(config: "title = \"x\"\nscope = \"planet\"\n").load()
        #expect(bad.issues.errors.map { [$0.line, $0.column] } == [[2, 9]])
    }

    @Test("an ambiguous name with its type word is told to use a code, with the candidates' codes")
    func ambiguityHints() throws {
        func message(_ name: String) -> String {
            let dir = TempDataDir(
                units: Self.units,
                snapshots: ["s.csv": "as_of,name,registered,completed\n2025-10-22T15:00:00+07:00,\(name),1,0\n"])
            return dir.load().issues.errors.first?.message ?? ""
        }
        let withType = message("Xã Tân Tiến")
        #expect(withType.contains("001") && withType.contains("002") && withType.contains("003"))
        #expect(!withType.contains("004"))
        #expect(withType.contains("write the code instead: 001 or 002 or 003"))
        #expect(!withType.contains("type word"))
        #expect(withType.contains("(003, Hưng Yên)"))
        let without = message("Tân Tiến")
        #expect(without.contains("004") && without.contains("add the type word"))
        #expect(without.contains("\"Xã Tân Tiến\" or \"Phường Tân Tiến\""))
    }

    @Test("the data's first day has no change (not a change from zero); a day later it has")
    func firstDay() throws {
        let d = try Self.dir().dataset()
        let first = standings(d, at: "2025-10-21T15:00:00+07:00")
        #expect(!first.hasChange24h)
        #expect(first.figures.allSatisfy { $0.registeredChange == nil && $0.registeredChange24h == 0 })
        #expect(first.city.registeredChange == nil && first.city.registeredChange24h == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONReport.render(first).utf8)) as? [String: Any])
        #expect(object["registered_change_24h"] is NSNull)
        #expect((object["units"] as? [[String: Any]])?.first?["completed_change_24h"] is NSNull)
        #expect(TextReport.render(first, .vi).contains("Trong 24 giờ qua: chưa có số liệu để so sánh"))
        let later = standings(d)
        #expect(later.hasChange24h && later.city.registeredChange == 152 - 30)
        #expect(d.change(unit: 0, from: ts("2025-10-20T15:00:00+07:00"), to: ts("2025-10-22T15:00:00+07:00")) == nil)
        #expect(
            d.change(unit: 0, from: ts("2025-10-21T15:00:00+07:00"), to: ts("2025-10-22T15:00:00+07:00")).map {
                [$0.registered, $0.completed]
            } == [40, 15])
    }
}
