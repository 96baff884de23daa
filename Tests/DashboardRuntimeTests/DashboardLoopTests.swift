import CongDanSoCore
import DashboardKit
import DashboardRuntime
import Foundation
import SpreadsheetReader
import TerminalCells
import Testing

/// The run loop on the test backend: how it ends, what effects it carries
/// out, and the live source driven by the loop's own clock.
@Suite struct DashboardLoopTests {
    static func run(
        _ script: [TestBackend.Step], width: Int = 100, height: Int = 30, source: LiveSource? = nil,
        clock: ManualClock = ManualClock(Sample.clock), exports: ExportWriter = ExportWriter(),
        state: DashboardState = Sample.state()
    ) -> (TestBackend, DashboardLoop<TestBackend>, Int32?) {
        let backend = TestBackend(width: width, height: height, script: script) { clock.advance(milliseconds: $0) }
        var loop = DashboardLoop(backend: backend, state: state, source: source, clock: clock, exports: exports)
        let signal = loop.run()
        return (backend, loop, signal)
    }

    @Test func qQuitsAndTheKeysAfterItAreNotRead() {
        let (backend, loop, signal) = Self.run([.input([.key(.character("q")), .key(.down)]), .input([.key(.down)])])
        #expect(signal == nil)
        #expect(loop.currentState.selectedIndex == 0)
        #expect(backend.frames.count == 1, "the first frame only")
    }

    @Test func aSignalEndsTheLoopWithItsNumber() {
        let (_, loop, signal) = Self.run([.input([.key(.down)]), .input([.interrupted(signal: 10)])])
        #expect(signal == 10)
        #expect(loop.currentState.selectedIndex == 1)
    }

    @Test func framesAreDrawnOnlyWhenSomethingHappened() {
        // 900 ms of nothing inside one second draws nothing new; the next
        // second's tick redraws the clock.
        let clock = ManualClock(Sample.clock)
        let (backend, _, _) = Self.run([.pause(milliseconds: 900)], clock: clock)
        #expect(backend.frames.count == 1)
        let (later, _, _) = Self.run([.pause(milliseconds: 1_100)], clock: ManualClock(Sample.clock))
        #expect(later.frames.count == 2)
    }

    @Test func theStateTakesTheBackendsSize() {
        let (backend, loop, _) = Self.run([.input([.resize(width: 60, height: 20)])], width: 120, height: 40)
        #expect(loop.currentState.width == 60 && loop.currentState.height == 20)
        #expect(backend.frames.first?.width == 120)
        #expect(backend.lastFrame?.width == 60 && backend.lastFrame?.height == 20)
    }

