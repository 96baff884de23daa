import Foundation
import Testing

/// The monitor in a real terminal (issue 11): a replay followed at speed
/// (movement marks, a viewport that stays put), and the live → late → live
/// states on a log written now.
@Suite(
    "monitor in a real terminal", .serialized,
    .enabled(if: TmuxHarness.isAvailable && TmuxHarness.binaryExists, "needs tmux and the built binary"))
struct MonitorTerminalTests {
    static var binary: String { TmuxHarness.binaryPath() }
    static let units = TmuxHarness.packageRoot.appendingPathComponent("sample-data").path

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "congdanso-monitor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The table's rows: the lines after the column header, up to the rule.
    static func rows(_ screen: String) -> [String] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(where: { $0.contains("Đơn vị") && $0.contains("Loại") }) else { return [] }
        return Array(lines[(header + 1)...].prefix { !$0.hasPrefix("───") && !$0.isEmpty })
    }

    @Test func followsAReplayWithMovementMarksAndAFixedViewport() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("live.csv").path
        // A day of the sample's contest in about 30 s, after the days before it at once.
        let replay = Process()
        replay.executableURL = URL(fileURLWithPath: Self.binary)
        replay.arguments = [
            "replay", "--to", log, "--speed", "3000", "--from-data", Self.units, "--skip-to",
            "2025-10-21T15:00:00+07:00",
        ]
        replay.standardOutput = FileHandle.nullDevice
        replay.standardError = FileHandle.nullDevice
        try replay.run()
        defer { if replay.isRunning { replay.terminate() } }
        // Wait for the replay to have written the days before (not a fixed
        // time: on a busy machine it took up to 1.3 s), then start the dashboard.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let size = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
            if size > 100_000 { break }
            try await Task.sleep(for: .milliseconds(50))
        }

        let tmux = try TmuxHarness(
            arguments: [Self.binary, "dashboard", "--data", Self.units, "--events", log, "--refresh", "1"],
            width: 120, height: 40)
        defer { tmux.kill() }
        _ = try await tmux.waitFor("hàng 1–32 / 114", timeout: .seconds(20))
        // The replayed data is a year old against this machine's clock: late, with its age.
        let first = try await tmux.waitFor("◷ trễ")
        #expect(first.contains("ngày trước"))
        // Against the previous refresh: ranks move between refreshes and say so.
        try tmux.sendKeys(.text("m"))
        let moving = try await tmux.waitFor(description: "a ↑ or ↓ in the movement column", timeout: .seconds(20)) {
            screen in
            screen.contains("↕lần") && Self.rows(screen).contains { $0.contains("↑") || $0.contains("↓") }
        }
        // Movement glyphs are not the top/bottom markers.
        let marked = Self.rows(moving).filter { $0.contains("↑") || $0.contains("↓") }
        #expect(!marked.isEmpty)
        // The viewport stays put while the figures move: the top stays the top…
        for _ in 0..<4 {
            try await Task.sleep(for: .milliseconds(1_200))
            let screen = tmux.capture()
            #expect(screen.contains("hàng 1–32 / 114"), "\(screen)")
            #expect(Self.rows(screen).first?.contains("▲   1 ") == true, "\(Self.rows(screen).first ?? "")")
        }
        // …and a page down stays on its page as the data keeps changing.
        try tmux.sendKeys(.pageDown)
        _ = try await tmux.waitFor("hàng 33–64 / 114")
        for _ in 0..<4 {
            try await Task.sleep(for: .milliseconds(1_200))
            #expect(tmux.capture().contains("hàng 33–64 / 114"))
        }
        // Following is explicit and shown.
        try tmux.sendKeys(.text("F"))
        _ = try await tmux.waitFor("bám theo")
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
    }

    @Test func liveThenLateThenLiveAgain() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("events.csv")
        let iso = ISO8601DateFormatter()
        func line(_ id: String) -> String {
            iso.string(from: Date()).replacingOccurrences(of: "Z", with: "+00:00") + ",11074,\(id),registered\n"
        }
        try ("time,unit_code,candidate_id,event\n" + line("c1")).write(to: log, atomically: true, encoding: .utf8)
        let tmux = try TmuxHarness(
            arguments: [
                Self.binary, "dashboard", "--data", Self.units, "--events", log.path, "--stale-after", "4s",
                "--refresh", "1",
            ],
            width: 120, height: 40)
        defer { tmux.kill() }
        let live = try await tmux.waitFor("● trực tiếp", timeout: .seconds(10))
        #expect(live.contains("vừa xong"))
        // No new event for longer than stale_after: late, its own glyph and word.
        let late = try await tmux.waitFor("◷ trễ", timeout: .seconds(10))
        #expect(!late.contains("trực tiếp"))
        // A new event: live again within a second or two.
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        handle.write(Data(line("c2").utf8))
        try handle.close()
        _ = try await tmux.waitFor("● trực tiếp", timeout: .seconds(5))
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
    }
}
