import CongDanSoCore
import Foundation
import Testing

@testable import DashboardKit

/// The monitor's states through `update` (issue 11): freshness, what
/// changed, follow, the attention view, subtotals and wall mode.
@Suite struct MonitorModelTests {
    static let at1400 = Timestamp.from(year: 2025, month: 10, day: 22, hour: 14, offset: .vietnam)
    static let earlier = Standings(dataset: Fixtures.dataset, at: at1400, now: Fixtures.clock)

    /// A state showing 14:00's figures, then 15:00's loaded at 16:02.
    func refreshed(width: Int = 120, height: Int = 40) -> DashboardState {
        var s = DashboardState(
            standings: Self.earlier, colorEnabled: true, ascii: false, now: Fixtures.loadedAt, refreshSeconds: 30,
            width: width, height: height, staleAfterSeconds: 7200)
        _ = update(&s, .tick(Fixtures.clock))
        _ = update(&s, .loaded(Fixtures.standings, at: Fixtures.clock))
        return s
    }

    @Test func freshnessLiveLateStale() {
        var s = Fixtures.state(staleAfterSeconds: 7200)
        #expect(s.freshness == .live)
        #expect(render(s, width: 120, height: 40).lines()[0].contains("· 1 giờ trước  ● trực tiếp"))
        s = Fixtures.state(staleAfterSeconds: 1800)
        #expect(s.freshness == .late)
        let late = render(s, width: 120, height: 40).lines()[0]
        #expect(late.contains("◷ trễ") && !late.contains("trực tiếp"))
        _ = update(&s, .loadFailed("units.csv:1:1: broken", at: Fixtures.clock))
        #expect(s.freshness == .stale)
        #expect(render(s, width: 120, height: 40).lines()[0].contains("! lỗi đọc"))
        // Monochrome: the glyph and the word carry it.
        var mono = Fixtures.state(color: false, staleAfterSeconds: 1800)
        mono.colorEnabled = false
        #expect(render(mono, width: 120, height: 40).lines()[0].contains("◷ trễ"))
        // ASCII: its own glyph, not the live one's.
        let ascii = Fixtures.state(ascii: true, staleAfterSeconds: 1800)
        #expect(render(ascii, width: 120, height: 40).lines()[0].contains("~ tre"))
    }

    @Test func theAgeMovesWithTheClock() {
        var s = Fixtures.state(staleAfterSeconds: 7200)
        let nextYear = Timestamp.from(year: 2026, month: 11, day: 30, hour: 15, minute: 30, offset: .vietnam)
        _ = update(&s, .tick(nextYear))
        let line = render(s, width: 120, height: 40).lines()[0]
        #expect(line.contains("404 ngày trước"))
        #expect(s.freshness == .late)
    }

    @Test func statusSaysWhenCheckedAndWhenChanged() {
        var s = refreshed()
        let later = Fixtures.clock.adding(seconds: 60)
        _ = update(&s, .tick(later))  // the 30 s refresh interval has passed: a check
        _ = update(&s, .loaded(Fixtures.standings, at: later))  // nothing changed
        #expect(s.monitor.lastChecked == later)
        #expect(s.monitor.lastChanged == Fixtures.clock)
        let status = render(s, width: 160, height: 40).lines()[38]
        #expect(status.contains("Kiểm tra 16:03:00 · số liệu đổi 16:02:00"))
    }

    @Test func changedCellsAreMarkedForAFewSeconds() {
        var s = refreshed()
        let changed = s.monitor.changedCells
        #expect(!changed.isEmpty)
        let code = s.rows[0].unit.code
        #expect(s.monitor.cellChanged(code, registered: true, at: s.clock) == (changed[code]?.registered ?? false))
        // Underlined (an attribute, not only a colour) while marked.
        let buffer = render(s, width: 120, height: 40)
        let row = buffer.lines().firstIndex { $0.contains(" Tứ Kỳ ") }!
        let x = buffer.lines()[row].range(of: "2.160").map {
            buffer.lines()[row].distance(from: buffer.lines()[row].startIndex, to: $0.lowerBound)
        }!
        #expect(buffer[x, row].style.attributes.contains(.underline))
        // Gone after the mark's seconds.
        _ = update(&s, .tick(Fixtures.clock.adding(seconds: MonitorState.changeMarkSeconds + 1)))
        #expect(!s.monitor.cellChanged(code, registered: true, at: s.clock))
        let after = render(s, width: 120, height: 40)
        #expect(!after[x, row].style.attributes.contains(.underline))
    }

    @Test func rankMovementAgainstThePreviousRefreshAndTheDayBefore() {
        var s = refreshed()
        press(&s, .character("m"))
        #expect(s.monitor.movementBase == .previousRefresh)
        let moved = s.rows.filter { (s.rankMovement($0) ?? 0) != 0 }
        #expect(!moved.isEmpty, "ranks moved between 14:00 and 15:00")
        for f in moved {
            let before = Self.earlier.figures[f.index].rank
            #expect(s.rankMovement(f) == before - f.rank)
        }
        let header = render(s, width: 120, height: 40).lines()[4]
        #expect(header.contains("↕lần"))
        press(&s, .character("m"))
        #expect(s.monitor.movementBase == .day)
        #expect(render(s, width: 120, height: 40).lines()[4].contains("↕24h"))
        // Never the top/bottom markers' glyphs.
        let body = render(s, width: 120, height: 40).lines()[5...36].joined()
        #expect(body.contains("↑") && body.contains("↓"))
    }

