import CongDanSoCore
import DashboardKit
import Foundation

/// Shared test data: the project's sample-data/ and a fixed clock.
enum Sample {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let directory = root.appendingPathComponent("sample-data").path

    static let dataset: Dataset = {
        let result = DataDirectory.load(directory)
        guard let dataset = result.dataset else {
            fatalError("sample-data did not load: \(result.issues.map(\.description))")
        }
        return dataset
    }()

    /// 22/10/2025 16:02:00 +07:00: the wall clock when every script starts.
    static let clock = Timestamp.from(year: 2025, month: 10, day: 22, hour: 16, minute: 2, offset: .vietnam)

    /// The dashboard on the sample data, as the program opens it, with a
    /// `stale_after` of 2 hours (the data of 15:00 is live at 16:02) unless told.
    static func state(language: Language = .vi, refreshSeconds: Int = 5, staleAfterSeconds: Int = 7200)
        -> DashboardState
    {
        DashboardState(
            standings: Standings(dataset: dataset, now: clock), language: language, colorEnabled: true,
            ascii: false, now: clock, refreshSeconds: refreshSeconds, staleAfterSeconds: staleAfterSeconds)
    }
}

/// A fresh empty directory under the system's temporary folder, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "congdanso-runtime-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + name)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func append(_ name: String, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path + "/" + name))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    func move(_ from: String, _ to: String) throws {
        try FileManager.default.moveItem(atPath: path + "/" + from, toPath: path + "/" + to)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
