import Foundation

/// How the dashboard wants the terminal set up.
public struct TerminalOptions: Sendable {
    /// Colours are drawn only when this is on and the terminal has them.
    /// Off for `--no-color` or a non-empty `NO_COLOR` (see `standard`).
    public var colorEnabled: Bool
    /// `true`: ASCII glyphs whatever the locale. `false`: UTF-8 even under a
    /// non-UTF-8 locale (by switching `LC_CTYPE` to C.UTF-8 when it exists).
    /// `nil`: UTF-8 exactly when the locale's character set is UTF-8.
    public var forceASCII: Bool?
    /// Capture the mouse (clicks and the wheel come as `.mouse` events).
    /// Off: the terminal keeps it, so selecting text works as usual.
    public var mouse: Bool

    public init(colorEnabled: Bool = true, forceASCII: Bool? = nil, mouse: Bool = false) {
        self.colorEnabled = colorEnabled
        self.forceASCII = forceASCII
        self.mouse = mouse
    }

    /// The options for a command line: colour unless `noColorFlag` is set or
    /// `NO_COLOR` is present and not empty (https://no-color.org).
    public static func standard(
        noColorFlag: Bool = false,
        forceASCII: Bool? = nil,
        mouse: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> TerminalOptions {
        let noColorEnv = !(environment["NO_COLOR"] ?? "").isEmpty
        return TerminalOptions(colorEnabled: !(noColorFlag || noColorEnv), forceASCII: forceASCII, mouse: mouse)
    }
}
