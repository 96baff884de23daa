import CongDanSoCore

/// Everything that can happen to the dashboard. The run loop turns key
/// presses, terminal resizes, clock ticks and the results of its own work
/// (loading data, writing an export) into messages and feeds them to
/// `update`.
public enum Message: Sendable {
    /// A key press.
    case key(Key)
    /// A click or a turn of the wheel, at a cell; `update` finds what is
    /// there with `hitTest` (the layout's) and acts on it (`Mouse.swift`).
    case mouse(MouseEvent)
    /// The terminal's new size in cells.
    case resize(width: Int, height: Int)
    /// The wall clock, for the header clock and message expiry. The model
    /// never reads the system clock itself, so tests are deterministic.
    case tick(Timestamp)
    /// A reload succeeded: fresh standings, loaded at the given moment.
    /// While paused they are held and applied on resume.
    case loaded(Standings, at: Timestamp)
    /// A reload failed: the last good data stays on screen, marked stale,
    /// with the error in the status line until a reload succeeds.
    case loadFailed(String, at: Timestamp)
    /// An export requested by `Effect.exportCSV` was written to `path`.
    case exported(path: String)
    /// An export failed with this error.
    case exportFailed(String)
}
