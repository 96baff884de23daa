import CongDanSoCore
import CongDanSoSettings
import Testing

@testable import DashboardKit

/// The user's settings in and out of the state (the command reads and
/// saves the file; this is the pure part), and the refresh steps as the
/// status line says them.
@Suite struct SettingsWiringTests {
    /// The status line (the second line from the bottom).
    func statusLine(_ s: DashboardState, width: Int = 120, height: Int = 40) -> String {
        let lines = render(s, width: width, height: height).lines()
        return lines[lines.count - 2]
    }

    @Test func theStateStartsFromTheSettings() {
        var settings = Settings()
        settings.language = .en
        settings.sort = .name
        settings.sortDirection = .descending  // name is ascending by default: reversed
        settings.refreshSeconds = 1
        var s = Fixtures.state()
        press(&s, .down, .down)
        s.applySettings(settings)
        #expect(s.language == .en)
        #expect(s.query.sort == .name)
        #expect(s.query.reversed)
        #expect(s.refreshSeconds == 1)
        #expect(s.selectedIndex == 0, "the first row of the settings' order")
        #expect(s.selectedCode == s.rows[0].unit.code)
        #expect(statusLine(s).contains("refresh every 1 s"))
        #expect(statusLine(s).contains("sort: Unit▼"))
    }

    @Test func aRunWithoutKeysEndsAsItStarted() {
        var started = Settings()
        started.language = .en
        started.sort = .completionRate
        started.sortDirection = .ascending
        started.refreshSeconds = 7
        started.theme = .light
        started.mouse = false
        started.rotateSeconds = 30
        started.exportFolder = "~/exports"
        var s = Fixtures.state()
        s.applySettings(started)
        s.apply(ScreenSettings(started, home: "/home/an"))
        #expect(s.exportFolder == "/home/an/exports")
        #expect(s.theme == .light)
        #expect(!s.mouseEnabled)
        #expect(s.endedSettings(started: started) == started, "nothing to save")
    }

    @Test func whatTheKeysChangedIsWhatEnds() {
        let started = Settings()
        var s = Fixtures.state()
        s.applySettings(started)
        s.apply(ScreenSettings(started, home: nil))
        press(&s, .character("l"), .character(">"), .character("r"), .character("-"))
        let ended = s.endedSettings(started: started)
        #expect(ended.differences(from: started) == [.language, .sort, .sortDirection, .refresh])
        #expect(ended.language == .en)
        #expect(ended.sort == .completed)
        #expect(ended.sortDirection == .ascending)
        #expect(ended.refreshSeconds == 2)
        #expect(ended.theme == nil, "the default palette stays unset in the file")
        // The saved settings start the next run where this one ended.
        var next = Fixtures.state()
        next.applySettings(ended)
        #expect(next.query == s.query)
        #expect(next.language == .en)
    }

    @Test func themesMapBothWays() {
        #expect(DashboardKit.ThemeName(nil) == .standard)
        for theme in CongDanSoSettings.ThemeName.allCases {
            let palette = DashboardKit.ThemeName(theme)
            #expect(palette.rawValue == theme.rawValue)
            #expect(palette.settingsTheme == theme)
        }
        #expect(DashboardKit.ThemeName.standard.settingsTheme == nil)
    }

    @Test func refreshStepsSayTheEnds() {
        var s = Fixtures.state()
        var settings = Settings()
        settings.refreshSeconds = 5
        s.applySettings(settings)
        press(&s, .character("-"))
        #expect(s.refreshSeconds == 2)
        #expect(statusLine(s).contains("Tự làm mới mỗi 2 giây"))
        #expect(!statusLine(s).contains("nhanh nhất"))
        press(&s, .character("-"))
        #expect(s.refreshSeconds == 1)
        #expect(statusLine(s).contains("Tự làm mới mỗi 1 giây (nhanh nhất)"))
        press(&s, .character("-"))
        #expect(s.refreshSeconds == 1)
        #expect(statusLine(s).contains("Đã nhanh nhất: mỗi 1 giây"))
        press(&s, .character("l"))
        #expect(statusLine(s).contains("Already the fastest: every 1 s"))
        press(&s, .character("+"))
        #expect(s.refreshSeconds == 2)
        #expect(statusLine(s).contains("Refresh every 2 s"))
        for _ in 0..<8 { press(&s, .character("+")) }
        #expect(s.refreshSeconds == 600)
        press(&s, .character("+"))
        #expect(s.refreshSeconds == 900)
        #expect(statusLine(s).contains("Refresh every 15 min (slowest)"))
        press(&s, .character("+"))
        #expect(s.refreshSeconds == 900)
        #expect(statusLine(s).contains("Already the slowest: every 15 min"))
        press(&s, .character("l"))
        #expect(statusLine(s).contains("Đã chậm nhất: mỗi 15 phút"))
    }

    @Test func anIntervalBetweenStepsMovesToTheNextStep() {
        var s = Fixtures.state()
        var settings = Settings()
        settings.refreshSeconds = 3600  // --refresh 3600: beyond the last step
        s.applySettings(settings)
        press(&s, .character("+"))
        #expect(s.refreshSeconds == 3600)
        #expect(s.status?.notice == .refreshInterval(seconds: 3600, changed: false, end: .slowest))
        press(&s, .character("-"))
        #expect(s.refreshSeconds == 900)
        settings.refreshSeconds = 7
        s.applySettings(settings)
        press(&s, .character("-"))
        #expect(s.refreshSeconds == 5)
    }

    @Test func aSettingsProblemIsOnTheStatusLineWhole() {
        var s = Fixtures.state()
        let problem =
            "~/.config/congdanso/settings.toml:3:12: error: language \"fr\" is unknown; write one of \"vi\", \"en\""
        s.reportSettingsProblem(problem)
        let line = statusLine(s, width: 200)
        #expect(line.contains("Tệp cài đặt có lỗi: " + problem + "; dùng mặc định, tệp giữ nguyên"))
        press(&s, .character("l"))
        #expect(statusLine(s, width: 200).contains("Settings file: " + problem))
        #expect(s.status?.notice == .settingsProblem(problem))
    }

    @Test func aSettingsProblemIsSanitised() {
        var s = Fixtures.state()
        s.reportSettingsProblem("x:1:1: error: \u{1B}[31mred")
        guard case .settingsProblem(let text)? = s.status?.notice else {
            Issue.record("no notice")
            return
        }
        #expect(!text.contains("\u{1B}"))
    }
}
