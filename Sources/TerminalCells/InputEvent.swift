/// What a `TerminalBackend` reports from its input.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    /// A click or a turn of the wheel (only when the backend captures the mouse).
    case mouse(MouseEvent)
    /// The terminal changed size; the new size in columns and rows.
    case resize(width: Int, height: Int)
    /// A signal asked the program to end (SIGINT, SIGTERM, SIGHUP, SIGPIPE,
    /// SIGUSR1, …): close the backend and exit with 128 + `signal`.
    case interrupted(signal: Int32)
    /// No input will ever come again (a test backend's script ran out).
    case inputClosed
}

/// What the mouse did, at a cell (0-based column and row).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// The left button was clicked (pressed and released).
        case click
        /// Clicked a second time at the same cell soon after the first
        /// (the first came as `.click`).
        case doubleClick
        case wheelUp, wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind; self.x = x; self.y = y
    }

    /// Milliseconds within which a second click on the same cell is a double click.
    public static let doubleClickMilliseconds = 400
}
