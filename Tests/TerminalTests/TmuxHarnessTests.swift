import Foundation
import Testing

/// The harness itself, on plain shell commands (the dashboard's own tmux
/// tests build on it).
@Suite("tmux harness", .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct TmuxHarnessTests {
    @Test func seesWhatTheProgramPrints() async throws {
        let tmux = try TmuxHarness(command: "printf 'hello from tmux'; sleep 60", width: 40, height: 5)
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("hello from tmux")
        #expect(screen.split(separator: "\n").first == "hello from tmux")
        #expect(tmux.isAlive)
        #expect(tmux.panePID != nil)
    }

    @Test func typesTextAndNamedKeys() async throws {
        // `cat` echoes what it reads; the terminal echoes what is typed.
        let tmux = try TmuxHarness(arguments: ["cat"], width: 40, height: 6)
        defer { tmux.kill() }
        try tmux.sendKeys(.text("Tứ Kỳ 東京"), .enter, .text("second"), .enter)
        let screen = try await tmux.waitFor("second")
        #expect(screen.contains("Tứ Kỳ 東京"))
        try tmux.sendKeys(.control("d"))
        #expect(try await tmux.waitForExit() == 0)
        #expect(!tmux.isAlive)
    }

    @Test func passesTheEnvironmentAndTheSize() async throws {
        let tmux = try TmuxHarness(
            command: "printf '%s|%s|%s|%s|' \"$TERM\" \"$LANG\" \"$NO_COLOR\" \"${EXTRA-unset}\"; stty size; sleep 5",
            width: 50, height: 7, environment: ["NO_COLOR": "1"], unsetting: ["LANG"])
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("|")
        #expect(screen.hasPrefix("\(TmuxHarness.defaultTerm)||1|unset|7 50"))
    }

    @Test func resizesTheTerminal() async throws {
        let tmux = try TmuxHarness(
            command: "trap 'stty size' WINCH; stty size; while :; do sleep 0.05; done", width: 60, height: 10)
        defer { tmux.kill() }
        try await tmux.waitFor("10 60")
        try tmux.resize(width: 72, height: 15)
        try await tmux.waitFor("15 72")
        #expect(tmux.width == 72 && tmux.height == 15)
    }

    @Test func reportsExitStatusAndSignals() async throws {
        let exits = try TmuxHarness(command: "exit 3")
        defer { exits.kill() }
        #expect(try await exits.waitForExit() == 3)

        let killed = try TmuxHarness(arguments: ["sleep", "30"])
        defer { killed.kill() }
        try await killed.waitForProgram()
        try killed.signal(SIGTERM)
        #expect(try await killed.waitForExit() == 128 + SIGTERM)
    }

    @Test func controlCReachesOnlyTheProgram() async throws {
        let tmux = try TmuxHarness(arguments: ["sleep", "30"])
        defer { tmux.kill() }
        try await tmux.waitForProgram()
        #expect(tmux.programPID != nil && tmux.programPID != tmux.panePID)
        try tmux.sendKeys(.control("c"))
        #expect(try await tmux.waitForExit() == 128 + SIGINT)
        // The pane outlives the program, so its final state stays readable.
        #expect(tmux.paneState().cursorVisible)
        #expect(tmux.terminalModesRestored == true)
        #expect(tmux.programPID == nil)
    }

    @Test func noticesTerminalModesLeftChanged() async throws {
        let tmux = try TmuxHarness(command: "stty -echo; printf 'changed'")
        defer { tmux.kill() }
        #expect(try await tmux.waitForExit() == 0)
        #expect(tmux.terminalModesRestored == false)
        #expect(tmux.capture().hasPrefix("changed"))
    }

    @Test func capturesColoursOnRequest() async throws {
        let tmux = try TmuxHarness(command: "printf '\\033[31mred\\033[0m plain'; sleep 5", width: 30, height: 3)
        defer { tmux.kill() }
        try await tmux.waitFor("plain")
        #expect(tmux.capture().hasPrefix("red plain"))
        #expect(tmux.capture(colors: true).contains("\u{1B}[31mred"))
    }

    @Test func paneStateShowsTheAlternateScreen() async throws {
        let tmux = try TmuxHarness(
            // Leaves the alternate screen when a line is typed, not after a
            // fixed sleep that a loaded machine could overrun.
            command: "printf '\\033[?1049h\\033[?25lin alt'; read line; printf '\\033[?1049l\\033[?25hback'; sleep 5",
            width: 30, height: 3)
        defer { tmux.kill() }
        try await tmux.waitFor("in alt")
        #expect(tmux.paneState() == .init(alternateScreen: true, cursorVisible: false, keypadMode: false))
        try tmux.sendKeys(.enter)
        try await tmux.waitFor("back")
        #expect(tmux.paneState() == .init(alternateScreen: false, cursorVisible: true, keypadMode: false))
    }

    @Test func timeoutCarriesTheLastScreen() async throws {
        let tmux = try TmuxHarness(command: "printf 'something else'; sleep 5", width: 30, height: 3)
        defer { tmux.kill() }
        try await tmux.waitFor("something")
        do {
            try await tmux.waitFor("never shown", timeout: .milliseconds(300))
            Issue.record("waitFor should have timed out")
        } catch let timeout as TmuxHarness.Timeout {
            #expect(timeout.screen.contains("something else"))
            #expect(timeout.description.contains("never shown"))
        }
    }

    @Test func locatesTheBinary() {
        let path = TmuxHarness.binaryPath()
        #expect(path.hasSuffix("congdanso"))
        #expect(
            TmuxHarness.packageRoot.appendingPathComponent("Package.swift").path
                == TmuxHarness.packageRoot.path + "/Package.swift")
        #expect(
            FileManager.default.fileExists(atPath: TmuxHarness.packageRoot.appendingPathComponent("Package.swift").path)
        )
    }
}
