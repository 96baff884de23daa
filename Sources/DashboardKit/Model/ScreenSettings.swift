/// The screen's settings that a settings file can hold as well as the
/// command line: the palette, the mouse and where exports go. The command
/// builds one (defaults, then the settings file, then its options, which
/// win), opens the terminal with `mouseEnabled` (so a terminal is never
/// asked for mouse reports the dashboard would ignore) and applies it to
/// the state.
public struct ScreenSettings: Sendable, Equatable {
    public var theme: ThemeName
    /// Capture the mouse (htop's `-M` turns it off).
    public var mouseEnabled: Bool
    /// Where `e` writes; nil for the current folder.
    public var exportFolder: String?

    public init(theme: ThemeName = .standard, mouseEnabled: Bool = true, exportFolder: String? = nil) {
        self.theme = theme
        self.mouseEnabled = mouseEnabled
        self.exportFolder = exportFolder
    }
}

extension DashboardState {
    /// Takes the palette, the mouse and the export folder from `settings`.
    public mutating func apply(_ settings: ScreenSettings) {
        theme = settings.theme
        mouseEnabled = settings.mouseEnabled
        exportFolder = settings.exportFolder
    }
}
