import CongDanSoCore
import DashboardKit
import Foundation

/// Writes the table as shown (the `e` key) to
/// `congdanso-YYYYMMDD-HHMMSS.csv` in the first folder that takes it.
public struct ExportWriter: Sendable {
    /// Tried in order; by default the current directory, then `$TMPDIR`.
    public let folders: [String]

    public init(folders: [String] = [FileManager.default.currentDirectoryPath, NSTemporaryDirectory()]) {
        self.folders = folders
    }

    /// Writes `rows` and answers with `.exported(path:)`, or
    /// `.exportFailed` naming the last folder's error.
    public func write(_ rows: [UnitFigures], standings: Standings, at now: Timestamp) -> Message {
        let name = "congdanso-\(DateForms.fileStamp(now, offset: standings.config.timeZone)).csv"
        let data = Data(TableExport.csv(rows, standings: standings).utf8)
        var lastError = ""
        for folder in folders {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
            do {
                try data.write(to: url, options: .atomic)
                return .exported(path: url.path)
            } catch {
                lastError = "\(url.path): \(error.localizedDescription)"
            }
        }
        return .exportFailed(lastError)
    }
}
