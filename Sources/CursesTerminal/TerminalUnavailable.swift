/// Why the dashboard cannot run on this terminal. Thrown by
/// `TerminalSession.open` before the screen is touched, so the message can be
/// printed to standard error as is.
public enum TerminalUnavailable: Error, CustomStringConvertible, Equatable, Sendable {
    /// Standard input or standard output is not a terminal (a pipe, a file, cron).
    case notATerminal
    /// `TERM` is "dumb" (Emacs shell buffers, some CI runners).
    case dumbTerminal(String)
    /// `TERM` is unset, empty, or not in the terminfo database.
    case unknownTerminal(String)
    /// The terminal type is known but cannot move the cursor.
    case cannotAddressCursor(String)

    private static let plainOutput =
        "For plain output, use `congdanso report` or `congdanso export` instead."

    public var description: String {
        switch self {
        case .notATerminal:
            return "The dashboard needs an interactive terminal, but standard input or output "
                + "is not one (it is redirected to a pipe or a file). "
                + "Run `congdanso` directly in a terminal. " + Self.plainOutput
        case .dumbTerminal(let term):
            return "The terminal type TERM=\(term) cannot show the dashboard: it cannot move "
                + "the cursor or draw a screen. Run `congdanso` in a full terminal, or set TERM "
                + "to your terminal's type (for example `export TERM=xterm-256color`). "
                + Self.plainOutput
        case .unknownTerminal(let term) where term.isEmpty:
            return "The TERM environment variable is not set, so the dashboard does not know how "
                + "to drive this terminal. Set it to your terminal's type (for example "
                + "`export TERM=xterm-256color`). " + Self.plainOutput
        case .unknownTerminal(let term):
            return "The terminal type TERM=\(term) is not in this machine's terminfo database. "
                + "Set TERM to a type it knows (for example `export TERM=xterm-256color`), or "
                + "install its description (on Debian: `apt install ncurses-term`). "
                + Self.plainOutput
        case .cannotAddressCursor(let term):
            return "The terminal type TERM=\(term) cannot position the cursor, which the "
                + "dashboard needs. Run `congdanso` in a full terminal, or set TERM to your "
                + "terminal's real type (for example `export TERM=xterm-256color`). "
                + Self.plainOutput
        }
    }
}
