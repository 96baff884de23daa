import Foundation
import Testing

/// The mouse in a real terminal (tmux): the terminal's own mouse reports
/// (xterm's SGR 1006 encoding, as `TERM=xterm-256color` asks ncurses for)
/// are written to the program, which sorts, selects and opens; with
/// `--no-mouse` the terminal's mouse reporting stays off, so selecting text
/// works as usual, and it is off again after quitting.
@Suite(
    "the mouse in a real terminal", .serialized,
    .enabled(if: TmuxHarness.isAvailable && TmuxHarness.binaryExists, "needs tmux and the built binary"))
struct MouseTerminalTests {
    func start(_ extra: [String] = []) throws -> TmuxHarness {
        try TmuxHarness(
            arguments: [TmuxHarness.binaryPath(), "dashboard", "--data", DashboardTerminalTests.sampleData] + extra,
            width: 120, height: 30, environment: ["TERM": "xterm-256color"])
    }

    /// A click: press, a moment, release (a real button takes a while).
    func click(_ tmux: TmuxHarness, x: Int, y: Int) async throws {
        try tmux.sendBytes(TmuxHarness.mouseReport(x: x, y: y, pressed: true))
        try await Task.sleep(for: .milliseconds(30))
        try tmux.sendBytes(TmuxHarness.mouseReport(x: x, y: y, pressed: false))
        try await Task.sleep(for: .milliseconds(50))
    }

    func columnOf(_ text: String, in line: String) -> Int? {
        guard let range = line.range(of: text) else { return nil }
        return line[..<range.lowerBound].count
    }

    @Test func clicksSortSelectAndOpen() async throws {
        let tmux = try start()
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("Tứ Kỳ")
        #expect(tmux.mouseReporting())
        let lines = screen.components(separatedBy: "\n")
        let headerY = try #require(lines.firstIndex { $0.contains("Loại") && $0.contains("Hoàn thành") })
        let x = try #require(columnOf("Hoàn thành", in: lines[headerY]))
        // The header sorts; a second click reverses.
        try await click(tmux, x: x + 2, y: headerY)
        _ = try await tmux.waitFor("Hoàn thành▼")
        try await click(tmux, x: x + 2, y: headerY)
        let reversed = try await tmux.waitFor("Hoàn thành▲")
        // A double click on the third row opens that unit.
        let rowY = headerY + 3
        let rows = reversed.components(separatedBy: "\n")
        let name = try #require(
            rows[rowY].split(separator: " ", omittingEmptySubsequences: true).dropFirst(1).first { $0.first!.isLetter })
        try await click(tmux, x: 30, y: rowY)
        try await click(tmux, x: 30, y: rowY)
        let detail = try await tmux.waitFor("Bảng ›")
        #expect(detail.components(separatedBy: "\n")[1].contains(String(name)))
        // The hint bar: a click on "q" quits; mouse reporting is off again.
        let keys = detail.components(separatedBy: "\n")[29]
        let q = try #require(columnOf("q thoát", in: keys))
        try await click(tmux, x: q, y: 29)
        #expect(try await tmux.waitForExit() == 0)
        #expect(!tmux.mouseReporting())
    }

    @Test func theWheelMovesTheSelection() async throws {
        let tmux = try start()
        defer { tmux.kill() }
        _ = try await tmux.waitFor("Tứ Kỳ")
        // Three turns down (button 65): three rows each, from Tứ Kỳ (1) to Tân Kỳ (10).
        for _ in 0..<3 {
            try tmux.sendBytes("\u{1B}[<65;30;10M")
            try await Task.sleep(for: .milliseconds(50))
        }
        let moved = try await tmux.waitFor(colors: true) { screen in
            screen.components(separatedBy: "\n").contains { $0.contains("\u{1B}[7m") && $0.contains("Tân Kỳ") }
        }
        #expect(moved.contains("Tân Kỳ"))
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
    }

    @Test func noMouseLeavesTheMouseToTheTerminal() async throws {
        let tmux = try start(["--no-mouse"])
        defer { tmux.kill() }
        _ = try await tmux.waitFor("Tứ Kỳ")
        #expect(!tmux.mouseReporting())
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
    }
}
