import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Settings that last (issue 12, item 3), as a user meets them: the built
/// `congdanso` in tmux with its own `XDG_CONFIG_HOME` in a temporary folder,
/// changed with keys, quit, started again.
@Suite(
    "settings that last, in a real terminal", .serialized,
    .enabled(if: TmuxHarness.isAvailable && TmuxHarness.binaryExists, "needs tmux and the built binary"))
struct SettingsTerminalTests {
    static var binary: String { TmuxHarness.binaryPath() }
    static var sampleData: String { TmuxHarness.packageRoot.appendingPathComponent("sample-data").path }

    /// A fresh configuration folder (short, so a path on the status line fits).
    func configFolder() throws -> String {
        let path = "/tmp/cds-settings-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func settingsPath(_ config: String) -> String { config + "/congdanso/settings.toml" }

    func start(config: String, _ extra: [String] = [], width: Int = 120, height: Int = 30) throws -> TmuxHarness {
        try TmuxHarness(
            arguments: [Self.binary, "dashboard", "--data", Self.sampleData] + extra,
            width: width, height: height, environment: ["XDG_CONFIG_HOME": config])
    }

    /// The status line: the second line from the bottom of the screen.
    func statusLine(_ screen: String, height: Int = 30) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.count >= height - 1 ? lines[height - 2] : ""
    }

    func quit(_ tmux: TmuxHarness) async throws {
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
    }

