import ArgumentParser
import DashboardKit

extension ThemeName: ExpressibleByArgument {}

/// The dashboard's screen options: palette, mouse and export folder. Each
/// is nil (or false) when not given, so the settings file fills it in
/// (`StartupSettings`); the command line wins, for the run only.
struct ScreenOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Colours: default (readable on dark and light backgrounds), dark, light, high-contrast or mono.")
    var theme: ThemeName?

    @Flag(
        name: .customLong("no-mouse"),
        help: "Leave the mouse to the terminal (text selection as usual); on by default.")
    var noMouse = false

    @Flag(
        name: .customLong("mouse"),
        help: "Capture the mouse even when the settings file says mouse = false.")
    var mouse = false

    @Option(name: .customLong("export-folder"), help: "Where e writes its CSV files (default: the current folder).")
    var exportFolder: String?

    func validate() throws {
        if mouse && noMouse { throw ValidationError("choose one of --mouse and --no-mouse") }
    }
}
