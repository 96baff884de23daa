import CongDanSoCore
import DashboardKit
import Foundation
import OfficeDocuments

/// Writes the table as shown (the `e` key; `E` for a workbook) to
/// `congdanso-YYYYMMDD-HHMMSS.csv` (`.xlsx`), stamped with the data's moment (not the
/// clock's), so the file says which figures it holds; a second export of
/// the same moment gets `-2`, `-3`, … rather than overwriting the first.
public struct ExportWriter: Sendable {
    /// Tried in order when the state names no folder: by default the
    /// current directory, then `$TMPDIR`.
    public let folders: [String]

    public init(folders: [String] = [FileManager.default.currentDirectoryPath, NSTemporaryDirectory()]) {
        self.folders = folders
    }

    /// What the file holds: CSV (`e`) or an Excel workbook (`E`).
    public enum Format: Sendable {
        case csv
        /// The workbook names the query's filter and order under its title.
        case workbook(query: TableQuery, lang: Language)

        var fileExtension: String {
            switch self {
            case .csv: return "csv"
            case .workbook: return "xlsx"
            }
        }
    }

    /// The file name for data at `moment`.
    public static func fileName(
        moment: Timestamp, offset: UTCOffset, attempt: Int = 1, extension ext: String = "csv"
    ) -> String {
        "congdanso-\(DateForms.fileStamp(moment, offset: offset))" + (attempt > 1 ? "-\(attempt)" : "") + "." + ext
    }

    /// Writes `rows` into `folder` (the state's `exportFolder`; `~` is the
    /// home folder) or, when it is nil, the first of `folders` that takes
    /// it, and answers with `.exported(path:)` (the whole path), or
    /// `.exportFailed` naming the last folder's error.
    public func write(
        _ rows: [UnitFigures], standings: Standings, folder: String? = nil, format: Format = .csv
    ) -> Message {
        let bytes: [UInt8]
        switch format {
        case .csv:
            bytes = Array(TableExport.csv(rows, standings: standings).utf8)
        case .workbook(let query, let lang):
            do {
                bytes = Array(
                    try SpreadsheetExport.workbook(
                        rows, standings: standings, lang: lang, note: SpreadsheetExport.note(query, lang)))
            } catch {
                return .exportFailed("the workbook could not be made: \(error)")
            }
        }
        var lastError = ""
        let candidates = folder.map { [NSString(string: $0).expandingTildeInPath] } ?? folders
        for folder in candidates {
            let base = URL(fileURLWithPath: folder)
            var attempt = 1
            var url = base.appendingPathComponent(
                Self.fileName(
                    moment: standings.moment, offset: standings.config.timeZone, extension: format.fileExtension))
            while FileManager.default.fileExists(atPath: url.path), attempt < 1000 {
                attempt += 1
                url = base.appendingPathComponent(
                    Self.fileName(
                        moment: standings.moment, offset: standings.config.timeZone, attempt: attempt,
                        extension: format.fileExtension))
            }
            // The commands' writer: whole or not at all, a clear message on failure.
            do throws(OutputError) {
                try SafeFileWriter.write(bytes, to: url.path)
                return .exported(path: url.standardizedFileURL.path)
            } catch {
                lastError = error.description
            }
        }
        return .exportFailed(lastError)
    }
}
