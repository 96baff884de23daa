import CongDanSoCore
import Testing

@testable import DashboardKit

/// The screens on national-style data (`NationalFixture`: 82 real units of
/// 34 provinces, synthetic counts, data starting on 19/10): golden frames
/// at 80×24 and 120×40, and the model's province filter, summary and
/// same-named units.
@Suite struct NationalFrameTests {
    @Test func table120x40() {
        let s = NationalFixture.state(width: 120, height: 40)
        expectGolden("national-table-120x40", render(s, width: 120, height: 40))
    }

    @Test func table80x24() {
        let s = NationalFixture.state(width: 80, height: 24)
        expectGolden("national-table-80x24", render(s, width: 80, height: 24))
    }

    /// The eight "Tân Tiến": the province column tells them apart.
    @Test func sameNamedUnits120x40() {
        var s = NationalFixture.state(width: 120, height: 40)
        press(&s, .character("/"))
        type(&s, "tan tien")
        press(&s, .enter)
        #expect(s.rows.count == 8)
        expectGolden("national-tan-tien-120x40", render(s, width: 120, height: 40))
    }

    @Test func summary120x40() {
        var s = NationalFixture.state(width: 120, height: 40)
        press(&s, .tab)
        expectGolden("national-summary-120x40", render(s, width: 120, height: 40))
    }

    @Test func summary80x24() {
        var s = NationalFixture.state(width: 80, height: 24)
        press(&s, .tab)
        expectGolden("national-summary-80x24", render(s, width: 80, height: 24))
    }

    /// A Tân Tiến in full: its province in the title and on its own line,
    /// the national share, blank trend days before the data, no change on
    /// the first day's history row.
    @Test func detail80x24() {
        var s = NationalFixture.state(width: 80, height: 24)
        press(&s, .character("/"))
        type(&s, "tan tien")
        press(&s, .enter, .enter)
        expectGolden("national-detail-80x24", render(s, width: 80, height: 24))
    }

    @Test func detail120x40() {
        var s = NationalFixture.state(width: 120, height: 40)
        press(&s, .character("/"))
        type(&s, "tan tien")
        press(&s, .enter, .enter)
        expectGolden("national-detail-120x40", render(s, width: 120, height: 40))
    }

    /// ASCII summary: "+12" / "-10" places, "->" between them, groups.
    @Test func asciiSummary120x40() {
        var s = NationalFixture.state(width: 120, height: 40, ascii: true)
        press(&s, .tab)
        let buffer = render(s, width: 120, height: 40)
        expectGolden("national-summary-ascii-120x40", buffer)
        #expect(buffer.lines().allSatisfy { $0.allSatisfy(\.isASCII) })
        #expect(buffer.text().contains("hang 19 -> 7"))
    }

    /// ASCII: names with ’ and –, the province column and the trend in ASCII.
    @Test func ascii80x24() {
        var s = NationalFixture.state(width: 80, height: 24, ascii: true)
        press(&s, .character("/"))
        type(&s, "m'")
        press(&s, .enter)
        let buffer = render(s, width: 80, height: 24)
        expectGolden("national-ascii-80x24", buffer)
        #expect(buffer.lines().allSatisfy { $0.allSatisfy(\.isASCII) })
    }
}

@Suite struct NationalModelTests {
    @Test func fCyclesTheProvincesInVietnameseOrder() {
        var s = NationalFixture.state(width: 120, height: 40)
        #expect(s.cache.placeDimension == .province)
        #expect(s.cache.placeValues.count == 34)
        #expect(s.cache.placeValues.prefix(3) == ["An Giang", "Bắc Ninh", "Cà Mau"])
        press(&s, .character("f"))
        #expect(s.query.province == "An Giang")
        #expect(s.rows.allSatisfy { $0.unit.province == "An Giang" } && s.rows.count == 2)
        press(&s, .character("f"))
        #expect(s.query.province == "Bắc Ninh")
        #expect(s.rows.count == 3, "two first units and a Tân Tiến")
        let status = render(s, width: 120, height: 40).lines()[38]
        #expect(status.contains("tỉnh: Bắc Ninh") && status.contains("3/82"))
        for _ in 0..<33 { press(&s, .character("f")) }
        #expect(s.query.province == nil && s.rows.count == 82, "after the last province: all")
        press(&s, .character("f"), .escape)
        #expect(s.query.groupFilters.isEmpty)
    }

