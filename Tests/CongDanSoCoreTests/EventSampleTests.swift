import Foundation
import Testing

@testable import CongDanSoCore

/// The sample event log (tools/make_sample_data.py) against the sample
/// snapshots: counting its events up to each as_of gives each snapshot's
/// per-unit figures exactly, and the letter's figures come out of it.
@Suite("Sample event log")
struct EventSampleTests {
    /// sample-data/ with its events.csv: the committed one when present,
    /// else one made by the sample script into a temporary copy.
    static func sampleWithEvents() throws -> TempDataDir {
        let dir = TempDataDir()
        let fm = FileManager.default
        for name in ["units.csv", "config.toml"] {
            try fm.copyItem(atPath: sampleDataPath + "/" + name, toPath: dir.path + "/" + name)
        }
        try fm.copyItem(atPath: sampleDataPath + "/snapshots", toPath: dir.path + "/snapshots")
        let committed = sampleDataPath + "/events.csv"
        if fm.fileExists(atPath: committed) {
            try fm.copyItem(atPath: committed, toPath: dir.path + "/events.csv")
        } else {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [
                "python3", packageRoot.appendingPathComponent("tools/make_sample_data.py").path,
                "--events-to", dir.path + "/events.csv",
            ]
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            try #require(p.terminationStatus == 0, "tools/make_sample_data.py failed")
        }
        return dir
    }

    @Test("the log agrees with every snapshot and gives the letter's figures")
    func consistent() throws {
        let dir = try Self.sampleWithEvents()
        let d = try dir.dataset()
        // Any snapshot row that differs from the log's count would be a warning.
        #expect(d.warnings.isEmpty, "\(d.warnings.prefix(5))")
        #expect(d.latestMoment == ts("2025-10-22T15:00:00+07:00"))
        let s = standings(d)
        #expect(s.city.registered == 84360 && s.city.completed == 49317)
        #expect(s.city.participating == 114)
        let earlier = standings(d, at: "2025-10-21T15:30:00+07:00")
        #expect(earlier.city.registered == 70949 && earlier.city.completed == 42117)
        // The same standings as from the snapshots alone, at every snapshot moment.
        dir.remove("events.csv")
        let snapshotsOnly = try dir.dataset()
        for t in snapshotsOnly.moments {
            for u in d.units.indices {
                #expect(d.value(unit: u, at: t) == snapshotsOnly.value(unit: u, at: t))
            }
        }
    }
}