    @Test func languageSortAndRefreshChangedWithKeysAreThereAfterARestart() async throws {
        let config = try configFolder()
        defer { try? FileManager.default.removeItem(atPath: config) }
        do {
            let tmux = try start(config: config)
            defer { tmux.kill() }
            try await tmux.waitFor("sắp xếp: Đăng ký▼")
            #expect(!FileManager.default.fileExists(atPath: settingsPath(config)), "nothing written at start")
            // English; sort by completions, fewest first; refresh as often as it goes.
            try tmux.sendKeys(.text("l"), .text(">"), .text("r"))
            try await tmux.waitFor("sort: Completed▲")
            try tmux.sendKeys(.text("-"), .text("-"))
            try await tmux.waitFor("Refresh every 1 s (fastest)")
            try tmux.sendKeys(.text("-"))
            try await tmux.waitFor("Already the fastest: every 1 s")
            try await quit(tmux)
        }
        let saved = try String(contentsOfFile: settingsPath(config), encoding: .utf8)
        #expect(saved.contains("language = \"en\"\n"))
        #expect(saved.contains("sort = \"completed\"\n"))
        #expect(saved.contains("sort_direction = \"ascending\"\n"))
        #expect(saved.contains("refresh = 1\n"))
        #expect(!saved.contains("\ntheme ="), "nothing the keys left alone")

        let tmux = try start(config: config)
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("sort: Completed▲")
        #expect(screen.contains("Unit"), "English again")
        #expect(statusLine(screen).contains("refresh every 1 s"))
        // Fewest completions first: Bạch Long Vĩ (8) heads the table.
        let lines = screen.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.contains("Type") && $0.contains("Coverage") })
        #expect(lines[header + 1].contains("Bạch Long Vĩ"))
        try await quit(tmux)
        let after = try String(contentsOfFile: settingsPath(config), encoding: .utf8)
        #expect(after == saved, "a run that changed nothing leaves the file as it was")
    }

    @Test func aCleanExitOnSIGTERMSavesToo() async throws {
        let config = try configFolder()
        defer { try? FileManager.default.removeItem(atPath: config) }
        let tmux = try start(config: config)
        defer { tmux.kill() }
        try await tmux.waitFor("sắp xếp: Đăng ký▼")
        try tmux.sendKeys(.text("l"))
        try await tmux.waitFor("sort: Registered▼")
        try tmux.signal(SIGTERM)
        #expect(try await tmux.waitForExit() == 128 + SIGTERM)
        #expect(tmux.paneState().alternateScreen == false)
        let saved = try String(contentsOfFile: settingsPath(config), encoding: .utf8)
        #expect(saved.contains("language = \"en\"\n"))
    }

    @Test func mouseFalseInTheFileLeavesTheMouseAloneAndMouseTurnsItOnForOneRun() async throws {
        let config = try configFolder()
        defer { try? FileManager.default.removeItem(atPath: config) }
        try FileManager.default.createDirectory(
            atPath: config + "/congdanso", withIntermediateDirectories: true)
        let original = "mouse = false\ntheme = \"mono\"\n"
        try original.write(toFile: settingsPath(config), atomically: true, encoding: .utf8)
        do {
            let tmux = try start(config: config)
            defer { tmux.kill() }
            try await tmux.waitFor("sắp xếp: Đăng ký▼")
            #expect(!tmux.mouseReporting(), "mouse = false: the terminal keeps text selection")
            #expect(!DashboardTerminalTests.hasColour(tmux.capture(colors: true)), "theme = \"mono\"")
            try await quit(tmux)
        }
        do {
            let tmux = try start(config: config, ["--mouse", "--theme", "dark"])
            defer { tmux.kill() }
            try await tmux.waitFor("sắp xếp: Đăng ký▼")
            #expect(tmux.mouseReporting(), "--mouse wins for the run")
            #expect(DashboardTerminalTests.hasColour(tmux.capture(colors: true)), "--theme dark wins")
            try await quit(tmux)
        }
        #expect(try String(contentsOfFile: settingsPath(config), encoding: .utf8) == original, "neither is saved")
    }

    @Test func themeDefaultOnTheCommandLineDoesNotRemoveTheFilesTheme() async throws {
        let config = try configFolder()
        defer { try? FileManager.default.removeItem(atPath: config) }
        try FileManager.default.createDirectory(
            atPath: config + "/congdanso", withIntermediateDirectories: true)
        try "theme = \"mono\"\n".write(toFile: settingsPath(config), atomically: true, encoding: .utf8)
        let tmux = try start(config: config, ["--theme", "default"])
        defer { tmux.kill() }
        try await tmux.waitFor("sắp xếp: Đăng ký▼")
        #expect(DashboardTerminalTests.hasColour(tmux.capture(colors: true)), "--theme default wins over mono")
        try tmux.sendKeys(.text("l"))
        try await tmux.waitFor("sort: Registered▼")
        try await quit(tmux)
        let saved = try String(contentsOfFile: settingsPath(config), encoding: .utf8)
        #expect(saved == "theme = \"mono\"\nlanguage = \"en\"\n", "the key's change saved, the option not")
    }

    @Test func aCommandLineOptionWinsForTheRunButIsNotSaved() async throws {
        let config = try configFolder()
        defer { try? FileManager.default.removeItem(atPath: config) }
        try FileManager.default.createDirectory(
            atPath: config + "/congdanso", withIntermediateDirectories: true)
        let original = "# mine\nlanguage = \"en\"   # English at the desk\nrefresh = 10\n"
        try original.write(toFile: settingsPath(config), atomically: true, encoding: .utf8)
        do {
            let tmux = try start(config: config, ["--lang", "vi", "--refresh", "2"])
            defer { tmux.kill() }
            let screen = try await tmux.waitFor("sắp xếp: Đăng ký▼")
            #expect(statusLine(screen).contains("tự làm mới mỗi 2 giây"), "--refresh wins over refresh = 10")
            try tmux.sendKeys(.text(">"))
            try await tmux.waitFor("sắp xếp: Hoàn thành▼")
            try await quit(tmux)
        }
        let saved = try String(contentsOfFile: settingsPath(config), encoding: .utf8)
        #expect(
            saved == original + "sort = \"completed\"\n",
            "the sort changed with a key is saved; --lang and --refresh are not; comments stay")

        let tmux = try start(config: config)
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("sort: Completed▼")
        #expect(statusLine(screen).contains("refresh every 10 s"))
        try await quit(tmux)
    }

    @Test func aBrokenFileIsNamedWithItsPlaceAndLeftByteForByte() async throws {
        let config = try configFolder()
        defer { try? FileManager.default.removeItem(atPath: config) }
        try FileManager.default.createDirectory(
            atPath: config + "/congdanso", withIntermediateDirectories: true)
        // CRLF and a mistake on line 2: the file must come back exactly so.
        let original = Data("# edited by hand\r\nlanguage = \"fr\"\r\nrefresh = 2\r\n".utf8)
        try original.write(to: URL(fileURLWithPath: settingsPath(config)))
        let width = 200
        let tmux = try start(config: config, width: width)
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("Tệp cài đặt có lỗi")
        let status = statusLine(screen)
        #expect(status.contains(settingsPath(config) + ":2:12: error: language \"fr\" is unknown"))
        #expect(status.contains("dùng mặc định, tệp giữ nguyên"))
        #expect(screen.contains("Đơn vị"), "the defaults: Vietnamese")
        #expect(!status.contains("tự làm mới"), "the problem is said first")
        // Keys still work and change things; quitting must not write over the file.
        try tmux.sendKeys(.text("l"), .text(">"))
        // The table's header shows the new sort (the status line's right part
        // gives way to the long settings message and the position).
        try await tmux.waitFor("Completed▼")
        #expect(statusLine(tmux.capture()).contains("Settings file: " + settingsPath(config) + ":2:12"))
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0, "a broken settings file is no crash")
        let after = try Data(contentsOf: URL(fileURLWithPath: settingsPath(config)))
        #expect(after == original, "left byte for byte")
        let entries = try FileManager.default.contentsOfDirectory(atPath: config + "/congdanso")
        #expect(entries == ["settings.toml"], "no temporary file left behind")
        // Why nothing was saved stays on the terminal after the dashboard is gone.
        let left = try await tmux.waitFor("settings not saved")
        #expect(left.contains("has problems and is left as it is"))
    }
}