    @Test func theSampleDataFiltersByFormerProvince() {
        let s = Fixtures.state()
        #expect(s.cache.placeDimension == .formerProvince)
        #expect(!s.cache.showsProvinceColumn)
    }

    @Test func summaryHasEveryDimensionAndEnterFiltersTheTable() {
        var s = NationalFixture.state(width: 120, height: 40)
        #expect(s.cache.groups.map(\.dimension) == [.type, .province])
        press(&s, .tab)
        #expect(s.summarySelectedEntry == .whole)
        // whole, then xã, phường (types present), then the provinces.
        press(&s, .down, .down)
        #expect(s.summarySelectedEntry == .group(.type, "phường"))
        press(&s, .down)
        #expect(s.summarySelectedEntry == .group(.province, "An Giang"))
        press(&s, .enter)
        #expect(s.route == .table)
        #expect(s.query.groupFilters == [.province: "An Giang"])
        #expect(s.rows.count == 2 && s.selectedIndex == 0)
        // With a filter on, the summary has the filtered table's row, and says so.
        press(&s, .tab)
        #expect(s.summaryEntries[1] == .filtered)
        let text = render(s, width: 120, height: 40).text()
        #expect(text.contains("Bảng đang lọc (2)"))
        #expect(text.contains("Bộ lọc của bảng chỉ áp dụng"))
        // Enter on the whole clears the filters.
        press(&s, .enter)
        #expect(s.route == .table && s.query.showsAll && s.rows.count == 82)
        // Paging keys: End to the last province, Home back, PgDn a page.
        press(&s, .tab, .end)
        #expect(s.summarySelectedEntry == .group(.province, "Vĩnh Long"))
        press(&s, .home)
        #expect(s.summarySelection == 0)
        press(&s, .pageDown)
        #expect(s.summarySelection == s.pageSize)
        press(&s, .escape)
        // Selection stays within the rows.
        press(&s, .tab)
        for _ in 0..<200 { press(&s, .down) }
        #expect(s.summarySelection == s.summaryEntries.count - 1)
        for _ in 0..<300 { press(&s, .up) }
        #expect(s.summarySelection == 0)
    }

    @Test func aReloadWithoutTheProvinceDropsItsFilterButKeepsTheType() {
        var s = NationalFixture.state(width: 120, height: 40)
        press(&s, .character("f"), .character("t"), .character("t"), .character("t"))
        #expect(s.query.province == "An Giang" && s.query.type == .dacKhu && s.rows.isEmpty)
        _ = update(&s, .loaded(Fixtures.standings, at: Fixtures.clock))
        #expect(s.query.province == nil, "the new data has no such province")
        #expect(s.query.type == .dacKhu && s.rows.count == 2)
        #expect(s.cache.placeDimension == .formerProvince && !s.cache.showsProvinceColumn)
        // Other units: their names, not the old ones (which are reused only for the same units).
        #expect(s.cache.names.count == 114 && s.cache.qualifiedNames == nil)
        #expect(s.cache.names[0] == Fixtures.dataset.units[0].name)
        _ = update(&s, .loaded(NationalFixture.standings, at: Fixtures.clock))
        _ = update(&s, .loaded(NationalFixture.standings, at: Fixtures.clock))
        #expect(s.cache.names.count == 82 && s.cache.qualifiedNames?.names.count == 82)
        let tanTien = NationalFixture.dataset.units.firstIndex { $0.name == "Tân Tiến" && $0.province == "Cà Mau" }!
        #expect(s.cache.names[tanTien] == "Tân Tiến" && s.cache.qualifiedNames?.names[tanTien] == "Tân Tiến (Cà Mau)")
    }

