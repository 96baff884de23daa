import CongDanSoCore
import Foundation
import Testing

@testable import DashboardKit

/// Shared test data: the project's sample-data/ and a fixed clock.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let sampleDirectory = root.appendingPathComponent("sample-data").path

    static let dataset: Dataset = {
        let result = DataDirectory.load(sampleDirectory)
        guard let dataset = result.dataset else {
            fatalError("sample-data did not load: \(result.issues.map(\.description))")
        }
        return dataset
    }()

    /// 22/10/2025 16:02:00 +07:00: the wall clock in every test.
    static let clock = Timestamp.from(year: 2025, month: 10, day: 22, hour: 16, minute: 2, offset: .vietnam)
    /// When the sample data was "loaded".
    static let loadedAt = Timestamp.from(
        year: 2025, month: 10, day: 22, hour: 16, minute: 0, second: 5, offset: .vietnam)

    static let standings = Standings(dataset: dataset, now: clock)

    static func state(
        width: Int = 120, height: Int = 40, language: Language = .vi,
        color: Bool = true, ascii: Bool = false, staleAfterSeconds: Int = 7200
    ) -> DashboardState {
        // stale_after 2 h: the data of 15:00 is live at 16:02 (pass 1800 for late).
        var s = DashboardState(
            standings: standings, language: language, colorEnabled: color, ascii: ascii,
            now: loadedAt, refreshSeconds: 30, width: width, height: height, staleAfterSeconds: staleAfterSeconds)
        _ = update(&s, .tick(clock))
        return s
    }

    /// A dataset built in code.
    static func dataset(
        units: [(code: String, name: String, type: UnitType, registered: Int, completed: Int)],
        config: ContestConfig = ContestConfig()
    ) -> Dataset {
        let t = Timestamp.from(year: 2025, month: 10, day: 22, hour: 15, offset: .vietnam)
        let list = units.map { u in
            Unit(
                code: u.code, name: u.name, type: u.type, population: 10_000, adults: 6_800, adultsEstimated: true,
                formerProvince: "Hải Phòng", formerDistricts: nil, areaKm2: 12.5)
        }
        let histories = units.map {
            History([Observation(time: t, registered: $0.registered, completed: $0.completed)])
        }
        return Dataset(config: config, units: list, histories: histories)
    }
}

/// Feeds keys to `update`, returning every effect.
@discardableResult
func press(_ state: inout DashboardState, _ keys: Key...) -> [Effect] {
    keys.flatMap { update(&state, .key($0)) }
}

/// Types each character of `text` as a key.
@discardableResult
func type(_ state: inout DashboardState, _ text: String) -> [Effect] {
    text.flatMap { update(&state, .key(.character($0))) }
}

/// The names of the rows, in order.
func names(_ state: DashboardState) -> [String] { state.rows.map(\.unit.name) }

// MARK: - Golden frames

/// Compares the buffer's text with `Golden/<name>.txt` (trailing spaces
/// ignored). `UPDATE_GOLDEN=1 swift test …` rewrites the file instead; on a
/// mismatch the differing lines are printed.
func expectGolden(_ name: String, _ buffer: Buffer, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = Fixtures.root.appendingPathComponent("Tests/DashboardKitTests/Golden/\(name).txt")
    let actual = buffer.lines().map { line in
        var l = Substring(line)
        while l.last == " " { l.removeLast() }
        return String(l)
    }
    let text = actual.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expectedText = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record(
            "missing golden \(url.path); run with UPDATE_GOLDEN=1 to create it. Actual:\n\(text)",
            sourceLocation: sourceLocation)
        return
    }
    guard expectedText != text else { return }
    var expected = expectedText.components(separatedBy: "\n")
    if expected.last == "" { expected.removeLast() }
    var diff: [String] = []
    for i in 0..<max(expected.count, actual.count) {
        let e = i < expected.count ? expected[i] : "<none>"
        let a = i < actual.count ? actual[i] : "<none>"
        if e != a { diff.append("line \(i + 1):\n  - \(e)\n  + \(a)") }
    }
    let message = "frame \(name) differs from its golden (UPDATE_GOLDEN=1 to accept):\n" + diff.joined(separator: "\n")
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}
