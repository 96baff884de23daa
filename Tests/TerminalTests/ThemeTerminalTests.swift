import Foundation
import Testing

/// The palette as a real terminal receives it (tmux, `capture-pane -e`): the
/// default theme sends no white, bright white or yellow (SGR 37, 97, 33,
/// 93), cyan or blue (36, 96, 34, 94); green (32) only for the gauge's
/// blocks, which `ThemeTests` checks cell by cell. `--theme dark` does send
/// its bright white title.
@Suite(
    "the palette in a real terminal", .serialized,
    .enabled(if: TmuxHarness.isAvailable && TmuxHarness.binaryExists, "needs tmux and the built binary"))
struct ThemeTerminalTests {
    /// Every SGR parameter on the screen.
    static func sgrParameters(_ screen: String) -> Set<Int> {
        var out = Set<Int>()
        for match in screen.matches(of: /\x1B\[([0-9;:]*)m/) {
            for part in match.1.split(separator: ";") { if let n = Int(part) { out.insert(n) } }
        }
        return out
    }

    func screen(_ extra: [String]) async throws -> Set<Int> {
        let tmux = try TmuxHarness(
            arguments: [TmuxHarness.binaryPath(), "dashboard", "--data", DashboardTerminalTests.sampleData] + extra,
            width: 120, height: 40, environment: ["TERM": "xterm-256color"])
        defer { tmux.kill() }
        _ = try await tmux.waitFor("Tứ Kỳ")
        let colored = tmux.capture(colors: true)
        try tmux.sendKeys(.text("q"))
        _ = try await tmux.waitForExit()
        return Self.sgrParameters(colored)
    }

    @Test func theDefaultSendsNoTextColourThatFadesOnWhiteOrBlack() async throws {
        let used = try await screen([])
        for code in [37, 97, 33, 93, 92, 36, 96, 34, 94] {
            #expect(!used.contains(code), "SGR \(code) on the default screen")
        }
        #expect(used.contains(1), "bold")
        #expect(used.contains(7), "reverse")
        #expect(used.contains(42), "the top ten's marker on green")
    }

    @Test func theDarkThemeKeepsItsBrightWhiteTitle() async throws {
        let used = try await screen(["--theme", "dark"])
        #expect(used.contains(97))
    }
}