    @Test func unitsEnteringOrLeavingTheTenAreNamed() {
        let at = Timestamp.from(year: 2025, month: 10, day: 20, hour: 15, offset: .vietnam)
        let old = Standings(dataset: Fixtures.dataset, at: at, now: Fixtures.clock)
        var s = DashboardState(
            standings: old, colorEnabled: true, ascii: false, now: Fixtures.loadedAt, refreshSeconds: 30,
            width: 200, height: 40, staleAfterSeconds: 7200)
        _ = update(&s, .loaded(Fixtures.standings, at: Fixtures.clock))
        let news = MonitorState.bandNews(old, Fixtures.standings)
        #expect(!news.isEmpty)
        let status = render(s, width: 200, height: 40).lines()[38]
        if let name = news.enteredTop.first ?? news.enteredBottom.first {
            #expect(status.contains(name), "\(status)")
        }
        // Gone after a minute.
        _ = update(&s, .tick(Fixtures.clock.adding(seconds: MonitorState.bandNewsSeconds + 1)))
        #expect(s.monitor.currentBandNews(at: s.clock) == nil)
    }

    @Test func followKeepsTheUnitInViewAcrossALoad() {
        var s = DashboardState(
            standings: Self.earlier, colorEnabled: true, ascii: false, now: Fixtures.loadedAt, refreshSeconds: 30,
            width: 120, height: 40, staleAfterSeconds: 7200)
        press(&s, .pageDown, .pageDown, .pageDown)
        let code = s.selectedCode
        press(&s, .character("F"))
        #expect(render(s, width: 120, height: 40).lines()[38].contains("bám theo"))
        _ = update(&s, .loaded(Fixtures.standings, at: Fixtures.clock))
        #expect(s.selectedCode == code)
        #expect(s.scroll <= s.selectedIndex && s.selectedIndex < s.scroll + s.pageSize)
        press(&s, .character("F"))
        #expect(!s.monitor.follow)
    }

    @Test func positionIndicator() {
        var s = Fixtures.state(width: 120, height: 40)
        #expect(render(s, width: 120, height: 40).lines()[38].hasSuffix("hàng 1–32 / 114 "))
        press(&s, .pageDown)
        #expect(render(s, width: 120, height: 40).lines()[38].hasSuffix("hàng 33–64 / 114 "))
        press(&s, .character("G"))
        #expect(render(s, width: 120, height: 40).lines()[38].hasSuffix("hàng 83–114 / 114 "))
    }

    @Test func attentionViewOpensAUnit() {
        var s = Fixtures.state(width: 120, height: 40)
        let items = s.attentionItems
        #expect(!items.isEmpty)
        #expect(render(s, width: 120, height: 40).lines()[0].contains("\(items.count) cần gọi"))
        press(&s, .character("a"))
        #expect(s.route == .attention)
        let lines = render(s, width: 120, height: 40).lines()
        #expect(lines[1].contains("Cần gọi hôm nay · \(items.count) đơn vị"))
        press(&s, .down, .enter)
        #expect(s.route == .detail(code: items[1].code))
        press(&s, .escape)
        #expect(s.route == .attention)
        press(&s, .escape)
        #expect(s.route == .table)
    }

    @Test func filteredSubtotalsBesideTheCity() {
        var s = Fixtures.state(width: 120, height: 40)
        press(&s, .character("t"))  // xã only
        let line = render(s, width: 120, height: 40).lines()[1]
        let xa = s.rows.reduce(0) { $0 + $1.registered }
        #expect(line.contains("Đang lọc \(s.rows.count)/114"))
        #expect(line.contains("ĐK " + NumberForms.integer(xa, .vi)))
        #expect(line.contains("TP: ĐK 84.360"))
    }

    @Test func wallModeCyclesAndPauses() {
        var s = Fixtures.state(width: 120, height: 40)
        s.startWallMode(seconds: 10)
        var seen: [WallMode.View] = []
        var clock = Fixtures.clock
        for _ in 0..<12 {
            clock = clock.adding(seconds: 10)
            _ = update(&s, .tick(clock))
            seen.append(s.monitor.wall!.view)
        }
        #expect(
            seen.prefix(7) == [.tablePage(1), .tablePage(2), .tablePage(3), .topTen, .bottomTen, .attention, .summary])
        #expect(seen[7] == .tablePage(0))
        // The mark says when the next view comes.
        _ = update(&s, .tick(clock.adding(seconds: 3)))
        #expect(render(s, width: 120, height: 40).lines()[38].contains("7s"))
        // w pauses and resumes; a browsing key pauses.
        press(&s, .character("w"))
        #expect(s.monitor.wall!.isPaused)
        _ = update(&s, .tick(clock.adding(seconds: 60)))
        #expect(s.monitor.wall!.view == seen[11])
        press(&s, .character("w"))
        #expect(!s.monitor.wall!.isPaused)
        press(&s, .down)
        #expect(s.monitor.wall!.isPaused, "a browsing key pauses the rotation")
        #expect(press(&s, .character("q")) == [.quit])
    }
}

@Suite struct WallModeHelpTests {
    @Test func theHelpStaysUpWhileTheRotationWaits() {
        var s = Fixtures.state(width: 120, height: 40)
        s.startWallMode(seconds: 10)
        press(&s, .character("?"))
        #expect(s.route == .help)
        #expect(s.monitor.wall?.isPaused == false, "help is not browsing")
        _ = update(&s, .tick(Fixtures.clock.adding(seconds: 30)))
        #expect(s.route == .help)
        press(&s, .character("?"))
        _ = update(&s, .tick(Fixtures.clock.adding(seconds: 45)))
        #expect(s.monitor.wall?.view == .tablePage(1))
    }
}
