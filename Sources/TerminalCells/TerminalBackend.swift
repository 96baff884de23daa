/// A terminal as the run loop sees it (ratatui's `Backend`): its size, its
/// input with a deadline, a place to draw a buffer, and a way to step aside
/// for another program. `TerminalSession` (ncurses) implements it for real
/// and `TestBackend` in memory.
///
/// Used from one thread; the run loop owns it.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows of the screen now.
    var size: TerminalSize { get }
    /// ASCII output only (the locale is not UTF-8, or ASCII was forced).
    var usesASCII: Bool { get }
    /// The terminal shows colours and the options allow them.
    var hasColor: Bool { get }
    /// Waits up to `timeoutMilliseconds` (forever when negative) for input,
    /// then returns everything already pending (possibly nothing).
    func nextEvents(timeoutMilliseconds: Int) -> [InputEvent]
    /// Shows `buffer`; cells beyond the screen are clipped.
    func draw(_ buffer: Buffer)
    /// Gives the terminal back as it was (for a shell or an editor);
    /// `resume` takes it again and the next `draw` repaints everything.
    func suspend()
    func resume()
}

/// A terminal's size in cells.
public struct TerminalSize: Hashable, Sendable {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// A size; negative numbers count as 0.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
}
