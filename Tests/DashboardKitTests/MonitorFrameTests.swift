import CongDanSoCore
import Testing

@testable import DashboardKit

/// Golden frames of the monitor's screens at 80×24 and 120×40 (issue 11).
@Suite struct MonitorFrameTests {
    static let sizes = [(80, 24), (120, 40)]

    /// 14:00's figures on screen, then 15:00's loaded at 16:02 (the marks
    /// of a refresh are up).
    static func refreshed(_ w: Int, _ h: Int) -> DashboardState {
        let at = Timestamp.from(year: 2025, month: 10, day: 22, hour: 14, offset: .vietnam)
        var s = DashboardState(
            standings: Standings(dataset: Fixtures.dataset, at: at, now: Fixtures.clock), colorEnabled: true,
            ascii: false, now: Fixtures.loadedAt, refreshSeconds: 30, width: w, height: h, staleAfterSeconds: 7200)
        _ = update(&s, .tick(Fixtures.clock))
        _ = update(&s, .loaded(Fixtures.standings, at: Fixtures.clock))
        press(&s, .character("m"))  // against the previous refresh
        return s
    }

    @Test func late() {
        for (w, h) in Self.sizes {
            let s = Fixtures.state(width: w, height: h, staleAfterSeconds: 1800)
            expectGolden("late-\(w)x\(h)", render(s, width: w, height: h))
        }
    }

    @Test func attention() {
        for (w, h) in Self.sizes {
            var s = Fixtures.state(width: w, height: h)
            press(&s, .character("a"), .down)
            expectGolden("attention-\(w)x\(h)", render(s, width: w, height: h))
        }
    }

    @Test func afterARefresh() {
        for (w, h) in Self.sizes {
            let s = Self.refreshed(w, h)
            expectGolden("refreshed-\(w)x\(h)", render(s, width: w, height: h))
        }
    }

    @Test func followingAndFiltered() {
        for (w, h) in Self.sizes {
            var s = Fixtures.state(width: w, height: h)
            press(&s, .character("t"), .pageDown, .character("F"))
            expectGolden("follow-filtered-\(w)x\(h)", render(s, width: w, height: h))
        }
    }

    @Test func wallMode() {
        for (w, h) in Self.sizes {
            var s = Fixtures.state(width: w, height: h)
            s.startWallMode(seconds: 15)
            var clock = Fixtures.clock
            // Through the table's pages to the bottom ten.
            while s.monitor.wall?.view != .bottomTen {
                clock = clock.adding(seconds: 15)
                _ = update(&s, .tick(clock))
            }
            _ = update(&s, .tick(clock.adding(seconds: 4)))
            expectGolden("wall-bottom-\(w)x\(h)", render(s, width: w, height: h))
        }
    }

    @Test func tieAtTheTenthPlace() {
        // The first morning: many units still at 0.
        let at = Timestamp.from(year: 2025, month: 10, day: 13, hour: 9, offset: .vietnam)
        let s = DashboardState(
            standings: Standings(dataset: Fixtures.dataset, at: at, now: Fixtures.clock), colorEnabled: true,
            ascii: false, now: Fixtures.loadedAt, refreshSeconds: 30, width: 120, height: 40,
            staleAfterSeconds: 7200)
        let status = render(s, width: 160, height: 40).lines()[38]
        #expect(status.contains("▼ hạng 10: 12 đơn vị chưa có thí sinh đăng ký"), "\(status)")
        #expect(status.contains("▲ hạng 10: 5 đơn vị cùng có 8 thí sinh đăng ký"), "\(status)")
    }
}
