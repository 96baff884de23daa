import ArgumentParser
import DashboardKit

extension ThemeName: ExpressibleByArgument {}

/// The dashboard's screen options: palette, mouse and export folder. Each
/// is nil (or false) when not given, so a settings file can fill it in;
/// the command line wins.
struct ScreenOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Colours: default (readable on dark and light backgrounds), dark, light, high-contrast or mono.")
    var theme: ThemeName?

    @Flag(
        name: .customLong("no-mouse"),
        help: "Leave the mouse to the terminal (text selection as usual); on by default.")
    var noMouse = false

    @Option(name: .customLong("export-folder"), help: "Where e writes its CSV files (default: the current folder).")
    var exportFolder: String?

    /// Puts the options given over `settings` (the defaults, or what a
    /// settings file said).
    func apply(to settings: inout ScreenSettings) {
        if let theme { settings.theme = theme }
        if noMouse { settings.mouseEnabled = false }
        if let exportFolder { settings.exportFolder = exportFolder }
    }
}