    @Test func anExportIsWrittenAndItsPathShown() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let (backend, _, _) = Self.run(
            [
                .input([.key(.character("/"))]), .input("tu ky".map { InputEvent.key(.character($0)) }),
                .input([.key(.enter), .key(.character("e"))]),
            ],
            width: 160, exports: ExportWriter(folders: [folder.path]))
        // Stamped with the data's moment (22/10 15:00), not the clock's (16:02).
        let name = "congdanso-20251022-150000.csv"
        let csv = try String(contentsOfFile: folder.path + "/" + name, encoding: .utf8)
        #expect(csv.contains("Tứ Kỳ"))
        #expect(csv.split(whereSeparator: \.isNewline).count == 2, "the header and the one unit shown")
        #expect(
            backend.lastFrame?.text().contains(name) == true,
            "the answer reached the status line: \(backend.lastFrame?.lines().suffix(2) ?? [])")
    }

    @Test func shiftEWritesTheTableAsShownToAWorkbook() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let (backend, _, _) = Self.run(
            [
                .input([.key(.character("/"))]), .input("tu ky".map { InputEvent.key(.character($0)) }),
                .input([.key(.enter), .key(.character("E"))]),
            ],
            width: 160, exports: ExportWriter(folders: [folder.path]))
        let name = "congdanso-20251022-150000.xlsx"
        let reader = try XLSXReader(path: folder.path + "/" + name)
        var texts: [String] = []
        var numbers: [Double] = []
        try reader.readRows { _, cells in
            for cell in cells {
                switch cell.value {
                case .text(let t): texts.append(t)
                case .number(let n): numbers.append(n)
                default: break
                }
            }
        }
        #expect(texts.contains("Tứ Kỳ"))
        #expect(!texts.contains("Việt Khê"), "only the unit the filter shows")
        #expect(numbers.contains(2160) && numbers.contains(1409), "Tứ Kỳ's counts, as numbers")
        #expect(backend.lastFrame?.text().contains(name) == true)
    }

    @Test func theStatesFolderIsUsedAndASecondExportDoesNotOverwrite() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let deep = folder.path + "/a-rather-long-folder-name-for-exports/and-another-level-below-it"
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        var state = Sample.state()
        state.exportFolder = deep
        let backend = TestBackend(
            width: 80, height: 24,
            script: [
                .input([.key(.character("l"))]), .input([.key(.character("t"))]), .input([.key(.character("e"))]),
                .input([.key(.character("e"))]),
            ])
        var loop = DashboardLoop(
            backend: backend, state: state, source: nil, clock: ManualClock(Sample.clock),
            exports: ExportWriter(folders: ["/nonexistent-congdanso-folder"]))
        _ = loop.run()
        #expect(FileManager.default.fileExists(atPath: deep + "/congdanso-20251022-150000.csv"))
        #expect(FileManager.default.fileExists(atPath: deep + "/congdanso-20251022-150000-2.csv"))
        // The whole path stays in sight at 80 columns, cut in the middle if at all:
        // its start and the file name are both there.
        let status = try #require(backend.lastFrame?.lines()[22])
        #expect(status.contains("congdanso-20251022-150000-2.csv"), "\(status)")
        #expect(status.contains(String(folder.path.prefix(4))), "\(status)")
    }

    @Test func aFailedExportSaysWhy() {
        let (backend, _, _) = Self.run(
            [.input([.key(.character("e"))])], width: 160,
            exports: ExportWriter(folders: ["/nonexistent-congdanso-folder"]))
        #expect(backend.lastFrame?.text().contains("/nonexistent-congdanso-folder") == true)
    }

    @Test func theLoopsClockDrivesTheLiveSource() throws {
        // Snapshots change on disk; after the refresh interval (5 s) of the
        // loop's clock, the new totals are on screen. No real time passes.
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("units.csv", LiveSourceTests.units)
        let snapshot = "as_of,code,registered,completed\n2025-10-22T07:00:00+07:00,A1,1234,0\n"
        try folder.write("snapshots/a.csv", snapshot)
        let first = FirstFrame.load(directory: folder.path, events: nil, overrides: ConfigOverrides()) {
            let (result, tail) = DataDirectory.loadLive(folder.path, live: true)
            return (result.dataset!, tail)
        }
        let clock = ManualClock(Sample.clock)
        let source = LiveSource(
            directory: folder.path, overrides: ConfigOverrides(), events: nil, first: first, clock: clock,
            background: { $0() })
        let state = DashboardState(
            standings: Standings(dataset: first.dataset, now: clock.now()), colorEnabled: true, ascii: false,
            now: clock.now(), refreshSeconds: 5)
        try folder.write("snapshots/b.csv", "as_of,code,registered,completed\n2025-10-22T08:00:00+07:00,A1,5678,0\n")
        let (early, _, _) = Self.run([.pause(milliseconds: 4_000)], source: source, clock: clock, state: state)
        #expect(early.lastFrame?.text().contains("1.234") == true, "before the interval: the old figures")
        let (later, _, _) = Self.run([.pause(milliseconds: 2_000)], source: source, clock: clock, state: state)
        #expect(later.lastFrame?.text().contains("5.678") == true, "after it: the new ones")
    }

    @Test func aFollowedLogIsTakenInEverySecondWhateverTheRefreshInterval() throws {
        let (folder, source, first) = try LiveSourceTests.open(
            log: LiveSourceTests.header + LiveSourceTests.line(0, "A1", "c1"))
        defer { folder.remove() }
        let clock = ManualClock(Sample.clock)
        let state = DashboardState(
            standings: Standings(dataset: first.dataset, now: clock.now()), colorEnabled: true, ascii: false,
            now: clock.now(), refreshSeconds: 900)
        try folder.append(
            "events.csv", (1...1233).map { LiveSourceTests.line($0 % 60, "B2", "n\($0)") }.joined())
        let (backend, _, _) = Self.run([.pause(milliseconds: 1_200)], source: source, clock: clock, state: state)
        #expect(backend.lastFrame?.text().contains("1.234") == true, "1 + 1,233 registrations within a second")
    }
}
