import CongDanSoCore

/// Work `update` asks the run loop to do; the model itself does no I/O.
public enum Effect: Equatable, Sendable {
    /// Restore the terminal and exit.
    case quit
    /// Write these rows (the table as shown: filtered and sorted by `query`)
    /// to a CSV file, e.g. with `TableExport.csv(rows, standings: state.standings)`,
    /// then send `.exported(path:)` or `.exportFailed(_:)`.
    case exportCSV(rows: [UnitFigures], query: TableQuery)
    /// Reload the data now (F5 / Ctrl-R); answer with `.loaded` or `.loadFailed`.
    case reloadNow
    /// The user changed the automatic refresh interval (`+` / `-`).
    case setRefreshInterval(seconds: Int)
}
