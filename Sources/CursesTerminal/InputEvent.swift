import DashboardKit

/// What `TerminalSession.nextEvents` reports.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    /// The terminal changed size; the new size in columns and rows.
    case resize(width: Int, height: Int)
    /// SIGINT, SIGTERM or SIGHUP arrived: quit (close the session) soon.
    /// `TerminalSession.receivedSignal` says which.
    case interrupted
}
