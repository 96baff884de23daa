import Foundation

/// The settings over one dashboard run: read at start, merged with the
/// command line, saved at quit. The run loop holds one:
///
/// ```swift
/// let session = SettingsSession.start(overrides: SettingsOverrides(refreshSeconds: refresh, …))
/// // build the state from session.settings; show session.notice in the status line
/// // … at quit, after the terminal is restored:
/// if let message = session.finish(ended: settingsFromTheFinalState).message { print to stderr }
/// ```
public struct SettingsSession: Sendable {
    /// What the file said (and its problems).
    public let loaded: LoadedSettings
    /// What the run starts with: the file's settings with the command line on top.
    public let settings: Settings

    public init(loaded: LoadedSettings, overrides: SettingsOverrides) {
        self.loaded = loaded
        self.settings = loaded.settings.applying(overrides)
    }

    /// Reads the settings file of `environment` (XDG_CONFIG_HOME, HOME).
    public static func start(
        overrides: SettingsOverrides, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> SettingsSession {
        SettingsSession(
            loaded: SettingsFile.load(path: SettingsLocation.path(environment: environment)), overrides: overrides)
    }

    /// For the status line at start: the file's first problem and what
    /// happens now; nil when it read cleanly (or there is none).
    public var notice: String? { loaded.notice }

    /// Saves what changed between the start and `ended` (see
    /// `SettingsFile.saveChanges`); the outcome's `message` is for standard
    /// error once the terminal is restored.
    public func finish(ended: Settings) -> SaveOutcome {
        SettingsFile.saveChanges(started: settings, ended: ended, path: loaded.path)
    }
}
