import CongDanSoCore
import Testing

@testable import DashboardKit

/// A data directory with no units, or units without any snapshot, must
/// still give a working screen.
@Suite struct EmptyDataTests {
    static func state(_ dataset: Dataset) -> DashboardState {
        DashboardState(
            standings: Standings(dataset: dataset, now: Fixtures.clock), colorEnabled: true, ascii: false,
            now: Fixtures.clock, refreshSeconds: 30, width: 80, height: 24)
    }

    @Test func noUnits() {
        var s = Self.state(Dataset(config: ContestConfig(), units: [], histories: []))
        #expect(s.rows.isEmpty)
        #expect(s.selectedCode == nil)
        let keys: [Key] = [
            .down, .up, .pageDown, .end, .enter, .right, .character(">"), .character("r"), .character("t"),
            .character("f"), .character("/"), .character("x"), .enter, .tab, .down, .tab, .character("?"),
            .down, .escape,
        ]
        for key in keys {
            _ = update(&s, .key(key))
            for (w, h) in [(80, 24), (40, 10), (1, 1), (120, 40)] {
                let buffer = render(s, width: w, height: h)
                #expect(buffer.lines().allSatisfy { TextWidth.of($0) == w })
            }
        }
        #expect(press(&s, .character("e")) == [.exportCSV(rows: [])])
        press(&s, .escape, .escape)
        let text = render(s, width: 80, height: 24).text()
        #expect(text.contains("0/0"))
        #expect(text.contains("Dữ liệu chưa có đơn vị nào"))
        #expect(text.contains("chưa có số người trưởng thành"))
        #expect(!text.contains("đã đạt mục tiêu"), "no adults is not a goal reached")
    }

    @Test func unitsWithoutSnapshots() {
        let units = [
            Unit(code: "00001", name: "Một", type: .xa, population: 0, adults: 0, adultsEstimated: false),
            Unit(code: "00002", name: "Hai", type: .phuong, population: 100, adults: 68, adultsEstimated: true),
        ]
        var s = Self.state(Dataset(config: ContestConfig(), units: units, histories: [[], []]))
        #expect(s.rows.count == 2)
        press(&s, .enter)
        let detail = render(s, width: 80, height: 24).text()
        #expect(detail.contains("Một"))
        #expect(detail.contains("Mục tiêu: chưa có số người trưởng thành"))
        #expect(!detail.contains("Đã đạt"))
        press(&s, .escape, .tab)
        #expect(render(s, width: 80, height: 24).text().contains("0/2"))
    }
}
