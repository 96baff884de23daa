import CongDanSoCore
import Foundation
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

    @Test func unknownDaysAreBlankAndOutOfTheScale() {
        let levels = Glyphs.unicode.sparkLevels
        #expect(Sparkline.text([nil, nil, 4, 8], levels: levels) == "  ▄█")
        #expect(Sparkline.text([nil, 2, 2], levels: levels) == " ██", "the scale is over the known days")
        #expect(Sparkline.text([nil, nil], levels: levels) == "  ")
        #expect(Sparkline.text([nil, 9], levels: Glyphs.ascii.sparkLevels) == " @")
    }

    @Test func dailySeriesOfTheSampleData() {
        let s = Fixtures.state()
        let tuKy = s.unitIndex(s.rows[0].unit.code)!
        let trend = s.cache.trends[tuKy]
        #expect(trend.count == 10)
        // Days are the 24 hours to the data's time of day (15:00). The data
        // starts at 13/10 15:00, so the first day (12/10 15:00 to 13/10
        // 15:00) is unknown, not a rise from zero; the nine after it add up
        // to today's count less the count at 13/10 15:00.
        let dataset = Fixtures.dataset
        let first = s.standings.moment.adding(seconds: -9 * 86_400)
        #expect(trend[0] == nil)
        #expect(trend.dropFirst().map { $0! }.reduce(0, +) == 2160 - dataset.value(unit: tuKy, at: first).registered)
        // One day, one change: the last bar is the table's +24h (22/10 15:00
        // against 21/10 15:00), and every known bar is the +24h of the
        // detail's history row at the same time of day.
        #expect(trend[9] == s.rows[0].registeredChange24h)
        #expect(trend[9] == 474)
        let history = HistoryRow.rows(Fixtures.dataset, unit: tuKy, upTo: s.standings.moment)
        #expect(history.count == 10, "22/10 15:00 back to 13/10 15:00")
        for (k, row) in history.enumerated() {
            if let bar = trend[9 - k] { #expect(bar == row.registeredChange24h, "\(row.time)") }
            #expect(row.time == s.standings.moment.adding(seconds: -Int64(k) * 86_400))
        }
        let bounds = DailySeries.boundaries(moment: s.standings.moment, offset: .vietnam, days: 10)
        #expect(bounds.count == 11)
        #expect(bounds.last == s.standings.moment)
        #expect(bounds[0] == s.standings.moment.adding(seconds: -10 * 86_400))
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

    @Test func detailShowsRanksSharesAndTheGap() {
        var s = Fixtures.state(width: 120, height: 40)
        press(&s, .down, .down, .enter)
        let text = render(s, width: 120, height: 40).lines()
        #expect(text[1].contains("Bảng › Phường Gia Viên  ▲ nhóm 10 nhiều nhất"))
        #expect(text[1].contains("3/114 trong bảng"))
        #expect(text.contains { $0.contains("Người trưởng thành: 69.527 (ước tính)") })
        #expect(
            text.contains {
                $0.contains("Đăng ký") && $0.contains("2.000") && $0.contains("+289") && $0.contains("3/114")
                    && $0.contains("2,37%")
            })
        #expect(text.contains { $0.contains("Còn cần 54.336 HT để đạt 80% người trưởng thành") })
        // sample-data/events.csv is the source: one history row a day at the
        // moment's time of day (one day, one change), +24h against 24 hours
        // before; the newest row's +24h is the table's.
        #expect(text.contains { $0.contains("Lịch sử theo ngày (cùng giờ mỗi ngày") })
        #expect(text.contains { $0.contains("22/10/2025 15:00") && $0.contains("2.000") && $0.contains("+289") })
        #expect(text.contains { $0.hasPrefix(" 21/10/2025 15:00  ") })
        #expect(!text.contains { $0.contains("21/10/2025 15:30") })
    }
}

