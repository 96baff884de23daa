import CongDanSoCore
import CongDanSoSettings

// The user's settings (`settings.toml`, CongDanSoSettings) in and out of the
// dashboard's state: what a run starts with, what it ends with (saved at
// quit), and the refresh interval's steps. The command reads and saves the
// file; everything here is pure.

/// Which end of the refresh range `+` / `-` reached (`RefreshSteps.Limit`).
public enum RefreshEnd: Hashable, Sendable {
    case fastest, slowest
}

extension ScreenSettings {
    /// The palette, the mouse and the export folder of `settings` (`~/` in
    /// the folder expanded against `home`).
    public init(_ settings: Settings, home: String?) {
        self.init(
            theme: DashboardKit.ThemeName(settings.theme), mouseEnabled: settings.mouse,
            exportFolder: settings.exportFolderPath(home: home))
    }
}

extension DashboardKit.ThemeName {
    /// The dashboard's palette for a settings file's theme (none: the default).
    public init(_ theme: CongDanSoSettings.ThemeName?) {
        self = theme.flatMap { DashboardKit.ThemeName(rawValue: $0.rawValue) } ?? .standard
    }

    /// The settings file's theme for this palette (the default: none).
    public var settingsTheme: CongDanSoSettings.ThemeName? {
        self == .standard ? nil : CongDanSoSettings.ThemeName(rawValue: rawValue)
    }
}

extension DashboardState {
    /// Starts from the user's settings: the language, the table's sort and
    /// direction (the first row selected), the refresh interval. The
    /// palette, the mouse and the export folder come with `apply(_:
    /// ScreenSettings)`; wall-mode rotation (`settings.rotateSeconds`) is the
    /// run loop's.
    public mutating func applySettings(_ settings: Settings) {
        language = settings.language
        refreshSeconds = min(max(settings.refreshSeconds, RefreshSteps.range.lowerBound), RefreshSteps.range.upperBound)
        query.sort = settings.sort
        query.reversed = settings.sortReversed
        applyQuery()
        select(0)
    }

    /// What the run ends with, to be saved: `started` (what it began with,
    /// file and command line merged) with what the keys can change taken
    /// from the state (language, sort and direction, refresh interval,
    /// palette, mouse). Settings no key changes (the export folder, wall
    /// rotation) stay as they started, so they are never saved from a
    /// command-line option. When wall mode gets a key that changes its
    /// rotation, set `rotateSeconds` on the result from the loop's value.
    public func endedSettings(started: Settings) -> Settings {
        var ended = started
        ended.language = language
        ended.setSort(query.sort, reversed: query.reversed)
        ended.refreshSeconds = refreshSeconds
        ended.theme = theme.settingsTheme
        ended.mouse = mouseEnabled
        return ended
    }

    /// Says on the status line that the settings file has a problem
    /// (`problem` names file:line:column and what is wrong).
    public mutating func reportSettingsProblem(_ problem: String) {
        status = StatusMessage(.settingsProblem(TerminalText.sanitize(problem)), postedAt: clock)
    }

    /// `+` (slower) and `-` (faster): the next step of `RefreshSteps`, said
    /// on the status line, with the end of the range when it is reached.
    mutating func stepRefresh(_ direction: RefreshSteps.Direction) {
        let outcome = RefreshSteps.step(from: refreshSeconds, direction)
        let end: RefreshEnd? =
            switch outcome.limit {
            case .fastest?: .fastest
            case .slowest?: .slowest
            case nil: nil
            }
        refreshSeconds = outcome.seconds
        status = StatusMessage(
            .refreshInterval(seconds: outcome.seconds, changed: outcome.changed, end: end), postedAt: clock)
    }
}

extension Phrase {
    /// "Tự làm mới mỗi 10 giây", "… mỗi 1 giây (nhanh nhất)", "Đã nhanh
    /// nhất: mỗi 1 giây"; "Refresh every 10 s", "… 1 s (fastest)",
    /// "Already the fastest: every 1 s".
    static func refreshStep(seconds: Int, changed: Bool, end: RefreshEnd?, _ lang: Language) -> String {
        let every = refreshEvery(seconds, lang)
        let capitalised = every.prefix(1).uppercased() + every.dropFirst()
        guard let end else { return capitalised }
        let vi = lang == .vi
        let endWord =
            switch end {
            case .fastest: vi ? "nhanh nhất" : "fastest"
            case .slowest: vi ? "chậm nhất" : "slowest"
            }
        guard !changed else { return capitalised + " (\(endWord))" }
        // "tự làm mới mỗi 1 giây" → "mỗi 1 giây"; "refresh every 1 s" → "every 1 s".
        let interval = vi ? String(every.dropFirst("tự làm mới ".count)) : String(every.dropFirst("refresh ".count))
        return vi ? "Đã \(endWord): \(interval)" : "Already the \(endWord): \(interval)"
    }

    /// "Tệp cài đặt có lỗi: <file:line:col: …>; dùng mặc định, tệp giữ
    /// nguyên" / "Settings file: <…>; using the defaults, file left as it is".
    static func settingsProblem(_ problem: String, _ lang: Language) -> String {
        lang == .vi
            ? "Tệp cài đặt có lỗi: \(problem); dùng mặc định, tệp giữ nguyên"
            : "Settings file: \(problem); using the defaults, file left as it is"
    }
}
