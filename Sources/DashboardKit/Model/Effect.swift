import CongDanSoCore

/// Work `update` asks the run loop to do; the model itself does no I/O.
public enum Effect: Equatable, Sendable {
    /// Restore the terminal and exit.
    case quit
    /// Write these rows (the table as shown, filtered and sorted) to a CSV
    /// file, then send `.exported(path:)` or `.exportFailed(_:)`.
    case exportCSV(rows: [UnitFigures])
    /// The same as an Excel workbook (`E`): the rows, with the query that
    /// chose them (its filter and order are named under the title).
    case exportWorkbook(rows: [UnitFigures], query: TableQuery)
    /// Reload the data now (F5 / Ctrl-R); answer with `.loaded` or `.loadFailed`.
    case reloadNow
    /// The refresh interval has passed: look at the data's files and reload
    /// what changed (answer with `.loaded` or `.loadFailed`, or nothing
    /// when nothing changed).
    case checkForChanges
    /// A second has passed: take in what was appended to a followed event
    /// log, whatever the refresh interval (nothing when there is no log).
    case followLog
}