    @Test func sameNamedUnitsAreToldApartWithoutAProvinceColumn() {
        // With a province column the name stays bare; without one (narrow: the
        // column gives way, but the name keeps its qualifier only when there is
        // no column at all) the table shows "Tân Tiến (Bắc Ninh)".
        let s = NationalFixture.state(width: 120, height: 40)
        let i = NationalFixture.dataset.units.firstIndex { $0.name == "Tân Tiến" && $0.province == "Đắk Lắk" }!
        #expect(s.cache.names[i] == "Tân Tiến")
        #expect(DataCache.shownName(NationalFixture.dataset, unit: i, provinceColumn: false) == "Tân Tiến (Đắk Lắk)")
        // Bắc Ninh's is the only phường Tân Tiến: its full name is its own.
        let ward = NationalFixture.dataset.units.firstIndex { $0.name == "Tân Tiến" && $0.type == .phuong }!
        #expect(DataCache.shownName(NationalFixture.dataset, unit: ward, provinceColumn: false) == "Tân Tiến")
        // Two of one name in one province: the code tells them apart, column or not.
        let twins = Fixtures.dataset(units: [
            ("001", "An Bình", .xa, 10, 5), ("002", "An Bình", .xa, 8, 4), ("003", "Hòa", .xa, 1, 1),
        ])
        #expect(DataCache.shownName(twins, unit: 0, provinceColumn: true) == "An Bình (001)")
        #expect(DataCache.shownName(twins, unit: 2, provinceColumn: true) == "Hòa")
    }

    @Test func aNarrowTableWithoutItsProvinceColumnQualifiesTheNames() {
        var s = NationalFixture.state(width: 52, height: 20)
        press(&s, .character("/"))
        type(&s, "tan tien")
        press(&s, .enter)
        let lines = render(s, width: 52, height: 20).lines()
        #expect(!lines[4].contains("Tỉnh"), "the province column gave way")
        // Clipped to the room there is, but told apart: "Tân Tiến (Đắk…", "Tân Tiến (Tuy…".
        #expect(lines.contains { $0.contains("Tân Tiến (Đắk") })
        #expect(lines.contains { $0.contains("Tân Tiến (Tuy") })
        #expect(lines.contains { $0.contains(" Tân Tiến ") }, "the phường Tân Tiến has a name of its own")
    }

    @Test func theFirstDayShowsDashesNotChanges() {
        // One snapshot: nothing is known 24 hours earlier.
        let dataset = Fixtures.dataset(units: [("001", "An", .xa, 10, 5), ("002", "Bình", .phuong, 8, 4)])
        var s = DashboardState(
            standings: Standings(dataset: dataset, now: Fixtures.clock), colorEnabled: false, ascii: false,
            now: Fixtures.loadedAt, refreshSeconds: 30, width: 120, height: 40)
        _ = update(&s, .tick(Fixtures.clock))
        let lines = render(s, width: 120, height: 40).lines()
        #expect(lines[1].contains("Đăng ký 18 (–)"))
        let row = lines.first { $0.contains(" An ") }!
        #expect(row.contains("–") && !row.contains("+10"))
        #expect(s.cache.trends[0].allSatisfy { $0 == nil })
        #expect(s.cache.movers == nil)
        press(&s, .tab)
        let summary = render(s, width: 120, height: 40).text()
        #expect(summary.contains("chưa có: dữ liệu chưa đủ 24 giờ"))
    }

    @Test func scopeWordsFollowTheConfig() {
        var s = NationalFixture.state(width: 120, height: 40)
        press(&s, .tab)
        #expect(render(s, width: 120, height: 40).text().contains("Toàn quốc"))
        press(&s, .escape, .enter)
        #expect(render(s, width: 120, height: 40).text().contains("Phần cả nước"))
        press(&s, .character("?"))
        let help = HelpOverlay.items(.vi, glyphs: .unicode, ascii: false, scope: .nation)
        #expect(help.contains(.binding(keys: "▲", description: Phrase.legendTop(.nation, .vi))))
        #expect(Phrase.legendTop(.nation, .vi).contains("nhiều nhất cả nước"))
    }
}
