/// What a `TerminalBackend` reports from its input.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    /// The terminal changed size; the new size in columns and rows.
    case resize(width: Int, height: Int)
    /// A signal asked the program to end (SIGINT, SIGTERM, SIGHUP, SIGPIPE,
    /// SIGUSR1, …): close the backend and exit with 128 + `signal`.
    case interrupted(signal: Int32)
    /// No input will ever come again (a test backend's script ran out).
    case inputClosed
}
