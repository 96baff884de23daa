import CongDanSoCore
import DashboardKit
import DashboardRuntime
import Foundation
import TerminalCells
import Testing

/// A simulated day of wall mode through the real run loop, on a clock that
/// jumps (issue 11): the views keep cycling, new snapshots keep arriving
/// and are shown, the freshness follows the data's age, and nothing piles
/// up (the route stack, the frames kept).
@Suite struct WallModeDayTests {
    /// A backend that keeps only the last frame and moves the clock on by
    /// `step` milliseconds at every wait, running a hook as time passes;
    /// after `until` it sends `q`.
    final class FastBackend: TerminalBackend {
        let size = TerminalSize(width: 100, height: 30)
        let usesASCII = false
        let hasColor = true
        let clock: ManualClock
        let step: Int
        let until: Timestamp
        let hook: (Timestamp) -> Void
        private(set) var lastFrame: Buffer?
        private(set) var draws = 0
        private(set) var views: [String: Int] = [:]
        private(set) var maxRoutes = 0
        var routes: () -> Int = { 0 }

        init(clock: ManualClock, step: Int, until: Timestamp, hook: @escaping (Timestamp) -> Void) {
            self.clock = clock; self.step = step; self.until = until; self.hook = hook
        }

        func nextEvents(timeoutMilliseconds: Int) -> [InputEvent] {
            if clock.now() >= until { return [.key(.character("q"))] }
            clock.advance(milliseconds: step)
            hook(clock.now())
            return []
        }

        func draw(_ buffer: Buffer) {
            draws += 1
            lastFrame = buffer
            let status = buffer.lines()[buffer.height - 2]
            if let r = status.range(of: "⟳ ") {
                // "⟳ 10 ít nhất 45s  hàng …": the words before the countdown.
                let mark = status[r.upperBound...].components(separatedBy: "  ")[0].split(separator: " ")
                let view = mark.dropLast().joined(separator: " ")
                let name = view.hasPrefix("trang") ? "trang" : view
                views[name, default: 0] += 1
            }
        }

        func suspend() {}
        func resume() {}
    }

    @Test func aSimulatedDay() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("units.csv", LiveSourceTests.units)
        func snapshot(_ t: Timestamp, _ n: Int) -> String {
            "as_of,code,registered,completed\n\(t.iso8601(offset: .vietnam)),A1,\(100 + n),\(n)\n\(t.iso8601(offset: .vietnam)),B2,\(90 + 2 * n),\(n)\n"
        }
        let start = Sample.clock
        try folder.write("snapshots/0.csv", snapshot(start, 0))
        let first = FirstFrame.load(directory: folder.path, events: nil, overrides: ConfigOverrides()) {
            let (result, tail) = DataDirectory.loadLive(folder.path, live: true)
            return (result.dataset!, tail)
        }
        let clock = ManualClock(start)
        let source = LiveSource(
            directory: folder.path, overrides: ConfigOverrides(), events: nil, first: first, clock: clock,
            background: { $0() })
        var state = DashboardState(
            standings: Standings(dataset: first.dataset, now: clock.now()), colorEnabled: true, ascii: false,
            now: clock.now(), refreshSeconds: 60, staleAfterSeconds: 3 * 3600)
        state.startWallMode(seconds: 60)
        // A new snapshot every simulated hour for the first 18 hours, then
        // the feed stops: the screen must call it late 3 hours later.
        var written = 0
        let end = start.adding(seconds: 86_400)
        let backend = FastBackend(clock: clock, step: 20_000, until: end) { now in
            let hour = Int((now.milliseconds - start.milliseconds) / 3_600_000)
            if hour > written, hour <= 18 {
                written = hour
                try? folder.write("snapshots/\(hour).csv", snapshot(now, hour))
            }
        }
        var loop = DashboardLoop(backend: backend, state: state, source: source, clock: clock)
        let began = Date()
        #expect(loop.run() == nil)
        let final = loop.currentState
        // A day of 20-second waits: a frame for every tick.
        #expect(backend.draws >= 4_300)
        // Every kind of view came round, many times.
        for view in ["trang", "10 nhiều nhất", "10 ít nhất", "cần gọi", "tổng hợp"] {
            #expect((backend.views[view] ?? 0) > 50, "\(view): \(backend.views)")
        }
        // The last snapshot (hour 18) is on screen, and 6 hours later it is late.
        #expect(final.standings.city.registered == 100 + 18 + 90 + 36)
        #expect(final.freshness == .late)
        #expect(backend.lastFrame!.lines()[0].contains("◷ trễ"))
        // Nothing piles up: at most the table and one screen on the stack.
        #expect(final.routes.count <= 2)
        #expect(final.monitor.wall?.isPaused == false)
        print("simulated day: \(backend.draws) frames in \(String(format: "%.1f", Date().timeIntervalSince(began))) s")
    }
}
