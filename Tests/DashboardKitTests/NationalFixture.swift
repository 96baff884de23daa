import CongDanSoCore
import Foundation

@testable import DashboardKit

/// A small national-style data set, built here from the committed national
/// list (tools/reference/vietnam-units-2025.csv; its codes, names, types and
/// provinces are facts) with SYNTHETIC counts from a fixed formula, so the
/// frames are the same on every machine:
///
/// - the first two units of each of the 34 provinces (code order), every
///   "Tân Tiến" (eight, in eight provinces), the Đắk Lắk names with ’ and
///   Chân Mây – Lăng Cô: 82 units;
/// - snapshots at 15:00 on 19, 20, 21 and 22/10/2025: the data starts on
///   19/10, so the ten-day trend has blank days before it and the 19/10
///   history row has no change;
/// - scope "nation".
enum NationalFixture {
    static let referencePath = Fixtures.root.appendingPathComponent("tools/reference/vietnam-units-2025.csv").path

    static let extraNames: Set<String> = [
        "Tân Tiến", "Ea H’leo", "Cư M’gar", "Ea M’Droh", "M’Drắk", "Cư M’ta", "Chân Mây – Lăng Cô",
    ]

    /// (code, name, type, province), in the list's (code) order.
    static let units: [(String, String, UnitType, String)] = {
        guard let text = try? String(contentsOfFile: referencePath, encoding: .utf8) else {
            fatalError("missing \(referencePath)")
        }
        var perProvince: [String: Int] = [:]
        var result: [(String, String, UnitType, String)] = []
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 4, let type = UnitType(parsing: f[2]) else { continue }
            let seen = perProvince[f[3], default: 0]
            if seen < 2 || extraNames.contains(f[1]) {
                result.append((f[0], f[1], type, f[3]))
            }
            perProvince[f[3]] = seen + 1
        }
        return result
    }()

    /// A number from a code and a salt, the same everywhere (no `hashValue`).
    static func mix(_ code: String, _ salt: Int) -> Int {
        var h = UInt64(salt &+ 1469598103)
        for b in code.utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
        return Int(h % 1_000_003)
    }

    static let days = [19, 20, 21, 22]

    static let dataset: Dataset = {
        let config = ContestConfig(title: "Công dân số toàn quốc (số liệu giả lập)", scope: .nation)
        var list: [CongDanSoCore.Unit] = []
        var histories: [History] = []
        for (code, name, type, province) in units {
            let population = 4_000 + mix(code, 1) % 90_000
            let adults = Int((Double(population) * 0.68).rounded())
            list.append(
                CongDanSoCore.Unit(
                    code: code, name: name, type: type, population: population, adults: adults,
                    adultsEstimated: true, province: province))
            // New registrations a day: a unit's own rate, varied per day so ranks move.
            let rate = 5 + mix(code, 2) % 120
            var registered = 0
            var observations: [Observation] = []
            for (i, day) in days.enumerated() {
                let factor = 1 + mix(code, 10 + i) % 4
                registered += i == 0 ? rate * 3 : rate * factor / 2
                let completed = registered * (40 + mix(code, 3) % 30) / 100
                let t = Timestamp.from(year: 2025, month: 10, day: day, hour: 15, offset: .vietnam)
                observations.append(Observation(time: t, registered: registered, completed: completed))
            }
            histories.append(History(observations))
        }
        return Dataset(config: config, units: list, histories: histories)
    }()

    static let standings = Standings(dataset: dataset, now: Fixtures.clock)

    static func state(width: Int, height: Int, language: Language = .vi, ascii: Bool = false) -> DashboardState {
        var s = DashboardState(
            standings: standings, language: language, colorEnabled: true, ascii: ascii,
            now: Fixtures.loadedAt, refreshSeconds: 30, width: width, height: height)
        _ = update(&s, .tick(Fixtures.clock))
        return s
    }
}
