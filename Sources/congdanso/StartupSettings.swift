import CongDanSoCore
import CongDanSoSettings
import DashboardKit
import Foundation

/// The dashboard's settings over one run (design §2: the user's
/// `$XDG_CONFIG_HOME/congdanso/settings.toml`): read at start and merged
/// with the command line (which wins), given to the terminal and the state,
/// and saved at quit — only what the keys changed, never a command-line
/// option, never over a file with problems (`SettingsFile.saveChanges`).
///
/// The plain-text fallback (no terminal) uses none of it.
struct StartupSettings {
    /// What the file said.
    let loaded: LoadedSettings
    /// What the run starts with: the file's settings with the options on top.
    let started: Settings
    /// The palette, the mouse and the export folder, for the terminal and the state.
    let screen: ScreenSettings
    let environment: [String: String]

    /// Reads the settings file of `environment` and puts the command line's
    /// options over it (`nil`: not given).
    ///
    /// `rotateSeconds` is the hook for wall mode (`--rotate SECONDS`, 0 off):
    /// pass its option here; the merged value is `started.rotateSeconds`
    /// (nil: off), for the loop to rotate with.
    init(
        language: Language?, refreshSeconds: Int?, rotateSeconds: Int? = nil, options: ScreenOptions,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.environment = environment
        loaded = SettingsFile.load(path: SettingsLocation.path(environment: environment))
        let mouse: Bool? = options.noMouse ? false : options.mouse ? true : nil
        var merged = loaded.settings.applying(
            SettingsOverrides(
                language: language, refreshSeconds: refreshSeconds, theme: options.theme?.settingsTheme,
                mouse: mouse, rotateSeconds: rotateSeconds, exportFolder: options.exportFolder))
        // `--theme default` is a choice too (the overrides' nil means "not given").
        if options.theme == .standard { merged.theme = nil }
        started = merged
        screen = ScreenSettings(merged, home: environment["HOME"])
    }

    /// For the status line at start: the file's first problem (its path
    /// with `~` for the home folder, line and column) and how many more;
    /// nil when the file read cleanly or there is none.
    var problem: String? {
        guard let first = loaded.issues.first else { return nil }
        var issue = first
        if let home = environment["HOME"], home.count > 1, issue.file.hasPrefix(home + "/") {
            issue.file = "~" + issue.file.dropFirst(home.count)
        }
        let more = loaded.issues.count > 1 ? " (+\(loaded.issues.count - 1))" : ""
        return issue.description + more
    }

    /// Saves what the run changed (`ended`: `state.endedSettings(started:)`).
    /// Call once the terminal is restored: what needs saying (not saved,
    /// and why; a problem in the file) goes to standard error.
    func finish(ended: Settings) {
        let outcome = SettingsFile.saveChanges(started: started, ended: ended, path: loaded.path)
        if let message = outcome.message {
            StandardError().write(message)
        } else if outcome == .unchanged, let notice = loaded.notice {
            // Nothing to save, but the file still has a problem: say it once
            // more where it stays readable.
            StandardError().write("congdanso: settings: \(notice)")
        }
    }
}