/// The detail view's history rows: one per snapshot from snapshots, one per
/// local day from an event log.
@Suite struct HistoryRowTests {
    /// sample-data/ without its event log: the snapshots are the source.
    static func snapshotsOnly() throws -> Dataset {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("congdanso-history-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: dir) }
        for name in ["units.csv", "config.toml", "snapshots"] {
            try fm.copyItem(atPath: Fixtures.sampleDirectory + "/" + name, toPath: dir + "/" + name)
        }
        let result = DataDirectory.load(dir)
        return try #require(result.dataset)
    }

    static let giaVien = "11359"
    static func time(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Timestamp {
        Timestamp.from(year: 2025, month: 10, day: day, hour: hour, minute: minute, offset: .vietnam)
    }

    @Test func snapshotsGiveOneRowPerSnapshot() throws {
        let d = try Self.snapshotsOnly()
        #expect(!HistoryRow.isDense(d))
        let unit = try #require(d.unitIndex[Self.giaVien])
        let rows = HistoryRow.rows(d, unit: unit, upTo: Self.time(22, 15))
        #expect(rows.count == 11)
        #expect(rows.allSatisfy { !$0.wholeDay })
        #expect(rows.map(\.time).prefix(3) == [Self.time(22, 15), Self.time(21, 15, 30), Self.time(21, 15)])
        #expect(rows.map(\.registered).prefix(3) == [2000, 1718, 1711])
        #expect(rows.map(\.registeredChange24h).prefix(3) == [289, 288, 281])
        #expect(rows[1].label(offset: .vietnam, .vi) == "21/10/2025 15:30")
    }

    @Test func anEventLogGivesOneRowPerDay() throws {
        let d = Fixtures.dataset
        try #require(FileManager.default.fileExists(atPath: Fixtures.sampleDirectory + "/events.csv"))
        #expect(HistoryRow.isDense(d))
        let snapshots = try Self.snapshotsOnly()
        let unit = try #require(d.unitIndex[Self.giaVien])
        let rows = HistoryRow.rows(d, unit: unit, upTo: Self.time(22, 15))
        #expect(rows.count == 10, "13/10 to 22/10")
        #expect(rows[0].time == Self.time(22, 15) && !rows[0].wholeDay)
        #expect(rows.allSatisfy { !$0.wholeDay })
        #expect(rows[1].label(offset: .vietnam, .vi) == "21/10/2025 15:00")
        #expect(rows[1].label(offset: .vietnam, .en) == "2025-10-21 15:00")
        // One day, one change: a row every 24 hours back from the moment, at
        // its time of day (in the sample, the day's 15:00 snapshot); its
        // change is against 24 hours before, the row below.
        for (i, r) in rows.enumerated() {
            #expect(r.time == Self.time(22 - i, 15))
            let v = snapshots.value(unit: unit, at: r.time)
            #expect(r.registered == v.registered && r.completed == v.completed)
            let below =
                i + 1 < rows.count
                ? rows[i + 1]
                : HistoryRow(
                    time: r.time, registered: 0, completed: 0,
                    registeredChange24h: 0, completedChange24h: 0)
            #expect(r.registeredChange24h == r.registered - below.registered)
            #expect(r.completedChange24h == r.completed - below.completed)
        }
        // The moment's own day: the value at the moment, +24h rolling.
        let v = d.value(unit: unit, at: Self.time(22, 15))
        let before = d.value(unit: unit, at: Self.time(21, 15))
        #expect(rows[0].registered == v.registered && rows[0].registeredChange24h == v.registered - before.registered)
    }

    @Test func betweenSnapshotsTheDayRowIsTheLogAtTheMoment() throws {
        let d = Fixtures.dataset
        #expect(HistoryRow.isDense(d))
        let unit = try #require(d.unitIndex[Self.giaVien])
        let moment = Self.time(22, 9)
        let rows = HistoryRow.rows(d, unit: unit, upTo: moment)
        let v = d.value(unit: unit, at: moment)
        #expect(rows.count == 10)
        #expect(rows[0].time == moment && rows[0].registered == v.registered && rows[0].completed == v.completed)
        #expect(1718 < v.registered && v.registered < 2000, "the log moves during 22/10")
        // The row before is 21/10 at 09:00 too: 24 hours earlier, the change's base.
        #expect(rows[1].time == Self.time(21, 9))
        #expect(rows[1].registered == d.value(unit: unit, at: Self.time(21, 9)).registered)
        #expect(rows[0].registeredChange24h == rows[0].registered - rows[1].registered)
    }
}

@Suite struct StatusLineTests {
    /// A line the data left out (here, an unknown unit in the event log)
    /// is named on the status line with its place, and how many more there are.
    @Test func dataWarningsAreShown() {
        let base = Fixtures.dataset(units: [("00001", "Tứ Kỳ", .xa, 10, 5)])
        let warnings = [
            DataIssue(.warning, file: "events.csv", line: 7, column: 27, "the unit code \"99999\" is not in units.csv"),
            DataIssue(.warning, file: "events.csv", "2 lines have problems in all"),
        ]
        let dataset = base.replacingHistories(
            base.histories, firstMoment: base.firstMoment, latestMoment: base.latestMoment, warnings: warnings)
        let state = DashboardState(
            standings: Standings(dataset: dataset, now: Fixtures.clock), colorEnabled: false, ascii: false,
            now: Fixtures.loadedAt, refreshSeconds: 30, width: 160, height: 24)
        let status = render(state, width: 160, height: 24).lines()[22]
        #expect(status.contains("! Cảnh báo dữ liệu: events.csv:7:27: warning: the unit code \"99999\""))
        #expect(status.contains("(+1)"))
        #expect(status.contains("Kiểm tra"))
        // Without warnings the line is as before.
        let clean = DashboardState(
            standings: Standings(dataset: base, now: Fixtures.clock), colorEnabled: false, ascii: false,
            now: Fixtures.loadedAt, refreshSeconds: 30, width: 160, height: 24)
        #expect(!render(clean, width: 160, height: 24).lines()[22].contains("Cảnh báo"))
    }
}
