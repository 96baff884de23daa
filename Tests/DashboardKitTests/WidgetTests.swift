import CongDanSoCore
import Testing
@testable import DashboardKit

@Suite struct GaugeTests {
    @Test func smallSharesStillShow() {
        // 1.6% of a 40-cell bar is 5 eighths: a visible sliver.
        #expect(Gauge.eighths(fraction: 0.0156, cells: 40) == 4)
        #expect(Gauge.eighths(fraction: 0.001, cells: 40) == 1)
        #expect(Gauge.eighths(fraction: 0, cells: 40) == 0)
        #expect(Gauge.eighths(fraction: 2, cells: 10) == 80)
        #expect(Gauge.eighths(fraction: .nan, cells: 10) == 0)
        let cells = Gauge.cells(fraction: 0.0156, target: 0.8, cells: 40, glyphs: .unicode)
        #expect(cells[0] == "▌")
        #expect(cells[1] == " ")
        #expect(cells[31] == "┃")
        #expect(cells.filter { $0 == "┃" }.count == 1)
        let ascii = Gauge.cells(fraction: 0.0156, target: 0.8, cells: 40, glyphs: .ascii)
        #expect(ascii.joined() == "#" + String(repeating: " ", count: 30) + "|" + String(repeating: " ", count: 8))
    }

    @Test func fullAndHalf() {
        #expect(Gauge.cells(fraction: 0.5, target: 0.8, cells: 10, glyphs: .unicode).joined() == "█████  ┃  ")
        #expect(Gauge.cells(fraction: 1, target: 0.8, cells: 10, glyphs: .unicode).joined() == "███████┃██")
        #expect(Gauge.cells(fraction: 0.55, target: 0.8, cells: 10, glyphs: .unicode).joined() == "█████▌ ┃  ")
        #expect(Gauge.markCell(target: 0.8, cells: 1) == 0)
        #expect(Gauge.cells(fraction: 0.3, target: 0.8, cells: 0, glyphs: .unicode).isEmpty)
    }

    @Test func goalLineReadsHonestly() {
        let line = render(Fixtures.state(), width: 120, height: 40).lines()[2]
        #expect(line.contains("Mục tiêu 80% người trưởng thành [▌"))
        #expect(line.contains("┃"))
        #expect(line.contains("] 1,6% / 80%  cần 35.342 HT/ngày · đang 6.138"))
    }
}

@Suite struct SparklineTests {
    @Test func scalesToTheBusiestDay() {
        let levels = Glyphs.unicode.sparkLevels
        #expect(Sparkline.text([0, 1, 2, 4, 8], levels: levels) == " ▁▂▄█")
        #expect(Sparkline.text([0, 0, 0], levels: levels) == "   ")
        #expect(Sparkline.text([5, 5], levels: levels) == "██")
        #expect(Sparkline.text([1, 1000], levels: levels) == "▁█", "any registration shows")
        #expect(Sparkline.text([-3, 2], levels: levels) == " █")
        #expect(Sparkline.text([0, 1, 5, 9], levels: Glyphs.ascii.sparkLevels) == " .+@")
    }

    @Test func dailySeriesOfTheSampleData() {
        let s = Fixtures.state()
        let tuKy = s.unitIndex(s.rows[0].unit.code)!
        let trend = s.cache.trends[tuKy]
        #expect(trend.count == 10)
        // The data starts on 13/10, the first of the ten days: the days add up to today's count.
        #expect(trend.reduce(0, +) == 2160)
        // 22/10: the value at 15:00 minus the value at the end of 21/10 (its 15:30 snapshot).
        let dataset = Fixtures.dataset
        let endOf21 = Timestamp.from(year: 2025, month: 10, day: 22, offset: .vietnam).adding(seconds: 0)
        let before = dataset.value(unit: tuKy, at: Timestamp(milliseconds: endOf21.milliseconds - 1)).registered
        #expect(trend[9] == 2160 - before)
        let bounds = DailySeries.boundaries(moment: s.standings.moment, offset: .vietnam, days: 10)
        #expect(bounds.count == 11)
        #expect(bounds.last == s.standings.moment)
        #expect(bounds[0] == Timestamp(milliseconds: Timestamp.from(year: 2025, month: 10, day: 13, offset: .vietnam).milliseconds - 1))
    }
}

@Suite struct TableLayoutTests {
    let columns = [
        Column(.rank, header: "#", width: 5),
        Column(.name, header: "Name", width: 20, alignRight: false, flexible: true, minWidth: 10),
        Column(.registered, header: "Reg", width: 8),
        Column(.coverage, header: "Cov", width: 7, dropOrder: 2),
        Column(.trend, header: "Trend", width: 10, alignRight: false, dropOrder: 3),
    ]

    @Test func dropsByPriorityAndFlexesTheName() {
        let wide = TableWidget.layout(columns, x: 1, width: 60)
        #expect(wide.map(\.column.id) == [.rank, .name, .registered, .coverage, .trend])
        #expect(wide[1].width == 20)
        #expect(wide[0].x == 1)
        let narrow = TableWidget.layout(columns, x: 0, width: 40)
        #expect(narrow.map(\.column.id) == [.rank, .name, .registered, .coverage])
        let narrower = TableWidget.layout(columns, x: 0, width: 26)
        #expect(narrower.map(\.column.id) == [.rank, .name, .registered])
        #expect(narrower[1].width == 11)
        let tiny = TableWidget.layout(columns, x: 0, width: 5)
        #expect(tiny.allSatisfy { $0.width == 0 || $0.x + $0.width <= 5 })
        #expect(TableWidget.layout(columns, x: 0, width: 0).allSatisfy { $0.width == 0 })
    }

    @Test func stillNeededForTheGoal() {
        // ceil(0.8 × 69,527 − 1,286) = ceil(54,335.6)
        #expect(DetailView.stillNeeded(adults: 69_527, completed: 1_286, share: 0.8) == 54_336)
        #expect(DetailView.stillNeeded(adults: 1000, completed: 800, share: 0.8) == 0)
        #expect(DetailView.stillNeeded(adults: 1000, completed: 900, share: 0.8) == 0)
        #expect(DetailView.stillNeeded(adults: 1000, completed: 799, share: 0.8) == 1)
    }

    @Test func detailShowsRanksSharesAndTheGap() {
        var s = Fixtures.state(width: 120, height: 40)
        press(&s, .down, .down, .enter)
        let text = render(s, width: 120, height: 40).lines()
        #expect(text[1].contains("Bảng › Phường Gia Viên  ▲ nhóm 10 nhiều nhất"))
        #expect(text[1].contains("3/114 trong bảng"))
        #expect(text.contains { $0.contains("Người trưởng thành: 69.527 (ước tính)") })
        #expect(text.contains { $0.contains("Đăng ký") && $0.contains("2.000") && $0.contains("+289") && $0.contains("3/114") && $0.contains("2,37%") })
        #expect(text.contains { $0.contains("Còn cần 54.336 HT để đạt 80% người trưởng thành") })
        #expect(text.contains { $0.contains("13/10/2025 15:00") && $0.contains("41") })
        #expect(text.contains { $0.contains("21/10/2025 15:30") })
    }
}
