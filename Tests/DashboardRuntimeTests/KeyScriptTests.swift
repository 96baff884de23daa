import CongDanSoCore
import DashboardKit
import DashboardRuntime
import Foundation
import TerminalCells
import Testing

/// Key scripts (VisiData's replayed command logs): each file in Scripts/ is
/// run through the real run loop on the test backend, with the sample data
/// and a clock that starts at 22/10/2025 16:02:00 and moves only with the
/// script's waits; the last frame drawn must be the one the file ends with.
/// `UPDATE_SCRIPTS=1 swift test --filter KeyScriptTests` rewrites the frames
/// (review them by eye with `git diff`).
@Suite struct KeyScriptTests {
    static let folder = Sample.root.appendingPathComponent("Tests/DashboardRuntimeTests/Scripts").path

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }()

    @Test func thereAreScripts() {
        #expect(Self.names.count >= 6, "Scripts/ was not found or lost files")
    }

    @Test(arguments: names) func script(_ name: String) throws {
        let path = Self.folder + "/" + name + ".txt"
        let script = try KeyScript(parsing: String(contentsOfFile: path, encoding: .utf8))
        let clock = ManualClock(Sample.clock)
        let backend = TestBackend(width: script.width, height: script.height, script: script.steps) {
            clock.advance(milliseconds: $0)
        }
        var state = Sample.state(
            refreshSeconds: script.refreshSeconds, staleAfterSeconds: script.staleAfterSeconds ?? 7200)
        if let seconds = script.rotateSeconds { state.startWallMode(seconds: seconds) }
        var loop = DashboardLoop(backend: backend, state: state, source: nil, clock: clock)
        let signal = loop.run()
        #expect(signal == nil)
        let frame = try #require(backend.lastFrame).lines()
        if ProcessInfo.processInfo.environment["UPDATE_SCRIPTS"] != nil {
            try script.text(withFrame: frame).write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try #require(script.expectedFrame, "\(name).txt has no \(KeyScript.frameMarker) section")
        #expect(frame == expected, "\(name).txt: run with UPDATE_SCRIPTS=1 and review the diff")
    }
}
